// SPDX-License-Identifier: MIT
// Tests of condition evaluation (condition.hpp): operators, policy variables, IfExists.
#include <doctest/doctest.h>

#include <iam/condition.hpp>
#include <iam/evaluate.hpp>

#include <string>
#include <vector>

using iam::context_type;

namespace {

// The one condition of `condition_block` (`{"Operator":{"key":values}}`) in a 2012-10-17 statement.
iam::condition parse_condition(const std::string& condition_block) {
    const auto parsed = iam::parse_policy(R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*",)"
                                          R"("Resource":"*","Condition":)" +
                                          condition_block + "}}");
    REQUIRE_MESSAGE(parsed.has_value(), condition_block);
    REQUIRE(parsed->statements[0].conditions.size() == 1);
    return parsed->statements[0].conditions[0];
}

iam::context_entry entry(std::string key, std::vector<std::string> values, context_type type = context_type::string) {
    return {std::move(key), std::move(values), type};
}

// Whether `condition_block` holds in `context`, with policy variables on.
bool holds(const std::string& condition_block, const std::vector<iam::context_entry>& context) {
    std::string scratch;
    return iam::evaluate_condition(parse_condition(condition_block), context, true, scratch).satisfied;
}

// `{"<op>":{"<key>":<values>}}`.
std::string block(std::string_view op, std::string_view key, std::string_view values) {
    return "{\"" + std::string(op) + "\":{\"" + std::string(key) + "\":" + std::string(values) + "}}";
}

}  // namespace

// AWS, IAM User Guide, "Policy variables with no value"
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#policy-vars-no-value):
// "When policy variables reference a condition context key that has no value or is not
// present in an authorization context for a request, the value is effectively null. There
// is no equal or like value." ... "When you use a variable with no value in the condition
// element of an IAM policy, IAM JSON policy elements: Condition operators like
// `StringEquals` or `StringLike` do not match, and the policy statement does not take
// effect." ... "Inverted condition operators like `StringNotEquals` or `StringNotLike` do
// match against a null value, as the value of the condition key they are testing against
// is not equal to or like the effectively null value."
// The rule covers every operator that takes variables: String, ARN and Bool (which has no
// inverted form).
TEST_CASE("a policy variable with no value: positive operators do not match, inverted operators match") {
    const std::vector<iam::context_entry> context{entry("ctx:s", {"team-a"}),
                                                  entry("aws:SourceArn", {"arn:aws:sns:us-east-1:1:t"})};
    for (const char* op : {"StringEquals", "StringEqualsIgnoreCase", "StringLike"}) {
        CAPTURE(op);
        CHECK_FALSE(holds(block(op, "ctx:s", R"("${aws:PrincipalTag/Team}")"), context));
        CHECK_FALSE(holds(block(std::string(op) + "IfExists", "ctx:s", R"("${aws:PrincipalTag/Team}")"), context));
        CHECK_FALSE(holds(block("ForAnyValue:" + std::string(op), "ctx:s", R"("${aws:PrincipalTag/Team}")"), context));
    }
    for (const char* op : {"StringNotEquals", "StringNotEqualsIgnoreCase", "StringNotLike"}) {
        CAPTURE(op);
        CHECK(holds(block(op, "ctx:s", R"("${aws:PrincipalTag/Team}")"), context));
        CHECK(holds(block(std::string(op) + "IfExists", "ctx:s", R"("${aws:PrincipalTag/Team}")"), context));
        CHECK(holds(block("ForAllValues:" + std::string(op), "ctx:s", R"("${aws:PrincipalTag/Team}")"), context));
    }
    for (const char* op : {"ArnEquals", "ArnLike"})
        CHECK_FALSE(holds(block(op, "aws:SourceArn", R"("arn:aws:sns:*:*:${aws:PrincipalTag/Team}")"), context));
    for (const char* op : {"ArnNotEquals", "ArnNotLike", "ArnNotLikeIfExists"})
        CHECK(holds(block(op, "aws:SourceArn", R"("arn:aws:sns:*:*:${aws:PrincipalTag/Team}")"), context));
    CHECK_FALSE(holds(R"({"Bool":{"aws:SecureTransport":"${aws:PrincipalTag/Team}"}})",
                      {entry("aws:SecureTransport", {"true"}, context_type::boolean)}));
    // The null value is one value among several: the others still count.
    CHECK_FALSE(holds(block("StringNotEquals", "ctx:s", R"(["team-a","${aws:PrincipalTag/Team}"])"), context));
    CHECK(holds(block("StringEquals", "ctx:s", R"(["team-a","${aws:PrincipalTag/Team}"])"), context));
    // A default is a value: nothing is null then.
    CHECK_FALSE(holds(block("StringNotEquals", "ctx:s", R"("${aws:PrincipalTag/Team, 'team-a'}")"), context));
    // A list-valued key gives a variable no value either (a variable stands for one value).
    const std::vector<iam::context_entry> with_list{entry("ctx:s", {"team-a"}),
                                                    entry("ctx:list", {"team-a"}, context_type::string_list)};
    CHECK(holds(block("StringNotEquals", "ctx:s", R"("${ctx:list}")"), with_list));
}

TEST_CASE("a policy variable with no value turns AWS's Deny example on, and the key is still reported missing") {
    // The example of "Policy variables with no value": "Access is explicitly denied when
    // `aws:principaltag/Team` is not set."
    const auto policy = iam::parse_policy(R"({"Version":"2012-10-17","Statement":[
        {"Effect":"Allow","Action":"s3:GetObject","Resource":"*"},
        {"Effect":"Deny","Action":"s3:GetObject","Resource":"arn:aws:s3:::amzn-s3-demo-bucket/*",
         "Condition":{"StringNotEquals":{"s3:ExistingObjectTag/Team":"${aws:PrincipalTag/Team}"}}}]})");
    REQUIRE(policy.has_value());
    iam::policy_set set;
    set.identity.push_back({"p", *policy});
    const iam::compiled_policy_set compiled(std::move(set));
    iam::request request{"s3:GetObject", "arn:aws:s3:::amzn-s3-demo-bucket/report.csv", "", "", {}};
    request.context = {entry("s3:ExistingObjectTag/Team", {"red"})};
    const iam::evaluation_result untagged = compiled.evaluate(request);
    CHECK(untagged.decision == iam::decision::explicit_deny);
    REQUIRE(untagged.missing.size() == 1);
    CHECK(untagged.missing[0].key == "aws:PrincipalTag/Team");
    request.context.push_back(entry("aws:PrincipalTag/Team", {"red"}));
    CHECK(compiled.evaluate(request).decision == iam::decision::allowed);
    request.context.back().values = {"blue"};
    CHECK(compiled.evaluate(request).decision == iam::decision::explicit_deny);
}

// AWS, IAM User Guide, condition operators
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html):
// "You can not use a policy variable with the `Numeric` condition operator." The same
// sentence is given for `Date`, `Binary`, `IpAddress` and `Null`; "You can use a policy
// variable with the `Boolean` condition operator", and with `String` and `ARN`.
TEST_CASE("policy variables are substituted only in the String, ARN and Bool operators") {
    using enum iam::condition_operator;
    for (const auto op : {string_equals, string_not_like, bool_, arn_like, arn_not_equals})
        CHECK(iam::accepts_policy_variables(op));
    for (const auto op : {numeric_equals, numeric_greater_than_equals, date_equals, date_less_than, binary_equals,
                          ip_address, not_ip_address, null})
        CHECK_FALSE(iam::accepts_policy_variables(op));
    // Built without the grammar (which rejects it), a Numeric value holding `${...}` stays
    // that text: it is no number, so it matches nothing, and the variable is never read.
    iam::condition c;
    c.op = numeric_equals;
    c.key = "ctx:n";
    c.values.push_back("${ctx:m}");
    const std::vector<iam::context_entry> context{entry("ctx:n", {"5"}, context_type::numeric),
                                                  entry("ctx:m", {"5"}, context_type::numeric)};
    std::string scratch;
    CHECK_FALSE(iam::evaluate_condition(c, context, true, scratch).satisfied);
    c.op = ip_address;
    c.key = "aws:SourceIp";
    const std::vector<iam::context_entry> ips{entry("aws:SourceIp", {"10.0.0.1"}, context_type::ip),
                                              entry("ctx:m", {"10.0.0.1"}, context_type::ip)};
    CHECK_FALSE(iam::evaluate_condition(c, ips, true, scratch).satisfied);
    // Bool substitutes.
    CHECK(holds(R"({"Bool":{"aws:SecureTransport":"${ctx:b}"}})",
                {entry("aws:SecureTransport", {"true"}, context_type::boolean), entry("ctx:b", {"true"})}));
}

// AWS, IAM User Guide, IP address condition operators
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IPAddress):
// `NotIpAddress`: "All IP addresses except the specified IP address or range". An IPv6
// caller is not inside an IPv4 address or network (nor the reverse), so NotIpAddress holds
// for it and "Deny unless from our range" cannot be bypassed over the other family.
TEST_CASE("NotIpAddress holds for an address of the other family; IpAddress and NotIpAddress are complements") {
    const std::vector<std::string> networks{"192.0.2.7",   "192.0.2.0/24",  "0.0.0.0/0",
                                            "2001:db8::1", "2001:db8::/32", "::/0"};
    const std::vector<std::string> addresses{"192.0.2.7",     "192.0.2.99",  "198.51.100.1",    "2001:db8::1",
                                             "2001:db8:1::5", "2001:db9::1", "::ffff:192.0.2.7"};
    for (const std::string& network : networks) {
        for (const std::string& address : addresses) {
            CAPTURE(network);
            CAPTURE(address);
            const std::vector<iam::context_entry> context{entry("aws:SourceIp", {address}, context_type::ip)};
            const bool inside = holds(block("IpAddress", "aws:SourceIp", '"' + network + '"'), context);
            CHECK(holds(block("NotIpAddress", "aws:SourceIp", '"' + network + '"'), context) == !inside);
            CHECK(holds(block("IpAddressIfExists", "aws:SourceIp", '"' + network + '"'), context) == inside);
            CHECK(holds(block("NotIpAddressIfExists", "aws:SourceIp", '"' + network + '"'), context) == !inside);
            const bool same_family =
                (network.find(':') == std::string::npos) == (address.find(':') == std::string::npos);
            if (!same_family) CHECK_FALSE(inside);
        }
    }
    CHECK(holds(R"({"NotIpAddress":{"aws:SourceIp":"192.0.2.7"}})",
                {entry("aws:SourceIp", {"2001:db8::1"}, context_type::ip)}));
    CHECK(holds(R"({"NotIpAddress":{"aws:SourceIp":["192.0.2.0/24","203.0.113.0/24"]}})",
                {entry("aws:SourceIp", {"2001:db8::1"}, context_type::ip)}));
    CHECK_FALSE(holds(R"({"NotIpAddress":{"aws:SourceIp":["192.0.2.0/24","2001:db8::/32"]}})",
                      {entry("aws:SourceIp", {"2001:db8::1"}, context_type::ip)}));
    // Absent key: IfExists holds for both, as for any operator.
    CHECK(holds(R"({"IpAddressIfExists":{"aws:SourceIp":"192.0.2.0/24"}})", {}));
    CHECK(holds(R"({"NotIpAddressIfExists":{"aws:SourceIp":"192.0.2.0/24"}})", {}));
    CHECK(iam::value_matches(iam::condition_operator::not_ip_address, "2001:db8::1", "192.0.2.7") == false);
    CHECK(iam::value_matches(iam::condition_operator::ip_address, "2001:db8::1", "192.0.2.7") == false);
}

TEST_CASE("the Deny-unless-from-our-range policy denies an IPv6 caller") {
    const auto policy = iam::parse_policy(R"({"Version":"2012-10-17","Statement":[
        {"Effect":"Allow","Action":"*","Resource":"*"},
        {"Effect":"Deny","Action":"*","Resource":"*","Condition":{"NotIpAddress":{"aws:SourceIp":"192.0.2.7"}}}]})");
    REQUIRE(policy.has_value());
    iam::policy_set set;
    set.identity.push_back({"p", *policy});
    const iam::compiled_policy_set compiled(std::move(set));
    iam::request request{"s3:GetObject", "arn:aws:s3:::bucket/key", "", "", {}};
    request.context = {entry("aws:SourceIp", {"2001:db8::1"}, context_type::ip)};
    CHECK(compiled.evaluate(request).decision == iam::decision::explicit_deny);
    request.context = {entry("aws:SourceIp", {"192.0.2.7"}, context_type::ip)};
    CHECK(compiled.evaluate(request).decision == iam::decision::allowed);
}

// AWS, IAM User Guide, Date condition operators
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Date):
// "You must specify date/time values with one of the W3C implementations of the ISO 8601
// date formats or in epoch (UNIX) time."
TEST_CASE("Date operators read the W3C profiles in policies and in requests") {
    const auto at = [](const char* value) {
        return std::vector<iam::context_entry>{entry("aws:CurrentTime", {value}, context_type::date)};
    };
    CHECK(holds(R"({"DateGreaterThanEquals":{"aws:CurrentTime":"2024"}})", at("2024-01-01T00:00:00Z")));
    CHECK_FALSE(holds(R"({"DateGreaterThanEquals":{"aws:CurrentTime":"2024"}})", at("2023-12-31T23:59:59Z")));
    CHECK(holds(R"({"DateLessThan":{"aws:CurrentTime":"2024-07"}})", at("2024-06-30T23:59:59.999Z")));
    CHECK(holds(R"({"DateEquals":{"aws:CurrentTime":"2024-07-01T02:00+02:00"}})", at("2024-07")));
    CHECK(holds(R"({"DateEquals":{"aws:CurrentTime":2024}})", at("2024")));
    CHECK(holds(R"({"DateEquals":{"aws:CurrentTime":"1700000000"}})", at("2023-11-14T22:13:20Z")));
}

TEST_CASE("the evaluator reads no policy variable in an operator that takes none") {
    // A Numeric value holding `${ctx:m}`, built without the grammar: `ctx:m` is not a key
    // the request lacks, so it is not reported missing; only the condition's own key is.
    const auto parsed = iam::parse_policy(R"({"Version":"2012-10-17","Statement":{"Effect":"Allow",)"
                                          R"("Action":"s3:GetObject","Resource":"*",)"
                                          R"("Condition":{"NumericLessThan":{"ctx:n":"5"}}}})");
    REQUIRE(parsed.has_value());
    iam::policy document = *parsed;
    document.statements[0].conditions[0].values = {"${ctx:m}"};
    const iam::request r{"s3:GetObject", "arn:aws:s3:::b/k", "", "", {}};
    const iam::evaluation_result out = iam::evaluate(r, {{{"p", document}}, {}});
    CHECK(out.decision == iam::decision::implicit_deny);
    REQUIRE(out.missing.size() == 1);
    CHECK(out.missing[0].key == "ctx:n");
}

TEST_CASE("an unreadable request value fails closed: the condition holds in a Deny, fails in an Allow") {
    // AWS is silent on a value its operator cannot read: it must never let a request through.
    std::string scratch;
    const std::vector<iam::context_entry> bad_ip{entry("aws:SourceIp", {"10.0.0.256"}, context_type::ip)};
    for (const char* op : {"IpAddress", "NotIpAddress", "ForAnyValue:NotIpAddress", "ForAllValues:IpAddress"}) {
        CAPTURE(op);
        const auto o = iam::evaluate_condition(parse_condition(block(op, "aws:SourceIp", R"("10.0.0.0/8")")), bad_ip,
                                               true, scratch);
        CHECK(o.unreadable_value);
        CHECK(o.holds_in(iam::policy_effect::deny));
        CHECK_FALSE(o.holds_in(iam::policy_effect::allow));
    }
    // Even beside a readable value that matches.
    const std::vector<iam::context_entry> mixed{entry("ctx:ips", {"10.0.0.1", "x"}, context_type::ip_list)};
    const auto o = iam::evaluate_condition(
        parse_condition(block("ForAnyValue:IpAddress", "ctx:ips", R"("10.0.0.0/8")")), mixed, true, scratch);
    CHECK(o.satisfied);
    CHECK_FALSE(o.holds_in(iam::policy_effect::allow));
    // A readable value: `holds_in` is `satisfied`, whatever the effect.
    const std::vector<iam::context_entry> good_ip{entry("aws:SourceIp", {"10.0.0.1"}, context_type::ip)};
    const auto readable = iam::evaluate_condition(
        parse_condition(block("IpAddress", "aws:SourceIp", R"("10.0.0.0/8")")), good_ip, true, scratch);
    CHECK_FALSE(readable.unreadable_value);
    CHECK(readable.holds_in(iam::policy_effect::allow));
    CHECK(readable.holds_in(iam::policy_effect::deny));
}

TEST_CASE("context types: AWS's spellings, read ignoring case; the List types are multivalued") {
    CHECK(iam::to_string(context_type::string_list) == "stringList");
    CHECK(iam::parse_context_type("STRINGLIST") == context_type::string_list);
    CHECK(iam::parse_context_type("ipList") == context_type::ip_list);
    CHECK_FALSE(iam::parse_context_type("list"));
    for (std::size_t i = 0; i < iam::context_type_names.size(); ++i) {
        const auto type = static_cast<context_type>(i);
        CHECK(iam::parse_context_type(iam::to_string(type)) == type);
        CHECK(iam::is_multivalued(type) == iam::to_string(type).ends_with("List"));
    }
}

TEST_CASE("the request context: keys ignore case, supplied entries win over derived ones") {
    const std::vector<iam::context_entry> supplied{entry("aws:username", {"alice"})};
    const std::vector<iam::context_entry> derived{entry("AWS:UserName", {"bob"}), entry("aws:userid", {"AIDA1"})};
    const iam::context_view view(supplied, derived);
    REQUIRE(view.find("AWS:USERNAME") != nullptr);
    CHECK(view.find("AWS:USERNAME")->values == std::vector<std::string>{"alice"});
    REQUIRE(view.find("aws:UserId") != nullptr);
    CHECK(view.find("aws:UserId")->values == std::vector<std::string>{"AIDA1"});
    CHECK(view.find("aws:SourceIp") == nullptr);
    CHECK(iam::find_context(derived, "aws:userid") == &derived[1]);
    // A variable stands for one value: an absent key, a list type or no value lack one.
    const iam::context_entry list = entry("ctx:l", {"a"}, context_type::string_list);
    const iam::context_entry empty = entry("ctx:e", {});
    CHECK(iam::lacks_single_value(nullptr));
    CHECK(iam::lacks_single_value(&list));
    CHECK(iam::lacks_single_value(&empty));
    CHECK_FALSE(iam::lacks_single_value(&supplied[0]));
}

// AWS, IAM User Guide, policy variables
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html):
// a default is written `${aws:PrincipalTag/team, 'company-wide'}`, and `${*}`, `${?}` and
// `${$}` stand for the characters `*`, `?` and `$`.
TEST_CASE("substitute_variables: values, defaults, literals, and wildcards kept literal where asked") {
    const std::vector<iam::context_entry> context{entry("aws:username", {"a*b"}),
                                                  entry("ctx:l", {"x"}, context_type::string_list)};
    std::string out;
    CHECK(iam::substitute_variables("home/${aws:username}/", context, false, out));
    CHECK(out == "home/a*b/");
    CHECK(iam::substitute_variables("home/${aws:username}/", context, true, out));
    CHECK(out == std::string("home/a") + iam::wildcard_escape + "*b/");
    CHECK(iam::substitute_variables("${ctx:none, 'd f'}-${*}${?}${$}", context, false, out));
    CHECK(out == "d f-*?$");
    CHECK_FALSE(iam::substitute_variables("${ctx:none}", context, false, out));
    CHECK_FALSE(iam::substitute_variables("${ctx:l}", context, false, out));  // a list has no single value
    CHECK(iam::substitute_variables("${unclosed", context, false, out));
    CHECK(out == "${unclosed");
}

// AWS, IAM User Guide, condition operators
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html):
// "If the key that you specify in a policy condition is not present in the request context,
// the values do not match and the condition is false. If the policy condition requires that
// the key is not matched, such as `StringNotLike` or `ArnNotLike`, and the right key is not
// present, the condition is true. This logic applies to all condition operators except
// ...IfExists and Null check." ...IfExists: "If the key is not present, evaluate the
// condition element as true."
TEST_CASE("a missing key: positive operators fail, negated ones and IfExists hold") {
    std::string scratch;
    const std::vector<iam::context_entry> empty;
    for (std::size_t i = 0; i < iam::condition_operator_count; ++i) {
        const auto op = static_cast<iam::condition_operator>(i);
        if (op == iam::condition_operator::null) continue;
        iam::condition c;
        c.op = op;
        c.key = "ctx:absent";
        c.values.push_back("1");
        CAPTURE(iam::to_string(op));
        const iam::condition_outcome o = iam::evaluate_condition(c, empty, true, scratch);
        CHECK(o.key_missing);
        CHECK(o.entry == nullptr);
        CHECK(o.satisfied == iam::is_negated(op));
        c.if_exists = true;
        CHECK(iam::evaluate_condition(c, empty, true, scratch).satisfied);
    }
}

// AWS, IAM User Guide, condition operators, Null
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Null):
// "use either `true` (the key doesn't exist — it is null) or `false` (the key exists and its
// value is not null)".
TEST_CASE("Null tests whether the key is present; several values OR") {
    const std::vector<iam::context_entry> present{
        entry("aws:TokenIssueTime", {"2024-01-01T00:00:00Z"}, context_type::date)};
    CHECK(holds(R"({"Null":{"aws:TokenIssueTime":"true"}})", {}));
    CHECK_FALSE(holds(R"({"Null":{"aws:TokenIssueTime":"true"}})", present));
    CHECK(holds(R"({"Null":{"aws:TokenIssueTime":false}})", present));
    CHECK_FALSE(holds(R"({"Null":{"aws:TokenIssueTime":"false"}})", {}));
    CHECK(holds(R"({"Null":{"aws:TokenIssueTime":["true","false"]}})", {}));
}

// AWS, IAM User Guide, "Creating a condition with multiple keys or values"
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_multi-value-conditions.html):
// "ForAnyValue – The condition returns true if any one of the key values in the request
// matches any one of the condition values in the policy." "ForAllValues – The condition
// returns true if there's a match between every one of the specified key values in the
// request and at least one value in the policy." "If the key values in the request resolve
// to an empty data set (for example, an empty string), a condition operator modified by
// ForAllValues returns true, and a condition operator modified by ForAnyValue returns false."
TEST_CASE("set qualifiers over a multivalued key; no qualifier does not match one") {
    const std::vector<iam::context_entry> some{entry("ctx:tags", {"a", "b"}, context_type::string_list)};
    const std::vector<iam::context_entry> none{entry("ctx:tags", {}, context_type::string_list)};
    CHECK(holds(R"({"ForAllValues:StringEquals":{"ctx:tags":["a","b","c"]}})", some));
    CHECK_FALSE(holds(R"({"ForAllValues:StringEquals":{"ctx:tags":["a"]}})", some));
    CHECK(holds(R"({"ForAnyValue:StringEquals":{"ctx:tags":["b","z"]}})", some));
    CHECK_FALSE(holds(R"({"ForAnyValue:StringEquals":{"ctx:tags":["z"]}})", some));
    CHECK(holds(R"({"ForAllValues:StringEquals":{"ctx:tags":"z"}})", none));
    CHECK_FALSE(holds(R"({"ForAnyValue:StringEquals":{"ctx:tags":"z"}})", none));
    CHECK(holds(R"({"ForAllValues:StringEquals":{"ctx:tags":"z"}})", {}));
    CHECK_FALSE(holds(R"({"ForAnyValue:StringEquals":{"ctx:tags":"z"}})", {}));
    // Without a qualifier a multivalued key does not match, as the reference simulator has it.
    CHECK_FALSE(holds(R"({"StringEquals":{"ctx:tags":["a","b"]}})", some));
    CHECK_FALSE(holds(R"({"StringNotEquals":{"ctx:tags":"z"}})", some));
}

// AWS, IAM User Guide, "Creating a condition with multiple keys or values"
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_multi-value-conditions.html):
// several values of one key OR; a negated operator must match none of them.
TEST_CASE("several policy values: one must match, and a negated operator must match none") {
    const std::vector<iam::context_entry> alice{entry("aws:username", {"alice"})};
    CHECK(holds(R"({"StringEquals":{"aws:username":["bob","alice"]}})", alice));
    CHECK_FALSE(holds(R"({"StringNotEquals":{"aws:username":["bob","alice"]}})", alice));
    CHECK(holds(R"({"StringNotEquals":{"aws:username":["bob","carol"]}})", alice));
    CHECK(holds(R"({"StringEqualsIgnoreCase":{"aws:username":"ALICE"}})", alice));
    CHECK_FALSE(holds(R"({"StringEquals":{"aws:username":"ALICE"}})", alice));
    CHECK(holds(R"({"StringLike":{"aws:username":"a?i*"}})", alice));
    // A variable's value is literal text in a pattern: `*` from the context is no wildcard.
    CHECK_FALSE(holds(R"({"StringLike":{"aws:username":"${ctx:p}"}})",
                      {entry("aws:username", {"alice"}), entry("ctx:p", {"a*"})}));
    CHECK(holds(R"({"StringLike":{"aws:username":"${ctx:p}"}})",
                {entry("aws:username", {"a*"}), entry("ctx:p", {"a*"})}));
}
