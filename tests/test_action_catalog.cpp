// SPDX-License-Identifier: MIT
// Tests of include/iam/action_catalog.hpp, on small texts and on the bundled catalog.
#include <iam/action_catalog.hpp>

#include <doctest/doctest.h>

#include "test_data.hpp"

#ifndef IAM_EXAMPLES_DATA_DIR
#error "IAM_EXAMPLES_DATA_DIR must name examples/data"
#endif

TEST_CASE("action_catalog: loads the TSV, sorted by service then name, looked up ignoring case") {
    const auto catalog = iam::action_catalog::parse_tsv(
        "action\taccess_level\tresource_types\n"
        "s3:PutObject\tWrite\tobject*\n"
        "a4b:Zap\tRead\t\n"
        "a4b-x:Get\tList\t\r\n"
        "s3:GetObject\tRead\tobject*\n"
        "iam:TagUser\tTagging, Write\tuser*\n"
        "iam:AttachUserPolicy\tPermissions management, Write\tuser*\n");
    REQUIRE(catalog);
    const auto actions = catalog->actions();
    REQUIRE(actions.size() == 6);
    CHECK(actions[0].action == "a4b:Zap");
    CHECK(actions[1].action == "a4b-x:Get");
    CHECK(actions[5].action == "s3:PutObject");
    const iam::catalog_action* get = catalog->find("S3:getobject");
    REQUIRE(get != nullptr);
    CHECK(get->action == "s3:GetObject");
    CHECK(get->service == "s3");
    CHECK(get->name == "GetObject");
    CHECK(get->level == iam::access_level::read);
    CHECK(get->resource_types == "object*");
    CHECK(catalog->find("iam:TagUser")->level == iam::access_level::tagging);
    CHECK(catalog->find("iam:attachuserpolicy")->level == iam::access_level::permissions_management);
    CHECK(catalog->find("a4b-x:get")->level == iam::access_level::list);
    CHECK_FALSE(catalog->contains("s3:DeleteObject"));
    CHECK_FALSE(catalog->contains("s3"));
    CHECK(catalog->service_actions("S3").size() == 2);
    CHECK(catalog->service_actions("a4b").size() == 1);
    CHECK(catalog->has_service("iam"));
    CHECK_FALSE(catalog->has_service("ec2"));
    const iam::action_catalog copy = *catalog;  // copies share the text
    CHECK(copy.find("s3:PutObject")->action == "s3:PutObject");
    CHECK(iam::to_string(iam::access_level::permissions_management) == "Permissions management");
}

TEST_CASE("action_catalog: a malformed line is reported with its number") {
    const auto missing = iam::action_catalog::parse_tsv("h\ns3:Get\tRead\n");
    REQUIRE_FALSE(missing);
    CHECK(missing.error().line == 2);
    CHECK(missing.error().code == iam::catalog_errc::missing_columns);
    CHECK(missing.error().message() == "expected three tab-separated columns");
    CHECK(iam::action_catalog::parse_tsv("h\ns3Get\tRead\t\n").error().message() ==
          "expected an action `service:Name`");
    const auto level = iam::action_catalog::parse_tsv("h\ns3:Get\tSometimes\t\n");
    CHECK(level.error().message() == "unknown access level");
    CHECK(level.error().id() == "unknown-access-level");
    CHECK(iam::action_catalog::parse_tsv("h\n:Get\tRead\t\n").error().line == 2);
}

TEST_CASE("action_catalog: the bundled catalog has AWS's 22,091 actions in 456 services") {
    const std::string tsv = read_file(IAM_EXAMPLES_DATA_DIR "/iam-actions/iam-actions.tsv");
    const auto catalog = iam::action_catalog::parse_tsv(tsv);
    REQUIRE(catalog);
    CHECK(catalog->actions().size() == 22091);
    std::size_t services = 0;
    for (std::size_t i = 0; i < catalog->actions().size(); ++i)
        if (i == 0 || !iam::iequals(catalog->actions()[i].service, catalog->actions()[i - 1].service)) ++services;
    CHECK(services == 456);
    for (const iam::catalog_action& a : catalog->actions()) CHECK(catalog->find(a.action) == &a);
    CHECK(catalog->contains("iam:CreateUser"));
    CHECK(catalog->service_actions("s3").size() > 100);
}
