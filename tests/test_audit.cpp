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

std::vector<std::string> kinds(const iam::account& a) {
    const iam::policy_lookup lookup = [](std::string_view arn) -> std::optional<std::string_view> {
        if (arn.ends_with("/S3Read")) return s3_read;
        if (arn.ends_with("/IAMWrite")) return iam_write;
        return std::nullopt;
    };
    std::vector<std::string> out;
    for (const iam::audit_finding& f : iam::audit_account(a, lookup, catalog()))
        out.push_back(std::string(iam::finding_id(f.kind)) + " " + f.entity);
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

TEST_CASE("audit: unresolved and invalid policies, exceeded quotas and unreadable dump entries") {
    auto a = with_alice(
        [](iam::account& acct) { REQUIRE(acct.attach_user_policy("alice", "arn:aws:iam::aws:policy/Unknown")); });
    CHECK(kinds(a) == std::vector<std::string>{"unresolved-policy user/alice"});

    // A dump can hold what the account's own operations refuse.
    const auto loaded = iam::load_authorization_details(R"({"AccountId": "123456789012", "UserDetailList": [
        {"UserName": "bob", "Path": "/", "UserPolicyList": [{"PolicyName": "bad", "PolicyDocument": {"Statement": []}}],
         "Tags": [)" + [] {
        std::string tags;
        for (int i = 0; i < 51; ++i)
            tags += (i > 0 ? "," : "") + std::string(R"({"Key": "k)") + std::to_string(i) + R"(", "Value": "v"})";
        return tags;
    }() + R"(]},
        {"UserName": "BOB", "Path": "/"}]})");
    REQUIRE(loaded);
    CHECK(kinds(loaded->account) == std::vector<std::string>{"invalid-policy user/bob", "quota-exceeded user/bob"});
    REQUIRE(loaded->problems.size() == 1);  // the tool reports it as an unreadable-entry finding
    CHECK(loaded->problems[0].path == "/UserDetailList/1/UserName");
    static_assert(iam::finding_id(iam::finding_kind::unreadable_entry) == "unreadable-entry");
    static_assert(iam::finding_id(iam::finding_kind::policy_voided_by_boundary) == "policy-voided-by-boundary");
}
