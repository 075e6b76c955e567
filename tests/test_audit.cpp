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
        out.push_back(std::string(iam::finding_id(f.kind)) + " " + f.entity);
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
                                                    "unreadable-entry /UserDetailList/2/UserName"});
    CHECK(kinds(loaded.account).empty());  // the account alone has only bob
    static_assert(iam::finding_id(iam::finding_kind::unreadable_entry) == "unreadable-entry");
    static_assert(iam::finding_id(iam::finding_kind::policy_voided_by_boundary) == "policy-voided-by-boundary");
}
