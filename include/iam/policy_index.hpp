// SPDX-License-Identifier: MIT
// iamcpp: policies prepared for evaluation, and the index that finds the statements
// that may apply to an action (those whose Action/NotAction names it).
#ifndef IAM_POLICY_INDEX_HPP_INCLUDED
#define IAM_POLICY_INDEX_HPP_INCLUDED

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "condition.hpp"
#include "match.hpp"
#include "names.hpp"
#include "policy.hpp"
#include "request.hpp"

namespace iam {

/// The policy types of AWS's evaluation logic, as a request meets them
/// (UG reference_policies_evaluation-logic).
enum class policy_layer : std::uint8_t {
    identity,  ///< the principal's identity-based policies (a user's include its groups')
    boundary,  ///< its permissions boundary
    session,   ///< the session policies passed when its session was created
    resource,  ///< the resource's resource-based policy (a bucket, key or role trust policy)
    endpoint,  ///< the VPC endpoint policies the request passes through
    scp,       ///< service control policies of the principal's account, root first
    rcp,       ///< resource control policies of the resource's account, root first
};
/// How many `policy_layer`s there are.
inline constexpr std::size_t policy_layer_count = 7;

/// AWS's name for a policy type in simulation output (`SourcePolicyType`): the two it
/// prints for `simulate-custom-policy` (`IAM Policy`, `PermissionsBoundaryPolicy`),
/// `resource` as its SourcePolicyType enumeration spells it, and ours in the same style.
constexpr std::string_view to_string(policy_layer layer) noexcept {
    switch (layer) {
        case policy_layer::identity: return "IAM Policy";
        case policy_layer::boundary: return "PermissionsBoundaryPolicy";
        case policy_layer::session: return "SessionPolicy";
        case policy_layer::resource: return "resource";
        case policy_layer::endpoint: return "VpcEndpointPolicy";
        case policy_layer::scp: return "ServiceControlPolicy";
        case policy_layer::rcp: return "ResourceControlPolicy";
    }
    return "IAM Policy";
}

/// A statement that decided: which policy (numbered from 0 within its layer, in
/// `policy_set` order, Organizations levels one after another), which statement.
struct statement_ref {
    std::uint32_t policy_index = 0;
    std::uint32_t statement_index = 0;
    policy_layer layer = policy_layer::identity;
    friend constexpr bool operator==(const statement_ref&, const statement_ref&) = default;
    // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 misreads a defaulted <=>
    friend constexpr auto operator<=>(const statement_ref&, const statement_ref&) = default;
};

class compiled_policy;
/// A shared, prepared policy.
using compiled_policy_ptr = std::shared_ptr<const compiled_policy>;

namespace detail {

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
    bool variables = false;                      // Version 2012-10-17: `${...}` is substituted
    bool condition_variables = false;            // and a condition value holds one
    bool principal_keys = false;                 // a condition key or variable is one `principal_context` derives
    const principal_block* principal = nullptr;  // Principal/NotPrincipal, if the statement has one
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
    friend class policy_index;

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
            if (source.principal) c.principal = &*source.principal;
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

/// An action name in lower case, as `policy_index` reads it; on the stack unless it is
/// longer than any real action.
class lower_case_action {
public:
    explicit lower_case_action(std::string_view action) : size_(action.size()) {
        char* out = buffer_.data();
        if (action.size() > buffer_.size()) {
            spill_.assign(action);
            out = spill_.data();
        }
        for (std::size_t i = 0; i < action.size(); ++i) out[i] = ascii_lower(action[i]);
    }
    lower_case_action(const lower_case_action&) = delete;
    lower_case_action& operator=(const lower_case_action&) = delete;

    std::string_view view() const noexcept { return {spill_.empty() ? buffer_.data() : spill_.data(), size_}; }

private:
    std::array<char, 256> buffer_{};
    std::string spill_;
    std::size_t size_;
};

/// Which statements of a user's policies may apply to an action: one index over every
/// policy, so that a request reads one service's entry and the statements that may
/// name any service. It views the policies it was built from: keep them alive (a
/// `compiled_policy_set` does).
class policy_index {
public:
    policy_index() = default;

    /// Indexes the policies of every layer (statement references number each layer's from 0).
    explicit policy_index(const std::array<std::vector<named_compiled_policy>, policy_layer_count>& layers) {
        std::vector<std::pair<std::string_view, candidate>> runs;
        for (std::size_t l = 0; l < layers.size(); ++l) {
            const auto layer = static_cast<policy_layer>(l);
            for (std::size_t p = 0; p < layers[l].size(); ++p) {
                const compiled_policy& policy = *layers[l][p].policy;
                const auto number = static_cast<std::uint32_t>(p);
                for (const std::uint32_t i : policy.any_service_)
                    universal_.push_back({&policy.statements_[i], number, layer});
                for (const detail::service_run& run : policy.by_service_)
                    runs.push_back(
                        {run.service, {&policy.statements_[run.statement], number, layer, run.first, run.last}});
            }
        }
        std::stable_sort(runs.begin(), runs.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        for (const auto& [service, c] : runs) {
            if (by_service_.empty() || by_service_.back().service != service) by_service_.push_back({service, {}});
            by_service_.back().candidates.push_back(c);
        }
    }

    /// Calls `visit(ref, statement)` for each statement whose Action/NotAction names
    /// `action` (`service:Name`, lower-case: see `lower_case_action`): those that may name
    /// any service, then those of the action's service, in policy order within each.
    template <typename Visit>
    void for_each_naming(std::string_view action, Visit&& visit) const {
        const auto offer = [&](const candidate& c, bool action_match) {
            if (action_match != c.statement->source->action.negated)
                visit(statement_ref{c.policy, c.statement->statement_index, c.layer}, *c.statement);
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

private:
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

    // A statement to check for requests of one service, with its patterns for it.
    struct candidate {
        const detail::compiled_statement* statement;
        std::uint32_t policy;
        policy_layer layer;
        std::uint32_t first = 0;  // service_actions [first, last) name the service
        std::uint32_t last = 0;
    };
    struct service_entry {
        std::string_view service;  // views a compiled policy's run, which the policy's owner keeps alive
        std::vector<candidate> candidates;
    };

    std::vector<candidate> universal_;
    std::vector<service_entry> by_service_;  // sorted by lower-case service
};

}  // namespace iam

#endif  // IAM_POLICY_INDEX_HPP_INCLUDED
