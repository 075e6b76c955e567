// SPDX-License-Identifier: MIT
// Tests of include/iam/account.hpp: every operation, every quota, all-or-nothing
// failures (the account compares equal to a copy taken before), credentials.
#include <iam/account.hpp>
#include <iam/authorization_details.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "check.hpp"

namespace {

constexpr std::string_view read_objects =
    R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}})";
constexpr std::string_view deny_delete =
    R"({"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"s3:DeleteObject","Resource":"*"}})";
constexpr std::string_view change_password_document =
    R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["iam:ChangePassword"],"Resource":["arn:aws:iam::*:user/${aws:username}"]},{"Effect":"Allow","Action":["iam:GetAccountPasswordPolicy"],"Resource":"*"}]})";
constexpr std::string_view change_password_arn = "arn:aws:iam::aws:policy/IAMUserChangePassword";

iam::account make_account() { return iam::account::make("123456789012").value(); }

// A deterministic random source: the same seed gives the same credentials.
iam::random_source seeded(std::uint64_t seed) {
    return [generator = std::mt19937_64(seed)]() mutable { return generator(); };
}

// An identity policy of exactly `size` characters without white space.
std::string sized_policy(std::size_t size) {
    const std::string head =
        R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::)";
    const std::string tail = R"("}})";
    const std::size_t base = iam::policy_size(head + tail);
    REQUIRE(size >= base);
    return head + std::string(size - base, 'b') + tail;
}

std::string numbered(std::string_view prefix, std::size_t i) {
    std::string digits = std::to_string(i);
    return std::string(prefix) + std::string(5 - digits.size(), '0') + digits;
}

// Creates `count` users named u00000... in batches of 10.
void fill_users(iam::account& a, std::size_t count) {
    for (std::size_t first = 0; first < count; first += 10) {
        std::vector<iam::new_user> batch;
        for (std::size_t i = first; i < std::min(count, first + 10); ++i)
            batch.push_back(iam::new_user{.name = numbered("u", i)});
        REQUIRE(a.create_users(batch));
    }
}

// The error of a failed operation, checking that it changed nothing.
template <typename Operation>
iam::account_error fails_unchanged(iam::account& a, Operation&& operation) {
    const iam::account before = a;
    const auto outcome = operation(a);
    REQUIRE_FALSE(outcome);
    CHECK(a == before);
    return outcome.error();
}

}  // namespace

//=== constexpr claims ===//

static_assert(iam::is_long_term_access_key_id("AKIAIOSFODNN7EXAMPLE"));
static_assert(!iam::is_long_term_access_key_id("ASIAIOSFODNN7EXAMPLE"));  // temporary keys start ASIA
static_assert(!iam::is_long_term_access_key_id("AKIAIOSFODNN7EXAMPL1"));  // 1 is not base32
static_assert(!iam::is_long_term_access_key_id("AKIAIOSFODNN7EXAMPLE2"));
static_assert(iam::sign_in_host("aws") == std::string_view("signin.aws.amazon.com"));
static_assert(iam::sign_in_host("aws-cn") == std::string_view("signin.amazonaws.cn"));
static_assert(!iam::sign_in_host("aws-us-gov"));
static_assert(iam::aws_error_code(iam::account_errc::delete_conflict) == "DeleteConflict");
static_assert(iam::aws_error_code(iam::account_errc::already_exists) == "EntityAlreadyExists");
// UG reference_iam-quotas.html, "IAM object quotas" and "IAM and STS character limits".
static_assert(iam::quotas{}.groups_per_account == 300 && iam::quotas::max_groups_per_account == 500);
static_assert(iam::quotas{}.customer_managed_policies_per_account == 1500 &&
              iam::quotas::max_customer_managed_policies_per_account == 5000);
static_assert(iam::quotas{}.managed_policies_per_user == 10 && iam::quotas::max_managed_policies_per_user == 20);
static_assert(iam::quotas::users_per_account == 5000 && iam::quotas::groups_per_user == 10);
static_assert(iam::quotas::managed_policies_per_group == 10 && iam::quotas::tags_per_user == 50);
static_assert(iam::quotas::access_keys_per_user == 2 && iam::quotas::mfa_devices_per_user == 8);
static_assert(iam::quotas::user_inline_policy_size == 2048 && iam::quotas::group_inline_policy_size == 5120);
static_assert(iam::quotas::managed_policy_size == 6144 && iam::quotas::versions_per_managed_policy == 5);

//=== the account itself ===//

TEST_CASE("account: id, alias, partition and the sign-in URL") {
    auto a = make_account();
    CHECK(a.id().view() == "123456789012");
    CHECK(a.sign_in_url() == "https://123456789012.signin.aws.amazon.com/console");
    REQUIRE(a.set_alias("example-corp"));
    CHECK(a.sign_in_url() == "https://example-corp.signin.aws.amazon.com/console");
    CHECK(a.set_alias("Example").error().code == iam::account_errc::invalid_name);
    CHECK(a.alias()->view() == "example-corp");
    REQUIRE(a.set_alias(""));
    CHECK_FALSE(a.alias());
    CHECK(iam::account::make("123456789012", "acme", "aws-cn")->sign_in_url() ==
          "https://acme.signin.amazonaws.cn/console");
    CHECK_FALSE(iam::account::make("123456789012", "", "aws-us-gov")->sign_in_url());  // no documented host
    CHECK(iam::account::make("12345").error().field == "account_id");
    CHECK(iam::account::make("123456789012", "--").error().field == "alias");
    CHECK(iam::account::make("123456789012", "", "azure").error().field == "partition");
    CHECK(iam::sign_in_url("acme") == "https://acme.signin.aws.amazon.com/console");
}

TEST_CASE("account: password policy and quota settings stay within AWS's ranges") {
    auto a = make_account();
    iam::password_policy p;
    p.minimum_length = 5;
    CHECK(a.set_password_policy(p).error().code == iam::account_errc::invalid_setting);
    p.minimum_length = 129;
    CHECK(a.set_password_policy(p).error().field == "minimum_length");
    p.minimum_length = 14;
    p.max_age_days = 1096;
    CHECK(a.set_password_policy(p).error().field == "max_age_days");
    p.max_age_days = 90;
    p.reuse_prevention = 25;
    CHECK(a.set_password_policy(p).error().field == "reuse_prevention");
    p.reuse_prevention = 24;
    REQUIRE(a.set_password_policy(p));
    CHECK(a.password_policy() == p);
    REQUIRE(a.set_password_policy(std::nullopt));
    CHECK_FALSE(a.password_policy());

    iam::quotas q;
    q.groups_per_account = 501;
    CHECK(a.set_quotas(q).error().field == "groups_per_account");
    q.groups_per_account = 299;  // Service Quotas only raises
    CHECK(a.set_quotas(q).error().code == iam::account_errc::invalid_setting);
    q.groups_per_account = 500;
    q.managed_policies_per_user = 21;
    CHECK(a.set_quotas(q).error().field == "managed_policies_per_user");
    q.managed_policies_per_user = 20;
    q.customer_managed_policies_per_account = 5001;
    CHECK(a.set_quotas(q).error().field == "customer_managed_policies_per_account");
    q.customer_managed_policies_per_account = 5000;
    REQUIRE(a.set_quotas(q));
    CHECK(a.quotas() == q);
}

//=== creating users ===//

TEST_CASE("create_user: path, tags, ARN; nothing else unless asked") {
    auto a = make_account();
    const auto created =
        a.create_user(iam::new_user{.name = "alice", .path = "/engineering/", .tags = {{"team", "platform"}}}, {},
                      iam::timestamp{std::chrono::seconds{1700000000}});
    REQUIRE(created);
    CHECK_FALSE(created->password);
    CHECK_FALSE(created->access_key);
    CHECK_FALSE(created->sign_in_url);
    const iam::user* alice = a.find_user("ALICE");
    REQUIRE(alice != nullptr);
    CHECK(*alice == created->user);
    CHECK(alice->arn("123456789012") == "arn:aws:iam::123456789012:user/engineering/alice");
    CHECK(alice->tags == std::vector<iam::tag>{{"team", "platform"}});
    CHECK(alice->created.time_since_epoch().count() == 1700000000);
    CHECK_FALSE(alice->login);
    CHECK(alice->access_keys.empty());
    CHECK(alice->attached_policy_arns.empty());
}

TEST_CASE("create_user: every name is checked, with the field named") {
    auto a = make_account();
    const auto error = [&](iam::new_user u) {
        return fails_unchanged(a, [&](iam::account& x) { return x.create_user(u); });
    };
    CHECK(error({.name = "al ice"}).field == "name");
    CHECK(error({.name = std::string(65, 'a')}).code == iam::account_errc::invalid_name);
    CHECK(error({.name = "bob", .path = "engineering"}).field == "path");
    CHECK(error({.name = "bob", .tags = {{"aws:x", "1"}}}).field == "tags[0].key");
    CHECK(error({.name = "bob", .tags = {{"k", "bad!"}}}).field == "tags[0].value");
    const auto twice = error({.name = "bob", .tags = {{"Team", "a"}, {"team", "b"}}});
    CHECK(twice.field == "tags[1]");
    CHECK(twice.code == iam::account_errc::already_exists);
    CHECK(error({.name = "bob", .policy_arns = {"arn:aws:s3:::bucket"}}).code == iam::account_errc::invalid_arn);
    CHECK(error({.name = "bob", .policy_arns = {"arn:aws:iam::aws:policy/bad name"}}).field == "policy_arns[0]");
    CHECK(error({.name = "bob", .permissions_boundary_arn = "nonsense"}).field == "permissions_boundary_arn");
}

TEST_CASE("create_user: names are unique ignoring case, in the account and in a batch") {
    auto a = make_account();
    REQUIRE(a.create_user({.name = "Alice"}));
    const auto taken = fails_unchanged(a, [](iam::account& x) { return x.create_user({.name = "alice"}); });
    CHECK(taken.code == iam::account_errc::already_exists);
    CHECK(taken.entity == "user/alice");
    CHECK(taken.message().find("Alice") != std::string::npos);
    // A duplicate inside the batch, or against the account, creates nobody.
    const std::vector<iam::new_user> inside{{.name = "carol"}, {.name = "dave"}, {.name = "CAROL"}};
    CHECK(fails_unchanged(a, [&](iam::account& x) { return x.create_users(inside); }).code ==
          iam::account_errc::already_exists);
    const std::vector<iam::new_user> against{{.name = "erin"}, {.name = "ALICE"}};
    CHECK(fails_unchanged(a, [&](iam::account& x) { return x.create_users(against); }).entity == "user/ALICE");
    CHECK(a.find_user("carol") == nullptr);
    CHECK(a.find_user("erin") == nullptr);
}

TEST_CASE("create_users: up to 10 at once, all or none") {
    auto a = make_account();
    REQUIRE(a.create_group("Developers"));
    std::vector<iam::new_user> eleven;
    for (int i = 0; i < 11; ++i) eleven.push_back({.name = "user" + std::to_string(i)});
    const auto too_many = fails_unchanged(a, [&](iam::account& x) { return x.create_users(eleven); });
    CHECK(too_many.code == iam::account_errc::limit_exceeded);
    CHECK(too_many.field == "users_per_batch");
    eleven.pop_back();
    eleven[9].groups = {"Missing"};  // the last one fails: the nine before it are not created either
    const auto missing = fails_unchanged(a, [&](iam::account& x) { return x.create_users(eleven); });
    CHECK(missing.code == iam::account_errc::no_such_entity);
    CHECK(missing.entity == "user/user9");
    CHECK(missing.field == "groups[0]");
    CHECK(a.users().empty());
    eleven[9].groups = {"developers"};
    const auto created = a.create_users(eleven);
    REQUIRE(created);
    CHECK(created->size() == 10);
    CHECK(a.users().size() == 10);
    CHECK(a.find_user("user9")->groups == std::vector<std::string>{"Developers"});  // the group's own spelling
}

TEST_CASE("create_user: permissions three ways — groups, copy from a user, policies directly — and a boundary") {
    auto a = make_account();
    REQUIRE(a.create_group("Developers"));
    REQUIRE(a.create_group("Oncall"));
    const auto deploy = a.create_policy("Deploy", read_objects);
    REQUIRE(deploy);
    const std::string power_user = "arn:aws:iam::aws:policy/PowerUserAccess";
    REQUIRE(a.create_user({.name = "template",
                           .tags = {{"team", "blue"}},
                           .groups = {"Developers"},
                           .policy_arns = {deploy->arn},
                           .permissions_boundary_arn = power_user,
                           .console = iam::console_access{.custom_password = "Corr3ct-Horse!", .require_reset = false}},
                          seeded(1)));
    REQUIRE(a.put_user_policy("template", "ReadLogs", read_objects));
    // Copying takes groups, attached and inline policies and the boundary; not tags or credentials.
    const auto copied = a.create_user({.name = "bob",
                                       .groups = {"Oncall", "DEVELOPERS"},
                                       .copy_permissions_from = "Template",
                                       .policy_arns = {"arn:aws:iam::aws:policy/ReadOnlyAccess", deploy->arn}});
    REQUIRE(copied);
    const iam::user& bob = copied->user;
    CHECK(bob.groups == std::vector<std::string>{"Developers", "Oncall"});
    CHECK(bob.attached_policy_arns == std::vector<std::string>{deploy->arn, "arn:aws:iam::aws:policy/ReadOnlyAccess"});
    REQUIRE(bob.inline_policies.size() == 1);
    CHECK(bob.inline_policies[0].name.view() == "ReadLogs");
    CHECK(bob.boundary == iam::permissions_boundary{power_user});
    CHECK(bob.tags.empty());
    CHECK_FALSE(bob.login);
    // An explicit boundary overrides the copied one.
    const auto carol = a.create_user({.name = "carol",
                                      .copy_permissions_from = "template",
                                      .permissions_boundary_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"});
    REQUIRE(carol);
    CHECK(carol->user.boundary->policy_arn == "arn:aws:iam::aws:policy/ReadOnlyAccess");
    // The AWS managed policies in use are noted, documents unknown.
    REQUIRE(a.aws_managed_policies().size() == 2);
    CHECK(a.aws_managed_policies()[0].arn == power_user);
    CHECK(a.aws_managed_policies()[1].name == "ReadOnlyAccess");
    CHECK(a.aws_managed_policies()[1].document.empty());
    // Copying from nobody, another account's policy, another partition's, an unknown own policy.
    CHECK(fails_unchanged(a, [](iam::account& x) {
              return x.create_user({.name = "dan", .copy_permissions_from = "nobody"});
          }).field == "copy_permissions_from");
    CHECK(fails_unchanged(a, [](iam::account& x) {
              return x.create_user({.name = "dan", .policy_arns = {"arn:aws:iam::210987654321:policy/Theirs"}});
          }).code == iam::account_errc::invalid_arn);
    CHECK(fails_unchanged(a, [](iam::account& x) {
              return x.create_user({.name = "dan", .policy_arns = {"arn:aws-cn:iam::aws:policy/ReadOnlyAccess"}});
          }).code == iam::account_errc::invalid_arn);
    CHECK(fails_unchanged(a, [](iam::account& x) {
              return x.create_user(
                  {.name = "dan", .permissions_boundary_arn = "arn:aws:iam::123456789012:policy/Missing"});
          }).code == iam::account_errc::no_such_entity);
}

//=== credentials ===//

TEST_CASE("console access: a generated password follows the password policy; deterministic with a seeded source") {
    auto a = make_account();
    // No account policy: AWS's default, 8+ characters and three of the four kinds; generated with all four.
    const auto first = a.create_user({.name = "alice", .console = iam::console_access{}}, seeded(7));
    REQUIRE(first);
    REQUIRE(first->password);
    CHECK(first->password->size() == 20);
    CHECK(iam::check_password(*first->password, std::nullopt));
    CHECK(first->sign_in_url == "https://123456789012.signin.aws.amazon.com/console");
    auto again = make_account();
    CHECK(again.create_user({.name = "alice", .console = iam::console_access{}}, seeded(7))->password ==
          first->password);

    iam::password_policy strict;
    strict.minimum_length = 32;
    strict.require_symbols = strict.require_numbers = strict.require_uppercase = strict.require_lowercase = true;
    REQUIRE(a.set_password_policy(strict));
    for (std::uint64_t seed = 0; seed < 50; ++seed) {
        const std::string password = iam::generate_password(strict, seeded(seed));
        CHECK(password.size() == 32);
        CHECK(iam::check_password(password, strict));
    }
    // Without a random source no password can be generated.
    CHECK(fails_unchanged(a, [](iam::account& x) {
              return x.create_user({.name = "bob", .console = iam::console_access{}});
          }).field == "random");
}

TEST_CASE("console access: a custom password is checked against the password policy") {
    auto a = make_account();
    // AWS's default rules.
    CHECK(iam::check_password("Abcdef1!", std::nullopt));
    CHECK(iam::check_password("abcdef1!", std::nullopt));  // three kinds suffice
    CHECK(iam::check_password("abcdefgh1", std::nullopt).error().message().find("three") != std::string::npos);
    CHECK(iam::check_password("Ab1!", std::nullopt).error().code == iam::account_errc::invalid_password);
    CHECK_FALSE(iam::check_password(std::string(129, 'a') + "A1", std::nullopt));
    CHECK_FALSE(iam::check_password("Abcdef1\x01", std::nullopt));          // outside passwordType
    CHECK_FALSE(iam::check_password("Abcdef1\xC3", std::nullopt));          // not UTF-8
    CHECK(iam::check_password("Abcdef1\xC3\xA9", std::nullopt));            // U+00E9 is allowed
    CHECK_FALSE(iam::check_password("Abcdef1\xE2\x82\xAC", std::nullopt));  // U+20AC is not

    iam::password_policy policy;
    policy.minimum_length = 10;
    policy.require_symbols = true;
    REQUIRE(a.set_password_policy(policy));
    const auto refused = fails_unchanged(a, [](iam::account& x) {
        return x.create_user({.name = "bob", .console = iam::console_access{.custom_password = "longenough1"}});
    });
    CHECK(refused.code == iam::account_errc::invalid_password);
    CHECK(refused.field == "password");
    CHECK(refused.entity == "user/bob");
    CHECK(refused.message().find("symbols") != std::string::npos);
    CHECK(fails_unchanged(a,
                          [](iam::account& x) {
                              return x.create_user(
                                  {.name = "bob", .console = iam::console_access{.custom_password = "sh0rt!"}});
                          })
              .message()
              .find("10") != std::string::npos);
    const auto accepted =
        a.create_user({.name = "bob", .console = iam::console_access{.custom_password = "long-enough"}});
    REQUIRE(accepted);
    CHECK(accepted->password == "long-enough");
}

TEST_CASE(
    "console access: IAMUserChangePassword is attached exactly when a reset is required and users cannot change "
    "passwords") {
    auto a = make_account();
    // No password policy: users may not change their own password, so the reset needs the policy.
    auto reset = a.create_user({.name = "a1", .console = iam::console_access{.require_reset = true}}, seeded(1));
    REQUIRE(reset);
    CHECK(reset->user.attached_policy_arns == std::vector<std::string>{std::string(change_password_arn)});
    CHECK(reset->user.login->password_reset_required);
    auto no_reset = a.create_user({.name = "a2", .console = iam::console_access{.require_reset = false}}, seeded(1));
    REQUIRE(no_reset);
    CHECK(no_reset->user.attached_policy_arns.empty());
    CHECK_FALSE(no_reset->user.login->password_reset_required);

    iam::password_policy allows;
    allows.allow_users_to_change_password = true;
    REQUIRE(a.set_password_policy(allows));
    auto allowed = a.create_user({.name = "a3", .console = iam::console_access{.require_reset = true}}, seeded(1));
    REQUIRE(allowed);
    CHECK(allowed->user.attached_policy_arns.empty());  // the account setting already lets them
    CHECK(allowed->user.login->password_reset_required);

    allows.allow_users_to_change_password = false;
    REQUIRE(a.set_password_policy(allows));
    auto disallowed = a.create_user({.name = "a4",
                                     .policy_arns = {std::string(change_password_arn)},
                                     .console = iam::console_access{.require_reset = true}},
                                    seeded(1));
    REQUIRE(disallowed);
    CHECK(disallowed->user.attached_policy_arns.size() == 1);  // attached once, not twice

    // On an existing user too, and not twice.
    REQUIRE(a.create_user({.name = "a5"}));
    const auto password = a.create_login_profile("a5", iam::console_access{}, seeded(2));
    REQUIRE(password);
    CHECK(a.find_user("a5")->attached_policy_arns == std::vector<std::string>{std::string(change_password_arn)});
    CHECK(a.create_login_profile("a5", iam::console_access{}, seeded(2)).error().code ==
          iam::account_errc::already_exists);
    REQUIRE(a.delete_login_profile("a5"));
    CHECK_FALSE(a.find_user("a5")->login);
    CHECK(a.delete_login_profile("a5").error().code == iam::account_errc::no_such_entity);
}

TEST_CASE("programmatic access: AWS's key id format; the secret is returned once and never stored") {
    auto a = make_account();
    const auto created = a.create_user({.name = "ci", .programmatic_access = true}, seeded(3),
                                       iam::timestamp{std::chrono::seconds{1700000000}});
    REQUIRE(created);
    REQUIRE(created->access_key);
    const iam::access_key_pair& pair = *created->access_key;
    CHECK(iam::is_long_term_access_key_id(pair.id.view()));
    CHECK(pair.secret.size() == 40);
    CHECK(pair.secret.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/") ==
          std::string::npos);
    const iam::user& ci = *a.find_user("ci");
    REQUIRE(ci.access_keys.size() == 1);
    CHECK(ci.access_keys[0].id == pair.id);
    CHECK(ci.access_keys[0].status == iam::access_key_status::active);
    CHECK(ci.access_keys[0].created.time_since_epoch().count() == 1700000000);
    CHECK_FALSE(created->password);  // only what was asked for
    // Nothing the account holds or writes contains the secret.
    CHECK(iam::save_authorization_details(a).find(pair.secret) == std::string::npos);
    CHECK(iam::save_authorization_details(a).find(pair.id.view()) != std::string::npos);
    // A second key is a different pair; a third is over the quota.
    const auto second = a.create_access_key("ci", seeded(4));
    REQUIRE(second);
    CHECK(second->id != pair.id);
    CHECK(second->secret != pair.secret);
    const auto third = fails_unchanged(a, [](iam::account& x) { return x.create_access_key("ci", seeded(5)); });
    CHECK(third.field == "access_keys_per_user");
    REQUIRE(a.delete_access_key("ci", pair.id.view()));
    CHECK(a.find_user("ci")->access_keys.size() == 1);
    CHECK(a.delete_access_key("ci", pair.id.view()).error().code == iam::account_errc::no_such_entity);
    CHECK(a.create_access_key("ci", {}).error().field == "random");
    // A source that repeats itself cannot produce a fresh id; nothing changes.
    const iam::random_source stuck = [] { return std::uint64_t{0}; };
    REQUIRE(a.create_access_key("ci", stuck));
    REQUIRE(a.create_user({.name = "ci2"}));
    CHECK(fails_unchanged(a, [&](iam::account& x) { return x.create_access_key("ci2", stuck); }).code ==
          iam::account_errc::already_exists);
}

TEST_CASE("MFA devices: registered by name, serial number is the device ARN, at most 8 in use") {
    auto a = make_account();
    REQUIRE(a.create_user({.name = "alice"}));
    REQUIRE(a.create_user({.name = "bob"}));
    const auto serial = a.enable_mfa_device("alice", "alice-phone");
    REQUIRE(serial);
    CHECK(*serial == "arn:aws:iam::123456789012:mfa/alice-phone");
    CHECK(a.find_user("alice")->mfa_devices[0].serial_number == *serial);
    CHECK(fails_unchanged(a, [](iam::account& x) { return x.enable_mfa_device("bob", "alice-phone"); }).code ==
          iam::account_errc::already_exists);
    CHECK(fails_unchanged(a, [](iam::account& x) { return x.enable_mfa_device("bob", "bad name"); }).field ==
          "device_name");
    for (int i = 1; i < 8; ++i) REQUIRE(a.enable_mfa_device("alice", "key" + std::to_string(i)));
    CHECK(fails_unchanged(a, [](iam::account& x) { return x.enable_mfa_device("alice", "key8"); }).field ==
          "mfa_devices_per_user");
    REQUIRE(a.deactivate_mfa_device("alice", *serial));
    CHECK(a.find_user("alice")->mfa_devices.size() == 7);
    CHECK(a.deactivate_mfa_device("alice", *serial).error().code == iam::account_errc::no_such_entity);
}

//=== quotas ===//

TEST_CASE("quota: 5,000 users per account") {
    auto a = make_account();
    fill_users(a, iam::quotas::users_per_account);
    CHECK(a.users().size() == 5000);
    const auto over = fails_unchanged(a, [](iam::account& x) { return x.create_user({.name = "one-more"}); });
    CHECK(over.code == iam::account_errc::limit_exceeded);
    CHECK(over.field == "users_per_account");
    REQUIRE(a.delete_user("u00000"));
    CHECK(a.create_user({.name = "one-more"}));
}

TEST_CASE("quota: 300 groups per account, raisable to 500") {
    auto a = make_account();
    for (std::size_t i = 0; i < 300; ++i) REQUIRE(a.create_group(numbered("g", i)));
    CHECK(fails_unchanged(a, [](iam::account& x) { return x.create_group("g-more"); }).field == "groups_per_account");
    iam::quotas raised;
    raised.groups_per_account = 500;
    REQUIRE(a.set_quotas(raised));
    for (std::size_t i = 300; i < 500; ++i) REQUIRE(a.create_group(numbered("g", i)));
    CHECK(a.create_group("g-more").error().code == iam::account_errc::limit_exceeded);
}

TEST_CASE("quota: 1,500 customer managed policies per account, raisable; 6,144 characters each") {
    auto a = make_account();
    for (std::size_t i = 0; i < 1500; ++i) REQUIRE(a.create_policy(numbered("p", i), read_objects));
    CHECK(fails_unchanged(a, [](iam::account& x) { return x.create_policy("extra", read_objects); }).field ==
          "customer_managed_policies_per_account");
    iam::quotas raised;
    raised.customer_managed_policies_per_account = 1501;
    REQUIRE(a.set_quotas(raised));
    const auto too_big = fails_unchanged(a, [](iam::account& x) { return x.create_policy("big", sized_policy(6145)); });
    CHECK(too_big.code == iam::account_errc::limit_exceeded);
    CHECK(too_big.field == "document");
    REQUIRE(a.create_policy("big", sized_policy(6144) + "\n   "));  // white space is not counted
}

TEST_CASE("quota: 10 groups per user") {
    auto a = make_account();
    std::vector<std::string> eleven;
    for (std::size_t i = 0; i < 11; ++i) {
        eleven.push_back(numbered("g", i));
        REQUIRE(a.create_group(eleven.back()));
    }
    CHECK(fails_unchanged(a, [&](iam::account& x) {
              return x.create_user({.name = "alice", .groups = eleven});
          }).field == "groups_per_user");
    eleven.pop_back();
    REQUIRE(a.create_user({.name = "alice", .groups = eleven}));
    CHECK(fails_unchanged(a, [](iam::account& x) { return x.add_user_to_group("alice", "g00010"); }).field ==
          "groups_per_user");
    CHECK(a.add_user_to_group("alice", "g00009"));  // a member already: no change, no error
}

TEST_CASE("quota: 10 managed policies per user (raisable to 20), 10 per group") {
    auto a = make_account();
    std::vector<std::string> arns;
    for (std::size_t i = 0; i < 21; ++i) arns.push_back("arn:aws:iam::aws:policy/" + numbered("Policy", i));
    const std::vector<std::string> eleven(arns.begin(), arns.begin() + 11);
    CHECK(fails_unchanged(a, [&](iam::account& x) {
              return x.create_user({.name = "alice", .policy_arns = eleven});
          }).field == "managed_policies_per_user");
    const std::vector<std::string> ten(arns.begin(), arns.begin() + 10);
    REQUIRE(a.create_user({.name = "alice", .policy_arns = ten}));
    CHECK(fails_unchanged(a, [&](iam::account& x) { return x.attach_user_policy("alice", arns[10]); }).field ==
          "managed_policies_per_user");
    // Requiring a password reset would attach an eleventh: refused.
    CHECK(fails_unchanged(a, [](iam::account& x) {
              return x.create_login_profile("alice", iam::console_access{}, seeded(1));
          }).field == "managed_policies_per_user");
    CHECK(fails_unchanged(a, [&](iam::account& x) {
              return x.create_user({.name = "bob", .policy_arns = ten, .console = iam::console_access{}}, seeded(1));
          }).field == "managed_policies_per_user");
    iam::quotas raised;
    raised.managed_policies_per_user = 20;
    REQUIRE(a.set_quotas(raised));
    for (std::size_t i = 10; i < 20; ++i) REQUIRE(a.attach_user_policy("alice", arns[i]));
    CHECK(a.attach_user_policy("alice", arns[20]).error().code == iam::account_errc::limit_exceeded);

    REQUIRE(a.create_group("Admins"));
    for (std::size_t i = 0; i < 10; ++i) REQUIRE(a.attach_group_policy("Admins", arns[i]));
    CHECK(fails_unchanged(a, [&](iam::account& x) { return x.attach_group_policy("Admins", arns[10]); }).field ==
          "managed_policies_per_group");
}

TEST_CASE("quota: 50 tags per user") {
    auto a = make_account();
    std::vector<iam::tag> tags;
    for (std::size_t i = 0; i < 51; ++i) tags.push_back({numbered("k", i), "v"});
    CHECK(fails_unchanged(a, [&](iam::account& x) { return x.create_user({.name = "alice", .tags = tags}); }).field ==
          "tags_per_user");
    tags.pop_back();
    REQUIRE(a.create_user({.name = "alice", .tags = tags}));
    const std::vector<iam::tag> one_more{{"extra", "v"}};
    CHECK(fails_unchanged(a, [&](iam::account& x) { return x.tag_user("alice", one_more); }).field == "tags_per_user");
    const std::vector<iam::tag> replace{{"K00000", "new"}};  // same key ignoring case: replaced, still 50
    REQUIRE(a.tag_user("alice", replace));
    CHECK(a.find_user("alice")->tags.size() == 50);
}

TEST_CASE("quota: inline policies of a user total 2,048 characters, of a group 5,120 (white space not counted)") {
    auto a = make_account();
    REQUIRE(a.create_user({.name = "alice"}));
    REQUIRE(a.put_user_policy("alice", "First", sized_policy(1000)));
    REQUIRE(a.put_user_policy("alice", "Second", sized_policy(1048) + "\n\n  \t"));
    const auto over =
        fails_unchanged(a, [](iam::account& x) { return x.put_user_policy("alice", "Third", sized_policy(200)); });
    CHECK(over.code == iam::account_errc::limit_exceeded);
    CHECK(over.field == "user_inline_policy_size");
    // Replacing a policy counts its new size only.
    REQUIRE(a.put_user_policy("alice", "second", sized_policy(900)));
    REQUIRE(a.find_user("alice")->inline_policies.size() == 2);
    CHECK(a.find_user("alice")->inline_policies[1].name.view() == "second");
    CHECK(fails_unchanged(a, [](iam::account& x) {
              return x.put_user_policy("alice", "Big", sized_policy(2049));
          }).code == iam::account_errc::limit_exceeded);

    REQUIRE(a.create_group("Admins"));
    for (const char* name : {"A", "B", "C", "D", "E"}) REQUIRE(a.put_group_policy("Admins", name, sized_policy(1024)));
    CHECK(fails_unchanged(a, [](iam::account& x) {
              return x.put_group_policy("Admins", "F", sized_policy(200));
          }).field == "group_inline_policy_size");
}

//=== groups, attachments, inline policies, boundary, tags ===//

TEST_CASE("groups: create, unique ignoring case, membership, delete refused while in use") {
    auto a = make_account();
    REQUIRE(a.create_group("Admins", "/ops/"));
    CHECK(a.find_group("admins")->arn("123456789012") == "arn:aws:iam::123456789012:group/ops/Admins");
    CHECK(fails_unchanged(a, [](iam::account& x) { return x.create_group("ADMINS"); }).code ==
          iam::account_errc::already_exists);
    CHECK(fails_unchanged(a, [](iam::account& x) { return x.create_group("bad name"); }).field == "name");
    CHECK(fails_unchanged(a, [](iam::account& x) { return x.create_group("ok", "no-slash"); }).field == "path");
    REQUIRE(a.create_user({.name = "alice"}));
    REQUIRE(a.add_user_to_group("alice", "admins"));
    CHECK(a.find_user("alice")->groups == std::vector<std::string>{"Admins"});
    CHECK(a.add_user_to_group("alice", "missing").error().code == iam::account_errc::no_such_entity);
    CHECK(a.add_user_to_group("nobody", "Admins").error().entity == "user/nobody");
    REQUIRE(a.put_group_policy("Admins", "Read", read_objects));
    const auto conflict = fails_unchanged(a, [](iam::account& x) { return x.delete_group("Admins"); });
    CHECK(conflict.code == iam::account_errc::delete_conflict);
    CHECK(conflict.message().find("1 member") != std::string::npos);
    REQUIRE(a.remove_user_from_group("alice", "ADMINS"));
    CHECK(a.find_user("alice")->groups.empty());
    CHECK(a.remove_user_from_group("alice", "Admins").error().code == iam::account_errc::no_such_entity);
    CHECK(a.delete_group("Admins").error().code == iam::account_errc::delete_conflict);  // its inline policy
    REQUIRE(a.add_user_to_group("alice", "Admins"));
    REQUIRE(a.delete_group("Admins", iam::on_dependents::remove));
    CHECK(a.find_group("Admins") == nullptr);
    CHECK(a.find_user("alice")->groups.empty());
    CHECK(a.delete_group("Admins").error().code == iam::account_errc::no_such_entity);
}

TEST_CASE("managed policies: create, attach and detach for users and groups") {
    auto a = make_account();
    const auto deploy = a.create_policy("Deploy", read_objects, "/team/", "Lets the pipeline deploy",
                                        iam::timestamp{std::chrono::seconds{1600000000}});
    REQUIRE(deploy);
    CHECK(deploy->arn == "arn:aws:iam::123456789012:policy/team/Deploy");
    CHECK(deploy->description == "Lets the pipeline deploy");
    CHECK(a.find_managed_policy(deploy->arn)->document == std::string(read_objects));
    CHECK(fails_unchanged(a, [](iam::account& x) { return x.create_policy("DEPLOY", read_objects); }).code ==
          iam::account_errc::already_exists);
    // CreatePolicy needs Version 2012-10-17.
    CHECK(fails_unchanged(a, [](iam::account& x) {
              return x.create_policy("Old", R"({"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}})");
          }).code == iam::account_errc::invalid_policy);
    CHECK(fails_unchanged(a, [](iam::account& x) { return x.create_policy("p", read_objects, "/a//"); }).field ==
          "path");
    CHECK(fails_unchanged(a, [](iam::account& x) {
              return x.create_policy("p", read_objects, "/", std::string(1001, 'd'));
          }).field == "description");

    REQUIRE(a.create_user({.name = "alice"}));
    REQUIRE(a.create_group("Admins"));
    REQUIRE(a.attach_user_policy("alice", deploy->arn));
    REQUIRE(a.attach_user_policy("alice", deploy->arn));  // again: no change
    CHECK(a.find_user("alice")->attached_policy_arns == std::vector<std::string>{deploy->arn});
    REQUIRE(a.attach_group_policy("Admins", "arn:aws:iam::aws:policy/AdministratorAccess"));
    CHECK(a.aws_managed_policies().front().arn == "arn:aws:iam::aws:policy/AdministratorAccess");
    CHECK(fails_unchanged(a, [](iam::account& x) {
              return x.attach_user_policy("alice", "arn:aws:iam::123456789012:policy/Missing");
          }).code == iam::account_errc::no_such_entity);
    REQUIRE(a.detach_user_policy("alice", deploy->arn));
    CHECK(a.find_user("alice")->attached_policy_arns.empty());
    CHECK(a.detach_user_policy("alice", deploy->arn).error().code == iam::account_errc::no_such_entity);
    REQUIRE(a.detach_group_policy("Admins", "arn:aws:iam::aws:policy/AdministratorAccess"));
    CHECK(a.detach_group_policy("Admins", "arn:aws:iam::aws:policy/AdministratorAccess").error().entity ==
          "group/Admins");
    CHECK(a.attach_group_policy("Nobody", deploy->arn).error().code == iam::account_errc::no_such_entity);
}

TEST_CASE("inline policies: put, replace, delete; invalid documents refused with the reason") {
    auto a = make_account();
    REQUIRE(a.create_user({.name = "alice"}));
    REQUIRE(a.put_user_policy("alice", "Read",
                              "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": {\"Effect\": \"Allow\", "
                              "\"Action\": \"s3:GetObject\", \"Resource\": \"*\"}\n}"));
    CHECK(a.find_user("alice")->inline_policies[0].document == std::string(read_objects));  // stored compact
    const auto bad = fails_unchanged(a, [](iam::account& x) {
        return x.put_user_policy("alice", "Bad", R"({"Statement":{"Effect":"Maybe","Action":"*","Resource":"*"}})");
    });
    CHECK(bad.code == iam::account_errc::invalid_policy);
    CHECK(bad.message().find("/Statement/Effect") != std::string::npos);
    CHECK(fails_unchanged(a, [](iam::account& x) { return x.put_user_policy("alice", "Bad", "{"); }).code ==
          iam::account_errc::invalid_policy);
    CHECK(fails_unchanged(a, [](iam::account& x) {
              return x.put_user_policy("alice", "bad name", read_objects);
          }).field == "policy_name");
    // A character outside U+0020–U+00FF.
    CHECK(fails_unchanged(a, [](iam::account& x) {
              return x.put_user_policy(
                  "alice", "Euro",
                  "{\"Version\":\"2012-10-17\",\"Statement\":{\"Sid\":\"A\",\"Effect\":\"Allow\",\"Action\":"
                  "\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::\xE2\x82\xAC\"}}");
          }).code == iam::account_errc::invalid_policy);
    REQUIRE(a.put_user_policy("alice", "READ", deny_delete));  // same name ignoring case: replaced
    REQUIRE(a.find_user("alice")->inline_policies.size() == 1);
    CHECK(a.find_user("alice")->inline_policies[0].name.view() == "READ");
    REQUIRE(a.delete_user_policy("alice", "read"));
    CHECK(a.find_user("alice")->inline_policies.empty());
    CHECK(a.delete_user_policy("alice", "read").error().code == iam::account_errc::no_such_entity);
    REQUIRE(a.create_group("Admins"));
    REQUIRE(a.put_group_policy("Admins", "Read", read_objects));
    REQUIRE(a.delete_group_policy("Admins", "Read"));
    CHECK(a.delete_group_policy("Admins", "Read").error().entity == "group/Admins");
}

TEST_CASE("permissions boundary: set, replace, delete") {
    auto a = make_account();
    REQUIRE(a.create_user({.name = "alice"}));
    REQUIRE(a.set_user_permissions_boundary("alice", "arn:aws:iam::aws:policy/PowerUserAccess"));
    CHECK(a.find_user("alice")->boundary->policy_arn == "arn:aws:iam::aws:policy/PowerUserAccess");
    CHECK(fails_unchanged(a, [](iam::account& x) {
              return x.set_user_permissions_boundary("alice", "arn:aws:iam::123456789012:policy/Missing");
          }).code == iam::account_errc::no_such_entity);
    REQUIRE(a.delete_user_permissions_boundary("alice"));
    CHECK_FALSE(a.find_user("alice")->boundary);
    CHECK(a.delete_user_permissions_boundary("alice").error().code == iam::account_errc::no_such_entity);
}

TEST_CASE("tags: add, replace ignoring key case, remove ignoring case") {
    auto a = make_account();
    REQUIRE(a.create_user({.name = "alice", .tags = {{"Department", "finance"}}}));
    const std::vector<iam::tag> update{{"department", "hr"}, {"cost center", "12"}};
    REQUIRE(a.tag_user("alice", update));
    CHECK(a.find_user("alice")->tags == std::vector<iam::tag>{{"department", "hr"}, {"cost center", "12"}});
    const std::vector<iam::tag> bad{{"ok", "v"}, {"aws:reserved", "v"}};
    CHECK(fails_unchanged(a, [&](iam::account& x) { return x.tag_user("alice", bad); }).field == "tags[1].key");
    const std::vector<std::string> keys{"DEPARTMENT", "absent"};
    REQUIRE(a.untag_user("alice", keys));
    CHECK(a.find_user("alice")->tags == std::vector<iam::tag>{{"cost center", "12"}});
    const std::vector<std::string> bad_keys{"aws:x"};
    CHECK(a.untag_user("alice", bad_keys).error().field == "keys[0]");
    CHECK(a.tag_user("nobody", update).error().code == iam::account_errc::no_such_entity);
}

TEST_CASE("delete_user: refused while it holds anything, like DeleteConflict, unless asked to remove it") {
    auto a = make_account();
    REQUIRE(a.create_group("Developers"));
    REQUIRE(a.create_user(
        {.name = "alice", .groups = {"Developers"}, .console = iam::console_access{}, .programmatic_access = true},
        seeded(9)));
    REQUIRE(a.enable_mfa_device("alice", "phone"));
    REQUIRE(a.put_user_policy("alice", "Read", read_objects));
    const auto conflict = fails_unchanged(a, [](iam::account& x) { return x.delete_user("alice"); });
    CHECK(conflict.code == iam::account_errc::delete_conflict);
    CHECK(iam::aws_error_code(conflict.code) == "DeleteConflict");
    for (const char* held : {"console password", "1 access key", "1 MFA device", "1 inline", "1 attached", "1 group"})
        CHECK(conflict.message().find(held) != std::string::npos);
    REQUIRE(a.delete_user("ALICE", iam::on_dependents::remove));
    CHECK(a.find_user("alice") == nullptr);
    CHECK(a.delete_user("alice").error().code == iam::account_errc::no_such_entity);
    REQUIRE(a.create_user({.name = "bob", .tags = {{"team", "x"}}}));
    CHECK(a.delete_user("bob"));  // tags hold nothing
}

//=== evaluation ===//

TEST_CASE("policy sets: user inline and managed, then each group's, then the boundary; AWS documents from a lookup") {
    auto a = make_account();
    REQUIRE(a.create_group("Readers"));
    REQUIRE(a.put_group_policy("Readers", "ReadAll", read_objects));
    REQUIRE(a.attach_group_policy("Readers", "arn:aws:iam::aws:policy/IAMUserChangePassword"));
    const auto guard = a.create_policy("Guard", deny_delete);
    REQUIRE(guard);
    REQUIRE(a.create_user({.name = "alice",
                           .groups = {"Readers"},
                           .policy_arns = {guard->arn},
                           .permissions_boundary_arn = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"}));
    REQUIRE(a.put_user_policy("alice", "Own", deny_delete));
    // Without a lookup the AWS managed documents are unknown.
    const auto unresolved = a.policy_set_for("alice");
    CHECK(unresolved.error().code == iam::account_errc::unresolved_policy);
    CHECK(unresolved.error().field == "arn:aws:iam::aws:policy/IAMUserChangePassword");
    const iam::policy_lookup lookup = [](std::string_view arn) -> std::optional<std::string_view> {
        if (arn == "arn:aws:iam::aws:policy/IAMUserChangePassword") return change_password_document;
        if (arn == "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess")
            return R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":["s3:Get*","s3:List*"],"Resource":"*"}})";
        return std::nullopt;
    };
    const auto set = a.policy_set_for("alice", lookup);
    REQUIRE(set);
    std::vector<std::string> names;
    for (const iam::named_policy& p : set->identity) names.push_back(p.name);
    CHECK(names == std::vector<std::string>{"user/alice:Own", guard->arn, "group/Readers:ReadAll",
                                            "arn:aws:iam::aws:policy/IAMUserChangePassword"});
    REQUIRE(set->boundary.size() == 1);
    CHECK(set->boundary[0].name == "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess");
    CHECK(a.policy_set_for("nobody", lookup).error().code == iam::account_errc::no_such_entity);

    iam::policy_cache cache;
    const auto prepared = a.prepare_policies_for("alice", cache, lookup);
    REQUIRE(prepared);
    const iam::compiled_policy_set user = prepared->compile();
    const std::string caller = a.find_user("alice")->arn(a.id());
    CHECK(user.evaluate({"s3:GetObject", "arn:aws:s3:::b/k", caller, "", {}}).decision == iam::decision::allowed);
    CHECK(user.evaluate({"s3:DeleteObject", "arn:aws:s3:::b/k", caller, "", {}}).decision ==
          iam::decision::explicit_deny);
    // Allowed by the identity policies (IAMUserChangePassword) but not by the boundary.
    CHECK(user.evaluate({"iam:GetAccountPasswordPolicy", "*", caller, "", {}}).decision ==
          iam::decision::implicit_deny);
    // The same documents prepared for another user are shared through the cache.
    REQUIRE(a.create_user({.name = "bob", .groups = {"Readers"}}));
    const auto bob = a.prepare_policies_for("bob", cache, lookup);
    REQUIRE(bob);
    CHECK(bob->identity[0].policy == prepared->identity[2].policy);
}
