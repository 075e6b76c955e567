// SPDX-License-Identifier: MIT
// A plain dynamic-programming wildcard matcher, the reference the fast one is tested
// and fuzzed against. Quadratic in time and memory: for tests only.
#ifndef IAM_TESTS_MATCH_REFERENCE_HPP_INCLUDED
#define IAM_TESTS_MATCH_REFERENCE_HPP_INCLUDED

#include <iam/match.hpp>

#include <string_view>
#include <vector>

inline bool reference_wildcard_match(std::string_view p, std::string_view t, iam::wildcard_mode mode) {
    const bool arn = mode == iam::wildcard_mode::arn;
    const auto same = [&](char a, char b) {
        return mode == iam::wildcard_mode::action ? iam::ascii_lower(a) == iam::ascii_lower(b) : a == b;
    };
    const auto escaped = [&](std::size_t i) {
        std::size_t run = 0;
        while (run < i && p[i - 1 - run] == iam::wildcard_escape) ++run;
        return run % 2 == 1;
    };
    const auto star = [&](std::size_t i) { return p[i] == '*' && !escaped(i); };
    // A star may cross a colon when the first non-star after its run is ':' or the end.
    const auto crosses = [&](std::size_t i) {
        while (i < p.size() && star(i)) ++i;
        return !arn || i == p.size() || p[i] == ':';
    };
    // ok[i][j]: p[i..] matches t[j..]
    std::vector<std::vector<char>> ok(p.size() + 1, std::vector<char>(t.size() + 1, 0));
    ok[p.size()][t.size()] = 1;
    for (std::size_t i = p.size(); i-- > 0;) {
        for (std::size_t j = t.size() + 1; j-- > 0;) {
            if (star(i)) {
                ok[i][j] = ok[i + 1][j] || (j < t.size() && (t[j] != ':' || crosses(i)) && ok[i][j + 1]);
            } else if (p[i] == iam::wildcard_escape && !escaped(i)) {
                ok[i][j] = ok[i + 1][j];  // reads nothing; the next byte is literal
            } else if (j < t.size()) {
                const bool one = p[i] == '?' && !escaped(i) ? (!arn || t[j] != ':') : same(p[i], t[j]);
                ok[i][j] = one && ok[i + 1][j + 1];
            }
        }
    }
    return ok[0][0] != 0;
}

#endif  // IAM_TESTS_MATCH_REFERENCE_HPP_INCLUDED
