// SPDX-License-Identifier: MIT
// Tests of include/iam/simulate.hpp, and the golden differential test: 10,000 seeded
// cases (tests/tools/gen_golden_cases.py) with the reference simulator's decisions.
#include <iam/simulate.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <string>

#include "test_data.hpp"

#ifndef IAM_TEST_DATA_DIR
#error "IAM_TEST_DATA_DIR must name tests/data"
#endif
#ifndef IAM_EXAMPLES_DATA_DIR
#error "IAM_EXAMPLES_DATA_DIR must name examples/data"
#endif

namespace {
// AWS's action catalog, as the tool bundles it.
const iam::action_catalog& bundled_catalog() {
    static const iam::action_catalog catalog =
        iam::action_catalog::parse_tsv(read_file(IAM_EXAMPLES_DATA_DIR "/iam-actions/iam-actions.tsv")).value();
    return catalog;
}
}  // namespace

TEST_CASE("simulate_json: AWS's input shape in, AWS's output shape out") {
    const std::string input = R"({
      "PolicyInputList": ["{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Read\",\"Effect\":\"Allow\",\"Action\":\"s3:Get*\",\"Resource\":\"*\",\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"}}}]}",
                          {"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"s3:GetObject","Resource":"arn:aws:s3:::secret/*"}}],
      "PermissionsBoundaryPolicyInputList": ["{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}"],
      "ActionNames": ["s3:GetObject", "s3:PutObject"],
      "ResourceArns": ["arn:aws:s3:::public/x", "arn:aws:s3:::secret/y"],
      "CallerArn": "arn:aws:iam::123456789012:user/alice",
      "ContextEntries": [{"ContextKeyName": "aws:SourceIp", "ContextKeyValues": ["10.1.2.3"], "ContextKeyType": "ip"}],
      "SomethingElse": true})";
    const std::string out = iam::simulate_json(input);
    const auto doc = iam::json::parse(out);
    REQUIRE(doc);
    const auto& results = *doc->find("EvaluationResults")->as_array();
    REQUIRE(results.size() == 4);
    const auto decision = [&](std::size_t i) { return *results[i].find("EvalDecision")->as_string(); };
    CHECK(decision(0) == "allowed");
    CHECK(decision(1) == "explicitDeny");
    CHECK(decision(2) == "implicitDeny");
    CHECK(decision(3) == "implicitDeny");
    CHECK(*results[1].find("EvalResourceName")->as_string() == "arn:aws:s3:::secret/y");
    const auto& matched = *results[0].find("MatchedStatements")->as_array();
    REQUIRE(matched.size() == 2);
    CHECK(*matched[0].find("SourcePolicyId")->as_string() == "PolicyInputList.1");
    CHECK(*matched[0].find("Sid")->as_string() == "Read");
    CHECK(*matched[1].find("SourcePolicyType")->as_string() == "PermissionsBoundaryPolicy");
    CHECK(*results[0].find("PermissionsBoundaryDecisionDetail")->find("AllowedByPermissionsBoundary")->as_boolean());
    CHECK(*results[1].find("MatchedStatements")->as_array()->at(0).find("SourcePolicyId")->as_string() ==
          "PolicyInputList.2");
}

TEST_CASE(
    "simulate_json: missing context keys are listed with what they could change; no boundary, no boundary detail") {
    const std::string out = iam::simulate_json(
        R"({"PolicyInputList":["{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}}}"],"ActionNames":["iam:CreateUser"]})");
    CHECK(
        out ==
        R"({"EvaluationResults":[{"EvalActionName":"iam:CreateUser","EvalResourceName":"*","EvalDecision":"implicitDeny","MatchedStatements":[],)"
        R"("MissingContextValues":["aws:MultiFactorAuthPresent"],)"
        R"("CouldChangeDecision":[{"ContextKeyName":"aws:MultiFactorAuthPresent","CouldBecome":["allowed"]}],"UnreadableContextValues":[]}]})");
}

TEST_CASE(
    "simulate_json: keys derived from an IAM user CallerArn; a deny a missing key could apply; unreadable values") {
    const std::string out = iam::simulate_json(R"({
      "PolicyInputList": [{"Version":"2012-10-17","Statement":[
          {"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::home/${aws:username}/*","Condition":{"StringEquals":{"aws:PrincipalType":"User","aws:PrincipalAccount":"123456789012"},"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::*:user/*"}}},
          {"Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"198.51.100.0/24"}}},
          {"Effect":"Deny","Action":"s3:DeleteObject","Resource":"*","Condition":{"NumericLessThan":{"s3:max-keys":"10"}}}]}],
      "ActionNames": ["s3:GetObject", "s3:DeleteObject"],
      "ResourceArns": ["arn:aws:s3:::home/alice/notes.txt"],
      "CallerArn": "arn:aws:iam::123456789012:user/alice",
      "ContextEntries": [{"ContextKeyName": "s3:max-keys", "ContextKeyValues": ["ten"], "ContextKeyType": "numeric"}]})");
    const auto doc = iam::json::parse(out);
    REQUIRE(doc);
    const auto& results = *doc->find("EvaluationResults")->as_array();
    REQUIRE(results.size() == 2);
    CHECK(*results[0].find("EvalDecision")->as_string() == "allowed");  // aws:username and the principal keys derived
    CHECK(iam::json::write(*results[0].find("MissingContextValues")) == R"(["aws:SourceIp"])");
    CHECK(iam::json::write(*results[0].find("CouldChangeDecision")) ==
          R"([{"ContextKeyName":"aws:SourceIp","CouldBecome":["explicitDeny"]}])");
    CHECK(
        iam::json::write(*results[1].find("UnreadableContextValues")) ==
        R"([{"ContextKeyName":"s3:max-keys","ContextKeyValue":"ten","Operator":"NumericLessThan","SourcePolicyId":"PolicyInputList.1","StatementIndex":2}])");
    CHECK(*results[1].find("EvalDecision")->as_string() == "explicitDeny");  // an unreadable value keeps a Deny on
}

TEST_CASE("simulate_json: a refused input is one error naming the field") {
    CHECK(iam::simulate_json("{") == R"({"Error":"invalid JSON at line 1, column 2: unexpected end of input"})");
    CHECK(iam::simulate_json("[]") == R"({"Error":"the input must be a JSON object"})");
    CHECK(iam::simulate_json(R"({"PolicyInputList":[]})") ==
          R"({"Error":"ActionNames must name at least one action"})");
    CHECK(iam::simulate_json(R"({"PolicyInputList":"x","ActionNames":["a:b"]})") ==
          R"({"Error":"PolicyInputList must be an array of policy documents"})");
    CHECK(iam::simulate_json(R"({"PolicyInputList":[1],"ActionNames":["a:b"]})") ==
          R"j({"Error":"PolicyInputList.1 must be a policy document (a JSON string or object)"})j");
    const std::string bad_policy = iam::simulate_json(
        R"({"PolicyInputList":["{\"Statement\":{\"Effect\":\"Maybe\",\"Action\":\"*\",\"Resource\":\"*\"}}"],"ActionNames":["a:b"]})");
    CHECK(bad_policy.find("PolicyInputList.1 is not a valid policy") != std::string::npos);
    CHECK(bad_policy.find("[/Statement/Effect]") != std::string::npos);
    CHECK(iam::simulate_json(
              R"({"ActionNames":["a:b"],"ContextEntries":[{"ContextKeyName":"k","ContextKeyType":"weird"}]})")
              .find("ContextKeyType of k") != std::string::npos);
    CHECK(iam::simulate_json(R"({"ActionNames":["a:b"],"CallerArn":5})") ==
          R"({"Error":"CallerArn must be a string"})");
    CHECK(iam::simulate_json(R"({"ActionNames":"a:b"})") == R"({"Error":"ActionNames must be an array of strings"})");
}

TEST_CASE("parse_simulation_input: each refusal has a code and a stable id") {
    using iam::simulation_errc;
    const auto code_of = [](std::string_view text) { return iam::parse_simulation_input(text).error().code; };
    CHECK(code_of("{") == simulation_errc::invalid_json);
    CHECK(code_of("[]") == simulation_errc::not_object);
    CHECK(code_of(R"({"PolicyInputList":[]})") == simulation_errc::missing_actions);
    CHECK(code_of(R"({"PolicyInputList":"x","ActionNames":["a:b"]})") == simulation_errc::invalid_field);
    CHECK(code_of(R"({"PolicyInputList":[1],"ActionNames":["a:b"]})") == simulation_errc::invalid_policy);
    CHECK(code_of(R"({"ActionNames":["a:b"],"ContextEntries":[{}]})") == simulation_errc::invalid_context);
    CHECK(code_of(R"({"ActionNames":["a:b"],"ContextEntries":[{"ContextKeyName":"k","ContextKeyValues":[1]}]})") ==
          simulation_errc::invalid_field);
    CHECK(code_of(R"({"ActionNames":["a:b"],"ContextEntries":{}})") == simulation_errc::invalid_field);
    const auto refused = iam::parse_simulation_input("[]");
    CHECK(refused.error().message() == "the input must be a JSON object");
    CHECK(refused.error().id() == "not-object");
    CHECK(iam::to_string(simulation_errc::invalid_policy) == "invalid-policy");
}

TEST_CASE("simulate: the catalog tells how a request on `*` reads; NotGrantable says why nothing can allow") {
    // Service Authorization Reference (e.g.
    // https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsiamidentitycenter.html):
    // for an action with no resource type, "you must specify all resources ("*") to which
    // the policy applies in the Resource element of your policy statement".
    const std::string input =
        R"({"PolicyInputList":["{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:*\",\"iam:*\"],\"Resource\":[\"arn:aws:s3:::*\",\"arn:aws:iam::*:role/*\"]}]}"],
        "ActionNames":["s3:ListAllMyBuckets","s3:GetObject","iam:DeleteRole"],
        "ResourceArns":["*","arn:aws:iam::123456789012:role/aws-service-role/x.amazonaws.com/AWSServiceRoleForX"],
        "CallerArn":"arn:aws:iam::123456789012:user/alice"})";
    CHECK(iam::has_resource_types(&bundled_catalog(), "S3:GetObject"));
    CHECK_FALSE(iam::has_resource_types(&bundled_catalog(), "s3:ListAllMyBuckets"));
    CHECK_FALSE(iam::has_resource_types(nullptr, "s3:GetObject"));
    CHECK_FALSE(iam::has_resource_types(&bundled_catalog(), "s3:NoSuchAction"));
    const auto parsed = iam::parse_simulation_input(input);
    REQUIRE(parsed);
    const iam::compiled_policy_set set = iam::policies_of(parsed.value());
    const auto results = iam::run_simulation(set, parsed.value(), &bundled_catalog());
    REQUIRE(results.size() == 6);
    CHECK(results[0].evaluation.decision == iam::decision::implicit_deny);  // ListAllMyBuckets on the resource `*`
    CHECK_FALSE(results[0].evaluation.some_resource);
    CHECK(results[2].evaluation.decision == iam::decision::allowed);  // GetObject on some bucket
    CHECK(results[2].evaluation.some_resource);
    CHECK(results[5].evaluation.decision == iam::decision::implicit_deny);  // DeleteRole on a service-linked role
    // Without the catalog `*` is the resource itself, the reading that never allows more.
    CHECK(iam::run_simulation(set, parsed.value())[2].evaluation.decision == iam::decision::implicit_deny);
    const std::string out = iam::simulate_json(input, nullptr, &bundled_catalog());
    CHECK(out.find(R"("NotGrantable":"a service-linked role is changed only by the service it is linked to")") !=
          std::string::npos);
    CHECK(out.find("NotGrantable") == out.rfind("NotGrantable"));  // only where it applies
}

TEST_CASE("simulate: a role CallerArn gives the role session's keys") {
    const std::string out = iam::simulate_json(
        R"({"PolicyInputList":["{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"aws:PrincipalType\":\"AssumedRole\"},\"ArnEquals\":{\"aws:PrincipalArn\":\"arn:aws:iam::123456789012:role/ops/deploy\"}}}]}"],
        "ActionNames":["s3:GetObject"],"CallerArn":"arn:aws:iam::123456789012:role/ops/deploy"})");
    CHECK(out.find(R"("EvalDecision":"allowed")") != std::string::npos);
}

TEST_CASE("simulate: resource policies, session policies, SCPs, RCPs and endpoint policies") {
    // A role session in 111122223333 reads a bucket object: its identity policy, a
    // session policy, the bucket policy, SCPs at three levels, RCPs and an endpoint policy.
    const std::string input = R"({
      "PolicyInputList": [{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}],
      "SessionPolicyInputList": [{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:Get*","Resource":"*"}}],
      "ResourcePolicy": {"Version":"2012-10-17","Statement":{"Sid":"NoDelete","Effect":"Deny","Principal":"*","Action":"s3:DeleteObject","Resource":"arn:aws:s3:::reports/*"}},
      "ServiceControlPolicies": [
        {"Target": "r-ab12", "PolicyInputList": [{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}]},
        {"Target": "ou-ab12-cdef5678", "PolicyInputList": [{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":["s3:*","ec2:*"],"Resource":"*"}}]},
        {"Target": "111122223333", "PolicyInputList": [{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}]}],
      "ResourceControlPolicies": [
        {"Target": "r-ab12", "PolicyInputList": [{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}}]}],
      "VpcEndpointPolicyInputList": [{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"}}],
      "ActionNames": ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "sqs:SendMessage"],
      "ResourceArns": ["arn:aws:s3:::reports/q4.csv"],
      "CallerArn": "arn:aws:sts::111122223333:assumed-role/deploy/build-42"})";
    const auto parsed = iam::parse_simulation_input(input);
    REQUIRE_MESSAGE(parsed.has_value(), parsed.error().message());
    CHECK(parsed->policies.scps->size() == 3);
    CHECK(parsed->policies.scps->at(1).target == "ou-ab12-cdef5678");
    CHECK(parsed->policies.scps->at(1).policies[0].name == "ServiceControlPolicies.2.PolicyInputList.1");
    const auto doc = iam::json::parse(iam::simulate_json(input));
    REQUIRE(doc);
    const auto& results = *doc->find("EvaluationResults")->as_array();
    REQUIRE(results.size() == 4);
    const auto decision = [&](std::size_t i) { return std::string(*results[i].find("EvalDecision")->as_string()); };
    const auto detail = [&](std::size_t i, const char* object, const char* field) {
        return *results[i].find(object)->find(field)->as_boolean();
    };
    CHECK(decision(0) == "allowed");
    CHECK(detail(0, "OrganizationsDecisionDetail", "AllowedByOrganizations"));
    CHECK(detail(0, "SessionPolicyDecisionDetail", "AllowedBySessionPolicies"));
    CHECK(detail(0, "ResourceControlPolicyDecisionDetail", "AllowedByResourceControlPolicies"));
    CHECK(detail(0, "VpcEndpointPolicyDecisionDetail", "AllowedByVpcEndpointPolicies"));
    CHECK(decision(1) == "implicitDeny");  // the session policy allows only s3:Get*
    CHECK_FALSE(detail(1, "SessionPolicyDecisionDetail", "AllowedBySessionPolicies"));
    CHECK(decision(2) == "explicitDeny");  // the bucket policy's Deny
    const auto& matched = *results[2].find("MatchedStatements")->as_array();
    REQUIRE(matched.size() == 1);
    CHECK(*matched[0].find("SourcePolicyId")->as_string() == "ResourcePolicy");
    CHECK(*matched[0].find("SourcePolicyType")->as_string() == "resource");
    CHECK(decision(3) == "implicitDeny");  // the OU's SCP allows only s3 and ec2
    CHECK_FALSE(detail(3, "OrganizationsDecisionDetail", "AllowedByOrganizations"));
    CHECK(results[3].find("ResourceControlPolicyDecisionDetail") != nullptr);  // SQS supports RCPs
}

TEST_CASE("policy_cache: a document read as one kind, else as another") {
    iam::policy_cache cache;
    const std::string bucket = R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":"*",)"
                               R"("Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}})";
    CHECK_FALSE(cache.get(bucket, iam::policy_kind::trust));  // a trust policy has no Resource
    CHECK(cache.get(bucket, iam::policy_kind::trust, iam::policy_kind::resource));
    // Neither: the errors are the first kind's.
    const std::string no_principal = R"({"Statement":{"Effect":"Allow","Action":"*","Resource":"*"}})";
    const auto neither = cache.get(no_principal, iam::policy_kind::trust, iam::policy_kind::resource);
    REQUIRE_FALSE(neither);
    CHECK(neither.error().errors == cache.get(no_principal, iam::policy_kind::trust).error().errors);
}

TEST_CASE("simulate: refused Organizations paths and policies of the wrong kind") {
    const auto refused = [](const std::string& input) {
        const auto parsed = iam::parse_simulation_input(input);
        REQUIRE_FALSE(parsed.has_value());
        return std::string(parsed.error().message());
    };
    const std::string allow = R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}})";
    CHECK(
        refused(R"({"ActionNames":["s3:GetObject"],"ServiceControlPolicies":[{"Target":"root","PolicyInputList":[]}]})")
            .find("needs a Target") != std::string::npos);
    std::string deep = R"({"ActionNames":["s3:GetObject"],"ServiceControlPolicies":[)";
    for (int i = 0; i < 8; ++i) deep += std::string(i ? "," : "") + R"({"Target":"r-ab12","PolicyInputList":[]})";
    CHECK(refused(deep + "]}").find("more levels") != std::string::npos);
    // An SCP has no Principal; a bucket policy needs one.
    CHECK(
        refused(
            R"({"ActionNames":["s3:GetObject"],"ServiceControlPolicies":[{"Target":"r-ab12","PolicyInputList":[)" +
            std::string(
                R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}})") +
            "]}]}")
            .find("ServiceControlPolicies.1.PolicyInputList.1 is not a valid policy") != std::string::npos);
    CHECK(refused(R"({"ActionNames":["s3:GetObject"],"ResourcePolicy":)" + allow + "}").find("ResourcePolicy") !=
          std::string::npos);
    std::string sessions = R"({"ActionNames":["s3:GetObject"],"SessionPolicyInputList":[)";
    for (int i = 0; i < 12; ++i) sessions += std::string(i ? "," : "") + allow;
    CHECK(refused(sessions + "]}").find("at most 11") != std::string::npos);
    // An empty path allows nothing.
    const std::string empty_path =
        R"({"ActionNames":["s3:GetObject"],"ServiceControlPolicies":[],"PolicyInputList":[)" + allow + "]}";
    CHECK(iam::simulate_json(empty_path).find(R"("EvalDecision":"implicitDeny")") != std::string::npos);
}

namespace {

// What comparing our decisions with the reference simulator's found.
struct golden_tally {
    std::size_t count = 0;                                   // cases read
    std::size_t refused = 0;                                 // cases the reference refused too (we must refuse them)
    std::size_t results = 0;                                 // results compared
    std::size_t disagreements = 0;                           // results whose decisions differ, pinned ones aside
    std::map<std::string, std::size_t, std::less<>> pinned;  // differing results by pinned class
    std::map<std::string, std::size_t, std::less<>> tagged;  // cases left out by `AwsDocDiffers` class
};

// Runs every case of `cases_path` and compares each result's decision with the line of
// `decisions_path`; `pinned(input, result, want)` names the class of a known difference
// (AWS's documentation over the reference), or returns empty. Cases tagged
// `AwsDocDiffers` are counted, not compared; the first ten disagreements are reported.
template <typename Pinned>
golden_tally compare_with_reference(const char* cases_path, const char* decisions_path, Pinned&& pinned) {
    std::ifstream cases(cases_path);
    std::ifstream decisions(decisions_path);
    REQUIRE((cases.is_open() && decisions.is_open()));
    golden_tally tally;
    iam::policy_cache cache;
    std::string case_line, expected_line;
    while (std::getline(cases, case_line) && std::getline(decisions, expected_line)) {
        ++tally.count;
        const auto expected = iam::json::parse(expected_line);
        const auto tagged = iam::json::parse(case_line);
        REQUIRE((expected && tagged));
        auto input = iam::parse_simulation_input(case_line, &cache);
        if (expected->find("Error") != nullptr) {
            CHECK_FALSE(input.has_value());
            ++tally.refused;
            continue;
        }
        REQUIRE_MESSAGE(input.has_value(), "case " << tally.count << ": " << input.error().message());
        if (const auto* tag = tagged->find("AwsDocDiffers")) {
            ++tally.tagged[std::string(*tag->as_string())];
            continue;
        }
        const iam::compiled_policy_set set = iam::policies_of(input.value());
        const auto ours = iam::run_simulation(set, input.value(), &bundled_catalog());
        const auto& theirs = *expected->find("EvaluationResults")->as_array();
        REQUIRE(ours.size() == theirs.size());
        for (std::size_t i = 0; i < ours.size(); ++i) {
            ++tally.results;
            const std::string_view want = *theirs[i].find("EvalDecision")->as_string();
            if (iam::to_string(ours[i].evaluation.decision) == want) continue;
            if (const std::string_view known = pinned(input.value(), ours[i], want); !known.empty()) {
                ++tally.pinned[std::string(known)];
                continue;
            }
            if (++tally.disagreements <= 10)
                FAIL_CHECK("case " << tally.count << " " << ours[i].action << " on " << ours[i].resource << ": ours "
                                   << iam::to_string(ours[i].evaluation.decision) << ", reference " << want);
        }
    }
    return tally;
}

// Whether `r` asks to assume a role (or tag its session, ...), which its trust policy decides.
bool assumes_role(const iam::simulation_result& r) {
    return iam::detail::uses_trust_policy(iam::lower_case_action(r.action).view());
}

}  // namespace

TEST_CASE("golden: agrees with the reference simulator on 10,000 generated cases") {
    const golden_tally tally = compare_with_reference(
        IAM_TEST_DATA_DIR "/golden/cases.jsonl", IAM_TEST_DATA_DIR "/golden/decisions.jsonl",
        [](const iam::simulation_input&, const iam::simulation_result& r, std::string_view want) -> std::string_view {
            // AWS's simulator, given no ResourcePolicy, reads identity policies alone; a role
            // is assumed only if its trust policy allows ("To change who can assume a role,
            // you must modify the role's trust policy",
            // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_update-role-trust-policy.html),
            // which these cases do not give.
            const iam::evaluation_result& e = r.evaluation;
            if (e.needs_resource_policy && e.same_account && want == "allowed" && assumes_role(r))
                return "trust policy not given";
            return {};
        });
    CHECK(tally.count == 10000);
    CHECK(tally.results > 25000);
    CHECK(tally.disagreements == 0);
    CHECK(tally.tagged.empty());
    CHECK(tally.pinned == std::map<std::string, std::size_t, std::less<>>{{"trust policy not given", 345}});
}

TEST_CASE("golden: every policy type, agreeing with the reference simulator on 10,000 more cases") {
    // tests/tools/gen_full_cases.py: resource, key and trust policies, SCPs, RCPs, session and
    // endpoint policies and boundaries, for users, role sessions, federated users and root
    // users, in the same account and across accounts. The cases tagged `AwsDocDiffers` are
    // where AWS's documentation and the reference simulator part (tests/test_evaluate_full.cpp
    // pins each class with AWS's words); their decisions are not compared.
    const golden_tally tally = compare_with_reference(
        IAM_TEST_DATA_DIR "/golden/full-cases.jsonl", IAM_TEST_DATA_DIR "/golden/full-decisions.jsonl",
        [](const iam::simulation_input& input, const iam::simulation_result& r,
           std::string_view want) -> std::string_view {
            const iam::evaluation_result& e = r.evaluation;
            // A trust policy naming the user, whose boundary does not allow sts:AssumeRole
            // ("If a permissions boundary is set for the user, then it must allow the
            // sts:AssumeRole action",
            // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_update-role-trust-policy.html).
            if (want == "allowed" && e.decision == iam::decision::implicit_deny && e.allowed_by_resource_policy &&
                !e.allowed_by_boundary && assumes_role(r))
                return "trust policy naming a user outside its boundary";
            // STS answers "Roles may not be assumed by root accounts".
            if (want == "allowed" && e.not_grantable == "the root user cannot assume a role")
                return "root user assuming a role";
            // A session named by its sts ARN, whose aws:PrincipalArn (its role's ARN, path
            // included) AWS knows and we cannot, fails closed on conditions on it (the
            // reference simulator was given the role's ARN without a path).
            const bool lacks_principal_arn = std::any_of(e.missing.begin(), e.missing.end(),
                                                         [](const auto& k) { return k.key == "aws:PrincipalArn"; });
            if (e.decision != iam::decision::allowed && want != "explicitDeny" &&
                input.caller_arn.find(":assumed-role/") != std::string::npos && lacks_principal_arn)
                return "session's aws:PrincipalArn unknown";
            return {};
        });
    CHECK(tally.count == 10000);
    CHECK(tally.refused == 0);
    CHECK(tally.results > 9000);
    CHECK(tally.disagreements == 0);
    CHECK(tally.pinned ==
          std::map<std::string, std::size_t, std::less<>>{{"root user assuming a role", 48},
                                                          {"session's aws:PrincipalArn unknown", 16},
                                                          {"trust policy naming a user outside its boundary", 2}});
    CHECK(tally.tagged ==
          std::map<std::string, std::size_t, std::less<>>{{"EndpointPolicyPrincipal", 211},
                                                          {"NotPrincipalPartial", 219},
                                                          {"RcpUnsupportedService", 449},
                                                          {"RoleWithoutTrustPolicy", 263},
                                                          {"SessionArnBeyondSessionPolicy", 562},
                                                          {"WildcardPrincipalBeyondSessionPolicy", 230}});
}

TEST_CASE("golden: full simulate outputs of the showcase cases, their decisions the reference simulator's") {
    // tests/tools/gen_golden_cases.py --showcase: derived keys, missing keys in allows and
    // denies with what they could change, unreadable values. The outputs are ours,
    // reviewed; the decisions are the reference simulator's, given the derived keys.
    std::ifstream cases(IAM_TEST_DATA_DIR "/golden/showcase-cases.jsonl");
    std::ifstream outputs(IAM_TEST_DATA_DIR "/golden/showcase-outputs.jsonl");
    std::ifstream decisions(IAM_TEST_DATA_DIR "/golden/showcase-decisions.jsonl");
    REQUIRE((cases.is_open() && outputs.is_open() && decisions.is_open()));
    std::size_t count = 0;
    std::string case_line, output_line, decision_line;
    while (std::getline(cases, case_line) && std::getline(outputs, output_line) &&
           std::getline(decisions, decision_line)) {
        ++count;
        const std::string ours = iam::simulate_json(case_line, nullptr, &bundled_catalog());
        CHECK_MESSAGE(ours == output_line, "showcase case " << count);
        const auto mine = iam::json::parse(ours);
        const auto theirs = iam::json::parse(decision_line);
        REQUIRE((mine && theirs));
        const auto& a = *mine->find("EvaluationResults")->as_array();
        const auto& b = *theirs->find("EvaluationResults")->as_array();
        REQUIRE(a.size() == b.size());
        for (std::size_t i = 0; i < a.size(); ++i)
            CHECK_MESSAGE(*a[i].find("EvalDecision")->as_string() == *b[i].find("EvalDecision")->as_string(),
                          "showcase case " << count << " result " << i);
    }
    CHECK(count == 7);
}
