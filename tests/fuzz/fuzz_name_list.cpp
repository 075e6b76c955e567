// SPDX-License-Identifier: MIT
// Fuzz target: the line reader and list linter behind `iamcpp lint-names`, checked
// against a plain reading of the same text and a quadratic duplicate search.
#include <iam/name_list.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "require.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);

    // Reference reader: split on '\n', drop one '\r', skip empty and '#' lines.
    std::vector<std::string_view> expected;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (!line.empty() && line[0] != '#') expected.push_back(line);
        start = end + 1;
    }
    std::vector<std::string_view> got;
    std::size_t last_line = 0;
    iam::for_each_name_line(text, [&](std::size_t line, std::string_view name) {
        require(line > last_line);
        last_line = line;
        require(name.data() >= text.data() && name.data() + name.size() <= text.data() + text.size());
        got.push_back(name);
    });
    require(got == expected);

    const std::vector<std::string_view> sources{text};
    const iam::name_list_report report = iam::lint_name_list(sources, iam::name_kind::user);
    require(report.names_checked == expected.size());
    std::size_t duplicates = 0;
    std::vector<std::string_view> valid;
    for (std::string_view name : expected) {
        if (!iam::is_valid_user_name(name)) continue;
        for (std::string_view earlier : valid) {
            if (iam::iequals(earlier, name)) {
                ++duplicates;
                break;
            }
        }
        valid.push_back(name);
    }
    std::size_t reported = 0;
    for (const iam::name_finding& f : report.findings) reported += f.duplicate ? 1 : 0;
    require(reported == duplicates);
    require(iam::find_case_duplicates(expected).size() >= duplicates);
    return 0;
}
