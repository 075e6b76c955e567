// SPDX-License-Identifier: MIT
// iamcpp: the condition operators in one table (UG reference_policies_elements_condition_operators):
// per operator its AWS spelling, the family of values it reads, how it compares them,
// negation, IfExists and policy variables. The policy grammar (policy.hpp) and the
// evaluator (condition.hpp) both read their values through this table, so they cannot
// disagree on what a value means. A new operator is one row.
#ifndef IAM_OPERATORS_HPP_INCLUDED
#define IAM_OPERATORS_HPP_INCLUDED

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "condition_values.hpp"
#include "match.hpp"
#include "names.hpp"

namespace iam {

/// Every condition operator AWS documents (UG reference_policies_elements_condition_operators).
enum class condition_operator : std::uint8_t {
    string_equals,                  ///< `StringEquals`
    string_not_equals,              ///< `StringNotEquals`
    string_equals_ignore_case,      ///< `StringEqualsIgnoreCase`
    string_not_equals_ignore_case,  ///< `StringNotEqualsIgnoreCase`
    string_like,                    ///< `StringLike`
    string_not_like,                ///< `StringNotLike`
    numeric_equals,                 ///< `NumericEquals`
    numeric_not_equals,             ///< `NumericNotEquals`
    numeric_less_than,              ///< `NumericLessThan`
    numeric_less_than_equals,       ///< `NumericLessThanEquals`
    numeric_greater_than,           ///< `NumericGreaterThan`
    numeric_greater_than_equals,    ///< `NumericGreaterThanEquals`
    date_equals,                    ///< `DateEquals`
    date_not_equals,                ///< `DateNotEquals`
    date_less_than,                 ///< `DateLessThan`
    date_less_than_equals,          ///< `DateLessThanEquals`
    date_greater_than,              ///< `DateGreaterThan`
    date_greater_than_equals,       ///< `DateGreaterThanEquals`
    bool_,                          ///< `Bool`
    binary_equals,                  ///< `BinaryEquals`
    ip_address,                     ///< `IpAddress`
    not_ip_address,                 ///< `NotIpAddress`
    arn_equals,                     ///< `ArnEquals`
    arn_like,                       ///< `ArnLike`
    arn_not_equals,                 ///< `ArnNotEquals`
    arn_not_like,                   ///< `ArnNotLike`
    null,                           ///< `Null`
};

/// Number of `condition_operator` values.
inline constexpr std::size_t condition_operator_count = 27;

/// The family of values an operator reads, in a policy and in a request alike.
enum class value_family : std::uint8_t {
    string,   ///< any text
    numeric,  ///< `parse_number`
    date,     ///< `parse_date`
    boolean,  ///< `true` or `false`, as AWS spells them
    binary,   ///< base64 text (`decode_base64`)
    ip,       ///< an address or network (`parse_ip_network`)
    arn,      ///< `arn:` and six colon-separated parts (`is_arn_shaped`)
    null,     ///< `true` or `false`: whether the key is absent (no request value is read)
};

/// How an operator relates a request value to a policy value of its family.
enum class value_relation : std::uint8_t {
    equal,              ///< the same value
    equal_ignore_case,  ///< the same text, ASCII case ignored
    like,               ///< the policy value is a pattern with `*` and `?` (per ARN part for ARNs)
    less,               ///< request < policy
    less_equal,         ///< request <= policy
    greater,            ///< request > policy
    greater_equal,      ///< request >= policy
    in_network,         ///< the request address lies in the policy network
    presence,           ///< `Null`: tests whether the key is present, not its values
};

/// One row of the operator table.
struct operator_info {
    condition_operator op;    ///< the row's operator
    std::string_view name;    ///< AWS's spelling, e.g. `StringEquals`
    value_family family;      ///< what its values are, in the policy and in the request
    value_relation relation;  ///< how one request value meets one policy value
    bool negated;             ///< inverts the answer over all values, and holds for an absent key
    bool takes_variables;     ///< its policy values may hold `${...}` (Version 2012-10-17)
    bool takes_if_exists;     ///< the `...IfExists` suffix is allowed
};

namespace detail {

constexpr std::array<operator_info, condition_operator_count> make_operator_rows() noexcept {
    using enum condition_operator;
    using F = value_family;
    using R = value_relation;
    // clang-format off
    return {{
        // operator                    AWS spelling                 family       relation              negated vars   IfExists
        {string_equals,                  "StringEquals",              F::string,   R::equal,             false, true,  true},
        {string_not_equals,              "StringNotEquals",           F::string,   R::equal,             true,  true,  true},
        {string_equals_ignore_case,      "StringEqualsIgnoreCase",    F::string,   R::equal_ignore_case, false, true,  true},
        {string_not_equals_ignore_case,  "StringNotEqualsIgnoreCase", F::string,   R::equal_ignore_case, true,  true,  true},
        {string_like,                    "StringLike",                F::string,   R::like,              false, true,  true},
        {string_not_like,                "StringNotLike",             F::string,   R::like,              true,  true,  true},
        {numeric_equals,                 "NumericEquals",             F::numeric,  R::equal,             false, false, true},
        {numeric_not_equals,             "NumericNotEquals",          F::numeric,  R::equal,             true,  false, true},
        {numeric_less_than,              "NumericLessThan",           F::numeric,  R::less,              false, false, true},
        {numeric_less_than_equals,       "NumericLessThanEquals",     F::numeric,  R::less_equal,        false, false, true},
        {numeric_greater_than,           "NumericGreaterThan",        F::numeric,  R::greater,           false, false, true},
        {numeric_greater_than_equals,    "NumericGreaterThanEquals",  F::numeric,  R::greater_equal,     false, false, true},
        {date_equals,                    "DateEquals",                F::date,     R::equal,             false, false, true},
        {date_not_equals,                "DateNotEquals",             F::date,     R::equal,             true,  false, true},
        {date_less_than,                 "DateLessThan",              F::date,     R::less,              false, false, true},
        {date_less_than_equals,          "DateLessThanEquals",        F::date,     R::less_equal,        false, false, true},
        {date_greater_than,              "DateGreaterThan",           F::date,     R::greater,           false, false, true},
        {date_greater_than_equals,       "DateGreaterThanEquals",     F::date,     R::greater_equal,     false, false, true},
        {bool_,                          "Bool",                      F::boolean,  R::equal,             false, true,  true},
        {binary_equals,                  "BinaryEquals",              F::binary,   R::equal,             false, false, true},
        {ip_address,                     "IpAddress",                 F::ip,       R::in_network,        false, false, true},
        {not_ip_address,                 "NotIpAddress",              F::ip,       R::in_network,        true,  false, true},
        // "The ArnEquals and ArnLike condition operators behave identically."
        {arn_equals,                     "ArnEquals",                 F::arn,      R::like,              false, true,  true},
        {arn_like,                       "ArnLike",                   F::arn,      R::like,              false, true,  true},
        {arn_not_equals,                 "ArnNotEquals",              F::arn,      R::like,              true,  true,  true},
        {arn_not_like,                   "ArnNotLike",                F::arn,      R::like,              true,  true,  true},
        {null,                           "Null",                      F::null,     R::presence,          false, false, false},
    }};
    // clang-format on
}

inline constexpr std::array<operator_info, condition_operator_count> operator_rows = make_operator_rows();

constexpr bool rows_in_enum_order() noexcept {
    for (std::size_t i = 0; i < operator_rows.size(); ++i)
        if (static_cast<std::size_t>(operator_rows[i].op) != i) return false;
    return true;
}
static_assert(rows_in_enum_order(), "operator_rows must list the operators in enum order");

}  // namespace detail

/// The table row of `op`.
constexpr const operator_info& info_of(condition_operator op) noexcept {
    return detail::operator_rows[static_cast<std::size_t>(op)];
}

/// AWS's spelling of a base operator, e.g. `"StringEquals"`.
constexpr std::string_view to_string(condition_operator op) noexcept { return info_of(op).name; }

/// True for the operators that succeed when the key is absent (`...Not...`).
constexpr bool is_negated(condition_operator op) noexcept { return info_of(op).negated; }

/// True for the operators whose values may hold policy variables: String, ARN and
/// Bool (UG reference_policies_elements_condition_operators: "You can not use a policy
/// variable with the `Numeric` condition operator", and the same for Date, Binary,
/// IpAddress and Null). In the others `${...}` is no variable.
constexpr bool accepts_policy_variables(condition_operator op) noexcept { return info_of(op).takes_variables; }

/// The set qualifier prefix of a condition operator for multi-valued keys.
enum class set_qualifier : std::uint8_t {
    none,            ///< no prefix
    for_all_values,  ///< `ForAllValues:`
    for_any_value,   ///< `ForAnyValue:`
};

/// A full operator as written in a policy: qualifier, base operator, `IfExists`.
struct operator_spec {
    condition_operator op = condition_operator::string_equals;  ///< the base operator
    set_qualifier qualifier = set_qualifier::none;              ///< `ForAllValues:` / `ForAnyValue:` prefix
    bool if_exists = false;                                     ///< ends in `IfExists`
    /// Memberwise equality.
    friend constexpr bool operator==(const operator_spec&, const operator_spec&) = default;
};

namespace detail {
inline constexpr std::string_view for_all_values_prefix = "ForAllValues:";
inline constexpr std::string_view for_any_value_prefix = "ForAnyValue:";
inline constexpr std::string_view if_exists_suffix = "IfExists";
}  // namespace detail

/// Splits an operator such as `ForAnyValue:StringLikeIfExists`. Case-sensitive, as AWS
/// spells them. Nothing if the base operator is unknown. An `IfExists` the operator does
/// not take (`NullIfExists`) is returned (with `if_exists`) so that the caller can say
/// why it is wrong.
constexpr std::optional<operator_spec> parse_operator(std::string_view text) noexcept {
    operator_spec spec;
    if (text.starts_with(detail::for_all_values_prefix)) {
        spec.qualifier = set_qualifier::for_all_values;
        text.remove_prefix(detail::for_all_values_prefix.size());
    } else if (text.starts_with(detail::for_any_value_prefix)) {
        spec.qualifier = set_qualifier::for_any_value;
        text.remove_prefix(detail::for_any_value_prefix.size());
    }
    if (text.size() > detail::if_exists_suffix.size() && text.ends_with(detail::if_exists_suffix)) {
        spec.if_exists = true;
        text.remove_suffix(detail::if_exists_suffix.size());
    }
    for (const operator_info& row : detail::operator_rows) {
        if (row.name == text) {
            spec.op = row.op;
            return spec;
        }
    }
    return std::nullopt;
}

/// The spelling of `spec` in a policy, e.g. `"ForAllValues:StringLikeIfExists"`.
inline std::string operator_text(const operator_spec& spec) {
    std::string out;
    if (spec.qualifier == set_qualifier::for_all_values) out += detail::for_all_values_prefix;
    if (spec.qualifier == set_qualifier::for_any_value) out += detail::for_any_value_prefix;
    out += to_string(spec.op);
    if (spec.if_exists) out += detail::if_exists_suffix;
    return out;
}

//=== reading values ===//

/// True when `text` may hold a policy variable (`${`).
constexpr bool has_variable(std::string_view text) noexcept { return text.find("${") != std::string_view::npos; }

namespace detail {
// Where the colons that end an ARN's first five parts stand: nothing for text that is
// not `arn:` and six parts.
constexpr std::optional<std::array<std::size_t, 5>> arn_colons(std::string_view s) noexcept {
    if (!s.starts_with("arn:")) return std::nullopt;
    std::array<std::size_t, 5> colons{};
    std::size_t count = 0;
    for (std::size_t i = 0; i < s.size() && count < colons.size(); ++i)
        if (s[i] == ':') colons[count++] = i;
    if (count < colons.size()) return std::nullopt;
    return colons;
}
}  // namespace detail

/// True for text an ARN operator reads: `arn:` and the six colon-separated parts of an
/// ARN (UG: "Each of the six colon-delimited components of the ARN is checked
/// separately"); the resource part may hold further colons.
constexpr bool is_arn_shaped(std::string_view s) noexcept { return detail::arn_colons(s).has_value(); }

namespace detail {
// `true` or `false` as AWS spells them in "comparing a key to "true" or "false"".
constexpr std::optional<bool> read_boolean(std::string_view s) noexcept {
    if (s == "true") return true;
    if (s == "false") return false;
    return std::nullopt;
}
}  // namespace detail

/// True when `text` is a value of `family`: the one reading of a policy value (by the
/// grammar) and of a request value (by the evaluator).
inline bool value_reads(value_family family, std::string_view text) {
    switch (family) {
        case value_family::string: return true;
        case value_family::numeric: return parse_number(text).has_value();
        case value_family::date: return parse_date(text).has_value();
        case value_family::boolean:
        case value_family::null: return detail::read_boolean(text).has_value();
        case value_family::binary: return decode_base64(text).has_value();
        case value_family::ip: return parse_ip_network(text).has_value();
        case value_family::arn: return is_arn_shaped(text);
    }
    return false;
}

/// What a policy value of `family` must be, for messages ("expects ...").
constexpr std::string_view family_expectation(value_family family) noexcept {
    switch (family) {
        case value_family::string: return "a string, number or boolean";
        case value_family::numeric: return "a number (JSON number or numeric string)";
        case value_family::date: return "an ISO 8601 date or date-time, or epoch seconds";
        case value_family::boolean:
        case value_family::null: return "true or false";
        case value_family::binary: return "base64 text";
        case value_family::ip: return "an IPv4 or IPv6 address with optional /prefix";
        case value_family::arn: return "an ARN (`arn:` and six colon-separated parts)";
    }
    return "a value";
}

/// Whether a policy value of `family` may be written as a JSON number (its text is
/// then read) or a JSON boolean.
constexpr bool takes_json_number(value_family family) noexcept {
    return family == value_family::string || family == value_family::numeric || family == value_family::date;
}
/// See `takes_json_number`.
constexpr bool takes_json_boolean(value_family family) noexcept {
    return family == value_family::string || family == value_family::boolean || family == value_family::null;
}

/// True when a request value cannot be read by `op` (`value_reads` of its family): a
/// bad number, date, IP address, base64 text, Boolean other than `true`/`false`, or
/// text that is not `arn:` and six parts for the ARN operators. Such a value proves
/// neither a match nor a mismatch; callers report it. `Null` reads no values.
inline bool request_value_unreadable(condition_operator op, std::string_view value) {
    const value_family family = info_of(op).family;
    return family != value_family::null && !value_reads(family, value);
}

namespace detail {

// ARN operators: each of the six colon-separated parts matched on its own, with `*`
// and `?`; the resource part keeps its colons. Nothing when either is no ARN.
inline std::optional<bool> arn_parts_match(std::string_view pattern, std::string_view arn) {
    const auto pattern_colons = arn_colons(pattern);
    const auto arn_colons_at = arn_colons(arn);
    if (!pattern_colons || !arn_colons_at) return std::nullopt;
    std::size_t p = 4;  // both start with `arn:`
    std::size_t a = 4;
    for (std::size_t part = 1; part < 5; ++part) {
        const std::size_t p_end = (*pattern_colons)[part];
        const std::size_t a_end = (*arn_colons_at)[part];
        if (!wildcard_match(pattern.substr(p, p_end - p), arn.substr(a, a_end - a), wildcard_mode::exact)) return false;
        p = p_end + 1;
        a = a_end + 1;
    }
    return wildcard_match(pattern.substr(p), arn.substr(a), wildcard_mode::exact);
}

// An ordered relation between two read values; nothing when either did not read.
template <typename T>
constexpr std::optional<bool> compare_ordered(value_relation relation, const std::optional<T>& request,
                                              const std::optional<T>& policy) noexcept {
    if (!request || !policy) return std::nullopt;
    switch (relation) {
        case value_relation::less: return *request < *policy;
        case value_relation::less_equal: return *request <= *policy;
        case value_relation::greater: return *request > *policy;
        case value_relation::greater_equal: return *request >= *policy;
        default: return *request == *policy;
    }
}

}  // namespace detail

/// Whether one request value meets one policy value under `op`, ignoring negation (a
/// negated operator's caller inverts the answer over all values); nothing when either
/// value does not read as the operator's family. `policy_value` is already
/// substituted; for StringLike it may carry escapes.
inline std::optional<bool> compare_values(condition_operator op, std::string_view request_value,
                                          std::string_view policy_value) {
    const operator_info& row = info_of(op);
    switch (row.family) {
        case value_family::string:
            if (row.relation == value_relation::like)
                return wildcard_match(policy_value, request_value, wildcard_mode::exact);
            if (row.relation == value_relation::equal_ignore_case) return iequals(request_value, policy_value);
            return request_value == policy_value;
        case value_family::numeric:
            return detail::compare_ordered(row.relation, parse_number(request_value), parse_number(policy_value));
        case value_family::date:
            return detail::compare_ordered(row.relation, parse_date(request_value), parse_date(policy_value));
        case value_family::boolean:
            return detail::compare_ordered(row.relation, detail::read_boolean(request_value),
                                           detail::read_boolean(policy_value));
        case value_family::binary: {
            const auto request = decode_base64(request_value);
            const auto policy = decode_base64(policy_value);
            if (!request || !policy) return std::nullopt;
            return *request == *policy;
        }
        case value_family::ip: {
            // An address of the other family is not in the network, whatever its prefix,
            // so NotIpAddress holds for it ("All IP addresses except the specified IP
            // address or range"): an IPv6 caller cannot slip past an IPv4 Deny.
            const auto address = parse_ip_network(request_value);
            const auto network = parse_ip_network(policy_value);
            if (!address || !network) return std::nullopt;
            return network->contains(*address);
        }
        case value_family::arn: return detail::arn_parts_match(policy_value, request_value);
        case value_family::null: return std::nullopt;  // tests presence, not values
    }
    return std::nullopt;
}

/// `compare_values`, with a value that does not read matching nothing.
inline bool value_matches(condition_operator op, std::string_view request_value, std::string_view policy_value) {
    return compare_values(op, request_value, policy_value).value_or(false);
}

}  // namespace iam

#endif  // IAM_OPERATORS_HPP_INCLUDED
