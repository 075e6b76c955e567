// SPDX-License-Identifier: MIT
// Tests of include/iam/name_list.hpp: the line reader and the list linter behind `iamcpp lint-names`.
#include <iam/name_list.hpp>

#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

namespace {
std::vector<std::pair<std::size_t, std::string>> lines_of(std::string_view text) {
    std::vector<std::pair<std::size_t, std::string>> out;
    iam::for_each_name_line(text, [&](std::size_t line, std::string_view name) { out.emplace_back(line, name); });
    return out;
}
}  // namespace

TEST_CASE("for_each_name_line: skips blanks and comments, drops one trailing CR, trims nothing else") {
    using lines = std::vector<std::pair<std::size_t, std::string>>;
    CHECK(lines_of("") == lines{});
    CHECK(lines_of("a") == lines{{1, "a"}});
    CHECK(lines_of("a\n") == lines{{1, "a"}});
    CHECK(lines_of("a\r\n\r\n# c\n\n b \nc\r\r\n") == lines{{1, "a"}, {5, " b "}, {6, "c\r"}});
    CHECK(lines_of("\n\nx") == lines{{3, "x"}});
    CHECK(lines_of(" #not a comment") == lines{{1, " #not a comment"}});
}

TEST_CASE("lint_name_list: invalid names with 1-based line and column") {
    const std::vector<std::string_view> sources{"alice\nal ice\n\nbob\n"};
    const iam::name_list_report report = iam::lint_name_list(sources, iam::name_kind::user);
    CHECK(report.names_checked == 3);
    REQUIRE(report.findings.size() == 1);
    const iam::name_finding& f = report.findings[0];
    CHECK(f.at == iam::name_location{0, 2, 3});
    CHECK(f.name == "al ice");
    CHECK(f.error.code == iam::name_errc::bad_character);
    CHECK_FALSE(f.duplicate);
}

TEST_CASE("lint_name_list: duplicates across sources point at the first occurrence") {
    const std::vector<std::string_view> sources{"Alice\nbob\n", "carol\nALICE\nBOB\nalice\n"};
    const iam::name_list_report report = iam::lint_name_list(sources, iam::name_kind::user);
    CHECK(report.names_checked == 6);
    REQUIRE(report.findings.size() == 3);
    CHECK(report.findings[0].at == iam::name_location{1, 2, 1});
    CHECK(report.findings[0].first == iam::name_location{0, 1, 1});
    CHECK(report.findings[0].duplicate);
    CHECK(report.findings[1].first == iam::name_location{0, 2, 1});
    CHECK(report.findings[2].first == iam::name_location{0, 1, 1});
}

TEST_CASE("lint_name_list: invalid names are not also reported as duplicates; paths may repeat") {
    const std::vector<std::string_view> users{"a b\na b\n"};
    CHECK(iam::lint_name_list(users, iam::name_kind::user).findings.size() == 2);
    const std::vector<std::string_view> paths{"/a/\n/A/\n/a/\n"};
    CHECK(iam::lint_name_list(paths, iam::name_kind::path).findings.empty());
    const std::vector<std::string_view> keys{"Team\nteam\n"};
    CHECK(iam::lint_name_list(keys, iam::name_kind::tag_key).findings.size() == 1);
    CHECK(iam::unique_ignoring_case(iam::name_kind::group));
    CHECK_FALSE(iam::unique_ignoring_case(iam::name_kind::tag_value));
}
