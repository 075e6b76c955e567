// SPDX-License-Identifier: MIT
#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

#include <iam/json.hpp>

namespace json = iam::json;

TEST_CASE("json::writer: compact output has no whitespace and commas only between elements") {
    json::writer w;
    w.begin_object();
    w.key("s").value("text").key("b").value(true).key("f").value(false).key("n").null();
    w.key("i").value(-42).key("u").value(std::size_t{7});
    w.key("a").begin_array().value(1).begin_object().end_object().begin_array().end_array().end_array();
    w.key("o").begin_object().key("k").value(std::string("v")).end_object();
    w.end_object();
    CHECK(w.complete());
    CHECK(w.text() == R"({"s":"text","b":true,"f":false,"n":null,"i":-42,"u":7,"a":[1,{},[]],"o":{"k":"v"}})");
    CHECK(json::parse(w.text()).has_value());
}

TEST_CASE("json::writer: integers of every width are written exactly") {
    json::writer w;
    w.begin_array()
        .value(std::numeric_limits<std::int64_t>::min())
        .value(std::numeric_limits<std::uint64_t>::max())
        .value(static_cast<unsigned char>(255))
        .end_array();
    CHECK(std::move(w).text() == "[-9223372036854775808,18446744073709551615,255]");
}

TEST_CASE("json::writer: a string literal is a string, not a boolean") {
    json::writer w;
    w.value("true");
    CHECK(w.text() == R"("true")");
}

TEST_CASE("json::writer: keys and strings are escaped, ill-formed UTF-8 becomes U+FFFD") {
    json::writer w;
    w.begin_object().key("a\"b\n").value("c\\d\x01\xFF").end_object();
    CHECK(w.text() == "{\"a\\\"b\\n\":\"c\\\\d\\u0001\xEF\xBF\xBD\"}");
    CHECK(json::parse(w.text()).has_value());
}

TEST_CASE("json::writer: a scalar alone is a whole document") {
    json::writer w;
    CHECK_FALSE(w.complete());
    w.value(3);
    CHECK(w.complete());
    CHECK(w.text() == "3");
}

TEST_CASE("json::writer: complete only once every container is closed") {
    json::writer w;
    w.begin_array().begin_object();
    CHECK_FALSE(w.complete());
    w.end_object();
    CHECK_FALSE(w.complete());
    w.end_array();
    CHECK(w.complete());
}

TEST_CASE("json::writer: pretty style indents by two spaces, keeps empty containers on one line, no final newline") {
    json::writer w(json::write_style::pretty);
    w.begin_object().key("a").begin_array().value(1).begin_object().end_object().end_array();
    w.key("d").begin_array().end_array().key("e").value("x").end_object();
    CHECK(w.text() ==
          "{\n"
          "  \"a\": [\n"
          "    1,\n"
          "    {}\n"
          "  ],\n"
          "  \"d\": [],\n"
          "  \"e\": \"x\"\n"
          "}");
}

TEST_CASE("json::writer: break_line starts the next element on a new line in the compact style only") {
    json::writer compact;
    compact.begin_object().key("items").begin_array();
    for (int i = 0; i < 3; ++i) compact.break_line().begin_object().key("n").value(i).end_object();
    compact.end_array().end_object();
    CHECK(compact.text() == "{\"items\":[\n{\"n\":0},\n{\"n\":1},\n{\"n\":2}]}");
    CHECK(json::parse(compact.text()).has_value());

    json::writer pretty(json::write_style::pretty);
    pretty.begin_array().break_line().value(1).end_array();
    CHECK(pretty.text() == "[\n  1\n]");
}

TEST_CASE("json::writer: a parsed value is written as json::write writes it, inside a larger document") {
    const auto policy = json::parse(R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Resource":1.0e+10}]})");
    REQUIRE(policy.has_value());
    json::writer w;
    w.begin_object().key("PolicyDocument").value(*policy).key("empty").value(json::value::make_array()).end_object();
    CHECK(w.text() == R"({"PolicyDocument":)" + json::write(*policy) + R"(,"empty":[]})");

    json::writer pretty(json::write_style::pretty);
    pretty.value(*policy);
    CHECK(std::move(pretty).text() == json::write(*policy, json::write_style::pretty));
}
