// SPDX-License-Identifier: MIT
// Tests of include/iam/string_list.hpp: strings packed into one allocation.
#include <iam/string_list.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

using iam::string_list;

static_assert(std::random_access_iterator<string_list::iterator>);

TEST_CASE("string_list: starts empty and keeps strings in order") {
    string_list list;
    CHECK(list.empty());
    CHECK(list.begin() == list.end());
    list.push_back("s3:GetObject");
    list.push_back("");
    list.push_back("iam:PassRole");
    REQUIRE(list.size() == 3);
    CHECK(list[0] == "s3:GetObject");
    CHECK(list[1].empty());
    CHECK(list.front() == "s3:GetObject");
    CHECK(list.back() == "iam:PassRole");
    CHECK(std::vector<std::string_view>(list.begin(), list.end()) ==
          std::vector<std::string_view>{"s3:GetObject", "", "iam:PassRole"});
}

TEST_CASE("string_list: grows past any reservation without losing strings") {
    string_list list;
    list.reserve(2, 3);
    std::vector<std::string> expected;
    for (int i = 0; i < 1000; ++i) {
        expected.push_back(std::string(static_cast<std::size_t>(i % 37), static_cast<char>('a' + i % 26)));
        list.push_back(expected.back());
    }
    REQUIRE(list.size() == expected.size());
    CHECK(std::equal(list.begin(), list.end(), expected.begin(), expected.end()));
}

TEST_CASE("string_list: copies are independent values, moves leave the source empty") {
    string_list original{"a", "bb", "ccc"};
    string_list copy = original;
    copy.push_back("dddd");
    CHECK(original.size() == 3);
    CHECK(copy.size() == 4);
    CHECK(copy[2] == "ccc");
    string_list assigned;
    assigned = original;
    CHECK(assigned == original);
    const string_list& same = assigned;
    assigned = same;  // self-assignment keeps the strings
    CHECK(assigned == original);
    const string_list moved = std::move(original);
    CHECK(moved == string_list{"a", "bb", "ccc"});
    CHECK(original.empty());  // NOLINT(bugprone-use-after-move): moved-from state is specified
}

TEST_CASE("string_list: equality compares strings in order; clear empties") {
    CHECK(string_list{"x", "y"} == string_list{"x", "y"});
    CHECK(string_list{"x", "y"} != string_list{"y", "x"});
    CHECK(string_list{"xy"} != string_list{"x", "y"});
    CHECK(string_list{} == string_list{});
    string_list list{"x"};
    list.clear();
    CHECK(list.empty());
    list = {"p", "q"};
    CHECK(list == string_list{"p", "q"});
}

TEST_CASE("string_list: iterators are random access") {
    const string_list list{"a", "b", "c", "d"};
    auto it = list.begin() + 2;
    CHECK(*it == "c");
    CHECK(it[1] == "d");
    CHECK(list.end() - list.begin() == 4);
    CHECK(--it == list.begin() + 1);
    CHECK(std::find(list.begin(), list.end(), "d") == list.end() - 1);
    CHECK(list.begin() < list.end());
}
