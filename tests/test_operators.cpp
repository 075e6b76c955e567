// SPDX-License-Identifier: MIT
// Tests of include/iam/operators.hpp: the one condition-operator table, and the one
// reading of values that the grammar (policy.hpp) and the evaluator (condition.hpp) share.
#include <doctest/doctest.h>

#include <iam/condition.hpp>
#include <iam/operators.hpp>
#include <iam/policy.hpp>

#include <string>
#include <string_view>
#include <vector>

using iam::condition_operator;
using iam::context_type;
using iam::value_family;

namespace {

// Whether the grammar accepts `value` (JSON) as the one value of `op` in a 2012-10-17 policy.
bool grammar_accepts(std::string_view op, std::string_view value) {
    return iam::parse_policy(R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*",)"
                             R"("Condition":{")" +
                             std::string(op) + R"(":{"ctx:k":)" + std::string(value) + "}}}}")
        .has_value();
}

// The outcome of `{op: {ctx:k: policy_value}}` against the request value `request_value`.
iam::condition_outcome outcome(condition_operator op, std::string policy_value, std::string request_value,
                               context_type type = context_type::string) {
    iam::condition c;
    c.op = op;
    c.key = "ctx:k";
    c.values.push_back(policy_value);
    const std::vector<iam::context_entry> context{{"ctx:k", {std::move(request_value)}, type},
                                                  {"ctx:v", {"yes"}, context_type::string}};
    std::string scratch;
    return iam::evaluate_condition(c, context, true, scratch);
}

}  // namespace

TEST_CASE("the operator table: one row per operator, in enum order, spelled as AWS spells it") {
    for (std::size_t i = 0; i < iam::condition_operator_count; ++i) {
        const auto op = static_cast<condition_operator>(i);
        const iam::operator_info& row = iam::info_of(op);
        CAPTURE(row.name);
        CHECK(row.op == op);
        CHECK(iam::to_string(op) == row.name);
        REQUIRE(iam::parse_operator(row.name).has_value());
        CHECK(iam::parse_operator(row.name)->op == op);
        // The negated operators are the ones AWS names with `Not`.
        CHECK(row.negated == (row.name.find("Not") != std::string_view::npos));
        CHECK(iam::is_negated(op) == row.negated);
        CHECK(iam::accepts_policy_variables(op) == row.takes_variables);
        CHECK(row.takes_if_exists == (op != condition_operator::null));
    }
    CHECK(iam::info_of(condition_operator::arn_equals).relation == iam::info_of(condition_operator::arn_like).relation);
    static_assert(iam::info_of(condition_operator::ip_address).family == value_family::ip);
    static_assert(iam::to_string(condition_operator::bool_) == "Bool");
}

// The grammar and the evaluator read every value through `value_reads`: a policy value
// the grammar accepts is one the evaluator reads as a request value, and the reverse.
TEST_CASE("the grammar and the evaluator read values alike, for every operator") {
    const std::vector<std::string_view> texts{"true",
                                              "false",
                                              "True",
                                              "FALSE",
                                              "yes",
                                              "",
                                              "10",
                                              "-1.5e3",
                                              "1e999",
                                              "0x10",
                                              "2024-01-01",
                                              "1700000000",
                                              "2024-13-01",
                                              "10.0.0.0/8",
                                              "::1",
                                              "10.0.0.256",
                                              "aGVsbG8=",
                                              "abc",
                                              "arn:aws:s3:::b",
                                              "arn:aws:*",
                                              "arn:*",
                                              "foo:a:b:c:d:e",
                                              "arn:aws:sns:*:*:t",
                                              "x"};
    for (std::size_t i = 0; i < iam::condition_operator_count; ++i) {
        const auto op = static_cast<condition_operator>(i);
        const value_family family = iam::info_of(op).family;
        for (const std::string_view text : texts) {
            CAPTURE(iam::to_string(op));
            CAPTURE(text);
            const bool reads = iam::value_reads(family, text);
            CHECK(grammar_accepts(iam::to_string(op), '"' + std::string(text) + '"') == reads);
            if (family != value_family::null) CHECK(iam::request_value_unreadable(op, text) == !reads);
        }
    }
}

// AWS, IAM User Guide, "Boolean condition operators"
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Boolean):
// "Boolean conditions let you construct `Condition` elements that restrict access based on
// comparing a key to "true" or "false."" The grammar took only `true` and `false` in a
// policy while the evaluator read a request's `True` as true. Settled failing closed: the
// one reading is `true` or `false` as AWS spells them, so `True` in a request is an
// unreadable value, which holds in a Deny and fails in an Allow.
TEST_CASE("regression: Bool reads true and false as AWS spells them, in a policy and in a request") {
    CHECK(grammar_accepts("Bool", R"("true")"));
    CHECK(grammar_accepts("Bool", "false"));
    CHECK_FALSE(grammar_accepts("Bool", R"("True")"));
    CHECK_FALSE(grammar_accepts("Null", R"("TRUE")"));
    for (const char* request : {"True", "TRUE", "False", "1"}) {
        CAPTURE(request);
        CHECK(iam::request_value_unreadable(condition_operator::bool_, request));
        const iam::condition_outcome o = outcome(condition_operator::bool_, "true", request, context_type::boolean);
        CHECK(o.unreadable_value);
        CHECK_FALSE(o.holds_in(iam::policy_effect::allow));
        CHECK(o.holds_in(iam::policy_effect::deny));
    }
    CHECK(
        outcome(condition_operator::bool_, "true", "true", context_type::boolean).holds_in(iam::policy_effect::allow));
    CHECK_FALSE(
        outcome(condition_operator::bool_, "false", "true", context_type::boolean).holds_in(iam::policy_effect::deny));
    // A policy value that is not `true`/`false` (built without the grammar, or what a
    // variable became) fails closed as well.
    const iam::condition_outcome odd_policy = outcome(condition_operator::bool_, "True", "true", context_type::boolean);
    CHECK(odd_policy.unreadable_policy_value);
    CHECK(odd_policy.holds_in(iam::policy_effect::deny));
    CHECK_FALSE(odd_policy.holds_in(iam::policy_effect::allow));
    const iam::condition_outcome variable = outcome(condition_operator::bool_, "${ctx:v}", "true");
    CHECK(variable.unreadable_policy_value);
    CHECK(variable.holds_in(iam::policy_effect::deny));
}

// AWS, IAM User Guide, "Amazon Resource Name (ARN) condition operators"
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN):
// "Each of the six colon-delimited components of the ARN is checked separately and each
// can include multi-character match wildcards (*) or single-character match wildcards (?)."
// The grammar took any policy value starting with `arn:`, the evaluator any request value
// with five colons. Settled failing closed: the one reading is `arn:` and six
// colon-separated parts, so a shorter policy pattern is an error (it matched nothing) and
// a request value without `arn:` is unreadable.
TEST_CASE("regression: ARN operators read `arn:` and six parts, in a policy and in a request") {
    CHECK(grammar_accepts("ArnLike", R"("arn:aws:sns:*:*:t")"));
    CHECK(grammar_accepts("ArnLike", R"("arn:aws:s3:::bucket/a:b")"));  // the resource part keeps its colons
    CHECK(grammar_accepts("ArnLike", R"("${aws:SourceArn}")"));         // read at request time
    CHECK_FALSE(grammar_accepts("ArnLike", R"("arn:aws:*")"));
    CHECK_FALSE(grammar_accepts("ArnNotEquals", R"("arn:*")"));
    CHECK(iam::is_arn_shaped("arn:aws:s3:::b"));
    CHECK_FALSE(iam::is_arn_shaped("foo:a:b:c:d:e"));
    CHECK_FALSE(iam::is_arn_shaped("arn:aws:s3::b"));
    const iam::condition_outcome o = outcome(condition_operator::arn_not_like, "arn:aws:sns:*:*:x", "foo:a:b:c:d:e");
    CHECK(o.unreadable_value);
    CHECK_FALSE(o.holds_in(iam::policy_effect::allow));
    CHECK(o.holds_in(iam::policy_effect::deny));
    // The six parts are matched one by one: `*` does not cross a colon.
    CHECK(iam::value_matches(condition_operator::arn_like, "arn:aws:sns:us-east-1:1:t", "arn:aws:sns:*:*:t"));
    CHECK_FALSE(iam::value_matches(condition_operator::arn_like, "arn:aws:sns:us-east-1:1:x:1:t", "arn:aws:sns:*:1:t"));
}

TEST_CASE("compare_values: each family's relation, nothing for a value that does not read") {
    using enum condition_operator;
    CHECK(iam::compare_values(string_equals, "a", "a") == true);
    CHECK(iam::compare_values(string_equals, "a", "A") == false);
    CHECK(iam::compare_values(string_equals_ignore_case, "a", "A") == true);
    CHECK(iam::compare_values(string_like, "abc", "a*") == true);
    CHECK(iam::compare_values(numeric_less_than, "1", "2") == true);
    CHECK(iam::compare_values(numeric_greater_than_equals, "2", "2.0") == true);
    CHECK(iam::compare_values(numeric_equals, "2", "x") == std::nullopt);
    CHECK(iam::compare_values(date_less_than, "2023-12-31", "2024") == true);
    CHECK(iam::compare_values(date_greater_than, "x", "2024") == std::nullopt);
    CHECK(iam::compare_values(binary_equals, "aGk=", "aGk=") == true);
    CHECK(iam::compare_values(binary_equals, "aGk=", "%") == std::nullopt);
    CHECK(iam::compare_values(ip_address, "10.1.2.3", "10.0.0.0/8") == true);
    CHECK(iam::compare_values(not_ip_address, "10.1.2.3", "10.0.0.0/8") == true);        // negation is the caller's
    CHECK(iam::compare_values(arn_equals, "arn:aws:s3:::b", "arn:aws:s3:::*") == true);  // ArnEquals takes wildcards
    CHECK(iam::compare_values(null, "a", "true") == std::nullopt);
    CHECK(iam::value_matches(numeric_equals, "2", "x") == false);
}

TEST_CASE("parse_operator and operator_text") {
    const auto spec = iam::parse_operator("ForAnyValue:StringLikeIfExists");
    REQUIRE(spec);
    CHECK(*spec == iam::operator_spec{condition_operator::string_like, iam::set_qualifier::for_any_value, true});
    CHECK(iam::operator_text(*spec) == "ForAnyValue:StringLikeIfExists");
    // `NullIfExists` is returned so the grammar can say why it is wrong.
    REQUIRE(iam::parse_operator("NullIfExists"));
    CHECK_FALSE(iam::info_of(iam::parse_operator("NullIfExists")->op).takes_if_exists);
    CHECK_FALSE(iam::parse_operator("StringEqualsIgnorecase"));
    CHECK_FALSE(iam::parse_operator("IfExists"));
}
