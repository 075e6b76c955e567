// SPDX-License-Identifier: MIT
// iamcpp: value types for the IAM entities a user's creation touches — users, groups,
// managed and inline policies, permissions boundaries, tags and credential metadata.
#ifndef IAM_ENTITIES_HPP_INCLUDED
#define IAM_ENTITIES_HPP_INCLUDED

#include <chrono>
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "arn.hpp"
#include "names.hpp"
#include "result.hpp"

namespace iam {

/// A point in time with second precision, as IAM reports creation dates.
using timestamp = std::chrono::sys_seconds;

/// Orders two named entities by name ignoring case (IAM's notion of the same name),
/// then by exact spelling, so sorting is stable and case variants stay adjacent.
constexpr std::weak_ordering compare_names(std::string_view a, std::string_view b) noexcept {
    if (const int c = icompare(a, b); c != 0) return c < 0 ? std::weak_ordering::less : std::weak_ordering::greater;
    return a <=> b;
}

namespace detail {
// A user, group or role with only its checked name and path set.
template <typename Entity>
result<Entity, name_error> make_entity(std::string_view name, std::string_view path) {
    const auto checked = decltype(Entity::name)::parse(name);
    if (!checked) return checked.error();
    if (const name_error e = check_path(path); !e.ok()) return e;
    return Entity{.name = checked.value(), .path = std::string(path)};
}
}  // namespace detail

/// A tag on a user: key 1–128 and value 0–256 Unicode characters of AWS's tag set.
struct tag {
    std::string key;
    std::string value;

    /// A checked tag: the key's error first, then the value's.
    static result<tag, name_error> make(std::string_view key, std::string_view value) {
        if (const name_error e = check_tag_key(key); !e.ok()) return e;
        if (const name_error e = check_tag_value(value); !e.ok()) return e;
        return tag{std::string(key), std::string(value)};
    }

    friend bool operator==(const tag&, const tag&) = default;
    friend auto operator<=>(const tag&, const tag&) = default;
};

/// A stored version of a managed policy other than its default one.
struct managed_policy_version {
    std::string version_id;  ///< `v1`, `v2`, ... (`policyVersionIdType`)
    std::string document;    ///< the policy JSON as text
    timestamp created{};

    friend bool operator==(const managed_policy_version&, const managed_policy_version&) = default;
};

/// A managed policy, AWS-managed (`arn:aws:iam::aws:policy/...`) or customer-managed,
/// identified by its ARN. The document is the policy JSON as text: the default
/// (operative) version, empty while only the ARN is known.
struct managed_policy {
    std::string arn;
    std::string name;
    std::string path = "/";
    std::string document;
    std::string default_version_id = "v1";                 ///< the version `document` is
    std::vector<managed_policy_version> other_versions{};  ///< stored non-default versions (AWS keeps at most 5 in all)
    std::string policy_id{};                               ///< AWS's unique id (`ANPA...`), empty until known
    std::string description{};                             ///< at most 1000 characters; fixed at creation
    timestamp created{};
    timestamp updated{};  ///< when the default version last changed

    /// A customer managed policy of `account`; checks the name and the policy path.
    static result<managed_policy, name_error> customer(std::string_view account, std::string_view name,
                                                       std::string_view path = "/", std::string_view document = {},
                                                       std::string_view partition = "aws") {
        if (const name_error e = check_account_id(account); !e.ok()) return e;
        return make(account, name, path, document, partition);
    }

    /// An AWS managed policy, e.g. `aws_managed("ReadOnlyAccess")` or `aws_managed("ViewOnlyAccess",
    /// "/job-function/")`.
    static result<managed_policy, name_error> aws_managed(std::string_view name, std::string_view path = "/",
                                                          std::string_view document = {}) {
        return make("aws", name, path, document);
    }

    /// True for policies AWS owns: the ARN's account field is `aws`.
    bool is_aws_managed() const noexcept {
        const auto parsed = parse_arn(arn);
        return parsed && parsed->account == "aws";
    }

    friend bool operator==(const managed_policy&, const managed_policy&) = default;
    friend std::weak_ordering operator<=>(const managed_policy& a, const managed_policy& b) noexcept {
        return compare_names(a.arn, b.arn);
    }

private:
    static result<managed_policy, name_error> make(std::string_view account, std::string_view name,
                                                   std::string_view path, std::string_view document,
                                                   std::string_view partition = "aws") {
        if (const name_error e = check_managed_policy_name(name); !e.ok()) return e;
        if (const name_error e = check_policy_path(path); !e.ok()) return e;
        managed_policy policy;
        policy.arn = entity_arn(account, "policy", path, name, partition);
        policy.name = std::string(name);
        policy.path = std::string(path);
        policy.document = std::string(document);
        return policy;
    }
};

/// A policy embedded in one user, group or role; its name is unique within that holder ignoring case.
struct inline_policy {
    inline_policy_name name;
    std::string document{};

    friend bool operator==(const inline_policy&, const inline_policy&) = default;
    friend std::weak_ordering operator<=>(const inline_policy& a, const inline_policy& b) noexcept {
        return compare_names(a.name, b.name);
    }
};

/// The managed policy that caps a user's or role's permissions (AWS allows one each).
struct permissions_boundary {
    std::string policy_arn;
    friend bool operator==(const permissions_boundary&, const permissions_boundary&) = default;
    friend auto operator<=>(const permissions_boundary&, const permissions_boundary&) = default;
};

/// Access key states as IAM reports them; an inactive key still counts toward the quota.
enum class access_key_status : std::uint8_t { active, inactive, expired };

/// An access key's metadata. The secret is never part of it: AWS shows it once, at creation.
struct access_key {
    access_key_id id;
    access_key_status status = access_key_status::active;
    timestamp created{};

    friend bool operator==(const access_key&, const access_key&) = default;
    friend auto operator<=>(const access_key&, const access_key&) = default;
};

/// Console access: when it was created and whether the next sign-in must set a new
/// password. The password itself is never stored.
struct login_profile {
    timestamp created{};
    bool password_reset_required = false;

    friend bool operator==(const login_profile&, const login_profile&) = default;
    friend auto operator<=>(const login_profile&, const login_profile&) = default;
};

/// An MFA device in use by a user; for a virtual device the serial number is its ARN.
struct mfa_device {
    std::string serial_number;
    timestamp enabled{};

    friend bool operator==(const mfa_device&, const mfa_device&) = default;
    friend auto operator<=>(const mfa_device&, const mfa_device&) = default;
};

/// An IAM user: identity, placement, permissions and credential metadata.
struct user {
    user_name name;
    std::string path = "/";
    std::string user_id{};  ///< AWS's unique id (`AIDA...`), empty until known
    timestamp created{};
    std::vector<tag> tags{};
    std::vector<std::string> groups{};                ///< names of the groups it belongs to
    std::vector<std::string> attached_policy_arns{};  ///< managed policies attached directly
    std::vector<inline_policy> inline_policies{};
    std::optional<permissions_boundary> boundary{};
    std::optional<login_profile> login{};
    std::vector<access_key> access_keys{};
    std::vector<mfa_device> mfa_devices{};

    /// A user named `name` under `path`, both checked.
    static result<user, name_error> make(std::string_view name, std::string_view path = "/") {
        return detail::make_entity<user>(name, path);
    }

    /// `arn:aws:iam::ACCOUNT:user/PATH/NAME`.
    std::string arn(std::string_view account, std::string_view partition = "aws") const {
        return entity_arn(account, "user", path, name, partition);
    }

    friend bool operator==(const user&, const user&) = default;
    /// Users order by name ignoring case, the way IAM tells names apart.
    friend std::weak_ordering operator<=>(const user& a, const user& b) noexcept {
        return compare_names(a.name, b.name);
    }
};

/// An IAM group. Groups cannot be tagged (UG id_tags) and hold no credentials.
struct group {
    group_name name;
    std::string path = "/";
    std::string group_id{};  ///< AWS's unique id (`AGPA...`), empty until known
    timestamp created{};
    std::vector<std::string> attached_policy_arns{};
    std::vector<inline_policy> inline_policies{};

    /// A group named `name` under `path`, both checked.
    static result<group, name_error> make(std::string_view name, std::string_view path = "/") {
        return detail::make_entity<group>(name, path);
    }

    /// `arn:aws:iam::ACCOUNT:group/PATH/NAME`.
    std::string arn(std::string_view account, std::string_view partition = "aws") const {
        return entity_arn(account, "group", path, name, partition);
    }

    friend bool operator==(const group&, const group&) = default;
    friend std::weak_ordering operator<=>(const group& a, const group& b) noexcept {
        return compare_names(a.name, b.name);
    }
};

/// An IAM role: a principal that is assumed, not signed in to. Its trust policy
/// (`AssumeRolePolicyDocument`) says who may assume it; its inline and attached policies
/// within its boundary say what a session of it may do.
struct role {
    role_name name;
    std::string path = "/";
    std::string role_id{};  ///< AWS's unique id (`AROA...`), empty until known
    timestamp created{};
    std::vector<tag> tags{};
    std::vector<std::string> attached_policy_arns{};
    std::vector<inline_policy> inline_policies{};
    std::optional<permissions_boundary> boundary{};
    std::string trust_policy{};  ///< the trust policy as compact JSON; empty when unknown

    /// A role named `name` under `path`, both checked.
    static result<role, name_error> make(std::string_view name, std::string_view path = "/") {
        return detail::make_entity<role>(name, path);
    }

    /// `arn:aws:iam::ACCOUNT:role/PATH/NAME`.
    std::string arn(std::string_view account, std::string_view partition = "aws") const {
        return entity_arn(account, "role", path, name, partition);
    }

    friend bool operator==(const role&, const role&) = default;
    friend std::weak_ordering operator<=>(const role& a, const role& b) noexcept {
        return compare_names(a.name, b.name);
    }
};

}  // namespace iam

#endif  // IAM_ENTITIES_HPP_INCLUDED
