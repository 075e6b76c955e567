// SPDX-License-Identifier: MIT
// iamcpp: the decision for one request by an IAM user or role session, from the
// principal's identity-based policies and permissions boundary
// (UG reference_policies_evaluation-logic, access_policies_boundaries).
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

#include "arn.hpp"
#include "condition.hpp"
#include "entities.hpp"
#include "match.hpp"
#include "names.hpp"
#include "policy.hpp"

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

/// One request: who asks to do what on which resource, with what context.
struct request {
    std::string action;          ///< `service:Action`
    std::string resource = "*";  ///< a resource ARN, or `*` (see `action_has_resource_types`)
    /// The caller's ARN; empty when unknown. An IAM user's, an IAM role's or a role
    /// session's ARN gives the principal keys (`principal_context`).
    std::string caller_arn;
    std::string
        resource_owner;  ///< the owner (12 digits or an ARN) of a resource whose ARN names none; empty: the caller's
    std::vector<context_entry> context;  ///< the supplied context: it wins over keys derived from the caller
    /// The caller's unique id when known: an IAM user's (`AIDA...`) or a role's (`AROA...`).
    std::string caller_user_id{};
    std::vector<tag> caller_tags{};  ///< the calling user's or role's tags: `aws:PrincipalTag/KEY`
    /// For a role caller named by its IAM ARN, the session's name when known.
    std::string caller_session_name{};
    /// Whether the action acts on resources of some type (the action catalog lists
    /// resource types for it). A request on `*` for such an action asks whether some
    /// resource is allowed; for any other action (or when this is not known, the
    /// default) `*` is the resource itself: for an action without resource types the
    /// Service Authorization Reference says "you must specify all resources ("*")".
    bool action_has_resource_types = false;

    /// Makes IAM user `u` of `account` the caller: its ARN, unique id (if known) and tags.
    void set_caller(const user& u, std::string_view account, std::string_view partition = "aws") {
        caller_arn = u.arn(account, partition);
        caller_user_id = u.user_id;
        caller_tags = u.tags;
        caller_session_name.clear();
    }

    /// Makes a session of an IAM role the caller (a role acts only through a session):
    /// `role_arn` is the role's own ARN, `arn:PARTITION:iam::ACCOUNT:role/PATH/NAME`
    /// (its path is not in a session's ARN, so give this one); `role_id` its unique id
    /// (`AROA...`, empty when unknown); `tags` its tags; `session_name` the session's
    /// name (empty when unknown). `principal_context` derives the keys from these.
    void set_role_caller(std::string_view role_arn, std::string_view role_id, std::vector<tag> tags,
                         std::string_view session_name = {}) {
        caller_arn = role_arn;
        caller_user_id = role_id;
        caller_tags = std::move(tags);
        caller_session_name = session_name;
    }
};

namespace detail {

// The parts of a caller ARN that the principal keys come from.
struct caller_identity {
    std::string_view principal_type;  // `User` or `AssumedRole`; empty: not a caller we derive keys for
    std::string_view account;
    std::string_view user_name;      // an IAM user's name
    std::string_view principal_arn;  // empty when unknown (a session's ARN does not give its role's path)
    std::string_view session_name;   // a role session's name, when known
};

inline caller_identity identify_caller(const request& r) noexcept {
    const auto caller = parse_arn(r.caller_arn);
    if (!caller || !is_valid_account_id(caller->account)) return {};
    const std::string_view resource = caller->resource;
    const std::string_view name = resource.substr(resource.rfind('/') + 1);
    if (caller->service == "iam" && resource.starts_with("user/"))
        return {"User", caller->account, name, r.caller_arn, {}};
    if (caller->service == "iam" && resource.starts_with("role/"))
        return {"AssumedRole", caller->account, {}, r.caller_arn, r.caller_session_name};
    constexpr std::string_view session_prefix = "assumed-role/";
    if (caller->service == "sts" && resource.starts_with(session_prefix)) {
        const std::string_view rest = resource.substr(session_prefix.size());  // NAME/SESSION
        const std::size_t slash = rest.find('/');
        if (slash == 0 || slash == std::string_view::npos || slash + 1 == rest.size() ||
            rest.find('/', slash + 1) != std::string_view::npos)
            return {};
        return {"AssumedRole", caller->account, {}, {}, rest.substr(slash + 1)};
    }
    return {};
}

}  // namespace detail

/// Writes to `out` the global condition keys AWS puts in the request context of the
/// caller (UG reference_policies_condition-keys, "AWS global condition context
/// keys": https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html),
/// each unless `r.context` supplies it (the page's Availability and example values
/// for each key). For an IAM user (`arn:...:iam::ACCOUNT:user/PATH/NAME`):
/// - `aws:username`, the user's friendly name: present for every IAM user;
/// - `aws:userid`, the user's unique id (`AIDA...`), only when `r.caller_user_id` gives
///   it (never guessed);
/// - `aws:PrincipalArn`, the user's ARN, and `aws:PrincipalAccount`, its account:
///   present in every signed request;
/// - `aws:PrincipalType`, `User`;
/// - `aws:PrincipalTag/KEY` for each tag of the user.
/// For a session of an IAM role, named by the role's ARN
/// (`arn:...:iam::ACCOUNT:role/PATH/NAME`, see `request::set_role_caller`) or by the
/// session's (`arn:...:sts::ACCOUNT:assumed-role/NAME/SESSION`):
/// - no `aws:username` (requests "made using ... IAM roles do not include this key");
/// - `aws:userid` = `ROLEID:SESSION`, only when both the role's unique id
///   (`r.caller_user_id`) and the session's name are known;
/// - `aws:PrincipalArn`, the role's ARN (not the session's), only when the caller is
///   named by the role's ARN: a session's ARN lacks the role's path;
/// - `aws:PrincipalAccount`; `aws:PrincipalType`, `AssumedRole`;
/// - `aws:PrincipalTag/KEY` for each tag of the role (`r.caller_tags`).
/// Nothing for other callers (root, federated users, unknown). Reuses `out`'s storage.
/// `is_principal_key` tells the keys it can derive.
inline void principal_context(const request& r, std::vector<context_entry>& out) {
    std::size_t n = 0;
    const auto add = [&](std::string_view key, std::string_view key_suffix,
                         std::initializer_list<std::string_view> value) {
        if (n == out.size()) out.emplace_back();
        context_entry& entry = out[n];
        entry.key.assign(key).append(key_suffix);
        if (find_context(r.context, entry.key) != nullptr) return;  // supplied entries win
        entry.values.resize(1);
        entry.values[0].clear();
        for (const std::string_view part : value) entry.values[0].append(part);
        entry.type = context_type::string;
        ++n;
    };
    const detail::caller_identity caller = detail::identify_caller(r);
    if (!caller.principal_type.empty()) {
        const bool user = caller.principal_type == "User";
        if (user) add("aws:username", "", {caller.user_name});
        if (!r.caller_user_id.empty() && user) add("aws:userid", "", {r.caller_user_id});
        if (!r.caller_user_id.empty() && !caller.session_name.empty())
            add("aws:userid", "", {r.caller_user_id, ":", caller.session_name});
        if (!caller.principal_arn.empty()) add("aws:PrincipalArn", "", {caller.principal_arn});
        add("aws:PrincipalAccount", "", {caller.account});
        add("aws:PrincipalType", "", {caller.principal_type});
        for (const tag& t : r.caller_tags) add("aws:PrincipalTag/", t.key, {t.value});
    }
    out.resize(n);
}

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

/// A statement that decided: which policy (in `policy_set` order), which statement.
struct statement_ref {
    std::uint32_t policy_index = 0;
    std::uint32_t statement_index = 0;
    bool in_boundary = false;
    friend constexpr bool operator==(const statement_ref&, const statement_ref&) = default;
    // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 misreads a defaulted <=>
    friend constexpr auto operator<=>(const statement_ref&, const statement_ref&) = default;
};

class compiled_policy;
/// A shared, prepared policy.
using compiled_policy_ptr = std::shared_ptr<const compiled_policy>;

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
    std::string scratch;  ///< a buffer evaluation reuses for policy variables; no meaning
    /// A buffer for the keys derived from the caller (`principal_context`), filled when
    /// a statement in question names one; no meaning.
    std::vector<context_entry> derived_scratch;
};

/// True for the keys `principal_context` derives (ignoring case).
constexpr bool is_principal_key(std::string_view key) noexcept {
    constexpr std::string_view tag_prefix = "aws:PrincipalTag/";
    for (const std::string_view derived :
         {"aws:username", "aws:userid", "aws:PrincipalArn", "aws:PrincipalAccount", "aws:PrincipalType"})
        if (iequals(key, derived)) return true;
    return key.size() > tag_prefix.size() && iequals(key.substr(0, tag_prefix.size()), tag_prefix);
}

namespace detail {

// True when `text` names a principal key through a policy variable.
constexpr bool has_principal_variable(std::string_view text) noexcept {
    std::size_t pos = 0;
    while (const auto v = next_variable(text, pos)) {
        if (is_principal_key(v->key)) return true;
        pos = v->close + 1;
    }
    return false;
}

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

// `pattern` with what a variable could stand for replaced by `*`, written to `out`:
// each ARN segment holding one becomes `*`, except that in the resource part a
// resource type written before the variable (`user/` in `user/${aws:username}`) still
// counts. S3 ARNs name buckets and objects with no type. This is how the reference
// simulator rules a resource out; AWS is silent.
inline std::string_view unknown_segments(std::string_view pattern, std::string& out) {
    out.clear();
    std::string_view service;
    for (int segment = 0; !pattern.empty(); ++segment) {
        const std::size_t colon = segment < 5 ? pattern.find(':') : std::string_view::npos;
        const std::string_view part = pattern.substr(0, colon);
        if (segment == 2) service = part;
        if (!has_variable(part)) {
            out.append(part);
        } else {
            const std::size_t type_end =
                segment == 5 && service != "s3" ? part.find_first_of("/:") : std::string_view::npos;
            if (type_end != std::string_view::npos && !has_variable(part.substr(0, type_end)))
                out.append(part.substr(0, type_end + 1));
            out.push_back('*');
        }
        if (colon == std::string_view::npos) break;
        out.push_back(':');
        pattern.remove_prefix(colon + 1);
    }
    return out;
}

// The patterns [first, last) of one statement's sorted service_actions that name `service`.
struct service_run {
    std::string service;
    std::uint32_t statement = 0;
    std::uint32_t first = 0;
    std::uint32_t last = 0;
};

// A pattern with its shape found once.
struct shaped_pattern {
    std::string text;
    wildcard_shape shape = wildcard_shape::general;
    friend bool operator<(const shaped_pattern& a, std::string_view b) noexcept { return a.text < b; }
    friend bool operator<(const shaped_pattern& a, const shaped_pattern& b) noexcept { return a.text < b.text; }
};

// Whether a statement's Resource/NotResource names the request's resource, and whether
// supplying a policy variable the request lacks could change that.
struct resource_match {
    bool applies = false;
    bool could_flip = false;
};

// What examining one statement found.
struct statement_check {
    bool relevant = false;  // its action and resource match, or could once missing keys are supplied
    bool applies = false;
    bool could_flip = false;  // supplying missing keys could change `applies`
};

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

struct compiled_statement {
    const statement* source = nullptr;
    std::uint32_t statement_index = 0;
    bool deny = false;
    bool variables = false;            // Version 2012-10-17: `${...}` is substituted
    bool condition_variables = false;  // and a condition value holds one
    bool principal_keys = false;       // a condition key or variable is one `principal_context` derives
    // The Action/NotAction patterns, lower-cased once: those naming a service, sorted
    // so a request reads only its service's run, and the rest (`*`, `s3*:...`).
    std::vector<shaped_pattern> service_actions;
    std::vector<shaped_pattern> other_actions;
    std::vector<wildcard_shape> resource_shapes;  // of each Resource/NotResource pattern, as written
};

}  // namespace detail

/// One policy prepared once for evaluation — action patterns lower-cased, statements
/// indexed by service prefix — and shared, immutable, by every set that uses it
/// (many users attach the same managed policies).
class compiled_policy {
public:
    /// Prepares `document`; the result is shared (statements point into the document).
    static std::shared_ptr<const compiled_policy> make(iam::policy document) {
        return std::shared_ptr<const compiled_policy>(new compiled_policy(std::move(document)));
    }

    compiled_policy(const compiled_policy&) = delete;
    compiled_policy& operator=(const compiled_policy&) = delete;

    const iam::policy& document() const noexcept { return document_; }

private:
    friend class compiled_policy_set;

    explicit compiled_policy(iam::policy document) : document_(std::move(document)) {
        const bool variables = document_.version == policy_version::v2012_10_17;
        std::vector<detail::service_run> runs;
        for (std::size_t i = 0; i < document_.statements.size(); ++i) {
            const statement& source = document_.statements[i];
            detail::compiled_statement c;
            c.source = &source;
            c.statement_index = static_cast<std::uint32_t>(i);
            c.deny = source.effect == policy_effect::deny;
            c.variables = variables;
            for (const condition& cond : source.conditions) {
                c.principal_keys = c.principal_keys || is_principal_key(cond.key);
                const bool substitutes = variables && accepts_policy_variables(cond.op);
                for (const std::string_view v : cond.values) {
                    c.condition_variables = c.condition_variables || (substitutes && has_variable(v));
                    c.principal_keys = c.principal_keys || (substitutes && detail::has_principal_variable(v));
                }
            }
            for (const std::string_view pattern : source.resource.values)
                c.principal_keys = c.principal_keys || (variables && detail::has_principal_variable(pattern));
            bool any_service = source.action.negated;
            for (const std::string_view pattern : source.action.values) {
                std::string lower(pattern);
                for (char& ch : lower) ch = ascii_lower(ch);
                const std::size_t colon = lower.find(':');
                const std::string_view service = std::string_view(lower).substr(0, colon);
                const wildcard_shape shape = classify_wildcard(lower);
                if (colon == std::string::npos || detail::has_wildcard(service)) {
                    any_service = true;
                    c.other_actions.push_back({std::move(lower), shape});
                } else {
                    c.service_actions.push_back({std::move(lower), shape});
                }
            }
            std::sort(c.service_actions.begin(), c.service_actions.end());
            const auto index = static_cast<std::uint32_t>(statements_.size());
            for (std::uint32_t first = 0; first < c.service_actions.size();) {  // one run per service
                const std::string_view text = c.service_actions[first].text;
                const std::string_view service = text.substr(0, text.find(':') + 1);  // `service:`
                std::uint32_t last = first;
                while (last < c.service_actions.size() && c.service_actions[last].text.starts_with(service)) ++last;
                runs.push_back({std::string(service.substr(0, service.size() - 1)), index, first, last});
                first = last;
            }
            for (const std::string_view pattern : source.resource.values)
                c.resource_shapes.push_back(classify_wildcard(pattern));
            statements_.push_back(std::move(c));
            if (any_service)
                any_service_.push_back(index);
            else
                by_service_.insert(by_service_.end(), std::make_move_iterator(runs.begin()),
                                   std::make_move_iterator(runs.end()));
            runs.clear();
        }
    }

    iam::policy document_;
    std::vector<detail::compiled_statement> statements_;
    std::vector<std::uint32_t> any_service_;       // NotAction, `*`, wildcard services: always checked
    std::vector<detail::service_run> by_service_;  // each statement's patterns per service
};

/// A prepared policy with the name explanations use for it.
struct named_compiled_policy {
    std::string name;
    compiled_policy_ptr policy;
};

/// A user's policies prepared for many requests: each request looks only at the
/// statements that can name its action's service. Evaluation is pure and allocates
/// nothing per request once the result's buffers have grown (reuse an
/// `evaluation_result` with `evaluate_into`).
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
        index();
    }

    /// From policies prepared already (and perhaps shared with other sets).
    compiled_policy_set(std::vector<named_compiled_policy> identity, std::vector<named_compiled_policy> boundary)
        : identity_(std::move(identity)), boundary_(std::move(boundary)) {
        index();
    }

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
        evaluate_into(r, out);
        return out;
    }

    /// Like `evaluate`, reusing `out`'s storage.
    void evaluate_into(const request& r, evaluation_result& out) const {
        out.matched.clear();
        out.missing.clear();
        out.unreadable.clear();
        out.could_become = {};
        out.has_boundary = !boundary_.empty();
        out.some_resource = asks_some_resource(r);
        // The caller's keys are derived when a statement in question names one: most never do.
        context_view context(r.context);
        bool derived = false;

        std::array<char, 256> buffer{};
        std::string long_action;
        const std::string_view action = lower_action(r.action, buffer, long_action);
        const std::string_view service = action.substr(0, action.find(':'));

        std::array<detail::role_tally, 3> tally{};  // by detail::role_of
        for_each_naming(action, [&](const statement_ref& ref, const detail::compiled_statement& s) {
            if (s.principal_keys && !derived) {
                principal_context(r, out.derived_scratch);
                context = context_view(r.context, out.derived_scratch);
                derived = true;
            }
            const std::size_t first_missing = out.missing.size();
            const detail::statement_check check = examine(s, ref, r, context, out);
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
        const bool deny = tally[detail::deny_role].any_on;
        const auto resource = parse_arn(r.resource);
        const bool aws_managed_policy = resource && detail::is_aws_managed_policy(*resource);
        const std::string_view caller = detail::account_of(r.caller_arn);
        // ResourceOwner names the owner "of any simulated resource that does not identify
        // its owner in the resource ARN" (SimulateCustomPolicy).
        std::string_view owner = resource ? resource->account : std::string_view{};
        if (owner.empty()) owner = detail::account_of(r.resource_owner);
        out.same_account = caller.empty() || owner.empty() || owner == caller || aws_managed_policy;
        out.needs_resource_policy =
            !out.same_account || (service == "kms" && resource && resource->resource.starts_with("key/"));
        out.not_grantable = resource ? detail::not_grantable(action, *resource) : std::string_view{};
        out.allowed_by_boundary = !out.has_boundary || tally[detail::boundary_role].any_on;
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
        } else if (tally[detail::identity_role].any_on && out.allowed_by_boundary && !out.needs_resource_policy &&
                   out.not_grantable.empty()) {
            out.decision = decision::allowed;
        } else {
            out.decision = decision::implicit_deny;
            out.matched.clear();
        }
        std::sort(out.matched.begin(), out.matched.end());
        if (!no_permission_needed) assess_missing(tally, out);
    }

    /// Calls `visit(ref, statement)` for each statement whose Action/NotAction names
    /// `action` (`service:Name`, any case), whatever the resource and conditions.
    template <typename Visit>
    void for_each_statement_naming(std::string_view action, Visit&& visit) const {
        std::array<char, 256> buffer{};
        std::string long_action;
        for_each_naming(lower_action(action, buffer, long_action),
                        [&](const statement_ref& ref, const detail::compiled_statement& s) { visit(ref, *s.source); });
    }

private:
    // The statements naming `action` (lower-case): those that may name any service,
    // then the action's service's entry, each with its patterns for that service.
    template <typename Visit>
    void for_each_naming(std::string_view action, Visit&& visit) const {
        const auto offer = [&](const candidate& c, bool action_match) {
            if (action_match != c.statement->source->action.negated)
                visit(statement_ref{c.policy, c.statement->statement_index, c.in_boundary}, *c.statement);
        };
        for (const candidate& c : universal_) offer(c, action_matches(*c.statement, action));
        const std::string_view service = action.substr(0, action.find(':'));
        const auto entry =
            std::lower_bound(by_service_.begin(), by_service_.end(), service,
                             [](const service_entry& e, std::string_view key) { return e.service < key; });
        if (entry == by_service_.end() || entry->service != service) return;
        for (const candidate& c : entry->candidates) {
            const auto first = c.statement->service_actions.begin() + c.first;
            const auto last = c.statement->service_actions.begin() + c.last;
            offer(c, std::any_of(first, last, [&](const detail::shaped_pattern& p) {
                      return wildcard_match(p.text, action, wildcard_mode::exact, p.shape);
                  }));
        }
    }

    static std::string_view lower_action(std::string_view action, std::array<char, 256>& buffer, std::string& spill) {
        char* out = buffer.data();
        if (action.size() > buffer.size()) {
            spill.assign(action);
            out = spill.data();
        }
        for (std::size_t i = 0; i < action.size(); ++i) out[i] = ascii_lower(action[i]);
        return {out, action.size()};
    }

    // Whether any Action/NotAction pattern of `s` names `action` (lower-case).
    static bool action_matches(const detail::compiled_statement& s, std::string_view action) {
        const auto matches = [&](const detail::shaped_pattern& p) {
            return wildcard_match(p.text, action, wildcard_mode::exact, p.shape);
        };
        if (std::any_of(s.other_actions.begin(), s.other_actions.end(), matches)) return true;
        const std::string_view prefix = action.substr(0, action.find(':') + 1);  // `service:`
        for (auto it = std::lower_bound(s.service_actions.begin(), s.service_actions.end(), prefix);
             it != s.service_actions.end() && it->text.starts_with(prefix); ++it)
            if (matches(*it)) return true;
        return false;
    }

    // Whether a statement whose action matched applies (its resource, then every
    // condition, so that all its missing keys and unreadable values are found), and
    // whether supplying missing keys could change that.
    detail::statement_check examine(const detail::compiled_statement& s, const statement_ref& ref, const request& r,
                                    const context_view& context, evaluation_result& out) const {
        const std::size_t first_missing = out.missing.size();
        const auto note_missing = [&](std::string_view key) {
            for (std::size_t i = first_missing; i < out.missing.size(); ++i)
                if (iequals(out.missing[i].key, key)) return;
            out.missing.push_back({key, ref, false, false, {}, entry(ref).policy});
        };
        const detail::resource_match resource = match_resource(s, r, context, out.scratch);
        if (!resource.applies && !resource.could_flip) return {};
        if (resource.could_flip) {
            for (const std::string_view pattern : s.source->resource.values)
                if (could_name(s, pattern, r, context, out.scratch))
                    for_each_unresolved_variable(pattern, context, note_missing);
        }
        bool blocked = !resource.applies;
        bool every_block_missing = true;                                   // each failed part references a missing key
        bool passes_on_missing = resource.applies && resource.could_flip;  // a passed part references a missing key
        for (const condition& c : s.source->conditions) {
            const condition_outcome o = evaluate_condition(c, context, s.variables, out.scratch);
            bool references_missing = o.key_missing;
            if (o.key_missing) note_missing(c.key);
            if (s.condition_variables && accepts_policy_variables(c.op))
                for (const std::string_view v : c.values)
                    for_each_unresolved_variable(v, context, [&](std::string_view key) {
                        references_missing = true;
                        note_missing(key);
                    });
            if (o.unreadable_value)
                for (const std::string& value : o.entry->values)
                    if (request_value_unreadable(c.op, value))
                        out.unreadable.push_back({c.key, c.spec(), value, ref, entry(ref).policy});
            if (!o.holds_in(s.source->effect)) {
                blocked = true;
                every_block_missing = every_block_missing && references_missing;
            } else {
                passes_on_missing = passes_on_missing || references_missing;
            }
        }
        return {true, !blocked, blocked ? every_block_missing : passes_on_missing};
    }

    // Whether `r` is on `*` for an action with resource types: it asks whether some
    // resource is allowed (see `request::action_has_resource_types`).
    static bool asks_some_resource(const request& r) noexcept {
        return r.resource == "*" && r.action_has_resource_types;
    }

    // Whether the statement's Resource/NotResource names the request's resource. A
    // pattern whose variable has no value matches nothing, so in NotResource it excludes
    // nothing (UG reference_policies_variables): supplying the variable could change that
    // when the pattern could then name the resource. For any action without resource
    // types `*` is the resource itself.
    static detail::resource_match match_resource(const detail::compiled_statement& s, const request& r,
                                                 const context_view& context, std::string& scratch) {
        const resource_block& block = s.source->resource;
        if (asks_some_resource(r)) return match_some_resource(s, context, scratch);
        bool matched = false, unresolved = false;
        for (std::size_t i = 0; i < block.values.size() && !matched; ++i) {
            const std::string_view pattern = block.values[i];
            if (s.variables && has_variable(pattern)) {
                if (substitute_variables(pattern, context, true, scratch))
                    matched = wildcard_match(scratch, r.resource, wildcard_mode::arn);
                else
                    unresolved = unresolved || could_name(s, pattern, r, context, scratch);
            } else {
                matched = wildcard_match(pattern, r.resource, wildcard_mode::arn, s.resource_shapes[i]);
            }
        }
        return {matched != block.negated, !matched && unresolved};
    }

    // For a request asking whether some resource is allowed (the reference simulator;
    // AWS is silent): an Allow applies unless it excludes every resource, a Deny only
    // when it covers every resource. A pattern whose variable has no value is dropped
    // (as above: in Resource it matches nothing, in NotResource it excludes nothing), so
    // an Allow whose Resource patterns are all dropped grants nothing, and a Deny whose
    // NotResource patterns are all dropped covers every resource; supplying the
    // variables could change both.
    static detail::resource_match match_some_resource(const detail::compiled_statement& s, const context_view& context,
                                                      std::string& scratch) {
        const resource_block& block = s.source->resource;
        const bool covers_all = std::find(block.values.begin(), block.values.end(), "*") != block.values.end();
        const bool all_dropped =
            !block.values.empty() && std::all_of(block.values.begin(), block.values.end(), [&](std::string_view p) {
                return s.variables && has_variable(p) && !substitute_variables(p, context, true, scratch);
            });
        if (block.negated)
            return s.deny ? detail::resource_match{all_dropped, all_dropped}
                          : detail::resource_match{!covers_all, false};
        return s.deny ? detail::resource_match{covers_all, false} : detail::resource_match{!all_dropped, all_dropped};
    }

    // Whether `pattern`, which holds a variable without a value, could name the
    // resource once the variable has one (each segment holding it read as `*`); on a
    // request for some resource, it could.
    static bool could_name(const detail::compiled_statement& s, std::string_view pattern, const request& r,
                           const context_view& context, std::string& scratch) {
        return s.variables && has_variable(pattern) && !substitute_variables(pattern, context, true, scratch) &&
               (asks_some_resource(r) ||
                wildcard_match(detail::unknown_segments(pattern, scratch), r.resource, wildcard_mode::arn));
    }

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

    // A statement to check for requests of one service, with its patterns for it.
    struct candidate {
        const detail::compiled_statement* statement;
        std::uint32_t policy;
        bool in_boundary;
        std::uint32_t first = 0;  // service_actions [first, last) name the service
        std::uint32_t last = 0;
    };
    struct service_entry {
        std::string_view service;  // views a compiled policy's run, which this set keeps alive
        std::vector<candidate> candidates;
    };

    // One index over every policy: a request reads one service entry and the
    // statements that may name any service.
    void index() {
        std::vector<std::pair<std::string_view, candidate>> runs;
        const auto add = [&](const std::vector<named_compiled_policy>& policies, bool in_boundary) {
            for (std::size_t p = 0; p < policies.size(); ++p) {
                const compiled_policy& policy = *policies[p].policy;
                const auto policy_index = static_cast<std::uint32_t>(p);
                for (const std::uint32_t i : policy.any_service_)
                    universal_.push_back({&policy.statements_[i], policy_index, in_boundary});
                for (const detail::service_run& run : policy.by_service_)
                    runs.push_back(
                        {run.service,
                         {&policy.statements_[run.statement], policy_index, in_boundary, run.first, run.last}});
            }
        };
        add(identity_, false);
        add(boundary_, true);
        std::stable_sort(runs.begin(), runs.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        for (const auto& [service, c] : runs) {
            if (by_service_.empty() || by_service_.back().service != service) by_service_.push_back({service, {}});
            by_service_.back().candidates.push_back(c);
        }
    }

    std::vector<named_compiled_policy> identity_;
    std::vector<named_compiled_policy> boundary_;
    std::vector<candidate> universal_;
    std::vector<service_entry> by_service_;  // sorted by lower-case service
};

/// Evaluates `r` against `set` once (compiles it first; for many requests keep a
/// `compiled_policy_set`).
inline evaluation_result evaluate(const request& r, policy_set set) {
    return compiled_policy_set(std::move(set)).evaluate(r);
}

}  // namespace iam

#endif  // IAM_EVALUATE_HPP_INCLUDED
