// SPDX-License-Identifier: MIT
// Tests of include/iam/principal.hpp (who the caller is; how Principal and NotPrincipal
// name it) and of the principal keys request.hpp derives for each kind of caller.
#include <iam/principal.hpp>
#include <iam/request.hpp>

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "check.hpp"

using iam::principal_kind;
using iam::principal_match;
using iam::principal_type;

namespace {

constexpr std::string_view account = "123456789012";
constexpr std::string_view user_arn = "arn:aws:iam::123456789012:user/division/alice";
constexpr std::string_view role_arn = "arn:aws:iam::123456789012:role/service/deploy";
constexpr std::string_view session_arn = "arn:aws:sts::123456789012:assumed-role/deploy/ci-run-7";
constexpr std::string_view federated_arn = "arn:aws:sts::123456789012:federated-user/bob";
constexpr std::string_view root_arn = "arn:aws:iam::123456789012:root";

iam::principal_entry entry(principal_type type, std::initializer_list<std::string_view> values) {
    return {type, values.size() > 1, iam::string_list(values)};
}
iam::principal_block aws(std::initializer_list<std::string_view> values) {
    return {false, false, {entry(principal_type::aws, values)}};
}
iam::principal_block everyone() { return {false, true, {}}; }

principal_match match(const iam::principal_block& p, std::string_view caller, std::string_view session = {}) {
    return iam::match_principal(p, iam::identify_principal(caller, session));
}
bool excluded(const iam::principal_block& p, std::string_view caller, std::string_view session = {}) {
    return iam::excluded_by_not_principal(p, iam::identify_principal(caller, session));
}

}  // namespace

TEST_CASE("identify_principal: users, role sessions, federated users and the root user") {
    IAM_CHECK_BOTH(iam::identify_principal(user_arn) ==
                   iam::principal_identity{principal_kind::user, "aws", account, user_arn, "alice", {}, {}, {}});
    // A role caller is a session of the role (UG reference_policies_elements_principal, "IAM
    // role principals": "When they use those session credentials to perform operations in
    // AWS, they become a role session principal."); its path is in its IAM ARN only.
    IAM_CHECK_BOTH(iam::identify_principal(role_arn, "ci-run-7") ==
                   iam::principal_identity{
                       principal_kind::role_session, "aws", account, role_arn, "deploy", "ci-run-7", role_arn, {}});
    IAM_CHECK_BOTH(iam::identify_principal(role_arn).session.empty());
    IAM_CHECK_BOTH(iam::identify_principal(session_arn) ==
                   iam::principal_identity{
                       principal_kind::role_session, "aws", account, session_arn, "deploy", "ci-run-7", {}, {}});
    IAM_CHECK_BOTH(iam::identify_principal(session_arn, "ci-run-7").kind == principal_kind::role_session);
    IAM_CHECK_BOTH(
        iam::identify_principal(federated_arn) ==
        iam::principal_identity{principal_kind::federated_user, "aws", account, federated_arn, "bob", {}, {}, {}});
    IAM_CHECK_BOTH(iam::identify_principal(root_arn) ==
                   iam::principal_identity{principal_kind::root, "aws", account, root_arn, {}, {}, {}, {}});
    IAM_CHECK_BOTH(iam::identify_principal("arn:aws-cn:iam::123456789012:user/li").partition == "aws-cn");
    // The session name given beside a user is not the user's.
    IAM_CHECK_BOTH(iam::identify_principal(user_arn, "s1").session.empty());
}

TEST_CASE("identify_principal: services, identity providers and anonymous callers") {
    // UG reference_policies_elements_principal, "AWS service principals": "The identifier
    // for a service principal includes the service name, and is usually in the following
    // format: service-name.amazonaws.com"
    IAM_CHECK_BOTH(
        iam::identify_principal("cloudtrail.amazonaws.com") ==
        iam::principal_identity{principal_kind::service, {}, {}, {}, {}, {}, {}, "cloudtrail.amazonaws.com"});
    IAM_CHECK_BOTH(iam::identify_principal("logs.us-east-1.amazonaws.com").kind == principal_kind::service);
    IAM_CHECK_BOTH(iam::identify_principal("ec2.amazonaws.com.cn").kind == principal_kind::service);
    // "Web identity session principals": "cognito-identity.amazonaws.com", "www.amazon.com",
    // "graph.facebook.com", "accounts.google.com"; "SAML session principals":
    // "arn:aws:iam::AWS-account-ID:saml-provider/provider-name".
    for (const std::string_view host :
         {"cognito-identity.amazonaws.com", "www.amazon.com", "graph.facebook.com", "accounts.google.com"}) {
        CHECK(iam::identify_principal(host) ==
              iam::principal_identity{principal_kind::identity_provider, {}, {}, {}, {}, {}, {}, host});
    }
    constexpr std::string_view saml = "arn:aws:iam::123456789012:saml-provider/corp";
    IAM_CHECK_BOTH(iam::identify_principal(saml) ==
                   iam::principal_identity{principal_kind::identity_provider, "aws", account, saml, {}, {}, {}, saml});
    IAM_CHECK_BOTH(
        iam::identify_principal("arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com").kind ==
        principal_kind::identity_provider);
    IAM_CHECK_BOTH(iam::identify_principal("*") == iam::principal_identity{principal_kind::anonymous});
    IAM_CHECK_BOTH(iam::identify_principal("anonymous").kind == principal_kind::anonymous);
}

TEST_CASE("identify_principal: anything malformed is an unknown caller, with every field empty") {
    for (const std::string_view caller :
         {"",
          "alice",
          "123456789012",
          "arn:aws:iam::123456789012:user/",
          "arn:aws:iam::123456789012:user/a*b",
          "arn:aws:iam::123456789012:user/division/",
          "arn:aws:iam::123456789012:user//alice",
          "arn:aws:iam::aws:user/x",
          "arn:aws:iam:us-east-1:123456789012:user/x",
          "arn:aws:iam::123456789012:group/devs",
          "arn:aws:iam::123456789012:user/alice ",
          "arn:aws:iam::123456789012:roles/x",
          "arn:aws:s3:::bucket",
          "arn:aws:iam::123456789012:saml-provider/",
          "arn:aws:iam::123456789012:Root",
          "arn:aws:sts::123456789012:assumed-role/app",
          "arn:aws:sts::123456789012:assumed-role/app/",
          "arn:aws:sts::123456789012:assumed-role/app/s/extra",
          "arn:aws:sts::123456789012:assumed-role//s1",
          "arn:aws:sts::123456789012:assumed-role/app/s",  // RoleSessionName: at least 2 characters
          "arn:aws:sts::123456789012:federated-user/b",    // GetFederationToken Name: 2 to 32
          "arn:aws:sts::123456789012:federated-user/abcdefghijklmnopqrstuvwxyz0123456",
          "arn:aws:sts::123456789012:root",
          "arn:aws:iam::123456789012:assumed-role/app/s1",
          "S3.amazonaws.com",
          ".amazonaws.com",
          "s3..amazonaws.com",
          "s3.amazonaws.com.evil",
          "amazonaws.com",
          "accounts.google.com.",
          "Anonymous",
          " *"}) {
        CHECK_MESSAGE(iam::identify_principal(caller) == iam::principal_identity{}, caller);
    }
    // A session name that breaks RoleSessionName's rule, or two different sessions.
    CHECK(iam::identify_principal(role_arn, "x") == iam::principal_identity{});
    CHECK(iam::identify_principal(role_arn, "bad name") == iam::principal_identity{});
    CHECK(iam::identify_principal(role_arn, std::string(65, 's')) == iam::principal_identity{});
    CHECK(iam::identify_principal(session_arn, "ci-run-8") == iam::principal_identity{});
    CHECK(iam::identify_principal(std::string(session_arn.substr(0, session_arn.rfind('/') + 1)) + std::string(64, 's'))
              .kind == principal_kind::role_session);
}

TEST_CASE("match_principal: \"*\" and {\"AWS\": \"*\"} name every caller") {
    // UG reference_policies_elements_principal, "All principals"
    // (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-anonymous):
    // "For anonymous users, the following elements are equivalent: "Principal": "*" ...
    // "Principal" : { "AWS" : "*" }"
    for (const std::string_view caller :
         {user_arn, session_arn, federated_arn, root_arn, std::string_view("s3.amazonaws.com"),
          std::string_view("accounts.google.com"), std::string_view("*"), std::string_view("not a caller")}) {
        CHECK(match(everyone(), caller) == principal_match::everyone);
        CHECK(match(aws({"*"}), caller) == principal_match::everyone);
        // Only the AWS key takes the wildcard.
        CHECK(match({false, false, {entry(principal_type::service, {"*"})}}, caller) == principal_match::none);
        CHECK(match({false, false, {entry(principal_type::federated, {"*"})}}, caller) == principal_match::none);
    }
}

TEST_CASE("match_principal: an account's id and its root ARN name every principal of the account") {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-accounts
    // "The account ARN and the shortened account ID behave the same way. Both delegate
    // permissions to the account. Using the account ARN in the Principal element does not
    // limit permissions to only the root user of the account."
    for (const std::string_view caller : {user_arn, role_arn, session_arn, federated_arn, root_arn}) {
        CHECK(match(aws({"123456789012"}), caller) == principal_match::account);
        CHECK(match(aws({root_arn}), caller) == principal_match::account);
        CHECK(match(aws({"210987654321", "arn:aws:iam::210987654321:root"}), caller) == principal_match::none);
    }
    // Services, identity providers and anonymous callers belong to no account here.
    for (const std::string_view caller :
         {"s3.amazonaws.com", "arn:aws:iam::123456789012:saml-provider/corp", "anonymous", "nobody"})
        CHECK(match(aws({"123456789012", root_arn}), caller) == principal_match::none);
    // UG reference-arns: "Each AWS account is scoped to one partition." A root ARN names its
    // partition's account; a bare id carries no partition and names the caller's account.
    CHECK(match(aws({"arn:aws-cn:iam::123456789012:root"}), user_arn) == principal_match::none);
    CHECK(match(aws({"arn:aws-cn:iam::123456789012:root"}), "arn:aws-cn:iam::123456789012:user/li") ==
          principal_match::account);
    CHECK(match(aws({"123456789012"}), "arn:aws-cn:iam::123456789012:user/li") == principal_match::account);
}

TEST_CASE("match_principal: a role's ARN names the sessions of that role") {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-roles
    // "To specify the role ARN in the Principal element, use the following format:
    // "Principal": { "AWS": "arn:aws:iam::AWS-account-ID:role/role-name" }"
    CHECK(match(aws({role_arn}), role_arn, "ci-run-7") == principal_match::role);
    CHECK(match(aws({role_arn}), role_arn) == principal_match::role);
    CHECK(match(aws({role_arn}), session_arn) == principal_match::role);
    // A session's ARN lacks its role's path; a role's name is unique in its account, so the
    // name decides. A caller named by the role's ARN is compared exactly: another path
    // names no role of ours.
    CHECK(match(aws({"arn:aws:iam::123456789012:role/deploy"}), session_arn) == principal_match::role);
    CHECK(match(aws({"arn:aws:iam::123456789012:role/deploy"}), role_arn) == principal_match::none);
    CHECK(match(aws({"arn:aws:iam::123456789012:role/other/deploy"}), role_arn) == principal_match::none);
    // Another role, account or partition; names compared exactly (fail closed).
    CHECK(match(aws({"arn:aws:iam::123456789012:role/deployer"}), session_arn) == principal_match::none);
    CHECK(match(aws({"arn:aws:iam::123456789012:role/Deploy"}), session_arn) == principal_match::none);
    CHECK(match(aws({"arn:aws:iam::210987654321:role/deploy"}), session_arn) == principal_match::none);
    CHECK(match(aws({"arn:aws-cn:iam::123456789012:role/deploy"}), session_arn) == principal_match::none);
    // A role's ARN names no user, federated user or root user.
    for (const std::string_view caller : {user_arn, federated_arn, root_arn})
        CHECK(match(aws({role_arn, "arn:aws:iam::123456789012:role/deploy"}), caller) == principal_match::none);
}

TEST_CASE("match_principal: a user's, session's or federated user's own ARN names it (identity)") {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
    // "Principal": { "AWS": "arn:aws:iam::AWS-account-ID:user/user-name" }; "In a Principal
    // element, the user name part of the Amazon Resource Name (ARN) is case sensitive."
    CHECK(match(aws({user_arn}), user_arn) == principal_match::identity);
    CHECK(match(aws({"arn:aws:iam::123456789012:user/division/Alice"}), user_arn) == principal_match::none);
    CHECK(match(aws({"arn:aws:iam::123456789012:user/alice"}), user_arn) == principal_match::none);  // the path
    CHECK(match(aws({user_arn}), "arn:aws:iam::123456789012:user/division/alicia") == principal_match::none);
    // "Principal": { "AWS": "arn:aws:sts::AWS-account-ID:assumed-role/role-name/role-session-name" }
    CHECK(match(aws({session_arn}), session_arn) == principal_match::identity);
    CHECK(match(aws({session_arn}), role_arn, "ci-run-7") == principal_match::identity);
    CHECK(match(aws({session_arn}), role_arn) == principal_match::none);  // which session is unknown
    CHECK(match(aws({session_arn}), role_arn, "ci-run-8") == principal_match::none);
    CHECK(match(aws({"arn:aws:sts::123456789012:assumed-role/deploy/ci-run-8"}), session_arn) == principal_match::none);
    // "Principal": { "AWS": "arn:aws:sts::AWS-account-ID:federated-user/user-name" }
    CHECK(match(aws({federated_arn}), federated_arn) == principal_match::identity);
    // A federated user's name is the one GetFederationToken was given, not necessarily its
    // IAM user's: the user's ARN does not name it (fail closed).
    CHECK(match(aws({"arn:aws:iam::123456789012:user/bob"}), federated_arn) == principal_match::none);
    CHECK(match(aws({federated_arn}), "arn:aws:iam::123456789012:user/bob") == principal_match::none);
    // The root user named by its ARN is named as the account (the quote above).
    CHECK(match(aws({root_arn}), root_arn) == principal_match::account);
    // The strongest way any value names the caller.
    CHECK(match(aws({"*", "123456789012", role_arn, session_arn}), session_arn) == principal_match::identity);
    CHECK(match(aws({"*", "123456789012", role_arn}), session_arn) == principal_match::role);
    CHECK(match(aws({"123456789012", "*"}), user_arn) == principal_match::account);
}

TEST_CASE("match_principal: no wildcard inside a value; malformed values never match") {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#Principal_specifying
    // "You cannot use a wildcard to match part of a principal name or ARN." And: "When you
    // specify an assumed-role session in a Principal element, you cannot use a wildcard "*"
    // to mean all sessions. Principals must always name a specific session."
    for (const std::string_view value :
         {"arn:aws:iam::123456789012:user/*", "arn:aws:iam::123456789012:user/division/*",
          "arn:aws:sts::123456789012:assumed-role/deploy/*", "arn:aws:iam::*:root", "arn:aws:iam::123456789012:*",
          "arn:aws:iam::123456789012:role/*/deploy", "arn:aws:iam::123456789012:role/*", "12345678901*", "**",
          "arn:aws:sts::123456789012:federated-user/*", "arn:*:iam::123456789012:root"}) {
        for (const std::string_view caller : {user_arn, session_arn, federated_arn, root_arn})
            CHECK_MESSAGE(match(aws({value}), caller) == principal_match::none, value, " ", caller);
    }
    for (const std::string_view value :
         {"", " ", "arn", "arn:aws", "12345678901", "1234567890123", "arn:aws:iam::123456789012:user/division/alice ",
          "arn:aws:iam:us-east-1:123456789012:user/division/alice", "arn:aws:iam::123456789012:group/devs",
          "arn:aws:iam::123456789012:root/", "arn:aws:iam::123456789012:", "AIDAJQABLZS4A3QDU576Q", "alice",
          "arn:aws:sts::123456789012:assumed-role/deploy", "arn:aws:iam::123456789012:role/"}) {
        for (const std::string_view caller : {user_arn, session_arn, federated_arn, root_arn})
            CHECK_MESSAGE(match(aws({value}), caller) == principal_match::none, value, " ", caller);
    }
}

TEST_CASE("match_principal: Service, Federated and CanonicalUser") {
    // "Principal": { "Service": [ "ecs.amazonaws.com", "elasticloadbalancing.amazonaws.com" ] }
    const iam::principal_block services{
        false, false, {entry(principal_type::service, {"ecs.amazonaws.com", "elasticloadbalancing.amazonaws.com"})}};
    CHECK(match(services, "ecs.amazonaws.com") == principal_match::service);
    CHECK(match(services, "lambda.amazonaws.com") == principal_match::none);
    CHECK(match(services, user_arn) == principal_match::none);
    CHECK(match(aws({"ecs.amazonaws.com"}), "ecs.amazonaws.com") == principal_match::none);  // the AWS key
    // "Principal": { "Federated": "arn:aws:iam::AWS-account-ID:saml-provider/provider-name" },
    // "Principal": { "Federated": "accounts.google.com" }
    const iam::principal_block providers{
        false,
        false,
        {entry(principal_type::federated, {"arn:aws:iam::123456789012:saml-provider/corp", "accounts.google.com"})}};
    CHECK(match(providers, "arn:aws:iam::123456789012:saml-provider/corp") == principal_match::provider);
    CHECK(match(providers, "accounts.google.com") == principal_match::provider);
    CHECK(match(providers, "graph.facebook.com") == principal_match::none);
    CHECK(match(providers, "arn:aws:iam::123456789012:saml-provider/other") == principal_match::none);
    CHECK(match(aws({"123456789012"}), "arn:aws:iam::123456789012:saml-provider/corp") == principal_match::none);
    // "Principal": { "CanonicalUser": "79a59df9..." } (Amazon S3 only): no request names
    // one, so it names no caller (an Allow does not apply: fail closed).
    const iam::principal_block canonical{
        false,
        false,
        {entry(principal_type::canonical_user, {"79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"})}};
    for (const std::string_view caller : {user_arn, root_arn, std::string_view("s3.amazonaws.com")})
        CHECK(match(canonical, caller) == principal_match::none);
    // Entries of several types: the strongest match of any.
    const iam::principal_block mixed{
        false,
        false,
        {entry(principal_type::aws, {"123456789012"}), entry(principal_type::service, {"cloudtrail.amazonaws.com"})}};
    CHECK(match(mixed, user_arn) == principal_match::account);
    CHECK(match(mixed, "cloudtrail.amazonaws.com") == principal_match::service);
}

TEST_CASE("excluded_by_not_principal: every principal the caller acts through must be listed") {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html
    // "you must also specify the account ARN of the not-denied principal. Otherwise, the
    // policy might deny access to the entire account containing the principal." ... "If an
    // assumed-role user (someone who is using a role) is being evaluated, AWS might validate
    // the account first, then the role, and then the assumed-role user." ... "we strongly
    // recommend that you explicitly include the ARN for a user's account, or include both the
    // ARN for a role and the ARN for the account containing that role."
    // The page's examples, verbatim:
    const auto bob = aws({"arn:aws:iam::444455556666:user/Bob", "arn:aws:iam::444455556666:root"});
    CHECK(excluded(bob, "arn:aws:iam::444455556666:user/Bob"));
    CHECK_FALSE(excluded(bob, "arn:aws:iam::444455556666:user/Alice"));
    CHECK(excluded(bob, "arn:aws:iam::444455556666:root"));  // the account's ARN names its root user
    const auto audit =
        aws({"arn:aws:sts::444455556666:assumed-role/cross-account-read-only-role/cross-account-audit-app",
             "arn:aws:iam::444455556666:role/cross-account-read-only-role", "arn:aws:iam::444455556666:root"});
    CHECK(
        excluded(audit, "arn:aws:sts::444455556666:assumed-role/cross-account-read-only-role/cross-account-audit-app"));
    CHECK(excluded(audit, "arn:aws:iam::444455556666:role/cross-account-read-only-role", "cross-account-audit-app"));
    CHECK_FALSE(excluded(audit, "arn:aws:iam::444455556666:role/cross-account-read-only-role"));  // which session?
    CHECK_FALSE(excluded(audit, "arn:aws:sts::444455556666:assumed-role/cross-account-read-only-role/other-app"));
    // Anything less than every level leaves the caller in the statement (fail closed: a Deny applies).
    CHECK_FALSE(excluded(aws({user_arn}), user_arn));
    CHECK_FALSE(excluded(aws({"123456789012"}), user_arn));
    CHECK(excluded(aws({user_arn, "123456789012"}), user_arn));
    CHECK(excluded(aws({user_arn, root_arn}), user_arn));
    CHECK_FALSE(excluded(aws({session_arn, "123456789012"}), session_arn));
    CHECK_FALSE(excluded(aws({role_arn, "123456789012"}), session_arn));
    CHECK_FALSE(excluded(aws({session_arn, role_arn}), session_arn));
    CHECK(excluded(aws({session_arn, role_arn, "123456789012"}), session_arn));
    CHECK(excluded(aws({session_arn, role_arn, "123456789012"}), role_arn, "ci-run-7"));
    CHECK(excluded(aws({federated_arn, "123456789012"}), federated_arn));
    CHECK_FALSE(excluded(aws({federated_arn}), federated_arn));
    CHECK(excluded(aws({"123456789012"}), root_arn));
    CHECK(excluded(aws({root_arn}), root_arn));
    CHECK_FALSE(excluded(aws({"210987654321"}), root_arn));
    // Services and identity providers by their own names; "*" excludes every caller.
    CHECK(excluded({true, false, {entry(principal_type::service, {"s3.amazonaws.com"})}}, "s3.amazonaws.com"));
    CHECK_FALSE(excluded({true, false, {entry(principal_type::service, {"s3.amazonaws.com"})}}, user_arn));
    CHECK(excluded({true, false, {entry(principal_type::federated, {"accounts.google.com"})}}, "accounts.google.com"));
    CHECK_FALSE(excluded(aws({"123456789012"}), "arn:aws:iam::123456789012:saml-provider/corp"));
    for (const std::string_view caller : {user_arn, session_arn, federated_arn, root_arn,
                                          std::string_view("s3.amazonaws.com"), std::string_view("*")}) {
        CHECK(excluded({true, true, {}}, caller));
        CHECK(excluded(aws({"*"}), caller));
    }
    // Anonymous callers are excluded by "*" only; unknown callers never.
    CHECK_FALSE(excluded(aws({"123456789012"}), "anonymous"));
    CHECK_FALSE(excluded({true, true, {}}, "not a caller"));
    CHECK_FALSE(excluded(aws({"*", "123456789012"}), ""));
}

namespace {

std::vector<iam::context_entry> derived_for(std::string_view caller, std::string_view session = {},
                                            std::string_view user_id = {}, std::vector<iam::tag> tags = {}) {
    iam::request r;
    r.caller_arn = caller;
    r.caller_session_name = session;
    r.caller_user_id = user_id;
    r.caller_tags = std::move(tags);
    std::vector<iam::context_entry> out;
    iam::principal_context(r, out);
    return out;
}

iam::context_entry key(std::string name, std::string value, iam::context_type type = iam::context_type::string) {
    return {std::move(name), {std::move(value)}, type};
}
iam::context_entry is_service(bool yes) {
    return key("aws:PrincipalIsAWSService", yes ? "true" : "false", iam::context_type::boolean);
}

}  // namespace

// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html,
// "Properties of the principal", with the values of UG reference_policies_variables,
// "Principal key values" (aws:PrincipalType "indicates whether the principal is an
// account, user, federated, or assumed role"). aws:PrincipalIsAWSService: "This key is
// present in the request context for all signed API requests that use AWS credentials.
// Anonymous requests do not include this key."
TEST_CASE("principal_context: an IAM user") {
    // aws:username: "This key is always included in the request context for IAM users."
    // aws:userid: "For IAM users, the request context value is the user ID." (given, never guessed)
    CHECK(derived_for(user_arn, {}, "AIDAJQABLZS4A3QDU576Q", {{"team", "blue"}}) ==
          std::vector<iam::context_entry>{key("aws:username", "alice"), key("aws:userid", "AIDAJQABLZS4A3QDU576Q"),
                                          key("aws:PrincipalArn", std::string(user_arn)),
                                          key("aws:PrincipalAccount", "123456789012"), key("aws:PrincipalType", "User"),
                                          is_service(false), key("aws:PrincipalTag/team", "blue")});
}

TEST_CASE("principal_context: a role session") {
    // aws:PrincipalArn: "For IAM roles, the request context returns the ARN of the role, not
    // the ARN of the user that assumed the role." aws:username: "Anonymous requests and
    // requests that are made using the AWS account root user or IAM roles do not include
    // this key." aws:userid: role-id:caller-specified-role-name.
    CHECK(derived_for(role_arn, "ci-run-7", "AROAEXAMPLEDEPLOY0001") ==
          std::vector<iam::context_entry>{
              key("aws:userid", "AROAEXAMPLEDEPLOY0001:ci-run-7"), key("aws:PrincipalArn", std::string(role_arn)),
              key("aws:PrincipalAccount", "123456789012"), key("aws:PrincipalType", "AssumedRole"), is_service(false)});
    // A session's ARN lacks the role's path: no aws:PrincipalArn is derived (evaluation
    // fails closed on conditions on it).
    CHECK(derived_for(session_arn, {}, "AROAEXAMPLEDEPLOY0001") ==
          std::vector<iam::context_entry>{key("aws:userid", "AROAEXAMPLEDEPLOY0001:ci-run-7"),
                                          key("aws:PrincipalAccount", "123456789012"),
                                          key("aws:PrincipalType", "AssumedRole"), is_service(false)});
    CHECK(iam::find_context(derived_for(role_arn, {}, "AROAEXAMPLEDEPLOY0001"), "aws:userid") == nullptr);
}

TEST_CASE("principal_context: a federated user and the root user") {
    // aws:PrincipalArn, "AWS STS federated user principals": "arn:aws:sts::123456789012:federated-user/user-name";
    // "AWS account root user": "arn:aws:iam::123456789012:root". aws:userid of a federated
    // user: account:caller-specified-name, where "caller-specified-name and
    // caller-specified-role-name are names that are passed by the calling process (such as
    // an application or service) when it makes a call to get temporary credentials."
    CHECK(derived_for(federated_arn) ==
          std::vector<iam::context_entry>{key("aws:userid", "123456789012:bob"),
                                          key("aws:PrincipalArn", std::string(federated_arn)),
                                          key("aws:PrincipalAccount", "123456789012"),
                                          key("aws:PrincipalType", "FederatedUser"), is_service(false)});
    // The root user: aws:userid the account id, aws:PrincipalType Account, no aws:username.
    CHECK(derived_for(root_arn) ==
          std::vector<iam::context_entry>{
              key("aws:userid", "123456789012"), key("aws:PrincipalArn", std::string(root_arn)),
              key("aws:PrincipalAccount", "123456789012"), key("aws:PrincipalType", "Account"), is_service(false)});
}

TEST_CASE("principal_context: a service principal, an anonymous caller, providers and unknown callers") {
    // aws:PrincipalIsAWSService: "The request context key is set to true when a service uses
    // a service principal to perform a direct action on your resources."
    // aws:PrincipalServiceName: "When a service principal makes a direct request to your
    // resource, the aws:PrincipalServiceName key contains the name of the service principal."
    CHECK(
        derived_for("cloudtrail.amazonaws.com") ==
        std::vector<iam::context_entry>{is_service(true), key("aws:PrincipalServiceName", "cloudtrail.amazonaws.com")});
    // aws:PrincipalAccount: "For anonymous requests, the request context returns anonymous.";
    // aws:PrincipalType: "This key is included in the request context for all requests,
    // including anonymous requests." aws:userid is left out: the pages disagree ("anonymous
    // users will not populate the ${aws:userid} variable", UG reference_policies_variables,
    // "Specifying default values"), so a condition on it stays a missing key.
    CHECK(derived_for("*") == std::vector<iam::context_entry>{key("aws:PrincipalAccount", "anonymous"),
                                                              key("aws:PrincipalType", "Anonymous")});
    for (const std::string_view caller : {"", "alice", "accounts.google.com",
                                          "arn:aws:iam::123456789012:saml-provider/corp", "arn:aws:iam::aws:user/x"})
        CHECK(derived_for(caller).empty());
    // Supplied entries win, and the derived list reuses its storage.
    iam::request r;
    r.caller_arn = "cloudtrail.amazonaws.com";
    r.context = {key("AWS:PRINCIPALISAWSSERVICE", "false")};
    std::vector<iam::context_entry> out(5);
    iam::principal_context(r, out);
    CHECK(out == std::vector<iam::context_entry>{key("aws:PrincipalServiceName", "cloudtrail.amazonaws.com")});
}

TEST_CASE("is_principal_key: the keys principal_context derives, ignoring case") {
    for (const std::string_view derived :
         {"aws:username", "aws:userid", "aws:PrincipalArn", "aws:PrincipalAccount", "aws:PrincipalType",
          "aws:PrincipalIsAWSService", "AWS:principalservicename", "aws:PrincipalTag/team"})
        CHECK_MESSAGE(iam::is_principal_key(derived), derived);
    static_assert(iam::is_principal_key("aws:PrincipalServiceName"));
    for (const std::string_view other :
         {"aws:PrincipalTag/", "aws:PrincipalOrgID", "aws:SourceIp", "aws:PrincipalServiceNamesList"})
        CHECK_FALSE(iam::is_principal_key(other));
}
