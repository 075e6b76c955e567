// SPDX-License-Identifier: MIT
// Tests of include/iam/condition_values.hpp: numbers, dates, IP networks, base64.
#include <iam/condition_values.hpp>

#include <doctest/doctest.h>

#include "check.hpp"

TEST_CASE("parse_number: the Numeric operators' grammar, as doubles") {
    CHECK(iam::parse_number("3600") == 3600.0);
    CHECK(iam::parse_number("-1.5e3") == -1500.0);
    CHECK(iam::parse_number("+2") == 2.0);
    CHECK(iam::parse_number(".5") == 0.5);
    CHECK(iam::parse_number("5.") == 5.0);
    CHECK_FALSE(iam::parse_number(""));
    CHECK_FALSE(iam::parse_number("."));
    CHECK_FALSE(iam::parse_number("1e"));
    CHECK_FALSE(iam::parse_number("0x10"));
    CHECK_FALSE(iam::parse_number("1 "));
    CHECK_FALSE(iam::parse_number("1e999"));  // out of range
}

TEST_CASE("parse_date: ISO 8601 forms and epoch seconds, in UTC microseconds") {
    constexpr std::int64_t s = 1'000'000;
    IAM_CHECK_BOTH(iam::parse_date("1970-01-01") == 0);
    IAM_CHECK_BOTH(iam::parse_date("1700000000") == 1700000000 * s);
    IAM_CHECK_BOTH(iam::parse_date("2023-11-14T22:13:20Z") == 1700000000 * s);
    IAM_CHECK_BOTH(iam::parse_date("2023-11-14T22:13:20") == 1700000000 * s);
    IAM_CHECK_BOTH(iam::parse_date("2023-11-14T22:13") == 1700000000 * s - 20 * s);
    IAM_CHECK_BOTH(iam::parse_date("2023-11-14T22:13:20.25Z") == 1700000000 * s + 250000);
    IAM_CHECK_BOTH(iam::parse_date("2023-11-15T00:13:20+02:00") == 1700000000 * s);
    IAM_CHECK_BOTH(iam::parse_date("2023-11-14T21:13:20-0100") == 1700000000 * s);
    IAM_CHECK_BOTH(iam::parse_date("2024-02-29").has_value());
    IAM_CHECK_BOTH(!iam::parse_date("2023-02-29"));
    IAM_CHECK_BOTH(!iam::parse_date("2023-13-01"));
    IAM_CHECK_BOTH(!iam::parse_date("2023-11-14T24:00Z"));
    IAM_CHECK_BOTH(!iam::parse_date("2023-11-14 22:13"));
    IAM_CHECK_BOTH(!iam::parse_date("2023-11-14T22:13:20.Z"));
    IAM_CHECK_BOTH(!iam::parse_date("2023-11-14T22:13:20+2"));
    IAM_CHECK_BOTH(!iam::parse_date(""));
    IAM_CHECK_BOTH(!iam::parse_date("yesterday"));
}

// AWS, IAM User Guide, Date condition operators
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Date):
// "You must specify date/time values with one of the W3C implementations of the ISO 8601
// date formats or in epoch (UNIX) time." The W3C profile (https://www.w3.org/TR/NOTE-datetime)
// lists YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DDThh:mmTZD, YYYY-MM-DDThh:mm:ssTZD and
// YYYY-MM-DDThh:mm:ss.sTZD, TZD being Z or +hh:mm or -hh:mm.
TEST_CASE("parse_date: every W3C profile of ISO 8601; four digits are a year, longer digit strings epoch seconds") {
    constexpr std::int64_t s = 1'000'000;
    constexpr std::int64_t day = 86400 * s;
    IAM_CHECK_BOTH(iam::parse_date("1997") == iam::parse_date("1997-01-01"));
    IAM_CHECK_BOTH(iam::parse_date("1997-07") == iam::parse_date("1997-07-01"));
    IAM_CHECK_BOTH(iam::parse_date("1970") == 0);
    IAM_CHECK_BOTH(iam::parse_date("1970-02") == 31 * day);
    IAM_CHECK_BOTH(iam::parse_date("1997-07-16T19:20+01:00") == iam::parse_date("1997-07-16T18:20Z"));
    IAM_CHECK_BOTH(iam::parse_date("1997-07-16T19:20:30+01:00") == iam::parse_date("1997-07-16T18:20:30Z"));
    IAM_CHECK_BOTH(iam::parse_date("1997-07-16T19:20:30.45+01:00") ==
                   *iam::parse_date("1997-07-16T18:20:30Z") + 450000);
    IAM_CHECK_BOTH(iam::parse_date("999") == 999 * s);  // epoch seconds, as before
    IAM_CHECK_BOTH(iam::parse_date("99999") == 99999 * s);
    for (const char* bad : {"1997-", "1997-7", "1997-07-", "1997-07-1", "1997-13", "1997-00", "199a", "1997-07T10:00Z",
                            "1997T10:00Z", "1997-07-16T19", "1997-07-16T19:20+1"})
        CHECK_MESSAGE(!iam::parse_date(bad), bad);
}

TEST_CASE("parse_ip_network: IPv4 and IPv6 with prefixes, and containment") {
    constexpr auto net = iam::parse_ip_network("203.0.113.0/24");
    static_assert(net && net->prefix == 24 && !net->v6);
    IAM_CHECK_BOTH(iam::parse_ip_network("203.0.113.0/24")->contains(*iam::parse_ip_network("203.0.113.77")));
    IAM_CHECK_BOTH(!iam::parse_ip_network("203.0.113.0/24")->contains(*iam::parse_ip_network("203.0.114.1")));
    IAM_CHECK_BOTH(iam::parse_ip_network("0.0.0.0/0")->contains(*iam::parse_ip_network("8.8.8.8")));
    IAM_CHECK_BOTH(iam::parse_ip_network("10.0.0.1")->contains(*iam::parse_ip_network("10.0.0.1")));
    IAM_CHECK_BOTH(!iam::parse_ip_network("10.0.0.1")->contains(*iam::parse_ip_network("10.0.0.2")));
    IAM_CHECK_BOTH(iam::parse_ip_network("2001:db8::/32")->contains(*iam::parse_ip_network("2001:db8:1234::1")));
    IAM_CHECK_BOTH(!iam::parse_ip_network("2001:db8::/32")->contains(*iam::parse_ip_network("2001:db9::1")));
    IAM_CHECK_BOTH(!iam::parse_ip_network("0.0.0.0/0")->contains(*iam::parse_ip_network("::1")));  // families differ
    IAM_CHECK_BOTH(iam::parse_ip_network("::ffff:1.2.3.4")->bytes[15] == 4);
    IAM_CHECK_BOTH(iam::parse_ip_network("1::")->bytes[1] == 1);
    IAM_CHECK_BOTH(iam::parse_ip_network("1:2:3:4:5:6:7:8")->bytes[15] == 8);
    IAM_CHECK_BOTH(iam::parse_ip_network("::")->prefix == 128);
    for (const char* bad : {"256.0.0.1", "1.2.3", "01.2.3.4", "1.2.3.4/33", "1.2.3.4/", "1.2.3.4/08",
                            "1:2:3:4:5:6:7:8:9", "1::2::3", ":1::", "1:", "12345::", "::g", "", "1.2.3.4.5", "::1/129"})
        CHECK_MESSAGE(!iam::parse_ip_network(bad), bad);
}

TEST_CASE("decode_base64: standard alphabet with padding") {
    CHECK(iam::decode_base64("aGVsbG8=") == std::string("hello"));
    CHECK(iam::decode_base64("aGk=") == std::string("hi"));
    CHECK(iam::decode_base64("YWJj") == std::string("abc"));
    CHECK(iam::decode_base64("+/+/") == std::string("\xfb\xff\xbf"));
    CHECK_FALSE(iam::decode_base64(""));
    CHECK_FALSE(iam::decode_base64("abc"));
    CHECK_FALSE(iam::decode_base64("a=bc"));
    CHECK_FALSE(iam::decode_base64("ab!c"));
}
