// SPDX-License-Identifier: MIT
// Tests of include/iam/authorization_details.hpp: AWS's dump shape in, the same shape
// out; URL-encoded documents; malformed entries reported with their JSON pointer and
// skipped; load → save → load round trips.
#include <iam/authorization_details.hpp>

#include <doctest/doctest.h>

#ifndef IAM_TEST_DATA_DIR
#error "IAM_TEST_DATA_DIR must be defined as a string literal path to tests/data"
#endif

#include <algorithm>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "check.hpp"
#include "test_data.hpp"

namespace {

// Shaped like the API reference's GetAccountAuthorizationDetails example and the CLI's
// output (dates with +00:00), with the credential fields this format adds.
constexpr std::string_view dump = R"({
  "UserDetailList": [
    {
      "Path": "/", "UserName": "Alice", "UserId": "AIDA1234567890EXAMPLE",
      "Arn": "arn:aws:iam::123456789012:user/Alice", "CreateDate": "2013-10-14T18:32:24+00:00",
      "GroupList": ["Admins"],
      "AttachedManagedPolicies": [{"PolicyName": "ReadOnlyAccess", "PolicyArn": "arn:aws:iam::aws:policy/ReadOnlyAccess"}],
      "UserPolicyList": [{"PolicyName": "Encoded",
        "PolicyDocument": "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%7B%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%22s3%3AGetObject%22%2C%22Resource%22%3A%22*%22%7D%7D"}],
      "PermissionsBoundary": {"PermissionsBoundaryType": "PermissionsBoundaryPolicy",
                              "PermissionsBoundaryArn": "arn:aws:iam::123456789012:policy/Boundary"},
      "Tags": [{"Key": "team", "Value": "platform"}],
      "LoginProfile": {"UserName": "Alice", "CreateDate": "2014-01-01T00:00:00Z", "PasswordResetRequired": true},
      "AccessKeyMetadata": [{"UserName": "Alice", "AccessKeyId": "AKIAIOSFODNN7EXAMPLE", "Status": "Inactive",
                             "CreateDate": "2015-02-03T04:05:06Z"}],
      "MFADevices": [{"UserName": "Alice", "SerialNumber": "arn:aws:iam::123456789012:mfa/Alice", "EnableDate": "2016-01-01T00:00:00Z"}],
      "SomethingNew": {"ignored": true}
    },
    {"Path": "/ops/", "UserName": "bob", "Arn": "arn:aws:iam::123456789012:user/ops/bob", "CreateDate": "2013-10-14T18:32:24Z",
     "GroupList": [], "AttachedManagedPolicies": [], "UserPolicyList": []}
  ],
  "GroupDetailList": [
    {"Path": "/", "GroupName": "Admins", "GroupId": "AGPA1234567890EXAMPLE", "Arn": "arn:aws:iam::123456789012:group/Admins",
     "CreateDate": "2013-10-14T18:32:24Z",
     "GroupPolicyList": [{"PolicyName": "Plain", "PolicyDocument": "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"ec2:Describe*\",\"Resource\":\"*\"}}"}],
     "AttachedManagedPolicies": [{"PolicyName": "AdministratorAccess", "PolicyArn": "arn:aws:iam::aws:policy/AdministratorAccess"}]}
  ],
  "RoleDetailList": [
    {"AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Sid": "", "Effect": "Allow",
       "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]},
     "RoleId": "AROA1234567890EXAMPLE", "CreateDate": "2014-07-30T17:09:20Z", "InstanceProfileList": [],
     "RoleName": "EC2role", "Path": "/", "Arn": "arn:aws:iam::123456789012:role/EC2role",
     "RolePolicyList": [], "AttachedManagedPolicies": []}
  ],
  "Policies": [
    {"PolicyName": "Boundary", "PolicyId": "ANPA1234567890EXAMPLE", "Arn": "arn:aws:iam::123456789012:policy/Boundary",
     "Path": "/", "DefaultVersionId": "v2", "AttachmentCount": 0, "PermissionsBoundaryUsageCount": 1, "IsAttachable": true,
     "CreateDate": "2015-01-01T00:00:00Z", "UpdateDate": "2015-06-01T00:00:00Z",
     "PolicyVersionList": [
       {"Document": {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}},
        "VersionId": "v2", "IsDefaultVersion": true, "CreateDate": "2015-06-01T00:00:00Z"},
       {"Document": "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%5D%7D",
        "VersionId": "v1", "IsDefaultVersion": false, "CreateDate": "2015-01-01T00:00:00Z"}]},
    {"PolicyName": "AdministratorAccess", "Arn": "arn:aws:iam::aws:policy/AdministratorAccess", "Path": "/",
     "DefaultVersionId": "v1", "AttachmentCount": 1, "IsAttachable": true,
     "PolicyVersionList": [{"Document": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]},
                            "VersionId": "v1", "IsDefaultVersion": true}]}
  ],
  "IsTruncated": false,
  "AccountAliases": ["example-corp"],
  "PasswordPolicy": {"MinimumPasswordLength": 14, "RequireSymbols": true, "RequireNumbers": true,
                     "RequireUppercaseCharacters": true, "RequireLowercaseCharacters": true,
                     "AllowUsersToChangePassword": true, "ExpirePasswords": true, "MaxPasswordAge": 90,
                     "PasswordReusePrevention": 24, "HardExpiry": false}
})";

iam::timestamp at(std::string_view iso) { return *iam::detail::parse_timestamp(iso); }

std::vector<std::string> paths_of(const std::vector<iam::load_problem>& problems) {
    std::vector<std::string> out;
    for (const iam::load_problem& p : problems) out.push_back(p.path);
    return out;
}

iam::loaded_account load(std::string_view text) {
    auto loaded = iam::load_authorization_details(text);
    REQUIRE(loaded);
    return std::move(loaded.value());
}

}  // namespace

static_assert(iam::detail::is_policy_version_id("v1"));
static_assert(iam::detail::is_policy_version_id("v12.beta-1"));
static_assert(!iam::detail::is_policy_version_id("v0"));
static_assert(!iam::detail::is_policy_version_id("1"));
static_assert(!iam::detail::is_policy_version_id("v1._"));
static_assert(iam::detail::is_mfa_serial_number("GAHT12345678"));
static_assert(!iam::detail::is_mfa_serial_number("short"));

TEST_CASE("load: AWS's dump shape, with credentials, password policy and alias") {
    const auto loaded = load(dump);
    CHECK(loaded.problems.empty());
    const iam::account& a = loaded.account;
    CHECK(a.id().view() == "123456789012");  // from the ARNs: no AccountId
    CHECK(a.alias()->view() == "example-corp");
    CHECK(a.partition() == "aws");
    REQUIRE(a.password_policy());
    CHECK(a.password_policy()->minimum_length == 14);
    CHECK(a.password_policy()->allow_users_to_change_password);
    CHECK(a.password_policy()->max_age_days == 90);
    CHECK(a.password_policy()->reuse_prevention == 24);

    REQUIRE(a.users().size() == 2);
    const iam::user& alice = *a.find_user("alice");
    CHECK(alice.user_id == "AIDA1234567890EXAMPLE");
    CHECK(alice.created == at("2013-10-14T18:32:24Z"));
    CHECK(alice.groups == std::vector<std::string>{"Admins"});
    CHECK(alice.attached_policy_arns == std::vector<std::string>{"arn:aws:iam::aws:policy/ReadOnlyAccess"});
    REQUIRE(alice.inline_policies.size() == 1);
    CHECK(alice.inline_policies[0].document ==
          R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}})");
    CHECK(alice.boundary->policy_arn == "arn:aws:iam::123456789012:policy/Boundary");
    CHECK(alice.tags == std::vector<iam::tag>{{"team", "platform"}});
    CHECK(alice.login == iam::login_profile{at("2014-01-01T00:00:00Z"), true});
    REQUIRE(alice.access_keys.size() == 1);
    CHECK(alice.access_keys[0].id.view() == "AKIAIOSFODNN7EXAMPLE");
    CHECK(alice.access_keys[0].status == iam::access_key_status::inactive);
    CHECK(alice.mfa_devices ==
          std::vector<iam::mfa_device>{{"arn:aws:iam::123456789012:mfa/Alice", at("2016-01-01T00:00:00Z")}});
    CHECK(a.find_user("bob")->path == "/ops/");

    const iam::group& admins = *a.find_group("admins");
    CHECK(admins.group_id == "AGPA1234567890EXAMPLE");
    CHECK(admins.inline_policies[0].document ==
          R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"ec2:Describe*","Resource":"*"}})");
    CHECK(admins.attached_policy_arns == std::vector<std::string>{"arn:aws:iam::aws:policy/AdministratorAccess"});

    REQUIRE(a.roles().size() == 1);
    const iam::role& ec2 = a.roles()[0];
    CHECK(ec2.name.view() == "EC2role");
    CHECK(ec2.role_id == "AROA1234567890EXAMPLE");
    CHECK(ec2.created == at("2014-07-30T17:09:20Z"));
    CHECK(
        ec2.trust_policy ==
        R"({"Version":"2012-10-17","Statement":[{"Sid":"","Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]})");

    REQUIRE(a.customer_managed_policies().size() == 1);
    const iam::managed_policy& boundary = a.customer_managed_policies()[0];
    CHECK(boundary.name == "Boundary");
    CHECK(boundary.policy_id == "ANPA1234567890EXAMPLE");
    CHECK(boundary.default_version_id == "v2");
    CHECK(boundary.document ==
          R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}})");
    REQUIRE(boundary.other_versions.size() == 1);
    CHECK(boundary.other_versions[0].version_id == "v1");
    CHECK(boundary.other_versions[0].document ==
          R"({"Version":"2012-10-17","Statement":[]})");  // URL-encoded in the dump
    CHECK(boundary.updated == at("2015-06-01T00:00:00Z"));
    // AWS managed policies: AdministratorAccess with its document, ReadOnlyAccess known by ARN only.
    REQUIRE(a.aws_managed_policies().size() == 2);
    CHECK(a.aws_managed_policies()[0].name == "AdministratorAccess");
    CHECK_FALSE(a.aws_managed_policies()[0].document.empty());
    CHECK(a.aws_managed_policies()[1].name == "ReadOnlyAccess");
    CHECK(a.aws_managed_policies()[1].document.empty());
}

TEST_CASE("load → save → load gives an equal account; saving again gives the same text") {
    const auto first = load(dump);
    const std::string saved = iam::save_authorization_details(first.account);
    const auto second = load(saved);
    CHECK(second.problems.empty());
    CHECK(second.account == first.account);
    CHECK(iam::save_authorization_details(second.account) == saved);
    // Documents are written as JSON objects, whatever form they were read in.
    const auto doc = iam::json::parse(saved);
    REQUIRE(doc);
    CHECK(doc->find("UserDetailList")
              ->as_array()
              ->at(0)
              .find("UserPolicyList")
              ->as_array()
              ->at(0)
              .find("PolicyDocument")
              ->is_object());
    CHECK(*doc->find("AccountId")->as_string() == "123456789012");
    const auto& policies = *doc->find("Policies")->as_array();
    CHECK(*policies[0].find("PermissionsBoundaryUsageCount")->as_int64() == 1);
    CHECK(*policies[1].find("AttachmentCount")->as_int64() == 1);
}

TEST_CASE("an account built by operations round-trips through a dump") {
    auto a = iam::account::make("123456789012", "", "aws-cn").value();
    REQUIRE(a.create_group("Developers", "/eng/", at("2020-01-01T00:00:00Z")));
    REQUIRE(a.put_group_policy(
        "Developers", "Read",
        R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:Get*","Resource":"*"}})"));
    const auto deploy = a.create_policy(
        "Deploy", R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"lambda:*","Resource":"*"}})", "/",
        "deploys", at("2020-01-02T00:00:00Z"));
    REQUIRE(deploy);
    std::mt19937_64 generator(5);
    const auto created = a.create_user({.name = "alice",
                                        .path = "/eng/",
                                        .tags = {{"team", "blue"}},
                                        .groups = {"Developers"},
                                        .policy_arns = {deploy->arn},
                                        .permissions_boundary_arn = "arn:aws-cn:iam::aws:policy/PowerUserAccess",
                                        .console = iam::console_access{},
                                        .programmatic_access = true},
                                       std::ref(generator), at("2021-03-04T05:06:07Z"));
    REQUIRE(created);
    REQUIRE(a.enable_mfa_device("alice", "phone", at("2021-03-05T00:00:00Z")));
    iam::password_policy policy;
    policy.minimum_length = 12;
    policy.require_numbers = true;
    REQUIRE(a.set_password_policy(policy));
    const std::string saved = iam::save_authorization_details(a);
    CHECK(saved.find(created->access_key->secret) == std::string::npos);
    CHECK(saved.find(*created->password) == std::string::npos);
    const auto loaded = load(saved);
    CHECK(loaded.problems.empty());
    CHECK(loaded.account == a);
}

TEST_CASE("malformed entries are reported with their JSON pointer and skipped; the rest loads") {
    const auto loaded = load(R"({
      "AccountId": "123456789012",
      "GroupDetailList": [{"GroupName": "Admins"}, {"Path": "/"}, {"GroupName": "ADMINS"}, 7],
      "UserDetailList": [
        {"UserName": "alice", "Tags": [{"Key": "ok", "Value": "1"}, {"Key": "aws:no", "Value": "2"}, {"Key": "OK", "Value": "3"}],
         "GroupList": ["admins", "Missing"],
         "AttachedManagedPolicies": [{"PolicyArn": "arn:aws-cn:iam::210987654321:policy/OtherPartition"},
                                     {"PolicyArn": "arn:aws:iam::aws:policy/ReadOnlyAccess"}],
         "UserPolicyList": [{"PolicyName": "Broken", "PolicyDocument": "%7B%ZZ"}, {"PolicyName": "NotJson", "PolicyDocument": 5}],
         "AccessKeyMetadata": [{"AccessKeyId": "short", "Status": "Active"}, {"AccessKeyId": "AKIAIOSFODNN7EXAMPLE", "Status": "Lost"}],
         "MFADevices": [{"SerialNumber": "x"}],
         "CreateDate": "2020-01-01T00:00:00Z"},
        {"UserName": "bad name"},
        {"UserName": "carol", "Path": "no-slashes"},
        {"UserName": "dave", "CreateDate": "yesterday"},
        {"UserName": "ALICE"},
        {"UserName": "erin"},
        {"UserName": "frank", "Arn": "not an arn"}
      ],
      "Policies": [{"Arn": "arn:aws:iam::123456789012:policy/NoDefault",
                    "PolicyVersionList": [{"Document": {}, "VersionId": "v1", "IsDefaultVersion": false}]},
                   {"Arn": "not an arn"}],
      "RoleDetailList": [{"RoleName": "has space"}, {"RoleName": "ok"}],
      "PasswordPolicy": {"MinimumPasswordLength": 4}
    })");
    CHECK(paths_of(loaded.problems) == std::vector<std::string>{
                                           "/PasswordPolicy/MinimumPasswordLength",
                                           "/GroupDetailList/1/GroupName",
                                           "/GroupDetailList/2/GroupName",
                                           "/GroupDetailList/3",
                                           "/Policies/0/PolicyVersionList",
                                           "/Policies/1/Arn",
                                           "/UserDetailList/0/UserPolicyList/0/PolicyDocument",
                                           "/UserDetailList/0/UserPolicyList/1/PolicyDocument",
                                           "/UserDetailList/0/AttachedManagedPolicies/0/PolicyArn",
                                           "/UserDetailList/0/GroupList/1",
                                           "/UserDetailList/0/Tags/1",
                                           "/UserDetailList/0/Tags/2/Key",
                                           "/UserDetailList/0/AccessKeyMetadata/0/AccessKeyId",
                                           "/UserDetailList/0/AccessKeyMetadata/1/Status",
                                           "/UserDetailList/0/MFADevices/0/SerialNumber",
                                           "/UserDetailList/1/UserName",
                                           "/UserDetailList/2/Path",
                                           "/UserDetailList/3/CreateDate",
                                           "/UserDetailList/4/UserName",
                                           "/UserDetailList/6/Arn",
                                           "/RoleDetailList/0/RoleName",
                                       });
    // The messages say why; the offsets point into the text.
    CHECK(loaded.problems[2].message.find("ignoring case") != std::string::npos);
    CHECK(loaded.problems[15].message.find("not allowed in a user name") != std::string::npos);
    const iam::account& a = loaded.account;
    CHECK(a.groups().size() == 1);
    // Skipped only for an unreadable or duplicate name or an unreadable ARN: carol and
    // dave are kept with what could be read.
    REQUIRE(a.users().size() == 4);
    CHECK(a.find_user("carol")->path == "/");
    CHECK(a.find_user("dave")->created == iam::timestamp{});
    const iam::user& alice = *a.find_user("alice");
    CHECK(alice.groups == std::vector<std::string>{"Admins"});
    CHECK(alice.tags == std::vector<iam::tag>{{"ok", "1"}});
    CHECK(alice.attached_policy_arns == std::vector<std::string>{"arn:aws:iam::aws:policy/ReadOnlyAccess"});
    CHECK(alice.inline_policies.empty());
    CHECK(alice.access_keys.empty());
    CHECK(a.find_user("erin") != nullptr);
    CHECK(a.roles().size() == 1);
    // A policy whose versions cannot be read is kept without a document: its holders are unresolved.
    REQUIRE(a.customer_managed_policies().size() == 1);
    CHECK(a.customer_managed_policies()[0].document.empty());
    CHECK_FALSE(a.password_policy());
}

TEST_CASE("policy versions: the default one is the document; contradictions are problems") {
    const auto version = [](std::string_view id, std::string_view is_default) {
        return R"({"Document": {"Version": "2012-10-17", "Statement": []}, "VersionId": ")" + std::string(id) +
               R"(", "IsDefaultVersion": )" + std::string(is_default) + "}";
    };
    const auto policy_with = [](std::string_view default_id, const std::string& versions) {
        return R"({"AccountId": "123456789012", "Policies": [{"Arn": "arn:aws:iam::123456789012:policy/P", "DefaultVersionId": ")" +
               std::string(default_id) + R"(", "PolicyVersionList": [)" + versions + "]}]}";
    };
    CHECK(load(policy_with("v1", version("v1", "true") + "," + version("v2", "false"))).problems.empty());
    CHECK(load(policy_with("v2", version("v1", "true"))).problems[0].message == "disagrees with DefaultVersionId");
    CHECK(load(policy_with("v1", version("v1", "true") + "," + version("v1", "false"))).problems[0].message ==
          "a second version v1");
    CHECK(load(policy_with("x", version("v1", "true"))).problems[0].path == "/Policies/0/DefaultVersionId");
    std::string six = version("v1", "true");
    for (int i = 2; i <= 6; ++i) six += "," + version("v" + std::to_string(i), "false");
    const auto too_many = load(policy_with("v1", six));
    CHECK(too_many.problems[0].message == "a managed policy has at most 5 versions");
    REQUIRE(too_many.account.customer_managed_policies().size() == 1);
    CHECK(too_many.account.customer_managed_policies()[0].document.empty());
}

TEST_CASE("load: the account id, partition and alias") {
    const auto none = load(R"({"UserDetailList": [{"UserName": "a"}]})");
    REQUIRE(none.problems.size() == 1);
    CHECK(none.problems[0].path.empty());
    CHECK(none.account.id().view() == "000000000000");
    const auto china = load(R"({"GroupDetailList": [{"GroupName": "g", "Arn": "arn:aws-cn:iam::123456789012:group/g"}],
                                "AccountAliases": ["one", "two"]})");
    CHECK(china.account.partition() == "aws-cn");
    CHECK(china.account.id().view() == "123456789012");
    CHECK(china.account.alias()->view() == "one");
    CHECK(paths_of(china.problems) == std::vector<std::string>{"/AccountAliases/1"});
    const auto bad = load(R"({"AccountId": "12", "Partition": "gcp", "IsTruncated": true})");
    CHECK(paths_of(bad.problems) == std::vector<std::string>{"/IsTruncated", "/AccountId", "/Partition", ""});
}

TEST_CASE("load: only text that is not a JSON object is refused") {
    const auto broken = iam::load_authorization_details(R"({"UserDetailList": [)");
    REQUIRE_FALSE(broken);
    CHECK(broken.error().offset == 20);
    CHECK(broken.error().message.find("line 1, column 21") != std::string::npos);
    CHECK(iam::load_authorization_details("[]").error().message == "the dump must be a JSON object");
    CHECK(iam::load_authorization_details(R"({"a":1,"a":2})").error().message.find("duplicate") != std::string::npos);
    const auto wrong_types =
        load(R"({"AccountId": "123456789012", "UserDetailList": {}, "Policies": "x", "GroupDetailList": null})");
    CHECK(paths_of(wrong_types.problems) ==
          std::vector<std::string>{"/GroupDetailList", "/Policies", "/UserDetailList"});
    const auto deep = load(std::string(R"({"RoleDetailList": [{"RoleName": "r", "Deep": )") + std::string(100, '[') +
                           std::string(100, ']') + "}]}");
    CHECK(deep.account.roles().size() == 1);
}

TEST_CASE("a loaded account evaluates: AWS managed documents from the dump itself") {
    const auto loaded = load(dump);
    const auto set =
        loaded.account.policy_set_for("Alice", [](std::string_view arn) -> std::optional<std::string_view> {
            if (arn == "arn:aws:iam::aws:policy/ReadOnlyAccess")
                return R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:List*","Resource":"*"}})";
            return std::nullopt;
        });
    REQUIRE(set);
    CHECK(set->identity.size() == 4);  // Encoded, ReadOnlyAccess, Admins' Plain and AdministratorAccess (from the dump)
    CHECK(set->identity[3].name == "arn:aws:iam::aws:policy/AdministratorAccess");
    const iam::compiled_policy_set alice(*set);
    CHECK(alice.evaluate({"s3:PutObject", "arn:aws:s3:::b/k", "", "", {}}).decision == iam::decision::allowed);
    CHECK(alice.evaluate({"ec2:RunInstances", "*", "", "", {}}).decision ==
          iam::decision::implicit_deny);  // the boundary
}

TEST_CASE("load: dates as AWS's API and boto3-based tools write them") {
    // boto3 writes `2023-03-09 10:41:45+00:00`; the CLI and the API `2023-03-09T10:41:45Z`.
    for (const std::string_view date : {"2023-03-09 10:41:45+00:00", "2023-03-09T10:41:45Z", "2023-03-09T10:41:45.123Z",
                                        "2023-03-09 12:41:45.5+02:00", "2023-03-09T10:41:45"}) {
        CAPTURE(date);
        const auto loaded = load(R"({"UserDetailList": [{"UserName": "a", "Arn": "arn:aws:iam::123456789012:user/a",
                                     "CreateDate": ")" +
                                 std::string(date) + R"("}]})");
        CHECK(loaded.problems.empty());
        REQUIRE(loaded.account.users().size() == 1);
        CHECK(loaded.account.users()[0].created == at("2023-03-09T10:41:45Z"));
    }
    CHECK_FALSE(iam::detail::parse_timestamp("2023-03-09  10:41:45Z"));
    CHECK_FALSE(iam::detail::parse_timestamp("2023-03-09 "));
}

TEST_CASE("load: roles are principals, read whole; what is unknown about them is ignored") {
    const auto loaded = load(R"({"RoleDetailList": [
      {"Path": "/app/", "RoleName": "Deployer", "RoleId": "AROAEXAMPLEDEPLOYER1",
       "Arn": "arn:aws:iam::111122223333:role/app/Deployer", "CreateDate": "2021-05-06 07:08:09+00:00",
       "AssumeRolePolicyDocument": "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Principal%22%3A%7B%22Service%22%3A%22lambda.amazonaws.com%22%7D%2C%22Action%22%3A%22sts%3AAssumeRole%22%7D%5D%7D",
       "InstanceProfileList": [{"Path": "/", "InstanceProfileName": "Deployer", "InstanceProfileId": "AIPAEXAMPLE",
         "Arn": "arn:aws:iam::111122223333:instance-profile/Deployer", "CreateDate": "2021-05-06T07:08:09Z",
         "Roles": [{"RoleName": "Deployer", "AssumeRolePolicyDocument": "%7B%7D"}]}],
       "RolePolicyList": [{"PolicyName": "Logs", "PolicyDocument": {"Version": "2012-10-17",
         "Statement": {"Effect": "Allow", "Action": "logs:*", "Resource": "*"}}}],
       "AttachedManagedPolicies": [{"PolicyName": "ReadOnlyAccess", "PolicyArn": "arn:aws:iam::aws:policy/ReadOnlyAccess"}],
       "PermissionsBoundary": {"PermissionsBoundaryType": "PermissionsBoundaryPolicy",
                               "PermissionsBoundaryArn": "arn:aws:iam::aws:policy/PowerUserAccess"},
       "Tags": [{"Key": "team", "Value": "ops"}],
       "RoleLastUsed": {"LastUsedDate": "2023-01-01T00:00:00Z", "Region": "us-east-1"},
       "MaxSessionDuration": 3600}],
      "IsTruncated": false, "Marker": "ignored"})");
    CHECK(loaded.problems.empty());
    const iam::account& a = loaded.account;
    CHECK(a.id().view() == "111122223333");  // a role-only dump: the id from the role's ARN
    const iam::role* r = a.find_role("deployer");
    REQUIRE(r != nullptr);
    CHECK(r->path == "/app/");
    CHECK(r->arn(a.id().view()) == "arn:aws:iam::111122223333:role/app/Deployer");
    CHECK(r->role_id == "AROAEXAMPLEDEPLOYER1");
    CHECK(r->created == at("2021-05-06T07:08:09Z"));
    CHECK(
        r->trust_policy ==
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]})");
    REQUIRE(r->inline_policies.size() == 1);
    CHECK(r->inline_policies[0].name.view() == "Logs");
    CHECK(r->attached_policy_arns == std::vector<std::string>{"arn:aws:iam::aws:policy/ReadOnlyAccess"});
    CHECK(r->boundary->policy_arn == "arn:aws:iam::aws:policy/PowerUserAccess");
    CHECK(r->tags == std::vector<iam::tag>{{"team", "ops"}});
    CHECK(a.find_managed_policy("arn:aws:iam::aws:policy/PowerUserAccess") != nullptr);  // noted as referred to
    // The writer writes roles back: load → save → load is equal.
    const std::string saved = iam::save_authorization_details(a);
    const auto again = load(saved);
    CHECK(again.problems.empty());
    CHECK(again.account == a);
    const auto policy_set = a.role_policy_set_for("Deployer", [](std::string_view) -> std::optional<std::string_view> {
        return R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}})";
    });
    REQUIRE(policy_set);
    CHECK(policy_set->identity.size() == 2);
    CHECK(policy_set->identity[0].name == "role/Deployer:Logs");
    CHECK(policy_set->boundary.size() == 1);
    CHECK(a.role_policy_set_for("nobody").error().code == iam::account_errc::no_such_entity);
}

TEST_CASE("a role's policies evaluate with the keys of a session of that role") {
    const auto loaded =
        load(R"({"RoleDetailList": [{"RoleName": "Builder", "Path": "/ci/", "RoleId": "AROAEXAMPLEBUILDER01",
      "Arn": "arn:aws:iam::111122223333:role/ci/Builder", "Tags": [{"Key": "team", "Value": "blue"}],
      "RolePolicyList": [{"PolicyName": "Artifacts", "PolicyDocument": {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::artifacts/${aws:PrincipalTag/team}/*",
         "Condition": {"StringEquals": {"aws:PrincipalType": "AssumedRole",
                                        "aws:PrincipalArn": "arn:aws:iam::111122223333:role/ci/Builder"}}},
        {"Effect": "Deny", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::artifacts/${aws:username}/*"}]}}]}]})");
    REQUIRE(loaded.problems.empty());
    const iam::account& a = loaded.account;
    iam::policy_cache cache;
    const auto prepared = a.prepare_role_policies_for("builder", cache);
    REQUIRE(prepared);
    const iam::compiled_policy_set builder = prepared->compile();
    iam::request put{"s3:PutObject", "arn:aws:s3:::artifacts/blue/app.zip", "", "", {}};
    iam::set_role_session_caller(put, a, *a.find_role("Builder"), "build-42");
    CHECK(put.caller_arn == "arn:aws:iam::111122223333:role/ci/Builder");
    CHECK(put.caller_user_id == "AROAEXAMPLEBUILDER01");
    CHECK(builder.evaluate(put).decision == iam::decision::allowed);
    put.resource = "arn:aws:s3:::artifacts/red/app.zip";
    CHECK(builder.evaluate(put).decision == iam::decision::implicit_deny);
    CHECK(a.prepare_role_policies_for("nobody", cache).error().code == iam::account_errc::no_such_entity);
}

TEST_CASE("load: an entity whose ARN names another account is noted and changes nothing else") {
    const auto loaded = load(R"({"UserDetailList": [
        {"UserName": "stranger", "Arn": "arn:aws:iam::999999999999:user/stranger"},
        {"UserName": "a", "Arn": "arn:aws:iam::123456789012:user/a"},
        {"UserName": "b", "Arn": "arn:aws:iam::123456789012:user/b"}],
      "RoleDetailList": [{"RoleName": "r", "Arn": "arn:aws:iam::123456789012:role/r"}]})");
    CHECK(loaded.problems.empty());
    CHECK(loaded.account.id().view() == "123456789012");  // what most ARNs say, not the first
    CHECK(loaded.account.users().size() == 3);
    CHECK(loaded.foreign_arns ==
          std::vector<iam::foreign_arn>{{"user/stranger", "arn:aws:iam::999999999999:user/stranger"}});
    // An AccountId wins over the ARNs; then every other account's ARN is foreign.
    const auto stated = load(R"({"AccountId": "999999999999", "UserDetailList": [
        {"UserName": "a", "Arn": "arn:aws:iam::123456789012:user/a"}]})");
    CHECK(stated.account.id().view() == "999999999999");
    CHECK(stated.foreign_arns.size() == 1);
}

TEST_CASE("load: principals whose policies were read in part are known, so nothing guesses their permissions") {
    const auto loaded = load(R"({"AccountId": "123456789012",
      "GroupDetailList": [{"GroupName": "whole"}, {"GroupName": "broken", "GroupPolicyList": [{"PolicyName": "p", "PolicyDocument": 7}]}],
      "UserDetailList": [
        {"UserName": "fine", "CreateDate": "never", "GroupList": ["whole"]},
        {"UserName": "member", "GroupList": ["broken"]},
        {"UserName": "unbounded", "PermissionsBoundary": {"PermissionsBoundaryArn": "not an ARN"}},
        {"UserName": "lost-group", "GroupList": ["skipped"]}],
      "RoleDetailList": [{"RoleName": "r", "AttachedManagedPolicies": [{"PolicyArn": 5}]}, {"RoleName": "ok"}]})");
    CHECK(loaded.read_in_part ==
          std::vector<std::string>{"group/broken", "user/unbounded", "user/lost-group", "role/r"});
    const iam::account& a = loaded.account;
    CHECK(loaded.policies_read_whole(*a.find_user("fine")));          // a date is not a policy
    CHECK_FALSE(loaded.policies_read_whole(*a.find_user("member")));  // through its group
    CHECK_FALSE(loaded.policies_read_whole(*a.find_user("unbounded")));
    CHECK_FALSE(loaded.policies_read_whole(*a.find_user("lost-group")));
    CHECK_FALSE(loaded.policies_read_whole(*a.find_role("r")));
    CHECK(loaded.policies_read_whole(*a.find_role("ok")));
}

TEST_CASE("load: a case duplicate leaves its twin, and every holder of a duplicate group or policy, read in part") {
    // Which of the twins AWS meant is unknown: the first is kept, and what it decides is not trusted.
    const auto loaded = load(R"({"AccountId": "123456789012",
      "GroupDetailList": [{"GroupName": "g"}, {"GroupName": "G", "GroupPolicyList": [{"PolicyName": "d",
          "PolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "*", "Resource": "*"}]}}]},
          {"GroupName": "holder", "AttachedManagedPolicies": [{"PolicyArn": "arn:aws:iam::123456789012:policy/P"}]}],
      "Policies": [{"Arn": "arn:aws:iam::123456789012:policy/P"}, {"Arn": "arn:aws:iam::123456789012:policy/P"}],
      "UserDetailList": [{"UserName": "member", "GroupList": ["G"]}, {"UserName": "x"}, {"UserName": "X"},
                         {"UserName": "attached", "AttachedManagedPolicies": [{"PolicyArn": "arn:aws:iam::123456789012:policy/P"}]},
                         {"UserName": "other"}],
      "RoleDetailList": [{"RoleName": "r"}, {"RoleName": "R"},
                         {"RoleName": "bounded", "PermissionsBoundary": {"PermissionsBoundaryArn": "arn:aws:iam::123456789012:policy/P"}}]})");
    CHECK(paths_of(loaded.problems) == std::vector<std::string>{"/GroupDetailList/1/GroupName", "/Policies/1/Arn",
                                                                "/UserDetailList/2/UserName",
                                                                "/RoleDetailList/1/RoleName"});
    CHECK(loaded.read_in_part == std::vector<std::string>{"group/g", "group/holder", "user/member", "user/x",
                                                          "user/attached", "role/r", "role/bounded"});
    CHECK(loaded.policies_read_whole(*loaded.account.find_user("other")));
}

TEST_CASE("load: a policy whose versions cannot be read has no document, and its holders are read in part") {
    // Never the lookup's copy instead: the dump's own version may say something else (here, Deny).
    const auto with_version = [](std::string_view document, std::string_view created) {
        return load(R"({"AccountId": "123456789012",
          "Policies": [{"Arn": "arn:aws:iam::aws:policy/ReadOnlyAccess", "DefaultVersionId": "v1", "PolicyVersionList": [
              {"Document": )" +
                    std::string(document) + R"(, "VersionId": "v1", "IsDefaultVersion": true, "CreateDate": ")" +
                    std::string(created) + R"("}]}],
          "GroupDetailList": [{"GroupName": "g", "AttachedManagedPolicies": [{"PolicyArn": "arn:aws:iam::aws:policy/ReadOnlyAccess"}]}],
          "UserDetailList": [{"UserName": "u", "AttachedManagedPolicies": [{"PolicyArn": "arn:aws:iam::aws:policy/ReadOnlyAccess"}]}],
          "RoleDetailList": [{"RoleName": "r", "PermissionsBoundary": {"PermissionsBoundaryArn": "arn:aws:iam::aws:policy/ReadOnlyAccess"}}]})");
    };
    const auto bundled = [](std::string_view) -> std::optional<std::string_view> {
        return R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]})";
    };
    constexpr std::string_view deny_all =
        R"({"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "*", "Resource": "*"}]})";
    // A version's date that cannot be read is a problem, and its document is kept.
    const auto misdated = with_version(deny_all, "2023/01/01");
    CHECK(paths_of(misdated.problems) == std::vector<std::string>{"/Policies/0/PolicyVersionList/0/CreateDate"});
    CHECK(misdated.read_in_part.empty());
    CHECK(misdated.account.managed_document("arn:aws:iam::aws:policy/ReadOnlyAccess", bundled) ==
          std::optional<std::string_view>(
              R"({"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]})"));
    // A document that cannot be read: no document at all, and nothing evaluates its holders.
    const auto unreadable = with_version("5", "2023-01-01T00:00:00Z");
    CHECK(paths_of(unreadable.problems) == std::vector<std::string>{"/Policies/0/PolicyVersionList/0/Document"});
    CHECK(unreadable.read_in_part == std::vector<std::string>{"group/g", "user/u", "role/r"});
    CHECK_FALSE(unreadable.account.managed_document("arn:aws:iam::aws:policy/ReadOnlyAccess", bundled));
    CHECK_FALSE(unreadable.account.policy_set_for("u", bundled));
}

TEST_CASE("load: an unreadable tag leaves its user or role read in part") {
    // "Tags can be attached to the IAM resource, passed in the request, or attached to the
    // principal that is making the request." (aws:PrincipalTag/KEY decides what it may do)
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/access_iam-tags.html
    const auto loaded = load(R"({"AccountId": "123456789012",
      "UserDetailList": [{"UserName": "u", "Tags": [{"Key": "team", "Value": 5}]}, {"UserName": "fine", "Tags": []}],
      "RoleDetailList": [{"RoleName": "r", "Tags": [{"Key": "aws:x", "Value": "y"}]}]})");
    CHECK(paths_of(loaded.problems) ==
          std::vector<std::string>{"/UserDetailList/0/Tags/0/Value", "/RoleDetailList/0/Tags/0"});
    CHECK(loaded.read_in_part == std::vector<std::string>{"user/u", "role/r"});
}

TEST_CASE("load: an Arn that does not name the entity (its name and path) is a problem") {
    // "The Region portion of the ARN is blank because IAM resources are global." Example:
    // "arn:aws:iam::123456789012:user/division_abc/subdivision_xyz/JaneDoe"
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-arns
    const auto loaded = load(R"({"AccountId": "123456789012",
      "UserDetailList": [{"UserName": "u", "Arn": "arn:aws:iam::123456789012:user/other"},
                         {"UserName": "p", "Path": "/a/", "Arn": "arn:aws:iam::123456789012:user/p"},
                         {"UserName": "ok", "Path": "/a/", "Arn": "arn:aws:iam::123456789012:user/a/ok"},
                         {"UserName": "noarn"}],
      "GroupDetailList": [{"GroupName": "g", "Arn": "arn:aws:iam::123456789012:user/g"}],
      "RoleDetailList": [{"RoleName": "r", "Arn": "arn:aws:sts::123456789012:role/r"}]})");
    CHECK(paths_of(loaded.problems) == std::vector<std::string>{"/GroupDetailList/0/Arn", "/UserDetailList/0/Arn",
                                                                "/UserDetailList/1/Arn", "/RoleDetailList/0/Arn"});
    REQUIRE(loaded.problems.size() == 4);
    CHECK(loaded.problems[1].message ==
          "`arn:aws:iam::123456789012:user/other` does not name this user: its name and path make the resource user/u");
    CHECK(loaded.account.users().size() == 4);  // kept: its name and path decide
}

TEST_CASE("timestamps: ISO 8601 in, UTC with Z out") {
    CHECK(iam::detail::format_timestamp(at("2013-10-14T20:32:24+02:00")) == "2013-10-14T18:32:24Z");
    CHECK(iam::detail::format_timestamp(at("1969-12-31T23:59:59.5Z")) == "1969-12-31T23:59:59Z");
    CHECK_FALSE(iam::detail::parse_timestamp("yesterday"));
    CHECK(iam::detail::percent_decode("%7b%22a%22%7D") == std::string("{\"a\"}"));
    CHECK_FALSE(iam::detail::percent_decode("%7"));
}

TEST_CASE("every committed real dump (tests/data/dumps) loads whole, with every principal") {
    const std::filesystem::path dir = std::filesystem::path(IAM_TEST_DATA_DIR) / "dumps";
    std::vector<std::filesystem::path> files;
    if (std::filesystem::exists(dir))
        for (const auto& entry : std::filesystem::recursive_directory_iterator(dir))
            if (entry.is_regular_file() && entry.path().extension() == ".json") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const std::filesystem::path& file : files) {
        CAPTURE(file.string());
        const std::string text = read_file(file);
        const auto loaded = load(text);
        // A dump that is one page of several (the AWS CLI's documented example) is read in
        // part, and says so; nothing else may be a problem.
        const bool truncated = text.find(R"("IsTruncated": true)") != std::string::npos;
        for (const iam::load_problem& p : loaded.problems)
            CHECK_MESSAGE((truncated && p.path == "/IsTruncated"), p.path << ": " << p.message);
        // The file's own counts, straight from its JSON.
        const auto doc = iam::json::parse(text);
        REQUIRE(doc);
        const auto count = [&](std::string_view list) {
            const iam::json::value* entries = doc->find(list);
            return entries != nullptr && entries->as_array() != nullptr ? entries->as_array()->size() : 0;
        };
        const iam::account& a = loaded.account;
        CHECK(a.users().size() == count("UserDetailList"));
        CHECK(a.groups().size() == count("GroupDetailList"));
        CHECK(a.roles().size() == count("RoleDetailList"));
        if (const iam::json::value* policies = doc->find("Policies"); policies != nullptr && policies->as_array())
            for (const iam::json::value& p : *policies->as_array()) {
                const std::string* arn = p.find("Arn") != nullptr ? p.find("Arn")->as_string() : nullptr;
                REQUIRE(arn != nullptr);
                CHECK_MESSAGE(a.find_managed_policy(*arn) != nullptr, *arn);
            }
    }
    MESSAGE(files.size() << " real dumps checked");
}
