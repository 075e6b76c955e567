// SPDX-License-Identifier: MIT
// iamcpp: Amazon Resource Names — parsing into fields and building IAM entity ARNs.
#ifndef IAM_ARN_HPP_INCLUDED
#define IAM_ARN_HPP_INCLUDED

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "names.hpp"
#include "result.hpp"

namespace iam {

/// The six fields of `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE`, viewing the
/// parsed text (which must outlive it). The resource keeps any further colons.
struct arn {
    std::string_view partition;
    std::string_view service;
    std::string_view region;
    std::string_view account;
    std::string_view resource;
    friend constexpr bool operator==(const arn&, const arn&) = default;
};

/// The rule an ARN broke.
enum class arn_rule : std::uint8_t {
    ok,              ///< valid
    too_long,        ///< over 2048 characters (API `arnType`)
    missing_prefix,  ///< does not start with `arn:`
    missing_field,   ///< fewer than six colon-separated fields
    bad_partition,   ///< partition empty or not `aws` / `aws-...` of lowercase letters
    bad_service,     ///< service empty or not lowercase letters, digits and `-`
    bad_region,      ///< region not lowercase letters, digits and `-`
    bad_account,     ///< account neither empty, `aws`, nor 12 digits
    empty_resource,  ///< nothing after the fifth colon
    bad_character,   ///< a control character, space or non-ASCII byte
};

/// Why an ARN is invalid and at which byte.
struct arn_error {
    arn_rule rule = arn_rule::ok;
    std::uint32_t offset = 0;
    friend constexpr bool operator==(const arn_error&, const arn_error&) = default;

    constexpr std::string_view message() const noexcept {
        switch (rule) {
            case arn_rule::ok: return "valid";
            case arn_rule::too_long: return "an ARN has at most 2048 characters";
            case arn_rule::missing_prefix: return "an ARN starts with `arn:`";
            case arn_rule::missing_field: return "an ARN has six fields separated by `:`";
            case arn_rule::bad_partition: return "the partition must be `aws` or `aws-...`";
            case arn_rule::bad_service: return "the service must be lowercase letters, digits and `-`";
            case arn_rule::bad_region: return "the region must be lowercase letters, digits and `-`";
            case arn_rule::bad_account: return "the account must be empty, `aws` or 12 digits";
            case arn_rule::empty_resource: return "the resource must not be empty";
            case arn_rule::bad_character: return "character not allowed in an ARN";
        }
        return "unknown rule";
    }
};

namespace detail {
constexpr bool is_lower_alnum_dash(std::string_view s) noexcept {
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
    return true;
}
}  // namespace detail

/// Parses a concrete ARN (no wildcards in partition, service or account).
///
/// **Example**:
///     static_assert(iam::parse_arn("arn:aws:iam::123456789012:user/alice").value().resource == "user/alice");
constexpr result<arn, arn_error> parse_arn(std::string_view text) noexcept {
    const auto fail = [](arn_rule rule, std::size_t offset) {
        return arn_error{rule, static_cast<std::uint32_t>(offset)};
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c <= 0x20 || c >= 0x7F) return fail(arn_rule::bad_character, i);
    }
    if (text.size() > 2048) return fail(arn_rule::too_long, 0);
    if (text.substr(0, 4) != "arn:") return fail(arn_rule::missing_prefix, 0);
    std::string_view fields[5];
    std::size_t start = 4;
    for (std::size_t f = 0; f < 4; ++f) {
        const std::size_t colon = text.find(':', start);
        if (colon == std::string_view::npos) return fail(arn_rule::missing_field, text.size());
        fields[f] = text.substr(start, colon - start);
        start = colon + 1;
    }
    fields[4] = text.substr(start);
    const arn parsed{fields[0], fields[1], fields[2], fields[3], fields[4]};
    const auto offset_of = [&](std::string_view field) { return static_cast<std::size_t>(field.data() - text.data()); };
    if (parsed.partition.substr(0, 3) != "aws" || !detail::is_lower_alnum_dash(parsed.partition) ||
        (parsed.partition.size() > 3 && parsed.partition[3] != '-'))
        return fail(arn_rule::bad_partition, offset_of(parsed.partition));
    if (parsed.service.empty() || !detail::is_lower_alnum_dash(parsed.service))
        return fail(arn_rule::bad_service, offset_of(parsed.service));
    if (!detail::is_lower_alnum_dash(parsed.region)) return fail(arn_rule::bad_region, offset_of(parsed.region));
    if (!parsed.account.empty() && parsed.account != "aws" && !is_valid_account_id(parsed.account))
        return fail(arn_rule::bad_account, offset_of(parsed.account));
    if (parsed.resource.empty()) return fail(arn_rule::empty_resource, offset_of(parsed.resource));
    return parsed;
}

constexpr bool is_valid_arn(std::string_view text) noexcept { return parse_arn(text).has_value(); }

/// `arn:PARTITION:iam::ACCOUNT:TYPE` + PATH + NAME, as IAM writes entity ARNs:
/// `entity_arn("123456789012", "user", "/division/", "alice")` is
/// `arn:aws:iam::123456789012:user/division/alice`. `path` must be a valid path.
inline std::string entity_arn(std::string_view account, std::string_view type, std::string_view path,
                              std::string_view name, std::string_view partition = "aws") {
    std::string out;
    out.reserve(13 + partition.size() + account.size() + type.size() + path.size() + name.size());
    out.append("arn:").append(partition).append(":iam::").append(account).append(":").append(type);
    out.append(path).append(name);
    return out;
}

}  // namespace iam

#endif  // IAM_ARN_HPP_INCLUDED
