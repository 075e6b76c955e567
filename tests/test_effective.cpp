// SPDX-License-Identifier: MIT
// Tests of include/iam/effective.hpp: (identity ∪) ∩ boundary, denies removed.
#include <iam/effective.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

const iam::action_catalog& catalog() {
    static const iam::action_catalog c = iam::action_catalog::parse_tsv(
                                             "action\taccess_level\tresource_types\n"
                                             "s3:GetObject\tRead\tobject*\n"
                                             "s3:PutObject\tWrite\tobject*\n"
                                             "s3:ListBucket\tList\tbucket*\n"
                                             "s3:DeleteObject\tWrite\tobject*\n"
                                             "iam:CreateUser\tWrite\tuser*\n"
                                             "iam:TagUser\tTagging, Write\tuser*\n"
                                             "ec2:RunInstances\tWrite\tinstance*\n")
                                             .value();
    return c;
}

std::vector<iam::effective_permission> effective(const std::vector<std::string>& identity,
                                                 const std::vector<std::string>& boundary = {}) {
    iam::policy_set set;
    for (const std::string& text : identity) set.identity.push_back({"p", iam::parse_policy(text).value()});
    for (const std::string& text : boundary) set.boundary.push_back({"b", iam::parse_policy(text).value()});
    return iam::effective_permissions(iam::compiled_policy_set(std::move(set)), catalog());
}

std::vector<std::string> actions(const std::vector<iam::effective_permission>& list) {
    std::vector<std::string> out;
    for (const auto& p : list) out.emplace_back(p.action);
    return out;
}

}  // namespace

TEST_CASE("effective permissions: the union of identity allows, expanded over the catalog") {
    const auto list = effective(
        {R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:Get*","Resource":"arn:aws:s3:::reports/*"},
                                   {"Effect":"Allow","Action":["S3:ListBucket","iam:Create*"],"Resource":"*"}]})"});
    CHECK(actions(list) == std::vector<std::string>{"iam:CreateUser", "s3:GetObject", "s3:ListBucket"});
    CHECK(list[1].resources == std::vector<std::string>{"arn:aws:s3:::reports/*"});
    CHECK(list[1].level == iam::access_level::read);
    CHECK(list[2].resources == std::vector<std::string>{"*"});
    CHECK_FALSE(list[0].conditional);
}

TEST_CASE("effective permissions: conditions mark an action; NotAction and NotResource expand") {
    const auto list = effective(
        {R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":"s3:*","NotResource":"arn:aws:iam::123456789012:user/admin","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}]})"});
    CHECK(actions(list) == std::vector<std::string>{"ec2:RunInstances", "iam:CreateUser", "iam:TagUser"});
    CHECK(list[1].conditional);
    CHECK(list[1].condition_keys == std::vector<std::string>{"aws:MultiFactorAuthPresent"});
    CHECK(list[1].resources == std::vector<std::string>{"*"});
    CHECK(list[1].excluded == std::vector<std::string>{"arn:aws:iam::123456789012:user/admin"});
}

TEST_CASE("effective permissions: a boundary intersects and narrows `*`") {
    const std::string admin = R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}})";
    const auto list = effective(
        {admin},
        {R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::sandbox/*"}})"});
    CHECK(actions(list) ==
          std::vector<std::string>{"s3:DeleteObject", "s3:GetObject", "s3:ListBucket", "s3:PutObject"});
    CHECK(list[0].resources == std::vector<std::string>{"arn:aws:s3:::sandbox/*"});
    const auto none = effective(
        {R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::other/*"}})"},
        {R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::sandbox/*"}})"});
    CHECK(none.empty());
}

TEST_CASE("effective permissions: explicit denies remove actions or exclude resources") {
    const std::string admin =
        R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":["s3:*","iam:*"],"Resource":"*"}})";
    auto list =
        effective({admin, R"({"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"iam:*","Resource":"*"},
                                      {"Effect":"Deny","Action":"s3:DeleteObject","Resource":"arn:aws:s3:::audit/*"},
                                      {"Effect":"Deny","Action":"s3:PutObject","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}]})"});
    CHECK(actions(list) ==
          std::vector<std::string>{"s3:DeleteObject", "s3:GetObject", "s3:ListBucket", "s3:PutObject"});
    CHECK(list[0].excluded == std::vector<std::string>{"arn:aws:s3:::audit/*"});
    CHECK_FALSE(list[1].conditional);
    CHECK(list[1].condition_keys.empty());
    CHECK(list[3].conditional);  // a conditional deny may apply
    CHECK(list[3].condition_keys == std::vector<std::string>{"aws:SecureTransport"});
    list = effective(
        {R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::audit/x"},
                                                              {"Effect":"Deny","Action":"s3:*","Resource":"arn:aws:s3:::audit/*"}]})"});
    CHECK(list.empty());
}

TEST_CASE("effective permissions: the keys of every condition involved, once each ignoring case") {
    const auto list = effective(
        {R"({"Version":"2012-10-17","Statement":[
        {"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"},"Bool":{"aws:SecureTransport":"true"}}},
        {"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"Bool":{"AWS:SecureTransport":"true"}}},
        {"Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"StringNotEquals":{"aws:PrincipalTag/team":"data"}}}]})"},
        {R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringEquals":{"aws:RequestedRegion":"eu-west-1"}}}})"});
    REQUIRE(actions(list) == std::vector<std::string>{"s3:GetObject"});
    CHECK(list[0].conditional);
    CHECK(list[0].condition_keys == std::vector<std::string>{"aws:SourceIp", "aws:SecureTransport",
                                                             "aws:RequestedRegion", "aws:PrincipalTag/team"});
}
