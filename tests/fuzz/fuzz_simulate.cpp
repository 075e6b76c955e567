// SPDX-License-Identifier: MIT
// libFuzzer target for include/iam/simulate.hpp: a `simulate-custom-policy` input never
// crashes parse_simulation_input; a policy cache shared by every input changes no answer
// (a cached document is read as a fresh one would be); and the output document, an
// error or results, is always a JSON object.
#include <iam/json.hpp>
#include <iam/policy_cache.hpp>
#include <iam/simulate.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "require.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    static iam::policy_cache cache(64);  // small, so that it also clears while fuzzing
    const auto fresh = iam::parse_simulation_input(text);
    const auto cached = iam::parse_simulation_input(text, &cache);
    require(fresh.has_value() == cached.has_value());
    if (fresh) {
        const iam::compiled_policy_set a = iam::policies_of(*fresh), b = iam::policies_of(*cached);
        for (std::size_t layer = 0; layer < iam::policy_layer_count; ++layer)
            require(a.policies(static_cast<iam::policy_layer>(layer)).size() ==
                    b.policies(static_cast<iam::policy_layer>(layer)).size());
        require(fresh->actions == cached->actions && fresh->resources == cached->resources);
        require(!fresh->actions.empty() && !fresh->resources.empty());
    }
    const std::string output = iam::simulate_json(text);
    require(iam::simulate_json(text, &cache) == output);
    const auto written = iam::json::parse(output);
    require(written && written->is_object());
    return 0;
}
