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
#include <bit>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <memory>
#include <optional>
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
#include "principal.hpp"
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

/// The Organizations policies attached to one node on the path from the organization's
/// root to an account: `target` is `r-...` (the root), `ou-...` or the account's id.
template <typename Policy>
struct basic_organizations_level {
    std::string target;
    std::vector<Policy> policies;
};

/// Everything AWS's evaluation logic reads for a request, by policy type. An empty list
/// means the type takes no part: no boundary, no session policy, no resource policy
/// given, no VPC endpoint. Organizations policies are absent (`std::nullopt`: none
/// apply) or a path of levels, root first and the account last, each of which must
/// allow; an empty level allows nothing.
template <typename Policy>
struct basic_policy_set {
    std::vector<Policy> identity;    ///< a user's inline and attached policies and its groups'; a role's
    std::vector<Policy> boundary;    ///< the permissions boundary, if one is set
    std::vector<Policy> session{};   ///< session policies, for a role or federated user session
    std::vector<Policy> resource{};  ///< the resource-based policy (bucket, queue, key or role trust policy)
    std::vector<Policy> endpoint{};  ///< the VPC endpoint policies the request passes through
    std::optional<std::vector<basic_organizations_level<Policy>>> scps{};  ///< of the principal's account
    std::optional<std::vector<basic_organizations_level<Policy>>> rcps{};  ///< of the resource's account
    /// The organization's management account, which SCPs and RCPs do not affect; empty: unknown.
    std::string management_account{};
};

/// One Organizations level, as documents.
using organizations_level = basic_organizations_level<named_policy>;
/// The policies of one request, as documents.
using policy_set = basic_policy_set<named_policy>;
/// The policies of one request, prepared (see `compiled_policy_set`).
using compiled_policies = basic_policy_set<named_compiled_policy>;

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

/// Whether one policy type that must allow took part in a decision, and whether it allowed.
struct layer_verdict {
    bool applies = false;  ///< the type took part (a boundary is set, SCPs cover the principal, ...)
    bool allowed = true;   ///< an Allow of it applied (every level's, for SCPs and RCPs); true when it took no part
    friend constexpr bool operator==(const layer_verdict&, const layer_verdict&) = default;
};

/// The decision with its reasons: the statements that decided it (the applicable
/// denies for `explicit_deny`; otherwise the allows of every policy type, as they
/// applied), what each policy type said, what the request did not say and whether that
/// could change the answer, and what could not be read.
struct evaluation_result {
    iam::decision decision = decision::implicit_deny;
    std::vector<statement_ref> matched;
    bool has_boundary = false;
    bool allowed_by_boundary = true;  ///< true when there is no boundary
    layer_verdict session;            ///< the session policies
    layer_verdict endpoint;           ///< the VPC endpoint policies
    layer_verdict organizations;      ///< the SCPs of the principal's account (AWS's `AllowedByOrganizations`)
    layer_verdict resource_control;   ///< the RCPs of the resource's account
    /// A resource-based policy was given and one of its Allows applies to the caller.
    bool allowed_by_resource_policy = false;
    bool same_account = true;  ///< false: the resource belongs to another account
    /// Identity policies alone cannot allow this resource: its resource-based policy must
    /// allow too. A resource of another account (UG reference_policies_evaluation-logic
    /// cross-account), a KMS key asked for a `kms:` action (KMS developer guide, "Key
    /// policies": "IAM policies by themselves are not sufficient"), or a role asked to be
    /// assumed, whose trust policy must allow.
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

// The groups of statements the decision counts: every applicable Deny; then the Allows
// of each policy type that must allow (identity, boundary, session, endpoint, each SCP
// and RCP level); then the resource policy's, by how its Principal names the caller.
inline constexpr std::size_t max_organizations_levels = 8;  // root, five levels of OUs, the account (AWS allows five)
inline constexpr std::size_t deny_group = 0, identity_group = 1, boundary_group = 2, session_group = 3,
                             endpoint_group = 4,
                             resource_direct_group = 5,  // names the caller itself: not limited
    resource_limited_group = 6,                          // names its role, or everyone: limited by boundary and session
    resource_account_group = 7,                          // names its account: a delegation to identity policies
    scp_group = 8, rcp_group = scp_group + max_organizations_levels, group_count = rcp_group + max_organizations_levels;
static_assert(group_count <= 32);
using group_bits = std::uint32_t;

constexpr bool in(group_bits bits, std::size_t group) noexcept { return ((bits >> group) & 1u) != 0; }
constexpr group_bits bit_of(std::size_t group) noexcept { return group_bits{1} << group; }

// What the request and its policies fix before any statement is read.
struct decision_facts {
    bool has_boundary = false;
    bool has_session = false;
    bool session_required = false;  // a federated user session, which without a session policy has no access
    bool has_endpoint = false;
    std::size_t scp_levels = 0;  // levels that must allow (0: SCPs do not apply)
    std::size_t rcp_levels = 0;
    bool identity_implied = false;      // the root user in its own account: full access without policies
    bool has_identity = true;           // an IAM identity, whose identity-based policies count
    bool same_account = true;           // the resource is the caller's account's
    bool resource_required = false;     // identity policies alone cannot allow (see `needs_resource_policy`)
    bool direct_grant_limited = false;  // a trust policy: a grant to the caller is limited by its boundary
    bool blocked = false;               // not grantable
};

// The decision when the groups in `on` apply (AWS's flow chart,
// reference_policies_evaluation-logic_policy-eval-denyallow): any Deny denies; each
// policy type that must allow has to; then an identity allow (within the boundary and
// session policies) or a resource-policy allow, or both across accounts.
constexpr decision decide_groups(group_bits on, const decision_facts& f) noexcept {
    if (in(on, deny_group)) return decision::explicit_deny;
    if (f.blocked) return decision::implicit_deny;
    for (std::size_t level = 0; level < f.scp_levels; ++level)
        if (!in(on, scp_group + level)) return decision::implicit_deny;
    for (std::size_t level = 0; level < f.rcp_levels; ++level)
        if (!in(on, rcp_group + level)) return decision::implicit_deny;
    if (f.has_endpoint && !in(on, endpoint_group)) return decision::implicit_deny;
    const bool within_limits =
        (!f.has_boundary || in(on, boundary_group)) && (f.has_session ? in(on, session_group) : !f.session_required);
    const bool identity = f.has_identity && (f.identity_implied || in(on, identity_group)) && within_limits;
    const bool direct = in(on, resource_direct_group) && (!f.direct_grant_limited || within_limits);
    const bool limited = in(on, resource_limited_group) && within_limits;
    bool allowed = false;
    if (!f.same_account)
        allowed = identity &&
                  (in(on, resource_direct_group) || in(on, resource_limited_group) || in(on, resource_account_group));
    else if (f.resource_required)
        allowed = direct || limited || (identity && in(on, resource_account_group));
    else
        allowed = identity || direct || limited;
    return allowed ? decision::allowed : decision::implicit_deny;
}

// The statements of one group, as the request stands.
struct group_tally {
    bool any_on = false;          // one applies
    bool all_on_can_stop = true;  // each that applies could stop
    bool some_can_start = false;  // one that does not apply could start
};

// The groups one missing key could switch on (`can_start`) or off (`can_stop`).
struct key_groups {
    group_bits can_start = 0;
    group_bits can_stop = 0;
};

// Whether some mix of the `free` groups (each on or off), beside the `fixed` ones on,
// allows when the key's `keyed` groups are on and denies implicitly when they are off:
// then this key decides between the two. `decide_groups` only grows with more allow
// groups on, so past `max_free` free groups the extremes answer (an over-approximation).
inline bool key_decides(group_bits fixed, group_bits free, group_bits keyed, const decision_facts& facts) {
    if (keyed == 0) return false;
    const auto decides = [&](group_bits mix) {
        return decide_groups(fixed | mix | keyed, facts) == decision::allowed &&
               decide_groups(fixed | mix, facts) == decision::implicit_deny;
    };
    constexpr int max_free = 12;
    if (std::popcount(free) > max_free)
        return decide_groups(fixed | free | keyed, facts) == decision::allowed &&
               decide_groups(fixed, facts) == decision::implicit_deny;
    for (group_bits mix = free;; mix = (mix - 1) & free) {  // every subset of `free`
        if (decides(mix)) return true;
        if (mix == 0) return false;
    }
}

// What supplying a key could turn `now` into, given what the statements that reference
// it could do and what every group could do (other missing keys supplied too, any mix
// of flips reachable: see `evaluation_result::could_become`).
inline decision_set could_become(decision now, const std::array<group_tally, group_count>& all, const key_groups& key,
                                 const decision_facts& facts) {
    group_bits on = 0, can_start = 0, can_stop = 0;
    for (std::size_t g = 0; g < group_count; ++g) {
        if (all[g].any_on) on |= bit_of(g);
        if (!all[g].any_on && all[g].some_can_start) can_start |= bit_of(g);
        if (all[g].any_on && all[g].all_on_can_stop) can_stop |= bit_of(g);
    }
    const group_bits allows = ~bit_of(deny_group);
    const group_bits fixed = on & ~can_stop & allows;  // allow groups on whatever the keys say
    decision_set out;
    if (now != decision::explicit_deny && in(key.can_start, deny_group)) out.insert(decision::explicit_deny);
    switch (now) {
        case decision::explicit_deny:
            if (in(can_stop, deny_group) &&
                (in(key.can_stop, deny_group) || ((key.can_start | key.can_stop) & allows) != 0)) {
                if (decide_groups((on | can_start) & allows, facts) == decision::allowed) out.insert(decision::allowed);
                if (decide_groups(fixed, facts) == decision::implicit_deny) out.insert(decision::implicit_deny);
            }
            break;
        case decision::allowed: {  // this key switching some allow groups off, others perhaps too
            const group_bits stopped = key.can_stop & can_stop & allows;
            if (key_decides(fixed, can_stop & allows & ~stopped, stopped, facts)) out.insert(decision::implicit_deny);
            break;
        }
        case decision::implicit_deny: {  // this key switching some allow groups on, others perhaps too
            const group_bits started = key.can_start & can_start & allows;
            if (key_decides(fixed, (can_start | can_stop) & allows & ~started, started, facts))
                out.insert(decision::allowed);
            break;
        }
    }
    return out;
}

// The sts: actions a role's trust policy authorizes (UG id_roles_terms-and-concepts,
// "trust policy"; sts:TagSession, sts:SetSourceIdentity and sts:SetContext are
// authorized with the AssumeRole call they come with).
inline bool uses_trust_policy(std::string_view action) noexcept {
    return is_one_of(action, {"sts:assumerole", "sts:assumerolewithsaml", "sts:assumerolewithwebidentity",
                              "sts:tagsession", "sts:setsourceidentity", "sts:setcontext"});
}

// A session of a service-linked role, which SCPs and RCPs do not restrict (Organizations
// user guide, orgs_manage_policies_scps: "SCPs do not affect any service-linked role").
// Known only from the role's ARN, whose path is `/aws-service-role/`: a session's sts ARN
// lacks the path, and a name alone could be any role's (fail closed: the policies apply).
inline bool is_service_linked_session(const principal_identity& who) noexcept {
    return who.kind == principal_kind::role_session &&
           who.role_arn.find(":role/aws-service-role/") != std::string_view::npos;
}

// The services whose actions RCPs apply to, sorted (Organizations user guide,
// https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html:
// "RCPs apply to actions for the following AWS services", as listed in 2026; the
// list grows). RCPs do not impact kms:RetireGrant ("RCPs do not impact the
// kms:RetireGrant permission").
inline constexpr std::string_view rcp_services[] = {
    "aoss",
    "appconfig",
    "appstream",
    "autoscaling",
    "autoscaling-plans",
    "budgets",
    "clouddirectory",
    "cloudfront",
    "cloudsearch",
    "cloudtrail-data",
    "codeartifact",
    "codebuild",
    "codecommit",
    "codepipeline",
    "cognito-identity",
    "cognito-idp",
    "comprehend",
    "comprehendmedical",
    "compute-optimizer",
    "cost-optimization-hub",
    "dax",
    "dsql",
    "dynamodb",
    "ecr",
    "ecr-public",
    "events",
    "firehose",
    "fis",
    "fms",
    "gamelift",
    "health",
    "inspector-scan",
    "kendra",
    "kinesisvideo",
    "kms",
    "logs",
    "memorydb",
    "networkmonitor",
    "notifications",
    "opensearch",
    "pca-connector-ad",
    "personalize",
    "polly",
    "pricing",
    "resource-groups",
    "rolesanywhere",
    "s3",
    "secretsmanager",
    "servicediscovery",
    "signin",
    "sqs",
    "sts",
    "support",
    "swf",
    "textract",
    "timestream-influxdb",
    "transcribe",
    "transfer",
    "translate",
    "wafv2",
    "workspaces",
    "xray",
};
static_assert(std::is_sorted(std::begin(rcp_services), std::end(rcp_services)));
inline bool covered_by_rcps(std::string_view action) noexcept {
    const std::string_view service = action.substr(0, action.find(':'));
    return std::binary_search(std::begin(rcp_services), std::end(rcp_services), service) && action != "kms:retiregrant";
}

// Whether a resource policy's grant to everyone (`"*"`, or an Allow with NotPrincipal)
// reaches the caller as directly as a grant naming it. AWS: "Permissions boundaries and
// session policies do not limit permissions granted using the aws:PrincipalArn condition
// key with a wildcard(*) in the Principal element"
// (UG reference_policies_evaluation-logic_policy-eval-denyallow); otherwise AWS is silent
// and we read it as the reference simulator does: direct for an IAM user (as its own
// ARN would be) and a federated user, limited by the boundary and session policies for
// a role session. Only a positive test of aws:PrincipalArn counts (a negated one grants
// to every other ARN).
inline bool everyone_grant_is_direct(const statement& s, const principal_identity& who) noexcept {
    const auto names_principal_arn = [](const condition& c) {  // grants to the ARNs it names, and no other
        const bool positive = c.op == condition_operator::arn_equals || c.op == condition_operator::arn_like ||
                              c.op == condition_operator::string_equals || c.op == condition_operator::string_like;
        return positive && !c.if_exists && c.qualifier == set_qualifier::none && iequals(c.key, "aws:PrincipalArn");
    };
    return who.kind == principal_kind::user || who.kind == principal_kind::federated_user ||
           std::any_of(s.conditions.begin(), s.conditions.end(), names_principal_arn);
}

// Which group an Allow of `layer` counts in, for a resource policy by how its
// Principal named the caller (`direct_everyone`: see `everyone_grant_is_direct`), for
// SCPs and RCPs by level.
constexpr std::size_t allow_group(policy_layer layer, principal_match how, std::size_t level,
                                  bool direct_everyone) noexcept {
    switch (layer) {
        case policy_layer::identity: return identity_group;
        case policy_layer::boundary: return boundary_group;
        case policy_layer::session: return session_group;
        case policy_layer::endpoint: return endpoint_group;
        case policy_layer::scp: return scp_group + level;
        case policy_layer::rcp: return rcp_group + level;
        case policy_layer::resource: break;
    }
    switch (how) {
        case principal_match::account: return resource_account_group;
        case principal_match::everyone: return direct_everyone ? resource_direct_group : resource_limited_group;
        case principal_match::role:
        case principal_match::none: return resource_limited_group;
        case principal_match::identity:
        case principal_match::service:
        case principal_match::provider:
        case principal_match::canonical_user: return resource_direct_group;
    }
    return resource_limited_group;
}

// Whether statement `s` (of a policy type with a Principal element) is about the
// caller, and how it names it. No Principal: every principal where the element is
// optional (a VPC endpoint policy), none where it is `required` (a Deny fails closed:
// every principal). NotPrincipal: everyone it does not exclude, and with Deny every
// caller that has a permissions boundary (UG reference_policies_elements_notprincipal:
// "Statements with NotPrincipal and Deny will always deny any IAM principal that has a
// permissions boundary policy attached, regardless of the values specified in the
// NotPrincipal element"). When the caller is unknown, a Deny is about it and an Allow
// is not (fail closed).
inline std::pair<bool, principal_match> about_caller(const compiled_statement& s, const principal_identity& who,
                                                     bool required, bool has_boundary) {
    if (s.principal == nullptr) return {!required || s.deny, principal_match::everyone};
    const bool unknown = who.kind == principal_kind::unknown;
    if (s.principal->negated) {
        if (unknown || (s.deny && has_boundary)) return {s.deny, principal_match::everyone};
        return {!excluded_by_not_principal(*s.principal, who), principal_match::everyone};
    }
    const principal_match how = match_principal(*s.principal, who);
    if (how == principal_match::none) return {s.deny && unknown, how};
    return {true, how};
}
}  // namespace detail

/// The caller of the last request, read once for the requests that share it.
class caller_cache {
public:
    caller_cache() = default;
    // A copy reads afresh: `identity_` views this object's own strings.
    caller_cache(const caller_cache&) noexcept {}
    caller_cache& operator=(const caller_cache&) noexcept {
        known_ = false;
        return *this;
    }
    ~caller_cache() = default;

    /// `identify_principal(caller, session_name)`, remembered for the next call.
    const principal_identity& identify(std::string_view caller, std::string_view session_name) {
        if (!known_ || caller != caller_ || session_name != session_name_) {
            caller_.assign(caller);
            session_name_.assign(session_name);
            identity_ = identify_principal(caller_, session_name_);
            known_ = true;
        }
        return identity_;
    }

private:
    std::string caller_;
    std::string session_name_;
    principal_identity identity_{};
    bool known_ = false;
};

/// Scratch memory for evaluation, which a caller evaluating many requests reuses so
/// that, once it has grown, evaluation allocates nothing. It holds no meaning between
/// calls (the caller it read last is kept only to read it once).
struct evaluation_workspace {
    std::string variable_buffer;                 ///< a policy text with its variables substituted
    std::vector<context_entry> derived_context;  ///< the caller's keys (`principal_context`)
    std::vector<std::uint8_t> missing_groups;    ///< the decision group of each missing key's statement
    caller_cache caller;                         ///< the last request's caller, identified
};

/// The policies of a request prepared for many requests: each request looks only at
/// the statements that can name its action's service (`policy_index`), checks whether
/// each applies to the caller and the request (applicability.hpp) and decides by AWS's
/// evaluation logic. Evaluation is pure and allocates nothing per request once the
/// result's and the workspace's buffers have grown (reuse an `evaluation_result` and an
/// `evaluation_workspace` with `evaluate_into`).
///
/// **Example**:
///     iam::compiled_policy_set set(std::move(policies));
///     iam::request r{.action = "s3:GetObject", .resource = "arn:aws:s3:::bucket/key"};
///     if (set.evaluate(r).decision == iam::decision::allowed) ...
class compiled_policy_set {
public:
    /// Prepares every policy of `set`.
    explicit compiled_policy_set(policy_set set) : compiled_policy_set(prepare(std::move(set))) {}

    /// From identity policies and a boundary prepared already (and perhaps shared with other sets).
    compiled_policy_set(std::vector<named_compiled_policy> identity, std::vector<named_compiled_policy> boundary)
        : compiled_policy_set(with_identity(std::move(identity), std::move(boundary))) {}

    /// From policies prepared already (and perhaps shared with other sets). More
    /// Organizations levels than AWS allows deny every request (`not_grantable`).
    explicit compiled_policy_set(compiled_policies set) : management_account_(std::move(set.management_account)) {
        layer(policy_layer::identity) = std::move(set.identity);
        layer(policy_layer::boundary) = std::move(set.boundary);
        layer(policy_layer::session) = std::move(set.session);
        layer(policy_layer::resource) = std::move(set.resource);
        layer(policy_layer::endpoint) = std::move(set.endpoint);
        add_organizations(policy_layer::scp, std::move(set.scps));
        add_organizations(policy_layer::rcp, std::move(set.rcps));
        index_ = policy_index(layers_);
    }

    /// True when a permissions boundary is set.
    bool has_boundary() const noexcept { return !policies(policy_layer::boundary).empty(); }

    /// The policies of `l` (Organizations levels one after another).
    const std::vector<named_compiled_policy>& policies(policy_layer l) const noexcept {
        return layers_[static_cast<std::size_t>(l)];
    }

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
        work.missing_groups.clear();
        out.some_resource = detail::asks_some_resource(r);
        // The caller's keys are derived when a statement in question names one: most never do.
        context_view context(r.context);
        bool derived = false;

        const lower_case_action lowered(r.action);
        const std::string_view action = lowered.view();
        const principal_identity& who = work.caller.identify(r.caller_arn, r.caller_session_name);
        const detail::decision_facts facts = facts_for(r, action, who, out);

        const bool principal_arn_unknown = who.kind == principal_kind::role_session && who.role_arn.empty();
        std::array<detail::group_tally, detail::group_count> tally{};
        index_.for_each_naming(action, [&](const statement_ref& ref, const detail::compiled_statement& s) {
            if ((ref.layer == policy_layer::scp && facts.scp_levels == 0) ||
                (ref.layer == policy_layer::rcp && facts.rcp_levels == 0))
                return;
            principal_match how = principal_match::none;
            if (names_principals(ref.layer)) {
                const auto [about, match] =
                    detail::about_caller(s, who, ref.layer == policy_layer::resource, facts.has_boundary);
                if (!about) return;
                // AWS's pages differ on an account in a gateway endpoint's policy ("access is
                // granted to the AWS account root user only", vpc-endpoints-access): an Allow
                // naming the account admits its root user alone.
                if (ref.layer == policy_layer::endpoint && match == principal_match::account && !s.deny &&
                    who.kind != principal_kind::root)
                    return;
                how = match;
            }
            const std::size_t group = s.deny
                                          ? detail::deny_group
                                          : detail::allow_group(ref.layer, how, level_of(ref),
                                                                how == principal_match::everyone &&
                                                                    detail::everyone_grant_is_direct(*s.source, who));
            if (s.principal_keys && !derived) {
                principal_context(r, who, work.derived_context);
                context = context_view(r.context, work.derived_context);
                derived = true;
            }
            const std::size_t first_missing = out.missing.size();
            const auto note_missing = [&](std::string_view key) {  // once per statement
                for (std::size_t i = first_missing; i < out.missing.size(); ++i)
                    if (iequals(out.missing[i].key, key)) return;
                out.missing.push_back({key, ref, false, false, {}, entry(ref).policy});
                work.missing_groups.push_back(static_cast<std::uint8_t>(group));
            };
            const auto note_unreadable = [&](const condition& c, const std::string& value) {
                out.unreadable.push_back({c.key, c.spec(), value, ref, entry(ref).policy});
            };
            const detail::statement_check check = detail::check_statement(
                s, r, context, work.variable_buffer, principal_arn_unknown, note_missing, note_unreadable);
            if (!check.relevant) return;
            for (std::size_t i = first_missing; i < out.missing.size(); ++i) {
                out.missing[i].statement_applies = check.applies;
                out.missing[i].statement_could_flip = check.could_flip;
            }
            detail::group_tally& t = tally[group];
            if (!check.applies) {
                t.some_can_start = t.some_can_start || check.could_flip;
                return;
            }
            t.all_on_can_stop = t.all_on_can_stop && check.could_flip;
            if (s.deny) {
                if (!t.any_on) out.matched.clear();  // denies alone explain an explicit deny
                out.matched.push_back(ref);
            } else if (!tally[detail::deny_group].any_on) {
                out.matched.push_back(ref);
            }
            t.any_on = true;
        });
        detail::group_bits on = 0;
        for (std::size_t g = 0; g < detail::group_count; ++g)
            if (tally[g].any_on) on |= detail::bit_of(g);
        report_layers(on, facts, out);
        // STS API reference, GetCallerIdentity: "No permissions are required to perform
        // this operation. If an administrator attaches a policy to your identity that
        // explicitly denies access to the sts:GetCallerIdentity action, you can still
        // perform this operation."
        const bool no_permission_needed = action == "sts:getcalleridentity";
        out.decision = no_permission_needed ? decision::allowed : detail::decide_groups(on, facts);
        if (no_permission_needed || out.decision == decision::implicit_deny) out.matched.clear();
        std::sort(out.matched.begin(), out.matched.end());
        if (!no_permission_needed) assess_missing(tally, facts, work, out);
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
    // Whether SCPs or RCPs were given, how many levels, and the level of each of the layer's policies.
    struct organizations_path {
        bool given = false;
        std::size_t levels = 0;
        std::vector<std::uint8_t> level_of;
    };

    static compiled_policies prepare(policy_set set) {
        compiled_policies out;
        const auto compile = [](std::vector<named_policy>& from) {
            std::vector<named_compiled_policy> to;
            to.reserve(from.size());
            for (named_policy& p : from)
                to.push_back({std::move(p.name), compiled_policy::make(std::move(p.document))});
            return to;
        };
        const auto compile_levels = [&](auto& from) {
            std::optional<std::vector<basic_organizations_level<named_compiled_policy>>> to;
            if (!from) return to;
            to.emplace();
            for (auto& level : *from) to->push_back({std::move(level.target), compile(level.policies)});
            return to;
        };
        out.identity = compile(set.identity);
        out.boundary = compile(set.boundary);
        out.session = compile(set.session);
        out.resource = compile(set.resource);
        out.endpoint = compile(set.endpoint);
        out.scps = compile_levels(set.scps);
        out.rcps = compile_levels(set.rcps);
        out.management_account = std::move(set.management_account);
        return out;
    }

    static compiled_policies with_identity(std::vector<named_compiled_policy> identity,
                                           std::vector<named_compiled_policy> boundary) {
        compiled_policies out;
        out.identity = std::move(identity);
        out.boundary = std::move(boundary);
        return out;
    }

    void add_organizations(policy_layer l,
                           std::optional<std::vector<basic_organizations_level<named_compiled_policy>>> levels) {
        if (!levels) return;
        too_deep_ = too_deep_ || levels->size() > detail::max_organizations_levels;
        organizations_path& path = paths_[l == policy_layer::scp ? 0 : 1];
        path.given = true;  // perhaps with no level (then nothing is allowed)
        path.levels = std::min(levels->size(), detail::max_organizations_levels);
        for (std::size_t i = 0; i < path.levels; ++i) {
            for (named_compiled_policy& p : (*levels)[i].policies) {
                layer(l).push_back(std::move(p));
                path.level_of.push_back(static_cast<std::uint8_t>(i));
            }
        }
    }

    // The policy types whose statements name principals (Principal/NotPrincipal).
    static constexpr bool names_principals(policy_layer l) noexcept {
        return l == policy_layer::resource || l == policy_layer::endpoint || l == policy_layer::rcp;
    }

    const organizations_path* organizations(policy_layer l) const noexcept {
        if (l == policy_layer::scp) return &paths_[0];
        if (l == policy_layer::rcp) return &paths_[1];
        return nullptr;
    }

    std::size_t level_of(const statement_ref& ref) const noexcept {
        const organizations_path* path = organizations(ref.layer);
        return path != nullptr ? path->level_of[ref.policy_index] : 0;
    }

    // What the request fixes before any statement is read, and the result's account and
    // resource facts.
    detail::decision_facts facts_for(const request& r, std::string_view action, const principal_identity& who,
                                     evaluation_result& out) const {
        const std::string_view service = action.substr(0, action.find(':'));
        const auto resource = parse_arn(r.resource);
        const bool aws_managed_policy = resource && detail::is_aws_managed_policy(*resource);
        const std::string_view caller = who.account.empty() ? detail::account_of(r.caller_arn) : who.account;
        // ResourceOwner names the owner "of any simulated resource that does not identify
        // its owner in the resource ARN" (SimulateCustomPolicy).
        std::string_view owner = resource ? resource->account : std::string_view{};
        if (owner.empty()) owner = detail::account_of(r.resource_owner);
        out.same_account = caller.empty() || owner.empty() || owner == caller || aws_managed_policy;
        const bool kms_key = service == "kms" && resource && resource->resource.starts_with("key/");
        const bool trust = detail::uses_trust_policy(action) && resource && resource->service == "iam" &&
                           resource->resource.starts_with("role/");
        out.needs_resource_policy = !out.same_account || kms_key || trust;
        out.not_grantable = resource ? detail::not_grantable(action, *resource) : std::string_view{};
        if (too_deep_) out.not_grantable = "more levels of Organizations policies than AWS allows";
        // STS: "Roles may not be assumed by root accounts" (the AssumeRole error AWS returns;
        // UG id_roles_use_switch-role-api: the root user cannot assume a role).
        if (who.kind == principal_kind::root && trust) out.not_grantable = "the root user cannot assume a role";

        detail::decision_facts f;
        f.has_boundary = has_boundary();
        f.has_session = !policies(policy_layer::session).empty();
        // UG reference_policies_evaluation-logic: "If there is no session policy, the code
        // checks whether the principal is a role session. If the principal is a role
        // session, then the request is Allowed. Otherwise, the request is implicitly denied."
        f.session_required = who.kind == principal_kind::federated_user;
        f.has_endpoint = !policies(policy_layer::endpoint).empty();
        const bool exempt = detail::is_service_linked_session(who);
        const bool iam_principal = who.kind == principal_kind::user || who.kind == principal_kind::role_session ||
                                   who.kind == principal_kind::federated_user || who.kind == principal_kind::root ||
                                   who.kind == principal_kind::unknown;
        const auto levels = [&](const organizations_path& path, std::string_view account) -> std::size_t {
            if (!path.given) return 0;
            if (path.levels == 0) return 1;  // no level: one that allows nothing
            // A path is taken to be the account's: only the management account is exempt.
            return account.empty() || account != management_account_ ? path.levels : 0;
        };
        f.scp_levels = iam_principal && !exempt ? levels(paths_[0], caller) : 0;
        f.rcp_levels = paths_[1].given && detail::covered_by_rcps(action) && !exempt ? levels(paths_[1], owner) : 0;
        f.identity_implied = who.kind == principal_kind::root;
        // Identity-based policies attach "to IAM identities (users, groups to which users
        // belong, or roles)" (UG access_policies): a service principal, an identity
        // provider or an anonymous caller has none, whatever the request's policies say.
        f.has_identity = iam_principal;
        f.same_account = out.same_account;
        f.resource_required = out.needs_resource_policy;
        f.direct_grant_limited = trust;
        f.blocked = !out.not_grantable.empty();
        return f;
    }

    // What each policy type that must allow said.
    void report_layers(detail::group_bits on, const detail::decision_facts& f, evaluation_result& out) const {
        const auto all_levels = [&](std::size_t first, std::size_t count) {
            for (std::size_t level = 0; level < count; ++level)
                if (!detail::in(on, first + level)) return false;
            return true;
        };
        out.has_boundary = f.has_boundary;
        out.allowed_by_boundary = !f.has_boundary || detail::in(on, detail::boundary_group);
        out.session = {f.has_session, !f.has_session || detail::in(on, detail::session_group)};
        out.endpoint = {f.has_endpoint, !f.has_endpoint || detail::in(on, detail::endpoint_group)};
        out.organizations = {f.scp_levels > 0, all_levels(detail::scp_group, f.scp_levels)};
        out.resource_control = {f.rcp_levels > 0, all_levels(detail::rcp_group, f.rcp_levels)};
        out.allowed_by_resource_policy =
            (on & (detail::bit_of(detail::resource_direct_group) | detail::bit_of(detail::resource_limited_group) |
                   detail::bit_of(detail::resource_account_group))) != 0;
    }

    // Fills each missing key's `could_become` and the result's, from what the
    // statements that reference it could do (see `evaluation_result::could_become`).
    static void assess_missing(const std::array<detail::group_tally, detail::group_count>& tally,
                               const detail::decision_facts& facts, const evaluation_workspace& work,
                               evaluation_result& out) {
        for (std::size_t i = 0; i < out.missing.size(); ++i) {
            missing_key& k = out.missing[i];
            const auto earlier = std::find_if(out.missing.begin(), out.missing.begin() + static_cast<std::ptrdiff_t>(i),
                                              [&](const missing_key& e) { return iequals(e.key, k.key); });
            if (earlier != out.missing.begin() + static_cast<std::ptrdiff_t>(i)) {
                k.could_become = earlier->could_become;
                continue;
            }
            detail::key_groups groups;
            for (std::size_t j = 0; j < out.missing.size(); ++j) {
                const missing_key& other = out.missing[j];
                if (!other.statement_could_flip || !iequals(other.key, k.key)) continue;
                (other.statement_applies ? groups.can_stop : groups.can_start) |=
                    detail::bit_of(work.missing_groups[j]);
            }
            k.could_become = detail::could_become(out.decision, tally, groups, facts);
            out.could_become.insert(k.could_become);
        }
    }

    std::vector<named_compiled_policy>& layer(policy_layer l) noexcept { return layers_[static_cast<std::size_t>(l)]; }
    const named_compiled_policy& entry(const statement_ref& ref) const noexcept {
        return policies(ref.layer)[ref.policy_index];
    }

    std::array<std::vector<named_compiled_policy>, policy_layer_count> layers_;
    std::array<organizations_path, 2> paths_;  // SCPs, RCPs
    bool too_deep_ = false;
    std::string management_account_;
    policy_index index_;  // views layers_'s policies
};

/// Evaluates `r` against `set` once (compiles it first; for many requests keep a
/// `compiled_policy_set`).
inline evaluation_result evaluate(const request& r, policy_set set) {
    return compiled_policy_set(std::move(set)).evaluate(r);
}

}  // namespace iam

#endif  // IAM_EVALUATE_HPP_INCLUDED
