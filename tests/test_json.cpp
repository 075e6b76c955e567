// SPDX-License-Identifier: MIT
#include <doctest/doctest.h>

#include <cmath>
#include <cstddef>
#include <filesystem>
#include <iterator>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <iam/json.hpp>

#include "test_data.hpp"

#ifndef IAM_TEST_DATA_DIR
#error "IAM_TEST_DATA_DIR must be defined as a string literal path to tests/data"
#endif

namespace json = iam::json;
using json::json_errc;

namespace {

// Checks that `text` is rejected with exactly this kind and position.
void check_error(std::string_view text, json_errc kind, std::size_t offset, std::size_t line, std::size_t column,
                 const json::parse_options& options = {}) {
    CAPTURE(text);
    const auto r = json::parse(text, options);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == kind);
    CHECK(r.error().offset == offset);
    CHECK(r.error().line == line);
    CHECK(r.error().column == column);
    CHECK_FALSE(r.error().message().empty());
}

json::value parse_ok(std::string_view text, const json::parse_options& options = {}) {
    CAPTURE(text);
    auto r = json::parse(text, options);
    REQUIRE(r.has_value());
    return std::move(r).value();
}

}  // namespace

TEST_CASE("json::parse: accepts every kind of value and keeps object members in document order") {
    const json::value v = parse_ok(R"( {"z": null, "b": [true, false], "a": -1.5e3, "s": "x"} )");
    REQUIRE(v.is_object());
    const auto& members = *v.as_object();
    REQUIRE(members.size() == 4);
    CHECK(members[0].key == "z");
    CHECK(members[1].key == "b");
    CHECK(members[2].key == "a");
    CHECK(members[3].key == "s");
    CHECK(members[0].value.is_null());
    CHECK(members[1].value.as_array()->size() == 2);
    CHECK((*members[1].value.as_array())[0].as_boolean() == true);
    CHECK((*members[1].value.as_array())[1].as_boolean() == false);
    CHECK(members[2].value.number_text() == "-1.5e3");
    CHECK(*members[3].value.as_string() == "x");
    CHECK(v.kind() == json::value_kind::object);
}

TEST_CASE("json::parse: records the byte offset of every value and key") {
    //                              0123456789012345678901234
    const json::value v = parse_ok(R"({"a": [true, "x", 12]})");
    CHECK(v.offset() == 0);
    const json::member* a = v.find_member("a");
    REQUIRE(a != nullptr);
    CHECK(a->key_offset == 1);
    CHECK(a->value.offset() == 6);
    const auto& items = *a->value.as_array();
    CHECK(items[0].offset() == 7);
    CHECK(items[1].offset() == 13);
    CHECK(items[2].offset() == 18);
    CHECK(parse_ok("  null").offset() == 2);
}

TEST_CASE("json::value::find: finds members by key and returns nullptr otherwise") {
    const json::value v = parse_ok(R"({"Effect":"Allow","Action":["s3:GetObject"]})");
    REQUIRE(v.find("Effect") != nullptr);
    CHECK(*v.find("Effect")->as_string() == "Allow");
    CHECK(v.find("Action")->is_array());
    CHECK(v.find("effect") == nullptr);  // keys are case-sensitive
    CHECK(v.find("") == nullptr);
    CHECK(v.find("Action")->find("0") == nullptr);  // not an object
    CHECK(parse_ok("[]").find("Effect") == nullptr);
    CHECK(json::value().find("x") == nullptr);
}

TEST_CASE("json::parse: decodes escapes and surrogate pairs") {
    CHECK(*parse_ok(R"("\"\\\/\b\f\n\r\t")").as_string() == "\"\\/\b\f\n\r\t");
    CHECK(*parse_ok(R"("\u0041\u00e9\u20AC")").as_string() == "A\xC3\xA9\xE2\x82\xAC");
    CHECK(*parse_ok(R"("\ud83d\ude00")").as_string() == "\xF0\x9F\x98\x80");  // U+1F600
    CHECK(*parse_ok(R"("\uDBFF\uDFFF")").as_string() == "\xF4\x8F\xBF\xBF");  // U+10FFFF
    const std::string nul = *parse_ok(R"("a\u0000b")").as_string();
    CHECK(nul == std::string("a\0b", 3));
    CHECK(*parse_ok("\"caf\xC3\xA9 \xF0\x9F\x98\x80\"").as_string() == "caf\xC3\xA9 \xF0\x9F\x98\x80");
}

TEST_CASE("json::parse: rejects lone and unpaired surrogate escapes") {
    check_error(R"("\ud800")", json_errc::lone_surrogate, 1, 1, 2);
    check_error(R"("ab\udc00")", json_errc::lone_surrogate, 3, 1, 4);
    check_error(R"("\ud800\u0041")", json_errc::lone_surrogate, 1, 1, 2);
    check_error(R"("\ud800\ud800")", json_errc::lone_surrogate, 1, 1, 2);
    check_error(R"("\ude00\ud83d")", json_errc::lone_surrogate, 1, 1, 2);
    check_error(R"("\ud800x")", json_errc::lone_surrogate, 1, 1, 2);
    check_error(R"("\ud800\uZZZZ")", json_errc::invalid_escape, 7, 1, 8);
    // Surrogates encoded directly in UTF-8 (ED A0 80) are not well-formed UTF-8.
    check_error("\"\xED\xA0\x80\"", json_errc::invalid_utf8, 1, 1, 2);
}

TEST_CASE("json::parse: reports every error kind with its exact offset, line and column") {
    json::parse_options small;
    small.max_input_size = 2;
    check_error("[1]", json_errc::input_too_large, 0, 1, 1, small);
    check_error("\xEF\xBB\xBF{}", json_errc::byte_order_mark, 0, 1, 1);
    check_error("", json_errc::unexpected_end, 0, 1, 1);
    check_error("  \n ", json_errc::unexpected_end, 4, 2, 2);
    check_error("[1,", json_errc::unexpected_end, 3, 1, 4);
    check_error("\"abc", json_errc::unexpected_end, 4, 1, 5);
    check_error("\"\\", json_errc::unexpected_end, 2, 1, 3);
    check_error("\"\\u12", json_errc::unexpected_end, 5, 1, 6);
    check_error("tru", json_errc::unexpected_end, 3, 1, 4);
    check_error("-", json_errc::unexpected_end, 1, 1, 2);
    check_error("1e", json_errc::unexpected_end, 2, 1, 3);
    check_error("{\"a\"", json_errc::unexpected_end, 4, 1, 5);
    check_error("[1,]", json_errc::expected_value, 3, 1, 4);
    check_error("[.5]", json_errc::expected_value, 1, 1, 2);
    check_error("+1", json_errc::expected_value, 0, 1, 1);
    check_error("'a'", json_errc::expected_value, 0, 1, 1);
    check_error("trUe", json_errc::invalid_literal, 2, 1, 3);
    check_error("nul1", json_errc::invalid_literal, 3, 1, 4);
    check_error("{\n  \"a\": tru\n}", json_errc::invalid_literal, 12, 2, 11);
    check_error("01", json_errc::invalid_number, 1, 1, 2);
    check_error("-01", json_errc::invalid_number, 2, 1, 3);
    check_error("-x", json_errc::invalid_number, 1, 1, 2);
    check_error("1.e5", json_errc::invalid_number, 2, 1, 3);
    check_error("[1e+]", json_errc::invalid_number, 4, 1, 5);
    check_error(
        "\"a\xFF"
        "b\"",
        json_errc::invalid_utf8, 2, 1, 3);
    check_error("\"\xC0\xAF\"", json_errc::invalid_utf8, 1, 1, 2);  // overlong '/'
    check_error("\"a\tb\"", json_errc::control_character, 2, 1, 3);
    check_error("[\n\"a\nb\"]", json_errc::control_character, 4, 2, 3);
    check_error("\"a\\xb\"", json_errc::invalid_escape, 2, 1, 3);
    check_error("\"\\u12G4\"", json_errc::invalid_escape, 1, 1, 2);
    check_error("\"\\U0041\"", json_errc::invalid_escape, 1, 1, 2);
    check_error(R"("\ud800")", json_errc::lone_surrogate, 1, 1, 2);
    check_error("{1:2}", json_errc::expected_key, 1, 1, 2);
    check_error("{\"a\":1,}", json_errc::expected_key, 7, 1, 8);
    check_error("{\"a\" 1}", json_errc::expected_colon, 5, 1, 6);
    check_error("[1 2]", json_errc::expected_comma_or_close, 3, 1, 4);
    check_error("{\"a\":1 \"b\":2}", json_errc::expected_comma_or_close, 7, 1, 8);
    check_error("[1}", json_errc::expected_comma_or_close, 2, 1, 3);
    check_error("1 2", json_errc::trailing_content, 2, 1, 3);
    check_error("{}\r\n}", json_errc::trailing_content, 4, 2, 1);
    json::parse_options shallow;
    shallow.max_depth = 2;
    check_error("[[[]]]", json_errc::depth_exceeded, 2, 1, 3, shallow);
    check_error("{\"a\":1,\n \"a\":2}", json_errc::duplicate_key, 9, 2, 2);
}

TEST_CASE("json::parse: rejects a duplicate key and reports the offset of the second one") {
    check_error(R"({"a":"b","a":"c"})", json_errc::duplicate_key, 9, 1, 10);
    check_error(R"({"x":{"a":1,"b":2,"a":3}})", json_errc::duplicate_key, 18, 1, 19);
    // Equal after decoding counts as equal.
    check_error(R"({"a":1,"\u0061":2})", json_errc::duplicate_key, 7, 1, 8);
    // The same key in different objects is fine.
    CHECK(json::parse(R"({"a":{"a":1},"b":{"a":2}})").has_value());
}

TEST_CASE("json::parse: finds duplicates in large objects (hash index past 16 members)") {
    std::string text = "{";
    for (int i = 0; i < 100; ++i) text += "\"k" + std::to_string(i) + "\":" + std::to_string(i) + ",";
    const std::size_t dup_offset = text.size();
    text += "\"k5\":0}";
    check_error(text, json_errc::duplicate_key, dup_offset, 1, dup_offset + 1);
    std::string unique = text.substr(0, dup_offset) + "\"k100\":0}";
    const json::value v = parse_ok(unique);
    CHECK(v.as_object()->size() == 101);
    CHECK(v.find("k77")->number_text() == "77");
}

TEST_CASE("json::parse: the duplicate-key index covers every member, whenever it is built") {
    // Regression (fuzz): building the index at the 16th key read past the tape.
    for (int n = 14; n <= 20; ++n) {
        std::string prefix = "{";
        for (int i = 0; i < n; ++i) prefix += "\"k" + std::to_string(i) + "\":[" + std::to_string(i) + "],";
        for (int dup = 0; dup < n; ++dup) {
            const std::string text = prefix + "\"k" + std::to_string(dup) + "\":0}";
            check_error(text, json_errc::duplicate_key, prefix.size(), 1, prefix.size() + 1);
        }
    }
    const std::string fuzzed =
        "{\"k0\":0,\"k1\":1,\"k2\":2,\"k3\":3,\"k4\":4,\"k5\":5,\"k6\":6,\"k7\":8,\"k8\":8,"
        "\"k9\":9,\"k10\":10,\"k11\":11,\"k12\":12,\"k13\":13,\"k14\":14,\"k15\":15,\"k16\":16,"
        "\"k17\"\xCB"
        "17}";
    check_error(fuzzed, json_errc::expected_colon, fuzzed.size() - 4, 1, fuzzed.size() - 3);
}

TEST_CASE("json::parse: allow_duplicate_keys keeps both members and find sees the first") {
    json::parse_options options;
    options.allow_duplicate_keys = true;
    const json::value v = parse_ok(R"({"a":"b","a":"c"})", options);
    CHECK(v.as_object()->size() == 2);
    CHECK(*v.find("a")->as_string() == "b");
    CHECK(json::write(v) == R"({"a":"b","a":"c"})");
}

TEST_CASE("json::parse: rejects a byte order mark (strict RFC 8259 choice)") {
    check_error("\xEF\xBB\xBF{}", json_errc::byte_order_mark, 0, 1, 1);
    check_error("\xEF\xBB\xBF", json_errc::byte_order_mark, 0, 1, 1);
    // A BOM after leading whitespace is simply not a value.
    check_error(" \xEF\xBB\xBF{}", json_errc::expected_value, 1, 1, 2);
}

TEST_CASE("json::parse: accepts only space, tab, LF and CR as whitespace") {
    CHECK(json::parse(" \t\r\n[ \t\r\n1 \t\r\n] \t\r\n").has_value());
    check_error("\f[]", json_errc::expected_value, 0, 1, 1);
    check_error("[]\v", json_errc::trailing_content, 2, 1, 3);
    check_error("\xC2\xA0[]", json_errc::expected_value, 0, 1, 1);  // U+00A0
}

TEST_CASE("json::parse: accepts nesting exactly at the depth limit and rejects one more") {
    const auto nested = [](std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); };
    CHECK(json::parse(nested(128)).has_value());
    check_error(nested(129), json_errc::depth_exceeded, 128, 1, 129);
    json::parse_options options;
    options.max_depth = 3;
    CHECK(json::parse(R"({"a":[{}]})", options).has_value());
    check_error(R"({"a":[{"b":{}}]})", json_errc::depth_exceeded, 11, 1, 12, options);
    options.max_depth = 0;
    CHECK(json::parse("1", options).has_value());
    check_error("[]", json_errc::depth_exceeded, 0, 1, 1, options);
}

TEST_CASE("json::parse: rejects 1,000,000 nested brackets without overflowing the stack") {
    const std::string deep(1'000'000, '[');
    check_error(deep, json_errc::depth_exceeded, 128, 1, 129);
    const std::string deep_objects = [] {
        std::string s;
        for (int i = 0; i < 200'000; ++i) s += "{\"a\":";
        return s;
    }();
    check_error(deep_objects, json_errc::depth_exceeded, 128 * 5, 1, 128 * 5 + 1);
}

TEST_CASE("json::value: a 1,000,000-deep value parses, writes, compares and is destroyed without recursion") {
    json::parse_options options;
    options.max_depth = 2'000'000;
    const std::string text = std::string(1'000'000, '[') + "1" + std::string(1'000'000, ']');
    json::value v = parse_ok(text, options);
    CHECK(json::write(v) == text);
    const json::value w = parse_ok(text, options);
    CHECK(v == w);
    v = json::value();  // move-assignment frees the old tree without recursion
    CHECK(v.is_null());
    CHECK_FALSE(v == w);
}

TEST_CASE("json::parse: enforces the input size limit") {
    json::parse_options options;
    options.max_input_size = 7;
    CHECK(json::parse("[1,2,3]", options).has_value());
    check_error("[1,2,3] ", json_errc::input_too_large, 0, 1, 1, options);
    CHECK(json::parse_options{}.max_input_size == 16u * 1024u * 1024u);
    CHECK(json::parse_options{}.max_depth == 128u);
}

TEST_CASE("json::parse: accepts numbers by the RFC 8259 grammar only") {
    for (const char* ok : {"0", "-0", "1", "-1", "10", "1.5", "0.0", "1e5", "1E5", "1e+5", "1e-5", "-0.0e-0",
                           "123456789012345678901234567890", "1.0e+10"}) {
        CAPTURE(ok);
        CHECK(json::parse(ok).has_value());
    }
    for (const char* bad : {"01", "00", "-", "+1", ".5", "1.", "1.e1", "1e", "1e+", "--1", "0x10", "1_000", "NaN",
                            "Infinity", "-Infinity", "1,5"}) {
        CAPTURE(bad);
        CHECK_FALSE(json::parse(bad).has_value());
    }
}

TEST_CASE("json::value: numbers keep their exact source text") {
    const std::string text = "[1.0e+10,-0,1E-2,0.10,123456789012345678901234567890,-0.0]";
    const json::value v = parse_ok(text);
    CHECK((*v.as_array())[0].number_text() == "1.0e+10");
    CHECK(json::write(v) == text);
    CHECK(json::write(v, json::write_style::pretty).find("1.0e+10") != std::string::npos);
    CHECK(json::value::make_string("1").number_text().empty());  // not a number
}

TEST_CASE("json::value: checked conversions give no value on overflow or the wrong shape") {
    const auto num = [](std::string_view text) { return *json::value::make_number(text); };
    CHECK(num("0").as_int64() == 0);
    CHECK(num("-0").as_int64() == 0);
    CHECK(num("9223372036854775807").as_int64() == INT64_MAX);
    CHECK(num("-9223372036854775808").as_int64() == INT64_MIN);
    CHECK_FALSE(num("9223372036854775808").as_int64().has_value());
    CHECK_FALSE(num("-9223372036854775809").as_int64().has_value());
    CHECK_FALSE(num("1.0").as_int64().has_value());
    CHECK_FALSE(num("1e2").as_int64().has_value());
    CHECK(num("1.5").as_double() == 1.5);
    CHECK(num("-2E-1").as_double() == -0.2);
    CHECK(num("123456789012345678901234567890").as_double() == 1.2345678901234568e29);
    CHECK_FALSE(num("1e400").as_double().has_value());
    CHECK_FALSE(num("-1e400").as_double().has_value());
    CHECK_FALSE(num("1e-400").as_double().has_value());
    const auto negative_zero = num("-0").as_double();
    REQUIRE(negative_zero.has_value());
    CHECK(std::signbit(*negative_zero));
    CHECK_FALSE(json::value::make_string("1").as_int64().has_value());
    CHECK_FALSE(json::value().as_double().has_value());
    CHECK_FALSE(json::value::make_boolean(true).as_int64().has_value());
}

TEST_CASE("json::value: factories build values and make_number validates the grammar") {
    CHECK(json::value::make_null().is_null());
    CHECK(json::value::make_integer(-42).number_text() == "-42");
    CHECK(json::value::make_integer(INT64_MIN).as_int64() == INT64_MIN);
    CHECK(json::value::make_number("1.5e3").has_value());
    CHECK_FALSE(json::value::make_number("01").has_value());
    CHECK_FALSE(json::value::make_number("1 ").has_value());
    CHECK_FALSE(json::value::make_number("").has_value());
    json::value::object_type members;
    members.push_back(json::member{"b", json::value::make_boolean(false), 0});
    members.push_back(json::member{"a", json::value::make_array({json::value::make_string("x"), json::value()}), 0});
    const json::value obj = json::value::make_object(std::move(members));
    CHECK(json::write(obj) == R"({"b":false,"a":["x",null]})");
    CHECK(obj == parse_ok(R"({"b":false,"a":["x",null]})"));
    CHECK_FALSE(obj == parse_ok(R"({"a":["x",null],"b":false})"));  // order matters
    CHECK_FALSE(parse_ok("1.0") == parse_ok("1"));                  // number text matters
    CHECK(json::write(json::value::make_object()) == "{}");
    CHECK(json::write(json::value::make_array()) == "[]");
}

TEST_CASE("json::value: copies are deep and independent") {
    const json::value original = parse_ok(R"({"a":[1,{"b":"c"}]})");
    json::value copy = original;
    CHECK(copy == original);
    copy.as_object()->front().value.as_array()->push_back(json::value());
    CHECK_FALSE(copy == original);
    json::value assigned;
    assigned = original;
    CHECK(assigned == original);
}

TEST_CASE("json::write: compact output round-trips exactly") {
    for (const char* text :
         {"null", "true", "false", "0", "\"\"", "[]", "{}", R"([1,"a",{"b":[null,true]}])",
          R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]})",
          R"(["\"\\\b\f\n\r\t\u0001\u001f"])", "[\"caf\xC3\xA9\"]"}) {
        CAPTURE(text);
        const json::value v = parse_ok(text);
        CHECK(json::write(v) == text);
        CHECK(json::write(v, json::write_style::compact) == text);
    }
    // Escapes that the writer does not need are normalised.
    CHECK(json::write(parse_ok(R"(["\/\u0041"])")) == R"(["/A"])");
    CHECK(json::write(parse_ok(" [ 1 , { \"a\" : 2 } ] ")) == R"([1,{"a":2}])");
}

TEST_CASE("json::write: pretty output indents by two spaces and parses back to the same value") {
    const json::value v = parse_ok(R"({"a":[1,2,{}],"b":{"c":null},"d":[],"e":"x"})");
    const std::string pretty = json::write(v, json::write_style::pretty);
    CHECK(pretty ==
          "{\n"
          "  \"a\": [\n"
          "    1,\n"
          "    2,\n"
          "    {}\n"
          "  ],\n"
          "  \"b\": {\n"
          "    \"c\": null\n"
          "  },\n"
          "  \"d\": [],\n"
          "  \"e\": \"x\"\n"
          "}");
    CHECK(parse_ok(pretty) == v);
    CHECK(json::write(parse_ok(pretty)) == json::write(v));
    CHECK(json::write(parse_ok("7"), json::write_style::pretty) == "7");
}

TEST_CASE("json::write: ill-formed UTF-8 in a built string becomes U+FFFD") {
    const std::string out =
        json::write(json::value::make_string("a\xFF"
                                             "b"));
    CHECK(out ==
          "\"a\xEF\xBF\xBD"
          "b\"");
    CHECK(json::parse(out).has_value());
}

TEST_CASE("json::line_column: counts lines by LF and columns in bytes, clamping past the end") {
    constexpr std::string_view text = "ab\ncd\r\nef";
    CHECK(json::line_column(text, 0).line == 1);
    CHECK(json::line_column(text, 0).column == 1);
    CHECK(json::line_column(text, 2).column == 3);
    CHECK(json::line_column(text, 3).line == 2);
    CHECK(json::line_column(text, 3).column == 1);
    CHECK(json::line_column(text, 7).line == 3);
    CHECK(json::line_column(text, 7).column == 1);
    CHECK(json::line_column(text, 9).column == 3);
    CHECK(json::line_column(text, 1000).line == 3);
    CHECK(json::line_column(text, 1000).column == 3);
    static_assert(json::line_column("a\nbc", 3).column == 2);
    CHECK(json::line_column("", 0).column == 1);
}

TEST_CASE("json::parse_error: code, message and stable id") {
    json::parse_error e;
    e.code = json_errc::depth_exceeded;
    CHECK(e.message() == "nesting deeper than the configured maximum depth");
    CHECK(e.id() == "depth-exceeded");
    static_assert(json::to_string(json_errc::duplicate_key) == "duplicate-key");
    static_assert(json::parse_error{json_errc::duplicate_key}.message() == "duplicate object key");
    // Every code has a sentence and an id of its own.
    for (int c = 0; c <= static_cast<int>(json_errc::duplicate_key); ++c) {
        e.code = static_cast<json_errc>(c);
        CHECK(e.message() != "unknown JSON error");
        CHECK(e.id() != "unknown");
    }
}

TEST_CASE("json::parse: parses the AWS managed policies sample documents") {
    const json::value v = parse_ok(
        R"({"Version":"2012-10-17","Statement":[{"Sid":"A","Effect":"Allow","Action":["s3:GetObject","s3:List*"],)"
        R"("Resource":"arn:aws:s3:::b/${aws:username}/*","Condition":{"Bool":{"aws:SecureTransport":true}}}]})");
    const json::value* statements = v.find("Statement");
    REQUIRE(statements != nullptr);
    const json::value& s0 = statements->as_array()->front();
    CHECK(s0.find("Condition")->find("Bool")->find("aws:SecureTransport")->as_boolean() == true);
}

// JSONTestSuite (nst/JSONTestSuite, MIT): y_ must be accepted, n_ rejected, and each
// implementation-defined i_ file gets the answer pinned below.
TEST_CASE("json::parse: conforms to JSONTestSuite y_/n_ and keeps its pinned i_ answers") {
    // true = accepted. Numbers are kept as text, so any magnitude is accepted;
    // ill-formed UTF-8, unpaired surrogates, UTF-16, a BOM and 500 levels
    // (default limit 128) are rejected.
    const std::map<std::string, bool> pinned = {
        {"i_number_double_huge_neg_exp.json", true},
        {"i_number_huge_exp.json", true},
        {"i_number_neg_int_huge_exp.json", true},
        {"i_number_pos_double_huge_exp.json", true},
        {"i_number_real_neg_overflow.json", true},
        {"i_number_real_pos_overflow.json", true},
        {"i_number_real_underflow.json", true},
        {"i_number_too_big_neg_int.json", true},
        {"i_number_too_big_pos_int.json", true},
        {"i_number_very_big_negative_int.json", true},
        {"i_object_key_lone_2nd_surrogate.json", false},
        {"i_string_1st_surrogate_but_2nd_missing.json", false},
        {"i_string_1st_valid_surrogate_2nd_invalid.json", false},
        {"i_string_UTF-16LE_with_BOM.json", false},
        {"i_string_UTF-8_invalid_sequence.json", false},
        {"i_string_UTF8_surrogate_U+D800.json", false},
        {"i_string_incomplete_surrogate_and_escape_valid.json", false},
        {"i_string_incomplete_surrogate_pair.json", false},
        {"i_string_incomplete_surrogates_escape_valid.json", false},
        {"i_string_invalid_lonely_surrogate.json", false},
        {"i_string_invalid_surrogate.json", false},
        {"i_string_invalid_utf-8.json", false},
        {"i_string_inverted_surrogates_U+1D11E.json", false},
        {"i_string_iso_latin_1.json", false},
        {"i_string_lone_second_surrogate.json", false},
        {"i_string_lone_utf8_continuation_byte.json", false},
        {"i_string_not_in_unicode_range.json", false},
        {"i_string_overlong_sequence_2_bytes.json", false},
        {"i_string_overlong_sequence_6_bytes.json", false},
        {"i_string_overlong_sequence_6_bytes_null.json", false},
        {"i_string_truncated-utf-8.json", false},
        {"i_string_utf16BE_no_BOM.json", false},
        {"i_string_utf16LE_no_BOM.json", false},
        {"i_structure_500_nested_arrays.json", false},
        {"i_structure_UTF-8_BOM_empty_object.json", false},
    };
    // RFC 8259 allows repeated keys, IAM does not: these y_ files are rejected by
    // default and accepted with allow_duplicate_keys.
    const std::map<std::string, bool> duplicate_key_files = {
        {"y_object_duplicated_key.json", true},
        {"y_object_duplicated_key_and_value.json", true},
    };
    json::parse_options lenient;
    lenient.allow_duplicate_keys = true;

    const std::filesystem::path dir = std::filesystem::path(IAM_TEST_DATA_DIR) / "JSONTestSuite" / "test_parsing";
    REQUIRE(std::filesystem::is_directory(dir));
    std::size_t y_count = 0;
    std::size_t n_count = 0;
    std::size_t i_count = 0;
    std::size_t duplicate_count = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();
        const std::string text = read_file(entry.path());
        CAPTURE(name);
        const auto r = json::parse(text);
        if (!r) {
            CHECK(r.error().offset <= text.size());
        }
        if (name.rfind("y_", 0) == 0) {
            ++y_count;
            if (duplicate_key_files.count(name) != 0) {
                ++duplicate_count;
                REQUIRE_FALSE(r.has_value());
                CHECK(r.error().code == json_errc::duplicate_key);
                CHECK(json::parse(text, lenient).has_value());
            } else {
                CHECK(r.has_value());
                CHECK(json::parse(text, lenient).has_value());
            }
        } else if (name.rfind("n_", 0) == 0) {
            ++n_count;
            CHECK_FALSE(r.has_value());
            CHECK_FALSE(json::parse(text, lenient).has_value());
        } else if (name.rfind("i_", 0) == 0) {
            ++i_count;
            const auto it = pinned.find(name);
            REQUIRE_MESSAGE(it != pinned.end(), "i_ file without a pinned answer");
            CHECK(r.has_value() == it->second);
        }
        if (r) {
            // Whatever is accepted writes back to JSON that parses to the same value.
            const std::string compact = json::write(*r);
            const auto again = json::parse(compact);
            REQUIRE(again.has_value());
            CHECK(*again == *r);
            CHECK(json::write(*again) == compact);
        }
    }
    CHECK(y_count == 95);
    CHECK(n_count == 188);
    CHECK(i_count == 35);
    CHECK(i_count == pinned.size());
    CHECK(duplicate_count == duplicate_key_files.size());
}

TEST_CASE("json::parse_document: views the same values as parse, with offsets, in document order") {
    const std::string text = R"( {"a": [1, "x", true, null, {}], "k\u00e9y": "v\nw", "n": -2.5e1, "f": false} )";
    auto d = json::parse_document(text);
    REQUIRE(d.has_value());
    const json::element root = d->root();
    REQUIRE(root.is_object());
    CHECK(root.offset() == 1);
    CHECK(root.as_object()->size() == 4);
    CHECK_FALSE(root.as_array());
    CHECK(root.as_array()->empty());  // a null view is an empty range

    std::vector<std::string> keys;
    for (const json::member_view m : *root.as_object()) keys.emplace_back(m.key);
    CHECK(keys == std::vector<std::string>{"a", "k\xC3\xA9y", "n", "f"});

    const auto a = root.find("a");
    REQUIRE(a);
    REQUIRE(a->as_array()->size() == 5);
    std::vector<json::value_kind> kinds;
    for (const json::element e : *a->as_array()) kinds.push_back(e.kind());
    CHECK(kinds == std::vector<json::value_kind>{json::value_kind::number, json::value_kind::string,
                                                 json::value_kind::boolean, json::value_kind::null,
                                                 json::value_kind::object});
    CHECK((*a->as_array().begin()).as_int64() == 1);
    CHECK(root.find("k\xC3\xA9y")->as_string() == "v\nw");  // escapes decoded into the document
    CHECK(root.find("k\xC3\xA9y")->offset() == text.find("\"v"));
    CHECK(root.find("n")->number_text() == "-2.5e1");
    CHECK(root.find("n")->as_double() == -25.0);
    CHECK(root.find("f")->as_boolean() == false);
    CHECK_FALSE(root.find("missing"));
    CHECK_FALSE(a->find("a"));  // not an object
    CHECK(root.to_value() == parse_ok(text));

    // Moving keeps the elements valid: they point into the tape and the decoded strings.
    const json::document moved = std::move(d).value();
    CHECK(moved.root().find("k\xC3\xA9y")->as_string() == "v\nw");
    CHECK(json::document().root().is_null());
}

TEST_CASE("json::parse_document: rejects exactly what parse rejects") {
    for (const std::string_view text : {"", "[1,]", R"({"a":1,"a":2})", "\"\\u12\"", "[[[]]", "{\"a\" 1}", "tru"}) {
        CAPTURE(text);
        const auto d = json::parse_document(text);
        const auto v = json::parse(text);
        REQUIRE_FALSE(d.has_value());
        REQUIRE_FALSE(v.has_value());
        CHECK(d.error().code == v.error().code);
        CHECK(d.error().offset == v.error().offset);
    }
}

TEST_CASE("json::document: views a built value, keeping its offsets; any depth is safe") {
    const json::value v = parse_ok(R"({"b":[false,{"x":"y"}],"a":1})");
    const json::document view(v);
    CHECK(view.root().find("b")->offset() == v.find("b")->offset());
    CHECK(view.root().to_value() == v);

    std::string deep(100000, '[');
    deep.append(100000, ']');
    const json::value nested = parse_ok(deep, json::parse_options{100000});
    CHECK(json::document(nested).root().to_value() == nested);
}
