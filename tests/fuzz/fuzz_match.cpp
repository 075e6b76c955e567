// SPDX-License-Identifier: MIT
// Fuzz target: the wildcard matcher against the dynamic-programming reference, in
// every mode. Input: pattern, a 0xFF byte, text (texts without the separator match "").
#include <iam/match.hpp>

#include <cstdint>
#include <string_view>

#include "../match_reference.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const std::size_t split = input.find('\xFF');
    const std::string_view pattern = input.substr(0, split);
    const std::string_view text = split == std::string_view::npos ? std::string_view{} : input.substr(split + 1);
    if (pattern.size() > 300 || text.size() > 300) return 0;  // keeps the quadratic reference fast
    for (const auto mode : {iam::wildcard_mode::action, iam::wildcard_mode::exact, iam::wildcard_mode::arn})
        if (iam::wildcard_match(pattern, text, mode) != reference_wildcard_match(pattern, text, mode)) __builtin_trap();
    return 0;
}
