// SPDX-License-Identifier: MIT
// iamcpp: wildcard matching for policy Action and Resource values, in time linear in
// the text for a given pattern (no backtracking blow-up on `a*a*a*...b`).
#ifndef IAM_MATCH_HPP_INCLUDED
#define IAM_MATCH_HPP_INCLUDED

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "names.hpp"

namespace iam {

/// How `*` and `?` treat colons and letter case.
enum class wildcard_mode : std::uint8_t {
    /// Actions: `*` and `?` match anything, letters compare ignoring ASCII case.
    action,
    /// Plain glob, case-sensitive: `*` and `?` match anything.
    exact,
    /// Resource ARNs (UG reference_policies_elements_resource): case-sensitive; `*`
    /// and `?` stay within a colon-separated segment, except that a `*` which is the
    /// last character of a segment (followed by `:` or the end) may expand beyond
    /// colon boundaries.
    arn,
};

/// In a pattern, this byte makes the next `*` or `?` a literal character. Policy
/// variable substitution writes it for `${*}`, `${?}` and substituted values; it cannot
/// come from a policy document (control characters are refused there).
inline constexpr char wildcard_escape = '\0';

namespace detail {

// A Thompson simulation over the pattern's positions, kept as a bit set: each text
// byte costs O(positions / 64) words, whatever the pattern. Runs of `*` are one star.
class wildcard_nfa {
public:
    constexpr wildcard_nfa(std::string_view pattern, wildcard_mode mode) : pattern_(pattern), mode_(mode) {}

    constexpr bool matches(std::string_view text) const {
        const std::size_t positions = pattern_.size() + 1;
        const std::size_t words = (positions + 63) / 64;
        if (words <= inline_words) {
            std::array<std::uint64_t, inline_words> a{}, b{};
            return run(text, a.data(), b.data(), words);
        }
        std::vector<std::uint64_t> a(words), b(words);
        return run(text, a.data(), b.data(), words);
    }

private:
    static constexpr std::size_t inline_words = 8;  // patterns up to 511 characters need no allocation

    static constexpr bool test(const std::uint64_t* set, std::size_t i) {
        return ((set[i / 64] >> (i % 64)) & 1u) != 0;
    }
    static constexpr void put(std::uint64_t* set, std::size_t i) { set[i / 64] |= std::uint64_t{1} << (i % 64); }

    // An escape byte guards the byte after it, even another escape byte: the byte at i
    // is guarded when an odd run of escape bytes ends just before it.
    constexpr bool escaped(std::size_t i) const {
        std::size_t run = 0;
        while (run < i && pattern_[i - 1 - run] == wildcard_escape) ++run;
        return run % 2 == 1;
    }
    constexpr bool is_star(std::size_t i) const { return i < pattern_.size() && pattern_[i] == '*' && !escaped(i); }
    constexpr bool is_escape(std::size_t i) const { return pattern_[i] == wildcard_escape && !escaped(i); }

    // May the star at i (the last of its run) cross a colon?
    constexpr bool star_crosses_colons(std::size_t i) const {
        return mode_ != wildcard_mode::arn || i + 1 == pattern_.size() || pattern_[i + 1] == ':';
    }

    constexpr bool literal_matches(std::size_t i, char c) const {
        const char p = pattern_[i];
        if (p == '?' && !escaped(i)) return mode_ != wildcard_mode::arn || c != ':';
        return mode_ == wildcard_mode::action ? ascii_lower(p) == ascii_lower(c) : p == c;
    }

    // Adds every position reachable from `set` without reading: past each star run
    // and past each escape byte to the literal it guards.
    constexpr void close(std::uint64_t* set) const {
        for (std::size_t i = 0; i < pattern_.size(); ++i)
            if ((is_star(i) || is_escape(i)) && test(set, i)) put(set, i + 1);
    }

    constexpr bool run(std::string_view text, std::uint64_t* current, std::uint64_t* next, std::size_t words) const {
        put(current, 0);
        close(current);
        for (const char c : text) {
            bool any = false;
            for (std::size_t w = 0; w < words; ++w) next[w] = 0;
            for (std::size_t w = 0; w < words; ++w) {
                for (std::uint64_t bits = current[w]; bits != 0; bits &= bits - 1) {
                    const std::size_t i = w * 64 + static_cast<std::size_t>(std::countr_zero(bits));
                    if (i == pattern_.size() || is_escape(i)) continue;  // these positions read nothing
                    if (is_star(i)) {
                        // Only the last star of a run loops; the others just lead to it.
                        if (!is_star(i + 1) && (c != ':' || star_crosses_colons(i))) {
                            put(next, i);
                            any = true;
                        }
                    } else if (literal_matches(i, c)) {
                        put(next, i + 1);
                        any = true;
                    }
                }
            }
            if (!any) return false;
            close(next);
            std::uint64_t* swap = current;
            current = next;
            next = swap;
        }
        return test(current, pattern_.size());
    }

    std::string_view pattern_;
    wildcard_mode mode_;
};

constexpr bool has_wildcard(std::string_view s) noexcept {
    constexpr char special[] = {'*', '?', wildcard_escape};
    return s.find_first_of(std::string_view(special, 3)) != std::string_view::npos;
}

}  // namespace detail

/// How a pattern can be matched, found once so that repeated matching skips the scan.
enum class wildcard_shape : std::uint8_t {
    any,      ///< `*`: everything (it ends its segment, so it crosses colons in every mode)
    exact,    ///< no wildcard: equality
    prefix,   ///< literal text then one final `*`: a prefix test (a final star crosses colons)
    general,  ///< anything else: the linear-time automaton
};

/// The shape of `pattern`.
constexpr wildcard_shape classify_wildcard(std::string_view pattern) noexcept {
    if (pattern == "*") return wildcard_shape::any;
    if (!detail::has_wildcard(pattern)) return wildcard_shape::exact;
    if (pattern.back() == '*' && !detail::has_wildcard(pattern.substr(0, pattern.size() - 1)))
        return wildcard_shape::prefix;
    return wildcard_shape::general;
}

/// `wildcard_match` for a pattern whose shape is known (`classify_wildcard(pattern)`).
constexpr bool wildcard_match(std::string_view pattern, std::string_view text, wildcard_mode mode,
                              wildcard_shape shape) {
    const bool fold = mode == wildcard_mode::action;
    switch (shape) {
        case wildcard_shape::any: return true;
        case wildcard_shape::exact: return fold ? iequals(pattern, text) : pattern == text;
        case wildcard_shape::prefix: {
            const std::string_view prefix = pattern.substr(0, pattern.size() - 1);
            if (text.size() < prefix.size()) return false;
            return fold ? iequals(text.substr(0, prefix.size()), prefix) : text.starts_with(prefix);
        }
        case wildcard_shape::general: break;
    }
    return detail::wildcard_nfa(pattern, mode).matches(text);
}

/// True when `text` matches `pattern`, where `*` matches any run (possibly empty) and
/// `?` any one character, with the colon and case rules of `mode`. Common shapes —
/// `*`, no wildcard, a literal prefix then a final `*` — take a direct path.
///
/// **Example**:
///     static_assert(iam::wildcard_match("s3:Get*", "S3:GetObject", iam::wildcard_mode::action));
constexpr bool wildcard_match(std::string_view pattern, std::string_view text, wildcard_mode mode) {
    return wildcard_match(pattern, text, mode, classify_wildcard(pattern));
}

}  // namespace iam

#endif  // IAM_MATCH_HPP_INCLUDED
