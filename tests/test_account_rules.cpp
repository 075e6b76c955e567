// SPDX-License-Identifier: MIT
// Tests of include/iam/account_rules.hpp, include/iam/credentials.hpp and
// account::from_contents: the rules the account's operations and the dump loader share.
#include <iam/account.hpp>
#include <iam/account_rules.hpp>
#include <iam/credentials.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

namespace {

iam::managed_policy policy_named(std::string arn) {
    iam::managed_policy p;
    p.arn = std::move(arn);
    return p;
}

}  // namespace

TEST_CASE("account.hpp's example compiles and runs as written") {
    auto acct = iam::account::make("123456789012").value();
    (void)acct.create_group("Developers");
    iam::new_user alice{.name = "alice", .groups = {"Developers"}, .console = iam::console_access{}};
    std::random_device device;  // the kernel's generator on Linux
    const iam::random_source random = [&device] { return std::uint64_t{device()} << 32 | device(); };
    auto created = acct.create_user(alice, random);
    REQUIRE(created);
    CHECK(created->password->size() == 20);
    CHECK(iam::check_password(*created->password, std::nullopt));
}

TEST_CASE("check_policy_arn: a managed policy ARN of the account's partition") {
    const auto parts = iam::check_policy_arn("arn:aws-cn:iam::aws:policy/ReadOnlyAccess", "aws-cn");
    REQUIRE(parts);
    CHECK(parts->account == "aws");
    CHECK(parts->name == "ReadOnlyAccess");
    const auto other_partition = iam::check_policy_arn("arn:aws:iam::aws:policy/ReadOnlyAccess", "aws-cn");
    CHECK(other_partition.error().code == iam::account_errc::invalid_arn);
    CHECK(other_partition.error().message().find("partition aws,") != std::string::npos);
    const auto not_policy = iam::check_policy_arn("arn:aws:iam::123456789012:user/alice", "aws");
    CHECK(not_policy.error().code == iam::account_errc::invalid_arn);
    CHECK(not_policy.error().message().find("not a managed policy ARN") != std::string::npos);
}

TEST_CASE("check_tag: a checked tag whose key is new ignoring case") {
    const std::vector<iam::tag> earlier{{"CostCenter", "12"}};
    CHECK(iam::check_tag("Project", "x", earlier).value() == iam::tag{"Project", "x"});
    const auto twin = iam::check_tag("costcenter", "13", earlier);
    CHECK(twin.error().code == iam::account_errc::already_exists);
    CHECK(twin.error().field.empty());
    const auto reserved = iam::check_tag("aws:x", "v", {});
    CHECK(reserved.error().code == iam::account_errc::invalid_name);
    CHECK(reserved.error().field == "key");
    CHECK(iam::check_tag("k", std::string(257, 'v'), {}).error().field == "value");
}

TEST_CASE("from_contents: the account keeps its contents sorted, and refuses what breaks its rules") {
    iam::account_contents contents;
    contents.id = iam::account_id::parse("123456789012").value();
    contents.users = {iam::user::make("zed").value(), iam::user::make("alice").value()};
    contents.users[1].attached_policy_arns = {"arn:aws:iam::aws:policy/ReadOnlyAccess"};
    contents.customer_policies = {policy_named("arn:aws:iam::123456789012:policy/Mine")};
    const auto built = iam::account::from_contents(contents);
    REQUIRE(built);
    CHECK(built->users().front().name.view() == "alice");
    REQUIRE(built->aws_managed_policies().size() == 1);  // noted, as operations note what they attach
    CHECK(built->aws_managed_policies().front().name == "ReadOnlyAccess");

    iam::account_contents twins = contents;
    twins.users.push_back(iam::user::make("ALICE").value());
    CHECK(iam::check_contents(twins)->code == iam::account_errc::already_exists);
    CHECK(iam::account::from_contents(twins).error().entity == "user/ALICE");

    iam::account_contents misfiled = contents;
    misfiled.aws_policies.push_back(policy_named("arn:aws:iam::123456789012:policy/Other"));
    CHECK(iam::account::from_contents(misfiled).error().code == iam::account_errc::invalid_arn);

    iam::account_contents same_arn = contents;
    same_arn.customer_policies.push_back(policy_named("arn:aws:iam::123456789012:policy/Mine"));
    CHECK(iam::account::from_contents(same_arn).error().code == iam::account_errc::already_exists);

    iam::account_contents other_partition = contents;
    other_partition.partition = "aws-cn";
    CHECK(iam::account::from_contents(other_partition).error().code == iam::account_errc::invalid_arn);
    other_partition.partition = "gcp";
    CHECK(iam::account::from_contents(other_partition).error().field == "partition");
}

TEST_CASE("account_error: code, message() (the detail, else the code's sentence) and a stable id") {
    const iam::account_error specific{iam::account_errc::already_exists, "user/alice", "name", "alice is taken"};
    CHECK(specific.message() == "alice is taken");
    CHECK(specific.id() == "already-exists");
    const iam::account_error generic{iam::account_errc::limit_exceeded, "", "", ""};
    CHECK(generic.message() == "a quota would be exceeded");
    CHECK(iam::to_string(iam::account_errc::unresolved_policy) == "unresolved-policy");
    for (int c = 0; c <= static_cast<int>(iam::account_errc::unresolved_policy); ++c) {
        const iam::account_error e{static_cast<iam::account_errc>(c), "", "", ""};
        CHECK(e.message() != "unknown error");
        CHECK(e.id() != "unknown");
    }
}
