// SPDX-License-Identifier: MIT
// iamcpp: writing a JSON string literal, the escaping behind `json::writer` (iam/json.hpp).
#ifndef IAM_DETAIL_JSON_STRING_HPP_INCLUDED
#define IAM_DETAIL_JSON_STRING_HPP_INCLUDED

#include <string>
#include <string_view>

#include "utf8.hpp"

namespace iam::detail {

/// Appends `text` as a quoted JSON string. Bytes that are not well-formed UTF-8
/// become U+FFFD, so the output is always valid JSON whatever the input.
inline void append_json_string(std::string& out, std::string_view text) {
    constexpr std::string_view hex = "0123456789abcdef";
    out.push_back('"');
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto c = static_cast<unsigned char>(text[pos]);
        if (c >= 0x80) {
            const utf8_decoded d = decode_utf8(text, pos);
            if (d.length == 0) {
                out += "\xEF\xBF\xBD";
                ++pos;
            } else {
                out.append(text.substr(pos, d.length));
                pos += d.length;
            }
            continue;
        }
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (c < 0x20) {
                    out += "\\u00";
                    out.push_back(hex[c >> 4]);
                    out.push_back(hex[c & 0xF]);
                } else {
                    out.push_back(static_cast<char>(c));
                }
        }
        ++pos;
    }
    out.push_back('"');
}

}  // namespace iam::detail

#endif  // IAM_DETAIL_JSON_STRING_HPP_INCLUDED
