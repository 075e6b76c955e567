// SPDX-License-Identifier: MIT
// iamcpp: UTF-8 decoding shared by the name validators, the JSON parser and writers.
#ifndef IAM_DETAIL_UTF8_HPP_INCLUDED
#define IAM_DETAIL_UTF8_HPP_INCLUDED

#include <cstddef>
#include <string_view>

namespace iam::detail {

/// One decoded code point and the bytes it took; `length == 0` means the bytes at
/// that position are not well-formed UTF-8 (overlong, surrogate, > U+10FFFF, truncated).
struct utf8_decoded {
    char32_t code_point = 0;
    std::size_t length = 0;
};

/// Decodes the code point starting at `text[pos]` (pos < text.size()) following
/// RFC 3629's table of well-formed byte sequences.
constexpr utf8_decoded decode_utf8(std::string_view text, std::size_t pos) noexcept {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(pos);
    if (lead < 0x80) return {lead, 1};
    std::size_t length = 0;
    char32_t cp = 0;
    unsigned char low = 0x80;  // allowed range of the second byte (RFC 3629 §4)
    unsigned char high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        cp = lead & 0x1Fu;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        cp = lead & 0x0Fu;
        if (lead == 0xE0) low = 0xA0;
        if (lead == 0xED) high = 0x9F;  // no surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        cp = lead & 0x07u;
        if (lead == 0xF0) low = 0x90;
        if (lead == 0xF4) high = 0x8F;  // nothing above U+10FFFF
    } else {
        return {};
    }
    if (text.size() - pos < length) return {};
    for (std::size_t i = 1; i < length; ++i) {
        const unsigned char next = byte(pos + i);
        if (next < (i == 1 ? low : 0x80) || next > (i == 1 ? high : 0xBF)) return {};
        cp = (cp << 6) | (next & 0x3Fu);
    }
    return {cp, length};
}

/// Appends the UTF-8 encoding of `cp` (which must be a Unicode scalar value).
template <typename String>
constexpr void append_utf8(String& out, char32_t cp) {
    const auto put = [&](unsigned value) { out.push_back(static_cast<char>(value)); };
    if (cp < 0x80) {
        put(static_cast<unsigned>(cp));
    } else if (cp < 0x800) {
        put(0xC0u | static_cast<unsigned>(cp >> 6));
        put(0x80u | (cp & 0x3Fu));
    } else if (cp < 0x10000) {
        put(0xE0u | static_cast<unsigned>(cp >> 12));
        put(0x80u | ((cp >> 6) & 0x3Fu));
        put(0x80u | (cp & 0x3Fu));
    } else {
        put(0xF0u | static_cast<unsigned>(cp >> 18));
        put(0x80u | ((cp >> 12) & 0x3Fu));
        put(0x80u | ((cp >> 6) & 0x3Fu));
        put(0x80u | (cp & 0x3Fu));
    }
}

}  // namespace iam::detail

#endif  // IAM_DETAIL_UTF8_HPP_INCLUDED
