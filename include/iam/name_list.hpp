// SPDX-License-Identifier: MIT
// iamcpp: linting lists of names, one per line, as build tools keep them in files:
// every invalid name and every repeat ignoring case, with line and column.
#ifndef IAM_NAME_LIST_HPP_INCLUDED
#define IAM_NAME_LIST_HPP_INCLUDED

#include <algorithm>
#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

#include "names.hpp"
#include "unique_names.hpp"

namespace iam {

/// Calls `on_name(line_number, name)` for each name line of `text`: lines are split
/// at `\n`, a trailing `\r` is dropped, and blank lines and lines starting with `#`
/// are skipped. Nothing else is trimmed, so a stray space stays part of the name.
template <typename OnName>
constexpr void for_each_name_line(std::string_view text, OnName&& on_name) {
    std::size_t line_number = 0;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        ++line_number;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (!line.empty() && line.front() != '#') on_name(line_number, line);
        start = end + 1;
    }
}

/// True for kinds whose names IAM keeps unique ignoring case within their scope
/// (users, groups, roles and policies per account; inline policies per holder; tag keys per user).
constexpr bool unique_ignoring_case(name_kind kind) noexcept {
    switch (kind) {
        case name_kind::user:
        case name_kind::group:
        case name_kind::role:
        case name_kind::managed_policy:
        case name_kind::inline_policy:
        case name_kind::tag_key: return true;
        default: return false;
    }
}

/// Where a name stands: which input, which line, which byte column (both 1-based).
struct name_location {
    std::size_t source = 0;
    std::size_t line = 0;
    std::size_t column = 1;
    friend constexpr bool operator==(const name_location&, const name_location&) = default;
};

/// One problem in a list: an invalid name (`error` says why), or a valid name that
/// repeats an earlier one ignoring case (`duplicate`, with `first` pointing at it).
struct name_finding {
    name_location at;
    std::string_view name;
    name_error error;
    bool duplicate = false;
    name_location first;
};

/// The findings of `lint_name_list`, in input order, and how many names it read.
struct name_list_report {
    std::vector<name_finding> findings;
    std::size_t names_checked = 0;
};

/// Checks every name line of every text in `sources` (one text per input file) against
/// the rules of `kind`, and, for kinds unique ignoring case, reports each valid name
/// that repeats an earlier valid one across all sources. Findings view `sources`.
inline name_list_report lint_name_list(std::span<const std::string_view> sources, name_kind kind) {
    struct seen_name {
        std::string_view text;
        name_location at;
    };
    name_list_report report;
    std::vector<seen_name> seen;
    detail::name_index_table table;
    const auto text_at = [&](std::size_t i) { return seen[i].text; };
    const bool check_unique = unique_ignoring_case(kind);
    if (check_unique) {
        // Sized once from the line count: growing would rehash every name again.
        std::size_t lines = 0;
        for (const std::string_view text : sources)
            lines += static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
        seen.reserve(lines);
        table.reserve(lines, text_at);
    }
    for (std::size_t source = 0; source < sources.size(); ++source) {
        for_each_name_line(sources[source], [&](std::size_t line, std::string_view name) {
            ++report.names_checked;
            const name_error error = check_name(kind, name);
            if (!error.ok()) {
                report.findings.push_back({{source, line, std::size_t{error.offset} + 1}, name, error, false, {}});
                return;
            }
            if (!check_unique) return;
            const name_location at{source, line, 1};
            seen.push_back({name, at});
            const std::size_t first = table.find_or_insert(name, ihash(name), seen.size() - 1, text_at);
            if (first != detail::name_index_table::npos) {
                seen.pop_back();
                report.findings.push_back({at, name, error, true, seen[first].at});
            }
        });
    }
    return report;
}

}  // namespace iam

#endif  // IAM_NAME_LIST_HPP_INCLUDED
