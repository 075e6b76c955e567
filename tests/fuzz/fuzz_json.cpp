// SPDX-License-Identifier: MIT
// libFuzzer target for iam::json: parsing never crashes, errors point inside the
// input, allowing duplicate keys changes nothing else, a document view of the DOM round-trips, and whatever parses
// writes back to JSON that re-parses and re-writes identically.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <iam/json.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto parsed = iam::json::parse(text);
    // Allowing repeated keys relaxes that one rule: every other answer is the same.
    iam::json::parse_options lenient;
    lenient.allow_duplicate_keys = true;
    const auto relaxed = iam::json::parse_document(text, lenient);
    if (parsed ? !relaxed
               : parsed.error().code != iam::json::json_errc::duplicate_key &&
                     (relaxed || relaxed.error().code != parsed.error().code ||
                      relaxed.error().offset != parsed.error().offset))
        __builtin_trap();
    if (!parsed) {
        const iam::json::parse_error& e = parsed.error();
        if (e.offset > size || e.line == 0 || e.column == 0) __builtin_trap();
        const iam::json::text_position p = iam::json::line_column(text, e.offset);
        if (p.line != e.line || p.column != e.column) __builtin_trap();
        return 0;
    }
    // A document viewing the DOM copies back to an equal DOM.
    if (!(iam::json::document(*parsed).root().to_value() == *parsed)) __builtin_trap();
    const std::string compact = iam::json::write(*parsed);
    const auto reparsed = iam::json::parse(compact);
    if (!reparsed) __builtin_trap();
    if (!(*reparsed == *parsed)) __builtin_trap();
    if (iam::json::write(*reparsed) != compact) __builtin_trap();
    // Pretty output must parse back to the same value too.
    const auto from_pretty = iam::json::parse(iam::json::write(*parsed, iam::json::write_style::pretty));
    if (!from_pretty || !(*from_pretty == *parsed)) __builtin_trap();
    return 0;
}
