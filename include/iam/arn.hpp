// SPDX-License-Identifier: MIT
// iamcpp: Amazon Resource Names — parsing into fields and building IAM entity ARNs.
#ifndef IAM_ARN_HPP_INCLUDED
#define IAM_ARN_HPP_INCLUDED

#include <algorithm>
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

/// The rule an ARN broke; the last three are a managed policy ARN's (`parse_policy_arn`).
enum class arn_errc : std::uint8_t {
    ok,               ///< valid
    too_long,         ///< over 2048 characters (API `arnType`)
    missing_prefix,   ///< does not start with `arn:`
    missing_field,    ///< fewer than six colon-separated fields
    bad_partition,    ///< partition empty or not `aws` / `aws-...` of lowercase letters
    bad_service,      ///< service empty or not lowercase letters, digits and `-`
    bad_region,       ///< region not lowercase letters, digits and `-`
    bad_account,      ///< account neither empty, `aws`, nor 12 digits
    empty_resource,   ///< nothing after the fifth colon
    bad_character,    ///< a control character, space or non-ASCII byte
    not_policy,       ///< a valid ARN, but not `arn:PARTITION:iam::ACCOUNT:policy/...`
    bad_policy_path,  ///< the policy path breaks its rule (`name`)
    bad_policy_name,  ///< the policy name breaks its rule (`name`)
};

/// The stable text id of `code`, e.g. "bad-partition".
constexpr std::string_view to_string(arn_errc code) noexcept {
    switch (code) {
        case arn_errc::ok: return "ok";
        case arn_errc::too_long: return "too-long";
        case arn_errc::missing_prefix: return "missing-prefix";
        case arn_errc::missing_field: return "missing-field";
        case arn_errc::bad_partition: return "bad-partition";
        case arn_errc::bad_service: return "bad-service";
        case arn_errc::bad_region: return "bad-region";
        case arn_errc::bad_account: return "bad-account";
        case arn_errc::empty_resource: return "empty-resource";
        case arn_errc::bad_character: return "bad-character";
        case arn_errc::not_policy: return "not-policy";
        case arn_errc::bad_policy_path: return "bad-policy-path";
        case arn_errc::bad_policy_name: return "bad-policy-name";
    }
    return "unknown";
}

/// Why an ARN is invalid and at which byte (for a policy path or name: where it starts,
/// and `name` says which of its rules it broke). `describe` gives a full sentence.
struct arn_error {
    arn_errc code = arn_errc::ok;
    std::uint32_t offset = 0;
    name_error name{};  ///< for bad_policy_path and bad_policy_name
    friend constexpr bool operator==(const arn_error&, const arn_error&) = default;

    /// A fixed sentence for the rule.
    constexpr std::string_view message() const noexcept {
        switch (code) {
            case arn_errc::ok: return "valid";
            case arn_errc::too_long: return "an ARN has at most 2048 characters";
            case arn_errc::missing_prefix: return "an ARN starts with `arn:`";
            case arn_errc::missing_field: return "an ARN has six fields separated by `:`";
            case arn_errc::bad_partition: return "the partition must be `aws` or `aws-...`";
            case arn_errc::bad_service: return "the service must be lowercase letters, digits and `-`";
            case arn_errc::bad_region: return "the region must be lowercase letters, digits and `-`";
            case arn_errc::bad_account: return "the account must be empty, `aws` or 12 digits";
            case arn_errc::empty_resource: return "the resource must not be empty";
            case arn_errc::bad_character: return "character not allowed in an ARN";
            case arn_errc::not_policy: return "not a managed policy ARN (arn:PARTITION:iam::ACCOUNT:policy/NAME)";
            case arn_errc::bad_policy_path: return "the policy path breaks its rule";
            case arn_errc::bad_policy_name: return "the policy name breaks its rule";
        }
        return "unknown rule";
    }
    /// The rule's stable id, `to_string(code)`.
    constexpr std::string_view id() const noexcept { return to_string(code); }
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
    const auto fail = [](arn_errc code, std::size_t offset) {
        return arn_error{code, static_cast<std::uint32_t>(offset), {}};
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c <= 0x20 || c >= 0x7F) return fail(arn_errc::bad_character, i);
    }
    if (text.size() > 2048) return fail(arn_errc::too_long, 0);
    if (text.substr(0, 4) != "arn:") return fail(arn_errc::missing_prefix, 0);
    std::string_view fields[5];
    std::size_t start = 4;
    for (std::size_t f = 0; f < 4; ++f) {
        const std::size_t colon = text.find(':', start);
        if (colon == std::string_view::npos) return fail(arn_errc::missing_field, text.size());
        fields[f] = text.substr(start, colon - start);
        start = colon + 1;
    }
    fields[4] = text.substr(start);
    const arn parsed{fields[0], fields[1], fields[2], fields[3], fields[4]};
    const auto offset_of = [&](std::string_view field) { return static_cast<std::size_t>(field.data() - text.data()); };
    if (parsed.partition.substr(0, 3) != "aws" || !detail::is_lower_alnum_dash(parsed.partition) ||
        (parsed.partition.size() > 3 && parsed.partition[3] != '-'))
        return fail(arn_errc::bad_partition, offset_of(parsed.partition));
    if (parsed.service.empty() || !detail::is_lower_alnum_dash(parsed.service))
        return fail(arn_errc::bad_service, offset_of(parsed.service));
    if (!detail::is_lower_alnum_dash(parsed.region)) return fail(arn_errc::bad_region, offset_of(parsed.region));
    if (!parsed.account.empty() && parsed.account != "aws" && !is_valid_account_id(parsed.account))
        return fail(arn_errc::bad_account, offset_of(parsed.account));
    if (parsed.resource.empty()) return fail(arn_errc::empty_resource, offset_of(parsed.resource));
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

/// The parts of a managed policy ARN `arn:PARTITION:iam::ACCOUNT:policy/PATH/NAME`,
/// viewing the parsed text. `account` is `aws` for AWS managed policies.
struct policy_arn_parts {
    std::string_view partition;
    std::string_view account;
    std::string_view path;  ///< `/` or `/.../`
    std::string_view name;
};

/// Splits a managed policy ARN, checking the path and name.
inline result<policy_arn_parts, arn_error> parse_policy_arn(std::string_view text) {
    const auto parsed = parse_arn(text);
    if (!parsed) return parsed.error();
    if (parsed->service != "iam" || !parsed->region.empty() || parsed->account.empty() ||
        !parsed->resource.starts_with("policy/"))
        return arn_error{arn_errc::not_policy, 0, {}};
    const std::string_view rest = parsed->resource.substr(6);  // from the slash after `policy`
    const std::size_t last = rest.rfind('/');
    const policy_arn_parts parts{parsed->partition, parsed->account, rest.substr(0, last + 1), rest.substr(last + 1)};
    const auto offset_of = [&](std::string_view part) { return static_cast<std::uint32_t>(part.data() - text.data()); };
    if (const name_error e = check_policy_path(parts.path); !e.ok())
        return arn_error{arn_errc::bad_policy_path, offset_of(parts.path), e};
    if (const name_error e = check_managed_policy_name(parts.name); !e.ok())
        return arn_error{arn_errc::bad_policy_name, offset_of(parts.name), e};
    return parts;
}

/// A full sentence for `error`, found in `text`: "`TEXT` is not an ARN: ...", or for a
/// policy path or name, "in `TEXT`: " and `describe` of its name error.
inline std::string describe(const arn_error& error, std::string_view text) {
    std::string quoted = "`";  // appended, not "`" + string: g++ 12 -O3 warns falsely (-Wrestrict)
    quoted.append(text).push_back('`');
    const std::string_view from = text.substr(std::min<std::size_t>(error.offset, text.size()));
    switch (error.code) {
        case arn_errc::not_policy: return quoted + " is " + std::string(error.message());
        case arn_errc::bad_policy_path:
            return "in " + quoted + ": " + describe(error.name, from.substr(0, from.rfind('/') + 1));
        case arn_errc::bad_policy_name: return "in " + quoted + ": " + describe(error.name, from);
        default: return quoted + " is not an ARN: " + std::string(error.message());
    }
}

}  // namespace iam

#endif  // IAM_ARN_HPP_INCLUDED
