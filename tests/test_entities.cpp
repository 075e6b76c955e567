// SPDX-License-Identifier: MIT
// Tests of include/iam/entities.hpp.
#include <iam/entities.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <type_traits>
#include <vector>

TEST_CASE("entities: a user, group, role, inline policy or access key always has a checked name") {
    static_assert(!std::is_default_constructible_v<iam::user>);
    static_assert(!std::is_default_constructible_v<iam::group>);
    static_assert(!std::is_default_constructible_v<iam::role>);
    static_assert(!std::is_default_constructible_v<iam::inline_policy>);
    static_assert(!std::is_default_constructible_v<iam::access_key>);
    const iam::user alice{.name = iam::user_name{"alice"}};
    CHECK(alice.path == "/");
}

TEST_CASE("user: checked name and path, ARN from account, path and name") {
    const auto alice = iam::user::make("alice", "/division/");
    REQUIRE(alice);
    CHECK(alice->arn("123456789012") == "arn:aws:iam::123456789012:user/division/alice");
    CHECK(alice->arn("123456789012", "aws-cn") == "arn:aws-cn:iam::123456789012:user/division/alice");
    CHECK(iam::user::make("bob")->arn("123456789012") == "arn:aws:iam::123456789012:user/bob");
    CHECK(iam::user::make("al ice").error().code == iam::name_errc::bad_character);
    CHECK(iam::user::make("alice", "division").error() ==
          iam::name_error{iam::name_errc::path_start, 0, iam::name_kind::path});
}

TEST_CASE("user: equality compares every field; ordering is by name ignoring case") {
    auto a = iam::user::make("alice").value();
    auto b = a;
    CHECK(a == b);
    b.tags.push_back(iam::tag::make("team", "blue").value());
    CHECK(a != b);
    std::vector<iam::user> users{iam::user::make("carol").value(), iam::user::make("Bob").value(),
                                 iam::user::make("alice").value(), iam::user::make("bob").value()};
    std::sort(users.begin(), users.end());
    CHECK(users[0].name.view() == "alice");
    CHECK(users[1].name.view() == "Bob");
    CHECK(users[2].name.view() == "bob");
    CHECK(users[3].name.view() == "carol");
    CHECK(iam::compare_names("a", "B") == std::weak_ordering::less);
    CHECK(iam::compare_names("B", "a") == std::weak_ordering::greater);
}

TEST_CASE("group: checked name and path, ARN") {
    const auto admins = iam::group::make("Admins", "/ops/");
    REQUIRE(admins);
    CHECK(admins->arn("123456789012") == "arn:aws:iam::123456789012:group/ops/Admins");
    CHECK(iam::group::make(std::string(129, 'g')).error().code == iam::name_errc::too_long);
    CHECK(iam::group::make("g", "/a b/").error().code == iam::name_errc::bad_character);
    CHECK(iam::group::make("a").value() < iam::group::make("B").value());
    CHECK(iam::group::make("a").value() == iam::group::make("a").value());
}

TEST_CASE("role: checked name and path, ARN; trust policy and boundary beside its policies") {
    auto deployer = iam::role::make("Deployer", "/app/");
    REQUIRE(deployer);
    CHECK(deployer->arn("123456789012") == "arn:aws:iam::123456789012:role/app/Deployer");
    CHECK(deployer->arn("123456789012", "aws-us-gov") == "arn:aws-us-gov:iam::123456789012:role/app/Deployer");
    CHECK(iam::role::make(std::string(65, 'r')).error().code == iam::name_errc::too_long);
    CHECK(iam::role::make("r", "app").error().code == iam::name_errc::path_start);
    auto other = *deployer;
    CHECK(other == *deployer);
    other.trust_policy = R"({"Version":"2012-10-17","Statement":[]})";
    CHECK(other != *deployer);
    CHECK(iam::role::make("a").value() < iam::role::make("B").value());
}

TEST_CASE("tag: key then value checked") {
    CHECK(iam::tag::make("Cost Center", "12345"));
    CHECK(iam::tag::make("aws:x", "v").error().code == iam::name_errc::reserved_prefix);
    CHECK(iam::tag::make("k", "bad!").error() ==
          iam::name_error{iam::name_errc::bad_character, 3, iam::name_kind::tag_value});
    CHECK(iam::tag::make("a", "1").value() < iam::tag::make("b", "0").value());
}

TEST_CASE("managed_policy: AWS managed and customer managed ARNs") {
    const auto view_only = iam::managed_policy::aws_managed("ViewOnlyAccess", "/job-function/");
    REQUIRE(view_only);
    CHECK(view_only->arn == "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess");
    CHECK(view_only->is_aws_managed());
    const auto mine = iam::managed_policy::customer("123456789012", "DeployAccess", "/", R"({"Version":"2012-10-17"})");
    REQUIRE(mine);
    CHECK(mine->arn == "arn:aws:iam::123456789012:policy/DeployAccess");
    CHECK_FALSE(mine->is_aws_managed());
    CHECK(mine->document == R"({"Version":"2012-10-17"})");
    CHECK(iam::managed_policy::customer("12", "x").error().kind == iam::name_kind::account_id);
    CHECK(iam::managed_policy::customer("123456789012", "x", "/a//").error().code ==
          iam::name_errc::empty_path_segment);
    CHECK(iam::managed_policy::aws_managed("bad name").error().code == iam::name_errc::bad_character);
    CHECK(*mine < *view_only);  // digits sort before `aws`
    CHECK_FALSE(iam::managed_policy{}.is_aws_managed());
}

TEST_CASE("credentials and attachments: metadata only, comparable") {
    const iam::access_key key{iam::access_key_id{"AKIAIOSFODNN7EXAMPLE"}, iam::access_key_status::active,
                              iam::timestamp{std::chrono::seconds{1700000000}}};
    iam::access_key other = key;
    other.status = iam::access_key_status::inactive;
    CHECK(key != other);
    CHECK(key < other);
    const iam::login_profile login{iam::timestamp{}, true};
    CHECK(login == iam::login_profile{iam::timestamp{}, true});
    const iam::mfa_device phone{"arn:aws:iam::123456789012:mfa/alice", {}};
    CHECK(phone == iam::mfa_device{"arn:aws:iam::123456789012:mfa/alice", {}});
    const iam::inline_policy a{iam::inline_policy_name{"ReadLogs"}, "{}"};
    const iam::inline_policy b{iam::inline_policy_name{"deploy"}, "{}"};
    CHECK(b < a);  // "deploy" < "ReadLogs" ignoring case
    CHECK(iam::permissions_boundary{"arn:aws:iam::aws:policy/PowerUserAccess"} ==
          iam::permissions_boundary{"arn:aws:iam::aws:policy/PowerUserAccess"});
}

TEST_CASE("managed_policy: the default version is the document; other versions, ids and dates beside it") {
    auto p = iam::managed_policy::customer("123456789012", "Deploy", "/", "{}", "aws-cn").value();
    CHECK(p.arn == "arn:aws-cn:iam::123456789012:policy/Deploy");
    CHECK(p.default_version_id == "v1");
    CHECK(p.other_versions.empty());
    CHECK(p.policy_id.empty());
    auto q = p;
    q.other_versions.push_back(iam::managed_policy_version{"v2", "{}", iam::timestamp{}});
    CHECK(p != q);
    q.other_versions.clear();
    q.updated = iam::timestamp{std::chrono::seconds{1}};
    CHECK(p != q);
    CHECK_FALSE(p < q);  // ordered by ARN only
}
