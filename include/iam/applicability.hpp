// SPDX-License-Identifier: MIT
// iamcpp: whether one statement applies to a request — its action already matched (see
// policy_index.hpp), its Resource/NotResource and its conditions — and whether a key
// the request lacks could change that.
#ifndef IAM_APPLICABILITY_HPP_INCLUDED
#define IAM_APPLICABILITY_HPP_INCLUDED

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>

#include "condition.hpp"
#include "match.hpp"
#include "policy.hpp"
#include "policy_index.hpp"
#include "request.hpp"

namespace iam::detail {

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

// Whether `r` is on `*` for an action with resource types: it asks whether some
// resource is allowed (see `request::action_has_resource_types`).
inline bool asks_some_resource(const request& r) noexcept { return r.resource == "*" && r.action_has_resource_types; }

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

// Whether `pattern`, which holds a variable without a value, could name the
// resource once the variable has one (each segment holding it read as `*`); on a
// request for some resource, it could.
inline bool could_name(const compiled_statement& s, std::string_view pattern, const request& r,
                       const context_view& context, std::string& scratch) {
    return s.variables && has_variable(pattern) && !substitute_variables(pattern, context, true, scratch) &&
           (asks_some_resource(r) ||
            wildcard_match(unknown_segments(pattern, scratch), r.resource, wildcard_mode::arn));
}

// For a request asking whether some resource is allowed (the reference simulator;
// AWS is silent): an Allow applies unless it excludes every resource, a Deny only
// when it covers every resource. A pattern whose variable has no value is dropped
// (as above: in Resource it matches nothing, in NotResource it excludes nothing), so
// an Allow whose Resource patterns are all dropped grants nothing, and a Deny whose
// NotResource patterns are all dropped covers every resource; supplying the
// variables could change both.
inline resource_match match_some_resource(const compiled_statement& s, const context_view& context,
                                          std::string& scratch) {
    const resource_block& block = s.source->resource;
    const bool covers_all = std::find(block.values.begin(), block.values.end(), "*") != block.values.end();
    const bool all_dropped =
        !block.values.empty() && std::all_of(block.values.begin(), block.values.end(), [&](std::string_view p) {
            return s.variables && has_variable(p) && !substitute_variables(p, context, true, scratch);
        });
    if (block.negated) return s.deny ? resource_match{all_dropped, all_dropped} : resource_match{!covers_all, false};
    return s.deny ? resource_match{covers_all, false} : resource_match{!all_dropped, all_dropped};
}

// API Gateway's shorthand, in an API's resource policy, for that API's own ARN
// (`execute-api:/stage/GET/path`: API Gateway developer guide,
// apigateway-resource-policies-examples), as a pattern over any API's ARN.
inline std::string_view expand_api_shorthand(std::string_view pattern, std::string& out) {
    constexpr std::string_view shorthand = "execute-api:";
    out.assign("arn:*:execute-api:*:*:*").append(pattern.substr(shorthand.size()));
    return out;
}

// Whether the statement's Resource/NotResource names the request's resource. A
// pattern whose variable has no value matches nothing, so in NotResource it excludes
// nothing (UG reference_policies_variables): supplying the variable could change that
// when the pattern could then name the resource. For any action without resource
// types `*` is the resource itself.
inline resource_match match_resource(const compiled_statement& s, const request& r, const context_view& context,
                                     std::string& scratch) {
    const resource_block& block = s.source->resource;
    // A role trust policy has no Resource: its resource is the role it is attached to.
    if (block.values.empty() && !block.negated) return {true, false};
    if (asks_some_resource(r)) return match_some_resource(s, context, scratch);
    bool matched = false, unresolved = false;
    for (std::size_t i = 0; i < block.values.size() && !matched; ++i) {
        const std::string_view pattern = block.values[i];
        if (s.variables && has_variable(pattern)) {
            if (substitute_variables(pattern, context, true, scratch))
                matched = wildcard_match(scratch, r.resource, wildcard_mode::arn);
            else
                unresolved = unresolved || could_name(s, pattern, r, context, scratch);
        } else if (pattern.starts_with("execute-api:/")) {
            matched = wildcard_match(expand_api_shorthand(pattern, scratch), r.resource, wildcard_mode::arn);
        } else {
            matched = wildcard_match(pattern, r.resource, wildcard_mode::arn, s.resource_shapes[i]);
        }
    }
    return {matched != block.negated, !matched && unresolved};
}

// Whether statement `s`, whose Action/NotAction names the request's action, applies to
// `r`: its resource, then every condition, so that all its missing keys and unreadable
// values are found; and whether supplying the missing keys could change that. Calls
// `on_missing(key)` for each context key or policy variable it references that
// `context` lacks (a key may come more than once), and `on_unreadable(condition, value)`
// for each request value a condition could not read as its operator's type.
// `buffer` is reused for substituted policy variables.
// A key AWS puts in every request of this caller whose value we cannot know: a role
// session's `aws:PrincipalArn` when the caller is named by its sts ARN, which lacks the
// role's path. A condition on it fails closed (holds in a Deny, fails in an Allow).
inline bool unknowable(std::string_view key, bool principal_arn_unknown) noexcept {
    return principal_arn_unknown && iequals(key, "aws:PrincipalArn");
}

template <typename OnMissing, typename OnUnreadable>
statement_check check_statement(const compiled_statement& s, const request& r, const context_view& context,
                                std::string& buffer, bool principal_arn_unknown, OnMissing&& on_missing,
                                OnUnreadable&& on_unreadable) {
    const resource_match resource = match_resource(s, r, context, buffer);
    if (!resource.applies && !resource.could_flip) return {};
    if (resource.could_flip) {
        for (const std::string_view pattern : s.source->resource.values)
            if (could_name(s, pattern, r, context, buffer)) for_each_unresolved_variable(pattern, context, on_missing);
    }
    bool blocked = !resource.applies;
    bool every_block_missing = true;                                   // each failed part references a missing key
    bool passes_on_missing = resource.applies && resource.could_flip;  // a passed part references a missing key
    for (const condition& c : s.source->conditions) {
        const condition_outcome o = evaluate_condition(c, context, s.variables, buffer);
        bool references_missing = o.key_missing;
        if (o.key_missing) on_missing(std::string_view(c.key));
        if (s.condition_variables && accepts_policy_variables(c.op))
            for (const std::string_view v : c.values)
                for_each_unresolved_variable(v, context, [&](std::string_view key) {
                    references_missing = true;
                    on_missing(key);
                });
        if (o.unreadable_value)
            for (const std::string& value : o.entry->values)
                if (request_value_unreadable(c.op, value)) on_unreadable(c, value);
        const bool holds =
            o.key_missing && unknowable(c.key, principal_arn_unknown) ? s.deny : o.holds_in(s.source->effect);
        if (!holds) {
            blocked = true;
            every_block_missing = every_block_missing && references_missing;
        } else {
            passes_on_missing = passes_on_missing || references_missing;
        }
    }
    return {true, !blocked, blocked ? every_block_missing : passes_on_missing};
}

}  // namespace iam::detail

#endif  // IAM_APPLICABILITY_HPP_INCLUDED
