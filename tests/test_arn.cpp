// SPDX-License-Identifier: MIT
// Tests of include/iam/arn.hpp.
#include <iam/arn.hpp>

#include <doctest/doctest.h>

#include "check.hpp"

using iam::arn_rule;

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
    IAM_CHECK_BOTH(iam::parse_arn("urn:aws:iam::123456789012:user/a").error().rule == arn_rule::missing_prefix);
    IAM_CHECK_BOTH(iam::parse_arn("arn:aws:iam:123456789012").error().rule == arn_rule::missing_field);
    IAM_CHECK_BOTH(iam::parse_arn("arn:gcp:iam::123456789012:user/a").error() ==
                   iam::arn_error{arn_rule::bad_partition, 4});
    IAM_CHECK_BOTH(iam::parse_arn("arn:awsx:iam::123456789012:user/a").error().rule == arn_rule::bad_partition);
    IAM_CHECK_BOTH(iam::parse_arn("arn:aws:IAM::123456789012:user/a").error() ==
                   iam::arn_error{arn_rule::bad_service, 8});
    IAM_CHECK_BOTH(iam::parse_arn("arn:aws:::123456789012:user/a").error().rule == arn_rule::bad_service);
    IAM_CHECK_BOTH(iam::parse_arn("arn:aws:s3:US:123456789012:x").error() == iam::arn_error{arn_rule::bad_region, 11});
    IAM_CHECK_BOTH(iam::parse_arn("arn:aws:iam::12345:user/a").error() == iam::arn_error{arn_rule::bad_account, 13});
    IAM_CHECK_BOTH(iam::parse_arn("arn:aws:iam::123456789012:").error() ==
                   iam::arn_error{arn_rule::empty_resource, 26});
    IAM_CHECK_BOTH(iam::parse_arn("arn:aws:iam::123456789012:user/a b").error() ==
                   iam::arn_error{arn_rule::bad_character, 32});
    CHECK(iam::parse_arn("arn:aws:s3:::" + std::string(2040, 'b')).error().rule == arn_rule::too_long);
    for (int r = 0; r <= static_cast<int>(arn_rule::bad_character); ++r)
        CHECK(iam::arn_error{static_cast<arn_rule>(r), 0}.message() != "unknown rule");
}

TEST_CASE("entity_arn: partition, account, type, path and name as IAM writes them") {
    CHECK(iam::entity_arn("123456789012", "user", "/division_abc/subdivision_xyz/", "JaneDoe") ==
          "arn:aws:iam::123456789012:user/division_abc/subdivision_xyz/JaneDoe");
    CHECK(iam::entity_arn("123456789012", "group", "/", "Admins", "aws-cn") ==
          "arn:aws-cn:iam::123456789012:group/Admins");
}
