// SPDX-License-Identifier: MIT
// Tests of include/iam/policy.hpp: the identity-policy grammar (each rule valid and
// invalid, with the exact JSON pointer and byte offset), warnings, size rules, the
// canonical writer, and every AWS managed policy of the corpus.
#include <iam/policy.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#ifndef IAM_TEST_DATA_DIR
#error "IAM_TEST_DATA_DIR must name the tests/data directory"
#endif

using iam::policy_errc;
using iam::policy_kind;

namespace {

// A 2012-10-17 policy with these statements (the array's elements, comma-separated).
std::string doc(std::string_view statements) {
    return std::string(R"({"Version":"2012-10-17","Statement":[)") + std::string(statements) + "]}";
}

// The byte offset of the nth occurrence of needle (so offsets below stay exact and readable).
std::size_t at(std::string_view text, std::string_view needle, std::size_t nth = 0) {
    std::size_t pos = text.find(needle);
    for (std::size_t i = 0; i < nth && pos != std::string_view::npos; ++i) pos = text.find(needle, pos + 1);
    REQUIRE(pos != std::string_view::npos);
    return pos;
}

std::vector<iam::policy_error> errors_of(std::string_view text, policy_kind kind = policy_kind::identity) {
    auto r = iam::parse_policy(text, kind);
    REQUIRE_FALSE(r.has_value());
    return r.error().errors;
}

// Exactly one error, with this code, pointer and offset.
void require_one_error(std::string_view text, policy_errc code, std::string_view path, std::size_t offset,
                       policy_kind kind = policy_kind::identity) {
    const auto errors = errors_of(text, kind);
    INFO("document: " << text);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].code == code);
    CHECK(errors[0].path == path);
    CHECK(errors[0].offset == offset);
    CHECK_FALSE(errors[0].message().empty());
}

void require_valid(std::string_view text, policy_kind kind = policy_kind::identity) {
    auto r = iam::parse_policy(text, kind);
    INFO("document: " << text);
    if (!r) {
        for (const auto& e : r.error().errors) INFO(e.path << " @" << e.offset << ": " << e.message());
    }
    REQUIRE(r.has_value());
}

// Parse, write, parse again: the models must be equal.
void require_round_trip(std::string_view text) {
    auto first = iam::parse_policy(text);
    REQUIRE(first.has_value());
    const std::string written = iam::write_policy(*first);
    auto second = iam::parse_policy(written);
    INFO("written: " << written);
    REQUIRE(second.has_value());
    CHECK(static_cast<const iam::policy&>(*second) == static_cast<const iam::policy&>(*first));
    CHECK(iam::write_policy(*second) == written);  // the canonical form is a fixed point
}

const std::string allow_all = R"({"Effect":"Allow","Action":"*","Resource":"*"})";

}  // namespace

//=== the model ===//

TEST_CASE("a minimal policy parses into the typed model") {
    const std::string text =
        R"({"Version":"2012-10-17","Statement":[{"Sid":"S1","Effect":"Deny","NotAction":["s3:Get*","iam:PassRole"],)"
        R"("Resource":"arn:aws:s3:::b/*","Condition":{"ForAnyValue:StringLikeIfExists":{"aws:TagKeys":["a*"]}}}]})";
    auto r = iam::parse_policy(text);
    REQUIRE(r.has_value());
    CHECK(r->version == iam::policy_version::v2012_10_17);
    CHECK_FALSE(r->id.has_value());
    REQUIRE(r->statements.size() == 1);
    const iam::statement& s = r->statements[0];
    CHECK(s.sid == std::optional<std::string>("S1"));
    CHECK(s.effect == iam::policy_effect::deny);
    CHECK(s.action.negated);
    CHECK(s.action.array_form);
    CHECK(s.action.values == iam::string_list{"s3:Get*", "iam:PassRole"});
    CHECK_FALSE(s.resource.negated);
    CHECK_FALSE(s.resource.array_form);
    CHECK(s.resource.values == iam::string_list{"arn:aws:s3:::b/*"});
    REQUIRE(s.conditions.size() == 1);
    const iam::condition& c = s.conditions[0];
    CHECK(c.op == iam::condition_operator::string_like);
    CHECK(c.qualifier == iam::set_qualifier::for_any_value);
    CHECK(c.if_exists);
    CHECK(c.key == "aws:TagKeys");
    CHECK(c.values == iam::string_list{"a*"});
    CHECK(c.array_form);
    CHECK(r->warnings.empty());
}

TEST_CASE("validate_policy on a DOM gives the same model as parse_policy on the text") {
    const std::string text = doc(
        R"({"Sid":"A","Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":true}}})");
    auto dom = iam::json::parse(text);
    REQUIRE(dom.has_value());
    auto from_dom = iam::validate_policy(*dom);
    auto from_text = iam::parse_policy(text);
    REQUIRE(from_dom.has_value());
    REQUIRE(from_text.has_value());
    CHECK(static_cast<const iam::policy&>(*from_dom) == static_cast<const iam::policy&>(*from_text));
    CHECK(*dom->find("Statement")->as_array()->at(0).find("Sid")->as_string() == "A");  // the DOM is left intact
}

TEST_CASE("every documented condition operator parses with qualifiers and IfExists, and is spelled back") {
    for (std::size_t i = 0; i < iam::condition_operator_count; ++i) {
        const auto op = static_cast<iam::condition_operator>(i);
        for (auto q :
             {iam::set_qualifier::none, iam::set_qualifier::for_all_values, iam::set_qualifier::for_any_value}) {
            for (bool if_exists : {false, true}) {
                const iam::operator_spec spec{op, q, if_exists};
                const std::string text = iam::operator_text(spec);
                INFO(text);
                const auto parsed = iam::parse_operator(text);
                REQUIRE(parsed.has_value());
                CHECK(*parsed == spec);
            }
        }
    }
    CHECK(iam::to_string(iam::condition_operator::string_equals_ignore_case) == "StringEqualsIgnoreCase");
    CHECK(iam::to_string(iam::condition_operator::null) == "Null");
    CHECK_FALSE(iam::parse_operator("stringequals").has_value());  // operators are case-sensitive
    CHECK_FALSE(iam::parse_operator("IfExists").has_value());
    CHECK_FALSE(iam::parse_operator("ForAllValues:").has_value());
    CHECK_FALSE(iam::parse_operator("ForSomeValues:StringEquals").has_value());
}

//=== top level ===//

TEST_CASE("a JSON syntax error is one error at the parser's offset") {
    require_one_error(R"({"Version":"2012-10-17",})", policy_errc::json_syntax, "", 24);
    require_one_error("", policy_errc::json_syntax, "", 0);
    // A repeated key is a JSON error at the second key, with its pointer (below).
    require_one_error(R"({"Version":"2012-10-17","Version":"2012-10-17"})", policy_errc::json_syntax, "/Version", 24);
}

// AWS, IAM User Guide, grammar of the IAM JSON policy language
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html) forbids a
// repeated element, while RFC 8259 only says "The names within an object SHOULD be unique":
// the JSON parser can accept them (`allow_duplicate_keys`), the policy grammar never does.
TEST_CASE("a repeated key is an error whose message names the key") {
    const std::string text = doc(R"({"Effect":"Allow","Action":"*","Resource":"*","Effect":"Deny"})");
    const auto errors = errors_of(text);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].code == policy_errc::json_syntax);
    CHECK(errors[0].offset == at(text, "\"Effect\"", 1));
    CHECK(errors[0].message() == "invalid JSON: duplicate object key `Effect` (keys must be unique)");
    CHECK(errors[0].path == "/Statement/0/Effect");
    // The pointer of the repeat, however deep, with `/` and `~` escaped; none when the
    // text also breaks elsewhere.
    const std::string deep = doc(
        R"({"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"a:b":"1","a~/c":"2","a~/c":"3"}}})");
    CHECK(errors_of(deep)[0].path == "/Statement/0/Condition/StringEquals/a~0~1c");
    CHECK(errors_of(R"([{"x":[0,{"k":1,"k":2}]}])")[0].path == "/0/x/1/k");
    CHECK(errors_of(R"({"a":1,"a":2,)")[0].path.empty());
    // The key as written, escapes kept; a hostile key is cut short.
    CHECK(errors_of(R"({"a\"b":1,"a\"b":2})")[0].message().find("`a\\\"b`") != std::string::npos);
    const std::string long_key(100, 'k');
    CHECK(errors_of("{\"" + long_key + "\":1,\"" + long_key + "\":2}")[0].message().find("...`") != std::string::npos);
    CHECK(iam::detail::json_key_at(R"("ab)", 0) == "ab");
    CHECK(iam::detail::json_key_at(R"("a\)", 0) == "a\\");
    CHECK(iam::detail::json_key_at("x", 0).empty());
    CHECK(iam::detail::json_key_at("", 3).empty());
}

TEST_CASE("the document must be an object") {
    require_one_error("[]", policy_errc::wrong_type, "", 0);
    require_one_error("  \"x\"", policy_errc::wrong_type, "", 2);
}

TEST_CASE("only Version, Id and Statement are allowed at the top level") {
    const std::string text = R"({"Version":"2012-10-17","Statement":[)" + allow_all + R"(],"Statment":1})";
    require_one_error(text, policy_errc::unknown_element, "/Statment", at(text, "\"Statment\""));
    const std::string slash = R"({"a/b~c":1,"Statement":)" + allow_all + "}";
    require_one_error(slash, policy_errc::unknown_element, "/a~1b~0c", 1);  // RFC 6901 escaping
}

TEST_CASE("Version is 2012-10-17, 2008-10-17 or absent") {
    auto v12 = iam::parse_policy(doc(allow_all));
    REQUIRE(v12.has_value());
    CHECK(v12->version == iam::policy_version::v2012_10_17);
    auto v08 = iam::parse_policy(R"({"Version":"2008-10-17","Statement":)" + allow_all + "}");
    REQUIRE(v08.has_value());
    CHECK(v08->version == iam::policy_version::v2008_10_17);
    auto none = iam::parse_policy(R"({"Statement":)" + allow_all + "}");
    REQUIRE(none.has_value());
    CHECK(none->version == iam::policy_version::absent);
    require_one_error(R"({"Version":"2012-10-18","Statement":)" + allow_all + "}", policy_errc::bad_version, "/Version",
                      11);
    require_one_error(R"({"Version":2012,"Statement":)" + allow_all + "}", policy_errc::bad_version, "/Version", 11);
}

TEST_CASE("boundary and inline kinds accept every Version; managed requires 2012-10-17") {
    for (auto kind : {policy_kind::identity, policy_kind::boundary, policy_kind::user_inline, policy_kind::group_inline,
                      policy_kind::role_inline}) {
        require_valid(R"({"Statement":)" + allow_all + "}", kind);
        require_valid(R"({"Version":"2008-10-17","Statement":)" + allow_all + "}", kind);
    }
    require_valid(doc(allow_all), policy_kind::managed);
    // AWS: "Policy document must be version 2012-10-17 or greater."
    require_one_error(R"({"Statement":)" + allow_all + "}", policy_errc::version_required, "", 0, policy_kind::managed);
    const auto errors = errors_of(R"({"Version":"2008-10-17","Statement":)" + allow_all + "}", policy_kind::managed);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].path == "/Version");
    CHECK(errors[0].offset == 11);
    CHECK(errors[0].message() == "Policy document must be version 2012-10-17 or greater.");
}

TEST_CASE("Id is accepted with a warning, and must be a string") {
    const std::string text = R"({"Version":"2012-10-17","Id":"Policy1","Statement":)" + allow_all + "}";
    auto r = iam::parse_policy(text);
    REQUIRE(r.has_value());
    CHECK(r->id == std::optional<std::string>("Policy1"));
    REQUIRE(r->warnings.size() == 1);
    CHECK(r->warnings[0].code == policy_errc::id_present);
    CHECK(r->warnings[0].path == "/Id");
    CHECK(r->warnings[0].offset == 29);
    require_one_error(R"({"Id":7,"Statement":)" + allow_all + "}", policy_errc::wrong_type, "/Id", 6);
}

TEST_CASE("Statement is required: an object or a non-empty array of objects") {
    require_one_error(R"({"Version":"2012-10-17"})", policy_errc::missing_element, "", 0);
    require_valid(R"({"Version":"2012-10-17","Statement":)" + allow_all + "}");
    require_one_error(R"({"Version":"2012-10-17","Statement":[]})", policy_errc::empty_list, "/Statement", 36);
    require_one_error(R"({"Version":"2012-10-17","Statement":"x"})", policy_errc::wrong_type, "/Statement", 36);
    const std::string text = doc(allow_all + ",5");
    require_one_error(text, policy_errc::wrong_type, "/Statement/1", text.size() - 3);
}

//=== statements ===//

TEST_CASE("a statement allows only the documented elements") {
    const std::string text = doc(R"({"Effect":"Allow","Action":"*","Resource":"*","Effekt":"Allow"})");
    require_one_error(text, policy_errc::unknown_element, "/Statement/0/Effekt", at(text, "\"Effekt\""));
    // A single-object Statement has no index in the pointer.
    const std::string single = R"({"Statement":{"Effect":"Allow","Action":"*","Resource":"*","X":1}})";
    require_one_error(single, policy_errc::unknown_element, "/Statement/X", at(single, "\"X\""));
}

TEST_CASE("Sid holds ASCII letters and digits, may be empty, and is unique") {
    require_valid(doc(R"({"Sid":"AllowS3Read2","Effect":"Allow","Action":"*","Resource":"*"})"));
    require_valid(doc(
        R"({"Sid":"","Effect":"Allow","Action":"*","Resource":"*"},{"Sid":"","Effect":"Allow","Action":"*","Resource":"*"})"));
    const std::string dash = doc(R"({"Sid":"allow-s3","Effect":"Allow","Action":"*","Resource":"*"})");
    require_one_error(dash, policy_errc::bad_sid, "/Statement/0/Sid", at(dash, "\"allow-s3\""));
    const std::string space = doc(R"({"Sid":"a b","Effect":"Allow","Action":"*","Resource":"*"})");
    require_one_error(space, policy_errc::bad_sid, "/Statement/0/Sid", at(space, "\"a b\""));
    const std::string number = doc(R"({"Sid":1,"Effect":"Allow","Action":"*","Resource":"*"})");
    require_one_error(number, policy_errc::wrong_type, "/Statement/0/Sid", at(number, "1,"));
    // Sids compare exactly: "a" and "A" differ.
    require_valid(doc(
        R"({"Sid":"a","Effect":"Allow","Action":"*","Resource":"*"},{"Sid":"A","Effect":"Allow","Action":"*","Resource":"*"})"));
}

TEST_CASE("a repeated Sid is an error at the later statement") {
    const std::string text = doc(R"({"Sid":"Dup","Effect":"Allow","Action":"*","Resource":"*"},)"
                                 R"({"Sid":"Other","Effect":"Allow","Action":"*","Resource":"*"},)"
                                 R"({"Sid":"Dup","Effect":"Deny","Action":"*","Resource":"*"})");
    require_one_error(text, policy_errc::duplicate_sid, "/Statement/2/Sid", at(text, "\"Dup\"", 1));
}

TEST_CASE("Effect is required and is exactly Allow or Deny") {
    const std::string missing = doc(R"({"Action":"*","Resource":"*"})");
    require_one_error(missing, policy_errc::missing_element, "/Statement/0", 37);
    for (std::string_view bad : {R"("allow")", R"("DENY")", R"("")", "true"}) {
        const std::string text = doc(R"({"Effect":)" + std::string(bad) + R"(,"Action":"*","Resource":"*"})");
        require_one_error(text, policy_errc::bad_effect, "/Statement/0/Effect", 47);
    }
    require_valid(doc(R"({"Effect":"Deny","Action":"*","Resource":"*"})"));
}

TEST_CASE("Principal and NotPrincipal are rejected in every identity-based kind") {
    for (auto kind : {policy_kind::identity, policy_kind::boundary, policy_kind::user_inline, policy_kind::group_inline,
                      policy_kind::role_inline, policy_kind::managed}) {
        const std::string text = doc(R"({"Effect":"Allow","Principal":{"AWS":"*"},"Action":"*","Resource":"*"})");
        const auto errors = errors_of(text, kind);
        REQUIRE(errors.size() == 1);
        CHECK(errors[0].code == policy_errc::principal_not_allowed);
        CHECK(errors[0].path == "/Statement/0/Principal");
        CHECK(errors[0].offset == at(text, "\"Principal\""));
        CHECK(errors[0].message().find("identity policies cannot have Principal") != std::string::npos);
        const std::string not_p = doc(R"({"Effect":"Deny","NotPrincipal":"*","Action":"*","Resource":"*"})");
        require_one_error(not_p, policy_errc::principal_not_allowed, "/Statement/0/NotPrincipal",
                          at(not_p, "\"NotPrincipal\""), kind);
    }
}

TEST_CASE("exactly one of Action and NotAction") {
    const std::string both = doc(R"({"Effect":"Allow","Action":"*","NotAction":"s3:*","Resource":"*"})");
    require_one_error(both, policy_errc::conflicting_elements, "/Statement/0/NotAction", at(both, "\"NotAction\""));
    const std::string none = doc(R"({"Effect":"Allow","Resource":"*"})");
    require_one_error(none, policy_errc::missing_element, "/Statement/0", 37);
    auto r = iam::parse_policy(doc(R"({"Effect":"Deny","NotAction":"s3:*","Resource":"*"})"));
    REQUIRE(r.has_value());
    CHECK(r->statements[0].action.negated);
}

TEST_CASE("exactly one of Resource and NotResource") {
    const std::string both = doc(R"({"Effect":"Allow","Action":"*","NotResource":"*","Resource":"*"})");
    require_one_error(both, policy_errc::conflicting_elements, "/Statement/0/Resource", at(both, "\"Resource\""));
    const std::string none = doc(R"({"Effect":"Allow","Action":"*"})");
    require_one_error(none, policy_errc::missing_element, "/Statement/0", 37);
    auto r = iam::parse_policy(doc(R"({"Effect":"Allow","Action":"*","NotResource":["arn:aws:s3:::b"]})"));
    REQUIRE(r.has_value());
    CHECK(r->statements[0].resource.negated);
    CHECK(r->statements[0].resource.array_form);
}

TEST_CASE("Action is a string or a non-empty array of strings") {
    const std::string empty = doc(R"({"Effect":"Allow","Action":[],"Resource":"*"})");
    require_one_error(empty, policy_errc::empty_list, "/Statement/0/Action", at(empty, "[]"));
    const std::string number = doc(R"({"Effect":"Allow","Action":3,"Resource":"*"})");
    require_one_error(number, policy_errc::wrong_type, "/Statement/0/Action", at(number, "3"));
    const std::string element = doc(R"({"Effect":"Allow","Action":["s3:GetObject",null],"Resource":"*"})");
    require_one_error(element, policy_errc::wrong_type, "/Statement/0/Action/1", at(element, "null"));
}

TEST_CASE("an action is * or service:pattern; no vendor prefix is an error") {
    for (std::string_view ok : {"*", "s3:GetObject", "s3:*", "s3:Get*", "s3:Get?bject", "S3:GetBucketWebsite",
                                "cloudWatch:getMetricWidgetImage", "partnercentral-account-management:Associate",
                                "a2c:Start_Job", "ec2:*-x"}) {
        INFO(ok);
        CHECK(iam::is_valid_action_pattern(ok));
        require_valid(doc(R"({"Effect":"Allow","Action":")" + std::string(ok) + R"(","Resource":"*"})"));
    }
    for (std::string_view bad : {"s3*", "GetObject", "", "s3:", ":GetObject", "*:*", "s*:Get", "s3:Get Object",
                                 "s3:Get:Object", "s3.x:Get", "s3:Get/x", "**"}) {
        INFO(bad);
        CHECK_FALSE(iam::is_valid_action_pattern(bad));
        const std::string text =
            doc(R"({"Effect":"Allow","Action":["s3:GetObject",")" + std::string(bad) + R"("],"Resource":"*"})");
        require_one_error(text, policy_errc::bad_action, "/Statement/0/Action/1", at(text, "\"s3:GetObject\"") + 15);
    }
    const std::string single = doc(R"({"Effect":"Allow","Action":"GetObject","Resource":"*"})");
    require_one_error(single, policy_errc::bad_action, "/Statement/0/Action", at(single, "\"GetObject\""));
}

TEST_CASE("a resource is * or an ARN pattern of six fields") {
    for (std::string_view ok :
         {"*", "arn:aws:s3:::bucket", "arn:aws:s3:::bucket/*", "arn:*:kms:*:${aws:PrincipalAccount}:key/*",
          "arn:aws:iam::123456789012:user/${aws:username}", "arn:aws:logs:us-east-1:1:log-group:x:*",
          "arn:aws:s3:::my bucket/a?"}) {
        INFO(ok);
        CHECK(iam::is_valid_resource_pattern(ok));
        require_valid(doc(R"({"Effect":"Allow","Action":"*","Resource":")" + std::string(ok) + R"("})"));
    }
    for (std::string_view bad :
         {"bucket", "", "arn:aws:s3", "arn:aws:s3::", "ARN:aws:s3:::b", "**", "arn:aws:s3:::b\\t"}) {
        INFO(bad);
        const std::string text =
            doc(R"({"Effect":"Allow","Action":"*","Resource":["*",")" + std::string(bad) + R"("]})");
        require_one_error(text, policy_errc::bad_resource, "/Statement/0/Resource/1", at(text, "[\"*\",") + 5);
    }
    // One bad_resource error at `arn` in `element`, saying `why`.
    const auto rejected = [](std::string_view element, std::string_view arn, std::string_view why) {
        INFO(arn);
        const std::string text =
            doc(R"({"Effect":"Allow","Action":"*",")" + std::string(element) + R"(":")" + std::string(arn) + R"("})");
        require_one_error(text, policy_errc::bad_resource, "/Statement/0/" + std::string(element), at(text, "\"arn:"));
        CHECK(errors_of(text)[0].message().find(why) != std::string::npos);
    };
    // AWS, IAM User Guide, Resource element
    // (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html):
    // "You can't use a wildcard in the service segment that identifies the AWS product."
    for (std::string_view bad : {"arn:aws:*:::bucket", "arn:aws:s?:::bucket", "arn:aws:ec2*:us-east-1:1:instance/*"})
        rejected("NotResource", bad, "wildcard in its service segment");
    // IAM rejects a region in IAM and S3 bucket/object ARNs (MalformedPolicyDocument, as users
    // report it: "IAM resource arn:aws:iam:us-east-1:1111111111111:role/* cannot contain region
    // information.", aws/aws-cdk#13104; "Resource arn:aws:s3:us-west-2:123456789:test/athena can
    // not contain region information.", aws/aws-cdk#22445). S3's regional resources (access
    // points, jobs, Storage Lens, Access Grants, Multi-Region Access Point requests) keep theirs.
    for (std::string_view bad : {"arn:aws:iam:us-east-1:1111111111111:role/*", "arn:aws:iam:*:123456789012:user/x",
                                 "arn:aws:s3:us-west-2:123456789:test/athena", "arn:aws:s3:*:*:bucket/*",
                                 "arn:aws:s3:eu-west-1::b/accesspoint/x"})
        rejected("Resource", bad, "cannot contain region information");
    for (std::string_view ok : {"arn:aws:s3:*:*:accesspoint/*", "arn:aws:s3:us-east-1:123456789012:job/*",
                                "arn:aws:s3:*:*:access-grants/default/grant/*", "arn:aws:s3:us-east-1:1:storage-lens/c",
                                "arn:aws:s3:us-west-2:1:async-request/mrap/*", "arn:aws:s3:*:*:*",
                                "arn:aws:s3:*:*:acc*", "arn:aws:s3-object-lambda:us-east-1:1:accesspoint/x",
                                "arn:aws:ec2:us-east-1:1:instance/*", "arn:*:iam::*:role/x", "arn:aws:s3:::b/*"}) {
        INFO(ok);
        CHECK(iam::resource_pattern_problem(ok).empty());
        require_valid(doc(R"({"Effect":"Allow","Action":"*","Resource":")" + std::string(ok) + R"("})"));
    }
    static_assert(!iam::resource_pattern_problem("arn:aws:*:::b").empty());
    static_assert(iam::resource_pattern_problem("not an arn").empty());  // is_valid_resource_pattern's to report
    const std::string number = doc(R"({"Effect":"Allow","Action":"*","Resource":{}})");
    require_one_error(number, policy_errc::wrong_type, "/Statement/0/Resource", at(number, "{}"));
    const std::string empty = doc(R"({"Effect":"Allow","Action":"*","NotResource":[]})");
    require_one_error(empty, policy_errc::empty_list, "/Statement/0/NotResource", at(empty, "[]"));
}

//=== conditions ===//

namespace {
// A statement whose Condition is `condition`.
std::string with_condition(std::string_view condition) {
    return doc(R"({"Effect":"Allow","Action":"*","Resource":"*","Condition":)" + std::string(condition) + "}");
}
}  // namespace

TEST_CASE("Condition is an object of operators, each an object of keys") {
    require_valid(with_condition(R"({})"));
    const std::string not_object = with_condition(R"([])");
    require_one_error(not_object, policy_errc::wrong_type, "/Statement/0/Condition", at(not_object, "[]"));
    const std::string op_not_object = with_condition(R"({"StringEquals":"x"})");
    require_one_error(op_not_object, policy_errc::wrong_type, "/Statement/0/Condition/StringEquals",
                      at(op_not_object, "\"x\""));
    const std::string op_empty = with_condition(R"({"StringEquals":{}})");
    require_one_error(op_empty, policy_errc::empty_list, "/Statement/0/Condition/StringEquals", at(op_empty, "{}}"));
}

TEST_CASE("an unknown condition operator is an error at its key") {
    const std::string text = with_condition(R"({"StringEqualz":{"aws:username":"a"}})");
    require_one_error(text, policy_errc::unknown_operator, "/Statement/0/Condition/StringEqualz",
                      at(text, "\"StringEqualz\""));
    const std::string lower = with_condition(R"({"stringEquals":{"aws:username":"a"}})");
    require_one_error(lower, policy_errc::unknown_operator, "/Statement/0/Condition/stringEquals",
                      at(lower, "\"stringEquals\""));
}

TEST_CASE("IfExists is allowed on every operator but Null") {
    require_valid(with_condition(
        R"({"StringEqualsIfExists":{"aws:username":"a"},"BoolIfExists":{"aws:SecureTransport":"true"}})"));
    const std::string text = with_condition(R"({"NullIfExists":{"aws:TokenIssueTime":"true"}})");
    require_one_error(text, policy_errc::if_exists_on_null, "/Statement/0/Condition/NullIfExists",
                      at(text, "\"NullIfExists\""));
}

TEST_CASE("condition keys look like prefix:name, with '/' escaped in the pointer") {
    const std::string text = with_condition(R"({"StringEquals":{"username":"a"}})");
    require_one_error(text, policy_errc::bad_condition_key, "/Statement/0/Condition/StringEquals/username",
                      at(text, "\"username\""));
    const std::string tag = with_condition(R"({"NumericEquals":{"aws:RequestTag/Cost":"x"}})");
    require_one_error(tag, policy_errc::bad_condition_value,
                      "/Statement/0/Condition/NumericEquals/aws:RequestTag~1Cost", at(tag, "\"x\""));
}

TEST_CASE("a condition key repeated ignoring case under one operator is an error at the later key") {
    const std::string text = with_condition(R"({"StringEquals":{"aws:username":"a","AWS:UserName":"b"}})");
    require_one_error(text, policy_errc::duplicate_condition_key, "/Statement/0/Condition/StringEquals/AWS:UserName",
                      at(text, "\"AWS:UserName\""));
    // The same key under two operators is an AND, not a repeat.
    require_valid(with_condition(R"({"StringEquals":{"aws:username":"a"},"StringLike":{"aws:username":"a*"}})"));
    // Past 16 keys the check sorts; it still finds the repeat.
    std::string many = R"({"StringEquals":{)";
    for (int i = 0; i < 20; ++i) many += "\"k:" + std::to_string(i) + "\":\"v\",";
    many += R"("K:7":"v"}})";
    const std::string big = with_condition(many);
    require_one_error(big, policy_errc::duplicate_condition_key, "/Statement/0/Condition/StringEquals/K:7",
                      at(big, "\"K:7\""));
}

TEST_CASE("an empty array of condition values is an error") {
    const std::string text = with_condition(R"({"StringEquals":{"aws:username":[]}})");
    require_one_error(text, policy_errc::empty_list, "/Statement/0/Condition/StringEquals/aws:username",
                      at(text, "[]"));
}

TEST_CASE("condition values: strings, or JSON numbers and booleans kept as their text") {
    auto r = iam::parse_policy(with_condition(
        R"({"Bool":{"aws:MultiFactorAuthPresent":true},"NumericLessThan":{"aws:MultiFactorAuthAge":3600},)"
        R"("StringEquals":{"s3:x":[1.5,false,"y"]}})"));
    REQUIRE(r.has_value());
    const auto& c = r->statements[0].conditions;
    REQUIRE(c.size() == 3);
    CHECK(c[0].values == iam::string_list{"true"});
    CHECK_FALSE(c[0].array_form);
    CHECK(c[1].values == iam::string_list{"3600"});
    CHECK(c[2].values == iam::string_list{"1.5", "false", "y"});
    for (std::string_view bad : {"null", "{}", "[[\"a\"]]"}) {
        const std::string text = with_condition(R"({"StringEquals":{"aws:username":)" + std::string(bad) + "}}");
        const auto errors = errors_of(text);
        REQUIRE(errors.size() == 1);
        CHECK(errors[0].code == policy_errc::bad_condition_value);
    }
    const std::string nested = with_condition(R"({"StringEquals":{"aws:username":["a",["b"]]}})");
    require_one_error(nested, policy_errc::bad_condition_value, "/Statement/0/Condition/StringEquals/aws:username/1",
                      at(nested, "[\"b\"]"));
}

TEST_CASE("condition values are type-checked per operator, at the value's pointer") {
    struct case_ {
        std::string_view op;
        std::string_view value;  // JSON
        bool ok;
    };
    const case_ cases[] = {
        {"NumericEquals", "3600", true},
        {"NumericEquals", "\"3600\"", true},
        {"NumericLessThan", "\"-1.5e3\"", true},
        {"NumericEquals", "\"abc\"", false},
        {"NumericEquals", "true", false},
        {"NumericEquals", "\"\"", false},
        {"DateLessThan", "\"2020-01-01T00:00:00Z\"", true},
        {"DateEquals", "\"2020-01-01\"", true},
        {"DateGreaterThan", "\"2020-06-30T23:59:59.123+02:00\"", true},
        {"DateEquals", "1700000000", true},
        {"DateEquals", "\"1700000000\"", true},
        {"DateLessThan", "\"${aws:CurrentTime}\"", false},  // no policy variables here: see below
        {"DateEquals", "\"2024\"", true},
        {"DateEquals", "\"2024-07\"", true},
        {"DateEquals", "2024", true},
        {"DateEquals", "\"yesterday\"", false},
        {"DateEquals", "\"2021-02-29\"", false},
        {"DateEquals", "\"2020-13-01\"", false},
        {"DateEquals", "\"2020-01-01T24:00:00Z\"", false},
        {"DateEquals", "1.5", false},
        {"DateEquals", "true", false},
        {"Bool", "true", true},
        {"Bool", "\"false\"", true},
        {"Bool", "\"yes\"", false},
        {"Bool", "\"True\"", false},
        {"Bool", "1", false},
        {"Bool", "\"${aws:x}\"", true},
        {"Null", "false", true},
        {"Null", "\"true\"", true},
        {"Null", "\"maybe\"", false},
        {"IpAddress", "\"10.0.0.0/8\"", true},
        {"IpAddress", "\"203.0.113.7\"", true},
        {"NotIpAddress", "\"2001:db8::/32\"", true},
        {"IpAddress", "\"::1\"", true},
        {"IpAddress", "\"::ffff:10.0.0.1\"", true},
        {"IpAddress", "\"1:2:3:4:5:6:7:8/128\"", true},
        {"IpAddress", "\"300.1.1.1\"", false},
        {"IpAddress", "\"10.0.0.0/33\"", false},
        {"IpAddress", "\"10.0.0\"", false},
        {"IpAddress", "\"1:2:3:4:5:6:7:8:9\"", false},
        {"IpAddress", "\"1::2::3\"", false},
        {"IpAddress", "\"010.0.0.1\"", false},
        {"IpAddress", "\"2001:db8::/129\"", false},
        {"IpAddress", "1", false},
        {"BinaryEquals", "\"QmluYXJ5VmFsdWU=\"", true},
        {"BinaryEquals", "\"abc\"", false},
        {"BinaryEquals", "\"ab=c\"", false},
        {"ArnEquals", "\"arn:aws:iam::123456789012:role/x\"", true},
        {"ArnLike", "\"arn:aws:sns:*:*:t\"", true},
        {"ArnNotLike", "\"role/x\"", false},
        {"ArnEquals", "true", false},
        {"StringEquals", "\"anything at all\"", true},
        {"StringLike", "12", true},
    };
    for (const case_& c : cases) {
        const std::string text =
            with_condition("{\"" + std::string(c.op) + "\":{\"aws:k\":[" + std::string(c.value) + "]}}");
        INFO(c.op << " " << c.value);
        if (c.ok) {
            require_valid(text);
        } else {
            require_one_error(text, policy_errc::bad_condition_value,
                              "/Statement/0/Condition/" + std::string(c.op) + "/aws:k/0",
                              at(text, "[" + std::string(c.value)) + 1);
        }
    }
}

// AWS, IAM User Guide, condition operators
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html):
// "You can not use a policy variable with the `Numeric` condition operator." The same
// sentence stands for `Date`, `Binary`, `IpAddress` and `Null`. A `${...}` there is no
// variable, and not a value of the operator's type: an error at its pointer, naming the
// operator as written.
TEST_CASE("policy variables in Numeric, Date, Binary, IpAddress and Null conditions are errors") {
    for (std::string_view op :
         {"NumericLessThan", "NumericNotEqualsIfExists", "DateGreaterThan", "ForAnyValue:DateEquals", "BinaryEquals",
          "IpAddress", "NotIpAddressIfExists", "Null"}) {
        const std::string text =
            with_condition("{\"" + std::string(op) + "\":{\"aws:k\":[\"${aws:PrincipalTag/limit}\"]}}");
        INFO(text);
        require_one_error(text, policy_errc::bad_condition_value,
                          "/Statement/0/Condition/" + std::string(op) + "/aws:k/0", at(text, "[\"${") + 1);
        const std::string message(errors_of(text)[0].message());
        CHECK(message.starts_with(std::string(op) + " expects "));
        CHECK(message.find("takes no policy variables") != std::string::npos);
    }
    for (std::string_view op :
         {"StringEquals", "StringNotLikeIfExists", "ArnLike", "ForAllValues:ArnNotEquals", "Bool"})
        require_valid(with_condition("{\"" + std::string(op) + "\":{\"aws:k\":\"${aws:PrincipalTag/x}\"}}"));
}

TEST_CASE("a bad condition value's message names the operator as written") {
    const std::string text = with_condition(R"({"NotIpAddressIfExists":{"aws:SourceIp":"10.0.0.300"}})");
    const auto errors = errors_of(text);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].message() ==
          "NotIpAddressIfExists expects an IPv4 or IPv6 address with optional /prefix, not `10.0.0.300`");
    const std::string qualified = with_condition(R"({"ForAnyValue:NumericEquals":{"ctx:n":["1","x"]}})");
    CHECK(errors_of(qualified)[0].message().starts_with("ForAnyValue:NumericEquals expects "));
}

//=== many errors, warnings ===//

TEST_CASE("every error is reported at once, in document order") {
    const std::string text =
        R"({"Version":"2012-10-17","Bogus":1,"Statement":[)"
        R"({"Sid":"x-1","Effect":"allow","Action":"s3*","Resource":"bucket"},)"
        R"({"Effect":"Allow","Principal":"*","Action":"*","Resource":"*","Condition":{"StringEqualz":{"a:b":"c"}}},)"
        R"({"Action":"*","Resource":"*"}]})";
    const auto errors = errors_of(text);
    std::vector<std::string> paths;
    for (const auto& e : errors) paths.push_back(e.path);
    CHECK(paths == std::vector<std::string>{"/Bogus", "/Statement/0/Sid", "/Statement/0/Effect", "/Statement/0/Action",
                                            "/Statement/0/Resource", "/Statement/1/Principal",
                                            "/Statement/1/Condition/StringEqualz", "/Statement/2"});
    for (std::size_t i = 1; i < errors.size(); ++i) CHECK(errors[i - 1].offset <= errors[i].offset);
    CHECK(errors[3].offset == at(text, "\"s3*\""));
    CHECK(errors[7].offset == at(text, "{\"Action\""));
}

TEST_CASE("max_errors bounds the list and says so") {
    std::string actions;
    for (int i = 0; i < 50; ++i) actions += std::string(i ? "," : "") + "\"bad\"";
    const std::string text = doc(R"({"Effect":"Allow","Action":[)" + actions + R"(],"Resource":"*"})");
    iam::policy_options options;
    options.max_errors = 10;
    auto r = iam::parse_policy(text, policy_kind::identity, options);
    REQUIRE_FALSE(r.has_value());
    REQUIRE(r.error().errors.size() == 11);
    CHECK(r.error().errors.back().code == policy_errc::too_many_errors);
    CHECK(errors_of(text).size() == 50);
}

TEST_CASE("Allow with NotAction and Resource * warns; Deny or a narrower resource does not") {
    const std::string text = doc(R"({"Effect":"Allow","NotAction":"iam:*","Resource":"*"})");
    auto r = iam::parse_policy(text);
    REQUIRE(r.has_value());
    REQUIRE(r->warnings.size() == 1);
    CHECK(r->warnings[0].code == policy_errc::broad_not_action);
    CHECK(r->warnings[0].path == "/Statement/0/NotAction");
    CHECK(r->warnings[0].offset == at(text, "\"NotAction\""));
    CHECK(iam::parse_policy(doc(R"({"Effect":"Deny","NotAction":"iam:*","Resource":"*"})"))->warnings.empty());
    CHECK(iam::parse_policy(doc(R"({"Effect":"Allow","NotAction":"iam:*","Resource":"arn:aws:s3:::b"})"))
              ->warnings.empty());
    CHECK(iam::parse_policy(doc(R"({"Effect":"Allow","NotAction":"iam:*","NotResource":"*"})"))->warnings.empty());
    CHECK(iam::parse_policy(doc(R"({"Effect":"Allow","Action":"iam:*","Resource":"*"})"))->warnings.empty());
}

TEST_CASE("with a catalog, unknown services and actions are warnings, matched ignoring case") {
    const auto catalog = iam::action_catalog::parse_tsv(
        "action\taccess_level\tresource_types\ns3:GetObject\tRead\t\niam:PassRole\tWrite\t\n");
    REQUIRE(catalog);
    iam::policy_options options;
    options.catalog = &catalog.value();
    const std::string text =
        doc(R"({"Effect":"Allow","Action":["S3:GetObject","s3:GetObjekt","s3:Get*","nosuch:Get","*"],"Resource":"*"})");
    auto r = iam::parse_policy(text, policy_kind::identity, options);
    REQUIRE(r.has_value());
    REQUIRE(r->warnings.size() == 2);
    CHECK(r->warnings[0].code == policy_errc::unknown_action);
    CHECK(r->warnings[0].path == "/Statement/0/Action/1");
    CHECK(r->warnings[0].offset == at(text, "\"s3:GetObjekt\""));
    CHECK(r->warnings[1].code == policy_errc::unknown_service);
    CHECK(r->warnings[1].path == "/Statement/0/Action/3");
    // Without a catalog nothing is looked up.
    CHECK(iam::parse_policy(text)->warnings.empty());
}

//=== size and character set ===//

TEST_CASE("policy_size counts characters except white space outside strings") {
    CHECK(iam::policy_size(R"({"a":"b"})") == 9);
    CHECK(iam::policy_size("{ \"a\" :\n\t\"b\" }\r\n") == 9);
    CHECK(iam::policy_size(R"({"a":"b c"})") == 11);       // white space inside a string counts
    CHECK(iam::policy_size("{\"a\":\"\xC3\xA9\"}") == 9);  // é is one character
    CHECK(iam::policy_size(R"({"a":"\" "})") == 11);       // an escaped quote does not end the string
    CHECK(iam::policy_size(R"({"a":"\u00e9"})") == 14);    // escapes count as written
}

namespace {
// A managed-style document of exactly `size` counted characters, padded in the Sid.
std::string document_of_size(std::size_t size, bool pretty) {
    const std::string head = pretty ? "{\n  \"Statement\": {\"Sid\": \"" : R"({"Statement":{"Sid":")";
    const std::string tail = R"(","Effect":"Allow","Action":"*","Resource":"*"}})";
    const std::size_t fixed = iam::policy_size(head + tail);
    REQUIRE(size >= fixed);
    return head + std::string(size - fixed, 'A') + tail;
}
}  // namespace

TEST_CASE("size limits per kind hold at the exact boundary, white space not counted") {
    const std::pair<policy_kind, std::size_t> limits[] = {{policy_kind::user_inline, 2048},
                                                          {policy_kind::group_inline, 5120},
                                                          {policy_kind::role_inline, 10240},
                                                          {policy_kind::managed, 6144}};
    for (const auto& entry : limits) {
        const policy_kind kind = entry.first;  // no structured binding: clang 14 cannot capture one in INFO
        const std::size_t limit = entry.second;
        INFO(static_cast<int>(kind));
        CHECK(iam::policy_size_limit(kind) == limit);
        for (bool pretty : {false, true}) {
            const std::string fits = document_of_size(limit, pretty);
            CHECK(iam::policy_size(fits) == limit);
            CHECK_FALSE(iam::check_policy_size(fits, kind).has_value());
            const std::string over = document_of_size(limit + 1, pretty);
            const auto e = iam::check_policy_size(over, kind);
            REQUIRE(e.has_value());
            CHECK(e->code == policy_errc::too_large);
            CHECK(e->path.empty());
            // The offset is the first character past the limit.
            CHECK(iam::policy_size(std::string_view(over).substr(0, e->offset)) == limit);
            CHECK(iam::policy_size(std::string_view(over).substr(0, e->offset + 1)) == limit + 1);
        }
    }
    CHECK_FALSE(iam::policy_size_limit(policy_kind::identity).has_value());
    CHECK_FALSE(iam::policy_size_limit(policy_kind::boundary).has_value());
    CHECK_FALSE(iam::check_policy_size(document_of_size(20000, false), policy_kind::identity).has_value());
}

TEST_CASE("only tab, LF, CR and U+0020-U+00FF may appear in a policy document") {
    CHECK_FALSE(iam::check_policy_size("{\t\"a\":\r\n\"\xC3\xA9\xC3\xBF ~\"}", policy_kind::managed).has_value());
    const auto above = iam::check_policy_size("{\"a\":\"\xC4\x80\"}", policy_kind::identity);  // U+0100
    REQUIRE(above.has_value());
    CHECK(above->code == policy_errc::bad_character);
    CHECK(above->offset == 6);
    CHECK(above->message().find("U+0100") != std::string::npos);
    const auto control = iam::check_policy_size(std::string_view("{\x01}", 3), policy_kind::identity);
    REQUIRE(control.has_value());
    CHECK(control->offset == 1);
    const auto broken = iam::check_policy_size("{\"a\":\"\xC3\"}", policy_kind::identity);  // truncated UTF-8
    REQUIRE(broken.has_value());
    CHECK(broken->offset == 6);
    const auto emoji = iam::check_policy_size("\"\xF0\x9F\x98\x80\"", policy_kind::identity);
    REQUIRE(emoji.has_value());
    CHECK(emoji->message().find("U+1F600") != std::string::npos);
}

//=== the canonical writer ===//

TEST_CASE("the canonical writer round-trips to an equal model") {
    require_round_trip(doc(allow_all));
    require_round_trip(R"({"Statement":{"Effect":"Deny","NotAction":["s3:*"],"NotResource":"arn:aws:s3:::b"}})");
    require_round_trip(
        R"({"Version":"2008-10-17","Id":"x \"quoted\" \u00e9","Statement":[{"Sid":"","Effect":"Allow","Action":"*","Resource":["*"]}]})");
    require_round_trip(with_condition(
        R"({"Bool":{"aws:MultiFactorAuthPresent":true},"NumericLessThan":{"aws:MultiFactorAuthAge":3600},)"
        R"("ForAllValues:StringLikeIfExists":{"aws:TagKeys":["a*","b/\\c"],"aws:ResourceTag/x":"y"},)"
        R"("DateGreaterThan":{"aws:CurrentTime":"2020-01-01T00:00:00Z"},"Null":{"aws:x":false},"IpAddress":{"aws:SourceIp":["10.0.0.0/8"]}})"));
    const std::string canonical = iam::write_policy(*iam::parse_policy(
        "{ \"Statement\" : { \"Action\" : \"s3:*\", \"Effect\" : \"Allow\", \"Sid\" : \"A\", \"Resource\" : \"*\" },"
        " \"Version\" : \"2012-10-17\" }"));
    CHECK(canonical ==
          R"({"Version":"2012-10-17","Statement":[{"Sid":"A","Effect":"Allow","Action":"s3:*","Resource":"*"}]})");
}

TEST_CASE("the writer groups conditions of one operator under one key") {
    iam::policy p;
    p.version = iam::policy_version::v2012_10_17;
    iam::statement s;
    s.action.values = {"s3:GetObject"};
    s.resource.values = {"*"};
    s.conditions.push_back(
        {iam::condition_operator::string_equals, iam::set_qualifier::none, false, "a:x", {"1"}, false});
    s.conditions.push_back({iam::condition_operator::bool_, iam::set_qualifier::none, false, "a:y", {"true"}, false});
    s.conditions.push_back(
        {iam::condition_operator::string_equals, iam::set_qualifier::none, false, "a:z", {"2", "3"}, false});
    p.statements.push_back(s);
    const std::string text = iam::write_policy(p);
    CHECK(text == R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*",)"
                  R"("Condition":{"StringEquals":{"a:x":"1","a:z":["2","3"]},"Bool":{"a:y":"true"}}}]})");
    require_valid(text);
}

//=== the real corpus ===//

TEST_CASE("all 1,594 AWS managed policies parse as identity policies with no error and round-trip") {
    std::ifstream in(IAM_EXAMPLES_DATA_DIR "/aws-managed-policies/aws-managed-policies.jsonl", std::ios::binary);
    REQUIRE(in.good());
    std::string line;
    std::size_t count = 0;
    std::size_t failed = 0;
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        auto entry = iam::json::parse(line);
        REQUIRE(entry.has_value());
        const iam::json::value* document = entry->find("document");
        REQUIRE(document != nullptr);
        const std::string text = iam::json::write(*document);
        ++count;
        auto r = iam::parse_policy(text, policy_kind::identity);
        if (!r) {
            ++failed;
            const auto& e = r.error().errors.front();
            FAIL_CHECK(*entry->find("name")->as_string() << ": " << e.path << " @" << e.offset << ": " << e.message());
            continue;
        }
        CHECK_FALSE(iam::check_policy_size(text, policy_kind::identity).has_value());  // charset holds too
        auto again = iam::parse_policy(iam::write_policy(*r));
        REQUIRE(again.has_value());
        CHECK(static_cast<const iam::policy&>(*again) == static_cast<const iam::policy&>(*r));
    }
    CHECK(count == 1594);
    CHECK(failed == 0);
}

TEST_CASE("policy_error: a stable id per code, and message() falls back to the code's sentence") {
    CHECK(iam::to_string(policy_errc::json_syntax) == "json-syntax");
    CHECK(iam::to_string(policy_errc::duplicate_sid) == "duplicate-sid");
    CHECK(iam::to_string(policy_errc::bad_condition_value) == "bad-condition-value");
    CHECK(iam::to_string(policy_errc::too_large) == "too-large");
    const auto errors = errors_of(R"({"Statement":{"Effect":"Maybe","Action":"*","Resource":"*"}})");
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].id() == "bad-effect");
    CHECK(errors[0].message() == errors[0].detail);
    const iam::policy_error bare{"", 0, "", policy_errc::if_exists_on_null};
    CHECK(bare.message() == "Null cannot take the IfExists suffix");
    CHECK(bare.id() == "if-exists-on-null");
}

TEST_CASE("every policy_errc has a unique kebab-case id and a sentence") {
    std::set<std::string_view> ids;
    for (std::size_t i = 0; i <= static_cast<std::size_t>(policy_errc::too_large); ++i) {
        const auto code = static_cast<policy_errc>(i);
        const std::string_view id = iam::to_string(code);
        INFO(id);
        CHECK(ids.insert(id).second);
        CHECK_FALSE(id.empty());
        CHECK(std::all_of(id.begin(), id.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '-'; }));
        CHECK_FALSE(iam::policy_error{"", 0, "", code}.message().empty());
    }
    CHECK(iam::to_string(policy_errc::principal_required) == "principal-required");
    CHECK(iam::to_string(policy_errc::too_many_errors) == "too-many-errors");
}
