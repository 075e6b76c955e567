// SPDX-License-Identifier: MIT
// iamcpp — what is wrong with an account: policies, quotas, credentials, permissions.
#ifndef IAM_AUDIT_HPP_INCLUDED
#define IAM_AUDIT_HPP_INCLUDED

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "account.hpp"
#include "action_catalog.hpp"
#include "effective.hpp"
#include "evaluate.hpp"
#include "policy.hpp"

namespace iam {

/// What an audit finding is about.
enum class finding_kind : std::uint8_t {
    unreadable_entry,           ///< an entry of a dump that could not be read (an invalid or duplicate name, ...)
    invalid_policy,             ///< an inline or customer managed policy breaks the grammar or its size limit
    unresolved_policy,          ///< a managed policy or boundary is attached but its document is unknown
    quota_exceeded,             ///< more than AWS allows (groups per user, policies, tags, keys, inline size)
    console_without_mfa,        ///< console access and no MFA device
    access_keys_with_console,   ///< access keys on a user who also signs in to the console
    unbounded_full_access,      ///< allowed every action on every resource, with no permissions boundary
    policy_voided_by_boundary,  ///< an attached policy grants nothing the boundary also allows
};

/// A stable kebab-case id, e.g. `"console-without-mfa"`.
constexpr std::string_view finding_id(finding_kind kind) noexcept {
    constexpr std::array<std::string_view, 8> ids{
        "unreadable-entry",    "invalid-policy",           "unresolved-policy",     "quota-exceeded",
        "console-without-mfa", "access-keys-with-console", "unbounded-full-access", "policy-voided-by-boundary"};
    return ids[static_cast<std::size_t>(kind)];
}

/// One problem: its kind, the entity (`user/NAME`, `group/NAME` or a policy ARN) and a sentence.
struct audit_finding {
    finding_kind kind = finding_kind::unreadable_entry;
    std::string entity;
    std::string message;
    friend bool operator==(const audit_finding&, const audit_finding&) = default;
};

namespace detail {

inline std::string policy_problem(std::string_view document, policy_kind kind) {
    if (const auto parsed = parse_policy(document, kind); !parsed) {
        const policy_error& e = parsed.error().errors.front();
        return (e.path.empty() ? "" : e.path + ": ") + e.message;
    }
    if (const auto size = check_policy_size(document, kind)) return size->message;
    return {};
}

// Whether an unconditional Allow of `s` names every action on every resource.
inline bool grants_everything(const statement& s) {
    const auto has_star = [](const string_block& b) {
        return !b.negated && std::any_of(b.values.begin(), b.values.end(), [](std::string_view v) { return v == "*"; });
    };
    return s.effect == policy_effect::allow && s.conditions.empty() && has_star(s.resource) &&
           std::any_of(s.action.values.begin(), s.action.values.end(),
                       [&](std::string_view v) { return !s.action.negated && (v == "*" || v == "*:*"); });
}

inline void check_quota(std::vector<audit_finding>& out, const std::string& entity, std::string_view what,
                        std::size_t count, std::size_t limit) {
    if (count > limit)
        out.push_back({finding_kind::quota_exceeded, entity,
                       std::to_string(count) + " " + std::string(what) + "; AWS allows " + std::to_string(limit)});
}

inline std::size_t inline_size(const std::vector<inline_policy>& policies) {
    std::size_t size = 0;
    for (const inline_policy& p : policies) size += policy_size(p.document);
    return size;
}

}  // namespace detail

/// Everything wrong with `a`, sorted by entity then kind. `lookup` gives the documents
/// of AWS managed policies the account only names; `catalog` decides whether a
/// boundary voids a policy of the user (attached, inline or through a group): it does
/// when the policy has no Deny (which would still work) and no catalog action that it
/// allows alone is allowed with the boundary applied. Policies that do not resolve
/// or parse are reported, and the permission checks of their user are skipped.
inline std::vector<audit_finding> audit_account(const account& a, const policy_lookup& lookup,
                                                const action_catalog& catalog) {
    std::vector<audit_finding> out;
    const quotas& q = a.quotas();
    for (const managed_policy& p : a.customer_managed_policies()) {
        if (std::string problem = detail::policy_problem(p.document, policy_kind::managed); !problem.empty())
            out.push_back({finding_kind::invalid_policy, p.arn, problem});
    }
    for (const group& g : a.groups()) {
        const std::string entity = "group/" + g.name.str();
        for (const inline_policy& p : g.inline_policies) {
            if (std::string problem = detail::policy_problem(p.document, policy_kind::identity); !problem.empty())
                out.push_back({finding_kind::invalid_policy, entity, "inline policy " + p.name.str() + ": " + problem});
        }
        detail::check_quota(out, entity, "managed policies attached", g.attached_policy_arns.size(),
                            q.managed_policies_per_group);
        detail::check_quota(out, entity, "characters of inline policy", detail::inline_size(g.inline_policies),
                            q.group_inline_policy_size);
    }
    for (const user& u : a.users()) {
        const std::string entity = "user/" + u.name.str();
        for (const inline_policy& p : u.inline_policies) {
            if (std::string problem = detail::policy_problem(p.document, policy_kind::identity); !problem.empty())
                out.push_back({finding_kind::invalid_policy, entity, "inline policy " + p.name.str() + ": " + problem});
        }
        detail::check_quota(out, entity, "groups", u.groups.size(), q.groups_per_user);
        detail::check_quota(out, entity, "managed policies attached", u.attached_policy_arns.size(),
                            q.managed_policies_per_user);
        detail::check_quota(out, entity, "tags", u.tags.size(), q.tags_per_user);
        detail::check_quota(out, entity, "access keys", u.access_keys.size(), q.access_keys_per_user);
        detail::check_quota(out, entity, "MFA devices", u.mfa_devices.size(), q.mfa_devices_per_user);
        detail::check_quota(out, entity, "characters of inline policy", detail::inline_size(u.inline_policies),
                            q.user_inline_policy_size);
        if (u.login && u.mfa_devices.empty())
            out.push_back({finding_kind::console_without_mfa, entity, "signs in to the console with a password alone"});
        if (u.login && !u.access_keys.empty())
            out.push_back({finding_kind::access_keys_with_console, entity,
                           "has " + std::to_string(u.access_keys.size()) +
                               " access key(s) and console access: give people one kind of credential"});

        auto set = a.policy_set_for(u.name.view(), lookup);
        if (!set) {  // an invalid document is reported above, where it is defined
            if (set.error().code == account_errc::unresolved_policy)
                out.push_back({finding_kind::unresolved_policy, entity, set.error().message});
            continue;
        }
        if (set->boundary.empty()) {
            for (const named_policy& p : set->identity) {
                if (std::any_of(p.document.statements.begin(), p.document.statements.end(),
                                detail::grants_everything)) {
                    out.push_back(
                        {finding_kind::unbounded_full_access, entity,
                         p.name + " allows every action on every resource and no permissions boundary limits it"});
                    break;
                }
            }
            continue;
        }
        for (const named_policy& p : set->identity) {
            const auto is_deny = [](const statement& s) { return s.effect == policy_effect::deny; };
            if (std::any_of(p.document.statements.begin(), p.document.statements.end(), is_deny))
                continue;  // its denies still work
            policy_set alone;
            alone.identity.push_back(p);
            const compiled_policy_set unbounded(alone);
            if (effective_permissions(unbounded, catalog).empty()) continue;  // grants nothing anyway
            alone.boundary = set->boundary;
            if (effective_permissions(compiled_policy_set(std::move(alone)), catalog).empty())
                out.push_back({finding_kind::policy_voided_by_boundary, entity,
                               p.name + " allows nothing that the permissions boundary " + set->boundary.front().name +
                                   " also allows"});
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const audit_finding& x, const audit_finding& y) {
        return std::tie(x.entity, x.kind) < std::tie(y.entity, y.kind);
    });
    return out;
}

}  // namespace iam

#endif  // IAM_AUDIT_HPP_INCLUDED
