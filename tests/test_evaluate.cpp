// SPDX-License-Identifier: MIT
// Tests of include/iam/evaluate.hpp (with policy_index.hpp, applicability.hpp and
// request.hpp): AWS's evaluation logic for an IAM user's request, rule by rule.
#include <iam/evaluate.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

using iam::context_type;
using iam::decision;

namespace {

iam::policy load(const std::string& text) {
    auto parsed = iam::parse_policy(text);
    REQUIRE_MESSAGE(parsed.has_value(), text);
    return parsed.value();
}

// A one-statement 2012-10-17 policy.
std::string statement(const std::string& effect, const std::string& action, const std::string& resource,
                      const std::string& condition = "", const std::string& version = "2012-10-17") {
    std::string s = R"({"Effect":")" + effect + R"(","Action":)" + action + R"(,"Resource":)" + resource;
    if (!condition.empty()) s += R"(,"Condition":)" + condition;
    s += "}";
    return version.empty() ? R"({"Statement":[)" + s + "]}"
                           : R"({"Version":")" + version + R"(","Statement":[)" + s + "]}";
}

struct scenario {
    std::vector<std::string> identity;
    std::vector<std::string> boundary;
    iam::request request{"s3:GetObject", "arn:aws:s3:::bucket/key", "arn:aws:iam::123456789012:user/alice", "", {}};

    iam::evaluation_result run() const {
        iam::policy_set set;
        for (std::size_t i = 0; i < identity.size(); ++i)
            set.identity.push_back({"p" + std::to_string(i), load(identity[i])});
        for (std::size_t i = 0; i < boundary.size(); ++i)
            set.boundary.push_back({"b" + std::to_string(i), load(boundary[i])});
        return iam::evaluate(request, std::move(set));
    }
    decision decide() const { return run().decision; }
};

decision with_condition(const std::string& condition, std::vector<iam::context_entry> context) {
    scenario s;
    s.identity = {statement("Allow", R"("s3:GetObject")", R"("*")", condition)};
    s.request.caller_arn.clear();  // nothing derived from a caller: the context is exactly `context`
    s.request.context = std::move(context);
    return s.decide();
}

iam::context_entry entry(std::string key, std::vector<std::string> values, context_type type = context_type::string) {
    return {std::move(key), std::move(values), type};
}

}  // namespace

TEST_CASE("default deny; an allow grants; an explicit deny wins over any allow") {
    scenario s;
    CHECK(s.decide() == decision::implicit_deny);
    s.identity = {statement("Allow", R"("s3:*")", R"("*")")};
    CHECK(s.decide() == decision::allowed);
    s.identity.push_back(statement("Deny", R"("s3:GetObject")", R"("arn:aws:s3:::bucket/*")"));
    const auto r = s.run();
    CHECK(r.decision == decision::explicit_deny);
    CHECK(r.matched ==
          std::vector<iam::statement_ref>{{1, 0, iam::policy_layer::identity}});  // the deny alone explains it
}

TEST_CASE("the union of identity policies allows; the explanation names each allowing statement") {
    scenario s;
    s.identity = {statement("Allow", R"("ec2:*")", R"("*")"), statement("Allow", R"(["s3:Get*","s3:List*"])", R"("*")"),
                  statement("Allow", R"("*")", R"("arn:aws:s3:::bucket/*")")};
    const auto r = s.run();
    CHECK(r.decision == decision::allowed);
    CHECK(r.matched ==
          std::vector<iam::statement_ref>{{1, 0, iam::policy_layer::identity}, {2, 0, iam::policy_layer::identity}});
}

TEST_CASE("a permissions boundary intersects: both must allow, and its deny is explicit") {
    // UG access_policies_boundaries: "the effective permissions ... are the intersection".
    scenario s;
    s.identity = {statement("Allow", R"("s3:*")", R"("*")")};
    s.boundary = {statement("Allow", R"("s3:GetObject")", R"("*")")};
    auto r = s.run();
    CHECK(r.decision == decision::allowed);
    CHECK(r.has_boundary);
    CHECK(r.allowed_by_boundary);
    CHECK(r.matched ==
          std::vector<iam::statement_ref>{{0, 0, iam::policy_layer::identity}, {0, 0, iam::policy_layer::boundary}});
    s.boundary = {statement("Allow", R"("ec2:*")", R"("*")")};
    r = s.run();
    CHECK(r.decision == decision::implicit_deny);
    CHECK_FALSE(r.allowed_by_boundary);
    s.boundary = {statement("Deny", R"("s3:*")", R"("*")")};
    CHECK(s.decide() == decision::explicit_deny);
    s.identity = {statement("Allow", R"("ec2:*")", R"("*")")};  // the boundary grants nothing by itself
    s.boundary = {statement("Allow", R"("s3:*")", R"("*")")};
    CHECK(s.decide() == decision::implicit_deny);
}

TEST_CASE("actions match ignoring case with wildcards; NotAction applies to every other action") {
    scenario s;
    s.identity = {statement("Allow", R"("S3:getobj*")", R"("*")")};
    CHECK(s.decide() == decision::allowed);
    s.identity = {R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}})"};
    CHECK(s.decide() == decision::allowed);
    s.request.action = "IAM:CreateUser";
    CHECK(s.decide() == decision::implicit_deny);
}

TEST_CASE("resources match case-sensitively; NotResource; `*` for an action with resource types means any") {
    scenario s;
    s.identity = {statement("Allow", R"("*")", R"("arn:aws:s3:::Bucket/*")")};
    CHECK(s.decide() == decision::implicit_deny);
    s.identity = {
        R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","NotResource":"arn:aws:s3:::other/*"}})"};
    CHECK(s.decide() == decision::allowed);
    s.request.resource = "arn:aws:s3:::other/x";
    CHECK(s.decide() == decision::implicit_deny);
    // `*`, SimulateCustomPolicy's default, asks for an action with resource types whether
    // some resource is allowed (the reference simulator; AWS is silent): an Allow applies
    // unless it excludes everything, a Deny only if it covers everything.
    s.request.resource = "*";
    s.request.action_has_resource_types = true;
    s.identity = {statement("Allow", R"("*")", R"("arn:aws:s3:::specific/key")")};
    CHECK(s.decide() == decision::allowed);
    CHECK(s.run().some_resource);
    s.identity.push_back(statement("Deny", R"("*")", R"("arn:aws:s3:::*")"));
    CHECK(s.decide() == decision::allowed);
    s.identity.push_back(statement("Deny", R"("*")", R"(["arn:aws:s3:::x","*"])"));
    CHECK(s.decide() == decision::explicit_deny);
    s.identity = {R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","NotResource":"*"}})"};
    CHECK(s.decide() == decision::implicit_deny);
    s.identity = {
        statement("Allow", R"("*")", R"("*")"),
        R"({"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"*","NotResource":"arn:aws:s3:::x"}})"};
    CHECK(s.decide() == decision::allowed);
}

TEST_CASE("a resource of another account is not allowed by identity policies alone") {
    scenario s;
    s.identity = {statement("Allow", R"("*")", R"("*")")};
    s.request.resource_owner = "arn:aws:iam::210987654321:root";
    auto r = s.run();
    CHECK(r.decision == decision::implicit_deny);
    CHECK_FALSE(r.same_account);
    s.request.resource_owner.clear();
    s.request.resource = "arn:aws:iam::210987654321:user/bob";  // the ARN names the owner
    CHECK(s.decide() == decision::implicit_deny);
    s.request.resource = "arn:aws:iam::123456789012:user/bob";
    CHECK(s.decide() == decision::allowed);
    s.identity = {statement("Deny", R"("*")", R"("*")")};
    s.request.resource_owner = "210987654321";
    CHECK(s.decide() == decision::explicit_deny);
}

TEST_CASE("a KMS key needs its key policy: identity policies alone do not allow it") {
    scenario s;
    s.identity = {statement("Allow", R"("kms:*")", R"("*")")};
    s.request.action = "kms:Decrypt";
    s.request.resource = "arn:aws:kms:us-east-1:123456789012:key/1234abcd";
    const auto r = s.run();
    CHECK(r.decision == decision::implicit_deny);
    CHECK(r.needs_resource_policy);
    CHECK(r.same_account);
    s.request.resource = "arn:aws:kms:us-east-1:123456789012:alias/app";
    CHECK(s.decide() == decision::allowed);
    s.request.resource = "*";
    CHECK(s.decide() == decision::allowed);
    s.identity = {statement("Allow", R"("*")", R"("*")")};  // other services may name a key as their resource
    s.request.action = "logs:AssociateKmsKey";
    s.request.resource = "arn:aws:kms:us-east-1:123456789012:key/1234abcd";
    CHECK(s.decide() == decision::allowed);
}

TEST_CASE("sts:GetCallerIdentity needs no permission and cannot be denied") {
    // STS API reference, GetCallerIdentity: "No permissions are required to perform this
    // operation. If an administrator attaches a policy to your identity that explicitly
    // denies access to the sts:GetCallerIdentity action, you can still perform this operation."
    scenario s;
    s.request.action = "STS:GetCallerIdentity";
    s.request.resource = "*";
    CHECK(s.decide() == decision::allowed);
    s.identity = {statement("Deny", R"("*")", R"("*")")};
    CHECK(s.decide() == decision::allowed);
}

TEST_CASE("conditions: several keys AND, several values OR, key names ignore case") {
    const auto user = [](std::string name) { return entry("aws:username", {std::move(name)}); };
    CHECK(with_condition(R"({"StringEquals":{"aws:username":["bob","alice"]}})", {user("alice")}) == decision::allowed);
    CHECK(with_condition(R"({"StringEquals":{"AWS:UserName":"alice"}})", {user("alice")}) == decision::allowed);
    CHECK(with_condition(R"({"StringEquals":{"aws:username":"alice","aws:x":"1"}})", {user("alice")}) ==
          decision::implicit_deny);
    CHECK(with_condition(R"({"StringEquals":{"aws:username":"alice"},"StringLike":{"aws:x":"1*"}})",
                         {user("alice"), entry("aws:x", {"12"})}) == decision::allowed);
}

TEST_CASE("conditions: missing keys fail positive operators, satisfy negated ones and IfExists") {
    CHECK(with_condition(R"({"StringEquals":{"aws:username":"bob"}})", {}) == decision::implicit_deny);
    CHECK(with_condition(R"({"StringNotEquals":{"aws:username":"bob"}})", {}) == decision::allowed);
    CHECK(with_condition(R"({"StringEqualsIfExists":{"aws:username":"bob"}})", {}) == decision::allowed);
    CHECK(with_condition(R"({"NotIpAddress":{"aws:SourceIp":"10.0.0.0/8"}})", {}) == decision::allowed);
    CHECK(with_condition(R"({"ArnNotLike":{"aws:SourceArn":"arn:aws:sns:*:*:x"}})", {}) == decision::allowed);
    CHECK(with_condition(R"({"Null":{"aws:TokenIssueTime":"true"}})", {}) == decision::allowed);
    CHECK(with_condition(R"({"Null":{"aws:TokenIssueTime":"false"}})", {}) == decision::implicit_deny);
    CHECK(with_condition(R"({"Null":{"aws:TokenIssueTime":"false"}})", {entry("aws:TokenIssueTime", {"x"})}) ==
          decision::allowed);
    // An empty list is a present key (the reference simulator).
    CHECK(with_condition(R"({"Null":{"aws:TagKeys":"true"}})", {entry("aws:TagKeys", {}, context_type::string_list)}) ==
          decision::implicit_deny);
}

TEST_CASE("conditions: ForAnyValue and ForAllValues on multivalued keys, empty and missing sets") {
    const auto tags = [](std::vector<std::string> v) {
        return entry("aws:TagKeys", std::move(v), context_type::string_list);
    };
    CHECK(with_condition(R"({"ForAnyValue:StringEquals":{"aws:TagKeys":"a"}})", {tags({"a", "b"})}) ==
          decision::allowed);
    CHECK(with_condition(R"({"ForAllValues:StringEquals":{"aws:TagKeys":"a"}})", {tags({"a", "b"})}) ==
          decision::implicit_deny);
    CHECK(with_condition(R"({"ForAllValues:StringEquals":{"aws:TagKeys":["a","b"]}})", {tags({"a", "b"})}) ==
          decision::allowed);
    CHECK(with_condition(R"({"ForAllValues:StringEquals":{"aws:TagKeys":"a"}})", {}) == decision::allowed);
    CHECK(with_condition(R"({"ForAllValues:StringEquals":{"aws:TagKeys":"a"}})", {tags({})}) == decision::allowed);
    CHECK(with_condition(R"({"ForAnyValue:StringEquals":{"aws:TagKeys":"a"}})", {}) == decision::implicit_deny);
    CHECK(with_condition(R"({"ForAnyValue:StringNotEquals":{"aws:TagKeys":"a"}})", {tags({"a", "b"})}) ==
          decision::allowed);
    CHECK(with_condition(R"({"ForAllValues:StringNotEquals":{"aws:TagKeys":"a"}})", {tags({"a", "b"})}) ==
          decision::implicit_deny);
    CHECK(with_condition(R"({"ForAllValues:StringNotEquals":{"aws:TagKeys":"a"}})", {tags({"b"})}) ==
          decision::allowed);
    // A single-valued operator on a multivalued key does not match (the reference simulator).
    CHECK(with_condition(R"({"StringEquals":{"aws:TagKeys":"a"}})", {tags({"a"})}) == decision::implicit_deny);
    CHECK(with_condition(R"({"StringNotEquals":{"aws:TagKeys":"a"}})", {tags({"b"})}) == decision::implicit_deny);
}

TEST_CASE("conditions: every operator family") {
    const auto one = [](const char* key, const char* value, context_type type) {
        return std::vector{entry(key, {value}, type)};
    };
    CHECK(with_condition(R"({"StringEqualsIgnoreCase":{"aws:username":"ALICE"}})",
                         one("aws:username", "alice", context_type::string)) == decision::allowed);
    CHECK(with_condition(R"({"StringNotEqualsIgnoreCase":{"aws:username":"ALICE"}})",
                         one("aws:username", "alice", context_type::string)) == decision::implicit_deny);
    CHECK(with_condition(R"({"StringLike":{"aws:username":"A*"}})",
                         one("aws:username", "alice", context_type::string)) == decision::implicit_deny);
    CHECK(with_condition(R"({"StringNotLike":{"aws:username":"a*"}})",
                         one("aws:username", "bob", context_type::string)) == decision::allowed);
    CHECK(with_condition(R"({"NumericLessThan":{"aws:MultiFactorAuthAge":"3600"}})",
                         one("aws:MultiFactorAuthAge", "100", context_type::numeric)) == decision::allowed);
    CHECK(with_condition(R"({"NumericGreaterThanEquals":{"ctx:n":"3600"}})",
                         one("ctx:n", "3600", context_type::numeric)) == decision::allowed);
    CHECK(with_condition(R"({"NumericEquals":{"ctx:n":5}})", one("ctx:n", "5.0", context_type::numeric)) ==
          decision::allowed);
    CHECK(with_condition(R"({"NumericNotEquals":{"ctx:n":"5"}})", one("ctx:n", "6", context_type::numeric)) ==
          decision::allowed);
    CHECK(with_condition(R"({"NumericLessThanEquals":{"ctx:n":"5"}})", one("ctx:n", "6", context_type::numeric)) ==
          decision::implicit_deny);
    CHECK(with_condition(R"({"NumericGreaterThan":{"ctx:n":"5"}})", one("ctx:n", "6", context_type::numeric)) ==
          decision::allowed);
    CHECK(with_condition(R"({"DateGreaterThan":{"aws:CurrentTime":"2020-01-01T00:00:00Z"}})",
                         one("aws:CurrentTime", "2021-01-01T00:00:00Z", context_type::date)) == decision::allowed);
    CHECK(with_condition(R"({"DateEquals":{"ctx:t":"2020-01-01T02:00:00+02:00"}})",
                         one("ctx:t", "2020-01-01T00:00:00Z", context_type::date)) == decision::allowed);
    CHECK(with_condition(R"({"DateLessThan":{"ctx:t":"1577836800"}})",
                         one("ctx:t", "2019-12-31", context_type::date)) == decision::allowed);
    CHECK(with_condition(R"({"DateNotEquals":{"ctx:t":"2020-01-01"}})",
                         one("ctx:t", "2020-01-02", context_type::date)) == decision::allowed);
    CHECK(with_condition(R"({"DateLessThanEquals":{"ctx:t":"2020-01-01"}})",
                         one("ctx:t", "2020-01-01", context_type::date)) == decision::allowed);
    CHECK(with_condition(R"({"DateGreaterThanEquals":{"ctx:t":"2020-01-02"}})",
                         one("ctx:t", "2020-01-01", context_type::date)) == decision::implicit_deny);
    // Bool reads `true`/`false` as AWS spells them; "True" is unreadable (tests/test_condition.cpp).
    CHECK(with_condition(R"({"Bool":{"aws:SecureTransport":"true"}})",
                         one("aws:SecureTransport", "True", context_type::boolean)) == decision::implicit_deny);
    CHECK(with_condition(R"({"Bool":{"aws:SecureTransport":true}})",
                         one("aws:SecureTransport", "false", context_type::boolean)) == decision::implicit_deny);
    CHECK(with_condition(R"({"BinaryEquals":{"ctx:k":"aGVsbG8="}})", one("ctx:k", "aGVsbG8=", context_type::binary)) ==
          decision::allowed);
    CHECK(with_condition(R"({"BinaryEquals":{"ctx:k":"aGVsbG8="}})", one("ctx:k", "aGk=", context_type::binary)) ==
          decision::implicit_deny);
    CHECK(with_condition(R"({"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}})",
                         one("aws:SourceIp", "10.1.2.3", context_type::ip)) == decision::allowed);
    CHECK(with_condition(R"({"IpAddress":{"aws:SourceIp":"2001:db8::/32"}})",
                         one("aws:SourceIp", "2001:db8::1", context_type::ip)) == decision::allowed);
    CHECK(with_condition(R"({"NotIpAddress":{"aws:SourceIp":"10.0.0.0/8"}})",
                         one("aws:SourceIp", "11.0.0.1", context_type::ip)) == decision::allowed);
    CHECK(with_condition(R"({"NotIpAddress":{"aws:SourceIp":"10.0.0.0/8"}})",
                         one("aws:SourceIp", "2001:db8::1", context_type::ip)) == decision::allowed);
    // An address of the other family is not inside the network (tests/test_condition.cpp).
    CHECK(with_condition(R"({"NotIpAddress":{"aws:SourceIp":"192.0.2.7"}})",
                         one("aws:SourceIp", "2001:db8::1", context_type::ip)) == decision::allowed);
    CHECK(with_condition(R"({"IpAddress":{"aws:SourceIp":"::/0"}})",
                         one("aws:SourceIp", "1.2.3.4", context_type::ip)) == decision::implicit_deny);
    CHECK(with_condition(R"({"ArnLike":{"aws:SourceArn":"arn:aws:sns:*:123456789012:topic*"}})",
                         one("aws:SourceArn", "arn:aws:sns:us-east-1:123456789012:topicA", context_type::string)) ==
          decision::allowed);
    CHECK(with_condition(R"({"ArnEquals":{"ctx:s":"arn:aws:logs:*:*:log-group:*"}})",
                         one("ctx:s", "arn:aws:logs:us-east-1:1:log-group:a:b", context_type::string)) ==
          decision::allowed);
    CHECK(with_condition(R"({"ArnLike":{"ctx:s":"arn:aws:*:*:*:*"}})", one("ctx:s", "hello", context_type::string)) ==
          decision::implicit_deny);
    CHECK(with_condition(R"({"ArnNotEquals":{"ctx:s":"arn:aws:sns:*:*:x"}})",
                         one("ctx:s", "arn:aws:sns:r:1:y", context_type::string)) == decision::allowed);
}

TEST_CASE("conditions: an unreadable request value fails closed (an Allow's condition fails, a Deny's holds)") {
    // AWS is silent on a value its operator cannot read; it must never let a request through.
    scenario s;
    s.identity = {statement("Allow", R"("*")", R"("*")", R"({"NumericLessThan":{"ctx:n":"10"}})")};
    s.request.context = {entry("ctx:n", {"ten"}, context_type::numeric)};
    const auto r = s.run();
    CHECK(r.decision == decision::implicit_deny);
    REQUIRE(r.unreadable.size() == 1);
    CHECK(r.unreadable[0] ==
          iam::unreadable_value{
              "ctx:n", {iam::condition_operator::numeric_less_than}, "ten", {0, 0, iam::policy_layer::identity}});
    // Nor does it satisfy a negated operator in an Allow (the reference simulator agrees).
    s.identity = {statement("Allow", R"("*")", R"("*")", R"({"NotIpAddress":{"aws:SourceIp":"10.0.0.0/8"}})")};
    s.request.context = {entry("aws:SourceIp", {"nope"}, context_type::ip)};
    CHECK(s.decide() == decision::implicit_deny);
    s.identity = {statement("Allow", R"("*")", R"("*")", R"({"NumericNotEquals":{"ctx:n":"10"}})")};
    s.request.context = {entry("ctx:n", {"ten"}, context_type::numeric)};
    CHECK(s.decide() == decision::implicit_deny);
    // In an Allow it fails even beside a value of the set that matches.
    s.identity = {statement("Allow", R"("*")", R"("*")", R"({"ForAnyValue:IpAddress":{"ctx:ips":"10.0.0.0/8"}})")};
    s.request.context = {entry("ctx:ips", {"10.0.0.1", "x"}, context_type::ip_list)};
    CHECK(s.decide() == decision::implicit_deny);
}

// Review finding 2: Deny with NotIpAddress and aws:SourceIp 10.0.0.256 was `allowed`.
TEST_CASE("regression: an unreadable request value in a Deny's condition keeps the Deny on") {
    scenario s;
    s.identity = {statement("Allow", R"("*")", R"("*")"),
                  statement("Deny", R"("*")", R"("*")", R"({"NotIpAddress":{"aws:SourceIp":"10.0.0.0/8"}})")};
    s.request.context = {entry("aws:SourceIp", {"10.0.0.256"}, context_type::ip)};
    auto r = s.run();
    CHECK(r.decision == decision::explicit_deny);
    CHECK(r.matched == std::vector<iam::statement_ref>{{1, 0, iam::policy_layer::identity}});
    CHECK(r.unreadable == std::vector<iam::unreadable_value>{{"aws:SourceIp",
                                                              {iam::condition_operator::not_ip_address},
                                                              "10.0.0.256",
                                                              {1, 0, iam::policy_layer::identity}}});
    // Positive operators and set qualifiers too.
    s.identity[1] = statement("Deny", R"("*")", R"("*")", R"({"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}})");
    CHECK(s.decide() == decision::explicit_deny);
    s.identity[1] = statement("Deny", R"("*")", R"("*")", R"({"ForAllValues:NumericLessThan":{"ctx:n":"10"}})");
    s.request.context = {entry("ctx:n", {"20", "ten"}, context_type::numeric_list)};
    CHECK(s.decide() == decision::explicit_deny);
    // A readable value decides as before.
    s.request.context = {entry("ctx:n", {"20", "30"}, context_type::numeric_list)};
    CHECK(s.decide() == decision::allowed);
}

TEST_CASE("missing condition keys are listed with the statement that needed them") {
    iam::policy_set set;
    set.identity.push_back(
        {"p", load(statement("Allow", R"("*")", R"("*")", R"({"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}})"))});
    const iam::compiled_policy_set compiled(std::move(set));
    const auto r = compiled.evaluate({"s3:GetObject", "arn:aws:s3:::b/k", "", "", {}});
    CHECK(r.decision == decision::implicit_deny);
    REQUIRE(r.missing.size() == 1);
    CHECK(r.missing[0].key == "aws:SourceIp");
    CHECK(r.missing[0].in == iam::statement_ref{0, 0, iam::policy_layer::identity});
    CHECK_FALSE(r.missing[0].statement_applies);
    CHECK(r.missing[0].statement_could_flip);
    CHECK(r.missing[0].could_become == iam::decision_set{decision::allowed});
}

TEST_CASE("policy variables in resources and condition values (Version 2012-10-17 only)") {
    scenario s;
    s.request.caller_arn.clear();  // no caller: no derived aws:username
    s.identity = {statement("Allow", R"("*")", R"("arn:aws:s3:::bucket/${aws:username}/*")")};
    s.request.resource = "arn:aws:s3:::bucket/alice/notes.txt";
    CHECK(s.decide() == decision::implicit_deny);  // no value, no default: matches nothing
    s.request.context = {entry("aws:username", {"alice"})};
    CHECK(s.decide() == decision::allowed);
    s.identity = {statement("Allow", R"("*")", R"("arn:aws:s3:::bucket/${AWS:UserName}/*")")};
    CHECK(s.decide() == decision::allowed);
    s.identity = {statement("Allow", R"("*")", R"("arn:aws:s3:::bucket/${aws:PrincipalTag/team, 'shared'}/*")")};
    s.request.resource = "arn:aws:s3:::bucket/shared/x";
    CHECK(s.decide() == decision::allowed);
    s.request.context.push_back(entry("aws:PrincipalTag/team", {"blue"}));
    CHECK(s.decide() == decision::implicit_deny);
    s.request.resource = "arn:aws:s3:::bucket/blue/x";
    CHECK(s.decide() == decision::allowed);
    // ${*}, ${?} and ${$} are the literal characters; substituted values are literal too.
    s.identity = {statement("Allow", R"("*")", R"("arn:aws:s3:::bucket/${*}${?}${$}")")};
    s.request.resource = "arn:aws:s3:::bucket/*?$";
    CHECK(s.decide() == decision::allowed);
    s.request.resource = "arn:aws:s3:::bucket/ab$";
    CHECK(s.decide() == decision::implicit_deny);
    s.identity = {statement("Allow", R"("*")", R"("arn:aws:s3:::bucket/${aws:username}")")};
    s.request.context = {entry("aws:username", {"*"})};
    s.request.resource = "arn:aws:s3:::bucket/anything";
    CHECK(s.decide() == decision::implicit_deny);
    // In conditions, with StringLike keeping its own wildcards.
    CHECK(with_condition(R"({"StringLike":{"s3:prefix":"home/${aws:username}/*"}})",
                         {entry("s3:prefix", {"home/alice/x"}), entry("aws:username", {"alice"})}) ==
          decision::allowed);
    CHECK(with_condition(R"({"StringEquals":{"s3:prefix":"${aws:username}"}})", {entry("s3:prefix", {""})}) ==
          decision::implicit_deny);
    // Inverted operators match a variable with no value (tests/test_condition.cpp).
    CHECK(with_condition(R"({"StringNotEquals":{"s3:prefix":"${aws:username}"}})", {entry("s3:prefix", {"x"})}) ==
          decision::allowed);
    CHECK(with_condition(R"({"StringEquals":{"s3:prefix":["${aws:username}","x"]}})", {entry("s3:prefix", {"x"})}) ==
          decision::allowed);
    CHECK(with_condition(R"({"StringNotEquals":{"s3:prefix":["${aws:username}","w"]}})", {entry("s3:prefix", {"x"})}) ==
          decision::allowed);
    scenario n;
    n.request.caller_arn.clear();
    n.request.resource = "arn:aws:s3:::bucket/key";
    n.identity = {statement("Allow", R"("*")", R"(["arn:aws:s3:::${aws:username}/*","arn:aws:s3:::bucket/*"])")};
    CHECK(n.decide() == decision::allowed);
}

TEST_CASE("AWS's documentation wins: cases where the reference simulator answers otherwise") {
    scenario s;
    s.request.context = {entry("aws:username", {"alice"})};
    SUBCASE("no Version: variables are literal text") {
        // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
        // "If you don't include the Version element, the variables are treated as literal
        // strings" — the reference simulator substitutes them.
        s.identity = {statement("Allow", R"("*")", R"("arn:aws:s3:::b/${aws:username}")", "", "")};
        s.request.resource = "arn:aws:s3:::b/alice";
        CHECK(s.decide() == decision::implicit_deny);
        s.request.resource = "arn:aws:s3:::b/${aws:username}";
        CHECK(s.decide() == decision::allowed);
    }
    SUBCASE("Version 2008-10-17: variables are literal text") {
        // Same page: "policy variables ... work only with the version 2012-10-17"; the
        // reference simulator matches nothing here.
        s.identity = {statement("Allow", R"("*")", R"("arn:aws:s3:::b/${aws:username}")", "", "2008-10-17")};
        s.request.resource = "arn:aws:s3:::b/${aws:username}";
        CHECK(s.decide() == decision::allowed);
    }
    SUBCASE("a `*` inside an ARN segment does not cross colons") {
        // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
        // "You can use wildcard characters (* and ?) within any ARN segment ... If the *
        // wildcard is the last character of a resource ARN segment, it can expand to match
        // beyond the colon boundaries." — the reference simulator lets any `*` cross.
        s.identity = {statement("Allow", R"("*")", R"("arn:aws:s3:::my*bucket")")};
        s.request.resource = "arn:aws:s3:::my:x:bucket";
        CHECK(s.decide() == decision::implicit_deny);
    }
    SUBCASE("Date operators take epoch time in the request") {
        // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
        // "You must specify date/time values with one of the W3C implementations of the ISO
        // 8601 date formats or in epoch (UNIX) time" — the reference simulator reads no
        // epoch value from the request context.
        CHECK(with_condition(R"({"DateGreaterThan":{"aws:EpochTime":"2020-01-01T00:00:00Z"}})",
                             {entry("aws:EpochTime", {"1700000000"}, context_type::date)}) == decision::allowed);
    }
    SUBCASE("epoch time in a policy is seconds, not milliseconds") {
        // Same page: "epoch (UNIX) time" counts seconds; the reference simulator reads the
        // number as milliseconds, so 1704067200 would be a day in January 1970.
        CHECK(with_condition(R"({"DateEquals":{"aws:CurrentTime":"1704067200"}})",
                             {entry("aws:CurrentTime", {"2024-01-01T00:00:00Z"}, context_type::date)}) ==
              decision::allowed);
        CHECK(with_condition(R"({"DateLessThan":{"aws:CurrentTime":"1735689600"}})",
                             {entry("aws:CurrentTime", {"2024-01-01T00:00:00Z"}, context_type::date)}) ==
              decision::allowed);
    }
    SUBCASE("a variable in the resource part of any ARN, SQS queues included") {
        // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
        // "You can use policy variables in the Resource element and in string comparisons in
        // the Condition element" — the reference simulator never matches a variable that
        // makes up an SQS queue name.
        s.identity = {statement("Allow", R"("*")", R"("arn:aws:sqs:*:123456789012:queue-${aws:username}")")};
        s.request.action = "sqs:GetQueueUrl";
        s.request.resource = "arn:aws:sqs:us-east-1:123456789012:queue-alice";
        CHECK(s.decide() == decision::allowed);
    }
    SUBCASE("a request on `*` for an action without resource types: the resource is `*` itself") {
        // Service Authorization Reference, e.g.
        // https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsiamidentitycenter.html
        // "If there is no value for this column, you must specify all resources ("*") to
        // which the policy applies in the Resource element of your policy statement." The
        // reference simulator reads `*` as "some resource" for these actions too.
        s.request.action = "s3:ListAllMyBuckets";  // the catalog lists no resource type for it
        s.request.resource = "*";
        s.identity = {statement("Allow", R"("s3:*")", R"("arn:aws:s3:::*")")};
        auto r = s.run();
        CHECK(r.decision == decision::implicit_deny);  // no pattern matches the text `*`
        CHECK_FALSE(r.some_resource);
        s.identity = {statement("Allow", R"("s3:*")", R"("*")")};
        CHECK(s.decide() == decision::allowed);
        s.identity = {
            R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","NotResource":"arn:aws:s3:::secret/*"}})"};
        CHECK(s.decide() == decision::allowed);  // `*` is not in the excluded set
        // A Deny whose NotResource does not match `*` applies (the "some resource" reading
        // would switch it off: a wrong allow).
        s.identity.push_back(
            R"({"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"s3:*","NotResource":"arn:aws:s3:::public/*"}})");
        CHECK(s.decide() == decision::explicit_deny);
        s.identity = {statement("Allow", R"("s3:*")", R"("*")"), statement("Deny", R"("s3:*")", R"("arn:aws:s3:::*")")};
        CHECK(s.decide() == decision::allowed);  // the Deny names no resource `*` can be
        // An action with resource types keeps the "some resource" reading, and says so.
        s.request.action = "s3:GetObject";
        s.request.action_has_resource_types = true;
        s.identity = {statement("Allow", R"("s3:*")", R"("arn:aws:s3:::public/*")")};
        r = s.run();
        CHECK(r.decision == decision::allowed);
        CHECK(r.some_resource);
    }
    SUBCASE("a variable with no value in NotResource excludes nothing: a Deny stays on") {
        // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#policy-vars-no-value
        // "If a variable that has no value in the authorization context is used as part of
        // the Resource or NotResource element of a policy, the resource that includes a
        // policy variable with no value will not match any resource." The reference
        // simulator never applies such a statement, which turns the Deny off.
        s.request.resource = "arn:aws:s3:::home/blue/x";
        s.identity = {
            statement("Allow", R"("s3:*")", R"("*")"),
            R"({"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"s3:*","NotResource":"arn:aws:s3:::home/${aws:PrincipalTag/team}/*"}})"};
        auto r = s.run();
        CHECK(r.decision == decision::explicit_deny);
        REQUIRE(r.missing.size() == 1);
        CHECK(r.missing[0].key == "aws:PrincipalTag/team");
        CHECK(r.missing[0].statement_applies);
        CHECK(r.could_become.contains(decision::allowed));  // team=blue would exclude this resource
        s.request.context.push_back(entry("aws:PrincipalTag/team", {"blue"}));
        CHECK(s.decide() == decision::allowed);
        // In Resource it matches nothing: a Deny there stays off, an Allow does not grant.
        s.request.context = {};
        s.identity = {statement("Allow", R"("s3:*")", R"("*")"),
                      statement("Deny", R"("s3:*")", R"("arn:aws:s3:::home/${aws:PrincipalTag/team}/*")")};
        CHECK(s.decide() == decision::allowed);
        s.identity = {statement("Allow", R"("s3:*")", R"("arn:aws:s3:::home/${aws:PrincipalTag/team}/*")")};
        CHECK(s.decide() == decision::implicit_deny);
    }
    SUBCASE("a variable in the account segment resolves") {
        // AWS's own managed policies put ${aws:PrincipalAccount} in the account segment
        // (AmazonTimestreamInfluxDBServiceRolePolicy, statement DecryptPluginSecretStatement:
        // "arn:*:kms:*:${aws:PrincipalAccount}:key/*"), as nine others do; the reference
        // simulator never matches such a pattern, which turns a Deny off.
        s.request.action = "iam:PassRole";
        s.request.resource = "arn:aws:iam::123456789012:role/admin";
        s.identity = {statement("Allow", R"("*")", R"("*")"),
                      statement("Deny", R"("iam:*")", R"("arn:aws:iam::${aws:PrincipalAccount}:role/admin")")};
        CHECK(s.decide() == decision::explicit_deny);  // aws:PrincipalAccount from the caller alice
        s.identity = {statement("Allow", R"("iam:PassRole")", R"("arn:aws:iam::${aws:PrincipalAccount}:role/*")")};
        CHECK(s.decide() == decision::allowed);
    }
}

TEST_CASE("AWS-owned resources: reading an AWS managed policy needs only the identity policy") {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html
    // "You cannot change the permissions defined in AWS managed policies." Its ARN names the
    // account `aws`, which is not a foreign customer's account.
    scenario s;
    s.identity = {statement("Allow", R"("iam:*")", R"("*")")};
    s.request.resource = "arn:aws:iam::aws:policy/ReadOnlyAccess";
    for (const char* read :
         {"iam:GetPolicy", "iam:GetPolicyVersion", "iam:ListPolicyVersions", "iam:ListEntitiesForPolicy",
          "iam:ListPolicyTags", "iam:GenerateServiceLastAccessedDetails"}) {
        s.request.action = read;
        const auto r = s.run();
        CHECK_MESSAGE(r.decision == decision::allowed, read);
        CHECK(r.same_account);
        CHECK_FALSE(r.needs_resource_policy);
    }
    for (const char* change :
         {"iam:CreatePolicyVersion", "iam:DeletePolicy", "iam:SetDefaultPolicyVersion", "iam:TagPolicy"}) {
        s.request.action = change;
        const auto r = s.run();
        CHECK_MESSAGE(r.decision == decision::implicit_deny, change);
        CHECK_FALSE(r.not_grantable.empty());
    }
    s.request.action = "iam:GetPolicy";  // a Deny still denies
    s.identity.push_back(statement("Deny", R"("iam:GetPolicy")", R"("arn:aws:iam::aws:policy/*")"));
    CHECK(s.decide() == decision::explicit_deny);
}

TEST_CASE("ResourceOwner names the owner only of a resource whose ARN names none") {
    // https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulateCustomPolicy.html
    // ResourceOwner: "specifies the owner of any simulated resource that does not identify
    // its owner in the resource ARN".
    scenario s;
    s.identity = {statement("Allow", R"("*")", R"("*")")};
    s.request.resource_owner = "arn:aws:iam::210987654321:root";
    s.request.action = "iam:GetUser";
    s.request.resource = "arn:aws:iam::123456789012:user/bob";  // the ARN says: the caller's account
    CHECK(s.decide() == decision::allowed);
    s.request.resource_owner = "123456789012";
    s.request.resource = "arn:aws:iam::210987654321:user/bob";  // and here another one
    CHECK(s.decide() == decision::implicit_deny);
    s.request.resource_owner = "arn:aws:iam::210987654321:root";
    s.request.action = "s3:GetObject";
    s.request.resource = "arn:aws:s3:::bucket/key";  // S3 ARNs name no account: ResourceOwner says
    const auto r = s.run();
    CHECK(r.decision == decision::implicit_deny);
    CHECK_FALSE(r.same_account);
}

TEST_CASE("what no customer policy can grant: implicitDeny with the reason") {
    scenario s;
    s.identity = {statement("Allow", R"("*")", R"("*")")};
    SUBCASE("changing a service-linked role") {
        // IAM API reference, UnmodifiableEntityException (e.g.
        // https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateAssumeRolePolicy.html):
        // "The request was rejected because service-linked roles are protected AWS
        // resources. Only the service that depends on the service-linked role can modify or
        // delete the role on your behalf." UG id_roles_update-role-trust-policy: "You cannot
        // modify the trust policy for a service-linked role."
        s.request.resource =
            "arn:aws:iam::123456789012:role/aws-service-role/autoscaling.amazonaws.com/"
            "AWSServiceRoleForAutoScaling";
        for (const char* change : {"iam:UpdateAssumeRolePolicy", "iam:AttachRolePolicy", "iam:PutRolePolicy",
                                   "iam:DeleteRolePolicy", "iam:DetachRolePolicy", "iam:DeleteRole",
                                   "iam:PutRolePermissionsBoundary", "iam:DeleteRolePermissionsBoundary"}) {
            s.request.action = change;
            const auto r = s.run();
            CHECK_MESSAGE(r.decision == decision::implicit_deny, change);
            CHECK(r.not_grantable == "a service-linked role is changed only by the service it is linked to");
            CHECK(r.matched.empty());
        }
        // Reading it, editing its description and deleting it through its service stay grantable.
        for (const char* other : {"iam:GetRole", "iam:UpdateRoleDescription", "iam:DeleteServiceLinkedRole"}) {
            s.request.action = other;
            CHECK_MESSAGE(s.decide() == decision::allowed, other);
        }
        s.request.action = "iam:PutRolePolicy";  // an explicit deny stays explicit
        s.identity.push_back(statement("Deny", R"("iam:PutRolePolicy")", R"("*")"));
        CHECK(s.decide() == decision::explicit_deny);
    }
    SUBCASE("changing a role AWS reserves (/aws-reserved/)") {
        // https://repost.aws/knowledge-center/identity-center-aws-reserved-sso (AWS Knowledge
        // Center): "Cannot perform the operation on the protected role
        // 'AWSReservedSSO_RoleName_Here' - this role is only modifiable by AWS".
        s.request.resource =
            "arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/"
            "AWSReservedSSO_AdministratorAccess_0123456789abcdef";
        s.request.action = "iam:AttachRolePolicy";
        const auto r = s.run();
        CHECK(r.decision == decision::implicit_deny);
        CHECK(r.not_grantable == "a role under /aws-reserved/ is only modifiable by AWS");
        s.request.action = "iam:GetRole";
        CHECK(s.decide() == decision::allowed);
    }
    SUBCASE("creating, updating or deleting a KMS alias alias/aws/...") {
        // https://docs.aws.amazon.com/kms/latest/developerguide/alias-create.html
        // "The alias name for a customer managed key cannot begin with alias/aws/. The
        // alias/aws/ prefix is reserved for AWS managed key."
        s.request.resource = "arn:aws:kms:us-east-1:123456789012:alias/aws/s3";
        for (const char* change : {"kms:CreateAlias", "kms:UpdateAlias", "kms:DeleteAlias"}) {
            s.request.action = change;
            const auto r = s.run();
            CHECK_MESSAGE(r.decision == decision::implicit_deny, change);
            CHECK(r.not_grantable == "the alias/aws/ prefix is reserved for AWS managed keys");
        }
        s.request.resource = "arn:aws:kms:us-east-1:123456789012:alias/app";
        CHECK(s.decide() == decision::allowed);
    }
    SUBCASE("a missing key cannot make it allowed") {
        s.identity = {statement("Allow", R"("iam:*")", R"("*")", R"({"StringEquals":{"aws:RequestedRegion":"x"}})")};
        s.request.action = "iam:DeleteRole";
        s.request.resource = "arn:aws:iam::123456789012:role/aws-service-role/x.amazonaws.com/AWSServiceRoleForX";
        const auto r = s.run();
        CHECK(r.decision == decision::implicit_deny);
        CHECK_FALSE(r.could_become.contains(decision::allowed));
    }
}

TEST_CASE("a compiled set answers many requests and explains with names and Sids") {
    iam::policy_set set;
    set.identity.push_back(
        {"ReadOnly",
         load(
             R"({"Version":"2012-10-17","Statement":[{"Sid":"Read","Effect":"Allow","Action":["s3:Get*","s3:List*"],"Resource":"*"}]})")});
    set.identity.push_back(
        {"NoSecrets",
         load(
             R"({"Version":"2012-10-17","Statement":[{"Sid":"Secret","Effect":"Deny","Action":"s3:*","Resource":"arn:aws:s3:::secret/*"}]})")});
    const iam::compiled_policy_set compiled(std::move(set));
    iam::request r{"s3:GetObject", "arn:aws:s3:::public/x", "arn:aws:iam::123456789012:user/alice", "", {}};
    iam::evaluation_result out;
    iam::evaluation_workspace work;
    compiled.evaluate_into(r, out, work);
    CHECK(out.decision == decision::allowed);
    REQUIRE(out.matched.size() == 1);
    CHECK(compiled.policy_name(out.matched[0]) == "ReadOnly");
    CHECK(compiled.statement_of(out.matched[0]).sid == "Read");
    r.resource = "arn:aws:s3:::secret/x";
    compiled.evaluate_into(r, out, work);
    CHECK(out.decision == decision::explicit_deny);
    CHECK(compiled.statement_of(out.matched[0]).sid == "Secret");
    r.action = "s3:PutObject";
    r.resource = "arn:aws:s3:::public/x";
    compiled.evaluate_into(r, out, work);
    CHECK(out.decision == decision::implicit_deny);
    CHECK(out.matched.empty());
    CHECK(iam::to_string(decision::explicit_deny) == "explicitDeny");
    CHECK(iam::parse_context_type("STRINGLIST") == context_type::string_list);
    CHECK(iam::to_string(context_type::date_list) == "dateList");
    CHECK_FALSE(iam::parse_context_type("list"));
}

TEST_CASE("a workspace reused across requests changes no answer") {
    // Policy variables and principal keys use the workspace's buffers.
    iam::policy_set set;
    set.identity.push_back({"Home", load(statement("Allow", R"("s3:*")", R"("arn:aws:s3:::home/${aws:username}/*")"))});
    set.identity.push_back(
        {"Tagged", load(statement("Deny", R"("s3:Delete*")", R"("*")",
                                  R"({"StringNotEquals":{"aws:PrincipalTag/team":"${aws:RequestTag/team}"}})"))});
    set.identity.push_back(
        {"Ip", load(statement("Allow", R"("ec2:*")", R"("*")", R"({"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}})"))});
    const iam::compiled_policy_set compiled(std::move(set));
    std::vector<iam::request> requests;
    for (const char* action : {"s3:GetObject", "s3:DeleteObject", "ec2:RunInstances", "S3:GETOBJECT"})
        for (const char* resource : {"arn:aws:s3:::home/alice/a", "arn:aws:s3:::home/bob/b", "*"}) {
            iam::request r{action, resource, "arn:aws:iam::123456789012:user/alice", "", {}};
            r.caller_tags = {{"team", "red"}};
            r.context = {{"aws:SourceIp", {std::string(resource).size() > 1 ? "10.1.2.3" : "bad"}, context_type::ip}};
            requests.push_back(r);
            r.caller_arn = "arn:aws:sts::123456789012:assumed-role/Deploy/alice";
            requests.push_back(std::move(r));
        }
    iam::evaluation_result out;
    iam::evaluation_workspace work;
    for (const iam::request& r : requests) {
        CAPTURE(r.action);
        CAPTURE(r.resource);
        compiled.evaluate_into(r, out, work);
        const iam::evaluation_result fresh = compiled.evaluate(r);
        CHECK(out.decision == fresh.decision);
        CHECK(out.matched == fresh.matched);
        CHECK(out.missing == fresh.missing);
        CHECK(out.unreadable == fresh.unreadable);
        CHECK(out.could_become == fresh.could_become);
    }
}

TEST_CASE("the policy index offers each statement whose Action or NotAction names the action") {
    const auto prepare = [](const std::string& text) {
        return iam::named_compiled_policy{"p", iam::compiled_policy::make(load(text))};
    };
    std::array<std::vector<iam::named_compiled_policy>, iam::policy_layer_count> layers;
    std::vector<iam::named_compiled_policy>& identity = layers[0];
    std::vector<iam::named_compiled_policy>& boundary = layers[1];
    identity = {prepare(R"({"Version":"2012-10-17","Statement":[)"
                        R"({"Effect":"Allow","Action":["s3:Get*","ec2:Describe*"],"Resource":"*"},)"
                        R"({"Effect":"Allow","NotAction":"iam:*","Resource":"*"},)"
                        R"({"Effect":"Deny","Action":"s3:PutObject","Resource":"*"},)"
                        R"({"Effect":"Allow","Action":"*","Resource":"*"}]})")};
    boundary = {prepare(R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]})")};
    const iam::policy_index index(layers);
    const auto naming = [&](std::string_view action) {
        std::vector<iam::statement_ref> refs;
        index.for_each_naming(iam::lower_case_action(action).view(),
                              [&](const iam::statement_ref& ref, const auto&) { refs.push_back(ref); });
        std::sort(refs.begin(), refs.end());
        return refs;
    };
    using refs = std::vector<iam::statement_ref>;
    // Sorted by policy, statement, then identity before boundary.
    CHECK(naming("S3:GetObject") == refs{{0, 0, iam::policy_layer::identity},
                                         {0, 0, iam::policy_layer::boundary},
                                         {0, 1, iam::policy_layer::identity},
                                         {0, 3, iam::policy_layer::identity}});
    CHECK(naming("s3:PutObject") == refs{{0, 0, iam::policy_layer::boundary},
                                         {0, 1, iam::policy_layer::identity},
                                         {0, 2, iam::policy_layer::identity},
                                         {0, 3, iam::policy_layer::identity}});
    CHECK(naming("iam:CreateUser") == refs{{0, 0, iam::policy_layer::boundary}, {0, 3, iam::policy_layer::identity}});
    CHECK(naming("ec2:DescribeInstances") == refs{{0, 0, iam::policy_layer::identity},
                                                  {0, 0, iam::policy_layer::boundary},
                                                  {0, 1, iam::policy_layer::identity},
                                                  {0, 3, iam::policy_layer::identity}});
    CHECK(naming("EC2:DESCRIBEINSTANCES" + std::string(300, 'X')) == naming("ec2:DescribeInstances"));  // off the stack
}

TEST_CASE("principal keys: derived from an IAM user caller, each unless the request supplies it") {
    // UG reference_policies_condition-keys ("AWS global condition context keys").
    iam::request r{"s3:GetObject", "*", "arn:aws:iam::123456789012:user/division/alice", "", {}};
    std::vector<iam::context_entry> derived;
    iam::principal_context(r, derived);
    CHECK(derived == std::vector<iam::context_entry>{
                         entry("aws:username", {"alice"}),
                         entry("aws:PrincipalArn", {"arn:aws:iam::123456789012:user/division/alice"}),
                         entry("aws:PrincipalAccount", {"123456789012"}), entry("aws:PrincipalType", {"User"}),
                         entry("aws:PrincipalIsAWSService", {"false"}, context_type::boolean)});
    // aws:userid only when the unique id is known; tags as aws:PrincipalTag/KEY.
    r.caller_user_id = "AIDAJQABLZS4A3QDU576Q";
    r.caller_tags = {{"team", "blue"}, {"cost-center", "42"}};
    iam::principal_context(r, derived);
    REQUIRE(derived.size() == 8);
    CHECK(derived[1] == entry("aws:userid", {"AIDAJQABLZS4A3QDU576Q"}));
    CHECK(derived[6] == entry("aws:PrincipalTag/team", {"blue"}));
    CHECK(derived[7] == entry("aws:PrincipalTag/cost-center", {"42"}));
    // Supplied entries win (keys ignore case).
    r.context = {entry("AWS:USERNAME", {"mallory"}), entry("aws:PrincipalTag/team", {"red"})};
    iam::principal_context(r, derived);
    CHECK(iam::context_view(r.context, derived).find("aws:username")->values == std::vector<std::string>{"mallory"});
    CHECK(iam::context_view(r.context, derived).find("aws:PrincipalTag/team")->values ==
          std::vector<std::string>{"red"});
    CHECK(derived.size() == 6);
    // Nothing for no caller or one we do not understand (every other kind: tests/test_principal.cpp).
    for (const char* other : {"", "alice", "arn:aws:sts::123456789012:assumed-role/app", "arn:aws:iam::aws:user/x"}) {
        r.caller_arn = other;
        iam::principal_context(r, derived);
        CHECK(derived.empty());
    }
}

TEST_CASE("principal keys: a role caller is a session of the role, with the role's ARN and no aws:username") {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
    // aws:PrincipalArn: "For IAM roles, the request context returns the ARN of the role, not
    // the ARN of the user that assumed the role." ... "Do not specify the assumed role
    // session ARN as a value for this condition key."
    // aws:username: "Anonymous requests and requests that are made using the AWS account
    // root user or IAM roles do not include this key."
    // aws:PrincipalTag: "It is included for a principal using an IAM role with attached tags
    // or session tags."
    // aws:userid: "For IAM roles, this value format can vary"; STS API reference,
    // AssumedRoleUser (https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumedRoleUser.html),
    // AssumedRoleId: "A unique identifier that contains the role ID and the role session
    // name of the role that is being assumed."
    // aws:PrincipalType: AssumedRole for a role session (UG reference_policies_variables,
    // "Principal key values").
    iam::request r;
    r.set_role_caller("arn:aws:iam::123456789012:role/service/deploy", "AROAEXAMPLEDEPLOY0001", {{"team", "blue"}},
                      "ci-run-7");
    std::vector<iam::context_entry> derived;
    iam::principal_context(r, derived);
    CHECK(derived == std::vector<iam::context_entry>{
                         entry("aws:userid", {"AROAEXAMPLEDEPLOY0001:ci-run-7"}),
                         entry("aws:PrincipalArn", {"arn:aws:iam::123456789012:role/service/deploy"}),
                         entry("aws:PrincipalAccount", {"123456789012"}), entry("aws:PrincipalType", {"AssumedRole"}),
                         entry("aws:PrincipalIsAWSService", {"false"}, context_type::boolean),
                         entry("aws:PrincipalTag/team", {"blue"})});
    // aws:userid only when both the role's unique id and the session's name are known.
    r.set_role_caller("arn:aws:iam::123456789012:role/service/deploy", "AROAEXAMPLEDEPLOY0001", {});
    iam::principal_context(r, derived);
    CHECK(derived == std::vector<iam::context_entry>{
                         entry("aws:PrincipalArn", {"arn:aws:iam::123456789012:role/service/deploy"}),
                         entry("aws:PrincipalAccount", {"123456789012"}), entry("aws:PrincipalType", {"AssumedRole"}),
                         entry("aws:PrincipalIsAWSService", {"false"}, context_type::boolean)});
    r.set_role_caller("arn:aws:iam::123456789012:role/deploy", "", {}, "ci-run-7");
    iam::principal_context(r, derived);
    CHECK(iam::find_context(derived, "aws:userid") == nullptr);
    // A session's ARN gives the session's name, but not the role's path: no aws:PrincipalArn
    // is derived (evaluation fails closed on conditions on it).
    r = {};
    r.caller_arn = "arn:aws:sts::123456789012:assumed-role/deploy/ci-run-7";
    r.caller_user_id = "AROAEXAMPLEDEPLOY0001";
    iam::principal_context(r, derived);
    CHECK(derived == std::vector<iam::context_entry>{
                         entry("aws:userid", {"AROAEXAMPLEDEPLOY0001:ci-run-7"}),
                         entry("aws:PrincipalAccount", {"123456789012"}), entry("aws:PrincipalType", {"AssumedRole"}),
                         entry("aws:PrincipalIsAWSService", {"false"}, context_type::boolean)});
    // set_caller for a user forgets a role's session.
    auto alice = iam::user::make("alice").value();
    r.set_role_caller("arn:aws:iam::123456789012:role/deploy", "AROAEXAMPLEDEPLOY0001", {}, "s");
    r.set_caller(alice, "123456789012");
    CHECK(r.caller_session_name.empty());
}

TEST_CASE("principal keys: a role caller decides conditions and variables; ${aws:username} stays missing") {
    scenario s;
    s.request.set_role_caller("arn:aws:iam::123456789012:role/app", "AROAEXAMPLEAPP000001", {{"team", "blue"}}, "s1");
    const auto decide = [&](const std::string& condition) {
        s.identity = {statement("Allow", R"("s3:GetObject")", R"("*")", condition)};
        return s.decide();
    };
    CHECK(decide(R"({"StringEquals":{"aws:PrincipalType":"AssumedRole"}})") == decision::allowed);
    CHECK(decide(R"({"ArnEquals":{"aws:PrincipalArn":"arn:aws:iam::123456789012:role/app"}})") == decision::allowed);
    CHECK(decide(R"({"StringLike":{"aws:userid":"AROAEXAMPLEAPP000001:*"}})") == decision::allowed);
    CHECK(decide(R"({"StringEquals":{"aws:PrincipalTag/team":"blue"}})") == decision::allowed);
    CHECK(decide(R"({"StringEquals":{"aws:PrincipalType":"User"}})") == decision::implicit_deny);
    s.identity = {statement("Allow", R"("s3:GetObject")", R"("arn:aws:s3:::home/${aws:username}/*")")};
    s.request.resource = "arn:aws:s3:::home/app/x";
    const auto r = s.run();
    CHECK(r.decision == decision::implicit_deny);
    REQUIRE(r.missing.size() == 1);
    CHECK(r.missing[0].key == "aws:username");
}

TEST_CASE("principal keys: a caller set from an iam::user decides conditions and variables") {
    auto alice = iam::user::make("alice", "/engineering/").value();
    alice.user_id = "AIDAEXAMPLEALICE0001";
    alice.tags.push_back(iam::tag::make("team", "blue").value());
    scenario s;
    s.request.set_caller(alice, "123456789012");
    CHECK(s.request.caller_arn == "arn:aws:iam::123456789012:user/engineering/alice");
    const auto decide = [&](const std::string& condition) {
        s.identity = {statement("Allow", R"("s3:GetObject")", R"("*")", condition)};
        return s.decide();
    };
    CHECK(decide(R"({"StringEquals":{"aws:username":"alice"}})") == decision::allowed);
    CHECK(decide(R"({"StringEquals":{"aws:userid":"AIDAEXAMPLEALICE0001"}})") == decision::allowed);
    CHECK(decide(R"({"ArnEquals":{"aws:PrincipalArn":"arn:aws:iam::123456789012:user/engineering/alice"}})") ==
          decision::allowed);
    CHECK(decide(R"({"StringEquals":{"aws:PrincipalAccount":"123456789012"}})") == decision::allowed);
    CHECK(decide(R"({"StringEquals":{"aws:PrincipalType":"User"}})") == decision::allowed);
    CHECK(decide(R"({"StringEquals":{"aws:PrincipalTag/team":"blue"}})") == decision::allowed);
    CHECK(decide(R"({"StringEquals":{"aws:PrincipalTag/team":"red"}})") == decision::implicit_deny);
    s.identity = {statement("Allow", R"("s3:GetObject")", R"("arn:aws:s3:::home/${aws:username}/*")")};
    s.request.resource = "arn:aws:s3:::home/alice/x";
    const auto r = s.run();
    CHECK(r.decision == decision::allowed);
    CHECK(r.missing.empty());
    s.request.context = {entry("aws:username", {"bob"})};  // supplied wins
    CHECK(s.decide() == decision::implicit_deny);
}

TEST_CASE("missing keys: every missing key of a matching statement, not just the first failing one") {
    scenario s;
    s.request.caller_arn.clear();
    s.identity = {
        statement(
            "Allow", R"("s3:GetObject")", R"("*")",
            R"({"Bool":{"aws:MultiFactorAuthPresent":"true"},"IpAddress":{"aws:SourceIp":"10.0.0.0/8"},"StringLike":{"s3:prefix":"home/${aws:username}/*"}})"),
        statement("Allow", R"("s3:GetObject")", R"("arn:aws:s3:::other/*")",
                  R"({"Bool":{"aws:SecureTransport":"true"}})")};
    s.request.context = {entry("s3:prefix", {"home/alice/x"})};
    const auto r = s.run();
    CHECK(r.decision == decision::implicit_deny);
    std::vector<std::string_view> keys;
    for (const iam::missing_key& k : r.missing) keys.push_back(k.key);
    // The second statement's resource does not match: its key cannot matter and is not listed.
    CHECK(keys == std::vector<std::string_view>{"aws:MultiFactorAuthPresent", "aws:SourceIp", "aws:username"});
    for (const iam::missing_key& k : r.missing) CHECK(k.could_become == iam::decision_set{decision::allowed});
    CHECK(r.could_become == iam::decision_set{decision::allowed});
}

TEST_CASE("missing keys in allows: could an implicit deny become allowed, could an allow vanish") {
    scenario s;
    s.identity = {
        statement("Allow", R"("s3:GetObject")", R"("*")", R"({"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}})")};
    auto r = s.run();
    CHECK(r.decision == decision::implicit_deny);
    REQUIRE(r.missing.size() == 1);
    CHECK(r.missing[0].could_become == iam::decision_set{decision::allowed});
    // A failed condition on a supplied key blocks the statement whatever the missing one is.
    s.identity = {
        statement("Allow", R"("s3:GetObject")", R"("*")",
                  R"({"IpAddress":{"aws:SourceIp":"203.0.113.0/24"},"StringEquals":{"aws:username":"bob"}})")};
    r = s.run();
    REQUIRE(r.missing.size() == 1);
    CHECK_FALSE(r.missing[0].statement_could_flip);
    CHECK(r.missing[0].could_become.empty());
    CHECK(r.could_become.empty());
    // An allow that holds only because the key is absent (a negated operator) could stop.
    s.identity = {statement("Allow", R"("s3:GetObject")", R"("*")",
                            R"({"StringNotEquals":{"aws:RequestedRegion":"eu-west-1"}})")};
    r = s.run();
    CHECK(r.decision == decision::allowed);
    REQUIRE(r.missing.size() == 1);
    CHECK(r.missing[0].statement_applies);
    CHECK(r.missing[0].could_become == iam::decision_set{decision::implicit_deny});
    // ...unless another allow stands on its own.
    s.identity.push_back(statement("Allow", R"("s3:*")", R"("*")"));
    CHECK(s.run().missing[0].could_become.empty());
    // A boundary allow behind a missing key: the boundary decides.
    s.identity = {statement("Allow", R"("s3:*")", R"("*")")};
    s.boundary = {statement("Allow", R"("s3:*")", R"("*")", R"({"Bool":{"aws:SecureTransport":"true"}})")};
    r = s.run();
    CHECK(r.decision == decision::implicit_deny);
    CHECK_FALSE(r.allowed_by_boundary);
    REQUIRE(r.missing.size() == 1);
    CHECK(r.missing[0].in == iam::statement_ref{0, 0, iam::policy_layer::boundary});
    CHECK(r.missing[0].could_become == iam::decision_set{decision::allowed});
    // A resource of another account stays denied whatever the context says.
    s.request.resource_owner = "210987654321";
    CHECK(s.run().could_become.empty());
}

TEST_CASE("missing keys in denies: an allowed request a missing key could deny is reported") {
    scenario s;
    s.identity = {statement("Allow", R"("s3:*")", R"("*")"),
                  statement("Deny", R"("s3:*")", R"("*")", R"({"IpAddress":{"aws:SourceIp":"198.51.100.0/24"}})")};
    auto r = s.run();
    CHECK(r.decision == decision::allowed);  // as AWS's simulator answers: the deny needs the key
    REQUIRE(r.missing.size() == 1);
    CHECK(r.missing[0].key == "aws:SourceIp");
    CHECK(r.missing[0].in == iam::statement_ref{1, 0, iam::policy_layer::identity});
    CHECK(r.missing[0].could_become == iam::decision_set{decision::explicit_deny});
    CHECK(r.could_become.contains(decision::explicit_deny));
    // A deny that applies only because the key is absent could be lifted.
    s.identity[1] = statement("Deny", R"("s3:*")", R"("*")", R"({"StringNotEquals":{"aws:SourceVpc":"vpc-1"}})");
    r = s.run();
    CHECK(r.decision == decision::explicit_deny);
    REQUIRE(r.missing.size() == 1);
    CHECK(r.missing[0].could_become == iam::decision_set{decision::allowed});
    // An unconditional deny stands: the allow's missing key is listed but changes nothing.
    s.identity = {statement("Allow", R"("s3:*")", R"("*")", R"({"Bool":{"aws:MultiFactorAuthPresent":"true"}})"),
                  statement("Deny", R"("s3:*")", R"("*")")};
    r = s.run();
    CHECK(r.decision == decision::explicit_deny);
    REQUIRE(r.missing.size() == 1);
    CHECK(r.missing[0].could_become.empty());
    // The same key in an allow and a deny: one answer per key, every statement listed.
    s.identity = {statement("Allow", R"("s3:*")", R"("*")", R"({"StringEqualsIfExists":{"aws:SourceVpc":"vpc-1"}})"),
                  statement("Deny", R"("s3:*")", R"("*")", R"({"StringEquals":{"aws:SourceVpc":"vpc-2"}})")};
    r = s.run();
    CHECK(r.decision == decision::allowed);
    REQUIRE(r.missing.size() == 2);
    CHECK(r.missing[0].could_become == iam::decision_set{decision::explicit_deny, decision::implicit_deny});
    CHECK(r.missing[1].could_become == r.missing[0].could_become);
    // sts:GetCallerIdentity is allowed whatever the context.
    s.request.action = "sts:GetCallerIdentity";
    s.identity = {statement("Deny", R"("*")", R"("*")", R"({"Bool":{"aws:SecureTransport":"false"}})")};
    CHECK(s.run().could_become.empty());
}

TEST_CASE("missing keys: a policy variable in Resource that could name the resource") {
    scenario s;
    s.request.caller_arn.clear();
    s.request.resource = "arn:aws:s3:::home/alice/x";
    s.identity = {statement("Allow", R"("s3:GetObject")", R"("arn:aws:s3:::home/${aws:username}/*")")};
    auto r = s.run();
    CHECK(r.decision == decision::implicit_deny);
    REQUIRE(r.missing.size() == 1);
    CHECK(r.missing[0].key == "aws:username");
    CHECK(r.missing[0].could_become == iam::decision_set{decision::allowed});
    s.identity = {statement("Allow", R"("iam:GetUser")", R"("arn:aws:iam::123456789012:user/${aws:username}")")};
    s.request.action = "iam:GetUser";
    s.request.resource = "arn:aws:iam::123456789012:role/app";  // no value could make it name this one
    CHECK(s.run().missing.empty());
    s.request.resource = "arn:aws:iam::123456789012:user/alice";
    CHECK(s.run().missing.size() == 1);
    s.request.action = "s3:GetObject";
    s.request.resource = "arn:aws:s3:::other/x";
    // A default is a value: nothing missing.
    s.identity = {statement("Allow", R"("s3:GetObject")", R"("arn:aws:s3:::${aws:PrincipalTag/team, 'other'}/*")")};
    r = s.run();
    CHECK(r.decision == decision::allowed);
    CHECK(r.missing.empty());
}

// Review finding 1: a request on `*` for an action with resource types ignored
// variables without a value, which let a Deny's NotResource exclude everything.
TEST_CASE("regression: on `*` (some resource), a pattern whose variable has no value is dropped") {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#policy-vars-no-value
    // "If a variable that has no value in the authorization context is used as part of
    // the Resource or NotResource element of a policy, the resource that includes a
    // policy variable with no value will not match any resource." So in NotResource it
    // excludes nothing, in Resource it grants nothing.
    scenario s;
    s.request.caller_arn = "arn:aws:iam::111122223333:user/alice";  // no `team` tag
    s.request.resource = "*";
    s.request.action_has_resource_types = true;
    s.identity = {
        statement("Allow", R"("s3:*")", R"("*")"),
        R"({"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"s3:GetObject","NotResource":"arn:aws:s3:::${aws:PrincipalTag/team}/*"}})"};
    auto r = s.run();
    CHECK(r.decision == decision::explicit_deny);
    CHECK(r.matched == std::vector<iam::statement_ref>{{1, 0, iam::policy_layer::identity}});
    REQUIRE(r.missing.size() == 1);
    CHECK(r.missing[0].key == "aws:PrincipalTag/team");
    CHECK(r.missing[0].statement_applies);
    CHECK(r.missing[0].statement_could_flip);
    CHECK(r.missing[0].could_become == iam::decision_set{decision::allowed});  // a team leaves its bucket allowed
    s.request.caller_tags = {{"team", "blue"}};
    r = s.run();
    CHECK(r.decision == decision::allowed);
    CHECK(r.missing.empty());
    // A NotResource that still excludes something after dropping does not cover every resource.
    s.request.caller_tags.clear();
    s.identity[1] =
        R"({"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"s3:GetObject","NotResource":["arn:aws:s3:::${aws:PrincipalTag/team}/*","arn:aws:s3:::public/*"]}})";
    r = s.run();
    CHECK(r.decision == decision::allowed);
    CHECK(r.missing.empty());
    // An Allow whose Resource patterns are all dropped grants nothing.
    s.request.caller_arn = "arn:aws:sts::111122223333:assumed-role/r/s";  // no aws:username
    s.identity = {statement("Allow", R"("s3:GetObject")", R"("arn:aws:s3:::${aws:username}/*")")};
    r = s.run();
    CHECK(r.decision == decision::implicit_deny);
    REQUIRE(r.missing.size() == 1);
    CHECK(r.missing[0].key == "aws:username");
    CHECK_FALSE(r.missing[0].statement_applies);
    CHECK(r.missing[0].could_become == iam::decision_set{decision::allowed});
    s.identity = {statement("Allow", R"("s3:GetObject")", R"(["arn:aws:s3:::${aws:username}/*","arn:aws:s3:::x/*"])")};
    r = s.run();
    CHECK(r.decision == decision::allowed);  // what is left still names some resource
    CHECK(r.missing.empty());
    s.request.caller_arn = "arn:aws:iam::111122223333:user/alice";
    s.identity = {statement("Allow", R"("s3:GetObject")", R"("arn:aws:s3:::${aws:username}/*")")};
    CHECK(s.decide() == decision::allowed);
}

// Found by fuzzing: a variable's key supplied as a list (or with no value) gives the
// variable no value, so it is missing; the fuzz target's invariant had said "absent".
TEST_CASE("missing keys: a policy variable whose key has no single value is missing") {
    scenario s;
    s.request.resource = "arn:aws:s3:::home/alice/x";
    s.identity = {statement("Allow", R"("s3:GetObject")", R"("arn:aws:s3:::home/${aws:username}/*")")};
    s.request.context = {
        entry("aws:username", {"alice"}, context_type::string_list)};  // supplied wins over the caller's
    auto r = s.run();
    CHECK(r.decision == decision::implicit_deny);
    REQUIRE(r.missing.size() == 1);
    CHECK(r.missing[0].key == "aws:username");
    CHECK(r.missing[0].could_become == iam::decision_set{decision::allowed});
    CHECK(iam::lacks_single_value(iam::find_context(s.request.context, "aws:username")));
    s.request.context = {entry("aws:username", {}, context_type::string)};
    CHECK(s.run().missing.size() == 1);
    s.request.context = {entry("aws:username", {"alice"}, context_type::string)};
    r = s.run();
    CHECK(r.decision == decision::allowed);
    CHECK(r.missing.empty());
    CHECK_FALSE(iam::lacks_single_value(iam::find_context(s.request.context, "aws:username")));
}

TEST_CASE("unreadable request values are errors on the result, whatever the operator") {
    const auto unreadable = [](const std::string& condition, iam::context_entry value) {
        scenario s;
        s.identity = {statement("Allow", R"("s3:GetObject")", R"("*")", condition)};
        s.request.context = {std::move(value)};
        const auto r = s.run();
        CHECK(r.decision == decision::implicit_deny);
        return r.unreadable;
    };
    using op = iam::condition_operator;
    CHECK(unreadable(R"({"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}})",
                     entry("aws:SourceIp", {"10.0.0.256"}, context_type::ip)) ==
          std::vector<iam::unreadable_value>{
              {"aws:SourceIp", {op::ip_address}, "10.0.0.256", {0, 0, iam::policy_layer::identity}}});
    CHECK(unreadable(R"({"DateLessThan":{"aws:CurrentTime":"2024-01-01"}})",
                     entry("aws:CurrentTime", {"yesterday"}, context_type::date)) ==
          std::vector<iam::unreadable_value>{
              {"aws:CurrentTime", {op::date_less_than}, "yesterday", {0, 0, iam::policy_layer::identity}}});
    CHECK(unreadable(R"({"NumericNotEquals":{"ctx:n":"1"}})", entry("ctx:n", {"1,5"}, context_type::numeric)).size() ==
          1);
    CHECK(unreadable(R"({"ArnNotLike":{"aws:SourceArn":"arn:aws:sns:*:*:x"}})", entry("aws:SourceArn", {"sns/x"})) ==
          std::vector<iam::unreadable_value>{
              {"aws:SourceArn", {op::arn_not_like}, "sns/x", {0, 0, iam::policy_layer::identity}}});
    // The operator as written, qualifier and IfExists included.
    CHECK(unreadable(R"({"ForAnyValue:NotIpAddressIfExists":{"aws:SourceIp":"10.0.0.0/8"}})",
                     entry("aws:SourceIp", {"10.0.0.256"}, context_type::ip)) ==
          std::vector<iam::unreadable_value>{{"aws:SourceIp",
                                              {op::not_ip_address, iam::set_qualifier::for_any_value, true},
                                              "10.0.0.256",
                                              {0, 0, iam::policy_layer::identity}}});
    CHECK(unreadable(R"({"Bool":{"aws:SecureTransport":"true"}})",
                     entry("aws:SecureTransport", {"yes"}, context_type::boolean))
              .size() == 1);
    CHECK(unreadable(R"({"BinaryEquals":{"ctx:b":"aGk="}})", entry("ctx:b", {"%%%"}, context_type::binary)).size() ==
          1);
    // Each bad value of a set, with the good ones left out.
    CHECK(unreadable(R"({"ForAllValues:IpAddress":{"ctx:ips":"10.0.0.0/8"}})",
                     entry("ctx:ips", {"10.1.1.1", "x", "10.2.2.2", "y"}, context_type::ip_list))
              .size() == 2);
    // String operators read any text.
    CHECK(unreadable(R"({"StringEquals":{"ctx:s":"a"}})", entry("ctx:s", {"10.0.0.256"}, context_type::ip)).empty());
    CHECK(iam::request_value_unreadable(op::bool_, "FALSE"));  // `true`/`false` as AWS spells them
    CHECK(iam::request_value_unreadable(op::arn_like, "arn:aws:s3:::b") == false);
}

TEST_CASE("policy variables: parsed once for substitution and for what is missing") {
    const auto v = iam::next_variable("a/${aws:PrincipalTag/team, 'x y'}/${*}", 0);
    REQUIRE(v);
    CHECK(v->key == "aws:PrincipalTag/team");
    CHECK(v->fallback == "x y");
    CHECK_FALSE(v->is_literal());
    const auto star = iam::next_variable("a/${aws:PrincipalTag/team, 'x y'}/${*}", v->close + 1);
    REQUIRE(star);
    CHECK(star->is_literal());
    CHECK_FALSE(iam::next_variable("${unclosed", 0));
    std::vector<std::string_view> unresolved;
    const std::vector<iam::context_entry> context{entry("aws:username", {"alice"}),
                                                  entry("ctx:set", {"a"}, context_type::string_list)};
    iam::for_each_unresolved_variable("${aws:username}/${ctx:set}/${ctx:none}/${ctx:other, 'd'}/${$}", context,
                                      [&](std::string_view key) { unresolved.push_back(key); });
    CHECK(unresolved == std::vector<std::string_view>{"ctx:set", "ctx:none"});
}

TEST_CASE("decision_set") {
    constexpr iam::decision_set none;
    static_assert(none.empty());
    constexpr iam::decision_set some{decision::allowed, decision::implicit_deny};
    static_assert(some.contains(decision::implicit_deny) && !some.contains(decision::explicit_deny));
    iam::decision_set grown;
    grown.insert(some);
    grown.insert(decision::explicit_deny);
    CHECK(grown == iam::decision_set{decision::allowed, decision::explicit_deny, decision::implicit_deny});
    CHECK(iam::all_decisions.size() == 3);
}
