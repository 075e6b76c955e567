// SPDX-License-Identifier: MIT
// Tests of include/iam/audit.hpp: each finding, present and absent.
#include <iam/audit.hpp>
#include <iam/authorization_details.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

const iam::action_catalog& catalog() {
    static const iam::action_catalog c = iam::action_catalog::parse_tsv(
                                             "action\taccess_level\tresource_types\n"
                                             "s3:GetObject\tRead\tobject*\n"
                                             "iam:CreateUser\tWrite\tuser*\n"
                                             "ec2:RunInstances\tWrite\tinstance*\n")
                                             .value();
    return c;
}

constexpr std::string_view s3_read =
    R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]})";
constexpr std::string_view iam_write =
    R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:*","Resource":"*"}]})";
constexpr std::string_view broken = R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow"}]})";
constexpr std::string_view everything =
    R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]})";

// An account with one user, alice, built by the calls in `setup`.
template <typename Setup>
iam::account with_alice(Setup&& setup) {
    auto a = iam::account::make("123456789012").value();
    iam::new_user alice;
    alice.name = "alice";
    REQUIRE(a.create_user(alice));
    setup(a);
    return a;
}

// AWS managed policies by name: S3Read, IAMWrite and Broken (no Action).
std::optional<std::string_view> aws_policy(std::string_view arn) {
    if (arn.ends_with("/S3Read")) return s3_read;
    if (arn.ends_with("/IAMWrite")) return iam_write;
    if (arn.ends_with("/Broken")) return broken;
    return std::nullopt;
}

// "KIND ENTITY" of each finding.
template <typename Audited>
std::vector<std::string> kinds(const Audited& a) {
    std::vector<std::string> out;
    for (const iam::audit_finding& f : iam::audit_account(a, aws_policy, catalog()))
        out.push_back(std::string(iam::to_string(f.kind)) + " " + f.entity);
    return out;
}

// A dump of account 123456789012 with these users (a JSON array's members) and policies.
iam::loaded_account dump(const std::string& users, const std::string& policies = "") {
    auto loaded = iam::load_authorization_details(R"({"AccountId": "123456789012", "UserDetailList": [)" + users +
                                                  R"(], "Policies": [)" + policies + "]}");
    REQUIRE(loaded);
    return std::move(loaded).value();
}

// `count` tags as the members of a JSON array.
std::string tags(int count) {
    std::string out;
    for (int i = 0; i < count; ++i)
        out += (i > 0 ? "," : "") + std::string(R"({"Key": "k)") + std::to_string(i) + R"(", "Value": "v"})";
    return out;
}

}  // namespace

TEST_CASE("audit: a clean account has no findings") {
    CHECK(kinds(with_alice([](iam::account& a) { REQUIRE(a.put_user_policy("alice", "read", s3_read)); })).empty());
}

TEST_CASE("audit: console access without MFA, and access keys beside console access") {
    std::uint64_t n = 0;
    const iam::random_source counter = [&] { return ++n * 0x9E3779B97F4A7C15ULL; };
    auto a = with_alice([&](iam::account& acct) {
        REQUIRE(acct.create_login_profile("alice", iam::console_access{std::nullopt, false}, counter));
    });
    CHECK(kinds(a) == std::vector<std::string>{"console-without-mfa user/alice"});
    REQUIRE(a.create_access_key("alice", counter));
    CHECK(kinds(a) ==
          std::vector<std::string>{"console-without-mfa user/alice", "access-keys-with-console user/alice"});
    REQUIRE(a.enable_mfa_device("alice", "alice-phone"));
    CHECK(kinds(a) == std::vector<std::string>{"access-keys-with-console user/alice"});
    REQUIRE(a.delete_login_profile("alice"));
    CHECK(kinds(a).empty());  // keys alone are a machine's credential
}

TEST_CASE("audit: every action on every resource without a boundary") {
    auto a = with_alice([](iam::account& acct) { REQUIRE(acct.put_user_policy("alice", "admin", everything)); });
    CHECK(kinds(a) == std::vector<std::string>{"unbounded-full-access user/alice"});
    REQUIRE(a.create_policy("S3Read", s3_read));
    REQUIRE(a.set_user_permissions_boundary("alice", "arn:aws:iam::123456789012:policy/S3Read"));
    CHECK(kinds(a).empty());

    auto through_group = with_alice([](iam::account& acct) {
        REQUIRE(acct.create_group("admins"));
        REQUIRE(acct.put_group_policy("admins", "all", everything));
        REQUIRE(acct.add_user_to_group("alice", "admins"));
    });
    const auto found = iam::audit_account(through_group, aws_policy, catalog());
    REQUIRE(found.size() == 1);
    CHECK(found[0].entity == "user/alice");
    CHECK(found[0].message.starts_with("group/admins:all allows every action on every resource"));
}

TEST_CASE("audit: a boundary that leaves an attached policy allowing nothing") {
    auto a = with_alice([](iam::account& acct) {
        REQUIRE(acct.attach_user_policy("alice", "arn:aws:iam::aws:policy/IAMWrite"));
        REQUIRE(acct.create_policy("S3Read", s3_read));
        REQUIRE(acct.set_user_permissions_boundary("alice", "arn:aws:iam::123456789012:policy/S3Read"));
    });
    CHECK(kinds(a) == std::vector<std::string>{"policy-voided-by-boundary user/alice"});
    REQUIRE(a.detach_user_policy("alice", "arn:aws:iam::aws:policy/IAMWrite"));
    REQUIRE(a.attach_user_policy("alice", "arn:aws:iam::aws:policy/S3Read"));
    CHECK(kinds(a).empty());
}

TEST_CASE("audit: managed policies and boundaries whose document is nowhere, per holder") {
    auto a = with_alice([](iam::account& acct) {
        REQUIRE(acct.attach_user_policy("alice", "arn:aws:iam::aws:policy/S3Read"));
        REQUIRE(acct.create_group("devs"));
        REQUIRE(acct.add_user_to_group("alice", "devs"));
    });
    CHECK(kinds(a).empty());
    REQUIRE(a.attach_user_policy("alice", "arn:aws:iam::aws:policy/Unknown"));
    REQUIRE(a.attach_group_policy("devs", "arn:aws:iam::aws:policy/job-function/AlsoUnknown"));
    REQUIRE(a.set_user_permissions_boundary("alice", "arn:aws:iam::aws:policy/UnknownBoundary"));
    const auto found = iam::audit_account(a, aws_policy, catalog());
    REQUIRE(found.size() == 3);  // each reported where it is attached, none silently skipped
    CHECK(found[0] ==
          iam::audit_finding{iam::finding_kind::unresolved_policy, "group/devs",
                             "attached policy arn:aws:iam::aws:policy/job-function/AlsoUnknown is unknown: the account "
                             "does not hold its document and the lookup has none"});
    CHECK(kinds(a) == std::vector<std::string>{"unresolved-policy group/devs", "unresolved-policy user/alice",
                                               "unresolved-policy user/alice"});
    CHECK(found[2].message.starts_with("permissions boundary arn:aws:iam::aws:policy/UnknownBoundary is unknown"));
}

TEST_CASE("audit: invalid inline, customer managed and AWS managed policies, where they are defined") {
    CHECK(kinds(dump(R"({"UserName": "bob", "UserPolicyList": [{"PolicyName": "ok", "PolicyDocument": )" +
                     std::string(s3_read) + "}]}"))
              .empty());
    const auto loaded = dump(
        R"({"UserName": "bob", "UserPolicyList": [{"PolicyName": "bad", "PolicyDocument": {"Statement": []}}],
            "AttachedManagedPolicies": [{"PolicyArn": "arn:aws:iam::123456789012:policy/NoVersion"},
                                        {"PolicyArn": "arn:aws:iam::aws:policy/Broken"}]})",
        R"({"Arn": "arn:aws:iam::123456789012:policy/NoVersion", "DefaultVersionId": "v1",
            "PolicyVersionList": [{"Document": {"Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}},
                                   "VersionId": "v1", "IsDefaultVersion": true}]})");
    REQUIRE(loaded.problems.empty());
    // A customer managed policy needs a Version; the corpus's Broken has no Action.
    CHECK(kinds(loaded) == std::vector<std::string>{"invalid-policy arn:aws:iam::123456789012:policy/NoVersion",
                                                    "invalid-policy arn:aws:iam::aws:policy/Broken",
                                                    "invalid-policy user/bob"});
    CHECK(iam::audit_account(loaded, aws_policy, catalog())[2].message.starts_with("inline policy bad: "));
}

TEST_CASE("audit: quotas, at the limit and past it") {
    CHECK(kinds(dump(R"({"UserName": "bob", "Tags": [)" + tags(50) + "]}")).empty());
    const auto loaded = dump(R"({"UserName": "bob", "Tags": [)" + tags(51) + "]}");
    REQUIRE(loaded.problems.empty());  // a dump can hold what the account's own operations refuse
    const auto found = iam::audit_account(loaded, aws_policy, catalog());
    CHECK(found ==
          std::vector<iam::audit_finding>{{iam::finding_kind::quota_exceeded, "user/bob", "51 tags; AWS allows 50"}});

    const auto groups = [](int count) {
        std::string out = R"({"AccountId": "123456789012", "GroupDetailList": [)";
        for (int i = 0; i < count; ++i)
            out += (i > 0 ? ",{" : "{") + std::string(R"("GroupName": "g)") + std::to_string(i) + "\"}";
        return iam::load_authorization_details(out + "]}").value();
    };
    CHECK(kinds(groups(300)).empty());
    CHECK(kinds(groups(301)) == std::vector<std::string>{"quota-exceeded account/123456789012"});
}

TEST_CASE("audit: a dump's entries that cannot be loaded come first, by JSON path") {
    CHECK(kinds(dump(R"({"UserName": "bob"}, {"UserName": "carol"})")).empty());
    const auto loaded = dump(R"({"UserName": "bob"}, {"UserName": "BOB"}, {"UserName": "a b"})");
    CHECK(kinds(loaded) == std::vector<std::string>{"unreadable-entry /UserDetailList/1/UserName",
                                                    "unreadable-entry /UserDetailList/2/UserName",
                                                    "not-evaluated user/bob"});  // which twin AWS holds is unknown
    CHECK(kinds(loaded.account).empty());                                        // the account alone has only bob
    static_assert(iam::to_string(iam::finding_kind::unreadable_entry) == "unreadable-entry");
    static_assert(iam::to_string(iam::finding_kind::policy_voided_by_boundary) == "policy-voided-by-boundary");
}

TEST_CASE("audit: full access only when the effective permissions confirm it") {
    // "If policies that apply to a request include an Allow statement and a Deny statement,
    // the Deny statement trumps the Allow statement. The request is explicitly denied."
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_AccessPolicyLanguage_Interplay.html
    constexpr std::string_view deny_everything =
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]})";
    constexpr std::string_view deny_iam =
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"iam:*","Resource":"*"}]})";
    for (const std::string_view deny : {deny_everything, deny_iam}) {
        CAPTURE(deny);
        const auto a = with_alice([&](iam::account& acct) {
            REQUIRE(acct.put_user_policy("alice", "admin", everything));
            REQUIRE(acct.put_user_policy("alice", "deny", deny));
        });
        CHECK(kinds(a).empty());
    }
    // A boundary that allows everything too leaves it all: still a finding.
    auto bounded = with_alice([](iam::account& acct) {
        REQUIRE(acct.put_user_policy("alice", "admin", everything));
        REQUIRE(acct.create_policy("All", everything));
        REQUIRE(acct.set_user_permissions_boundary("alice", "arn:aws:iam::123456789012:policy/All"));
    });
    const auto found = iam::audit_account(bounded, aws_policy, catalog());
    REQUIRE(found.size() == 1);
    CHECK(found[0].kind == iam::finding_kind::unbounded_full_access);
    CHECK(
        found[0].message.ends_with("the permissions boundary arn:aws:iam::123456789012:policy/All allows it all too"));
}

namespace {

// A dump of account 123456789012 with these roles (a JSON array's members).
iam::loaded_account roles_dump(const std::string& roles) {
    auto loaded =
        iam::load_authorization_details(R"({"AccountId": "123456789012", "RoleDetailList": [)" + roles + "]}");
    REQUIRE(loaded);
    return std::move(loaded).value();
}

// A role named `name` trusting `statement` (a trust policy statement).
std::string role_trusting(std::string_view name, std::string_view statement) {
    return R"({"RoleName": ")" + std::string(name) +
           R"(", "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [)" + std::string(statement) +
           "]}}";
}

}  // namespace

TEST_CASE("audit: roles' invalid and unresolved policies, full access and voiding boundaries") {
    const auto loaded = roles_dump(
        R"({"RoleName": "broken", "RolePolicyList": [{"PolicyName": "bad", "PolicyDocument": {"Statement": []}}],
            "AttachedManagedPolicies": [{"PolicyArn": "arn:aws:iam::aws:policy/Unknown"}]},
           {"RoleName": "admin", "RolePolicyList": [{"PolicyName": "all", "PolicyDocument": )" +
        std::string(everything) + R"(}]},
           {"RoleName": "capped", "AttachedManagedPolicies": [{"PolicyArn": "arn:aws:iam::aws:policy/IAMWrite"}],
            "PermissionsBoundary": {"PermissionsBoundaryArn": "arn:aws:iam::aws:policy/S3Read"}},
           {"RoleName": "fine", "AttachedManagedPolicies": [{"PolicyArn": "arn:aws:iam::aws:policy/S3Read"}]})");
    REQUIRE(loaded.problems.empty());
    CHECK(kinds(loaded) == std::vector<std::string>{"unbounded-full-access role/admin", "invalid-policy role/broken",
                                                    "unresolved-policy role/broken",
                                                    "policy-voided-by-boundary role/capped"});
}

TEST_CASE("audit: a trust policy that lets anyone assume the role with no condition") {
    // "After you create the role, you can change the account to "*" to allow everyone to
    // assume the role. If you do this, we strongly recommend that you limit who can access
    // the role through other means, such as a Condition element that limits access to only
    // certain IP addresses. Do not leave your role accessible to everyone!"
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
    const auto loaded = roles_dump(
        role_trusting("anyone", R"({"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole"})") + "," +
        role_trusting("any-account",
                      R"({"Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::111122223333:root", "*"]},
                                        "Action": ["sts:AssumeRoleWithWebIdentity"]})") +
        "," + role_trusting("any-action", R"({"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:*"})") +
        "," + role_trusting("not-action", R"({"Effect": "Allow", "Principal": {"AWS": "*"}, "NotAction": "s3:*"})") +
        "," + role_trusting("conditioned", R"({"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole",
                                        "Condition": {"IpAddress": {"aws:SourceIp": "192.0.2.0/24"}}})") +
        "," + role_trusting("denied", R"({"Effect": "Deny", "Principal": "*", "Action": "sts:AssumeRole"})") + "," +
        role_trusting("service", R"({"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"},
                                    "Action": "sts:AssumeRole"})") +
        "," + role_trusting("tagging", R"({"Effect": "Allow", "Principal": "*", "Action": "sts:TagSession"})") + "," +
        role_trusting("all-but-assume", R"({"Effect": "Allow", "Principal": "*", "NotAction": ["sts:AssumeRole*"]})"));
    REQUIRE(loaded.problems.empty());
    // NotAction breaks the trust policy grammar (tests/test_policy_kinds.cpp): such a
    // policy is reported as invalid, not evaluated.
    CHECK(kinds(loaded) ==
          std::vector<std::string>{"invalid-trust-policy role/all-but-assume", "open-trust-policy role/any-account",
                                   "open-trust-policy role/any-action", "open-trust-policy role/anyone",
                                   "invalid-trust-policy role/not-action"});
}

TEST_CASE("audit: whether a trust policy is open is decided by evaluating it for a stranger") {
    // "Use this key to compare the account to which the requesting principal belongs with
    // the account identifier that you specify in the policy."
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
    // A condition on a key AWS derives from the caller is evaluated for a caller of
    // another account: it keeps strangers out, or lets every user of any account in.
    const auto loaded = roles_dump(
        role_trusting("own-account", R"({"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole",
                       "Condition": {"StringEquals": {"aws:PrincipalAccount": "123456789012"}}})") +
        "," + role_trusting("any-users", R"({"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole",
                       "Condition": {"StringEquals": {"aws:PrincipalType": "User"}}})") +
        "," +
        role_trusting("organization", R"({"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole",
                       "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}})") +
        "," + role_trusting("partner", R"({"Effect": "Allow", "Action": "sts:AssumeRole",
                       "Principal": {"AWS": ["999999999999", "arn:aws:iam::999999999998:root"]}})") +
        "," + role_trusting("denied-after-all", R"({"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole"},
                       {"Effect": "Deny", "Principal": "*", "Action": "sts:AssumeRole*"})") +
        "," + role_trusting("if-exists", R"({"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole",
                       "Condition": {"StringEqualsIfExists": {"aws:SourceVpc": "vpc-1a2b3c4d"}}})"));
    REQUIRE(loaded.problems.empty());
    CHECK(kinds(loaded) ==
          std::vector<std::string>{"open-trust-policy role/any-users", "open-trust-policy role/if-exists"});
    CHECK(iam::audit_account(loaded, aws_policy, catalog()).front().message ==
          "its trust policy lets anyone assume it: a user of any other account (sts:AssumeRole), in a request that "
          "says nothing more");
}

TEST_CASE("audit: a trust policy that breaks the trust policy grammar, at its JSON path") {
    // "The IAM resource-based policy type is a role trust policy": the role is its
    // resource, and IAM refuses a Resource with "Has prohibited field Resource".
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
    // The grammar's rules are pinned in tests/test_policy_kinds.cpp; a role whose trust
    // policy the dump does not give is not judged.
    const auto loaded =
        roles_dump(role_trusting("with-resource", R"({"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"},
                       "Action": "sts:AssumeRole", "Resource": "*"})") +
                   "," + role_trusting("no-principal", R"({"Effect": "Allow", "Action": "sts:AssumeRole"})") + "," +
                   role_trusting("fine", R"({"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"},
                       "Action": "sts:AssumeRole"})") +
                   R"(, {"RoleName": "unknown-trust"})");
    REQUIRE(loaded.problems.empty());
    const auto found = iam::audit_account(loaded, aws_policy, catalog());
    REQUIRE(found.size() == 2);
    CHECK(found[0].entity == "role/no-principal");
    CHECK(found[0].kind == iam::finding_kind::invalid_trust_policy);
    CHECK(found[0].message.starts_with("trust policy: /Statement/0: "));
    CHECK(found[1].entity == "role/with-resource");
    CHECK(found[1].message.starts_with("trust policy: /Statement/0/Resource: "));
    static_assert(iam::to_string(iam::finding_kind::invalid_trust_policy) == "invalid-trust-policy");
}

TEST_CASE("audit: the account id from roles' ARNs; another account's ARN is a finding and nothing else") {
    const auto role_only = iam::load_authorization_details(
                               R"({"RoleDetailList": [{"RoleName": "r", "Arn": "arn:aws:iam::111122223333:role/r"}]})")
                               .value();
    CHECK(role_only.account.id().view() == "111122223333");
    CHECK(kinds(role_only).empty());  // no "no AccountId ... taken as 000000000000"

    const auto mixed = iam::load_authorization_details(R"({"UserDetailList": [
        {"UserName": "a", "Arn": "arn:aws:iam::111122223333:user/a"},
        {"UserName": "stranger", "Arn": "arn:aws:iam::999999999999:user/stranger"}],
      "RoleDetailList": [{"RoleName": "r", "Arn": "arn:aws:iam::111122223333:role/r"}]})")
                           .value();
    CHECK(mixed.account.id().view() == "111122223333");
    const auto found = iam::audit_account(mixed, aws_policy, catalog());
    REQUIRE(found.size() == 1);
    CHECK(found[0] == iam::audit_finding{iam::finding_kind::foreign_arn, "user/stranger",
                                         "its ARN arn:aws:iam::999999999999:user/stranger names another account or "
                                         "partition than the dump's, 111122223333 in aws"});
    static_assert(iam::to_string(iam::finding_kind::open_trust_policy) == "open-trust-policy");
    static_assert(iam::to_string(iam::finding_kind::foreign_arn) == "foreign-arn");
}

TEST_CASE("audit: full access under a conditional Deny is full access when its conditions are met") {
    constexpr std::string_view deny_without_mfa =
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*",
            "Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}}]})";
    constexpr std::string_view deny_but_one_bucket =
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","NotResource":"arn:aws:s3:::b/*"}]})";
    const auto mfa = with_alice([&](iam::account& acct) {
        REQUIRE(acct.put_user_policy("alice", "admin", everything));
        REQUIRE(acct.put_user_policy("alice", "mfa", deny_without_mfa));
    });
    const auto found = iam::audit_account(mfa, aws_policy, catalog());
    REQUIRE(found.size() == 1);
    CHECK(found[0].message.ends_with("(unless a conditional Deny or boundary on aws:MultiFactorAuthPresent applies)"));
    const auto one_bucket = with_alice([&](iam::account& acct) {
        REQUIRE(acct.put_user_policy("alice", "admin", everything));
        REQUIRE(acct.put_user_policy("alice", "narrow", deny_but_one_bucket));
    });
    CHECK(kinds(one_bucket).empty());
}

TEST_CASE("audit: a principal read in part is not evaluated, and says why") {
    // Reviewer's cases: an unreadable boundary ARN (a role's, a user's), an inline Deny
    // whose name cannot be read, a group's such Deny. Left out, a Deny could deny anything:
    // no full-access or voided-boundary guess, a `not-evaluated` finding instead.
    const std::string allow_all =
        R"({"PolicyName": "p", "PolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}})";
    const std::string deny_named_5 =
        R"({"PolicyName": 5, "PolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "*", "Resource": "*"}]}})";
    const auto role =
        roles_dump(R"({"RoleName": "r", "RolePolicyList": [)" + allow_all +
                   R"(], "PermissionsBoundary": {"PermissionsBoundaryArn": "arn:aws:iam::123456789012:bogus"}})");
    CHECK(kinds(role) ==
          std::vector<std::string>{"unreadable-entry /RoleDetailList/0/PermissionsBoundary/PermissionsBoundaryArn",
                                   "not-evaluated role/r"});
    const auto users =
        iam::load_authorization_details(
            R"({"AccountId": "123456789012", "GroupDetailList": [{"GroupName": "Dev", "GroupPolicyList": [)" +
            deny_named_5 + R"(]}], "UserDetailList": [{"UserName": "bounded", "UserPolicyList": [)" + allow_all +
            R"(], "PermissionsBoundary": {"PermissionsBoundaryArn": "arn:aws:iam::123456789012:policy/"}},
                           {"UserName": "own", "UserPolicyList": [)" +
            allow_all + "," + deny_named_5 + R"(]}, {"UserName": "member", "GroupList": ["dev"], "UserPolicyList": [)" +
            allow_all + "]}]}")
            .value();
    const auto found = iam::audit_account(users, aws_policy, catalog());
    std::vector<std::string> not_evaluated;
    for (const iam::audit_finding& f : found) {
        CHECK(f.kind != iam::finding_kind::unbounded_full_access);
        if (f.kind == iam::finding_kind::not_evaluated) {
            not_evaluated.push_back(f.entity);
            CHECK(f.message == "not evaluated: some of its policies, boundary or groups could not be read");
        }
    }
    CHECK(not_evaluated == std::vector<std::string>{"user/bounded", "user/member", "user/own"});
    static_assert(iam::to_string(iam::finding_kind::not_evaluated) == "not-evaluated");
    // A policy of the dump whose document could not be read: no lookup stands in for it.
    const auto unreadable =
        dump(R"({"UserName": "u", "AttachedManagedPolicies": [{"PolicyArn": "arn:aws:iam::aws:policy/S3Read"}]})",
             R"({"Arn": "arn:aws:iam::aws:policy/S3Read", "PolicyVersionList": [{"Document": 5, "VersionId": "v1"}]})");
    const auto unresolved = iam::audit_account(unreadable, aws_policy, catalog());
    CHECK(kinds(unreadable) == std::vector<std::string>{"unreadable-entry /Policies/0/PolicyVersionList/0/Document",
                                                        "unresolved-policy user/u", "not-evaluated user/u"});
    CHECK(unresolved[1].message.ends_with("is unknown: the account's copy of its document could not be read"));
    // The account alone knows nothing of what was not read: judged as it is.
    CHECK(kinds(users.account) == std::vector<std::string>{"unbounded-full-access user/bounded",
                                                           "unbounded-full-access user/member",
                                                           "unbounded-full-access user/own"});
}
