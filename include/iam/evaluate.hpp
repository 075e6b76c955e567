// SPDX-License-Identifier: MIT
// iamcpp: the decision for one request by an IAM user or role session, from the
// principal's identity-based policies and permissions boundary
// (UG reference_policies_evaluation-logic, access_policies_boundaries), with what the
// keys the request lacks could change. The statements that may apply come from
// policy_index.hpp, whether each applies from applicability.hpp.
#ifndef IAM_EVALUATE_HPP_INCLUDED
#define IAM_EVALUATE_HPP_INCLUDED

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "applicability.hpp"
#include "arn.hpp"
#include "condition.hpp"
#include "names.hpp"
#include "policy.hpp"
#include "policy_index.hpp"
#include "request.hpp"

namespace iam {

/// The three answers, in AWS's words.
enum class decision : std::uint8_t {
    allowed,        ///< an identity policy allows, the boundary (if any) allows, nothing denies
    explicit_deny,  ///< a statement with Effect Deny applies
    implicit_deny,  ///< nothing allows (the default)
};

/// `"allowed"`, `"explicitDeny"` or `"implicitDeny"`.
constexpr std::string_view to_string(decision d) noexcept {
    switch (d) {
        case decision::allowed: return "allowed";
        case decision::explicit_deny: return "explicitDeny";
        case decision::implicit_deny: return "implicitDeny";
    }
    return "implicitDeny";
}

/// A set of decisions: what a result could become.
class decision_set {
public:
    constexpr decision_set() noexcept = default;
    /// The set of `decisions`.
    constexpr decision_set(std::initializer_list<decision> decisions) noexcept {
        for (const decision d : decisions) insert(d);
    }
    /// Adds `d`.
    constexpr void insert(decision d) noexcept { bits_ = static_cast<std::uint8_t>(bits_ | bit(d)); }
    /// Adds every decision of `other`.
    constexpr void insert(decision_set other) noexcept { bits_ = static_cast<std::uint8_t>(bits_ | other.bits_); }
    /// True when `d` is in the set.
    constexpr bool contains(decision d) const noexcept { return (bits_ & bit(d)) != 0; }
    /// True for the empty set.
    constexpr bool empty() const noexcept { return bits_ == 0; }
    /// Same decisions.
    friend constexpr bool operator==(decision_set, decision_set) = default;

private:
    static constexpr std::uint8_t bit(decision d) noexcept {
        return static_cast<std::uint8_t>(1u << static_cast<unsigned>(d));
    }
    std::uint8_t bits_ = 0;
};

/// Every decision, in `decision` order (for listing a `decision_set`).
inline constexpr std::array<decision, 3> all_decisions{decision::allowed, decision::explicit_deny,
                                                       decision::implicit_deny};

/// A policy with the name the explanation uses for it.
struct named_policy {
    std::string name;
    iam::policy document;
    friend bool operator==(const named_policy&, const named_policy&) = default;
};

/// Everything that applies to a user: identity-based policies (its inline and
/// attached policies and those of its groups) and the permissions boundary's policy,
/// if one is set (an empty `boundary` means no boundary).
struct policy_set {
    std::vector<named_policy> identity;
    std::vector<named_policy> boundary;
};

/// A context key (or policy variable) that a statement referenced and that neither the
/// request nor its caller supplied (for a policy variable: gave no single value, see
/// `lacks_single_value`). Listed for each statement whose action and
/// resource match the request (or would once the key is supplied), once per statement.
struct missing_key {
    std::string_view key;            ///< as the policy spells it (views the text of `policy`)
    statement_ref in;                ///< the statement that referenced it
    bool statement_applies = false;  ///< whether that statement applies to the request as it stands
    /// Whether supplying the missing keys could change whether that statement applies
    /// (an over-approximation: see `evaluation_result::could_become`).
    bool statement_could_flip = false;
    /// What supplying this key (with any of the other missing ones) could turn the
    /// decision into; empty when it cannot change the decision.
    decision_set could_become;
    compiled_policy_ptr policy{};  ///< the policy of `in`, kept alive for `key`
    /// Equal in everything but the `policy` that keeps `key` alive.
    friend bool operator==(const missing_key& a, const missing_key& b) noexcept {
        return a.key == b.key && a.in == b.in && a.statement_applies == b.statement_applies &&
               a.statement_could_flip == b.statement_could_flip && a.could_become == b.could_become;
    }
};

/// A request context value that cannot be read as its operator's type (see
/// `request_value_unreadable`). Evaluation fails closed on it: the condition it was
/// tested by holds in a Deny and fails in an Allow (`condition_outcome::holds_in`).
struct unreadable_value {
    std::string_view key;          ///< the condition key as the policy spells it (views the text of `policy`)
    operator_spec op{};            ///< the operator that could not read it, as written (`NotIpAddressIfExists`)
    std::string value;             ///< the request's value
    statement_ref in;              ///< the statement of the condition
    compiled_policy_ptr policy{};  ///< the policy of `in`, kept alive for `key`
    /// Equal in everything but the `policy` that keeps `key` alive.
    friend bool operator==(const unreadable_value& a, const unreadable_value& b) noexcept {
        return a.key == b.key && a.op == b.op && a.value == b.value && a.in == b.in;
    }
};

/// The decision with its reasons: the statements that decided it (the applicable
/// denies for `explicit_deny`; otherwise the identity allows, and the boundary allows
/// when a boundary is set), what the boundary said, what the request did not say and
/// whether that could change the answer, and what could not be read.
struct evaluation_result {
    iam::decision decision = decision::implicit_deny;
    std::vector<statement_ref> matched;
    bool has_boundary = false;
    bool allowed_by_boundary = true;  ///< true when there is no boundary
    bool same_account = true;         ///< false: the resource belongs to another account
    /// Identity policies alone cannot allow this resource, and resource policies are
    /// not modelled: a resource of another account (UG reference_policies_evaluation-logic
    /// cross-account), or a KMS key asked for a `kms:` action, whose key policy must allow (KMS developer guide,
    /// "Key policies": "IAM policies by themselves are not sufficient").
    bool needs_resource_policy = false;
    /// The request on `*` was read as "is some resource allowed" (its action has
    /// resource types, see `request::action_has_resource_types`): the statements'
    /// resources were not matched against a resource. An Allow applied unless it
    /// excludes every resource, a Deny only if it covers every resource; a pattern whose
    /// variable has no value was dropped (so an Allow whose Resource patterns all were
    /// grants nothing, and a Deny whose NotResource patterns all were covers everything).
    bool some_resource = false;
    /// Non-empty: why no customer policy can grant this request (static text), which is
    /// then never `allowed`: `explicit_deny` when a Deny applies, else `implicit_deny`
    /// whatever the Allows say (see `detail::not_grantable`).
    std::string_view not_grantable;
    /// Keys absent from the request and not derived from its caller, per statement that
    /// referenced them (AWS's `MissingContextValues`, with the statements).
    std::vector<missing_key> missing;
    /// What supplying the missing keys could turn the decision into (the union of their
    /// `could_become`); empty: the answer stands whatever they are. A statement could
    /// start applying when each condition it fails (and its resource, if that is what
    /// failed) references a missing key; it could stop when a condition it passes does.
    /// Any mix of such statements is assumed reachable, so this over-approximates: it
    /// may name a decision no values give, never misses one that some values give.
    decision_set could_become;
    /// Request values that did not parse for their operator; each made its condition
    /// hold in a Deny and fail in an Allow, so it never lets the request through.
    std::vector<unreadable_value> unreadable;
};

namespace detail {

// The account id of an ARN, or the text itself when it is already an account id.
inline std::string_view account_of(std::string_view arn_or_account) noexcept {
    if (is_valid_account_id(arn_or_account)) return arn_or_account;
    const auto parsed = parse_arn(arn_or_account);
    return parsed ? parsed->account : std::string_view{};
}

// True when `action` (lower-case) is one of `actions`.
inline bool is_one_of(std::string_view action, std::initializer_list<std::string_view> actions) noexcept {
    return std::find(actions.begin(), actions.end(), action) != actions.end();
}

// An AWS managed policy, `arn:PARTITION:iam::aws:policy/...`: AWS owns it.
inline bool is_aws_managed_policy(const arn& resource) noexcept {
    return resource.service == "iam" && resource.account == "aws" && resource.resource.starts_with("policy/");
}

// The actions (lower-case) that read an AWS managed policy: they need only the identity
// policy, as for a resource of the caller's own account.
inline bool reads_aws_managed_policy(std::string_view action) noexcept {
    return is_one_of(action,
                     {"iam:getpolicy", "iam:getpolicyversion", "iam:listpolicyversions", "iam:listentitiesforpolicy",
                      "iam:listpolicytags", "iam:generateservicelastaccesseddetails"});
}

// The actions (lower-case) that change or delete a role.
inline bool changes_role(std::string_view action) noexcept {
    return is_one_of(action, {"iam:attachrolepolicy", "iam:detachrolepolicy", "iam:putrolepolicy",
                              "iam:deleterolepolicy", "iam:updateassumerolepolicy", "iam:putrolepermissionsboundary",
                              "iam:deleterolepermissionsboundary", "iam:deleterole"});
}

// Why no customer policy can grant `action` (lower-case) on `resource`, or empty:
// - changing a service-linked role (path `/aws-service-role/`): IAM API reference,
//   UnmodifiableEntityException, "service-linked roles are protected AWS resources.
//   Only the service that depends on the service-linked role can modify or delete the
//   role on your behalf";
// - changing a role AWS reserves (path `/aws-reserved/`, IAM Identity Center's
//   `AWSReservedSSO_...`): AWS Knowledge Center, identity-center-aws-reserved-sso, "this
//   role is only modifiable by AWS";
// - creating, updating or deleting a KMS alias `alias/aws/...` (KMS developer guide,
//   alias-create: "The alias/aws/ prefix is reserved for AWS managed key");
// - changing an AWS managed policy (UG access_policies_managed-vs-inline: "You cannot
//   change the permissions defined in AWS managed policies").
inline std::string_view not_grantable(std::string_view action, const arn& resource) noexcept {
    if (resource.service == "iam" && resource.resource.starts_with("role/aws-service-role/") && changes_role(action))
        return "a service-linked role is changed only by the service it is linked to";
    if (resource.service == "iam" && resource.resource.starts_with("role/aws-reserved/") && changes_role(action))
        return "a role under /aws-reserved/ is only modifiable by AWS";
    if (resource.service == "kms" && resource.resource.starts_with("alias/aws/") &&
        is_one_of(action, {"kms:createalias", "kms:updatealias", "kms:deletealias"}))
        return "the alias/aws/ prefix is reserved for AWS managed keys";
    if (is_aws_managed_policy(resource) && !reads_aws_managed_policy(action))
        return "AWS managed policies belong to AWS: only reading them can be granted";
    return {};
}

// The three kinds of statement the decision counts: denies anywhere, identity allows, boundary allows.
inline constexpr std::size_t deny_role = 0, identity_role = 1, boundary_role = 2;
constexpr std::size_t role_of(bool deny, bool in_boundary) noexcept {
    return deny ? deny_role : in_boundary ? boundary_role : identity_role;
}

// The statements of one kind, as the request stands.
struct role_tally {
    bool any_on = false;          // one applies
    bool all_on_can_stop = true;  // each that applies could stop
    bool some_can_start = false;  // one that does not apply could start
};

// The kinds of statement one missing key could switch on or off.
struct key_roles {
    std::array<bool, 3> can_start{};
    std::array<bool, 3> can_stop{};
};

// What supplying a key could turn `now` into, given what the statements that reference
// it could do and what every statement of each kind could do (other missing keys
// supplied too, any mix of flips reachable: see `evaluation_result::could_become`).
inline decision_set could_become(decision now, const std::array<role_tally, 3>& all, const key_roles& key,
                                 bool has_boundary, bool allow_blocked) {
    const role_tally& denies = all[deny_role];
    const role_tally& identity = all[identity_role];
    const role_tally& bounds = all[boundary_role];
    const bool allow_reachable = !allow_blocked && (identity.any_on || identity.some_can_start) &&
                                 (!has_boundary || bounds.any_on || bounds.some_can_start);
    const bool allows_can_vanish = allow_blocked || !identity.any_on || identity.all_on_can_stop ||
                                   (has_boundary && (!bounds.any_on || bounds.all_on_can_stop));
    decision_set out;
    if (now != decision::explicit_deny && key.can_start[deny_role]) out.insert(decision::explicit_deny);
    switch (now) {
        case decision::explicit_deny:
            if (denies.all_on_can_stop &&
                (key.can_stop[deny_role] || key.can_start[identity_role] || key.can_stop[identity_role] ||
                 key.can_start[boundary_role] || key.can_stop[boundary_role])) {
                if (allow_reachable) out.insert(decision::allowed);
                if (allows_can_vanish) out.insert(decision::implicit_deny);
            }
            break;
        case decision::allowed:
            if ((key.can_stop[identity_role] && identity.all_on_can_stop) ||
                (has_boundary && key.can_stop[boundary_role] && bounds.all_on_can_stop))
                out.insert(decision::implicit_deny);
            break;
        case decision::implicit_deny:
            if (allow_reachable && ((!identity.any_on && key.can_start[identity_role]) ||
                                    (has_boundary && !bounds.any_on && key.can_start[boundary_role])))
                out.insert(decision::allowed);
            break;
    }
    return out;
}

// Decides `r` (whose action is `action`, lower-case) from what its statements did
// (`tally`, by `role_of`) and what the resource needs: fills `out`'s decision, its
// account and resource-policy facts and `not_grantable`, and clears `out.matched`
// unless statements decided. True when the action needs no permission at all.
inline bool decide(const request& r, std::string_view action, const std::array<role_tally, 3>& tally,
                   evaluation_result& out) {
    const bool deny = tally[deny_role].any_on;
    const std::string_view service = action.substr(0, action.find(':'));
    const auto resource = parse_arn(r.resource);
    const bool aws_managed_policy = resource && is_aws_managed_policy(*resource);
    const std::string_view caller = account_of(r.caller_arn);
    // ResourceOwner names the owner "of any simulated resource that does not identify
    // its owner in the resource ARN" (SimulateCustomPolicy).
    std::string_view owner = resource ? resource->account : std::string_view{};
    if (owner.empty()) owner = account_of(r.resource_owner);
    out.same_account = caller.empty() || owner.empty() || owner == caller || aws_managed_policy;
    out.needs_resource_policy =
        !out.same_account || (service == "kms" && resource && resource->resource.starts_with("key/"));
    out.not_grantable = resource ? not_grantable(action, *resource) : std::string_view{};
    out.allowed_by_boundary = !out.has_boundary || tally[boundary_role].any_on;
    const bool no_permission_needed = action == "sts:getcalleridentity";
    if (no_permission_needed) {
        // STS API reference, GetCallerIdentity: "No permissions are required to perform
        // this operation. If an administrator attaches a policy to your identity that
        // explicitly denies access to the sts:GetCallerIdentity action, you can still
        // perform this operation."
        out.decision = decision::allowed;
        out.matched.clear();
    } else if (deny) {
        out.decision = decision::explicit_deny;
    } else if (tally[identity_role].any_on && out.allowed_by_boundary && !out.needs_resource_policy &&
               out.not_grantable.empty()) {
        out.decision = decision::allowed;
    } else {
        out.decision = decision::implicit_deny;
        out.matched.clear();
    }
    return no_permission_needed;
}

}  // namespace detail

/// Scratch memory for evaluation, which a caller evaluating many requests reuses so
/// that, once it has grown, evaluation allocates nothing. It holds no meaning between
/// calls.
struct evaluation_workspace {
    std::string variable_buffer;                 ///< a policy text with its variables substituted
    std::vector<context_entry> derived_context;  ///< the caller's keys (`principal_context`)
};

/// A user's policies prepared for many requests: each request looks only at the
/// statements that can name its action's service (`policy_index`), checks whether each
/// applies (applicability.hpp) and decides. Evaluation is pure and allocates nothing
/// per request once the result's and the workspace's buffers have grown (reuse an
/// `evaluation_result` and an `evaluation_workspace` with `evaluate_into`).
///
/// **Example**:
///     iam::compiled_policy_set set(std::move(policies));
///     iam::request r{.action = "s3:GetObject", .resource = "arn:aws:s3:::bucket/key"};
///     if (set.evaluate(r).decision == iam::decision::allowed) ...
class compiled_policy_set {
public:
    /// Prepares every policy of `set`.
    explicit compiled_policy_set(policy_set set) {
        for (named_policy& p : set.identity)
            identity_.push_back({std::move(p.name), compiled_policy::make(std::move(p.document))});
        for (named_policy& p : set.boundary)
            boundary_.push_back({std::move(p.name), compiled_policy::make(std::move(p.document))});
        index_ = policy_index(identity_, boundary_);
    }

    /// From policies prepared already (and perhaps shared with other sets).
    compiled_policy_set(std::vector<named_compiled_policy> identity, std::vector<named_compiled_policy> boundary)
        : identity_(std::move(identity)), boundary_(std::move(boundary)), index_(identity_, boundary_) {}

    /// True when a permissions boundary is set.
    bool has_boundary() const noexcept { return !boundary_.empty(); }

    /// The name of the policy a reference names.
    const std::string& policy_name(const statement_ref& ref) const noexcept { return entry(ref).name; }

    /// The statement a reference names.
    const statement& statement_of(const statement_ref& ref) const noexcept {
        return entry(ref).policy->document().statements[ref.statement_index];
    }

    /// The decision for `r`, with its explanation.
    evaluation_result evaluate(const request& r) const {
        evaluation_result out;
        evaluation_workspace work;
        evaluate_into(r, out, work);
        return out;
    }

    /// Like `evaluate`, reusing `out`'s and `work`'s storage.
    void evaluate_into(const request& r, evaluation_result& out, evaluation_workspace& work) const {
        out.matched.clear();
        out.missing.clear();
        out.unreadable.clear();
        out.could_become = {};
        out.has_boundary = !boundary_.empty();
        out.some_resource = detail::asks_some_resource(r);
        // The caller's keys are derived when a statement in question names one: most never do.
        context_view context(r.context);
        bool derived = false;

        const lower_case_action lowered(r.action);
        const std::string_view action = lowered.view();

        std::array<detail::role_tally, 3> tally{};  // by detail::role_of
        index_.for_each_naming(action, [&](const statement_ref& ref, const detail::compiled_statement& s) {
            if (s.principal_keys && !derived) {
                principal_context(r, work.derived_context);
                context = context_view(r.context, work.derived_context);
                derived = true;
            }
            const std::size_t first_missing = out.missing.size();
            const auto note_missing = [&](std::string_view key) {  // once per statement
                for (std::size_t i = first_missing; i < out.missing.size(); ++i)
                    if (iequals(out.missing[i].key, key)) return;
                out.missing.push_back({key, ref, false, false, {}, entry(ref).policy});
            };
            const auto note_unreadable = [&](const condition& c, const std::string& value) {
                out.unreadable.push_back({c.key, c.spec(), value, ref, entry(ref).policy});
            };
            const detail::statement_check check =
                detail::check_statement(s, r, context, work.variable_buffer, note_missing, note_unreadable);
            if (!check.relevant) return;
            for (std::size_t i = first_missing; i < out.missing.size(); ++i) {
                out.missing[i].statement_applies = check.applies;
                out.missing[i].statement_could_flip = check.could_flip;
            }
            detail::role_tally& t = tally[detail::role_of(s.deny, ref.in_boundary)];
            if (!check.applies) {
                t.some_can_start = t.some_can_start || check.could_flip;
                return;
            }
            t.all_on_can_stop = t.all_on_can_stop && check.could_flip;
            if (s.deny) {
                if (!t.any_on) out.matched.clear();  // denies alone explain an explicit deny
                out.matched.push_back(ref);
            } else if (!tally[detail::deny_role].any_on) {
                out.matched.push_back(ref);
            }
            t.any_on = true;
        });
        const bool no_permission_needed = detail::decide(r, action, tally, out);
        std::sort(out.matched.begin(), out.matched.end());
        if (!no_permission_needed) assess_missing(tally, out);
    }

    /// Calls `visit(ref, statement)` for each statement whose Action/NotAction names
    /// `action` (`service:Name`, any case), whatever the resource and conditions.
    template <typename Visit>
    void for_each_statement_naming(std::string_view action, Visit&& visit) const {
        index_.for_each_naming(
            lower_case_action(action).view(),
            [&](const statement_ref& ref, const detail::compiled_statement& s) { visit(ref, *s.source); });
    }

private:
    // Fills each missing key's `could_become` and the result's, from what the
    // statements that reference it could do (see `evaluation_result::could_become`).
    void assess_missing(const std::array<detail::role_tally, 3>& tally, evaluation_result& out) const {
        for (std::size_t i = 0; i < out.missing.size(); ++i) {
            missing_key& k = out.missing[i];
            const auto earlier = std::find_if(out.missing.begin(), out.missing.begin() + static_cast<std::ptrdiff_t>(i),
                                              [&](const missing_key& e) { return iequals(e.key, k.key); });
            if (earlier != out.missing.begin() + static_cast<std::ptrdiff_t>(i)) {
                k.could_become = earlier->could_become;
                continue;
            }
            detail::key_roles roles;
            for (const missing_key& other : out.missing) {
                if (!other.statement_could_flip || !iequals(other.key, k.key)) continue;
                const std::size_t role =
                    detail::role_of(statement_of(other.in).effect == policy_effect::deny, other.in.in_boundary);
                (other.statement_applies ? roles.can_stop : roles.can_start)[role] = true;
            }
            k.could_become = detail::could_become(out.decision, tally, roles, out.has_boundary,
                                                  out.needs_resource_policy || !out.not_grantable.empty());
            out.could_become.insert(k.could_become);
        }
    }

    const named_compiled_policy& entry(const statement_ref& ref) const noexcept {
        return (ref.in_boundary ? boundary_ : identity_)[ref.policy_index];
    }

    std::vector<named_compiled_policy> identity_;
    std::vector<named_compiled_policy> boundary_;
    policy_index index_;  // views identity_ and boundary_'s policies
};

/// Evaluates `r` against `set` once (compiles it first; for many requests keep a
/// `compiled_policy_set`).
inline evaluation_result evaluate(const request& r, policy_set set) {
    return compiled_policy_set(std::move(set)).evaluate(r);
}

}  // namespace iam

#endif  // IAM_EVALUATE_HPP_INCLUDED
