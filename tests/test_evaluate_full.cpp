// SPDX-License-Identifier: MIT
// Tests of include/iam/evaluate.hpp beyond one principal's own policies: resource-based
// policies (same account and across accounts, KMS key policies, role trust policies),
// SCPs, RCPs, session policies and VPC endpoint policies, for users, role sessions,
// federated users, the root user and service principals.
#include <iam/evaluate.hpp>

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

using iam::decision;
using iam::policy_kind;

namespace {

constexpr const char* account = "111122223333";
constexpr const char* other_account = "444455556666";
constexpr const char* alice = "arn:aws:iam::111122223333:user/alice";
constexpr const char* deploy_role = "arn:aws:iam::111122223333:role/deploy";
constexpr const char* deploy_session = "arn:aws:sts::111122223333:assumed-role/deploy/build-42";
constexpr const char* bucket_object = "arn:aws:s3:::reports/2026/q4.csv";

iam::named_policy policy(const std::string& name, const std::string& text, policy_kind kind) {
    auto parsed = iam::parse_policy(text, kind);
    REQUIRE_MESSAGE(parsed.has_value(), text);
    return {name, parsed.value()};
}

// A 2012-10-17 policy of one statement: `body` holds its elements after Effect.
std::string one(const std::string& effect, const std::string& body) {
    return R"({"Version":"2012-10-17","Statement":[{"Effect":")" + effect + R"(",)" + body + "}]}";
}

const std::string allow_all = one("Allow", R"("Action":"*","Resource":"*")");
const std::string allow_s3_read = one("Allow", R"("Action":"s3:GetObject","Resource":"*")");
const std::string allow_ec2 = one("Allow", R"("Action":"ec2:*","Resource":"*")");
const std::string full_aws_access = allow_all;  // FullAWSAccess
const std::string rcp_full_aws_access = one("Allow", R"("Principal":"*","Action":"*","Resource":"*")");

std::string bucket_policy(const std::string& effect, const std::string& principal,
                          const std::string& action = R"("s3:GetObject")") {
    return one(effect,
               R"("Principal":)" + principal + R"(,"Action":)" + action + R"(,"Resource":"arn:aws:s3:::reports/*")");
}

struct scenario {
    std::vector<std::string> identity;
    std::vector<std::string> boundary;
    std::vector<std::string> session;
    std::optional<std::string> resource;
    policy_kind resource_kind = policy_kind::resource;
    std::vector<std::string> endpoint;
    std::optional<std::vector<std::vector<std::string>>> scps;  // levels, root first
    std::optional<std::vector<std::vector<std::string>>> rcps;
    std::vector<std::string> targets{"r-ab12", "ou-ab12-cdef5678", account};
    std::string management_account;
    iam::request request{"s3:GetObject", bucket_object, alice, "", {}};

    iam::evaluation_result run() const {
        iam::policy_set set;
        const auto add = [](std::vector<iam::named_policy>& to, const std::vector<std::string>& texts, policy_kind kind,
                            const char* prefix) {
            for (std::size_t i = 0; i < texts.size(); ++i)
                to.push_back(policy(prefix + std::to_string(i), texts[i], kind));
        };
        add(set.identity, identity, policy_kind::identity, "p");
        add(set.boundary, boundary, policy_kind::boundary, "b");
        add(set.session, session, policy_kind::session, "s");
        add(set.endpoint, endpoint, policy_kind::endpoint, "e");
        if (resource) set.resource.push_back(policy("r", *resource, resource_kind));
        const auto levels = [&](const std::optional<std::vector<std::vector<std::string>>>& from, policy_kind kind) {
            std::optional<std::vector<iam::organizations_level>> to;
            if (!from) return to;
            to.emplace();
            for (std::size_t l = 0; l < from->size(); ++l) {
                iam::organizations_level& level = to->emplace_back();
                level.target = targets.at(l);
                add(level.policies, (*from)[l], kind, "o");
            }
            return to;
        };
        set.scps = levels(scps, policy_kind::scp);
        set.rcps = levels(rcps, policy_kind::rcp);
        set.management_account = management_account;
        return iam::evaluate(request, std::move(set));
    }
    decision decide() const { return run().decision; }
};

}  // namespace

// UG reference_policies_evaluation-logic_policy-eval-denyallow.html: "an explicit deny in
// any of these policies overrides the allow".
TEST_CASE("an explicit deny in any policy type wins") {
    scenario s;
    s.identity = {allow_all};
    CHECK(s.decide() == decision::allowed);
    s.resource = bucket_policy("Deny", R"({"AWS":")" + std::string(alice) + R"("})");
    CHECK(s.decide() == decision::explicit_deny);
    s.resource.reset();
    s.session = {one("Deny", R"("Action":"s3:*","Resource":"*")")};
    s.request.caller_arn = deploy_session;
    CHECK(s.decide() == decision::explicit_deny);
    s.session = {};
    s.scps = {{{full_aws_access}, {one("Deny", R"("Action":"s3:GetObject","Resource":"*")")}, {full_aws_access}}};
    const iam::evaluation_result r = s.run();
    CHECK(r.decision == decision::explicit_deny);
    REQUIRE(r.matched.size() == 1);
    CHECK(r.matched[0].layer == iam::policy_layer::scp);
}

// UG access_policies_boundaries.html, "Resource-based policies": "Within the same account,
// resource-based policies that grant permissions to an IAM user ARN (that is not a
// federated user session) are not limited by an implicit deny in an identity-based policy
// or permissions boundary."
TEST_CASE("same account: a resource policy naming the user allows on its own, boundary or not") {
    scenario s;
    s.resource = bucket_policy("Allow", R"({"AWS":")" + std::string(alice) + R"("})");
    iam::evaluation_result r = s.run();
    CHECK(r.decision == decision::allowed);
    CHECK(r.allowed_by_resource_policy);
    REQUIRE(r.matched.size() == 1);
    CHECK(r.matched[0].layer == iam::policy_layer::resource);
    s.boundary = {allow_ec2};
    CHECK(s.decide() == decision::allowed);
    s.request.caller_arn = "arn:aws:iam::111122223333:user/bob";  // not named
    CHECK(s.decide() == decision::implicit_deny);
}

// UG access_policies_boundaries.html: "Resource-based policies that grant permissions to
// an IAM role ARN are limited by an implicit deny in a permissions boundary or session
// policy" and "resource-based policies that grant permissions to the ARN of a role
// session ... are not limited".
TEST_CASE(
    "same account: a grant to the role is limited by its boundary and session policy, one to the session is not") {
    scenario s;
    s.request.caller_arn = deploy_session;
    s.resource = bucket_policy("Allow", R"({"AWS":")" + std::string(deploy_role) + R"("})");
    CHECK(s.decide() == decision::allowed);
    s.boundary = {allow_ec2};
    CHECK(s.decide() == decision::implicit_deny);
    s.boundary = {};
    s.session = {allow_ec2};
    CHECK(s.decide() == decision::implicit_deny);
    s.resource = bucket_policy("Allow", R"({"AWS":")" + std::string(deploy_session) + R"("})");
    CHECK(s.decide() == decision::allowed);
    s.boundary = {allow_ec2};
    CHECK(s.decide() == decision::allowed);
}

// UG reference_policies_evaluation-logic-cross-account.html: "the principal in the trusting
// account must have an identity-based policy that allows ... and the resource-based policy
// must allow" (both sides).
TEST_CASE("across accounts both the identity side and the resource policy must allow") {
    scenario s;
    s.request.resource_owner = other_account;
    s.identity = {allow_s3_read};
    CHECK(s.decide() == decision::implicit_deny);  // no bucket policy
    CHECK(s.run().needs_resource_policy);
    s.resource = bucket_policy("Allow", R"({"AWS":")" + std::string(other_account) + R"("})");
    CHECK(s.decide() == decision::implicit_deny);  // names another account
    s.resource = bucket_policy("Allow", R"({"AWS":"arn:aws:iam::111122223333:root"})");
    CHECK(s.decide() == decision::allowed);
    s.identity = {allow_ec2};
    CHECK(s.decide() == decision::implicit_deny);  // the identity side does not allow
    s.identity = {allow_s3_read};
    s.boundary = {allow_ec2};
    CHECK(s.decide() == decision::implicit_deny);  // nor does it within the boundary
}

// UG reference_policies_elements_principal.html: "You cannot use a wildcard to match part
// of a principal name or ARN"; "*" alone is everyone.
TEST_CASE("principals: everyone, no partial wildcards, services") {
    scenario s;
    s.resource = bucket_policy("Allow", R"("*")");
    CHECK(s.decide() == decision::allowed);
    CHECK_FALSE(iam::parse_policy(bucket_policy("Allow", R"({"AWS":"arn:aws:iam::111122223333:user/*"})"),
                                  policy_kind::resource));
    s.request.caller_arn = "cloudtrail.amazonaws.com";
    s.resource = bucket_policy("Allow", R"({"Service":"cloudtrail.amazonaws.com"})", R"("s3:PutObject")");
    s.request.action = "s3:PutObject";
    CHECK(s.decide() == decision::allowed);
    s.request.caller_arn = "config.amazonaws.com";
    CHECK(s.decide() == decision::implicit_deny);
}

// UG reference_policies_elements_notprincipal.html: with Deny, NotPrincipal denies every
// principal it does not name.
TEST_CASE("NotPrincipal with Deny denies everyone it does not exclude") {
    scenario s;
    s.identity = {allow_all};
    s.resource = one("Deny", R"("NotPrincipal":{"AWS":["arn:aws:iam::111122223333:user/alice","111122223333"]},)"
                             R"("Action":"s3:*","Resource":"arn:aws:s3:::reports/*")");
    CHECK(s.decide() == decision::allowed);
    s.request.caller_arn = "arn:aws:iam::111122223333:user/bob";
    CHECK(s.decide() == decision::explicit_deny);
    // "Statements with NotPrincipal and Deny will always deny any IAM principal that has
    // a permissions boundary policy attached, regardless of the values specified in the
    // NotPrincipal element."
    s.request.caller_arn = alice;
    s.boundary = {allow_all};
    CHECK(s.decide() == decision::explicit_deny);
}

// KMS developer guide, key-policies.html: "Unless the key policy explicitly allows it, you
// cannot use IAM policies to allow access to a KMS key."
TEST_CASE("a KMS key policy must allow: directly, or by delegating to the account's IAM policies") {
    scenario s;
    s.request.action = "kms:Decrypt";
    s.request.resource = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    s.identity = {one("Allow", R"("Action":"kms:*","Resource":"*")")};
    CHECK(s.decide() == decision::implicit_deny);
    const std::string key_policy_root = one("Allow", R"("Principal":{"AWS":"arn:aws:iam::111122223333:root"},)"
                                                     R"("Action":"kms:*","Resource":"*")");
    s.resource = key_policy_root;
    CHECK(s.decide() == decision::allowed);
    s.identity = {};
    CHECK(s.decide() == decision::implicit_deny);  // the delegation needs an IAM policy
    s.resource = one("Allow", R"("Principal":{"AWS":"arn:aws:iam::111122223333:user/alice"},)"
                              R"("Action":"kms:Decrypt","Resource":"*")");
    CHECK(s.decide() == decision::allowed);
}

// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_update-role-trust-policy.html:
// "To change who can assume a role, you must modify the role's trust policy", and "If a
// user is listed as the principal in a role's trust policy but cannot assume the role,
// check the user's permissions boundary. If a permissions boundary is set for the user,
// then it must allow the sts:AssumeRole action." (The deny/allow page says grants to a
// user ARN are not limited by a boundary; for trust policies we take this, stricter, page.)
TEST_CASE("sts:AssumeRole is decided by the role's trust policy") {
    scenario s;
    s.request.action = "sts:AssumeRole";
    s.request.resource = deploy_role;
    s.resource_kind = policy_kind::trust;
    s.identity = {one("Allow", R"("Action":"sts:AssumeRole","Resource":"*")")};
    CHECK(s.decide() == decision::implicit_deny);  // no trust policy given
    s.resource = one("Allow", R"("Principal":{"AWS":"111122223333"},"Action":"sts:AssumeRole")");
    CHECK(s.decide() == decision::allowed);
    s.identity = {};
    CHECK(s.decide() == decision::implicit_deny);
    s.resource =
        one("Allow", R"("Principal":{"AWS":"arn:aws:iam::111122223333:user/alice"},"Action":"sts:AssumeRole")");
    CHECK(s.decide() == decision::allowed);
    s.boundary = {allow_ec2};
    CHECK(s.decide() == decision::implicit_deny);
}

// Organizations user guide, orgs_manage_policies_scps_evaluation.html: every level from the
// root to the account must allow; an explicit deny at any level denies.
TEST_CASE("SCPs: every level must allow") {
    scenario s;
    s.identity = {allow_all};
    s.scps = {{{full_aws_access}, {full_aws_access}, {full_aws_access}}};
    iam::evaluation_result r = s.run();
    CHECK(r.decision == decision::allowed);
    CHECK(r.organizations.applies);
    CHECK(r.organizations.allowed);
    s.scps = {{{full_aws_access}, {allow_ec2}, {full_aws_access}}};
    r = s.run();
    CHECK(r.decision == decision::implicit_deny);
    CHECK_FALSE(r.organizations.allowed);
    s.scps = {{{full_aws_access}, {}, {full_aws_access}}};  // a level with nothing attached allows nothing
    CHECK(s.decide() == decision::implicit_deny);
    s.scps = {{{full_aws_access}, {allow_s3_read}, {full_aws_access}}};
    CHECK(s.decide() == decision::allowed);
    s.scps = std::vector<std::vector<std::string>>{};
    CHECK(s.decide() == decision::implicit_deny);
}

TEST_CASE("SCPs: the management account and service-linked roles are not affected") {
    scenario s;
    s.identity = {allow_all};
    s.scps = {{{full_aws_access}, {allow_ec2}, {full_aws_access}}};
    CHECK(s.decide() == decision::implicit_deny);
    s.management_account = account;
    CHECK(s.decide() == decision::allowed);
    s.management_account.clear();
    s.request.caller_arn =
        "arn:aws:iam::111122223333:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig";
    CHECK(s.decide() == decision::allowed);
    // Named only by its session's ARN, which lacks the path, the role could be any role.
    s.request.caller_arn = "arn:aws:sts::111122223333:assumed-role/AWSServiceRoleForConfig/session";
    CHECK(s.decide() == decision::implicit_deny);
    // A path is taken to be the caller's account's whatever its last Target says (a
    // mismatch must not drop a Deny): only the management account is exempt.
    s.request.caller_arn = "arn:aws:iam::444455556666:user/carol";
    s.request.resource_owner = account;
    CHECK(s.run().organizations.applies);
    // the root user of a member account is affected
    s.request.caller_arn = "arn:aws:iam::111122223333:root";
    s.request.resource_owner.clear();
    CHECK(s.decide() == decision::implicit_deny);
    s.scps.reset();
    CHECK(s.decide() == decision::allowed);
}

// https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html:
// "RCPs apply to actions for the following AWS services" (S3 is one, EC2 is not); "You can't
// use RCPs to restrict the following: Any action on resources in the management account."
TEST_CASE("RCPs: a deny on the resource side, only for the services they cover") {
    scenario s;
    s.identity = {allow_all};
    const std::string org_only =
        one("Deny", R"("Principal":"*","Action":"s3:*","Resource":"*",)"
                    R"("Condition":{"StringNotEqualsIfExists":{"aws:PrincipalOrgID":"o-abc123def4"}})");
    s.rcps = {{{rcp_full_aws_access}, {rcp_full_aws_access, org_only}, {rcp_full_aws_access}}};
    s.request.context = {{"aws:PrincipalOrgID", {"o-zzzzzzzzzz"}, iam::context_type::string}};
    CHECK(s.decide() == decision::explicit_deny);
    s.request.context = {{"aws:PrincipalOrgID", {"o-abc123def4"}, iam::context_type::string}};
    iam::evaluation_result r = s.run();
    CHECK(r.decision == decision::allowed);
    CHECK(r.resource_control.applies);
    s.rcps = {{{rcp_full_aws_access}, {}, {rcp_full_aws_access}}};
    CHECK(s.decide() == decision::implicit_deny);
    s.management_account = account;
    CHECK(s.decide() == decision::implicit_deny);  // the bucket's account is not known: RCPs apply
    s.request.resource_owner = account;
    CHECK(s.decide() == decision::allowed);
    s.management_account.clear();
    s.request.resource_owner.clear();
    s.request.action = "ec2:DescribeInstances";
    s.request.resource = "*";
    r = s.run();
    CHECK(r.decision == decision::allowed);
    CHECK_FALSE(r.resource_control.applies);
}

// UG access_policies.html#policies_session: "The resulting session's permissions are the
// intersection of the entity's identity-based policy and the session policies."
TEST_CASE("session policies intersect with the identity policies") {
    scenario s;
    s.request.caller_arn = deploy_session;
    s.identity = {one("Allow", R"("Action":"s3:*","Resource":"*")")};
    s.session = {allow_s3_read};
    iam::evaluation_result r = s.run();
    CHECK(r.decision == decision::allowed);
    CHECK(r.session.applies);
    s.request.action = "s3:PutObject";
    r = s.run();
    CHECK(r.decision == decision::implicit_deny);
    CHECK_FALSE(r.session.allowed);
}

// VPC user guide, vpc-endpoints-access.html: an endpoint policy "does not override or
// replace identity-based policies or resource-based policies".
// UG reference_policies_evaluation-logic: "If there is no session policy, the code checks
// whether the principal is a role session. If the principal is a role session, then the
// request is Allowed. Otherwise, the request is implicitly denied."; STS API reference,
// GetFederationToken: "if you do not pass any session policies, then the resulting
// federated user session has no permissions".
TEST_CASE("a federated user session without a session policy has no permissions") {
    scenario s;
    s.request.caller_arn = "arn:aws:sts::111122223333:federated-user/carol";
    s.identity = {allow_all};
    CHECK(s.decide() == decision::implicit_deny);
    s.session = {allow_s3_read};
    CHECK(s.decide() == decision::allowed);
    s.session = {};
    s.resource = bucket_policy("Allow", R"({"AWS":"arn:aws:sts::111122223333:federated-user/carol"})");
    CHECK(s.decide() == decision::allowed);  // a grant to the session itself
}

TEST_CASE("a VPC endpoint policy must allow too") {
    scenario s;
    s.identity = {allow_all};
    s.endpoint = {one("Allow", R"("Principal":"*","Action":"s3:GetObject","Resource":"*")")};
    CHECK(s.decide() == decision::allowed);
    s.request.action = "s3:PutObject";
    const iam::evaluation_result r = s.run();
    CHECK(r.decision == decision::implicit_deny);
    CHECK(r.endpoint.applies);
    CHECK_FALSE(r.endpoint.allowed);
}

TEST_CASE("the root user needs no identity policy in its own account, but a key policy still decides") {
    scenario s;
    s.request.caller_arn = "arn:aws:iam::111122223333:root";
    CHECK(s.decide() == decision::allowed);
    s.request.resource_owner = other_account;
    CHECK(s.decide() == decision::implicit_deny);
}

TEST_CASE("an unknown caller is not granted by a named principal, but is denied by one (fail closed)") {
    scenario s;
    s.request.caller_arn.clear();
    s.identity = {allow_all};
    s.resource = bucket_policy("Deny", R"({"AWS":"arn:aws:iam::111122223333:user/mallory"})");
    CHECK(s.decide() == decision::explicit_deny);
}

TEST_CASE("a missing key in an SCP could change the decision") {
    scenario s;
    s.identity = {allow_all};
    s.scps = {
        {{full_aws_access},
         {full_aws_access,
          one("Deny",
              R"("Action":"*","Resource":"*","Condition":{"StringNotEquals":{"aws:RequestedRegion":"eu-west-1"}})")},
         {full_aws_access}}};
    s.request.caller_arn.clear();
    const iam::evaluation_result r = s.run();
    CHECK(r.decision == decision::explicit_deny);  // inverted operators match a missing key
    REQUIRE(r.missing.size() == 1);
    CHECK(r.missing[0].could_become.contains(decision::allowed));
}

// API Gateway developer guide, apigateway-resource-policies-examples: a resource policy
// names its own API's methods as `execute-api:/stage/METHOD/path`.
TEST_CASE("API Gateway's execute-api:/ shorthand names the API's own methods") {
    scenario s;
    s.request.action = "execute-api:Invoke";
    s.request.resource = "arn:aws:execute-api:us-east-1:111122223333:a1b2c3d4e5/prod/GET/pets";
    s.identity = {allow_all};
    s.resource = one("Deny", R"("Principal":"*","Action":"execute-api:Invoke","Resource":"execute-api:/prod/GET/*")");
    CHECK(s.decide() == decision::explicit_deny);
    s.resource = one("Deny", R"("Principal":"*","Action":"execute-api:Invoke","Resource":"execute-api:/test/*")");
    CHECK(s.decide() == decision::allowed);
}

// UG access_policies.html#policies_session: "A resource-based policy can specify the ARN of
// the session as a principal. ... The resource-based policy permissions are not limited by
// the session policy." (The reference simulator limits them.)
TEST_CASE("a grant to the session's own ARN is not limited by its session policy") {
    scenario s;
    s.request.caller_arn = deploy_session;
    s.session = {allow_ec2};
    s.resource = bucket_policy("Allow", R"({"AWS":")" + std::string(deploy_session) + R"("})");
    CHECK(s.decide() == decision::allowed);
    s.resource = bucket_policy("Allow", R"({"AWS":")" + std::string(deploy_role) + R"("})");
    CHECK(s.decide() == decision::implicit_deny);
}

// UG reference_policies_evaluation-logic_policy-eval-denyallow: "Permissions boundaries and
// session policies do not limit permissions granted using the aws:PrincipalArn condition key
// with a wildcard(*) in the Principal element". Without that key AWS is silent: a user is
// granted as by its own ARN, a session within its boundary and session policy.
TEST_CASE("a grant to everyone, narrowed by aws:PrincipalArn, is not limited by session policies") {
    scenario s;
    s.request.caller_arn = deploy_role;  // a session of the role, named by the role's ARN
    s.session = {allow_ec2};
    s.resource =
        one("Allow", R"("Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::reports/*",)"
                     R"("Condition":{"ArnEquals":{"aws:PrincipalArn":"arn:aws:iam::111122223333:role/deploy"}})");
    CHECK(s.decide() == decision::allowed);
    s.resource = bucket_policy("Allow", R"("*")");
    CHECK(s.decide() == decision::implicit_deny);
    s.request.caller_arn = alice;
    s.session = {};
    s.boundary = {allow_ec2};
    CHECK(s.decide() == decision::allowed);
}

// UG reference_policies_elements_notprincipal: "When you use NotPrincipal, you must also
// specify the account ARN of the not-denied principal. Otherwise, the policy might deny
// access to the entire account containing the principal." (The reference simulator excludes
// a principal named without its account.)
TEST_CASE("NotPrincipal excludes a session only when its session, role and account are listed") {
    scenario s;
    s.request.caller_arn = deploy_session;
    s.identity = {allow_all};
    const auto deny_all_but = [](const std::string& listed) {
        return one("Deny", R"("NotPrincipal":{"AWS":[)" + listed + R"(]},"Action":"s3:*","Resource":"*")");
    };
    s.resource = deny_all_but(R"(")" + std::string(deploy_session) + R"(")");
    CHECK(s.decide() == decision::explicit_deny);
    s.resource = deny_all_but(R"(")" + std::string(deploy_session) + R"(",")" + std::string(deploy_role) +
                              R"(","arn:aws:iam::111122223333:root")");
    CHECK(s.decide() == decision::allowed);
}

// VPC PrivateLink guide, vpc-endpoints-access.html: an endpoint policy controls "which AWS
// principals can use the VPC endpoint"; it must contain a Principal element. (The reference
// simulator ignores it.)
TEST_CASE("an endpoint policy's Principal decides whom it allows") {
    scenario s;
    s.identity = {allow_all};
    s.endpoint = {
        one("Allow", R"("Principal":{"AWS":"arn:aws:iam::111122223333:user/bob"},"Action":"*","Resource":"*")")};
    CHECK(s.decide() == decision::implicit_deny);
    s.request.caller_arn = "arn:aws:iam::111122223333:user/bob";
    CHECK(s.decide() == decision::allowed);
}

// A session named by its sts ARN has an aws:PrincipalArn AWS knows (its role's ARN, path
// included) and we cannot: a condition on it holds in a Deny and fails in an Allow.
TEST_CASE("a session's unknowable aws:PrincipalArn fails closed") {
    scenario s;
    s.request.caller_arn = deploy_session;
    s.identity = {allow_all};
    s.resource = one("Deny", R"("Principal":"*","Action":"s3:*","Resource":"*",)"
                             R"("Condition":{"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::*:role/service-role/*"}})");
    iam::evaluation_result r = s.run();
    CHECK(r.decision == decision::explicit_deny);
    REQUIRE(r.missing.size() == 1);
    CHECK(r.missing[0].key == "aws:PrincipalArn");
    s.request.caller_arn = deploy_role;  // known: arn:aws:iam::111122223333:role/deploy
    CHECK(s.decide() == decision::allowed);
}

// STS returns "Roles may not be assumed by root accounts".
TEST_CASE("the root user cannot assume a role") {
    scenario s;
    s.request = {"sts:AssumeRole", deploy_role, "arn:aws:iam::111122223333:root", "", {}};
    s.resource_kind = policy_kind::trust;
    s.resource = one("Allow", R"("Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"sts:AssumeRole")");
    const iam::evaluation_result r = s.run();
    CHECK(r.decision == decision::implicit_deny);
    CHECK(r.not_grantable == "the root user cannot assume a role");
}

// UG access_policies: identity-based policies attach "to IAM identities (users, groups to
// which users belong, or roles)"; a service principal or an anonymous caller has none.
TEST_CASE("identity policies do not count for a service principal or an anonymous caller") {
    scenario s;
    s.identity = {allow_all};
    for (const char* caller : {"s3.amazonaws.com", "anonymous", "accounts.google.com"}) {
        s.request.caller_arn = caller;
        CHECK(s.decide() == decision::implicit_deny);
    }
    s.request.caller_arn = "anonymous";
    s.resource = bucket_policy("Allow", R"("*")");
    CHECK(s.decide() == decision::allowed);
}
