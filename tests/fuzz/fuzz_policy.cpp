// SPDX-License-Identifier: MIT
// libFuzzer target for include/iam/policy.hpp: parse_policy never crashes; every
// diagnostic offset lies within the input; a parsed policy survives write_policy and
// parses back to an equal model; the size check never crashes either.
#include <iam/policy.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    // Alternate kinds by the input length so managed-only rules are reached too.
    const auto kind = (size & 1) != 0 ? iam::policy_kind::managed : iam::policy_kind::identity;
    auto parsed = iam::parse_policy(text, kind);
    if (!parsed) {
        if (parsed.error().errors.empty()) __builtin_trap();
        for (const auto& e : parsed.error().errors)
            if (e.offset > size) __builtin_trap();
        for (const auto& w : parsed.error().warnings)
            if (w.offset > size) __builtin_trap();
    } else {
        for (const auto& w : parsed->warnings)
            if (w.offset > size) __builtin_trap();
        const std::string written = iam::write_policy(*parsed);
        auto again = iam::parse_policy(written, kind);
        if (!again) __builtin_trap();
        if (!(static_cast<const iam::policy&>(*again) == static_cast<const iam::policy&>(*parsed))) __builtin_trap();
        if (iam::write_policy(*again) != written) __builtin_trap();
    }
    if (auto e = iam::check_policy_size(text, iam::policy_kind::user_inline)) {
        if (e->offset > size) __builtin_trap();
    }
    return 0;
}
