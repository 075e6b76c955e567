// SPDX-License-Identifier: MIT
// Tests of include/iam/names.hpp: every rule of every kind, its boundaries, and the
// constexpr claims (each IAM_CHECK_BOTH is a static_assert as well as a CHECK).
#include <iam/names.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <random>
#include <regex>
#include <string>
#include <type_traits>

#include "check.hpp"

using iam::name_errc;
using iam::name_error;
using iam::name_kind;

namespace {

constexpr name_error err(name_kind kind, name_errc rule, std::uint32_t offset = 0) { return {rule, offset, kind}; }

// A string of `n` copies of `c`, for length boundaries.
std::string repeat(std::size_t n, char c = 'a') { return std::string(n, c); }

}  // namespace

// Namespace-scope claims: compiling this file is the test.
static_assert(iam::is_valid_user_name("alice"));
static_assert(iam::is_valid_user_name("a+b=c,d.e@f_g-h"));
static_assert(!iam::is_valid_user_name(""));
static_assert(!iam::is_valid_user_name("al ice"));
static_assert(iam::is_valid_path("/"));
static_assert(iam::is_valid_path("/division_abc/subdivision_xyz/"));
static_assert(iam::is_valid_account_id("123456789012"));
static_assert(iam::is_valid_account_alias("my-company"));
static_assert(iam::is_valid_tag_key("Département"));
static_assert(iam::is_valid_tag_value(""));
static_assert(iam::is_valid_access_key_id("AKIAIOSFODNN7EXAMPLE"));

TEST_CASE("user names: AWS's set [\\w+=,.@-], 1 to 64 characters") {
    // UG reference_iam-quotas, API CreateUser UserName: pattern [\w+=,.@-]+, 1-64.
    IAM_CHECK_BOTH(iam::check_user_name("alice").ok());
    IAM_CHECK_BOTH(iam::check_user_name("Z") == err(name_kind::user, name_errc::ok));
    IAM_CHECK_BOTH(iam::check_user_name("") == err(name_kind::user, name_errc::empty));
    IAM_CHECK_BOTH(iam::check_user_name("al ice") == err(name_kind::user, name_errc::bad_character, 2));
    IAM_CHECK_BOTH(iam::check_user_name("alice/") == err(name_kind::user, name_errc::bad_character, 5));
    IAM_CHECK_BOTH(iam::check_user_name("éa") == err(name_kind::user, name_errc::bad_character, 0));
    IAM_CHECK_BOTH(iam::is_valid_user_name("0123456789012345678901234567890123456789012345678901234567890123"));
    IAM_CHECK_BOTH(iam::check_user_name("01234567890123456789012345678901234567890123456789012345678901234") ==
                   err(name_kind::user, name_errc::too_long));
    CHECK(iam::is_valid_user_name(repeat(1)));
    CHECK(iam::is_valid_user_name(repeat(64)));
    CHECK(iam::check_user_name(repeat(65)).code == name_errc::too_long);
    CHECK(iam::check_user_name(repeat(0)).code == name_errc::empty);
}

TEST_CASE("user names: every byte value 0-255 at the first, a middle and the last position") {
    const std::string allowed = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_+=,.@-";
    for (int b = 0; b < 256; ++b) {
        const char c = static_cast<char>(b);
        const bool ok = allowed.find(c) != std::string::npos;
        for (std::size_t pos : {std::size_t{0}, std::size_t{3}, std::size_t{63}}) {
            std::string name = repeat(64, 'x');
            name[pos] = c;
            const name_error e = iam::check_user_name(name);
            CAPTURE(b);
            CAPTURE(pos);
            if (ok) {
                CHECK(e.ok());
            } else {
                CHECK(e == err(name_kind::user, name_errc::bad_character, static_cast<std::uint32_t>(pos)));
            }
        }
    }
}

TEST_CASE("group, role and policy names: same set, their own lengths") {
    // API: groupNameType 1-128, roleNameType 1-64, policyNameType 1-128.
    CHECK(iam::is_valid_group_name(repeat(128)));
    CHECK(iam::check_group_name(repeat(129)).code == name_errc::too_long);
    CHECK(iam::is_valid_role_name(repeat(64)));
    CHECK(iam::check_role_name(repeat(65)).code == name_errc::too_long);
    CHECK(iam::is_valid_managed_policy_name(repeat(128)));
    CHECK(iam::check_managed_policy_name(repeat(129)).code == name_errc::too_long);
    CHECK(iam::is_valid_inline_policy_name(repeat(128)));
    CHECK(iam::check_inline_policy_name(repeat(129)).code == name_errc::too_long);
    IAM_CHECK_BOTH(iam::check_group_name("Admins*") == err(name_kind::group, name_errc::bad_character, 6));
    IAM_CHECK_BOTH(iam::check_role_name("") == err(name_kind::role, name_errc::empty));
    IAM_CHECK_BOTH(iam::check_inline_policy_name("s3 read") ==
                   err(name_kind::inline_policy, name_errc::bad_character, 2));
    IAM_CHECK_BOTH(iam::check_name(name_kind::mfa_device, "alice-phone").ok());
    CHECK(iam::check_name(name_kind::mfa_device, repeat(226)).ok());
    CHECK(iam::check_name(name_kind::mfa_device, repeat(227)).code == name_errc::too_long);
}

TEST_CASE("paths: `/` or slash-delimited U+0021 to U+007E, at most 512") {
    // API pathType: (\u002F)|(\u002F[\u0021-\u007E]+\u002F), 1-512.
    IAM_CHECK_BOTH(iam::check_path("/").ok());
    IAM_CHECK_BOTH(iam::check_path("/a/b!~/").ok());
    IAM_CHECK_BOTH(iam::check_path("") == err(name_kind::path, name_errc::empty));
    IAM_CHECK_BOTH(iam::check_path("a/") == err(name_kind::path, name_errc::path_start));
    IAM_CHECK_BOTH(iam::check_path("/a") == err(name_kind::path, name_errc::path_end, 1));
    IAM_CHECK_BOTH(iam::check_path("/a b/") == err(name_kind::path, name_errc::bad_character, 2));
    IAM_CHECK_BOTH(iam::check_path("/a\x7F/") == err(name_kind::path, name_errc::bad_character, 2));
    // Regression (found by fuzz_names): `//` has an empty inner part, which pathType's
    // `\u002F[\u0021-\u007E]+\u002F` does not allow; `/a//b/` is fine (slashes are inner characters).
    IAM_CHECK_BOTH(iam::check_path("//") == err(name_kind::path, name_errc::empty_path_segment, 1));
    IAM_CHECK_BOTH(iam::check_path("/a//b/").ok());
    CHECK(iam::is_valid_path("/" + repeat(510) + "/"));
    CHECK(iam::check_path("/" + repeat(511) + "/").code == name_errc::too_long);
}

TEST_CASE("managed policy paths: slash-separated segments of [\\w+=,.@-]") {
    // API policyPathType: ((/[A-Za-z0-9\.,\+@=_-]+)*)/
    IAM_CHECK_BOTH(iam::check_policy_path("/").ok());
    IAM_CHECK_BOTH(iam::check_policy_path("/job-function/").ok());
    IAM_CHECK_BOTH(iam::check_policy_path("/a//b/") == err(name_kind::policy_path, name_errc::empty_path_segment, 3));
    IAM_CHECK_BOTH(iam::check_policy_path("/a*/") == err(name_kind::policy_path, name_errc::bad_character, 2));
    IAM_CHECK_BOTH(iam::check_policy_path("/a") == err(name_kind::policy_path, name_errc::path_end, 1));
    IAM_CHECK_BOTH(iam::check_policy_path("x/") == err(name_kind::policy_path, name_errc::path_start));
    IAM_CHECK_BOTH(iam::check_policy_path("") == err(name_kind::policy_path, name_errc::empty));
    CHECK(iam::check_policy_path("/" + repeat(511) + "/").code == name_errc::too_long);
}

TEST_CASE("tag keys and values: Unicode letters, numbers, separators and _.:/=+-@") {
    // API tagKeyType [\p{L}\p{Z}\p{N}_.:/=+\-@]+ 1-128; tagValueType same set, 0-256;
    // UG id_tags: the aws: prefix is reserved (AWS rejects it in any case).
    IAM_CHECK_BOTH(iam::check_tag_key("Cost Center").ok());
    IAM_CHECK_BOTH(iam::check_tag_key("部署").ok());
    IAM_CHECK_BOTH(iam::check_tag_key("٣").ok());         // Arabic-Indic digit (Nd)
    IAM_CHECK_BOTH(iam::check_tag_key("a\u00A0b").ok());  // no-break space (Zs)
    IAM_CHECK_BOTH(iam::check_tag_key("team:a/b=c+d-e@f_g.h").ok());
    IAM_CHECK_BOTH(iam::check_tag_key("") == err(name_kind::tag_key, name_errc::empty));
    IAM_CHECK_BOTH(iam::check_tag_key("a!") == err(name_kind::tag_key, name_errc::bad_character, 1));
    IAM_CHECK_BOTH(iam::check_tag_key("a\tb") == err(name_kind::tag_key, name_errc::bad_character, 1));  // Cc, not Z
    IAM_CHECK_BOTH(iam::check_tag_key("ab😀") == err(name_kind::tag_key, name_errc::bad_character, 2));   // So
    IAM_CHECK_BOTH(iam::check_tag_key("a\xC3") == err(name_kind::tag_key, name_errc::bad_utf8, 1));
    IAM_CHECK_BOTH(iam::check_tag_key("\xED\xA0\x80") == err(name_kind::tag_key, name_errc::bad_utf8, 0));  // surrogate
    IAM_CHECK_BOTH(iam::check_tag_key("aws:team") == err(name_kind::tag_key, name_errc::reserved_prefix));
    IAM_CHECK_BOTH(iam::check_tag_key("AWS:team") == err(name_kind::tag_key, name_errc::reserved_prefix));
    IAM_CHECK_BOTH(iam::check_tag_key("aws").ok());
    IAM_CHECK_BOTH(iam::check_tag_value("").ok());
    IAM_CHECK_BOTH(iam::check_tag_value("aws:x") == err(name_kind::tag_value, name_errc::reserved_prefix));
    // Lengths count characters, not bytes.
    std::string key_128;
    for (int i = 0; i < 128; ++i) key_128 += "é";
    CHECK(iam::is_valid_tag_key(key_128));
    CHECK(iam::check_tag_key(key_128 + "é").code == name_errc::too_long);
    CHECK(iam::is_valid_tag_value(repeat(256)));
    CHECK(iam::check_tag_value(repeat(257)).code == name_errc::too_long);
}

TEST_CASE("account ids: exactly 12 digits") {
    IAM_CHECK_BOTH(iam::check_account_id("123456789012").ok());
    IAM_CHECK_BOTH(iam::check_account_id("12345678901") == err(name_kind::account_id, name_errc::too_short));
    IAM_CHECK_BOTH(iam::check_account_id("1234567890123") == err(name_kind::account_id, name_errc::too_long));
    IAM_CHECK_BOTH(iam::check_account_id("12345678901a") == err(name_kind::account_id, name_errc::bad_character, 11));
    IAM_CHECK_BOTH(iam::check_account_id("") == err(name_kind::account_id, name_errc::empty));
}

TEST_CASE("account aliases: 3-63 of [a-z0-9-], hyphens only inside and single, not 12 digits") {
    // API accountAliasType ^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$; UG: not a 12-digit number.
    IAM_CHECK_BOTH(iam::check_account_alias("abc").ok());
    IAM_CHECK_BOTH(iam::check_account_alias("my-co-2").ok());
    IAM_CHECK_BOTH(iam::check_account_alias("1234567890123").ok());
    IAM_CHECK_BOTH(iam::check_account_alias("ab") == err(name_kind::account_alias, name_errc::too_short));
    IAM_CHECK_BOTH(iam::check_account_alias("") == err(name_kind::account_alias, name_errc::empty));
    IAM_CHECK_BOTH(iam::check_account_alias("My-co") == err(name_kind::account_alias, name_errc::bad_character, 0));
    IAM_CHECK_BOTH(iam::check_account_alias("-abc") == err(name_kind::account_alias, name_errc::alias_edge_hyphen, 0));
    IAM_CHECK_BOTH(iam::check_account_alias("abc-") == err(name_kind::account_alias, name_errc::alias_edge_hyphen, 3));
    IAM_CHECK_BOTH(iam::check_account_alias("a--b") ==
                   err(name_kind::account_alias, name_errc::alias_double_hyphen, 1));
    IAM_CHECK_BOTH(iam::check_account_alias("123456789012") ==
                   err(name_kind::account_alias, name_errc::alias_is_account_id));
    CHECK(iam::is_valid_account_alias(repeat(63)));
    CHECK(iam::check_account_alias(repeat(64)).code == name_errc::too_long);
}

TEST_CASE("access key ids: 16-128 of [\\w]") {
    IAM_CHECK_BOTH(iam::check_access_key_id("AKIAIOSFODNN7EXAMPLE").ok());
    IAM_CHECK_BOTH(iam::check_access_key_id("AKIA_short") == err(name_kind::access_key_id, name_errc::too_short));
    IAM_CHECK_BOTH(iam::check_access_key_id("AKIAIOSFODNN7EXAMP+E") ==
                   err(name_kind::access_key_id, name_errc::bad_character, 18));
    CHECK(iam::is_valid_access_key_id(repeat(128)));
    CHECK(iam::check_access_key_id(repeat(129)).code == name_errc::too_long);
    CHECK(iam::check_access_key_id(repeat(15)).code == name_errc::too_short);
}

TEST_CASE("name_error: messages, rule ids and full descriptions") {
    IAM_CHECK_BOTH(iam::check_user_name("a b").message() == "character not allowed");
    IAM_CHECK_BOTH(iam::to_string(name_errc::bad_character) == "bad-character");
    for (int r = 0; r <= static_cast<int>(name_errc::alias_is_account_id); ++r) {
        const name_error e{static_cast<name_errc>(r), 0, name_kind::user};
        CHECK(e.message() != "unknown rule");
        CHECK(iam::to_string(e.code) != "unknown");
    }
    CHECK(iam::describe(iam::check_user_name("al ice"), "al ice") ==
          "character ' ' (0x20) at offset 2 is not allowed in a user name: use letters, digits and _+=,.@-");
    CHECK(iam::describe(iam::check_user_name("a\x01"), "a\x01") ==
          "character (0x01) at offset 1 is not allowed in a user name: use letters, digits and _+=,.@-");
    CHECK(iam::describe(iam::check_user_name(repeat(65)), repeat(65)) == "user name must be 1 to 64 characters");
    CHECK(iam::describe(iam::check_account_id("1"), "1") == "account id must be exactly 12 characters");
    CHECK(iam::describe(iam::check_path("a"), "a") == "path must start with `/`");
    CHECK(iam::describe(iam::check_user_name("ok"), "ok") == "user name is valid");
    CHECK_FALSE(iam::check_user_name("").ok());
    CHECK(iam::check_user_name("x").ok());
    CHECK(iam::check_user_name("a b").id() == "bad-character");
    // One way to test a name_error: `ok()` (it has no `operator bool`, which read inverted).
    static_assert(!std::is_constructible_v<bool, iam::name_error>);
    // No default constructor makes an invalid checked name: only tag values may be empty.
    static_assert(!std::is_default_constructible_v<iam::user_name>);
    static_assert(!std::is_default_constructible_v<iam::account_id>);
    static_assert(std::is_default_constructible_v<iam::tag_value>);
    static_assert(iam::tag_value{}.view().empty());
}

TEST_CASE("ASCII case folding: equality, ordering and hash ignore A-Z case only") {
    IAM_CHECK_BOTH(iam::ascii_lower('Q') == 'q');
    IAM_CHECK_BOTH(iam::ascii_lower('@') == '@');
    IAM_CHECK_BOTH(iam::iequals("Alice", "aLICE"));
    IAM_CHECK_BOTH(!iam::iequals("Alice", "Alicia"));
    IAM_CHECK_BOTH(!iam::iequals("é", "É"));  // IAM folds ASCII only
    IAM_CHECK_BOTH(iam::icompare("alice", "BOB") < 0);
    IAM_CHECK_BOTH(iam::icompare("Bob", "alice") > 0);
    IAM_CHECK_BOTH(iam::icompare("ab", "AB") == 0);
    IAM_CHECK_BOTH(iam::icompare("ab", "abc") < 0);
    IAM_CHECK_BOTH(iam::icompare("\xFF", "a") > 0);  // bytes compare unsigned
    IAM_CHECK_BOTH(iam::ihash("Alice.Smith@Example-Corp") == iam::ihash("alice.smith@example-corp"));
    IAM_CHECK_BOTH(iam::ihash("alice") != iam::ihash("alicf"));
    IAM_CHECK_BOTH(iam::iless{}("a", "B"));
    IAM_CHECK_BOTH(iam::iequal_to{}("X", "x"));
    IAM_CHECK_BOTH(iam::ihasher{}("X") == iam::ihasher{}("x"));
    // The SWAR fold must agree with a byte loop for every byte value, at every lane.
    for (int b = 0; b < 256; ++b) {
        for (std::size_t lane = 0; lane < 9; ++lane) {
            std::string upper(9, 'q');
            upper[lane] = static_cast<char>(b);
            std::string lower = upper;
            for (char& c : lower) c = iam::ascii_lower(c);
            CHECK(iam::ihash(upper) == iam::ihash(lower));
        }
    }
}

TEST_CASE("checked names: literals are checked at compile time, run-time text by parse") {
    constexpr iam::user_name alice{"alice"};
    static_assert(alice.view() == "alice");
    static_assert(alice.size() == 5);
    constexpr iam::iam_path path{"/division/"};
    static_assert(std::string_view{path} == "/division/");
    constexpr iam::tag_value empty_value{};
    static_assert(empty_value.view().empty());
    IAM_CHECK_BOTH(iam::user_name::parse("al ice").error() == err(name_kind::user, name_errc::bad_character, 2));
    IAM_CHECK_BOTH(iam::user_name::parse("bob").value().view() == "bob");
    IAM_CHECK_BOTH(iam::user_name{"a"} < iam::user_name{"b"});
    IAM_CHECK_BOTH(iam::user_name{"a"} != iam::user_name{"A"});
    const auto parsed = iam::tag_key::parse("Département");
    REQUIRE(parsed);
    CHECK(parsed->str() == "Département");
    CHECK_FALSE(iam::account_id::parse("12"));
}

TEST_CASE("user names agree with std::regex on 100,000 seeded random strings") {
    // AWS's pattern, anchored: the API requires the whole value to match.
    const std::regex aws_pattern("^[\\w+=,.@-]{1,64}$");
    std::mt19937_64 rng(20261128);
    const std::string alphabet =
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_+=,.@- /*!#$%&'()~\t\x7F\x80\xC3\xA9";
    std::size_t disagreements = 0;
    std::size_t valid = 0;
    for (int i = 0; i < 100000; ++i) {
        const std::size_t length = rng() % 70;
        std::string s;
        for (std::size_t j = 0; j < length; ++j) {
            // Mostly allowed characters so valid names are common, sometimes any byte.
            if (rng() % 8 == 0) {
                s.push_back(static_cast<char>(rng() % 256));
            } else if (rng() % 20 == 0) {
                s.push_back(alphabet[68 + rng() % (alphabet.size() - 68)]);
            } else {
                s.push_back(alphabet[rng() % 68]);
            }
        }
        const bool ours = iam::is_valid_user_name(s);
        valid += ours ? 1 : 0;
        if (ours != std::regex_match(s, aws_pattern)) ++disagreements;
    }
    CHECK(disagreements == 0);
    CHECK(valid > 5000);  // the mix exercises both sides
}
