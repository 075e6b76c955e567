// SPDX-License-Identifier: MIT
// Tests of include/iam/unique_names.hpp: IAM's "unique ignoring case" rule.
#include <iam/unique_names.hpp>

#include <doctest/doctest.h>

#include <array>
#include <list>
#include <random>
#include <set>
#include <string>
#include <vector>

using iam::duplicate_name;

TEST_CASE("find_case_duplicates: reports each repeat with its first occurrence") {
    const std::vector<std::string> names{"Alice", "bob", "ALICE", "Carol", "BOB", "alice"};
    const std::vector<duplicate_name> expected{{2, 0}, {4, 1}, {5, 0}};
    CHECK(iam::find_case_duplicates(names) == expected);
}

TEST_CASE("find_case_duplicates: works on any forward range of string-like values") {
    const std::array<std::string_view, 3> views{"x", "y", "X"};
    CHECK(iam::find_case_duplicates(views) == std::vector<duplicate_name>{{2, 0}});
    const std::list<const char*> pointers{"a", "A", "a"};
    CHECK(iam::find_case_duplicates(pointers) == std::vector<duplicate_name>{{1, 0}, {2, 0}});
    CHECK(iam::find_case_duplicates(std::vector<std::string>{}).empty());
}

TEST_CASE("find_case_duplicates: names differing beyond ASCII case are distinct") {
    const std::vector<std::string> names{"é", "É", "a-b", "a_b", "", "ab", "abcdefghi", "ABCDEFGHJ"};
    CHECK(iam::find_case_duplicates(names).empty());
}

TEST_CASE("find_case_duplicates: agrees with a std::set of lower-cased names on 20,000 random names") {
    std::mt19937 rng(7);
    std::vector<std::string> names;
    for (int i = 0; i < 20000; ++i) {
        std::string s;
        const int length = 1 + static_cast<int>(rng() % 4);
        for (int j = 0; j < length; ++j) s.push_back("aAbBcC"[rng() % 6]);
        names.push_back(s);
    }
    std::vector<duplicate_name> expected;
    std::vector<std::pair<std::string, std::size_t>> firsts;
    for (std::size_t i = 0; i < names.size(); ++i) {
        std::string lower = names[i];
        for (char& c : lower) c = iam::ascii_lower(c);
        bool found = false;
        for (const auto& [seen, index] : firsts) {
            if (seen == lower) {
                expected.push_back({i, index});
                found = true;
                break;
            }
        }
        if (!found) firsts.emplace_back(lower, i);
    }
    CHECK(iam::find_case_duplicates(names) == expected);
}

TEST_CASE("case_insensitive_name_set: adds names one by one, keeps the first spelling") {
    iam::case_insensitive_name_set set;
    CHECK(set.empty());
    CHECK_FALSE(set.find("x").has_value());
    auto r = set.insert("Alice");
    CHECK(r.inserted);
    CHECK(r.index == 0);
    r = set.insert("bob");
    CHECK(r.inserted);
    CHECK(r.index == 1);
    r = set.insert("ALICE");
    CHECK_FALSE(r.inserted);
    CHECK(r.index == 0);
    CHECK(set.size() == 2);
    CHECK(set[0] == "Alice");
    CHECK(set.contains("BOB"));
    CHECK(set.find("alice") == std::optional<std::size_t>{0});
    CHECK_FALSE(set.contains("carol"));
    set.clear();
    CHECK(set.empty());
    CHECK_FALSE(set.contains("alice"));
}

TEST_CASE("case_insensitive_name_set: stays correct while growing through many rehashes") {
    iam::case_insensitive_name_set set;
    set.reserve(10);
    for (int i = 0; i < 50000; ++i) CHECK(set.insert("user" + std::to_string(i)).inserted);
    set.reserve(100000, 1 << 20);
    for (int i = 0; i < 50000; i += 97) {
        const auto r = set.insert("USER" + std::to_string(i));
        CHECK_FALSE(r.inserted);
        CHECK(r.index == static_cast<std::size_t>(i));
    }
    CHECK(set.size() == 50000);
}
