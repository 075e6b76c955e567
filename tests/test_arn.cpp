// SPDX-License-Identifier: MIT
// Tests of include/iam/arn.hpp.
#include <iam/arn.hpp>

#include <doctest/doctest.h>

#include "check.hpp"

using iam::arn_errc;

TEST_CASE("parse_arn: splits the six fields, keeping colons in the resource") {
    IAM_CHECK_BOTH(iam::parse_arn("arn:aws:iam::123456789012:user/division/alice").value() ==
                   iam::arn{"aws", "iam", "", "123456789012", "user/division/alice"});
    IAM_CHECK_BOTH(iam::parse_arn("arn:aws:s3:::bucket").value().resource == "bucket");
    IAM_CHECK_BOTH(iam::parse_arn("arn:aws-cn:logs:cn-north-1:123456789012:log-group:x:*").value().resource ==
                   "log-group:x:*");
    IAM_CHECK_BOTH(iam::parse_arn("arn:aws:iam::aws:policy/ReadOnlyAccess").value().account == "aws");
    IAM_CHECK_BOTH(iam::is_valid_arn("arn:aws-us-gov:ec2:us-gov-west-1:123456789012:instance/i-1"));
}

TEST_CASE("parse_arn: each rule with its offset") {
    IAM_CHECK_BOTH(iam::parse_arn("urn:aws:iam::123456789012:user/a").error().code == arn_errc::missing_prefix);
    IAM_CHECK_BOTH(iam::parse_arn("arn:aws:iam:123456789012").error().code == arn_errc::missing_field);
    IAM_CHECK_BOTH(iam::parse_arn("arn:gcp:iam::123456789012:user/a").error() ==
                   iam::arn_error{arn_errc::bad_partition, 4});
    IAM_CHECK_BOTH(iam::parse_arn("arn:awsx:iam::123456789012:user/a").error().code == arn_errc::bad_partition);
    IAM_CHECK_BOTH(iam::parse_arn("arn:aws:IAM::123456789012:user/a").error() ==
                   iam::arn_error{arn_errc::bad_service, 8});
    IAM_CHECK_BOTH(iam::parse_arn("arn:aws:::123456789012:user/a").error().code == arn_errc::bad_service);
    IAM_CHECK_BOTH(iam::parse_arn("arn:aws:s3:US:123456789012:x").error() == iam::arn_error{arn_errc::bad_region, 11});
    IAM_CHECK_BOTH(iam::parse_arn("arn:aws:iam::12345:user/a").error() == iam::arn_error{arn_errc::bad_account, 13});
    IAM_CHECK_BOTH(iam::parse_arn("arn:aws:iam::123456789012:").error() ==
                   iam::arn_error{arn_errc::empty_resource, 26});
    IAM_CHECK_BOTH(iam::parse_arn("arn:aws:iam::123456789012:user/a b").error() ==
                   iam::arn_error{arn_errc::bad_character, 32});
    CHECK(iam::parse_arn("arn:aws:s3:::" + std::string(2040, 'b')).error().code == arn_errc::too_long);
    for (int r = 0; r <= static_cast<int>(arn_errc::bad_policy_name); ++r) {
        CHECK(iam::arn_error{static_cast<arn_errc>(r), 0}.message() != "unknown rule");
        CHECK(iam::arn_error{static_cast<arn_errc>(r), 0}.id() != "unknown");
    }
}

TEST_CASE("arn_error: stable ids") {
    IAM_CHECK_BOTH(iam::to_string(arn_errc::bad_partition) == "bad-partition");
    IAM_CHECK_BOTH(iam::arn_error{arn_errc::not_policy, 0}.id() == "not-policy");
    IAM_CHECK_BOTH(iam::arn_error{arn_errc::bad_policy_name, 0}.id() == "bad-policy-name");
}

TEST_CASE("parse_policy_arn: the parts, or which rule broke and where") {
    const auto parts = iam::parse_policy_arn("arn:aws:iam::123456789012:policy/team/a/ReadAll").value();
    CHECK(parts.partition == "aws");
    CHECK(parts.account == "123456789012");
    CHECK(parts.path == "/team/a/");
    CHECK(parts.name == "ReadAll");
    CHECK(iam::parse_policy_arn("arn:aws:iam::aws:policy/ReadOnlyAccess").value().path == "/");

    const std::string not_arn = "arn:gcp:iam::aws:policy/x";
    CHECK(iam::parse_policy_arn(not_arn).error() == iam::arn_error{arn_errc::bad_partition, 4});
    CHECK(iam::describe(iam::parse_policy_arn(not_arn).error(), not_arn) ==
          "`arn:gcp:iam::aws:policy/x` is not an ARN: the partition must be `aws` or `aws-...`");
    for (const std::string_view text :
         {"arn:aws:iam::123456789012:user/alice", "arn:aws:s3:::policy/x", "arn:aws:iam::123456789012:role/policy/x",
          "arn:aws:iam:us-east-1:123456789012:policy/x", "arn:aws:iam:::policy/x"})
        CHECK(iam::parse_policy_arn(text).error().code == arn_errc::not_policy);
    CHECK(iam::describe(iam::arn_error{arn_errc::not_policy, 0}, "arn:aws:s3:::b") ==
          "`arn:aws:s3:::b` is not a managed policy ARN (arn:PARTITION:iam::ACCOUNT:policy/NAME)");

    const std::string bad_path = "arn:aws:iam::123456789012:policy/a//b";  // an empty path segment
    const auto path_error = iam::parse_policy_arn(bad_path).error();
    CHECK(path_error.code == arn_errc::bad_policy_path);
    CHECK(path_error.offset == 32);  // where the path starts
    CHECK(path_error.name.kind == iam::name_kind::policy_path);
    CHECK(iam::describe(path_error, bad_path).starts_with("in `" + bad_path + "`: "));

    const std::string bad_name = "arn:aws:iam::123456789012:policy/team/a!b";
    const auto name_fault = iam::parse_policy_arn(bad_name).error();
    CHECK(name_fault.code == arn_errc::bad_policy_name);
    CHECK(name_fault.offset == 38);  // where the name starts
    CHECK(name_fault.name.offset == 1);
    CHECK(name_fault.name.kind == iam::name_kind::managed_policy);
    CHECK(iam::describe(name_fault, bad_name) == "in `" + bad_name + "`: " + iam::describe(name_fault.name, "a!b"));
}

TEST_CASE("entity_arn: partition, account, type, path and name as IAM writes them") {
    CHECK(iam::entity_arn("123456789012", "user", "/division_abc/subdivision_xyz/", "JaneDoe") ==
          "arn:aws:iam::123456789012:user/division_abc/subdivision_xyz/JaneDoe");
    CHECK(iam::entity_arn("123456789012", "group", "/", "Admins", "aws-cn") ==
          "arn:aws-cn:iam::123456789012:group/Admins");
}
