// SPDX-License-Identifier: MIT
// Tests of include/iam/policy.hpp beyond identity policies: the typed Principal and
// NotPrincipal, the grammar of every policy kind (resource-based, trust, SCP, RCP,
// session, VPC endpoint) with AWS's words for each rule, their size limits, and the
// real published policies under tests/data/policies/<kind>/.
#include <iam/policy.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "test_data.hpp"

#ifndef IAM_TEST_DATA_DIR
#error "IAM_TEST_DATA_DIR must name the tests/data directory"
#endif

using iam::policy_errc;
using iam::policy_kind;
using iam::principal_type;

namespace {

// A 2012-10-17 policy with these statements (the array's elements, comma-separated).
std::string doc(std::string_view statements) {
    return std::string(R"({"Version":"2012-10-17","Statement":[)") + std::string(statements) + "]}";
}

// The byte offset of the first occurrence of needle.
std::size_t at(std::string_view text, std::string_view needle) {
    const std::size_t pos = text.find(needle);
    REQUIRE(pos != std::string_view::npos);
    return pos;
}

iam::parsed_policy require_valid(std::string_view text, policy_kind kind) {
    auto r = iam::parse_policy(text, kind);
    INFO("kind " << iam::to_string(kind) << ", document: " << text);
    if (!r) {
        for (const auto& e : r.error().errors) INFO(e.path << " @" << e.offset << ": " << e.message());
    }
    REQUIRE(r.has_value());
    return std::move(*r);
}

// Exactly one error, with this code, pointer and offset.
iam::policy_error require_one_error(std::string_view text, policy_kind kind, policy_errc code, std::string_view path,
                                    std::size_t offset) {
    auto r = iam::parse_policy(text, kind);
    INFO("kind " << iam::to_string(kind) << ", document: " << text);
    REQUIRE_FALSE(r.has_value());
    const auto& errors = r.error().errors;
    for (const auto& e : errors) INFO(e.id() << " " << e.path << " @" << e.offset << ": " << e.message());
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].code == code);
    CHECK(errors[0].path == path);
    CHECK(errors[0].offset == offset);
    return errors[0];
}

// Parse, write, parse again: the models must be equal and the writing a fixed point.
void require_round_trip(std::string_view text, policy_kind kind) {
    const iam::parsed_policy first = require_valid(text, kind);
    const std::string written = iam::write_policy(first);
    INFO("written: " << written);
    const iam::parsed_policy second = require_valid(written, kind);
    CHECK(static_cast<const iam::policy&>(second) == static_cast<const iam::policy&>(first));
    CHECK(iam::write_policy(second) == written);
}

constexpr policy_kind identity_kinds[] = {policy_kind::identity,     policy_kind::boundary,    policy_kind::user_inline,
                                          policy_kind::group_inline, policy_kind::role_inline, policy_kind::managed};

}  // namespace

//=== Principal and NotPrincipal ===//

// UG reference_policies_grammar.html:
//   <principal_block> = ("Principal" | "NotPrincipal") : ("*" | <principal_map>)
//   <principal_map_entry> = ("AWS" | "Federated" | "Service" | "CanonicalUser") :
//       [<principal_id_string>, <principal_id_string>, ...]
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
TEST_CASE("Principal is \"*\" or an object of AWS, Service, Federated and CanonicalUser names, kept in order") {
    const auto p = require_valid(doc(R"({"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"})"),
                                 policy_kind::resource);
    REQUIRE(p.statements[0].principal.has_value());
    CHECK(p.statements[0].principal->everyone);
    CHECK_FALSE(p.statements[0].principal->negated);
    CHECK(p.statements[0].principal->entries.empty());

    const auto q =
        require_valid(doc(R"({"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com","AWS":["123456789012",)"
                          R"("arn:aws:iam::111122223333:role/R","arn:aws:sts::111122223333:assumed-role/R/s","*"],)"
                          R"("Federated":"arn:aws:iam::111122223333:saml-provider/Okta",)"
                          R"("CanonicalUser":"79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"},)"
                          R"("Action":"s3:GetObject","Resource":"*"})"),
                      policy_kind::resource);
    const iam::principal_block& b = *q.statements[0].principal;
    CHECK_FALSE(b.everyone);
    REQUIRE(b.entries.size() == 4);
    CHECK(b.entries[0].type == principal_type::service);
    CHECK_FALSE(b.entries[0].array_form);
    CHECK(b.entries[0].values == iam::string_list{"ec2.amazonaws.com"});
    CHECK(b.entries[1].type == principal_type::aws);
    CHECK(b.entries[1].array_form);
    CHECK(b.entries[1].values.size() == 4);
    CHECK(b.entries[2].type == principal_type::federated);
    CHECK(b.entries[3].type == principal_type::canonical_user);
    for (const principal_type t :
         {principal_type::aws, principal_type::service, principal_type::federated, principal_type::canonical_user})
        CHECK(iam::parse_principal_type(iam::to_string(t)) == t);
    CHECK_FALSE(iam::parse_principal_type("aws").has_value());  // the keys are case-sensitive
}

// "If an IAM identity is deleted after you update your resource policy, the resource
// policy will show a unique identifier in the principal element instead of an ARN."
// https://docs.aws.amazon.com/mediapackage/latest/userguide/policy-principal.html
// S3 bucket policies name a CloudFront origin access identity by an ARN with spaces,
// arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity ID (CloudFront
// Developer Guide, restricting access to an Amazon S3 origin; common in published policies).
TEST_CASE("an AWS principal is *, a 12-digit account, an ARN, or the unique id left by a deleted identity") {
    for (std::string_view v : {"*", "123456789012", "arn:aws:iam::123456789012:root",
                               "arn:aws:iam::123456789012:user/u", "AIDAJQABLZS4A3QDU576Q", "AROADBQP57FF2AEXAMPLE",
                               "arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity E15MNIMTCFKK4C"})
        CHECK(iam::principal_value_problem(principal_type::aws, v).empty());
    for (std::string_view v : {"", "12345678901", "alice", "arn:aws:iam:", "AIDA 1", "a\tb", "aida0123456789abcdef"})
        CHECK_FALSE(iam::principal_value_problem(principal_type::aws, v).empty());
    CHECK(iam::principal_value_problem(principal_type::service, "states.us-east-1.amazonaws.com").empty());
    CHECK(iam::principal_value_problem(principal_type::federated, "cognito-identity.amazonaws.com").empty());
}

// "You cannot use a wildcard to match part of a principal name or ARN."
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
TEST_CASE("no principal holds a partial wildcard, and only AWS takes *") {
    const std::string partial = doc(
        R"({"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::123456789012:role/ci-*"]},"Action":"s3:*","Resource":"*"})");
    const auto e = require_one_error(partial, policy_kind::resource, policy_errc::bad_principal,
                                     "/Statement/0/Principal/AWS/0", at(partial, "\"arn:aws:iam::123456789012:role"));
    CHECK(e.message().find("wildcard") != std::string::npos);
    const std::string service = doc(R"({"Effect":"Allow","Principal":{"Service":"*"},"Action":"s3:*","Resource":"*"})");
    require_one_error(service, policy_kind::resource, policy_errc::bad_principal, "/Statement/0/Principal/Service",
                      at(service, "\"*\"},"));
}

TEST_CASE("a malformed Principal is an error at its JSON pointer") {
    const auto one = [](std::string_view principal, policy_errc code, std::string_view path, std::string_view needle) {
        const std::string text =
            doc(R"({"Effect":"Allow","Principal":)" + std::string(principal) + R"(,"Action":"s3:*","Resource":"*"})");
        require_one_error(text, policy_kind::resource, code, path, at(text, needle));
    };
    // A bare string names everyone only as "*": accounts go in {"AWS": ...}.
    one(R"("123456789012")", policy_errc::bad_principal, "/Statement/0/Principal", "\"123456789012\"");
    one("7", policy_errc::wrong_type, "/Statement/0/Principal", "7,");
    one("{}", policy_errc::empty_list, "/Statement/0/Principal", "{},");
    one(R"({"aws":"*"})", policy_errc::bad_principal, "/Statement/0/Principal/aws", "\"aws\"");
    one(R"({"AWS":[]})", policy_errc::empty_list, "/Statement/0/Principal/AWS", "[]");
    one(R"({"AWS":["123456789012",5]})", policy_errc::wrong_type, "/Statement/0/Principal/AWS/1", "5]");
    one(R"({"AWS":{"x":"y"}})", policy_errc::wrong_type, "/Statement/0/Principal/AWS", "{\"x\"");
    one(R"({"Federated":""})", policy_errc::bad_principal, "/Statement/0/Principal/Federated", "\"\"}");
}

TEST_CASE("Principal and NotPrincipal together conflict") {
    const std::string text = doc(
        R"({"Effect":"Deny","Principal":"*","NotPrincipal":{"AWS":"123456789012"},"Action":"s3:*","Resource":"*"})");
    require_one_error(text, policy_kind::resource, policy_errc::conflicting_elements, "/Statement/0/NotPrincipal",
                      at(text, "\"NotPrincipal\""));
}

// "NotPrincipal must be used with "Effect":"Deny". Using it with "Effect":"Allow" is not supported."
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html
TEST_CASE("NotPrincipal parses as a negated block, with Deny only") {
    const auto p = require_valid(
        doc(R"({"Effect":"Deny","NotPrincipal":{"AWS":["arn:aws:iam::123456789012:root"]},"Action":"s3:*","Resource":"*"})"),
        policy_kind::resource);
    REQUIRE(p.statements[0].principal.has_value());
    CHECK(p.statements[0].principal->negated);
    CHECK(p.statements[0].principal->entries[0].values == iam::string_list{"arn:aws:iam::123456789012:root"});
    const std::string allow =
        doc(R"({"Effect":"Allow","NotPrincipal":{"AWS":"123456789012"},"Action":"s3:*","Resource":"*"})");
    require_one_error(allow, policy_kind::resource, policy_errc::bad_principal, "/Statement/0/NotPrincipal",
                      at(allow, "\"NotPrincipal\""));
}

TEST_CASE("the canonical writer round-trips Principal and NotPrincipal") {
    require_round_trip(doc(R"({"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"})"),
                       policy_kind::resource);
    require_round_trip(doc(R"({"Effect":"Allow","Principal":{"AWS":"*"},"Action":"s3:*","Resource":"*"})"),
                       policy_kind::resource);
    require_round_trip(
        doc(R"({"Sid":"A","Effect":"Deny","NotPrincipal":{"Service":["logs.amazonaws.com"],"AWS":"123456789012",)"
            R"("CanonicalUser":"abc","Federated":["accounts.google.com"]},"Action":"s3:*","Resource":"*"})"),
        policy_kind::resource);
    require_round_trip(doc(R"({"Effect":"Allow","Principal":{"Federated":"cognito-identity.amazonaws.com"},)"
                           R"("Action":"sts:AssumeRoleWithWebIdentity"})"),
                       policy_kind::trust);
}

//=== which kinds take Principal ===//

// "You cannot use the Principal element in an identity-based policy."
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
TEST_CASE("identity kinds and session policies reject Principal and NotPrincipal as before") {
    for (const policy_kind kind : identity_kinds) {
        const std::string text = doc(R"({"Effect":"Allow","Principal":{"AWS":"*"},"Action":"*","Resource":"*"})");
        const auto e = require_one_error(text, kind, policy_errc::principal_not_allowed, "/Statement/0/Principal",
                                         at(text, "\"Principal\""));
        CHECK(e.message().find("identity policies cannot have Principal") != std::string::npos);
    }
    // STS: a session policy is "An IAM policy in JSON format that you want to use as an
    // inline session policy" (AssumeRole's Policy parameter); it applies to the session
    // itself, so it names no principal.
    const std::string session = doc(R"({"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"})");
    require_one_error(session, policy_kind::session, policy_errc::principal_not_allowed, "/Statement/0/Principal",
                      at(session, "\"Principal\""));
}

// "You must use the Principal element in resource-based policies."
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
TEST_CASE("resource-based policies need Principal or NotPrincipal in every statement") {
    const std::string text = doc(R"({"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"},)"
                                 R"({"Effect":"Deny","Action":"s3:*","Resource":"*"})");
    const auto e = require_one_error(text, policy_kind::resource, policy_errc::principal_required, "/Statement/1",
                                     at(text, "{\"Effect\":\"Deny\""));
    CHECK(e.id() == "principal-required");
    // Id names a bucket or key policy; it is no warning there.
    const auto p = require_valid(
        R"({"Version":"2012-10-17","Id":"key-default-1","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kms:*","Resource":"*"}]})",
        policy_kind::resource);
    CHECK(p.warnings.empty());
}

// "The Sid element supports ASCII uppercase letters (A-Z), lowercase letters (a-z), and
// numbers (0-9)." ... "Some AWS services (for example, Amazon SQS or Amazon SNS) might
// require this element and have uniqueness requirements for it. For service-specific
// information about writing policies, refer to the documentation for the service you
// work with." https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_sid.html
// KMS's default key policy has "Sid": "Enable IAM User Permissions" (AWS CLI's
// kms put-key-policy example, KMS key-policy-default.html), so a service's own policy
// (resource-based, VPC endpoint) takes any Sid; IAM's and Organizations' kinds keep IAM's
// characters. Uniqueness holds everywhere.
TEST_CASE("Sids: any text in resource-based and endpoint policies, IAM's characters elsewhere") {
    const std::string kms =
        doc(R"({"Sid":"Enable IAM User Permissions","Effect":"Allow",)"
            R"("Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kms:*","Resource":"*"})");
    require_valid(kms, policy_kind::resource);
    require_valid(kms, policy_kind::endpoint);
    const std::string session =
        doc(R"({"Sid":"Enable IAM User Permissions","Effect":"Allow","Action":"kms:*","Resource":"*"})");
    require_one_error(session, policy_kind::session, policy_errc::bad_sid, "/Statement/0/Sid", at(session, "\"Enable"));
    const std::string twice = doc(R"({"Sid":"A b","Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"},)"
                                  R"({"Sid":"A b","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*"})");
    require_one_error(twice, policy_kind::resource, policy_errc::duplicate_sid, "/Statement/1/Sid",
                      twice.rfind("\"A b\""));
}

// ECR: "The repository policy examples on this page are meant to be applied to Amazon ECR
// private repositories. They will not work properly if used with an IAM principal directly
// unless modified to specify the Amazon ECR repository as the resource." Its examples have
// no Resource: the policy's own repository is the resource.
// https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-policy-examples.html
TEST_CASE("a resource-based statement may leave Resource out: it is about the policy's own resource") {
    const auto p = require_valid(doc(R"({"Sid":"AllowPushPull","Effect":"Allow","Principal":{"AWS":)"
                                     R"(["arn:aws:iam::111122223333:user/push-pull-user-1"]},)"
                                     R"("Action":["ecr:BatchGetImage","ecr:PutImage"]})"),
                                 policy_kind::resource);
    CHECK(p.statements[0].resource.values.empty());
    require_round_trip(iam::write_policy(p), policy_kind::resource);
    const std::string endpoint = doc(R"({"Effect":"Allow","Principal":"*","Action":"*"})");
    require_one_error(endpoint, policy_kind::endpoint, policy_errc::missing_element, "/Statement/0",
                      at(endpoint, "{\"Effect"));
}

// "The following example policies use a simplified syntax to specify the API resource. This
// simplified syntax is an abbreviated way that you can refer to an API resource, instead of
// specifying the full Amazon Resource Name (ARN). API Gateway converts the abbreviated
// syntax to the full ARN when you save the policy." ... "You can use execute-api:/* to
// represent all stages, methods, and paths in the current API."
// https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-resource-policies-examples.html
TEST_CASE("API Gateway's execute-api:/ shorthand is a resource of resource-based policies only") {
    const std::string text = doc(R"({"Effect":"Deny","Principal":"*","Action":"execute-api:Invoke",)"
                                 R"("Resource":["execute-api:/prod","execute-api:/*/GET/pets"]})");
    const auto p = require_valid(text, policy_kind::resource);
    CHECK(p.statements[0].resource.values == iam::string_list{"execute-api:/prod", "execute-api:/*/GET/pets"});
    const std::string endpoint =
        doc(R"({"Effect":"Deny","Principal":"*","Action":"execute-api:Invoke","Resource":"execute-api:/prod"})");
    require_one_error(endpoint, policy_kind::endpoint, policy_errc::bad_resource, "/Statement/0/Resource",
                      at(endpoint, "\"execute-api:/prod"));
}

//=== trust policies ===//

// "In IAM roles, use the Principal element in the role trust policy to specify who can
// assume the role." https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
// "You cannot use the NotPrincipal element in an IAM identity-based policy nor in an IAM
// role trust policy." https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html
TEST_CASE("trust policies need Principal and reject NotPrincipal") {
    require_valid(doc(R"({"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"})"),
                  policy_kind::trust);
    const std::string none = doc(R"({"Effect":"Allow","Action":"sts:AssumeRole"})");
    require_one_error(none, policy_kind::trust, policy_errc::principal_required, "/Statement/0", at(none, "{\"Effect"));
    const std::string negated =
        doc(R"({"Effect":"Deny","NotPrincipal":{"AWS":"123456789012"},"Action":"sts:AssumeRole"})");
    require_one_error(negated, policy_kind::trust, policy_errc::principal_not_allowed, "/Statement/0/NotPrincipal",
                      at(negated, "\"NotPrincipal\""));
}

// IAM rejects a Resource in a trust policy with MalformedPolicyDocument "Has prohibited
// field Resource": the role itself is the resource (UG reference_policies_elements_principal:
// "The IAM resource-based policy type is a role trust policy").
TEST_CASE("trust policies have no Resource or NotResource") {
    const std::string unknown =
        doc(R"({"Effect":"Allow","Principal":{"AWS":"123456789012"},"Action":"sts:AssumeRole","Resources":"*"})");
    const auto u = require_one_error(unknown, policy_kind::trust, policy_errc::unknown_element,
                                     "/Statement/0/Resources", at(unknown, "\"Resources\""));
    CHECK(u.message() == "unknown statement element `Resources` (allowed: Sid, Effect, Principal, Action, Condition)");
    for (std::string_view key : {"Resource", "NotResource"}) {
        const std::string text =
            doc(R"({"Effect":"Allow","Principal":{"AWS":"123456789012"},"Action":"sts:AssumeRole",")" +
                std::string(key) + R"(":"*"})");
        const auto e = require_one_error(text, policy_kind::trust, policy_errc::resource_not_allowed,
                                         "/Statement/0/" + std::string(key), at(text, "\"" + std::string(key) + "\""));
        CHECK(e.message().find("Has prohibited field") != std::string::npos);
    }
}

// A trust policy says who may assume the role and what they may pass along. AWS's
// pages name sts:AssumeRole, sts:AssumeRoleWithSAML, sts:AssumeRoleWithWebIdentity and,
// for what a session carries, sts:TagSession (session tags need it in the role trust
// policy, UG id_session-tags), sts:SetSourceIdentity (UG
// id_credentials_temp_control-access_monitor) and sts:SetContext; they name no other
// action there. Our choice where AWS is silent: any other action, or NotAction, is not
// understood, so it is an error (fail closed).
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html
TEST_CASE("trust policies take only the role-assuming sts actions") {
    for (std::string_view a :
         {"sts:AssumeRole", "sts:AssumeRoleWithSAML", "sts:AssumeRoleWithWebIdentity", "sts:TagSession",
          "sts:SetSourceIdentity", "sts:SetContext", "STS:assumerole", "sts:AssumeRole*", "sts:*", "*"})
        require_valid(
            doc(R"({"Effect":"Allow","Principal":{"AWS":"123456789012"},"Action":")" + std::string(a) + "\"}"),
            policy_kind::trust);
    const std::string text =
        doc(R"({"Effect":"Allow","Principal":{"AWS":"123456789012"},"Action":["sts:AssumeRole","s3:GetObject"]})");
    require_one_error(text, policy_kind::trust, policy_errc::action_not_allowed_in_kind, "/Statement/0/Action/1",
                      at(text, "\"s3:GetObject\""));
    const std::string not_action = doc(R"({"Effect":"Deny","Principal":"*","NotAction":"sts:AssumeRole"})");
    require_one_error(not_action, policy_kind::trust, policy_errc::action_not_allowed_in_kind, "/Statement/0/NotAction",
                      at(not_action, "\"NotAction\""));
}

//=== SCPs ===//

// "With this feature, you can use conditions, individual resource Amazon Resource Names
// (ARNs), and the NotAction element with Allow statements. Additionally, you can now use
// wildcards at the beginning or middle of the Action element strings and implement the
// NotResource element in both Allow and Deny statements in SCPs."
// https://aws.amazon.com/blogs/security/unlock-new-possibilities-aws-organizations-service-control-policy-now-supports-full-iam-language
TEST_CASE("SCPs take the full IAM language since September 2025") {
    require_valid(doc(R"({"Effect":"Allow","NotAction":["iam:*"],"NotResource":"arn:aws:s3:::secret/*",)"
                      R"("Condition":{"StringEquals":{"aws:RequestedRegion":"eu-west-1"}}},)"
                      R"({"Effect":"Allow","Action":"ec2:*Instances","Resource":"arn:aws:ec2:*:*:instance/*"},)"
                      R"({"Effect":"Deny","Action":"*","NotResource":"*"})"),
                  policy_kind::scp);
}

// "Unsupported elements: The following elements aren't supported in SCPs: Principal,
// NotPrincipal" (2025's list dropped NotResource, now supported).
// https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_syntax.html
// "Every SCP must include a Version element with the value "2012-10-17"." (same page)
TEST_CASE("SCPs reject Principal and NotPrincipal and require Version 2012-10-17") {
    for (std::string_view key : {"Principal", "NotPrincipal"}) {
        const std::string text =
            doc(R"({"Effect":"Deny",")" + std::string(key) + R"(":"*","Action":"*","Resource":"*"})");
        const auto e = require_one_error(text, policy_kind::scp, policy_errc::principal_not_allowed,
                                         "/Statement/0/" + std::string(key), at(text, "\"" + std::string(key)));
        CHECK(e.message() == "SCPs cannot have " + std::string(key));
    }
    const std::string unversioned = R"({"Statement":{"Effect":"Allow","Action":"*","Resource":"*"}})";
    const auto e = require_one_error(unversioned, policy_kind::scp, policy_errc::version_required, "", 0);
    CHECK(e.message() == R"(SCPs must include a Version element with the value "2012-10-17")");
    // Id is no warning outside identity policies.
    CHECK(
        require_valid(R"({"Version":"2012-10-17","Id":"x","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}})",
                      policy_kind::scp)
            .warnings.empty());
}

//=== RCPs ===//

// "The effect of Allow is only supported for the RCPFullAWSAccess policy." RCPFullAWSAccess
// allows every principal every action on every resource. The elements table lists Version,
// Statement, Sid, Effect, Principal, Action, Resource, NotResource and Condition: no
// NotPrincipal, no NotAction; its Principal section takes only "*".
// https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps_syntax.html
TEST_CASE("RCPs: Principal \"*\", Deny statements, Allow only as RCPFullAWSAccess") {
    require_valid(doc(R"({"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"})"), policy_kind::rcp);
    require_valid(
        doc(R"({"Sid":"EnforceTLS","Effect":"Deny","Principal":"*","Action":["s3:*","sqs:*"],)"
            R"("NotResource":"arn:aws:s3:::public/*","Condition":{"BoolIfExists":{"aws:SecureTransport":"false"}}})"),
        policy_kind::rcp);
    const std::string allow = doc(R"({"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"})");
    require_one_error(allow, policy_kind::rcp, policy_errc::effect_not_allowed_in_kind, "/Statement/0/Effect",
                      at(allow, "\"Allow\""));
    const std::string named = doc(R"({"Effect":"Deny","Principal":{"AWS":"*"},"Action":"s3:*","Resource":"*"})");
    require_one_error(named, policy_kind::rcp, policy_errc::bad_principal, "/Statement/0/Principal",
                      at(named, "{\"AWS\""));
    const std::string none = doc(R"({"Effect":"Deny","Action":"s3:*","Resource":"*"})");
    require_one_error(none, policy_kind::rcp, policy_errc::principal_required, "/Statement/0", at(none, "{\"Effect"));
    const std::string negated = doc(R"({"Effect":"Deny","NotPrincipal":"*","Action":"s3:*","Resource":"*"})");
    require_one_error(negated, policy_kind::rcp, policy_errc::principal_not_allowed, "/Statement/0/NotPrincipal",
                      at(negated, "\"NotPrincipal\""));
    const std::string not_action = doc(R"({"Effect":"Deny","Principal":"*","NotAction":"s3:*","Resource":"*"})");
    require_one_error(not_action, policy_kind::rcp, policy_errc::action_not_allowed_in_kind, "/Statement/0/NotAction",
                      at(not_action, "\"NotAction\""));
    require_one_error(R"({"Statement":{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*"}})",
                      policy_kind::rcp, policy_errc::version_required, "", 0);
}

//=== VPC endpoint policies ===//

// "An endpoint policy is a JSON policy document that uses the IAM policy language. It must
// contain a Principal element." "The NotPrincipal element is supported in resource-based
// policies for some AWS services, including VPC endpoints."
// https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html
TEST_CASE("VPC endpoint policies need Principal or NotPrincipal") {
    require_valid(R"({"Statement":[{"Action":"*","Effect":"Allow","Resource":"*","Principal":"*"}]})",
                  policy_kind::endpoint);  // the default endpoint policy
    require_valid(
        doc(R"({"Effect":"Deny","NotPrincipal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"*","Resource":"*"})"),
        policy_kind::endpoint);
    const std::string none = doc(R"({"Effect":"Allow","Action":"s3:*","Resource":"*"})");
    require_one_error(none, policy_kind::endpoint, policy_errc::principal_required, "/Statement/0",
                      at(none, "{\"Effect"));
}

//=== size limits ===//

namespace {

// A valid policy of exactly `size` characters (white space outside strings included),
// padded in a Sid; `spaces` adds that much white space outside strings.
std::string policy_of_characters(std::size_t size, std::size_t spaces) {
    const std::string head = R"({"Version":"2012-10-17","Statement":[{"Sid":")";
    const std::string tail = R"(","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*"}]})";
    const std::size_t fixed = head.size() + tail.size() + spaces;
    REQUIRE(size >= fixed);
    return head + std::string(size - fixed, 'A') + tail + std::string(spaces, ' ');
}

}  // namespace

// SCP, RCP: "All characters in your SCP count against its maximum size" (RCP: "All
// characters in your RCP count against its maximum size"); quotas: "Maximum size of a
// policy document: Service control policies: 5,120 characters, Resource control policies:
// 5,120 characters". https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html
// Session: "The plaintext that you use for both inline and managed session policies can't
// exceed 2,048 characters." https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html
// Endpoint: "The size of an endpoint policy cannot exceed 20,480 characters, including white space."
// https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html
// Trust: IAM's "Role trust policy length" quota, 2,048 characters by default, white space
// not counted as for every IAM policy. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
TEST_CASE("size limits of the new kinds, white space counted where AWS counts it") {
    struct limit_case {
        policy_kind kind;
        std::size_t limit;
        bool white_space_counts;
    };
    for (const limit_case& c :
         {limit_case{policy_kind::scp, 5120, true}, limit_case{policy_kind::rcp, 5120, true},
          limit_case{policy_kind::session, 2048, true}, limit_case{policy_kind::endpoint, 20480, true},
          limit_case{policy_kind::trust, 2048, false}}) {
        INFO(iam::to_string(c.kind));
        CHECK(iam::policy_size_limit(c.kind) == c.limit);
        CHECK(iam::policy_size_counts_white_space(c.kind) == c.white_space_counts);
        CHECK_FALSE(iam::check_policy_size(policy_of_characters(c.limit, 10), c.kind).has_value());
        const std::string over = policy_of_characters(c.limit + 1, 10);
        const auto e = iam::check_policy_size(over, c.kind);
        CHECK(e.has_value() == c.white_space_counts);  // the ten spaces decide
        if (e) {
            CHECK(e->code == policy_errc::too_large);
            CHECK(e->offset == c.limit);  // the first character past the limit
            CHECK(e->message().find("white space counted") != std::string::npos);
        }
    }
    CHECK_FALSE(iam::policy_size_limit(policy_kind::resource).has_value());  // each service has its own
    CHECK(iam::policy_characters("a\xC3\xA9 ") == 3);
}

//=== kind names ===//

TEST_CASE("every kind has a name that parses back") {
    for (const policy_kind k : iam::all_policy_kinds) CHECK(iam::parse_policy_kind(iam::to_string(k)) == k);
    CHECK(iam::to_string(policy_kind::user_inline) == "user-inline");
    CHECK(iam::to_string(policy_kind::endpoint) == "endpoint");
    CHECK_FALSE(iam::parse_policy_kind("role").has_value());
    CHECK(std::size(iam::all_policy_kinds) == static_cast<std::size_t>(policy_kind::endpoint) + 1);
}

//=== real published policies ===//

namespace {

// Published files that AWS's own rules reject: each must fail with its rule (pinned, not skipped).
struct rejected_file {
    std::string_view name;
    policy_errc code;
};
constexpr rejected_file rejected_files[] = {
    // RAM's get-resource-policies output, `"Principal":{"AWS":[]}`: the grammar's
    // <principal_map_entry> holds [<principal_id_string>, ...], at least one (UG
    // reference_policies_grammar.html); a policy naming no one is RAM's output, not a document.
    {"cli-ram-get-resource-policies.json", policy_errc::empty_list},
    // A template: "[MAX_SIGNATURE_AGE_IN_MILLISECONDS]" stands for the number NumericGreaterThan needs.
    {"s3-prevent-long-term-presigned-url.json", policy_errc::bad_condition_value},
    // "ForAnyValue:Stringlike": the operator is StringLike (UG
    // reference_policies_elements_condition_operators.html); IAM rejects other spellings
    // ("MalformedPolicyDocument: Invalid Condition type : stringEquals").
    {"sts-protect-iamra-session-tags.json", policy_errc::unknown_operator},
};

}  // namespace

// Every file under tests/data/policies/<kind>/ (collected from AWS's sample repositories
// and documentation, see PROVENANCE.md there) parses as its kind with no error, fits
// its kind's size limit once compact, and round-trips through the canonical writer;
// the few AWS's rules reject fail with the rule that rejects them.
TEST_CASE("real published resource, trust, SCP, RCP, session and endpoint policies parse as their kind") {
    const std::filesystem::path root = std::filesystem::path(IAM_TEST_DATA_DIR) / "policies";
    if (!std::filesystem::is_directory(root)) return;  // the corpus arrives with its own commit
    std::size_t files = 0;
    for (const policy_kind k : iam::all_policy_kinds) {
        const std::filesystem::path kind_dir = root / std::string(iam::to_string(k));  // named as --kind spells it
        if (!std::filesystem::is_directory(kind_dir)) continue;
        std::vector<std::filesystem::path> paths;
        for (const auto& f : std::filesystem::recursive_directory_iterator(kind_dir))
            if (f.is_regular_file() && f.path().extension() == ".json") paths.push_back(f.path());
        std::sort(paths.begin(), paths.end());
        for (const auto& path : paths) {
            ++files;
            const std::string text = read_file(path);
            INFO(path.string());
            auto r = iam::parse_policy(text, k);
            const auto rejected = std::find_if(std::begin(rejected_files), std::end(rejected_files),
                                               [&](const rejected_file& f) { return f.name == path.filename(); });
            if (rejected != std::end(rejected_files)) {
                REQUIRE_FALSE(r.has_value());
                CHECK(r.error().errors.front().code == rejected->code);
                continue;
            }
            if (!r) {
                for (const auto& e : r.error().errors)
                    FAIL_CHECK(path.filename().string()
                               << ": " << e.id() << " " << e.path << " @" << e.offset << ": " << e.message());
                continue;
            }
            // Published policies are pretty-printed; AWS's console saves them without the
            // white space, so the limit applies to the compact form.
            const std::string compact = iam::write_policy(*r);
            if (const auto size = iam::check_policy_size(compact, k)) FAIL_CHECK(size->message());
            auto again = iam::parse_policy(compact, k);
            REQUIRE(again.has_value());
            CHECK(static_cast<const iam::policy&>(*again) == static_cast<const iam::policy&>(*r));
        }
    }
    CHECK(files > 0);
    MESSAGE(files << " real policies checked");
}
