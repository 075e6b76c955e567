// SPDX-License-Identifier: MIT
// iamcpp: request context values, policy variables, and one condition evaluated against
// them (UG reference_policies_elements_condition_operators and _variables); what each
// operator reads and how it compares is operators.hpp's table.
#ifndef IAM_CONDITION_HPP_INCLUDED
#define IAM_CONDITION_HPP_INCLUDED

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "condition_values.hpp"
#include "match.hpp"
#include "names.hpp"
#include "operators.hpp"
#include "policy.hpp"

namespace iam {

//=== request context ===//

/// AWS's context key types (SimulateCustomPolicy `ContextKeyType`).
enum class context_type : std::uint8_t {
    string,
    string_list,
    numeric,
    numeric_list,
    boolean,
    boolean_list,
    ip,
    ip_list,
    binary,
    binary_list,
    date,
    date_list,
};

inline constexpr std::array<std::string_view, 12> context_type_names{"string",  "stringList",  "numeric", "numericList",
                                                                     "boolean", "booleanList", "ip",      "ipList",
                                                                     "binary",  "binaryList",  "date",    "dateList"};

/// AWS's name of a type, e.g. `"stringList"`.
constexpr std::string_view to_string(context_type type) noexcept {
    return context_type_names[static_cast<std::size_t>(type)];
}

/// The type named `name` (AWS's spelling, ignoring case).
constexpr std::optional<context_type> parse_context_type(std::string_view name) noexcept {
    for (std::size_t i = 0; i < context_type_names.size(); ++i)
        if (iequals(context_type_names[i], name)) return static_cast<context_type>(i);
    return std::nullopt;
}

/// True for the `...List` types: the key carries a set of values.
constexpr bool is_multivalued(context_type type) noexcept { return static_cast<std::uint8_t>(type) % 2 == 1; }

/// One key of the request context with its values (one for single-valued types).
struct context_entry {
    std::string key;
    std::vector<std::string> values;
    context_type type = context_type::string;
    friend bool operator==(const context_entry&, const context_entry&) = default;
};

/// The entry for `key` (keys compare ignoring case), or nullptr.
inline const context_entry* find_context(std::span<const context_entry> context, std::string_view key) noexcept {
    for (const context_entry& entry : context)
        if (iequals(entry.key, key)) return &entry;
    return nullptr;
}

/// True when `entry` cannot give a policy variable its value: absent, a list type, or
/// no value. A variable stands for exactly one value, so such a key counts as missing.
constexpr bool lacks_single_value(const context_entry* entry) noexcept {
    return entry == nullptr || is_multivalued(entry->type) || entry->values.empty();
}

/// The context a request is evaluated in: the entries it supplied, then those derived
/// from its caller (`aws:username`, ...). Derived entries fill gaps only: a supplied
/// entry wins.
struct context_view {
    std::span<const context_entry> supplied;  ///< the request's own entries
    std::span<const context_entry> derived;   ///< entries derived from its caller

    /// A view of `supplied` and, after it, `derived`.
    context_view(std::span<const context_entry> supplied_entries,
                 std::span<const context_entry> derived_entries = {}) noexcept
        : supplied(supplied_entries), derived(derived_entries) {}
    /// A view of a request's supplied entries alone.
    context_view(const std::vector<context_entry>& supplied_entries) noexcept : supplied(supplied_entries) {}

    /// The entry for `key` (ignoring case), supplied first, or nullptr.
    const context_entry* find(std::string_view key) const noexcept {
        const context_entry* entry = find_context(supplied, key);
        return entry != nullptr ? entry : find_context(derived, key);
    }
};

//=== policy variables ===//

/// One `${...}` in a policy text: where it is, the key it names and its default.
struct policy_variable {
    std::size_t open = 0;   ///< offset of `${`
    std::size_t close = 0;  ///< offset of `}`
    std::string_view key;   ///< `aws:username` in `${aws:username, 'x'}`; `*`, `?` or `$` for those literals
    std::optional<std::string_view> fallback;  ///< the default, `x` above
    /// True for `${*}`, `${?}` and `${$}`, which stand for those characters.
    constexpr bool is_literal() const noexcept { return !fallback && (key == "*" || key == "?" || key == "$"); }
};

/// The first policy variable of `text` at or after `pos` (UG reference_policies_variables):
/// `${key}` or `${key, 'default'}`, the form AWS documents, with one space after the
/// comma. Nothing when no `${` there has a closing `}`.
constexpr std::optional<policy_variable> next_variable(std::string_view text, std::size_t pos) noexcept {
    const std::size_t open = text.find("${", pos);
    const std::size_t close = open == std::string_view::npos ? open : text.find('}', open + 2);
    if (close == std::string_view::npos) return std::nullopt;
    policy_variable v{open, close, text.substr(open + 2, close - open - 2), std::nullopt};
    const std::string_view inside = v.key;
    if (const std::size_t comma = inside.find(", '");
        comma != std::string_view::npos && inside.back() == '\'' && inside.size() >= comma + 4) {
        v.key = inside.substr(0, comma);
        v.fallback = inside.substr(comma + 3, inside.size() - comma - 4);
    }
    return v;
}

/// Writes `text` with its policy variables replaced into `out`
/// (UG reference_policies_variables): `${key}` takes the single value of a
/// single-valued context key, `${key, 'default'}` falls back to the default, and
/// `${*}`, `${?}`, `${$}` stand for those characters. With `for_wildcards`, every
/// substituted character that is `*` or `?` is written as a literal (behind
/// `wildcard_escape`). False when a variable has no value and no default: then the
/// value matches nothing. Text without a closing `}` is kept as it is.
inline bool substitute_variables(std::string_view text, const context_view& context, bool for_wildcards,
                                 std::string& out) {
    out.clear();
    const auto put_literal = [&](std::string_view value) {
        for (const char c : value) {
            if (for_wildcards && (c == '*' || c == '?')) out.push_back(wildcard_escape);
            out.push_back(c);
        }
    };
    std::size_t pos = 0;
    while (const std::optional<policy_variable> v = next_variable(text, pos)) {
        out.append(text.substr(pos, v->open - pos));
        pos = v->close + 1;
        const context_entry* entry = v->is_literal() ? nullptr : context.find(v->key);
        if (v->is_literal()) {
            put_literal(v->key);
        } else if (!lacks_single_value(entry)) {
            put_literal(entry->values.front());
        } else if (v->fallback) {
            put_literal(*v->fallback);
        } else {
            return false;
        }
    }
    out.append(text.substr(std::min(pos, text.size())));
    return true;
}

/// Calls `visit(key)` for each policy variable of `text` that has no single value in
/// `context` (see `lacks_single_value`) and no default: the keys a request would have to supply for `text` to mean
/// anything.
template <typename Visit>
void for_each_unresolved_variable(std::string_view text, const context_view& context, Visit&& visit) {
    std::size_t pos = 0;
    while (const std::optional<policy_variable> v = next_variable(text, pos)) {
        pos = v->close + 1;
        if (v->is_literal() || v->fallback) continue;
        if (lacks_single_value(context.find(v->key))) visit(v->key);
    }
}

//=== evaluating a condition ===//

/// What evaluating one condition found besides its answer.
struct condition_outcome {
    bool satisfied = false;         ///< what the readable request values say (see `holds_in`)
    bool key_missing = false;       ///< the request had no value for the key
    bool unreadable_value = false;  ///< a request value did not read for the operator
    /// A policy value did not read for the operator (`value_reads`): one the grammar
    /// rejects, in a policy built without it, or what a policy variable became.
    bool unreadable_policy_value = false;
    const context_entry* entry = nullptr;  ///< the entry read for the key (nullptr when missing)
    /// Whether the condition holds in a statement of `effect`, failing closed: a
    /// condition that met an unreadable request or policy value holds in a Deny and
    /// fails in an Allow, whatever its operator and other values, so such a value never
    /// lets a request through (AWS is silent on it).
    constexpr bool holds_in(policy_effect effect) const noexcept {
        return unreadable_value || unreadable_policy_value ? effect == policy_effect::deny : satisfied;
    }
};

/// Evaluates one condition against the request context (AWS's rules: several values
/// OR; a missing key fails positive operators and satisfies negated ones and
/// `...IfExists`; `Null` tests presence; `ForAnyValue` needs one request value to
/// match, `ForAllValues` every one, and is true for a missing or empty set; an
/// operator without a set qualifier on a multivalued key does not match, as the
/// reference simulator has it). `variables` enables policy variables (Version
/// 2012-10-17) in the operators that take them (`accepts_policy_variables`); a
/// variable with no value matches nothing, so inverted operators hold against it.
/// A request value the operator cannot read (`request_value_unreadable`) sets
/// `unreadable_value`, a policy value it cannot read `unreadable_policy_value`: take
/// the answer from `holds_in`, which fails closed.
/// `scratch` is reused for substitutions.
inline condition_outcome evaluate_condition(const condition& c, const context_view& context, bool variables,
                                            std::string& scratch) {
    condition_outcome outcome;
    const context_entry* entry = context.find(c.key);
    outcome.entry = entry;
    outcome.key_missing = entry == nullptr;
    if (info_of(c.op).relation == value_relation::presence) {
        for (const std::string_view v : c.values) {
            const std::optional<bool> absent = detail::read_boolean(v);
            if (!absent)
                outcome.unreadable_policy_value = true;
            else if (*absent == (entry == nullptr))
                outcome.satisfied = true;
        }
        return outcome;
    }
    if (entry == nullptr) {
        if (c.qualifier == set_qualifier::for_all_values)
            outcome.satisfied = true;
        else if (c.qualifier == set_qualifier::none)
            outcome.satisfied = c.if_exists || is_negated(c.op);
        return outcome;
    }
    if (c.qualifier == set_qualifier::none && is_multivalued(entry->type)) return outcome;

    // Does one request value satisfy the operator against any policy value? A policy
    // value whose variable has no value is "effectively null": nothing equals it or is
    // like it, so it matches no request value, and an inverted operator holds against
    // it (UG reference_policies_variables, "Policy variables with no value"). Operators
    // that take no variables compare `${...}` as written.
    const operator_info& row = info_of(c.op);
    const bool substitutes = variables && row.takes_variables;
    // A value substituted into a string pattern is literal text, wildcards included.
    const bool wildcards = row.family == value_family::string && row.relation == value_relation::like;
    const auto one = [&](std::string_view request_value) {
        // An unreadable request value proves neither a match nor a mismatch: it counts as
        // no match here, and `holds_in` decides for the whole condition.
        if (request_value_unreadable(c.op, request_value)) {
            outcome.unreadable_value = true;
            return false;
        }
        bool matched = false;
        for (const std::string_view v : c.values) {
            std::string_view policy_value = v;
            if (substitutes && has_variable(v)) {
                if (!substitute_variables(v, context, wildcards, scratch)) continue;
                policy_value = scratch;
            }
            const std::optional<bool> meets = compare_values(c.op, request_value, policy_value);
            if (!meets) outcome.unreadable_policy_value = true;
            if (meets.value_or(false)) {
                matched = true;
                break;
            }
        }
        return row.negated ? !matched : matched;
    };
    if (c.qualifier == set_qualifier::for_all_values) {
        bool all = true;
        for (const std::string& v : entry->values) all = one(v) && all;
        outcome.satisfied = all;
    } else {
        bool any = false;
        for (const std::string& v : entry->values) any = one(v) || any;
        outcome.satisfied = any;
    }
    return outcome;
}

}  // namespace iam

#endif  // IAM_CONDITION_HPP_INCLUDED
