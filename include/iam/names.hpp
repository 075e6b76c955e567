// SPDX-License-Identifier: MIT
// iamcpp: constexpr validators for every IAM identifier a user's creation touches,
// checked name types, ASCII case folding and case-insensitive uniqueness.
#ifndef IAM_NAMES_HPP_INCLUDED
#define IAM_NAMES_HPP_INCLUDED

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "detail/unicode_tables.hpp"
#include "detail/utf8.hpp"
#include "result.hpp"

namespace iam {

//=== kinds and rules ===//

/// Every kind of identifier the validators know. Rules and sources: see `name_limits`.
enum class name_kind : std::uint8_t {
    user,            ///< CreateUser `userNameType`: 1–64 of `[\w+=,.@-]`
    group,           ///< `groupNameType`: 1–128 of `[\w+=,.@-]`
    role,            ///< `roleNameType`: 1–64 of `[\w+=,.@-]`
    managed_policy,  ///< `policyNameType`: 1–128 of `[\w+=,.@-]`
    inline_policy,   ///< PutUserPolicy `PolicyName` (`policyNameType`): 1–128 of `[\w+=,.@-]`
    path,            ///< `pathType`: `/` or `/` + U+0021–U+007E + `/`, 1–512
    policy_path,     ///< `policyPathType`: `((/[A-Za-z0-9.,+@=_-]+)*)/`, 1–512
    tag_key,         ///< `tagKeyType`: 1–128 characters of `[\p{L}\p{Z}\p{N}_.:/=+\-@]`, no `aws:` prefix
    tag_value,       ///< `tagValueType`: 0–256 characters of the same set, no `aws:` prefix
    account_id,      ///< `accountIdType`: exactly 12 decimal digits
    account_alias,   ///< `accountAliasType`: 3–63 of `[a-z0-9-]`, not a 12-digit number
    access_key_id,   ///< `accessKeyIdType`: 16–128 of `[\w]`
    mfa_device,      ///< `virtualMFADeviceName`: 1–226 of `[\w+=,.@-]` (see name_limits)
};

/// The rule a name broke. `ok` means it broke none.
enum class name_errc : std::uint8_t {
    ok,                   ///< valid
    empty,                ///< the name is empty and the kind needs at least one character
    too_short,            ///< fewer characters than the kind's minimum
    too_long,             ///< more characters than the kind's maximum
    bad_character,        ///< a character outside the kind's set, at `offset`
    bad_utf8,             ///< bytes at `offset` are not well-formed UTF-8
    path_start,           ///< a path must start with `/`
    path_end,             ///< a path must end with `/`
    empty_path_segment,   ///< an empty segment: `//` in a managed-policy path, or the path `//`
    reserved_prefix,      ///< starts with `aws:` (any case), which AWS reserves
    alias_edge_hyphen,    ///< an account alias starts or ends with `-`
    alias_double_hyphen,  ///< an account alias has `--` at `offset`
    alias_is_account_id,  ///< an account alias may not be a 12-digit number
};

/// Why a name is invalid, where, and for which kind. Small and trivially copyable.
struct name_error {
    name_errc code = name_errc::ok;
    std::uint32_t offset = 0;  ///< byte offset of the first offending byte (0 for whole-name rules)
    name_kind kind = name_kind::user;

    constexpr bool ok() const noexcept { return code == name_errc::ok; }
    friend constexpr bool operator==(const name_error&, const name_error&) = default;

    /// A fixed sentence for the rule, e.g. "character not allowed"; `describe` gives a full one.
    constexpr std::string_view message() const noexcept;
    /// The rule's stable id, `to_string(code)`, e.g. "bad-character".
    constexpr std::string_view id() const noexcept;
};

/// The length and character rules of one kind, with where they come from.
struct name_limits {
    std::string_view noun;   ///< "user name", "tag key", ...
    std::size_t min_length;  ///< in characters (code points for tags, bytes otherwise)
    std::size_t max_length;
    std::string_view allowed;  ///< the allowed set in words, for messages
    std::string_view source;   ///< the AWS document that states the rule
};

/// The rules of `kind`.
constexpr name_limits limits_of(name_kind kind) noexcept {
    constexpr std::string_view entity_set = "letters, digits and _+=,.@-";
    constexpr std::string_view api = "https://docs.aws.amazon.com/IAM/latest/APIReference/";
    switch (kind) {
        case name_kind::user: return {"user name", 1, 64, entity_set, api};
        case name_kind::group: return {"group name", 1, 128, entity_set, api};
        case name_kind::role: return {"role name", 1, 64, entity_set, api};
        case name_kind::managed_policy: return {"managed policy name", 1, 128, entity_set, api};
        case name_kind::inline_policy: return {"inline policy name", 1, 128, entity_set, api};
        case name_kind::path: return {"path", 1, 512, "characters U+0021 to U+007E between slashes", api};
        case name_kind::policy_path:
            return {"managed policy path", 1, 512, "segments of letters, digits and _+=,.@- between slashes", api};
        case name_kind::tag_key: return {"tag key", 1, 128, "Unicode letters, digits, white space and _.:/=+-@", api};
        case name_kind::tag_value:
            return {"tag value", 0, 256, "Unicode letters, digits, white space and _.:/=+-@", api};
        case name_kind::account_id: return {"account id", 12, 12, "digits 0-9", api};
        case name_kind::account_alias:
            return {"account alias", 3, 63, "lowercase letters, digits and single hyphens inside", api};
        case name_kind::access_key_id: return {"access key id", 16, 128, "letters, digits and _", api};
        // The API model sets no maximum; a virtual device's serial number is its ARN
        // (`serialNumberType`, at most 256), and `arn:aws:iam::123456789012:mfa/` leaves 226.
        case name_kind::mfa_device: return {"MFA device name", 1, 226, entity_set, api};
    }
    return {};
}

constexpr std::string_view name_error::message() const noexcept {
    switch (code) {
        case name_errc::ok: return "valid";
        case name_errc::empty: return "must not be empty";
        case name_errc::too_short: return "too short";
        case name_errc::too_long: return "too long";
        case name_errc::bad_character: return "character not allowed";
        case name_errc::bad_utf8: return "not valid UTF-8";
        case name_errc::path_start: return "must start with `/`";
        case name_errc::path_end: return "must end with `/`";
        case name_errc::empty_path_segment: return "empty path segment `//`";
        case name_errc::reserved_prefix: return "prefix `aws:` is reserved by AWS";
        case name_errc::alias_edge_hyphen: return "must not start or end with `-`";
        case name_errc::alias_double_hyphen: return "must not contain `--`";
        case name_errc::alias_is_account_id: return "must not be a 12-digit number";
    }
    return "unknown rule";
}

/// A short stable identifier for a rule, for machine-readable reports ("bad-character").
constexpr std::string_view to_string(name_errc code) noexcept {
    switch (code) {
        case name_errc::ok: return "ok";
        case name_errc::empty: return "empty";
        case name_errc::too_short: return "too-short";
        case name_errc::too_long: return "too-long";
        case name_errc::bad_character: return "bad-character";
        case name_errc::bad_utf8: return "bad-utf8";
        case name_errc::path_start: return "path-start";
        case name_errc::path_end: return "path-end";
        case name_errc::empty_path_segment: return "empty-path-segment";
        case name_errc::reserved_prefix: return "reserved-prefix";
        case name_errc::alias_edge_hyphen: return "alias-edge-hyphen";
        case name_errc::alias_double_hyphen: return "alias-double-hyphen";
        case name_errc::alias_is_account_id: return "alias-is-account-id";
    }
    return "unknown";
}

constexpr std::string_view name_error::id() const noexcept { return to_string(code); }

//=== ASCII case folding ===//

/// `c` with A–Z mapped to a–z; every other byte unchanged.
constexpr char ascii_lower(char c) noexcept { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c; }

/// Equality ignoring ASCII case (IAM's rule for names: "ADMINS" equals "admins").
constexpr bool iequals(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
    return true;
}

/// Three-way comparison ignoring ASCII case: bytes compared as unsigned after folding.
constexpr int icompare(std::string_view a, std::string_view b) noexcept {
    const std::size_t n = a.size() < b.size() ? a.size() : b.size();
    for (std::size_t i = 0; i < n; ++i) {
        const auto x = static_cast<unsigned char>(ascii_lower(a[i]));
        const auto y = static_cast<unsigned char>(ascii_lower(b[i]));
        if (x != y) return x < y ? -1 : 1;
    }
    return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

namespace detail {

// Folds A–Z to a–z in all eight bytes of `w` at once, whatever the other bytes are.
constexpr std::uint64_t fold8(std::uint64_t w) noexcept {
    constexpr std::uint64_t ones = 0x0101010101010101ULL;
    const std::uint64_t low7 = w & (0x7F * ones);
    const std::uint64_t ge_a = low7 + (0x80 - 'A') * ones;      // high bit set where low7 >= 'A'
    const std::uint64_t gt_z = low7 + (0x80 - 'Z' - 1) * ones;  // high bit set where low7 > 'Z'
    const std::uint64_t upper = (ge_a & ~gt_z & ~w) & (0x80 * ones);
    return w | (upper >> 2);
}

constexpr std::uint64_t load8(std::string_view s, std::size_t pos, std::size_t count) noexcept {
    std::uint64_t w = 0;
    for (std::size_t i = 0; i < count; ++i) w |= std::uint64_t{static_cast<unsigned char>(s[pos + i])} << (8 * i);
    return w;
}

constexpr std::uint64_t mix(std::uint64_t h, std::uint64_t w) noexcept {
    h ^= w;
    h *= 0x9E3779B97F4A7C15ULL;
    return h ^ (h >> 29);
}

}  // namespace detail

/// A 64-bit hash that ignores ASCII case: `ihash("Alice") == ihash("ALICE")`.
/// Eight bytes a step; not cryptographic, not stable across versions.
constexpr std::uint64_t ihash(std::string_view s) noexcept {
    std::uint64_t h = 0x243F6A8885A308D3ULL ^ s.size();
    std::size_t pos = 0;
    for (; pos + 8 <= s.size(); pos += 8) h = detail::mix(h, detail::fold8(detail::load8(s, pos, 8)));
    if (pos < s.size()) h = detail::mix(h, detail::fold8(detail::load8(s, pos, s.size() - pos)));
    return detail::mix(h, 0);
}

/// Function objects for standard containers keyed by names ignoring case.
struct iequal_to {
    using is_transparent = void;
    constexpr bool operator()(std::string_view a, std::string_view b) const noexcept { return iequals(a, b); }
};
struct iless {
    using is_transparent = void;
    constexpr bool operator()(std::string_view a, std::string_view b) const noexcept { return icompare(a, b) < 0; }
};
struct ihasher {
    using is_transparent = void;
    constexpr std::size_t operator()(std::string_view s) const noexcept { return static_cast<std::size_t>(ihash(s)); }
};

//=== validators ===//

namespace detail {

// A byte class as a lookup table: 1 where the byte is allowed.
using byte_class = std::array<std::uint8_t, 256>;

constexpr byte_class make_byte_class(std::string_view ranges) noexcept {
    byte_class table{};
    for (std::size_t i = 0; i + 1 < ranges.size(); i += 2)  // pairs of first and last byte
        for (int c = static_cast<unsigned char>(ranges[i]); c <= static_cast<unsigned char>(ranges[i + 1]); ++c)
            table[static_cast<std::size_t>(c)] = 1;
    return table;
}

inline constexpr byte_class entity_name_chars = make_byte_class("azAZ09__++==,,..@@--");  // [\w+=,.@-]
inline constexpr byte_class word_chars = make_byte_class("azAZ09__");                     // [\w]
inline constexpr byte_class digit_chars = make_byte_class("09");
inline constexpr byte_class alias_chars = make_byte_class("az09--");

constexpr bool is_entity_name_char(char c) noexcept { return entity_name_chars[static_cast<unsigned char>(c)] != 0; }
constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

constexpr name_error fail(name_kind kind, name_errc rule, std::size_t offset = 0) noexcept {
    return {rule, static_cast<std::uint32_t>(offset), kind};
}

constexpr name_error check_length(name_kind kind, std::size_t length) noexcept {
    const name_limits lim = limits_of(kind);
    if (length == 0 && lim.min_length > 0) return fail(kind, name_errc::empty);
    if (length < lim.min_length) return fail(kind, name_errc::too_short);
    if (length > lim.max_length) return fail(kind, name_errc::too_long);
    return fail(kind, name_errc::ok);
}

// Names whose every byte is in `allowed`. Length decides first when it alone already
// fails (empty, over-long); otherwise the first bad byte wins. `all_allowed` is the
// caller's verdict on the bytes, from a scan with no early exit (branch-free over valid
// names, the common case); the slow search for the position runs only on failure.
constexpr name_error check_bytes(name_kind kind, std::string_view s, const byte_class& allowed,
                                 bool all_allowed) noexcept {
    const name_error length = check_length(kind, s.size());
    if (length.code == name_errc::empty || length.code == name_errc::too_long || all_allowed) return length;
    for (std::size_t i = 0; i < s.size(); ++i)
        if (allowed[static_cast<unsigned char>(s[i])] == 0) return fail(kind, name_errc::bad_character, i);
    return length;
}

constexpr bool all_in(std::string_view s, const byte_class& allowed) noexcept {
    unsigned all = 1;
    for (const char c : s) all &= allowed[static_cast<unsigned char>(c)];
    return all != 0;
}

constexpr name_error check_bytes(name_kind kind, std::string_view s, const byte_class& allowed) noexcept {
    return check_bytes(kind, s, allowed, all_in(s, allowed));
}

// True when every byte of `s` is in [\w+=,.@-]. With SSE2, sixteen bytes a step:
// the set is the ranges + to ., 0 to 9, @ to Z, a to z and the bytes = and _, each
// compared on all lanes at once (bytes >= 0x80 are negative and fail every range).
inline bool all_entity_name_chars_fast(std::string_view s) noexcept {
#if defined(__SSE2__)
    if (s.size() < 8) return all_in(s, entity_name_chars);
    const auto all_ok = [](__m128i x) {
        const auto range = [&](char first, char last) {
            return _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8(static_cast<char>(first - 1))),
                                 _mm_cmplt_epi8(x, _mm_set1_epi8(static_cast<char>(last + 1))));
        };
        const __m128i ok =
            _mm_or_si128(_mm_or_si128(_mm_or_si128(range('+', '.'), range('0', '9')),
                                      _mm_or_si128(range('@', 'Z'), range('a', 'z'))),
                         _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('=')), _mm_cmpeq_epi8(x, _mm_set1_epi8('_'))));
        return _mm_movemask_epi8(ok) == 0xFFFF;
    };
    const auto load8 = [&](std::size_t pos) {
        return _mm_loadl_epi64(reinterpret_cast<const __m128i*>(s.data() + pos));
    };
    // 8 to 15 bytes: the first and last eight, overlapping, in one register.
    if (s.size() < 16) return all_ok(_mm_unpacklo_epi64(load8(0), load8(s.size() - 8)));
    const auto load16 = [&](std::size_t pos) {
        return _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + pos));
    };
    bool ok = all_ok(load16(s.size() - 16));  // the last sixteen bytes, overlapping the loop's
    for (std::size_t pos = 0; pos + 16 <= s.size(); pos += 16) ok &= all_ok(load16(pos));
    return ok;
#else
    return all_in(s, entity_name_chars);
#endif
}

// User, group, role, policy and MFA device names.
constexpr name_error check_entity_name(name_kind kind, std::string_view s) noexcept {
    if (std::is_constant_evaluated()) return check_bytes(kind, s, entity_name_chars);
    return check_bytes(kind, s, entity_name_chars, all_entity_name_chars_fast(s));
}

constexpr bool in_letter_separator_number(char32_t cp) noexcept {
    std::size_t lo = 0, hi = letter_separator_number_ranges.size();
    while (lo < hi) {
        const std::size_t mid = lo + (hi - lo) / 2;
        if (letter_separator_number_ranges[mid].last < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < letter_separator_number_ranges.size() && letter_separator_number_ranges[lo].first <= cp;
}

constexpr bool is_tag_code_point(char32_t cp) noexcept {
    switch (cp) {
        case '_':
        case '.':
        case ':':
        case '/':
        case '=':
        case '+':
        case '-':
        case '@': return true;
        default: return in_letter_separator_number(cp);
    }
}

constexpr bool starts_with_aws_prefix(std::string_view s) noexcept {
    return s.size() >= 4 && iequals(s.substr(0, 4), "aws:");
}

constexpr name_error check_tag(name_kind kind, std::string_view s) noexcept {
    std::size_t characters = 0;
    for (std::size_t i = 0; i < s.size();) {
        const utf8_decoded d = decode_utf8(s, i);
        if (d.length == 0) return fail(kind, name_errc::bad_utf8, i);
        if (!is_tag_code_point(d.code_point)) return fail(kind, name_errc::bad_character, i);
        i += d.length;
        ++characters;
    }
    if (const name_error e = check_length(kind, characters); !e.ok()) return e;
    if (starts_with_aws_prefix(s)) return fail(kind, name_errc::reserved_prefix);
    return fail(kind, name_errc::ok);
}

// What both path kinds require before their own character rules.
constexpr name_error check_path_start(name_kind kind, std::string_view s) noexcept {
    if (s.empty()) return fail(kind, name_errc::empty);
    if (s.size() > limits_of(kind).max_length) return fail(kind, name_errc::too_long);
    if (s.front() != '/') return fail(kind, name_errc::path_start);
    return fail(kind, name_errc::ok);
}

constexpr name_error check_path(std::string_view s) noexcept {
    constexpr name_kind kind = name_kind::path;
    if (const name_error e = check_path_start(kind, s); !e.ok()) return e;
    if (s == "//") return fail(kind, name_errc::empty_path_segment, 1);  // pathType needs an inner character
    for (std::size_t i = 1; i < s.size(); ++i)
        if (s[i] < '!' || s[i] > '~') return fail(kind, name_errc::bad_character, i);
    if (s.back() != '/') return fail(kind, name_errc::path_end, s.size() - 1);
    return fail(kind, name_errc::ok);
}

constexpr name_error check_policy_path(std::string_view s) noexcept {
    constexpr name_kind kind = name_kind::policy_path;
    if (const name_error e = check_path_start(kind, s); !e.ok()) return e;
    for (std::size_t i = 1; i < s.size(); ++i) {
        if (s[i] == '/') {
            if (s[i - 1] == '/') return fail(kind, name_errc::empty_path_segment, i);
        } else if (!is_entity_name_char(s[i])) {
            return fail(kind, name_errc::bad_character, i);
        }
    }
    if (s.back() != '/') return fail(kind, name_errc::path_end, s.size() - 1);
    return fail(kind, name_errc::ok);
}

constexpr name_error check_account_alias(std::string_view s) noexcept {
    constexpr name_kind kind = name_kind::account_alias;
    const name_error bytes = check_bytes(kind, s, alias_chars);
    // `s.empty()` rather than `bytes.code == name_errc::empty`: the same, but g++ -O3 sees
    // that `front`/`back` below are in bounds (else a false -Warray-bounds).
    if (s.empty() || bytes.code == name_errc::bad_character || bytes.code == name_errc::too_long) return bytes;
    if (s.front() == '-') return fail(kind, name_errc::alias_edge_hyphen, 0);
    if (s.back() == '-') return fail(kind, name_errc::alias_edge_hyphen, s.size() - 1);
    for (std::size_t i = 1; i < s.size(); ++i)
        if (s[i] == '-' && s[i - 1] == '-') return fail(kind, name_errc::alias_double_hyphen, i - 1);
    if (!bytes.ok()) return bytes;
    bool all_digits = true;
    for (char c : s) all_digits = all_digits && is_digit(c);
    if (all_digits && s.size() == 12) return fail(kind, name_errc::alias_is_account_id);
    return fail(kind, name_errc::ok);
}

}  // namespace detail

/// Checks `text` against the rules of `kind`; the result says which rule failed and where.
///
/// **Example**:
///     static_assert(iam::check_name(iam::name_kind::user, "al ice").code == iam::name_errc::bad_character);
constexpr name_error check_name(name_kind kind, std::string_view text) noexcept {
    switch (kind) {
        case name_kind::user:
        case name_kind::group:
        case name_kind::role:
        case name_kind::managed_policy:
        case name_kind::inline_policy:
        case name_kind::mfa_device: return detail::check_entity_name(kind, text);
        case name_kind::path: return detail::check_path(text);
        case name_kind::policy_path: return detail::check_policy_path(text);
        case name_kind::tag_key:
        case name_kind::tag_value: return detail::check_tag(kind, text);
        case name_kind::account_id: return detail::check_bytes(kind, text, detail::digit_chars);
        case name_kind::account_alias: return detail::check_account_alias(text);
        case name_kind::access_key_id: return detail::check_bytes(kind, text, detail::word_chars);
    }
    return detail::fail(kind, name_errc::bad_character);
}

constexpr name_error check_user_name(std::string_view s) noexcept {
    return detail::check_entity_name(name_kind::user, s);
}
constexpr name_error check_group_name(std::string_view s) noexcept {
    return detail::check_entity_name(name_kind::group, s);
}
constexpr name_error check_role_name(std::string_view s) noexcept {
    return detail::check_entity_name(name_kind::role, s);
}
constexpr name_error check_managed_policy_name(std::string_view s) noexcept {
    return detail::check_entity_name(name_kind::managed_policy, s);
}
constexpr name_error check_inline_policy_name(std::string_view s) noexcept {
    return detail::check_entity_name(name_kind::inline_policy, s);
}
constexpr name_error check_path(std::string_view s) noexcept { return check_name(name_kind::path, s); }
constexpr name_error check_policy_path(std::string_view s) noexcept { return check_name(name_kind::policy_path, s); }
constexpr name_error check_tag_key(std::string_view s) noexcept { return check_name(name_kind::tag_key, s); }
constexpr name_error check_tag_value(std::string_view s) noexcept { return check_name(name_kind::tag_value, s); }
constexpr name_error check_account_id(std::string_view s) noexcept { return check_name(name_kind::account_id, s); }
constexpr name_error check_account_alias(std::string_view s) noexcept {
    return check_name(name_kind::account_alias, s);
}
constexpr name_error check_access_key_id(std::string_view s) noexcept {
    return check_name(name_kind::access_key_id, s);
}

/// True when `s` is a valid name for CreateUser. Usable in `static_assert`.
constexpr bool is_valid_user_name(std::string_view s) noexcept { return check_user_name(s).ok(); }
constexpr bool is_valid_group_name(std::string_view s) noexcept { return check_group_name(s).ok(); }
constexpr bool is_valid_role_name(std::string_view s) noexcept { return check_role_name(s).ok(); }
constexpr bool is_valid_managed_policy_name(std::string_view s) noexcept { return check_managed_policy_name(s).ok(); }
constexpr bool is_valid_inline_policy_name(std::string_view s) noexcept { return check_inline_policy_name(s).ok(); }
constexpr bool is_valid_path(std::string_view s) noexcept { return check_path(s).ok(); }
constexpr bool is_valid_policy_path(std::string_view s) noexcept { return check_policy_path(s).ok(); }
constexpr bool is_valid_tag_key(std::string_view s) noexcept { return check_tag_key(s).ok(); }
constexpr bool is_valid_tag_value(std::string_view s) noexcept { return check_tag_value(s).ok(); }
constexpr bool is_valid_account_id(std::string_view s) noexcept { return check_account_id(s).ok(); }
constexpr bool is_valid_account_alias(std::string_view s) noexcept { return check_account_alias(s).ok(); }
constexpr bool is_valid_access_key_id(std::string_view s) noexcept { return check_access_key_id(s).ok(); }

/// A full human sentence for an error found in `text`, e.g.
/// "character ' ' (0x20) at byte 3 is not allowed in a user name: use letters, digits and _+=,.@-".
inline std::string describe(const name_error& error, std::string_view text) {
    const name_limits lim = limits_of(error.kind);
    std::string out;
    const auto number = [](std::size_t n) { return std::to_string(n); };
    switch (error.code) {
        case name_errc::ok: return std::string(lim.noun) + " is valid";
        case name_errc::bad_character: {
            constexpr std::string_view hex = "0123456789ABCDEF";
            const unsigned byte = error.offset < text.size() ? static_cast<unsigned char>(text[error.offset]) : 0u;
            out = "character ";
            if (byte >= 0x20 && byte < 0x7F) out += std::string("'") + static_cast<char>(byte) + "' ";
            out += "(0x";
            out.push_back(hex[byte >> 4]);
            out.push_back(hex[byte & 0xF]);
            out += ") at offset " + number(error.offset) + " is not allowed in a " + std::string(lim.noun) + ": use " +
                   std::string(lim.allowed);
            return out;
        }
        case name_errc::too_long:
        case name_errc::too_short:
            return std::string(lim.noun) + " must be " +
                   (lim.min_length == lim.max_length ? "exactly " + number(lim.max_length)
                                                     : number(lim.min_length) + " to " + number(lim.max_length)) +
                   " characters";
        default: return std::string(lim.noun) + " " + std::string(error.message());
    }
}

//=== checked name types ===//

namespace detail {
// Deliberately not constexpr: a literal that fails its check calls this during
// constant evaluation, so the compiler stops with this function's name in the error.
inline void invalid_name_literal() noexcept {}

constexpr std::size_t max_bytes(name_kind kind) noexcept {
    // Tags count characters, up to 4 UTF-8 bytes each.
    return (kind == name_kind::tag_key || kind == name_kind::tag_value) ? 4 * limits_of(kind).max_length
                                                                        : limits_of(kind).max_length;
}
}  // namespace detail

/// A string literal checked against the rules of `Kind` during compilation: an
/// invalid one reaches `invalid_name_literal`, which is not constexpr, so the program
/// does not compile. A separate type (not `checked_name` itself) keeps the consteval
/// result a plain view, which clang 14 can emit as a temporary.
template <name_kind Kind>
struct name_literal {
    std::string_view text;

    template <std::size_t N>
    consteval name_literal(const char (&literal)[N]) noexcept  // implicit: literals convert like strings
        : text(literal, N - 1) {
        if (!check_name(Kind, text).ok()) detail::invalid_name_literal();
    }
};

/// A name known to satisfy the rules of `Kind`, stored inline (no allocation, usable
/// in constant expressions). Build it from a literal — checked at compile time, so
/// `iam::user_name{"bad name"}` does not compile — or at run time with `parse`.
///
/// **Example**:
///     constexpr iam::user_name alice{"alice"};
///     auto r = iam::user_name::parse(line);  // iam::result<user_name, name_error>
template <name_kind Kind>
class checked_name {
public:
    static constexpr name_kind kind = Kind;

    /// The empty name, only for the kind it is valid for (tag values): no default
    /// constructor makes an invalid name.
    constexpr checked_name() noexcept requires(limits_of(Kind).min_length == 0) = default;

    /// From a string literal, checked during compilation (see `name_literal`).
    constexpr checked_name(name_literal<Kind> literal) noexcept  // implicit: literals convert like strings
        : checked_name(literal.text, checked{}) {}

    /// From run-time text: the name, or the rule it broke.
    static constexpr result<checked_name, name_error> parse(std::string_view text) noexcept {
        if (const name_error e = check_name(Kind, text); !e.ok()) return e;
        return checked_name(text, checked{});
    }

    constexpr std::string_view view() const noexcept { return {data_.data(), size_}; }
    constexpr operator std::string_view() const noexcept { return view(); }  // implicit: a name reads as text
    std::string str() const { return std::string(view()); }
    constexpr std::size_t size() const noexcept { return size_; }

    /// Exact comparison (AWS keeps the case of names); use `iequals` for IAM's uniqueness rule.
    friend constexpr bool operator==(const checked_name& a, const checked_name& b) noexcept {
        return a.view() == b.view();
    }
    friend constexpr auto operator<=>(const checked_name& a, const checked_name& b) noexcept {
        return a.view() <=> b.view();
    }

private:
    struct checked {};  // `text` has passed `check_name(Kind, ...)`
    constexpr checked_name(std::string_view text, checked) noexcept : size_(static_cast<std::uint16_t>(text.size())) {
        for (std::size_t i = 0; i < text.size(); ++i) data_[i] = text[i];
    }

    std::array<char, detail::max_bytes(Kind)> data_{};
    std::uint16_t size_ = 0;
};

using user_name = checked_name<name_kind::user>;
using group_name = checked_name<name_kind::group>;
using role_name = checked_name<name_kind::role>;
using managed_policy_name = checked_name<name_kind::managed_policy>;
using inline_policy_name = checked_name<name_kind::inline_policy>;
using iam_path = checked_name<name_kind::path>;
using policy_path = checked_name<name_kind::policy_path>;
using tag_key = checked_name<name_kind::tag_key>;
using tag_value = checked_name<name_kind::tag_value>;
using account_id = checked_name<name_kind::account_id>;
using account_alias = checked_name<name_kind::account_alias>;
using access_key_id = checked_name<name_kind::access_key_id>;

}  // namespace iam

#endif  // IAM_NAMES_HPP_INCLUDED
