// SPDX-License-Identifier: MIT
// Fuzz target: every validator against a plain reference, and the name types'
// invariants. The first byte picks the kind; the rest is the name.
#include <iam/iam.hpp>

#include <cstdint>
#include <string>
#include <string_view>

#include "require.hpp"

namespace {

// The API patterns, spelled as plainly as possible.
bool reference_entity_name(std::string_view s, std::size_t max) {
    const std::string_view set = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_+=,.@-";
    if (s.empty() || s.size() > max) return false;
    for (char c : s)
        if (set.find(c) == std::string_view::npos) return false;
    return true;
}

bool reference_path(std::string_view s) {
    if (s == "/") return true;
    if (s.size() < 3 || s.size() > 512 || s.front() != '/' || s.back() != '/') return false;
    for (char c : s.substr(1, s.size() - 2))
        if (c < 0x21 || c > 0x7E) return false;
    return true;
}

bool reference_alias(std::string_view s) {
    if (s.size() < 3 || s.size() > 63 || s.front() == '-' || s.back() == '-') return false;
    bool digits = true;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
        if (c == '-' && s[i - 1] == '-') return false;
        digits = digits && c >= '0' && c <= '9';
    }
    return !(digits && s.size() == 12);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const auto kind = static_cast<iam::name_kind>(data[0] % 13);
    const std::string_view name(reinterpret_cast<const char*>(data + 1), size - 1);
    const iam::name_error e = iam::check_name(kind, name);
    require(e.kind == kind);
    require(e.offset <= name.size());
    require(!iam::describe(e, name).empty());
    switch (kind) {
        case iam::name_kind::user: require(e.ok() == reference_entity_name(name, 64)); break;
        case iam::name_kind::group: require(e.ok() == reference_entity_name(name, 128)); break;
        case iam::name_kind::path: require(e.ok() == reference_path(name)); break;
        case iam::name_kind::account_alias: require(e.ok() == reference_alias(name)); break;
        default: break;
    }
    if (e.code == iam::name_errc::bad_character) require(e.offset < name.size());
    if (kind == iam::name_kind::user) {
        const auto parsed = iam::user_name::parse(name);
        require(parsed.has_value() == e.ok());
        if (parsed) require(parsed->view() == name);
    }
    if (kind == iam::name_kind::tag_key) {
        const auto parsed = iam::tag_key::parse(name);
        if (parsed) require(parsed->view() == name);
    }
    // Case folding: a name and its upper-case spelling are the same name.
    std::string upper(name);
    for (char& c : upper)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    require(iam::iequals(name, upper));
    require(iam::ihash(name) == iam::ihash(upper));
    require(iam::icompare(name, upper) == 0);
    (void)iam::parse_arn(name);
    return 0;
}
