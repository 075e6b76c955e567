// SPDX-License-Identifier: MIT
// iamcpp: a strict RFC 8259 JSON parser, DOM and writer for policy documents.
// Untrusted input never throws or crashes: every failure is a `parse_error` with
// the byte offset and 1-based line/column of the offending byte.
#ifndef IAM_JSON_HPP_INCLUDED
#define IAM_JSON_HPP_INCLUDED

#include <bit>
#include <cassert>
#include <charconv>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <forward_list>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <unordered_set>
#include <utility>
#include <variant>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "detail/json_string.hpp"
#include "detail/utf8.hpp"
#include "result.hpp"

namespace iam::json {

/// Why a JSON text was rejected by `parse`.
enum class json_errc : unsigned char {
    input_too_large,    ///< the input is longer than `parse_options::max_input_size` (offset 0)
    byte_order_mark,    ///< the input starts with a UTF-8 byte order mark (offset 0)
    unexpected_end,     ///< the input ends before the value is complete (offset = input size)
    expected_value,     ///< a byte that cannot start a value where a value is required
    invalid_literal,    ///< a byte that breaks `true`, `false` or `null` (offset of that byte)
    invalid_number,     ///< a number breaking the RFC 8259 grammar: leading zero, no digit after '-', '.' or 'e'
    invalid_utf8,       ///< bytes in a string that are not well-formed UTF-8 (offset of the first one)
    control_character,  ///< an unescaped byte below 0x20 inside a string
    invalid_escape,     ///< a backslash escape RFC 8259 does not define, or `\u` without 4 hex digits (offset of the
                        ///< backslash)
    lone_surrogate,     ///< a `\u` escape of a UTF-16 surrogate that is not a high-low pair (offset of its backslash)
    expected_key,       ///< something other than a string where an object key is required
    expected_colon,     ///< an object key not followed by ':'
    expected_comma_or_close,  ///< after an element or member, neither ',' nor the closing bracket
    trailing_content,         ///< non-whitespace after the single top-level value
    depth_exceeded,  ///< arrays and objects nested deeper than `parse_options::max_depth` (offset of the bracket)
    duplicate_key,   ///< an object key equal to an earlier key of the same object (offset of the second key)
};

/// The stable id of `code`: its enumerator's name in kebab case, e.g. "duplicate-key".
constexpr std::string_view to_string(json_errc code) noexcept {
    switch (code) {
        case json_errc::input_too_large: return "input-too-large";
        case json_errc::byte_order_mark: return "byte-order-mark";
        case json_errc::unexpected_end: return "unexpected-end";
        case json_errc::expected_value: return "expected-value";
        case json_errc::invalid_literal: return "invalid-literal";
        case json_errc::invalid_number: return "invalid-number";
        case json_errc::invalid_utf8: return "invalid-utf8";
        case json_errc::control_character: return "control-character";
        case json_errc::invalid_escape: return "invalid-escape";
        case json_errc::lone_surrogate: return "lone-surrogate";
        case json_errc::expected_key: return "expected-key";
        case json_errc::expected_colon: return "expected-colon";
        case json_errc::expected_comma_or_close: return "expected-comma-or-close";
        case json_errc::trailing_content: return "trailing-content";
        case json_errc::depth_exceeded: return "depth-exceeded";
        case json_errc::duplicate_key: return "duplicate-key";
    }
    return "unknown";
}

/// A 1-based line and column (the column counts bytes, not characters).
struct text_position {
    std::size_t line = 1;    ///< 1-based line; only LF starts a new line (CRLF counts once)
    std::size_t column = 1;  ///< 1-based byte column within the line
};

/// The line and column of byte `offset` of `text`; an offset past the end is
/// clamped to `text.size()` (the position just after the last byte). Computed on
/// demand so that parsing never pays for it.
constexpr text_position line_column(std::string_view text, std::size_t offset) noexcept {
    if (offset > text.size()) offset = text.size();
    text_position pos;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++pos.line;
            line_start = i + 1;
        }
    }
    pos.column = offset - line_start + 1;
    return pos;
}

/// Where and why `parse` rejected its input.
struct parse_error {
    json_errc code = json_errc::unexpected_end;  ///< what went wrong
    std::size_t offset = 0;                      ///< byte offset of the offending byte in the input
    std::size_t line = 1;                        ///< 1-based line of `offset`
    std::size_t column = 1;                      ///< 1-based byte column of `offset`

    /// A short English description of `code`, e.g. "duplicate object key".
    constexpr std::string_view message() const noexcept {
        switch (code) {
            case json_errc::input_too_large: return "input larger than the configured maximum size";
            case json_errc::byte_order_mark: return "byte order mark at the start of the input";
            case json_errc::unexpected_end: return "unexpected end of input";
            case json_errc::expected_value: return "expected a value";
            case json_errc::invalid_literal: return "invalid literal (expected true, false or null)";
            case json_errc::invalid_number: return "invalid number";
            case json_errc::invalid_utf8: return "invalid UTF-8";
            case json_errc::control_character: return "unescaped control character in string";
            case json_errc::invalid_escape: return "invalid escape sequence";
            case json_errc::lone_surrogate: return "unpaired UTF-16 surrogate escape";
            case json_errc::expected_key: return "expected a string object key";
            case json_errc::expected_colon: return "expected ':' after object key";
            case json_errc::expected_comma_or_close: return "expected ',' or closing bracket";
            case json_errc::trailing_content: return "unexpected content after the value";
            case json_errc::depth_exceeded: return "nesting deeper than the configured maximum depth";
            case json_errc::duplicate_key: return "duplicate object key";
        }
        return "unknown JSON error";
    }
    /// The stable id of `code`, e.g. "duplicate-key".
    constexpr std::string_view id() const noexcept { return to_string(code); }
};

/// Limits that bound the work and memory an untrusted input can cost.
struct parse_options {
    /// Most arrays/objects open at once: depth `max_depth` is accepted, one more is not.
    std::size_t max_depth = 128;
    /// Longest accepted input in bytes (16 MiB).
    std::size_t max_input_size = std::size_t{16} * 1024 * 1024;
    /// RFC 8259 only says keys SHOULD be unique; IAM treats a repeated key as an
    /// error, so this is false by default. When true, `value::find` sees the first.
    bool allow_duplicate_keys = false;
};

/// The type of a JSON value.
enum class value_kind : unsigned char {
    null,     ///< `null`
    boolean,  ///< `true` or `false`
    number,   ///< a number, kept as its source text
    string,   ///< a string, decoded to UTF-8
    array,    ///< an ordered list of values
    object,   ///< an ordered list of key/value members
};

struct member;

/// One JSON value with the byte offset where it starts in the parsed text.
///
/// Numbers keep their exact source text (`1.0e+10` stays `1.0e+10`); use
/// `as_int64`/`as_double` for checked conversions. Objects keep their members in
/// document order. Destruction, comparison and writing do not recurse, so any
/// depth is safe; copying recurses once per nesting level.
class value {
public:
    /// The elements of an array.
    using array_type = std::vector<value>;
    /// The members of an object, in document order.
    using object_type = std::vector<member>;

    // The special members and factories are defined after `member`, which they
    // need complete (clang instantiates the variant's members eagerly).

    /// A `null` at offset 0.
    value() noexcept;
    /// A deep copy (recursive: one stack frame per nesting level).
    value(const value& other);
    /// Steals `other`'s contents; `other` is left valid but unspecified.
    value(value&& other) noexcept;
    /// A deep copy (recursive: one stack frame per nesting level).
    value& operator=(const value& other);
    /// Steals `other`'s contents; the old contents are freed without recursion.
    value& operator=(value&& other) noexcept;
    /// Frees nested containers with an explicit work list rather than recursion.
    ~value();

    /// `null`.
    static value make_null() noexcept;
    /// `true` or `false`.
    static value make_boolean(bool b) noexcept;
    /// A number from its text; nothing if `text` is not an RFC 8259 number.
    static std::optional<value> make_number(std::string_view text);
    /// The number `n`, written in decimal.
    static value make_integer(std::int64_t n);
    /// A string; `text` should be UTF-8 (the writer replaces ill-formed bytes by U+FFFD).
    static value make_string(std::string text) noexcept;
    /// An array of `items`.
    static value make_array(array_type items) noexcept;
    /// An empty array.
    static value make_array() noexcept;
    /// An object of `members` in this order (the writer writes duplicates as given).
    static value make_object(object_type members) noexcept;
    /// An empty object.
    static value make_object() noexcept;

    /// The type of this value.
    constexpr value_kind kind() const noexcept { return kind_; }
    /// True for `null`.
    constexpr bool is_null() const noexcept { return kind_ == value_kind::null; }
    /// True for `true` and `false`.
    constexpr bool is_boolean() const noexcept { return kind_ == value_kind::boolean; }
    /// True for numbers.
    constexpr bool is_number() const noexcept { return kind_ == value_kind::number; }
    /// True for strings.
    constexpr bool is_string() const noexcept { return kind_ == value_kind::string; }
    /// True for arrays.
    constexpr bool is_array() const noexcept { return kind_ == value_kind::array; }
    /// True for objects.
    constexpr bool is_object() const noexcept { return kind_ == value_kind::object; }

    /// Byte offset in the parsed text where this value starts (its first byte:
    /// the quote of a string, the bracket of a container); 0 for built values.
    constexpr std::size_t offset() const noexcept { return offset_; }

    /// The boolean, or nothing if this is not a boolean.
    std::optional<bool> as_boolean() const noexcept {
        if (kind_ != value_kind::boolean) return std::nullopt;
        return *std::get_if<bool>(&data_);
    }
    /// The decoded string, or nullptr if this is not a string.
    const std::string* as_string() const noexcept {
        return kind_ == value_kind::string ? std::get_if<std::string>(&data_) : nullptr;
    }
    /// The number exactly as written, or an empty view if this is not a number.
    std::string_view number_text() const noexcept {
        if (kind_ != value_kind::number) return {};
        return *std::get_if<std::string>(&data_);
    }
    /// The number as an `int64_t`; nothing if this is not a number, if it has a
    /// fraction or exponent part (`1.0`, `1e2`), or if it is out of range.
    std::optional<std::int64_t> as_int64() const noexcept;
    /// The number as the nearest `double`; nothing if this is not a number or if
    /// its magnitude overflows or underflows `double` (`1e400`, `1e-400`).
    std::optional<double> as_double() const noexcept;
    /// The elements, or nullptr if this is not an array.
    const array_type* as_array() const noexcept {
        return kind_ == value_kind::array ? std::get_if<array_type>(&data_) : nullptr;
    }
    /// The elements for editing, or nullptr if this is not an array.
    array_type* as_array() noexcept { return kind_ == value_kind::array ? std::get_if<array_type>(&data_) : nullptr; }
    /// The members in document order, or nullptr if this is not an object.
    const object_type* as_object() const noexcept {
        return kind_ == value_kind::object ? std::get_if<object_type>(&data_) : nullptr;
    }
    /// The members for editing, or nullptr if this is not an object.
    object_type* as_object() noexcept {
        return kind_ == value_kind::object ? std::get_if<object_type>(&data_) : nullptr;
    }

    /// The value of the first member named `key`; nullptr if there is none or this
    /// is not an object. Linear: policy objects have a handful of members.
    const value* find(std::string_view key) const noexcept;
    /// The first member named `key` (to get its key offset); nullptr if none.
    const member* find_member(std::string_view key) const noexcept;

    /// Structural equality: same kinds, same number text (so `1.0 != 1`), same
    /// strings, same elements, same members in the same order. Offsets are ignored.
    friend bool operator==(const value& a, const value& b);

private:
    friend class element;

    static value from_text(value_kind kind, std::string text, std::size_t offset) noexcept;

    void release_children() noexcept;

    // Numbers and strings share the std::string alternative; kind_ tells them apart.
    std::variant<std::monostate, bool, std::string, array_type, object_type> data_;
    std::size_t offset_ = 0;
    value_kind kind_ = value_kind::null;
};

/// One object member.
struct member {
    std::string key;             ///< the decoded key
    json::value value;           ///< the member's value
    std::size_t key_offset = 0;  ///< byte offset of the key's opening quote in the parsed text
};

inline value::value() noexcept = default;
inline value::value(const value& other) = default;
inline value::value(value&& other) noexcept = default;
inline value::~value() { release_children(); }

inline value& value::operator=(const value& other) {
    if (this != &other) *this = value(other);
    return *this;
}

inline value& value::operator=(value&& other) noexcept {
    if (this != &other) {
        release_children();
        data_ = std::move(other.data_);
        offset_ = other.offset_;
        kind_ = other.kind_;
    }
    return *this;
}

inline value value::from_text(value_kind kind, std::string text, std::size_t offset) noexcept {
    value v;
    v.kind_ = kind;
    v.offset_ = offset;
    v.data_ = std::move(text);
    return v;
}

inline value value::make_null() noexcept { return value(); }

inline value value::make_boolean(bool b) noexcept {
    value v;
    v.kind_ = value_kind::boolean;
    v.data_ = b;
    return v;
}

inline value value::make_integer(std::int64_t n) {
    char buf[24];
    const auto res = std::to_chars(buf, buf + sizeof buf, n);
    return from_text(value_kind::number, std::string(buf, res.ptr), 0);
}

inline value value::make_string(std::string text) noexcept { return from_text(value_kind::string, std::move(text), 0); }

inline value value::make_array(array_type items) noexcept {
    value v;
    v.kind_ = value_kind::array;
    v.data_ = std::move(items);
    return v;
}

inline value value::make_array() noexcept { return make_array(array_type{}); }

inline value value::make_object() noexcept { return make_object(object_type{}); }

inline value value::make_object(object_type members) noexcept {
    value v;
    v.kind_ = value_kind::object;
    v.data_ = std::move(members);
    return v;
}

inline const member* value::find_member(std::string_view key) const noexcept {
    const object_type* members = as_object();
    if (members == nullptr) return nullptr;
    for (const member& m : *members) {
        if (m.key == key) return &m;
    }
    return nullptr;
}

inline const value* value::find(std::string_view key) const noexcept {
    const member* m = find_member(key);
    return m == nullptr ? nullptr : &m->value;
}

inline void value::release_children() noexcept {
    // Only a container holding a non-empty container can recurse; flatten such
    // trees into a work list so that destroying a deep value needs no deep stack.
    const auto has_grandchildren = [](const value& v) noexcept {
        const auto nonempty_container = [](const value& c) noexcept {
            if (const array_type* a = c.as_array()) return !a->empty();
            if (const object_type* o = c.as_object()) return !o->empty();
            return false;
        };
        if (const array_type* a = v.as_array()) {
            for (const value& c : *a) {
                if (nonempty_container(c)) return true;
            }
        } else if (const object_type* o = v.as_object()) {
            for (const member& m : *o) {
                if (nonempty_container(m.value)) return true;
            }
        }
        return false;
    };
    if (!has_grandchildren(*this)) return;
    std::vector<value> work;
    const auto take_children = [&work](value& v) {
        if (array_type* a = v.as_array()) {
            for (value& c : *a) {
                if (c.is_array() || c.is_object()) work.push_back(std::move(c));
            }
            a->clear();
        } else if (object_type* o = v.as_object()) {
            for (member& m : *o) {
                if (m.value.is_array() || m.value.is_object()) work.push_back(std::move(m.value));
            }
            o->clear();
        }
    };
    take_children(*this);
    while (!work.empty()) {
        value v = std::move(work.back());
        work.pop_back();
        take_children(v);
        // v now holds no containers, so its destructor stops at the first check.
    }
}

inline bool operator==(const value& a, const value& b) {
    // Explicit stack of pairs still to compare, so deep values cannot overflow the stack.
    std::vector<std::pair<const value*, const value*>> todo;
    todo.emplace_back(&a, &b);
    while (!todo.empty()) {
        const auto [x, y] = todo.back();
        todo.pop_back();
        if (x->kind_ != y->kind_) return false;
        switch (x->kind_) {
            case value_kind::null: break;
            case value_kind::boolean:
                if (*std::get_if<bool>(&x->data_) != *std::get_if<bool>(&y->data_)) return false;
                break;
            case value_kind::number:
            case value_kind::string:
                if (*std::get_if<std::string>(&x->data_) != *std::get_if<std::string>(&y->data_)) return false;
                break;
            case value_kind::array: {
                const auto& xa = *std::get_if<value::array_type>(&x->data_);
                const auto& ya = *std::get_if<value::array_type>(&y->data_);
                if (xa.size() != ya.size()) return false;
                for (std::size_t i = 0; i < xa.size(); ++i) todo.emplace_back(&xa[i], &ya[i]);
                break;
            }
            case value_kind::object: {
                const auto& xo = *std::get_if<value::object_type>(&x->data_);
                const auto& yo = *std::get_if<value::object_type>(&y->data_);
                if (xo.size() != yo.size()) return false;
                for (std::size_t i = 0; i < xo.size(); ++i) {
                    if (xo[i].key != yo[i].key) return false;
                    todo.emplace_back(&xo[i].value, &yo[i].value);
                }
                break;
            }
        }
    }
    return true;
}

namespace detail {

// Bit flags per byte: which bytes a scanning loop must stop at.
inline constexpr unsigned char char_ws = 1;           // JSON whitespace
inline constexpr unsigned char char_string_stop = 2;  // '"', '\\', < 0x20, >= 0x80
inline constexpr unsigned char char_digit = 4;        // '0'..'9'

struct char_table {
    unsigned char flags[256] = {};
    constexpr char_table() {
        flags[static_cast<unsigned char>(' ')] |= char_ws;
        flags[static_cast<unsigned char>('\t')] |= char_ws;
        flags[static_cast<unsigned char>('\n')] |= char_ws;
        flags[static_cast<unsigned char>('\r')] |= char_ws;
        for (unsigned i = 0; i < 0x20; ++i) flags[i] |= char_string_stop;
        for (unsigned i = 0x80; i < 0x100; ++i) flags[i] |= char_string_stop;
        flags[static_cast<unsigned char>('"')] |= char_string_stop;
        flags[static_cast<unsigned char>('\\')] |= char_string_stop;
        for (unsigned i = '0'; i <= '9'; ++i) flags[i] |= char_digit;
    }
};
inline constexpr char_table char_flags{};

constexpr bool has_flag(char c, unsigned char flag) noexcept {
    return (char_flags.flags[static_cast<unsigned char>(c)] & flag) != 0;
}

/// Outcome of scanning a number: `end` is one past it on success; otherwise
/// `error` is set and `end` is the offending offset.
struct number_scan {
    std::size_t end = 0;
    bool ok = false;
    json_errc error = json_errc::invalid_number;
};

/// Scans the RFC 8259 number starting at `text[pos]` (which is '-' or a digit).
constexpr number_scan scan_number(std::string_view text, std::size_t pos) noexcept {
    const std::size_t size = text.size();
    const auto digit_at = [&](std::size_t i) { return i < size && has_flag(text[i], char_digit); };
    const auto fail = [&](std::size_t at) {
        return number_scan{at, false, at >= size ? json_errc::unexpected_end : json_errc::invalid_number};
    };
    if (pos < size && text[pos] == '-') ++pos;
    if (!digit_at(pos)) return fail(pos);
    if (text[pos] == '0') {
        ++pos;
        if (digit_at(pos)) return fail(pos);  // leading zeros are not allowed
    } else {
        while (digit_at(pos)) ++pos;
    }
    if (pos < size && text[pos] == '.') {
        ++pos;
        if (!digit_at(pos)) return fail(pos);
        while (digit_at(pos)) ++pos;
    }
    if (pos < size && (text[pos] == 'e' || text[pos] == 'E')) {
        ++pos;
        if (pos < size && (text[pos] == '+' || text[pos] == '-')) ++pos;
        if (!digit_at(pos)) return fail(pos);
        while (digit_at(pos)) ++pos;
    }
    return number_scan{pos, true, json_errc::invalid_number};
}

/// The first position at or after `pos` holding '"', '\\', a byte < 0x20 or a
/// byte >= 0x80 (or `size`). Tests 16 (SSE2) or 8 bytes at a time: most strings have none.
inline std::size_t skip_plain_string_bytes(const char* data, std::size_t pos, std::size_t size) noexcept {
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    const __m128i space = _mm_set1_epi8(0x20);
    while (size - pos >= 16) {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + pos));
        // A signed compare: bytes >= 0x80 are negative, so "< 0x20" catches them too.
        const __m128i stop = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, backslash)),
                                          _mm_cmplt_epi8(x, space));
        const auto mask = static_cast<unsigned>(_mm_movemask_epi8(stop));
        if (mask != 0) return pos + static_cast<std::size_t>(std::countr_zero(mask));
        pos += 16;
    }
#else
    constexpr std::uint64_t ones = 0x0101010101010101u;
    constexpr std::uint64_t highs = 0x8080808080808080u;
    while (size - pos >= 8) {
        std::uint64_t x = 0;
        std::memcpy(&x, data + pos, 8);
        const std::uint64_t quote = x ^ (ones * '"');
        const std::uint64_t backslash = x ^ (ones * '\\');
        // Classic "has zero byte" / "has byte less than n" tests: exact about whether any byte matches.
        const std::uint64_t stop =
            ((quote - ones) & ~quote) | ((backslash - ones) & ~backslash) | ((x - ones * 0x20) & ~x) | x;
        if ((stop & highs) != 0) break;
        pos += 8;
    }
#endif
    while (pos < size && !has_flag(data[pos], char_string_stop)) ++pos;
    return pos;
}

constexpr int hex_value(char c) noexcept {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/// The number `text` (RFC 8259 syntax) as an `int64_t`; nothing if it has a
/// fraction or exponent part or is out of range.
inline std::optional<std::int64_t> number_as_int64(std::string_view text) noexcept {
    if (text.empty() || text.find_first_of(".eE") != std::string_view::npos) return std::nullopt;
    std::int64_t n = 0;
    const auto res = std::from_chars(text.data(), text.data() + text.size(), n);
    if (res.ec != std::errc{} || res.ptr != text.data() + text.size()) return std::nullopt;
    return n;
}

/// The number `text` as the nearest `double`; nothing on overflow or underflow.
inline std::optional<double> number_as_double(std::string_view text) noexcept {
    if (text.empty()) return std::nullopt;
    double d = 0;
    const auto res = std::from_chars(text.data(), text.data() + text.size(), d);
    if (res.ec != std::errc{} || res.ptr != text.data() + text.size()) return std::nullopt;
    return d;
}

}  // namespace detail

inline std::optional<std::int64_t> value::as_int64() const noexcept { return detail::number_as_int64(number_text()); }

inline std::optional<double> value::as_double() const noexcept { return detail::number_as_double(number_text()); }

inline std::optional<value> value::make_number(std::string_view text) {
    if (text.empty() || !(text[0] == '-' || detail::has_flag(text[0], detail::char_digit))) return std::nullopt;
    const detail::number_scan scan = detail::scan_number(text, 0);
    if (!scan.ok || scan.end != text.size()) return std::nullopt;
    return from_text(value_kind::number, std::string(text), 0);
}

namespace detail {

// One value of a document's tape. A container is followed by its subtree in
// document order (an object's members as a key node, then the value's nodes).
struct node {
    const char* text = nullptr;  // a string's decoded bytes, a number's text or a key
    std::size_t size = 0;        // text length; element/member count of a container; 1 for `true`
    std::size_t offset = 0;      // byte offset in the parsed text
    std::size_t span = 1;        // nodes in this subtree, itself included
    value_kind kind = value_kind::null;
};

// The root of an empty (default or moved-from) document.
inline constexpr node null_node{};

}  // namespace detail

class array_view;
class object_view;

/// A read-only view of one value in a `document`: the same queries as `value`, but
/// strings are views and containers are ranges, so reading a document allocates
/// nothing. Valid while its document (and the text the document views) lives.
class element {
public:
    /// The type of this value.
    value_kind kind() const noexcept { return node_->kind; }
    /// True for `null`.
    bool is_null() const noexcept { return kind() == value_kind::null; }
    /// True for `true` and `false`.
    bool is_boolean() const noexcept { return kind() == value_kind::boolean; }
    /// True for numbers.
    bool is_number() const noexcept { return kind() == value_kind::number; }
    /// True for strings.
    bool is_string() const noexcept { return kind() == value_kind::string; }
    /// True for arrays.
    bool is_array() const noexcept { return kind() == value_kind::array; }
    /// True for objects.
    bool is_object() const noexcept { return kind() == value_kind::object; }
    /// Byte offset where this value starts (as `value::offset`).
    std::size_t offset() const noexcept { return node_->offset; }

    /// The boolean, or nothing if this is not a boolean.
    std::optional<bool> as_boolean() const noexcept {
        if (!is_boolean()) return std::nullopt;
        return node_->size != 0;
    }
    /// The decoded string, or nothing if this is not a string.
    std::optional<std::string_view> as_string() const noexcept {
        if (!is_string()) return std::nullopt;
        return text();
    }
    /// The number exactly as written, or an empty view if this is not a number.
    std::string_view number_text() const noexcept { return is_number() ? text() : std::string_view{}; }
    /// As `value::as_int64`.
    std::optional<std::int64_t> as_int64() const noexcept { return detail::number_as_int64(number_text()); }
    /// As `value::as_double`.
    std::optional<double> as_double() const noexcept { return detail::number_as_double(number_text()); }
    /// The elements, or a null view if this is not an array.
    array_view as_array() const noexcept;
    /// The members in document order, or a null view if this is not an object.
    object_view as_object() const noexcept;
    /// The value of the first member named `key`; nothing if there is none or this
    /// is not an object.
    std::optional<element> find(std::string_view key) const noexcept;

    /// A deep copy as a `value` (iterative, so any depth is safe).
    value to_value() const;

private:
    friend class document;
    friend class array_view;
    friend class object_view;

    explicit element(const detail::node* n) noexcept : node_(n) {}
    std::string_view text() const noexcept { return {node_->text, node_->size}; }

    const detail::node* node_;
};

/// One member of an object `element`.
struct member_view {
    std::string_view key;    ///< the decoded key
    element value;           ///< the member's value
    std::size_t key_offset;  ///< byte offset of the key's opening quote
};

/// The elements of an array `element`, in order.
class array_view {
public:
    /// An iterator over the elements (yields them by value).
    class iterator {
    public:
        using iterator_category = std::input_iterator_tag;
        using value_type = element;
        using difference_type = std::ptrdiff_t;
        using pointer = void;
        using reference = element;

        element operator*() const noexcept { return element(p_); }
        iterator& operator++() noexcept {
            p_ += p_->span;
            return *this;
        }
        friend bool operator==(iterator a, iterator b) noexcept { return a.p_ == b.p_; }

    private:
        friend class array_view;
        explicit iterator(const detail::node* p) noexcept : p_(p) {}
        const detail::node* p_;
    };

    /// A null view: what `element::as_array` gives for anything but an array.
    array_view() noexcept = default;
    /// False for a null view. With `->` and `*` below, a view reads like the
    /// pointer `value::as_array` returns (and `*` cannot dangle in a range-for).
    explicit operator bool() const noexcept { return array_ != nullptr; }
    const array_view* operator->() const noexcept { return this; }
    array_view operator*() const noexcept { return *this; }

    iterator begin() const noexcept { return iterator(array_ == nullptr ? nullptr : array_ + 1); }
    iterator end() const noexcept { return iterator(array_ == nullptr ? nullptr : array_ + array_->span); }
    std::size_t size() const noexcept { return array_ == nullptr ? 0 : array_->size; }
    bool empty() const noexcept { return size() == 0; }

private:
    friend class element;
    explicit array_view(const detail::node* array) noexcept : array_(array) {}
    const detail::node* array_ = nullptr;
};

/// The members of an object `element`, in document order.
class object_view {
public:
    /// An iterator over the members (yields them by value).
    class iterator {
    public:
        using iterator_category = std::input_iterator_tag;
        using value_type = member_view;
        using difference_type = std::ptrdiff_t;
        using pointer = void;
        using reference = member_view;

        member_view operator*() const noexcept {
            return member_view{std::string_view(p_->text, p_->size), element(p_ + 1), p_->offset};
        }
        iterator& operator++() noexcept {
            p_ += 1 + p_[1].span;  // the key, then the value's subtree
            return *this;
        }
        friend bool operator==(iterator a, iterator b) noexcept { return a.p_ == b.p_; }

    private:
        friend class object_view;
        explicit iterator(const detail::node* p) noexcept : p_(p) {}
        const detail::node* p_;
    };

    /// A null view: what `element::as_object` gives for anything but an object.
    object_view() noexcept = default;
    /// False for a null view. With `->` and `*` below, a view reads like the
    /// pointer `value::as_object` returns (and `*` cannot dangle in a range-for).
    explicit operator bool() const noexcept { return object_ != nullptr; }
    const object_view* operator->() const noexcept { return this; }
    object_view operator*() const noexcept { return *this; }

    iterator begin() const noexcept { return iterator(object_ == nullptr ? nullptr : object_ + 1); }
    iterator end() const noexcept { return iterator(object_ == nullptr ? nullptr : object_ + object_->span); }
    std::size_t size() const noexcept { return object_ == nullptr ? 0 : object_->size; }
    bool empty() const noexcept { return size() == 0; }

private:
    friend class element;
    explicit object_view(const detail::node* object) noexcept : object_(object) {}
    const detail::node* object_ = nullptr;
};

inline array_view element::as_array() const noexcept { return is_array() ? array_view(node_) : array_view(); }

inline object_view element::as_object() const noexcept { return is_object() ? object_view(node_) : object_view(); }

inline std::optional<element> element::find(std::string_view key) const noexcept {
    if (!is_object()) return std::nullopt;
    for (const member_view m : object_view(node_)) {
        if (m.key == key) return m.value;
    }
    return std::nullopt;
}

inline value element::to_value() const {
    value root;
    // Containers still being filled; each has its exact capacity reserved, so the
    // pointers stay valid while their children are appended.
    struct open {
        value* container;
        std::size_t remaining;
    };
    std::vector<open> stack;
    const detail::node* p = node_;
    const detail::node* const end = node_ + node_->span;
    while (p != end) {
        value* slot = &root;
        if (!stack.empty()) {
            open& top = stack.back();
            --top.remaining;
            if (value::object_type* members = top.container->as_object()) {
                member& m = members->emplace_back();
                m.key.assign(p->text, p->size);
                m.key_offset = p->offset;
                slot = &m.value;
                ++p;
            } else {
                slot = &top.container->as_array()->emplace_back();
            }
        }
        slot->kind_ = p->kind;
        slot->offset_ = p->offset;
        switch (p->kind) {
            case value_kind::null: break;
            case value_kind::boolean: slot->data_ = p->size != 0; break;
            case value_kind::number:
            case value_kind::string: slot->data_.emplace<std::string>(p->text, p->size); break;
            case value_kind::array: slot->data_.emplace<value::array_type>().reserve(p->size); break;
            case value_kind::object: slot->data_.emplace<value::object_type>().reserve(p->size); break;
        }
        if (p->span > 1) stack.push_back(open{slot, p->size});
        ++p;
        while (!stack.empty() && stack.back().remaining == 0) stack.pop_back();
    }
    return root;
}

/// A parsed JSON text as a flat tape of values: one allocation for all of them,
/// strings without escapes are views into the text, and freeing it is O(1) work
/// per allocation rather than per value. Move-only (its elements point into it).
///
/// **Example**:
///     auto d = iam::json::parse_document(R"({"Version":"2012-10-17"})");
///     if (d) assert(d->root().find("Version")->as_string() == "2012-10-17");
class document {
public:
    /// An empty document (its root is `null`).
    document() noexcept = default;
    /// A document viewing `v`, which must outlive it (its strings are not copied).
    /// Iterative, so any depth is safe.
    explicit document(const value& v);
    document(const document&) = delete;
    document& operator=(const document&) = delete;
    /// Steals `other`'s tape; elements of `other` stay valid and now belong to this.
    document(document&& other) noexcept = default;
    /// Steals `other`'s tape.
    document& operator=(document&& other) noexcept = default;
    ~document() = default;

    /// The top-level value.
    element root() const noexcept { return element(nodes_.empty() ? &detail::null_node : nodes_.data()); }

private:
    friend class parser;

    std::vector<detail::node> nodes_;
    std::forward_list<std::string> decoded_;  // strings that had escapes; nodes point into them
};

inline document::document(const value& v) {
    struct open {
        const value* container;
        std::size_t index;  // of its node
        std::size_t next;   // index of the next child to add
    };
    std::vector<open> stack;
    const auto add = [&](const value& x) {
        detail::node& n = nodes_.emplace_back();
        n.kind = x.kind();
        n.offset = x.offset();
        switch (x.kind()) {
            case value_kind::null: break;
            case value_kind::boolean: n.size = *x.as_boolean() ? 1 : 0; break;
            case value_kind::number: {
                const std::string_view t = x.number_text();
                n.text = t.data();
                n.size = t.size();
                break;
            }
            case value_kind::string:
                n.text = x.as_string()->data();
                n.size = x.as_string()->size();
                break;
            case value_kind::array: n.size = x.as_array()->size(); break;
            case value_kind::object: n.size = x.as_object()->size(); break;
        }
        if ((x.is_array() || x.is_object()) && n.size > 0) stack.push_back(open{&x, nodes_.size() - 1, 0});
    };
    add(v);
    while (!stack.empty()) {
        open& top = stack.back();
        if (top.next == nodes_[top.index].size) {
            nodes_[top.index].span = nodes_.size() - top.index;
            stack.pop_back();
            continue;
        }
        const value& c = *top.container;
        const std::size_t i = top.next++;
        if (const value::array_type* items = c.as_array()) {
            add((*items)[i]);  // may invalidate `top`
        } else {
            const member& m = (*c.as_object())[i];
            nodes_.push_back(detail::node{m.key.data(), m.key.size(), m.key_offset, 1, value_kind::string});
            add(m.value);
        }
    }
}

/// The single-pass iterative parser behind `parse_document`; use that instead.
class parser {
public:
    /// Prepares to parse `text` (which must outlive the parser and the document).
    parser(std::string_view text, parse_options options) noexcept : text_(text), options_(options) {}

    /// Parses the whole text once.
    result<document, parse_error> run() {
        if (text_.size() > options_.max_input_size) return fail(json_errc::input_too_large, 0);
        if (text_.substr(0, 3) == "\xEF\xBB\xBF") return fail(json_errc::byte_order_mark, 0);
        const std::size_t size = text_.size();
        std::vector<detail::node>& nodes = doc_.nodes_;
        nodes.clear();
        // Compact policies hold about one value per 12 bytes: this avoids most regrowth.
        nodes.reserve(size / 12 + 1);
        skip_ws();
        for (;;) {
            // A value must start at pos_.
            if (pos_ >= size) return fail(json_errc::unexpected_end, size);
            const char c = text_[pos_];
            const std::size_t start = pos_;
            if (!frames_.empty() && !frames_.back().is_object) ++nodes[frames_.back().index].size;
            switch (c) {
                case '[':
                case '{': {
                    if (frames_.size() >= options_.max_depth) return fail(json_errc::depth_exceeded, pos_);
                    const bool is_object = c == '{';
                    add(is_object ? value_kind::object : value_kind::array, start);
                    ++pos_;
                    skip_ws();
                    if (pos_ < size && text_[pos_] == (is_object ? '}' : ']')) {
                        ++pos_;
                        break;  // empty: complete already
                    }
                    frames_.push_back(frame{nodes.size() - 1, is_object, {}});
                    if (is_object && !parse_key()) return error_;
                    continue;
                }
                case '"': {
                    std::string_view s;
                    if (!parse_string(s)) return error_;
                    add(value_kind::string, start, s);
                    break;
                }
                case 't':
                    if (!parse_literal("true")) return error_;
                    add(value_kind::boolean, start).size = 1;
                    break;
                case 'f':
                    if (!parse_literal("false")) return error_;
                    add(value_kind::boolean, start);
                    break;
                case 'n':
                    if (!parse_literal("null")) return error_;
                    add(value_kind::null, start);
                    break;
                default: {
                    if (c != '-' && !detail::has_flag(c, detail::char_digit))
                        return fail(json_errc::expected_value, pos_);
                    const detail::number_scan scan = detail::scan_number(text_, pos_);
                    if (!scan.ok) return fail(scan.error, scan.end);
                    add(value_kind::number, start, text_.substr(pos_, scan.end - pos_));
                    pos_ = scan.end;
                    break;
                }
            }
            // A value is complete: expect ',' or the closing bracket, closing as many containers as end here.
            for (;;) {
                if (frames_.empty()) {
                    skip_ws();
                    if (pos_ != size) return fail(json_errc::trailing_content, pos_);
                    return std::move(doc_);
                }
                const bool is_object = frames_.back().is_object;
                skip_ws();
                if (pos_ >= size) return fail(json_errc::unexpected_end, size);
                const char next = text_[pos_];
                if (next == ',') {
                    ++pos_;
                    skip_ws();
                    if (is_object && !parse_key()) return error_;
                    break;  // the next value follows
                }
                if (next != (is_object ? '}' : ']')) return fail(json_errc::expected_comma_or_close, pos_);
                ++pos_;
                const std::size_t index = frames_.back().index;
                nodes[index].span = nodes.size() - index;
                frames_.pop_back();
            }
        }
    }

private:
    // Hashes a key node by index, so the set survives the tape reallocating.
    struct key_hash {
        const std::vector<detail::node>* nodes;
        std::size_t operator()(std::size_t i) const noexcept {
            return std::hash<std::string_view>{}(std::string_view((*nodes)[i].text, (*nodes)[i].size));
        }
    };
    struct key_equal {
        const std::vector<detail::node>* nodes;
        bool operator()(std::size_t a, std::size_t b) const noexcept {
            const detail::node& x = (*nodes)[a];
            const detail::node& y = (*nodes)[b];
            return std::string_view(x.text, x.size) == std::string_view(y.text, y.size);
        }
    };
    using key_index = std::unordered_set<std::size_t, key_hash, key_equal>;

    // Past this many members a linear duplicate scan turns quadratic; use a hash set.
    static constexpr std::size_t linear_key_limit = 16;

    // An open array or object: the index of its node on the tape.
    struct frame {
        std::size_t index = 0;
        bool is_object = false;
        std::unique_ptr<key_index> keys;  // only for objects past linear_key_limit
    };

    // Appends a node; its span is fixed when a container closes.
    detail::node& add(value_kind kind, std::size_t offset, std::string_view text = {}) {
        return doc_.nodes_.emplace_back(detail::node{text.data(), text.size(), offset, 1, kind});
    }

    parse_error fail(json_errc kind, std::size_t offset) {
        const text_position p = line_column(text_, offset);
        error_ = parse_error{kind, offset, p.line, p.column};
        return error_;
    }
    // Records an error and returns false, for the bool-returning helpers.
    bool set_error(json_errc kind, std::size_t offset) {
        fail(kind, offset);
        return false;
    }

    void skip_ws() noexcept {
        const std::size_t size = text_.size();
        while (pos_ < size && detail::has_flag(text_[pos_], detail::char_ws)) ++pos_;
    }

    bool parse_literal(std::string_view word) {
        for (std::size_t i = 0; i < word.size(); ++i) {
            if (pos_ + i >= text_.size()) return set_error(json_errc::unexpected_end, text_.size());
            if (text_[pos_ + i] != word[i]) return set_error(json_errc::invalid_literal, pos_ + i);
        }
        pos_ += word.size();
        return true;
    }

    // Reads 4 hex digits at pos; -1 if any is missing or not hex.
    long read_hex4(std::size_t pos) const noexcept {
        if (text_.size() - pos < 4) return -1;
        long v = 0;
        for (std::size_t i = 0; i < 4; ++i) {
            const int h = detail::hex_value(text_[pos + i]);
            if (h < 0) return -1;
            v = v * 16 + h;
        }
        return v;
    }

    // Parses the \u escape whose backslash is at pos_ (handles surrogate pairs).
    bool parse_unicode_escape(std::string& out) {
        const std::size_t size = text_.size();
        const std::size_t backslash = pos_;
        const auto bad_hex = [&](std::size_t hex_start) {
            // Truncated input is "unexpected end" only if every byte present was hex.
            for (std::size_t i = hex_start; i < hex_start + 4; ++i) {
                if (i >= size) return set_error(json_errc::unexpected_end, size);
                if (detail::hex_value(text_[i]) < 0) break;
            }
            return set_error(json_errc::invalid_escape, hex_start - 2);
        };
        const long first = read_hex4(pos_ + 2);
        if (first < 0) return bad_hex(pos_ + 2);
        pos_ += 6;
        char32_t cp = static_cast<char32_t>(first);
        if (cp >= 0xDC00 && cp <= 0xDFFF) return set_error(json_errc::lone_surrogate, backslash);
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (size - pos_ < 2 || text_[pos_] != '\\' || text_[pos_ + 1] != 'u') {
                return set_error(json_errc::lone_surrogate, backslash);
            }
            const long second = read_hex4(pos_ + 2);
            if (second < 0) return bad_hex(pos_ + 2);
            if (second < 0xDC00 || second > 0xDFFF) return set_error(json_errc::lone_surrogate, backslash);
            pos_ += 6;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (static_cast<char32_t>(second) - 0xDC00);
        }
        iam::detail::append_utf8(out, cp);
        return true;
    }

    // Parses the string whose opening quote is at pos_; `out` views the input when
    // the string has no escapes, else a decoded copy owned by the document.
    bool parse_string(std::string_view& out) {
        const std::size_t size = text_.size();
        const char* data = text_.data();
        const std::size_t start = ++pos_;
        for (;;) {
            pos_ = detail::skip_plain_string_bytes(data, pos_, size);
            if (pos_ >= size) return set_error(json_errc::unexpected_end, size);
            const auto b = static_cast<unsigned char>(data[pos_]);
            if (b == '"') {
                out = text_.substr(start, pos_ - start);
                ++pos_;
                return true;
            }
            if (b == '\\') break;
            if (b < 0x20) return set_error(json_errc::control_character, pos_);
            const std::size_t len = iam::detail::decode_utf8(text_, pos_).length;
            if (len == 0) return set_error(json_errc::invalid_utf8, pos_);
            pos_ += len;
        }
        std::string& decoded = doc_.decoded_.emplace_front(data + start, pos_ - start);
        for (;;) {
            const std::size_t run = pos_;
            pos_ = detail::skip_plain_string_bytes(data, pos_, size);
            decoded.append(data + run, pos_ - run);
            if (pos_ >= size) return set_error(json_errc::unexpected_end, size);
            const auto b = static_cast<unsigned char>(data[pos_]);
            if (b == '"') {
                out = decoded;
                ++pos_;
                return true;
            }
            if (b < 0x20) return set_error(json_errc::control_character, pos_);
            if (b >= 0x80) {
                const std::size_t len = iam::detail::decode_utf8(text_, pos_).length;
                if (len == 0) return set_error(json_errc::invalid_utf8, pos_);
                decoded.append(data + pos_, len);
                pos_ += len;
                continue;
            }
            // A backslash.
            if (pos_ + 1 >= size) return set_error(json_errc::unexpected_end, size);
            char c = 0;
            switch (data[pos_ + 1]) {
                case '"': c = '"'; break;
                case '\\': c = '\\'; break;
                case '/': c = '/'; break;
                case 'b': c = '\b'; break;
                case 'f': c = '\f'; break;
                case 'n': c = '\n'; break;
                case 'r': c = '\r'; break;
                case 't': c = '\t'; break;
                case 'u':
                    if (!parse_unicode_escape(decoded)) return false;
                    continue;
                default: return set_error(json_errc::invalid_escape, pos_);
            }
            decoded.push_back(c);
            pos_ += 2;
        }
    }

    // Parses a key at pos_ (after '{' or ','), checks it is new, and consumes ':'.
    bool parse_key() {
        const std::size_t size = text_.size();
        if (pos_ >= size) return set_error(json_errc::unexpected_end, size);
        if (text_[pos_] != '"') return set_error(json_errc::expected_key, pos_);
        const std::size_t key_offset = pos_;
        std::string_view key;
        if (!parse_string(key)) return false;
        ++doc_.nodes_[frames_.back().index].size;
        add(value_kind::string, key_offset, key);
        if (!options_.allow_duplicate_keys && is_duplicate(frames_.back()))
            return set_error(json_errc::duplicate_key, key_offset);
        skip_ws();
        if (pos_ >= size) return set_error(json_errc::unexpected_end, size);
        if (text_[pos_] != ':') return set_error(json_errc::expected_colon, pos_);
        ++pos_;
        skip_ws();
        return true;
    }

    // Whether the key node just added to `top`'s object repeats an earlier key.
    bool is_duplicate(frame& top) {
        const std::vector<detail::node>& nodes = doc_.nodes_;
        const std::size_t last = nodes.size() - 1;
        if (top.keys) return !top.keys->insert(last).second;
        const std::string_view key(nodes[last].text, nodes[last].size);
        // Earlier members are complete: each is a key node followed by its value's subtree.
        for (std::size_t k = top.index + 1; k < last; k += 1 + nodes[k + 1].span) {
            if (std::string_view(nodes[k].text, nodes[k].size) == key) return true;
        }
        if (nodes[top.index].size >= linear_key_limit) {
            top.keys = std::make_unique<key_index>(64, key_hash{&nodes}, key_equal{&nodes});
            for (std::size_t k = top.index + 1; k < last; k += 1 + nodes[k + 1].span) top.keys->insert(k);
            top.keys->insert(last);  // no value follows this key yet
        }
        return false;
    }

    std::string_view text_;
    parse_options options_;
    std::size_t pos_ = 0;
    parse_error error_;
    document doc_;
    std::vector<frame> frames_;
};

/// Parses `text` as exactly one RFC 8259 JSON value (see `parse`) into a flat
/// `document` whose strings may view `text`: keep `text` alive as long as the document.
inline result<document, parse_error> parse_document(std::string_view text, parse_options options = {}) {
    return parser(text, options).run();
}

/// Parses `text` as exactly one RFC 8259 JSON value with optional surrounding
/// whitespace (space, tab, LF, CR). Strict: UTF-8 is validated, a leading byte
/// order mark, duplicate keys (unless allowed) and unpaired surrogate escapes are
/// errors. Never throws on any input; nesting is handled without recursion.
///
/// **Example**:
///     auto r = iam::json::parse(R"({"Version":"2012-10-17"})");
///     if (r) std::puts(r->find("Version")->as_string()->c_str());
inline result<value, parse_error> parse(std::string_view text, parse_options options = {}) {
    auto doc = parse_document(text, options);
    if (!doc) return doc.error();
    return doc->root().to_value();
}

/// Layout of the JSON that `writer` and `write` produce.
enum class write_style : unsigned char {
    compact,  ///< no whitespace at all (but where `writer::break_line` asks for a line break)
    pretty,   ///< one element or member per line, 2-space indent, `"key": value`; no final newline
};

namespace detail {
// The integer types `writer::value` writes as numbers (`bool` and `char` are not numbers).
template <typename T>
concept integer = std::integral<T> && !std::same_as<T, bool> && !std::same_as<T, char>;
}  // namespace detail

/// Writes JSON as it goes: containers are opened and closed, members named by `key`,
/// strings escaped by `detail::append_json_string` (ill-formed UTF-8 becomes U+FFFD), so
/// the text is valid JSON whatever the strings hold. Commas, and in the pretty style line
/// breaks and indentation, are placed by the writer. Misuse (a member without a key, a
/// key in an array, closing what is not open, a second top-level value) is a bug that
/// `assert` catches in debug builds.
///
/// **Example**:
///     iam::json::writer w;
///     w.begin_object().key("Action").begin_array().value("s3:GetObject").end_array().end_object();
///     std::puts(w.text().c_str());  // {"Action":["s3:GetObject"]}
class writer {
public:
    explicit writer(write_style style = write_style::compact) noexcept : pretty_(style == write_style::pretty) {}

    /// Opens an object: then `key` and a value, as often as needed, and `end_object`.
    writer& begin_object() { return open('{', true); }
    /// Closes the innermost open container, which must be an object.
    writer& end_object() { return close('}', true); }
    /// Opens an array: then its values, and `end_array`.
    writer& begin_array() { return open('[', false); }
    /// Closes the innermost open container, which must be an array.
    writer& end_array() { return close(']', false); }

    /// Names the next member of the innermost open object.
    writer& key(std::string_view name) {
        assert(!open_.empty() && open_.back().is_object && !after_key_);
        start_element();
        iam::detail::append_json_string(out_, name);
        out_ += pretty_ ? ": " : ":";
        after_key_ = true;
        return *this;
    }

    /// A string.
    writer& value(std::string_view text) {
        start_value();
        iam::detail::append_json_string(out_, text);
        return *this;
    }
    /// A string (without this, a string literal would be written as `true`).
    writer& value(const char* text) { return value(std::string_view(text)); }
    /// `true` or `false`.
    writer& value(bool b) {
        start_value();
        out_ += b ? "true" : "false";
        return *this;
    }
    /// An integer, in decimal.
    template <detail::integer Integer>
    writer& value(Integer n) {
        start_value();
        out_ += std::to_string(n);
        return *this;
    }
    /// `null`.
    writer& null() {
        start_value();
        out_ += "null";
        return *this;
    }
    /// A whole value: numbers exactly as they were read, members in their order.
    /// Iterative, so any depth is safe.
    writer& value(const json::value& v);

    /// Starts the next element or member on a new line, in the compact style (the
    /// pretty style puts each on its own line already): one record a line, say.
    writer& break_line() noexcept {
        break_line_ = !pretty_;
        return *this;
    }

    /// True once one top-level value is written whole.
    bool complete() const noexcept { return open_.empty() && !out_.empty(); }
    /// The JSON written so far.
    const std::string& text() const& noexcept { return out_; }
    /// The JSON written, moved out.
    std::string text() && noexcept { return std::move(out_); }

private:
    struct container {
        bool is_object;
        bool empty;
    };

    // Before a key, or a value in an array: the comma and line break that separate it.
    void start_element() {
        container& innermost = open_.back();
        if (!innermost.empty) out_.push_back(',');
        innermost.empty = false;
        if (pretty_) {
            newline(open_.size());
        } else if (break_line_) {
            out_.push_back('\n');
        }
        break_line_ = false;
    }

    // Before any value: after its key, in an array, or alone at the top.
    void start_value() {
        if (after_key_) {
            after_key_ = false;
        } else if (open_.empty()) {
            assert(out_.empty());  // one top-level value
        } else {
            assert(!open_.back().is_object);  // an object's member needs its key first
            start_element();
        }
    }

    writer& open(char bracket, bool is_object) {
        start_value();
        out_.push_back(bracket);
        open_.push_back(container{is_object, true});
        return *this;
    }

    writer& close(char bracket, bool is_object) {
        assert(!open_.empty() && open_.back().is_object == is_object && !after_key_);
        const bool was_empty = open_.back().empty;
        open_.pop_back();
        if (pretty_ && !was_empty) newline(open_.size());
        out_.push_back(bracket);
        return *this;
    }

    void newline(std::size_t depth) {
        out_.push_back('\n');
        out_.append(depth * 2, ' ');
    }

    std::string out_;
    std::vector<container> open_;
    bool pretty_;
    bool after_key_ = false;
    bool break_line_ = false;
};

inline writer& writer::value(const json::value& v) {
    struct frame {
        const json::value* container;
        std::size_t next;  // index of the next child to write
    };
    std::vector<frame> stack;
    // Writes a scalar or opens a container, which is then pushed.
    const auto write_one = [&](const json::value& x) {
        switch (x.kind()) {
            case value_kind::null: null(); return;
            case value_kind::boolean: value(*x.as_boolean()); return;
            case value_kind::number:
                start_value();
                out_ += x.number_text();
                return;
            case value_kind::string: value(std::string_view(*x.as_string())); return;
            case value_kind::array: begin_array(); break;
            case value_kind::object: begin_object(); break;
        }
        stack.push_back(frame{&x, 0});
    };
    write_one(v);
    while (!stack.empty()) {
        frame& top = stack.back();
        const json::value& c = *top.container;
        const std::size_t count = c.is_array() ? c.as_array()->size() : c.as_object()->size();
        if (top.next == count) {
            if (c.is_array()) {
                end_array();
            } else {
                end_object();
            }
            stack.pop_back();
        } else if (c.is_array()) {
            write_one((*c.as_array())[top.next++]);  // may invalidate `top`
        } else {
            const member& m = (*c.as_object())[top.next++];
            key(m.key);
            write_one(m.value);
        }
    }
    return *this;
}

/// Writes `v` as JSON (see `writer::value`).
inline std::string write(const value& v, write_style style = write_style::compact) {
    writer out(style);
    out.value(v);
    return std::move(out).text();
}

}  // namespace iam::json

#endif  // IAM_JSON_HPP_INCLUDED
