// SPDX-License-Identifier: MIT
// iamcpp: the decision for one request by an IAM user in its own account, from the
// user's identity-based policies and permissions boundary
// (UG reference_policies_evaluation-logic, access_policies_boundaries).
#ifndef IAM_EVALUATE_HPP_INCLUDED
#define IAM_EVALUATE_HPP_INCLUDED

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "arn.hpp"
#include "condition.hpp"
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

/// One request: who asks to do what on which resource, with what context.
struct request {
    std::string action;           ///< `service:Action`
    std::string resource = "*";   ///< a resource ARN; `*` asks about any resource (see `resource_applies`)
    std::string caller_arn;       ///< the IAM user's ARN; empty when unknown
    std::string resource_owner;   ///< the owning account (12 digits or an ARN); empty: the resource ARN's, else the caller's
    std::vector<context_entry> context;
};

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
    friend constexpr auto operator<=>(const statement_ref&, const statement_ref&) = default;
};

/// A condition key the request lacked, met while evaluating a statement: the
/// statement and the index of the condition there (`compiled_policy_set::condition_of`
/// gives its key), so a result holds no text and evaluation allocates none.
struct missing_key {
    statement_ref in;
    std::uint32_t condition = 0;
    friend constexpr bool operator==(const missing_key&, const missing_key&) = default;
};

/// The decision with its reasons: the statements that decided it (the applicable
/// denies for `explicit_deny`; otherwise the identity allows, and the boundary allows
/// when a boundary is set), what the boundary said, and what could not be read.
struct evaluation_result {
    iam::decision decision = decision::implicit_deny;
    std::vector<statement_ref> matched;
    bool has_boundary = false;
    bool allowed_by_boundary = true;   ///< true when there is no boundary
    bool same_account = true;          ///< false: the resource belongs to another account
    /// Identity policies alone cannot allow this resource, and resource policies are
    /// not modelled: a resource of another account (UG reference_policies_evaluation-logic
    /// cross-account), or a KMS key asked for a `kms:` action, whose key policy must allow (KMS developer guide,
    /// "Key policies": "IAM policies by themselves are not sufficient").
    bool needs_resource_policy = false;
    std::vector<missing_key> missing;  ///< condition keys absent from the request, per statement that referenced them
    bool unreadable_context = false;   ///< a context value did not parse for its operator (that comparison failed)
    std::string scratch;               ///< a buffer evaluation reuses for policy variables; no meaning
};

namespace detail {

// The account id of an ARN, or the text itself when it is already an account id.
inline std::string_view account_of(std::string_view arn_or_account) noexcept {
    if (is_valid_account_id(arn_or_account)) return arn_or_account;
    const auto parsed = parse_arn(arn_or_account);
    return parsed ? parsed->account : std::string_view{};
}

// A KMS key ARN: `arn:PARTITION:kms:REGION:ACCOUNT:key/...`.
inline bool is_kms_key(std::string_view resource) noexcept {
    const auto parsed = parse_arn(resource);
    return parsed && parsed->service == "kms" && parsed->resource.starts_with("key/");
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
            const std::size_t type_end = segment == 5 && service != "s3" ? part.find_first_of("/:") : std::string_view::npos;
            if (type_end != std::string_view::npos && !has_variable(part.substr(0, type_end))) out.append(part.substr(0, type_end + 1));
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

struct compiled_statement {
    const statement* source = nullptr;
    std::uint32_t statement_index = 0;
    bool deny = false;
    bool variables = false;                 // Version 2012-10-17: `${...}` is substituted
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
            for (const std::string_view pattern : source.resource.values) c.resource_shapes.push_back(classify_wildcard(pattern));
            statements_.push_back(std::move(c));
            if (any_service) any_service_.push_back(index);
            else by_service_.insert(by_service_.end(), std::make_move_iterator(runs.begin()), std::make_move_iterator(runs.end()));
            runs.clear();
        }
    }

    iam::policy document_;
    std::vector<detail::compiled_statement> statements_;
    std::vector<std::uint32_t> any_service_;     // NotAction, `*`, wildcard services: always checked
    std::vector<detail::service_run> by_service_;  // each statement's patterns per service
};

/// A shared, prepared policy.
using compiled_policy_ptr = std::shared_ptr<const compiled_policy>;

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
        for (named_policy& p : set.identity) identity_.push_back({std::move(p.name), compiled_policy::make(std::move(p.document))});
        for (named_policy& p : set.boundary) boundary_.push_back({std::move(p.name), compiled_policy::make(std::move(p.document))});
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

    /// The condition a missing key was met in; its `key` names the key.
    const condition& condition_of(const missing_key& k) const noexcept { return statement_of(k.in).conditions[k.condition]; }

    /// The statement a reference names.
    const statement& statement_of(const statement_ref& ref) const noexcept {
        return entry(ref).policy->document().statements[ref.statement_index];
    }

    evaluation_result evaluate(const request& r) const {
        evaluation_result out;
        evaluate_into(r, out);
        return out;
    }

    /// Like `evaluate`, reusing `out`'s storage.
    void evaluate_into(const request& r, evaluation_result& out) const {
        out.matched.clear();
        out.missing.clear();
        out.unreadable_context = false;
        out.has_boundary = !boundary_.empty();

        std::array<char, 256> buffer{};
        std::string long_action;
        const std::string_view action = lower_action(r.action, buffer, long_action);
        const std::string_view service = action.substr(0, action.find(':'));

        bool deny = false, identity_allow = false, boundary_allow = false;
        for_each_naming(action, [&](const statement_ref& ref, const detail::compiled_statement& s) {
            if (!applies(s, ref, r, out)) return;
            if (s.deny) {
                if (!deny) out.matched.clear();  // denies alone explain an explicit deny
                deny = true;
                out.matched.push_back(ref);
                return;
            }
            (ref.in_boundary ? boundary_allow : identity_allow) = true;
            if (!deny) out.matched.push_back(ref);
        });
        const std::string_view caller = detail::account_of(r.caller_arn);
        std::string_view owner = detail::account_of(r.resource_owner);
        if (owner.empty()) owner = detail::account_of(r.resource);
        out.same_account = caller.empty() || owner.empty() || owner == caller;
        out.needs_resource_policy = !out.same_account || (service == "kms" && detail::is_kms_key(r.resource));
        out.allowed_by_boundary = !out.has_boundary || boundary_allow;
        if (action == "sts:getcalleridentity") {
            // STS API reference, GetCallerIdentity: "No permissions are required to perform
            // this operation. If an administrator attaches a policy to your identity that
            // explicitly denies access to the sts:GetCallerIdentity action, you can still
            // perform this operation."
            out.decision = decision::allowed;
            out.matched.clear();
        } else if (deny) {
            out.decision = decision::explicit_deny;
        } else if (identity_allow && out.allowed_by_boundary && !out.needs_resource_policy) {
            out.decision = decision::allowed;
        } else {
            out.decision = decision::implicit_deny;
            out.matched.clear();
        }
        std::sort(out.matched.begin(), out.matched.end());
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
        const auto entry = std::lower_bound(by_service_.begin(), by_service_.end(), service,
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

    // Whether a statement whose action matched applies: its resources and conditions.
    static bool applies(const detail::compiled_statement& s, const statement_ref& ref, const request& r,
                        evaluation_result& out) {
        if (!resource_applies(s, r, out.scratch)) return false;
        for (std::size_t i = 0; i < s.source->conditions.size(); ++i) {
            const condition_outcome o = evaluate_condition(s.source->conditions[i], r.context, s.variables, out.scratch);
            if (o.key_missing) out.missing.push_back({ref, static_cast<std::uint32_t>(i)});
            out.unreadable_context = out.unreadable_context || o.unreadable_value;
            if (!o.satisfied) return false;
        }
        return true;
    }

    static bool resource_applies(const detail::compiled_statement& s, const request& r, std::string& scratch) {
        const resource_block& block = s.source->resource;
        if (r.resource == "*") {
            // "Any resource" asks whether some resource is allowed (the reference
            // simulator; AWS is silent): an Allow applies unless it excludes every
            // resource, a Deny only when it covers every resource.
            const bool covers_all = std::find(block.values.begin(), block.values.end(), "*") != block.values.end();
            return s.deny ? covers_all && !block.negated : !(covers_all && block.negated);
        }
        // A pattern whose variable has no value matches nothing in Resource; in
        // NotResource it counts as matching when it could have matched (a segment
        // without the variable may already rule the resource out): either way an
        // unresolved variable never makes the statement apply (UG
        // reference_policies_variables: it "might cause the entire statement to be invalid").
        bool matched = false;
        for (std::size_t i = 0; i < block.values.size(); ++i) {
            const std::string_view pattern = block.values[i];
            if (s.variables && has_variable(pattern)) {
                if (!substitute_variables(pattern, r.context, true, scratch)) {
                    if (block.negated && wildcard_match(detail::unknown_segments(pattern, scratch), r.resource, wildcard_mode::arn))
                        return false;
                    continue;
                }
                if (wildcard_match(scratch, r.resource, wildcard_mode::arn)) {
                    matched = true;
                    break;
                }
            } else if (wildcard_match(pattern, r.resource, wildcard_mode::arn, s.resource_shapes[i])) {
                matched = true;
                break;
            }
        }
        return matched != block.negated;
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
                    runs.push_back({run.service, {&policy.statements_[run.statement], policy_index, in_boundary, run.first, run.last}});
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
