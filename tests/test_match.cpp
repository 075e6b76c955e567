// SPDX-License-Identifier: MIT
// Tests of include/iam/match.hpp: AWS's wildcard rules for actions and resources.
#include <iam/match.hpp>

#include <doctest/doctest.h>

#include <random>
#include <string>

#include "check.hpp"
#include "match_reference.hpp"

using iam::wildcard_match;
using iam::wildcard_mode;

TEST_CASE("actions: `*` and `?` anywhere, letters ignore case") {
    IAM_CHECK_BOTH(wildcard_match("*", "s3:GetObject", wildcard_mode::action));
    IAM_CHECK_BOTH(wildcard_match("s3:GetObject", "S3:getobject", wildcard_mode::action));
    IAM_CHECK_BOTH(wildcard_match("s3:Get*", "s3:GETOBJECT", wildcard_mode::action));
    IAM_CHECK_BOTH(wildcard_match("s3:*Object*", "s3:PutObjectAcl", wildcard_mode::action));
    IAM_CHECK_BOTH(wildcard_match("ec2:Describe?nstances", "ec2:DescribeInstances", wildcard_mode::action));
    IAM_CHECK_BOTH(wildcard_match("s*", "s3:GetObject", wildcard_mode::action));
    IAM_CHECK_BOTH(!wildcard_match("s3:Get*", "s3:PutObject", wildcard_mode::action));
    IAM_CHECK_BOTH(!wildcard_match("s3:Get?", "s3:Get", wildcard_mode::action));
    IAM_CHECK_BOTH(!wildcard_match("s3:GetObject", "s3:GetObjectAcl", wildcard_mode::action));
}

TEST_CASE("resources: case-sensitive, wildcards stay in their colon segment unless they end it") {
    // UG reference_policies_elements_resource: "You can use wildcard characters (* and ?)
    // within any ARN segment ... If the * wildcard is the last character of a resource
    // ARN segment, it can expand to match beyond the colon boundaries."
    IAM_CHECK_BOTH(wildcard_match("arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket/a/b.txt", wildcard_mode::arn));
    IAM_CHECK_BOTH(!wildcard_match("arn:aws:s3:::bucket/*", "arn:aws:s3:::Bucket/a", wildcard_mode::arn));
    IAM_CHECK_BOTH(wildcard_match("arn:aws:logs:*:123456789012:log-group:*",
                                  "arn:aws:logs:us-east-1:123456789012:log-group:app:log-stream:x",
                                  wildcard_mode::arn));
    // A segment-final `*` crosses colons...
    IAM_CHECK_BOTH(wildcard_match("arn:aws:iam::*", "arn:aws:iam::123456789012:user/a", wildcard_mode::arn));
    IAM_CHECK_BOTH(wildcard_match("arn:aws:ec2:*:*:instance/*", "arn:aws:ec2:us-east-1:123456789012:instance/i-1",
                                  wildcard_mode::arn));
    // ...a `*` inside a segment does not (the reference simulator lets it: AWS's words win).
    IAM_CHECK_BOTH(!wildcard_match("arn:aws:s3:::my*bucket", "arn:aws:s3:::my:x:bucket", wildcard_mode::arn));
    IAM_CHECK_BOTH(wildcard_match("arn:aws:s3:::my*bucket", "arn:aws:s3:::my-big-bucket", wildcard_mode::arn));
    IAM_CHECK_BOTH(!wildcard_match("arn:aws:s3:::a?c", "arn:aws:s3:::a:c", wildcard_mode::arn));
    IAM_CHECK_BOTH(wildcard_match("arn:aws:s3:::a?c", "arn:aws:s3:::abc", wildcard_mode::arn));
    IAM_CHECK_BOTH(wildcard_match("*", "anything:at:all", wildcard_mode::arn));
    IAM_CHECK_BOTH(wildcard_match("arn:aws:s3:::exact", "arn:aws:s3:::exact", wildcard_mode::arn));
    IAM_CHECK_BOTH(!wildcard_match("arn:aws:s3:::exact", "arn:aws:s3:::exactly", wildcard_mode::arn));
    IAM_CHECK_BOTH(!wildcard_match("arn:aws:s3:::b/*", "arn:aws:s3:::b", wildcard_mode::arn));
    IAM_CHECK_BOTH(wildcard_match("a**:b", "ax:y:b", wildcard_mode::arn));  // a run of stars ends the segment
    IAM_CHECK_BOTH(wildcard_match("exact*", "EXACT", wildcard_mode::action));
    IAM_CHECK_BOTH(!wildcard_match("exact*", "EXACT", wildcard_mode::exact));
    IAM_CHECK_BOTH(wildcard_match("a*b", "a:b", wildcard_mode::exact));
}

TEST_CASE("an escape byte makes the next `*` or `?` literal (policy variables ${*} and ${?})") {
    using namespace std::string_literals;
    CHECK(wildcard_match("a\0*b"s, "a*b", wildcard_mode::exact));
    CHECK_FALSE(wildcard_match("a\0*b"s, "axb", wildcard_mode::exact));
    CHECK(wildcard_match("a\0?"s, "a?", wildcard_mode::arn));
    CHECK_FALSE(wildcard_match("a\0?"s, "ab", wildcard_mode::arn));
    CHECK(wildcard_match("x/\0*/*"s, "x/*/anything", wildcard_mode::arn));
    CHECK_FALSE(wildcard_match("x/\0*/*"s, "x/y/anything", wildcard_mode::arn));
    CHECK(wildcard_match("\0*"s, "*", wildcard_mode::action));
    CHECK_FALSE(wildcard_match("\0*"s, "x", wildcard_mode::action));
}

TEST_CASE("no backtracking blow-up: a*a*a*a*a*a*b against 10,000 a's is linear") {
    const std::string text(10000, 'a');
    CHECK_FALSE(wildcard_match("a*a*a*a*a*a*b", text, wildcard_mode::exact));
    CHECK_FALSE(wildcard_match("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b", text, wildcard_mode::arn));
    CHECK(wildcard_match("a*a*a*a*a*a*a", text, wildcard_mode::action));
    const std::string long_pattern = std::string(600, '?') + "*";  // past the inline bit set
    CHECK(wildcard_match(long_pattern, std::string(700, 'x'), wildcard_mode::exact));
    CHECK_FALSE(wildcard_match(long_pattern, std::string(599, 'x'), wildcard_mode::exact));
}

TEST_CASE("agrees with a dynamic-programming reference on 50,000 random pattern/text pairs") {
    std::mt19937 rng(99);
    const std::string pattern_chars = std::string("ab:*?A") + iam::wildcard_escape;
    const std::string text_chars = "abA:";
    std::size_t matched = 0;
    for (int n = 0; n < 50000; ++n) {
        std::string p, t;
        for (std::size_t i = rng() % 9; i > 0; --i) p.push_back(pattern_chars[rng() % pattern_chars.size()]);
        for (std::size_t i = rng() % 11; i > 0; --i) t.push_back(text_chars[rng() % text_chars.size()]);
        for (const wildcard_mode mode : {wildcard_mode::action, wildcard_mode::exact, wildcard_mode::arn}) {
            const bool expected = reference_wildcard_match(p, t, mode);
            matched += expected ? 1u : 0u;
            if (wildcard_match(p, t, mode) != expected) {
                CAPTURE(p);
                CAPTURE(t);
                CAPTURE(static_cast<int>(mode));
                FAIL("mismatch with the reference");
            }
        }
    }
    CHECK(matched > 5000);
}
