// SPDX-License-Identifier: MIT
// iamcpp: who makes a request (read from the caller's text), and how a policy's
// Principal or NotPrincipal element names that caller.
#ifndef IAM_PRINCIPAL_HPP_INCLUDED
#define IAM_PRINCIPAL_HPP_INCLUDED

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "arn.hpp"
#include "names.hpp"
#include "policy.hpp"

namespace iam {

/// The kinds of caller `identify_principal` tells apart.
enum class principal_kind : std::uint8_t {
    unknown,            ///< not a caller we understand: matched by `*` only
    user,               ///< an IAM user
    role_session,       ///< a session of an IAM role (named by the role's ARN or the session's)
    federated_user,     ///< an AWS STS federated user session (`GetFederationToken`)
    root,               ///< the account's root user
    service,            ///< an AWS service principal
    identity_provider,  ///< a SAML or OIDC provider asking to assume a role
    anonymous,          ///< an unauthenticated caller
};

/// Who makes a request, read from the caller's text: views of that text (and of the
/// session name), which must outlive it.
struct principal_identity {
    principal_kind kind = principal_kind::unknown;
    std::string_view partition{};  ///< empty for service, anonymous and unknown callers
    std::string_view account{};    ///< likewise
    std::string_view arn{};        ///< the caller's ARN as given (empty for service, anonymous and unknown)
    std::string_view name{};       ///< the user's, role's or federated user's name
    std::string_view session{};    ///< a role session's name, when known
    std::string_view role_arn{};   ///< the role's IAM ARN when the caller was named by it (an sts ARN lacks its path)
    std::string_view service{};    ///< a service principal's name; an identity provider's host or ARN
    friend constexpr bool operator==(const principal_identity&, const principal_identity&) = default;
};

namespace detail {

// `[\w+=,.@-]` between `min` and `max` characters: the rule of STS's RoleSessionName
// (2-64) and GetFederationToken's Name (2-32).
constexpr bool is_sts_name(std::string_view s, std::size_t min, std::size_t max) noexcept {
    return s.size() >= min && s.size() <= max && all_in(s, entity_name_chars);
}

// The web identity providers a trust policy names by host (UG
// reference_policies_elements_principal, "Web identity session principals").
constexpr bool is_web_identity_host(std::string_view s) noexcept {
    for (const std::string_view host :
         {"cognito-identity.amazonaws.com", "www.amazon.com", "graph.facebook.com", "accounts.google.com"})
        if (s == host) return true;
    return false;
}

// `NAME.amazonaws.com` (or `.amazonaws.com.cn`): dot-separated labels of lowercase
// letters, digits and `-` (UG reference_policies_elements_principal, "AWS service principals").
constexpr bool is_service_principal_name(std::string_view s) noexcept {
    for (const std::string_view suffix : {".amazonaws.com", ".amazonaws.com.cn"}) {
        if (!s.ends_with(suffix)) continue;
        const std::string_view labels = s.substr(0, s.size() - suffix.size());
        if (labels.empty() || labels.front() == '.' || labels.back() == '.' ||
            labels.find("..") != std::string_view::npos)
            return false;
        for (const char c : labels)
            if (!((c >= 'a' && c <= 'z') || is_digit(c) || c == '-' || c == '.')) return false;
        return true;
    }
    return false;
}

// The path and name of `TYPE/PATH/NAME` (an IAM user's or role's resource), when the
// resource starts with `type` + `/` and both are valid (the name by `valid_name`).
struct entity_parts {
    std::string_view path;
    std::string_view name;
};
constexpr bool split_entity(std::string_view resource, std::string_view type, entity_parts& out,
                            bool (*valid_name)(std::string_view) noexcept) noexcept {
    if (!resource.starts_with(type) || resource.size() == type.size() || resource[type.size()] != '/') return false;
    const std::string_view rest = resource.substr(type.size());  // from the slash after TYPE
    const std::size_t last = rest.rfind('/');
    out = {rest.substr(0, last + 1), rest.substr(last + 1)};
    return is_valid_path(out.path) && valid_name(out.name);
}

// What follows `prefix` in `s`; empty when `s` does not start with it.
constexpr std::string_view after(std::string_view s, std::string_view prefix) noexcept {
    return s.starts_with(prefix) ? s.substr(prefix.size()) : std::string_view{};
}

// ROLE and SESSION of `assumed-role/ROLE/SESSION`, when both are valid.
constexpr bool split_session(std::string_view resource, std::string_view& role, std::string_view& session) noexcept {
    const std::string_view rest = after(resource, "assumed-role/");
    const std::size_t slash = rest.find('/');
    if (slash == std::string_view::npos) return false;
    role = rest.substr(0, slash);
    session = rest.substr(slash + 1);
    return is_valid_role_name(role) && is_sts_name(session, 2, 64);
}

// Reads an `arn:...` caller into `who` (kind unknown when it is none we know).
constexpr void identify_arn(std::string_view caller, std::string_view session_name, principal_identity& who) noexcept {
    const auto parsed = parse_arn(caller);
    if (!parsed || !is_valid_account_id(parsed->account) || !parsed->region.empty()) return;
    const std::string_view resource = parsed->resource;
    entity_parts entity;
    std::string_view role, session;
    if (parsed->service == "iam") {
        if (resource == "root") {
            who.kind = principal_kind::root;
        } else if (split_entity(resource, "user", entity, is_valid_user_name)) {
            who.kind = principal_kind::user;
            who.name = entity.name;
        } else if (split_entity(resource, "role", entity, is_valid_role_name)) {
            if (!session_name.empty() && !is_sts_name(session_name, 2, 64)) return;
            who.kind = principal_kind::role_session;
            who.name = entity.name;
            who.session = session_name;
            who.role_arn = caller;
        } else if (!after(resource, "saml-provider/").empty() || !after(resource, "oidc-provider/").empty()) {
            who.kind = principal_kind::identity_provider;
            who.service = caller;
        }
    } else if (parsed->service == "sts") {
        if (split_session(resource, role, session)) {
            if (!session_name.empty() && session_name != session) return;  // two different sessions
            who.kind = principal_kind::role_session;
            who.name = role;
            who.session = session;
        } else if (is_sts_name(after(resource, "federated-user/"), 2, 32)) {
            who.kind = principal_kind::federated_user;
            who.name = after(resource, "federated-user/");
        }
    }
    if (who.kind == principal_kind::unknown) return;
    who.partition = parsed->partition;
    who.account = parsed->account;
    who.arn = caller;
}

}  // namespace detail

/// Reads who the caller is from its text:
/// - `arn:P:iam::A:user/PATH/NAME`: an IAM user;
/// - `arn:P:iam::A:role/PATH/NAME`: a session of that role, named `session_name` when
///   that is given (`request::caller_session_name`);
/// - `arn:P:sts::A:assumed-role/ROLE/SESSION`: a role session (its role's path unknown);
///   a different non-empty `session_name` makes the caller unknown;
/// - `arn:P:sts::A:federated-user/NAME`: a federated user; `arn:P:iam::A:root`: the root user;
/// - `NAME.amazonaws.com` (or `.amazonaws.com.cn`): a service principal;
/// - `arn:P:iam::A:saml-provider/NAME`, `arn:P:iam::A:oidc-provider/HOST...`, or the web
///   identity hosts `cognito-identity.amazonaws.com`, `www.amazon.com`,
///   `graph.facebook.com` and `accounts.google.com`: an identity provider;
/// - `*` or `anonymous`: an anonymous caller.
/// Anything else, including names and session names that break IAM's and STS's rules,
/// is `unknown` (every other field empty).
///
/// **Example**:
///     static_assert(iam::identify_principal("arn:aws:sts::123456789012:assumed-role/app/s1").name == "app");
constexpr principal_identity identify_principal(std::string_view caller, std::string_view session_name = {}) noexcept {
    principal_identity who;
    if (caller.starts_with("arn:")) {
        detail::identify_arn(caller, session_name, who);
    } else if (caller == "*" || caller == "anonymous") {
        who.kind = principal_kind::anonymous;
    } else if (detail::is_web_identity_host(caller)) {
        who.kind = principal_kind::identity_provider;
        who.service = caller;
    } else if (detail::is_service_principal_name(caller)) {
        who.kind = principal_kind::service;
        who.service = caller;
    }
    return who;
}

/// How a Principal element names a caller, weakest first: `match_principal` gives the
/// strongest way any of its values does.
enum class principal_match : std::uint8_t {
    none,            ///< it does not name the caller
    everyone,        ///< `"Principal": "*"` or `{"AWS": "*"}`
    account,         ///< the caller's account: its 12-digit id or `arn:P:iam::A:root`
    role,            ///< the IAM role of which the caller is a session
    identity,        ///< the caller's own user, session or federated user ARN
    service,         ///< `Service`: the calling service principal
    provider,        ///< `Federated`: the calling identity provider
    canonical_user,  ///< `CanonicalUser`: never yet (no request names one)
};

namespace detail {

// How one `"AWS"` value names `who`. Values are compared exactly: "You cannot use a
// wildcard to match part of a principal name or ARN" (UG reference_policies_elements_principal).
constexpr principal_match match_aws_value(std::string_view value, const principal_identity& who) noexcept {
    if (value == "*") return principal_match::everyone;
    const bool aws_principal = who.kind == principal_kind::user || who.kind == principal_kind::role_session ||
                               who.kind == principal_kind::federated_user || who.kind == principal_kind::root;
    if (!aws_principal || value.find('*') != std::string_view::npos) return principal_match::none;
    if (is_valid_account_id(value)) return value == who.account ? principal_match::account : principal_match::none;
    const auto parsed = parse_arn(value);
    if (!parsed || parsed->partition != who.partition || parsed->account != who.account || !parsed->region.empty())
        return principal_match::none;
    const std::string_view resource = parsed->resource;
    if (parsed->service == "iam" && resource == "root") return principal_match::account;
    if (who.kind != principal_kind::role_session)
        return value == who.arn ? principal_match::identity : principal_match::none;
    entity_parts role;
    std::string_view role_name, session;
    if (parsed->service == "iam" && split_entity(resource, "role", role, is_valid_role_name)) {
        // A role's name is unique in its account whatever its path: when the caller is
        // named by its session's ARN (no path), the name decides.
        const bool same_role = who.role_arn.empty() ? role.name == who.name : value == who.role_arn;
        return same_role ? principal_match::role : principal_match::none;
    }
    if (parsed->service == "sts" && split_session(resource, role_name, session))
        return role_name == who.name && session == who.session ? principal_match::identity : principal_match::none;
    return principal_match::none;
}

// How one value of an entry of type `type` names `who`.
constexpr principal_match match_value(principal_type type, std::string_view value,
                                      const principal_identity& who) noexcept {
    switch (type) {
        case principal_type::aws: return match_aws_value(value, who);
        case principal_type::service:
            return who.kind == principal_kind::service && value == who.service ? principal_match::service
                                                                               : principal_match::none;
        case principal_type::federated:
            return who.kind == principal_kind::identity_provider && value == who.service ? principal_match::provider
                                                                                         : principal_match::none;
        case principal_type::canonical_user: return principal_match::none;
    }
    return principal_match::none;
}

// `m`'s bit in a set of `principal_match`es.
constexpr unsigned bit(principal_match m) noexcept { return 1U << static_cast<unsigned>(m); }

// The set of the ways in which `p`'s values name `who`.
inline unsigned principal_matches(const principal_block& p, const principal_identity& who) noexcept {
    unsigned found = p.everyone ? bit(principal_match::everyone) : 0U;
    for (const principal_entry& entry : p.entries)
        for (const std::string_view value : entry.values) found |= bit(match_value(entry.type, value, who));
    return found & ~bit(principal_match::none);
}

}  // namespace detail

/// The strongest way the Principal element `p` (read as not negated) names the caller
/// `who`, `none` when it does not. A role's ARN names each of its sessions (`role`); an
/// account's id and its root ARN both name every principal of the account, the root user
/// included ("The account ARN and the shortened account ID behave the same way. Both
/// delegate permissions to the account.", UG reference_policies_elements_principal);
/// `*` names every caller, unknown ones included.
inline principal_match match_principal(const principal_block& p, const principal_identity& who) noexcept {
    const unsigned found = detail::principal_matches(p, who);
    principal_match best = principal_match::none;
    for (unsigned m = 0; (found >> m) != 0; ++m)
        if ((found >> m) & 1U) best = static_cast<principal_match>(m);
    return best;
}

/// Whether the NotPrincipal element `p` excludes the caller `who` (the statement then
/// does not apply to it). AWS may check a caller as each principal it acts through:
/// "AWS might validate the account first, then the role, and then the assumed-role user"
/// (UG reference_policies_elements_notprincipal). So a caller is excluded only when all of
/// them are listed: a user's ARN and its account; a role session's ARN, its role's ARN and
/// its account; a federated user's ARN and its account; the root user's account; a
/// service's or identity provider's own name; or `*` (every caller). Anything less leaves
/// the caller in the statement (a Deny still applies: fail closed). An unknown caller is
/// never excluded.
inline bool excluded_by_not_principal(const principal_block& p, const principal_identity& who) noexcept {
    using detail::bit;
    if (who.kind == principal_kind::unknown) return false;
    const unsigned found = detail::principal_matches(p, who);
    if ((found & bit(principal_match::everyone)) != 0) return true;
    unsigned needed = 0;
    switch (who.kind) {
        case principal_kind::user:
        case principal_kind::federated_user:
            needed = bit(principal_match::account) | bit(principal_match::identity);
            break;
        case principal_kind::role_session:
            needed = bit(principal_match::account) | bit(principal_match::role) | bit(principal_match::identity);
            break;
        case principal_kind::root: needed = bit(principal_match::account); break;
        case principal_kind::service: needed = bit(principal_match::service); break;
        case principal_kind::identity_provider: needed = bit(principal_match::provider); break;
        case principal_kind::anonymous:
        case principal_kind::unknown: return false;
    }
    return (found & needed) == needed;
}

}  // namespace iam

#endif  // IAM_PRINCIPAL_HPP_INCLUDED
