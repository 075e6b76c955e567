// SPDX-License-Identifier: MIT
// iamcpp: one request to evaluate (who asks to do what on which resource, in what
// context) and the global condition keys its caller gives it.
#ifndef IAM_REQUEST_HPP_INCLUDED
#define IAM_REQUEST_HPP_INCLUDED

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "arn.hpp"
#include "condition.hpp"
#include "entities.hpp"
#include "names.hpp"
#include "principal.hpp"

namespace iam {

/// One request: who asks to do what on which resource, with what context.
struct request {
    std::string action;          ///< `service:Action`
    std::string resource = "*";  ///< a resource ARN, or `*` (see `action_has_resource_types`)
    /// The caller: any text `identify_principal` reads (a user's, role's, session's,
    /// federated user's or root ARN, a service principal, ...); empty when unknown. It
    /// gives the principal keys (`principal_context`).
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

// `aws:PrincipalType` for the callers of an account; empty for the others.
constexpr std::string_view principal_type_value(principal_kind kind) noexcept {
    switch (kind) {
        case principal_kind::user: return "User";
        case principal_kind::role_session: return "AssumedRole";
        case principal_kind::federated_user: return "FederatedUser";
        case principal_kind::root: return "Account";
        default: return {};
    }
}

}  // namespace detail

/// Writes to `out` the global condition keys AWS puts in the request context of the
/// caller `identify_principal(r.caller_arn, r.caller_session_name)` (UG
/// reference_policies_condition-keys, "Properties of the principal":
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html,
/// with the values of UG reference_policies_variables, "Principal key values"), each
/// unless `r.context` supplies it:
/// - an IAM user: `aws:username` (its name), `aws:userid` (`r.caller_user_id`, only when
///   given: never guessed), `aws:PrincipalArn` (its ARN), `aws:PrincipalType` `User`;
/// - a role session: `aws:userid` `ROLEID:SESSION` (only when the role's unique id,
///   `r.caller_user_id`, and the session's name are both known), `aws:PrincipalArn` the
///   role's ARN (only when the caller is named by it, `request::set_role_caller`: a
///   session's ARN lacks the role's path, so evaluation fails closed on conditions on
///   the key, see `detail::unknowable`), `aws:PrincipalType` `AssumedRole`; no `aws:username`;
/// - a federated user: `aws:userid` `ACCOUNT:NAME`, `aws:PrincipalArn` its sts ARN,
///   `aws:PrincipalType` `FederatedUser`;
/// - the root user: `aws:userid` the account id, `aws:PrincipalArn` `arn:P:iam::A:root`,
///   `aws:PrincipalType` `Account`;
/// - for these four: `aws:PrincipalAccount`, `aws:PrincipalIsAWSService` `false` and
///   `aws:PrincipalTag/KEY` for each of `r.caller_tags`;
/// - a service principal: `aws:PrincipalIsAWSService` `true` and `aws:PrincipalServiceName`;
/// - an anonymous caller: `aws:PrincipalType` `Anonymous` and `aws:PrincipalAccount`
///   `anonymous`;
/// - nothing for identity providers and unknown callers.
/// Reuses `out`'s storage. `is_principal_key` tells the keys it can derive.
inline void principal_context(const request& r, std::vector<context_entry>& out);

/// `principal_context` for a caller identified already (`who` is
/// `identify_principal(r.caller_arn, r.caller_session_name)`).
inline void principal_context(const request& r, const principal_identity& who, std::vector<context_entry>& out) {
    std::size_t n = 0;
    const auto add = [&](std::string_view key, std::string_view key_suffix,
                         std::initializer_list<std::string_view> value, context_type type = context_type::string) {
        if (n == out.size()) out.emplace_back();
        context_entry& entry = out[n];
        entry.key.assign(key).append(key_suffix);
        if (find_context(r.context, entry.key) != nullptr) return;  // supplied entries win
        entry.values.resize(1);
        entry.values[0].clear();
        for (const std::string_view part : value) entry.values[0].append(part);
        entry.type = type;
        ++n;
    };
    switch (who.kind) {
        case principal_kind::user:
            add("aws:username", "", {who.name});
            if (!r.caller_user_id.empty()) add("aws:userid", "", {r.caller_user_id});
            add("aws:PrincipalArn", "", {who.arn});
            break;
        case principal_kind::role_session:
            if (!r.caller_user_id.empty() && !who.session.empty())
                add("aws:userid", "", {r.caller_user_id, ":", who.session});
            if (!who.role_arn.empty()) add("aws:PrincipalArn", "", {who.role_arn});
            break;
        case principal_kind::federated_user:
            add("aws:userid", "", {who.account, ":", who.name});
            add("aws:PrincipalArn", "", {who.arn});
            break;
        case principal_kind::root:
            add("aws:userid", "", {who.account});
            add("aws:PrincipalArn", "", {who.arn});
            break;
        case principal_kind::service:
            add("aws:PrincipalIsAWSService", "", {"true"}, context_type::boolean);
            add("aws:PrincipalServiceName", "", {who.service});
            break;
        case principal_kind::anonymous:
            add("aws:PrincipalAccount", "", {"anonymous"});
            add("aws:PrincipalType", "", {"Anonymous"});
            break;
        case principal_kind::identity_provider:
        case principal_kind::unknown: break;
    }
    if (const std::string_view type = detail::principal_type_value(who.kind); !type.empty()) {
        add("aws:PrincipalAccount", "", {who.account});
        add("aws:PrincipalType", "", {type});
        add("aws:PrincipalIsAWSService", "", {"false"}, context_type::boolean);
        for (const tag& t : r.caller_tags) add("aws:PrincipalTag/", t.key, {t.value});
    }
    out.resize(n);
}

inline void principal_context(const request& r, std::vector<context_entry>& out) {
    principal_context(r, identify_principal(r.caller_arn, r.caller_session_name), out);
}

/// True for the keys `principal_context` derives (ignoring case).
constexpr bool is_principal_key(std::string_view key) noexcept {
    constexpr std::string_view tag_prefix = "aws:PrincipalTag/";
    for (const std::string_view derived :
         {"aws:username", "aws:userid", "aws:PrincipalArn", "aws:PrincipalAccount", "aws:PrincipalType",
          "aws:PrincipalIsAWSService", "aws:PrincipalServiceName"})
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

}  // namespace detail

}  // namespace iam

#endif  // IAM_REQUEST_HPP_INCLUDED
