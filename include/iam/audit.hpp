// SPDX-License-Identifier: MIT
// iamcpp — what is wrong with an account: policies, quotas, credentials, permissions.
#ifndef IAM_AUDIT_HPP_INCLUDED
#define IAM_AUDIT_HPP_INCLUDED

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "account.hpp"
#include "action_catalog.hpp"
#include "authorization_details.hpp"
#include "effective.hpp"
#include "evaluate.hpp"
#include "policy.hpp"
#include "request.hpp"

namespace iam {

/// What an audit finding is about.
enum class finding_kind : std::uint8_t {
    unreadable_entry,           ///< an entry of a dump that could not be read (an invalid or duplicate name, ...)
    invalid_policy,             ///< an inline or customer managed policy breaks the grammar or its size limit
    unresolved_policy,          ///< a managed policy or boundary is attached but its document is unknown
    quota_exceeded,             ///< more than AWS allows (groups per user, policies, tags, keys, inline size)
    console_without_mfa,        ///< console access and no MFA device
    access_keys_with_console,   ///< access keys on a user who also signs in to the console
    unbounded_full_access,      ///< effectively allowed every action on every resource (perhaps under conditions)
    policy_voided_by_boundary,  ///< an attached policy grants nothing the boundary also allows
    open_trust_policy,          ///< a role's trust policy lets any principal or any account assume it
    foreign_arn,                ///< a dump's entity has an ARN of another account or partition
    not_evaluated,              ///< a dump's user or role read in part: its permissions are not judged
    invalid_trust_policy,       ///< a role's trust policy breaks the trust policy grammar
};

/// A stable id, e.g. `"console-without-mfa"` (kebab-case: the tool prints it).
constexpr std::string_view to_string(finding_kind kind) noexcept {
    constexpr std::array<std::string_view, 12> ids{"unreadable-entry",      "invalid-policy",
                                                   "unresolved-policy",     "quota-exceeded",
                                                   "console-without-mfa",   "access-keys-with-console",
                                                   "unbounded-full-access", "policy-voided-by-boundary",
                                                   "open-trust-policy",     "foreign-arn",
                                                   "not-evaluated",         "invalid-trust-policy"};
    return ids[static_cast<std::size_t>(kind)];
}

/// One problem: its kind, the entity (`user/NAME`, `group/NAME`, `role/NAME`, `account/ID`, a policy ARN,
/// or the JSON path of a dump entry that could not be loaded) and an English sentence.
struct audit_finding {
    finding_kind kind = finding_kind::unreadable_entry;
    std::string entity;
    std::string message;
    friend bool operator==(const audit_finding&, const audit_finding&) = default;
};

namespace detail {

// The first of `errors`, with its JSON path.
inline std::string first_error(const policy_errors& errors) {
    const policy_error& e = errors.errors.front();
    return (e.path.empty() ? "" : e.path + ": ") + std::string(e.message());
}

inline std::string policy_problem(std::string_view document, policy_kind kind) {
    if (const auto parsed = parse_policy(document, kind); !parsed) return first_error(parsed.error());
    if (const auto size = check_policy_size(document, kind)) return std::string(size->message());
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

inline void check_inline_policies(std::vector<audit_finding>& out, const std::string& holder,
                                  const std::vector<inline_policy>& policies) {
    for (const inline_policy& p : policies) {
        if (std::string problem = policy_problem(p.document, policy_kind::identity); !problem.empty())
            out.push_back({finding_kind::invalid_policy, holder, "inline policy " + p.name.str() + ": " + problem});
    }
}

// A finding on `holder` for each of its managed policies whose document is nowhere.
inline void check_resolved(std::vector<audit_finding>& out, const account& a, const policy_lookup& lookup,
                           const std::string& holder, const std::vector<std::string>& attached,
                           const permissions_boundary* boundary) {
    const auto check = [&](std::string_view what, const std::string& arn) {
        if (a.managed_document(arn, lookup)) return;
        const auto& unreadable = a.unreadable_documents();
        const bool unread = std::find(unreadable.begin(), unreadable.end(), arn) != unreadable.end();
        out.push_back({finding_kind::unresolved_policy, holder,
                       std::string(what) + arn +
                           (unread ? " is unknown: the account's copy of its document could not be read"
                                   : " is unknown: the account does not hold its document and the lookup has none")});
    };
    for (const std::string& arn : attached) check("attached policy ", arn);
    if (boundary != nullptr) check("permissions boundary ", boundary->policy_arn);
}

// The name of a policy of `set` that allows every action on every resource, if any.
inline const std::string* full_access_policy(const policy_set& set) {
    for (const named_policy& p : set.identity) {
        if (std::any_of(p.document.statements.begin(), p.document.statements.end(), grants_everything)) return &p.name;
    }
    return nullptr;
}

// The condition keys under which the effective permissions of `set` allow every
// catalog action on `*` with nothing excluded (none: always); nothing when they do
// not (a Deny or a boundary beside an Allow of `*` may leave less). A permission
// conditional without condition keys is narrowed by a NotResource: not everything.
inline std::optional<std::vector<std::string>> full_access_conditions(const policy_set& set,
                                                                      const action_catalog& catalog) {
    const auto allowed = effective_permissions(compiled_policy_set(set), catalog);
    if (allowed.size() != catalog.actions().size()) return std::nullopt;
    std::vector<std::string> keys;
    for (const effective_permission& p : allowed) {
        if (!p.excluded.empty() || std::find(p.resources.begin(), p.resources.end(), "*") == p.resources.end() ||
            (p.conditional && p.condition_keys.empty()))
            return std::nullopt;
        for (const std::string& key : p.condition_keys) add_unique(keys, key);
    }
    return keys;
}

// An account id that `document` does not contain, nor is `own`: a policy cannot name
// it. One of the first `document.size() / 12 + 2` candidates always qualifies.
inline std::string unnamed_account(std::string_view document, std::string_view own) {
    for (std::uint64_t id = 999999999999;; --id) {
        std::string candidate = std::to_string(id);
        if (candidate != own && document.find(candidate) == std::string_view::npos) return candidate;
    }
}

// Who the trust policy `trust` (its text `document`) lets assume role `role_arn` of
// account `account` though the account does not control them, in a request with no
// context, tried in turn with each sts:AssumeRole* action: an IAM user of an account the
// policy does not name (whose own policies allow it everything), then the anonymous
// principal. Evaluated as AWS evaluates a role's trust policy, so a Condition, a Deny or
// a Principal naming particular accounts or services keeps them out. Empty: nobody;
// else who and how, for the finding.
inline std::string open_trust(const policy& trust, std::string_view document, std::string_view role_arn,
                              std::string_view account, std::string_view partition) {
    static const compiled_policy_ptr anything = compiled_policy::make(
        parse_policy(R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}})").value());
    compiled_policies set;
    set.identity.push_back({"the caller's own policies", anything});
    set.resource.push_back({"trust policy", compiled_policy::make(trust)});
    const compiled_policy_set policies(std::move(set));
    const std::string stranger =
        "arn:" + std::string(partition) + ":iam::" + unnamed_account(document, account) + ":user/stranger";
    request r;
    r.resource = role_arn;
    for (const std::string_view caller : {std::string_view(stranger), std::string_view("*")}) {
        r.caller_arn = caller;
        for (const char* action : {"sts:AssumeRole", "sts:AssumeRoleWithSAML", "sts:AssumeRoleWithWebIdentity"}) {
            r.action = action;
            if (policies.evaluate(r).decision == decision::allowed)
                return std::string(caller == "*" ? "the anonymous principal" : "a user of any other account") + " (" +
                       action + ")";
        }
    }
    return {};
}

// The trust policy findings of role `r` of account `a`: a trust policy that breaks its
// grammar, or one that lets in principals from anywhere (`open_trust`). A trust policy
// the dump does not give (empty) is not judged. Its size is not checked: the quota is
// adjustable (to 4,096 characters), and a dump's compact text is not what was submitted.
inline void check_trust(std::vector<audit_finding>& out, const std::string& entity, const account& a, const role& r) {
    if (r.trust_policy.empty()) return;
    const auto trust = parse_policy(r.trust_policy, policy_kind::trust);
    if (!trust)
        out.push_back({finding_kind::invalid_trust_policy, entity, "trust policy: " + first_error(trust.error())});
    else if (const std::string who =
                 open_trust(*trust, r.trust_policy, r.arn(a.id().view(), a.partition()), a.id().view(), a.partition());
             !who.empty())
        out.push_back({finding_kind::open_trust_policy, entity,
                       "its trust policy lets anyone assume it: " + who + ", in a request that says nothing more"});
}

// Whether the boundary of `set` leaves `p` (a policy of the set) allowing nothing it
// allows alone. A policy with a Deny is never void: its denies still work.
inline bool voided_by_boundary(const named_policy& p, const policy_set& set, const action_catalog& catalog) {
    const auto is_deny = [](const statement& s) { return s.effect == policy_effect::deny; };
    if (std::any_of(p.document.statements.begin(), p.document.statements.end(), is_deny)) return false;
    policy_set alone;
    alone.identity.push_back(p);
    if (effective_permissions(compiled_policy_set(alone), catalog).empty()) return false;  // grants nothing anyway
    alone.boundary = set.boundary;
    return effective_permissions(compiled_policy_set(std::move(alone)), catalog).empty();
}

// The permission findings of a user or role whose policies all resolve and parse.
inline void check_permissions(std::vector<audit_finding>& out, const std::string& entity, const policy_set& set,
                              const action_catalog& catalog) {
    // The cheap look at the documents first; the evaluator confirms.
    const std::string* name = full_access_policy(set);
    if (const auto keys = name != nullptr ? full_access_conditions(set, catalog) : std::nullopt) {
        std::string message =
            *name + " allows every action on every resource and " +
            (set.boundary.empty() ? "no permissions boundary limits it"
                                  : "the permissions boundary " + set.boundary.front().name + " allows it all too");
        for (std::size_t i = 0; i < keys->size(); ++i)
            message += (i == 0 ? " (unless a conditional Deny or boundary on " : ", ") + (*keys)[i];
        if (!keys->empty()) message += " applies)";
        out.push_back({finding_kind::unbounded_full_access, entity, std::move(message)});
    }
    for (const named_policy& p : set.identity) {
        if (!set.boundary.empty() && voided_by_boundary(p, set, catalog))
            out.push_back({finding_kind::policy_voided_by_boundary, entity,
                           p.name + " allows nothing that the permissions boundary " + set.boundary.front().name +
                               " also allows"});
    }
}

// `audit_account`, with the permission checks of a user or role for which `read_whole`
// is false replaced by a `not_evaluated` finding.
template <typename ReadWhole>
std::vector<audit_finding> audit_principals(const account& a, const policy_lookup& lookup,
                                            const action_catalog& catalog, ReadWhole&& read_whole) {
    std::vector<audit_finding> out;
    const quotas& q = a.quotas();
    const std::string account_entity = "account/" + std::string(a.id().view());
    detail::check_quota(out, account_entity, "users", a.users().size(), quotas::users_per_account);
    detail::check_quota(out, account_entity, "groups", a.groups().size(), q.groups_per_account);
    detail::check_quota(out, account_entity, "customer managed policies", a.customer_managed_policies().size(),
                        q.customer_managed_policies_per_account);
    const auto check_documents = [&](const std::vector<managed_policy>& policies, policy_kind kind) {
        for (const managed_policy& p : policies) {
            const auto document = a.managed_document(p.arn, lookup);
            if (!document) continue;  // reported where it is attached
            if (std::string problem = detail::policy_problem(*document, kind); !problem.empty())
                out.push_back({finding_kind::invalid_policy, p.arn, problem});
        }
    };
    check_documents(a.customer_managed_policies(), policy_kind::managed);
    check_documents(a.aws_managed_policies(), policy_kind::identity);  // CreatePolicy's limits are not AWS's
    // What every holder of policies is checked for.
    const auto check_policies = [&](const std::string& entity, const auto& holder,
                                    const permissions_boundary* boundary) {
        detail::check_inline_policies(out, entity, holder.inline_policies);
        detail::check_resolved(out, a, lookup, entity, holder.attached_policy_arns, boundary);
    };
    // The permission checks of a user or role, unless it was read in part; `set_of()`
    // fails when one of its policies does not resolve, which is reported above.
    const auto check_principal = [&](const std::string& entity, const auto& principal, const auto& set_of) {
        if (!read_whole(principal))
            out.push_back({finding_kind::not_evaluated, entity, std::string(not_evaluated_reason)});
        else if (const auto set = set_of())
            detail::check_permissions(out, entity, *set, catalog);
    };
    for (const group& g : a.groups()) {
        const std::string entity = "group/" + g.name.str();
        check_policies(entity, g, nullptr);
        detail::check_quota(out, entity, "managed policies attached", g.attached_policy_arns.size(),
                            q.managed_policies_per_group);
        detail::check_quota(out, entity, "characters of inline policy", detail::inline_size(g.inline_policies),
                            q.group_inline_policy_size);
    }
    for (const user& u : a.users()) {
        const std::string entity = "user/" + u.name.str();
        check_policies(entity, u, u.boundary ? &*u.boundary : nullptr);
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
        check_principal(entity, u, [&] { return a.policy_set_for(u.name.view(), lookup); });
    }
    for (const role& r : a.roles()) {
        const std::string entity = "role/" + r.name.str();
        check_policies(entity, r, r.boundary ? &*r.boundary : nullptr);
        detail::check_trust(out, entity, a, r);
        check_principal(entity, r, [&] { return a.role_policy_set_for(r.name.view(), lookup); });
    }
    std::sort(out.begin(), out.end(), [](const audit_finding& x, const audit_finding& y) {
        return std::tie(x.entity, x.kind, x.message) < std::tie(y.entity, y.kind, y.message);
    });
    return out;
}

}  // namespace detail

/// Everything wrong with `a`, sorted by entity (`account/ID`, a policy ARN, `group/NAME`,
/// `user/NAME`), then kind, then message:
/// - `invalid_policy`: an inline policy, a customer managed policy or the document of
///   an AWS managed policy (the account's copy, else `lookup`'s) breaks the grammar or
///   its size limit;
/// - `unresolved_policy`: a user, group or role has a managed policy or boundary whose
///   document neither the account nor `lookup` has, or the account's copy could not be
///   read (each holder and ARN once);
/// - `quota_exceeded`: AWS's quotas (`a.quotas()`) for users, groups and customer
///   policies per account, groups, attached policies, tags, access keys, MFA devices
///   and aggregate inline policy size per user or group (versions per policy are
///   enforced by the account and the dump loader);
/// - `console_without_mfa`, `access_keys_with_console`: a user's credentials;
/// - `unbounded_full_access`: a user or role has a policy (its own or a group's) with
///   an unconditional Allow of `*` on `*`, and its effective permissions confirm it:
///   every catalog action on `*`, nothing excluded (a Deny beside it, or a narrower
///   boundary, means no finding); a conditional Deny (such as "deny unless MFA") leaves
///   full access whenever it does not apply, and the message names its condition keys;
/// - `invalid_trust_policy`: a role's trust policy breaks the trust policy grammar
///   (`policy_kind::trust`; its size is not checked: the quota is adjustable);
/// - `open_trust_policy`: a role's valid trust policy, evaluated as AWS does, allows an
///   sts:AssumeRole* action, in a request with no context, to an IAM user of an account
///   it does not name or to the anonymous principal (`"Principal": "*"` or
///   `{"AWS": "*"}` with no Condition or Deny that keeps them out);
/// - `policy_voided_by_boundary`: a user's or role's policy (attached, inline or through a
///   group) has no Deny and allows some catalog action, yet with the boundary applied
///   it allows none: `effective_permissions` of that policy alone under the boundary
///   is empty (actions matched over `catalog`, resource patterns intersected).
/// The permission checks of a user or role are skipped while one of its policies does not
/// resolve or parse: those are reported where they are attached or defined.
/// Names cannot be invalid or case duplicates in an `account`; a dump's are reported
/// by the `loaded_account` overload.
inline std::vector<audit_finding> audit_account(const account& a, const policy_lookup& lookup,
                                                const action_catalog& catalog) {
    return detail::audit_principals(a, lookup, catalog, [](const auto&) { return true; });
}

/// The audit of a loaded dump: first each entry that could not be loaded (an invalid
/// or case-duplicate name, a malformed field) as an `unreadable_entry` whose entity is
/// its JSON path, in document order; then a `foreign_arn` for each entity whose ARN names
/// another account or partition; then `audit_account` of what loaded, except that a user
/// or role not `policies_read_whole` gets a `not_evaluated` finding instead of the
/// permission checks (what was left out could deny anything).
inline std::vector<audit_finding> audit_account(const loaded_account& loaded, const policy_lookup& lookup,
                                                const action_catalog& catalog) {
    std::vector<audit_finding> out;
    out.reserve(loaded.problems.size());
    for (const load_problem& p : loaded.problems) out.push_back({finding_kind::unreadable_entry, p.path, p.message});
    for (const foreign_arn& f : loaded.foreign_arns)
        out.push_back({finding_kind::foreign_arn, f.entity,
                       "its ARN " + f.arn + " names another account or partition than the dump's, " +
                           std::string(loaded.account.id().view()) + " in " + loaded.account.partition()});
    const auto read_whole = [&](const auto& principal) { return loaded.policies_read_whole(principal); };
    for (audit_finding& f : detail::audit_principals(loaded.account, lookup, catalog, read_whole))
        out.push_back(std::move(f));
    return out;
}

}  // namespace iam

#endif  // IAM_AUDIT_HPP_INCLUDED
