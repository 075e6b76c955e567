// SPDX-License-Identifier: MIT
// iamcpp: the typed values condition operators compare — numbers, dates, IP networks,
// base64 bytes — parsed from their text in policies and in request contexts.
#ifndef IAM_CONDITION_VALUES_HPP_INCLUDED
#define IAM_CONDITION_VALUES_HPP_INCLUDED

#include <array>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>

namespace iam {

namespace detail {

constexpr bool is_ascii_digit(char c) noexcept { return c >= '0' && c <= '9'; }

constexpr bool is_hex_digit(char c) noexcept {
    return is_ascii_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

constexpr unsigned hex_value(char c) noexcept {
    return is_ascii_digit(c) ? static_cast<unsigned>(c - '0') : static_cast<unsigned>((c | 0x20) - 'a' + 10);
}

// The value of s[pos, pos+len) as decimal digits, or -1 if any is not a digit.
constexpr std::int64_t decimal(std::string_view s, std::size_t pos, std::size_t len) noexcept {
    if (pos + len > s.size() || len == 0) return -1;
    std::int64_t v = 0;
    for (std::size_t i = pos; i < pos + len; ++i) {
        if (!is_ascii_digit(s[i])) return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

// Days from 1970-01-01 to the given civil date (H. Hinnant's algorithm).
constexpr std::int64_t days_from_civil(std::int64_t y, std::int64_t m, std::int64_t d) noexcept {
    y -= m <= 2 ? 1 : 0;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

}  // namespace detail

/// A number as the Numeric operators read it: `[+-]?(D+(.D*)?|.D+)([eE][+-]?D+)?`
/// (every JSON number fits), as a double. Nothing for other text or out of range.
inline std::optional<double> parse_number(std::string_view s) noexcept {
    std::size_t i = 0;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    std::size_t digits = 0;
    while (i < s.size() && detail::is_ascii_digit(s[i])) ++i, ++digits;
    if (i < s.size() && s[i] == '.') {
        ++i;
        while (i < s.size() && detail::is_ascii_digit(s[i])) ++i, ++digits;
    }
    if (digits == 0) return std::nullopt;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
        std::size_t exponent_digits = 0;
        while (i < s.size() && detail::is_ascii_digit(s[i])) ++i, ++exponent_digits;
        if (exponent_digits == 0) return std::nullopt;
    }
    if (i != s.size()) return std::nullopt;
    const std::size_t skip = s[0] == '+' ? 1 : 0;  // from_chars takes no '+'
    double value = 0;
    const auto [end, ec] = std::from_chars(s.data() + skip, s.data() + s.size(), value);
    if (ec != std::errc{} || end != s.data() + s.size()) return std::nullopt;
    return value;
}

/// A Date operator value as microseconds since 1970-01-01T00:00:00Z: epoch seconds
/// (1–12 digits, except 4) or a W3C profile of ISO 8601 (UG: "W3C implementations of
/// the ISO 8601 date formats"): `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, optionally `Thh:mm`,
/// `:ss`, `.fraction` (to the microsecond), and `Z` or `±hh:mm`/`±hhmm` (none means
/// UTC). A missing month or day is the first. Four digits are a year, not epoch
/// seconds in 1970.
constexpr std::optional<std::int64_t> parse_date(std::string_view s) noexcept {
    using detail::decimal;
    constexpr std::int64_t micro = 1'000'000;
    if (!s.empty() && s.size() <= 12 && s.size() != 4) {  // epoch seconds, up to year 33658
        const std::int64_t seconds = decimal(s, 0, s.size());
        if (seconds >= 0) return seconds * micro;
    }
    // The date ends after the year (4), the month (7) or the day (10).
    const std::size_t date_end = s.size() < 10 ? s.size() : 10;
    if ((date_end != 4 && date_end != 7 && date_end != 10) || (date_end > 4 && s[4] != '-') ||
        (date_end > 7 && s[7] != '-'))
        return std::nullopt;
    const std::int64_t year = decimal(s, 0, 4);
    const std::int64_t month = date_end > 4 ? decimal(s, 5, 2) : 1;
    const std::int64_t day = date_end > 7 ? decimal(s, 8, 2) : 1;
    if (year < 0 || month < 1 || month > 12 || day < 1) return std::nullopt;
    constexpr std::int64_t month_days[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if (day > month_days[month - 1] || (month == 2 && day == 29 && !leap)) return std::nullopt;
    std::int64_t result = detail::days_from_civil(year, month, day) * 86400 * micro;
    if (s.size() == date_end) return result;
    if (s[10] != 'T' || s.size() < 16 || s[13] != ':') return std::nullopt;
    const std::int64_t hour = decimal(s, 11, 2);
    const std::int64_t minute = decimal(s, 14, 2);
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return std::nullopt;
    result += (hour * 3600 + minute * 60) * micro;
    std::size_t i = 16;
    if (i < s.size() && s[i] == ':') {
        const std::int64_t second = decimal(s, i + 1, 2);
        if (second < 0 || second > 60) return std::nullopt;  // 60: a leap second
        result += second * micro;
        i += 3;
        if (i < s.size() && s[i] == '.') {
            ++i;
            const std::size_t start = i;
            std::int64_t scale = micro / 10;
            while (i < s.size() && detail::is_ascii_digit(s[i])) {
                result += (s[i] - '0') * scale;
                scale /= 10;
                ++i;
            }
            if (i == start) return std::nullopt;
        }
    }
    if (i == s.size() || (s[i] == 'Z' && i + 1 == s.size())) return result;
    if (s[i] != '+' && s[i] != '-') return std::nullopt;
    const std::string_view zone = s.substr(i + 1);
    std::int64_t zone_hours = -1;
    std::int64_t zone_minutes = -1;
    if (zone.size() == 5 && zone[2] == ':') {
        zone_hours = decimal(zone, 0, 2);
        zone_minutes = decimal(zone, 3, 2);
    } else if (zone.size() == 4) {
        zone_hours = decimal(zone, 0, 2);
        zone_minutes = decimal(zone, 2, 2);
    }
    if (zone_hours < 0 || zone_hours > 23 || zone_minutes < 0 || zone_minutes > 59) return std::nullopt;
    const std::int64_t offset = (zone_hours * 3600 + zone_minutes * 60) * micro;
    return s[i] == '+' ? result - offset : result + offset;  // local time minus its offset is UTC
}

/// An IPv4 or IPv6 address with a prefix length: the network `IpAddress` compares with.
struct ip_network {
    std::array<std::uint8_t, 16> bytes{};  ///< IPv4 uses the first four
    std::uint8_t prefix = 0;               ///< bits that must agree: 32/128 for a plain address
    bool v6 = false;

    /// True when `address` (its own prefix ignored) lies in this network; families must agree.
    constexpr bool contains(const ip_network& address) const noexcept {
        if (address.v6 != v6) return false;
        for (std::size_t bit = 0; bit < prefix; ++bit) {
            const unsigned mask = 0x80u >> (bit % 8);
            if ((bytes[bit / 8] & mask) != (address.bytes[bit / 8] & mask)) return false;
        }
        return true;
    }
    friend constexpr bool operator==(const ip_network&, const ip_network&) = default;
};

namespace detail {

// Dotted-quad IPv4 without leading zeros (`010` is ambiguous, so rejected) into out[0..4).
constexpr bool parse_ipv4(std::string_view s, std::uint8_t* out) noexcept {
    std::size_t i = 0;
    for (int part = 0; part < 4; ++part) {
        if (part > 0) {
            if (i >= s.size() || s[i] != '.') return false;
            ++i;
        }
        const std::size_t start = i;
        while (i < s.size() && i - start < 4 && is_ascii_digit(s[i])) ++i;
        const std::size_t len = i - start;
        if (len == 0 || len > 3 || (len > 1 && s[start] == '0')) return false;
        const std::int64_t v = decimal(s, start, len);
        if (v > 255) return false;
        out[part] = static_cast<std::uint8_t>(v);
    }
    return i == s.size();
}

// An IPv6 address in RFC 4291 text form (`::` at most once, an IPv4 tail allowed).
constexpr bool parse_ipv6(std::string_view s, std::uint8_t* out) noexcept {
    std::array<std::uint16_t, 8> groups{};
    std::size_t count = 0;
    std::size_t gap = 8;  // where `::` stands, if anywhere
    std::size_t i = 0;
    if (s.size() >= 2 && s[0] == ':' && s[1] == ':') {
        gap = 0;
        i = 2;
    } else if (s.empty() || s[0] == ':') {
        return false;
    }
    while (i < s.size()) {
        std::size_t j = i;
        while (j < s.size() && j - i < 5 && is_hex_digit(s[j])) ++j;
        if (j < s.size() && s[j] == '.') {  // the IPv4 tail ends the address
            std::uint8_t v4[4]{};
            if (count > 6 || !parse_ipv4(s.substr(i), v4)) return false;
            groups[count++] = static_cast<std::uint16_t>((v4[0] << 8) | v4[1]);
            groups[count++] = static_cast<std::uint16_t>((v4[2] << 8) | v4[3]);
            break;
        }
        if (j == i || j - i > 4 || count == 8) return false;
        std::uint16_t group = 0;
        for (std::size_t k = i; k < j; ++k)
            group = static_cast<std::uint16_t>((unsigned{group} << 4) | hex_value(s[k]));
        groups[count++] = group;
        i = j;
        if (i == s.size()) break;
        if (s[i] != ':' || i + 1 == s.size()) return false;  // a single trailing colon
        ++i;
        if (s[i] == ':') {
            if (gap != 8) return false;
            gap = count;
            ++i;
        }
    }
    if (gap == 8 ? count != 8 : count > 7) return false;
    std::array<std::uint16_t, 8> full{};
    const std::size_t tail = count - (gap == 8 ? count : gap);
    for (std::size_t k = 0; k < count; ++k) {
        const bool after_gap = gap != 8 && k >= gap;
        full[after_gap ? 8 - tail + (k - gap) : k] = groups[k];
    }
    for (std::size_t k = 0; k < 8; ++k) {
        out[2 * k] = static_cast<std::uint8_t>(full[k] >> 8);
        out[2 * k + 1] = static_cast<std::uint8_t>(full[k] & 0xFF);
    }
    return true;
}

}  // namespace detail

/// An IpAddress value or a request's source IP: IPv4 or IPv6, optional `/prefix`
/// (0–32 or 0–128, no leading zeros); without one the whole address must agree.
constexpr std::optional<ip_network> parse_ip_network(std::string_view s) noexcept {
    const std::size_t slash = s.find('/');
    const std::string_view address = s.substr(0, slash);
    ip_network net;
    net.v6 = address.find(':') != std::string_view::npos;
    if (!(net.v6 ? detail::parse_ipv6(address, net.bytes.data()) : detail::parse_ipv4(address, net.bytes.data())))
        return std::nullopt;
    const std::int64_t max_bits = net.v6 ? 128 : 32;
    net.prefix = static_cast<std::uint8_t>(max_bits);
    if (slash == std::string_view::npos) return net;
    const std::string_view prefix = s.substr(slash + 1);
    if (prefix.empty() || prefix.size() > 3 || (prefix.size() > 1 && prefix[0] == '0')) return std::nullopt;
    const std::int64_t bits = detail::decimal(prefix, 0, prefix.size());
    if (bits < 0 || bits > max_bits) return std::nullopt;
    net.prefix = static_cast<std::uint8_t>(bits);
    return net;
}

/// The bytes of standard base64 text (`A-Za-z0-9+/`, length a multiple of 4, one or
/// two `=` only at the end), as BinaryEquals compares them. Nothing for other text.
inline std::optional<std::string> decode_base64(std::string_view s) {
    if (s.empty() || s.size() % 4 != 0) return std::nullopt;
    std::size_t pad = 0;
    while (pad < 2 && s[s.size() - 1 - pad] == '=') ++pad;
    const auto sextet = [](char c) -> int {
        if (c >= 'A' && c <= 'Z') return c - 'A';
        if (c >= 'a' && c <= 'z') return c - 'a' + 26;
        if (c >= '0' && c <= '9') return c - '0' + 52;
        if (c == '+') return 62;
        if (c == '/') return 63;
        return -1;
    };
    std::string out;
    out.reserve(s.size() / 4 * 3);
    std::uint32_t buffer = 0;
    int bits = 0;
    for (std::size_t i = 0; i < s.size() - pad; ++i) {
        const int v = sextet(s[i]);
        if (v < 0) return std::nullopt;
        buffer = (buffer << 6) | static_cast<std::uint32_t>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<char>((buffer >> bits) & 0xFF));
        }
    }
    return out;
}

}  // namespace iam

#endif  // IAM_CONDITION_VALUES_HPP_INCLUDED
