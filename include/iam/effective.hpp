// SPDX-License-Identifier: MIT
// iamcpp: effective permissions — every catalog action a user's policies allow, on
// which resource patterns, and whether conditions are involved: (identity policies)
// ∩ boundary, explicit denies removed.
#ifndef IAM_EFFECTIVE_HPP_INCLUDED
#define IAM_EFFECTIVE_HPP_INCLUDED

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "action_catalog.hpp"
#include "evaluate.hpp"
#include "match.hpp"

namespace iam {

/// One action the policies allow.
struct effective_permission {
    std::string_view action;  ///< the catalog's spelling (views the catalog)
    iam::access_level level = access_level::read;
    std::vector<std::string> resources;  ///< patterns it is allowed on (`*`: any)
    std::vector<std::string> excluded;   ///< patterns excluded by NotResource or by a deny on part of them
    bool conditional = false;            ///< a condition, or a deny that may apply, limits it
    /// The context keys those conditions test (each once, ignoring case, as first
    /// spelled): the request values that decide whether it is allowed.
    std::vector<std::string> condition_keys;
    friend bool operator==(const effective_permission&, const effective_permission&) = default;
};

namespace detail {

inline void add_unique(std::vector<std::string>& list, std::string_view item) {
    if (std::find(list.begin(), list.end(), item) == list.end()) list.emplace_back(item);
}

// Marks `p` conditional on the conditions of `s`, naming their keys.
inline void add_conditions(effective_permission& p, const statement& s) {
    p.conditional = p.conditional || !s.conditions.empty();
    for (const condition& c : s.conditions)
        if (std::none_of(p.condition_keys.begin(), p.condition_keys.end(),
                         [&](const std::string& k) { return iequals(k, c.key); }))
            p.condition_keys.emplace_back(c.key);
}

// Whether the ARN pattern `outer` covers every resource `inner` can name (read as
// text, `inner`'s wildcards are just characters `outer` must match).
inline bool covers(std::string_view outer, std::string_view inner) {
    return outer == "*" || wildcard_match(outer, inner, wildcard_mode::arn);
}

// The permission the statements naming one action give it (its `action` and `level`
// left for the caller), or nothing when they do not allow it.
inline std::optional<effective_permission> combine_statements(const std::vector<const statement*>& allows,
                                                              const std::vector<const statement*>& boundary_allows,
                                                              const std::vector<const statement*>& denies,
                                                              bool has_boundary) {
    if (allows.empty() || (has_boundary && boundary_allows.empty())) return std::nullopt;
    effective_permission p;
    for (const statement* s : allows) {
        add_conditions(p, *s);
        for (const std::string_view pattern : s->resource.values)
            add_unique(s->resource.negated ? p.excluded : p.resources, pattern);
        if (s->resource.negated) add_unique(p.resources, "*");
    }
    if (has_boundary) {
        std::vector<std::string> bounded;
        for (const statement* b : boundary_allows) {
            add_conditions(p, *b);
            p.conditional = p.conditional || b->resource.negated;
            for (const std::string_view limit : b->resource.values) {
                if (b->resource.negated) continue;
                for (const std::string& granted : p.resources) {
                    if (covers(limit, granted))
                        add_unique(bounded, granted);
                    else if (granted == "*" || covers(granted, limit))
                        add_unique(bounded, limit);
                }
            }
            if (b->resource.negated) bounded = p.resources;  // approximate: marked conditional above
        }
        p.resources = std::move(bounded);
        if (p.resources.empty()) return std::nullopt;
    }
    for (const statement* d : denies) {
        if (!d->conditions.empty() || d->resource.negated) {
            add_conditions(p, *d);
            p.conditional = true;
            continue;
        }
        for (const std::string_view pattern : d->resource.values) {
            if (pattern == "*") return std::nullopt;
            std::erase_if(p.resources, [&](const std::string& granted) { return covers(pattern, granted); });
            add_unique(p.excluded, pattern);
        }
    }
    if (p.resources.empty()) return std::nullopt;
    return p;
}

}  // namespace detail

/// Every action of `catalog` that `set` allows for some resource, in catalog order:
/// identity allows give the resources; a boundary keeps those it also allows (a
/// boundary pattern narrower than `*` replaces an identity `*`); an unconditional deny
/// on `*` removes the action, one on narrower patterns excludes them. Conditions on an
/// allow or a deny mark the action conditional and name their keys. A static summary:
/// cross-account and KMS key policies, which need resource policies, are not considered.
inline std::vector<effective_permission> effective_permissions(const compiled_policy_set& set,
                                                               const action_catalog& catalog) {
    std::vector<effective_permission> out;
    out.reserve(catalog.actions().size());
    std::vector<const statement*> allows, boundary_allows, denies;
    // Neighbours in the catalog (one service's actions) are often named by the same
    // statements: their permission is then the same, so it is combined once.
    std::vector<const statement*> last_allows, last_boundary_allows, last_denies;
    std::optional<effective_permission> last;
    bool have_last = false;
    for (const catalog_action& entry : catalog.actions()) {
        allows.clear();
        boundary_allows.clear();
        denies.clear();
        set.for_each_statement_naming(entry.action, [&](const statement_ref& ref, const statement& s) {
            if (s.effect == policy_effect::deny)
                denies.push_back(&s);
            else if (ref.layer == policy_layer::identity)
                allows.push_back(&s);
            else if (ref.layer == policy_layer::boundary)
                boundary_allows.push_back(&s);
        });
        if (!have_last || allows != last_allows || boundary_allows != last_boundary_allows || denies != last_denies) {
            last = detail::combine_statements(allows, boundary_allows, denies, set.has_boundary());
            last_allows.swap(allows);
            last_boundary_allows.swap(boundary_allows);
            last_denies.swap(denies);
            have_last = true;
        }
        if (!last) continue;
        effective_permission& p = out.emplace_back(*last);
        p.action = entry.action;
        p.level = entry.level;
    }
    return out;
}

}  // namespace iam

#endif  // IAM_EFFECTIVE_HPP_INCLUDED
