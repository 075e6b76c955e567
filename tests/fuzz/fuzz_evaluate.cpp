// SPDX-License-Identifier: MIT
// Fuzz target: a fuzzed policy (and boundary) evaluated for a fuzzed request. It must
// never crash; a policy that fails to load is an error, never an allow; and the
// answer must be consistent with its own explanation, missing keys and unreadable
// values included. Input lines: identity policy, boundary policy (empty: none),
// action, resource, then `key=value` context lines; an odd-sized input says the action
// has resource types.
#include <iam/evaluate.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "require.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::vector<std::string_view> lines;
    std::string_view rest(reinterpret_cast<const char*>(data), size);
    while (!rest.empty()) {
        const std::size_t end = rest.find('\n');
        lines.push_back(rest.substr(0, end));
        rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
    }
    lines.resize(std::max<std::size_t>(lines.size(), 4));

    iam::policy_set set;
    auto identity = iam::parse_policy(lines[0]);
    if (!identity) return 0;  // refused: nothing to evaluate, so nothing can be allowed
    set.identity.push_back({"identity", std::move(identity.value())});
    if (!lines[1].empty()) {
        auto boundary = iam::parse_policy(lines[1], iam::policy_kind::boundary);
        if (!boundary) return 0;
        set.boundary.push_back({"boundary", std::move(boundary.value())});
    }
    iam::request r{std::string(lines[2]), std::string(lines[3]), "arn:aws:iam::123456789012:user/fuzz", "", {}};
    r.action_has_resource_types = size % 2 == 1;  // both readings of a request on `*`
    for (std::size_t i = 4; i < lines.size(); ++i) {
        const std::size_t eq = lines[i].find('=');
        if (eq == std::string_view::npos) continue;
        const auto type = static_cast<iam::context_type>(i % 12);
        r.context.push_back({std::string(lines[i].substr(0, eq)), {std::string(lines[i].substr(eq + 1))}, type});
    }
    const iam::compiled_policy_set compiled(std::move(set));
    const iam::evaluation_result first = compiled.evaluate(r);
    const iam::evaluation_result again = compiled.evaluate(r);
    require(first.decision == again.decision && first.matched == again.matched);  // pure
    for (const iam::statement_ref& ref : first.matched) {
        const bool deny = compiled.statement_of(ref).effect == iam::policy_effect::deny;
        require(deny == (first.decision == iam::decision::explicit_deny));
    }
    if (first.decision == iam::decision::explicit_deny) require(!first.matched.empty());
    // What the request lacked is absent or has no single value, and supplying it never "changes" the
    // decision into itself; what could not be read really cannot be.
    for (const iam::missing_key& k : first.missing) {
        const iam::context_entry* supplied = iam::find_context(r.context, k.key);
        require(supplied == nullptr || iam::lacks_single_value(supplied));  // a variable needs one value
        require(!k.could_become.contains(first.decision));
        for (const iam::decision d : iam::all_decisions)
            require(!k.could_become.contains(d) || first.could_become.contains(d));
    }
    for (const iam::unreadable_value& bad : first.unreadable)
        require(iam::request_value_unreadable(bad.op.op, bad.value));
    if (first.decision == iam::decision::allowed && !iam::iequals(r.action, "sts:GetCallerIdentity")) {
        bool identity_allow = false;
        for (const iam::statement_ref& ref : first.matched)
            identity_allow = identity_allow || ref.layer == iam::policy_layer::identity;
        require(identity_allow && first.allowed_by_boundary && !first.needs_resource_policy);
        require(first.not_grantable.empty());
    }
    require(first.some_resource == (r.resource == "*" && r.action_has_resource_types));
    return 0;
}
