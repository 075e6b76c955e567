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

namespace iam {

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

}  // namespace detail

}  // namespace iam

#endif  // IAM_REQUEST_HPP_INCLUDED
