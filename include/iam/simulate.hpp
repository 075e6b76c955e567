// SPDX-License-Identifier: MIT
// iamcpp: AWS's `simulate-custom-policy` offline — its JSON input, our evaluator,
// its JSON output — so existing calls move over unchanged.
#ifndef IAM_SIMULATE_HPP_INCLUDED
#define IAM_SIMULATE_HPP_INCLUDED

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "action_catalog.hpp"
#include "condition.hpp"
#include "detail/json_read.hpp"
#include "detail/json_string.hpp"
#include "evaluate.hpp"
#include "json.hpp"
#include "policy.hpp"
#include "policy_cache.hpp"
#include "result.hpp"

namespace iam {

/// One `simulate-custom-policy --cli-input-json` request, read and checked, with our
/// extensions for the policy types AWS's simulator cannot take.
struct simulation_input {
    /// Every policy, each named by where it came from: `PolicyInputList.N`,
    /// `PermissionsBoundaryPolicyInputList.N`, `ResourcePolicy`, `SessionPolicyInputList.N`,
    /// `VpcEndpointPolicyInputList.N`, `ServiceControlPolicies.L.PolicyInputList.N` (and
    /// `ResourceControlPolicies...`), numbered from 1; `ManagementAccountId`.
    compiled_policies policies;
    std::vector<std::string> actions;    ///< ActionNames
    std::vector<std::string> resources;  ///< ResourceArns (default `*`)
    std::string caller_arn;              ///< CallerArn
    std::string resource_owner;          ///< ResourceOwner
    std::vector<context_entry> context;  ///< ContextEntries
};

/// What made `parse_simulation_input` refuse an input.
enum class simulation_errc : std::uint8_t {
    invalid_json,     ///< not JSON
    not_object,       ///< JSON, but not an object
    invalid_field,    ///< a field of the wrong type
    invalid_policy,   ///< a policy that is not a document or breaks the grammar
    missing_actions,  ///< no ActionNames
    invalid_context,  ///< a ContextEntries item without a name or with an unknown type
};

/// The stable text id of `code`, e.g. "invalid-policy".
constexpr std::string_view to_string(simulation_errc code) noexcept {
    switch (code) {
        case simulation_errc::invalid_json: return "invalid-json";
        case simulation_errc::not_object: return "not-object";
        case simulation_errc::invalid_field: return "invalid-field";
        case simulation_errc::invalid_policy: return "invalid-policy";
        case simulation_errc::missing_actions: return "missing-actions";
        case simulation_errc::invalid_context: return "invalid-context";
    }
    return "unknown";
}

/// Why an input was refused: the code, and a sentence naming the field (and, for
/// policies, every grammar error with its JSON path).
struct simulation_error {
    simulation_errc code = simulation_errc::invalid_field;
    std::string detail{};

    /// `detail`, or when it is empty a fixed sentence for the code.
    std::string_view message() const noexcept {
        if (!detail.empty()) return detail;
        switch (code) {
            case simulation_errc::invalid_json: return "the input is not JSON";
            case simulation_errc::not_object: return "the input must be a JSON object";
            case simulation_errc::invalid_field: return "a field has the wrong type";
            case simulation_errc::invalid_policy: return "a policy is not valid";
            case simulation_errc::missing_actions: return "ActionNames must name at least one action";
            case simulation_errc::invalid_context: return "a ContextEntries item is not valid";
        }
        return "unknown error";
    }
    /// The code's stable id, `to_string(code)`.
    std::string_view id() const noexcept { return to_string(code); }
};

namespace detail {

// Each item of the array member `field` of `parent` (absent: none), in order, until
// `read(item, name)` returns false, `name` being `FIELD.N` (from 1); then false, with
// `error` set unless `read` set it, also when the member is not an array.
template <typename Read>
bool read_items(json::element parent, std::string_view field, std::string_view what, simulation_error& error,
                Read&& read) {
    std::size_t n = 0;
    const auto item = [&](json::element value, const std::string&) {
        return read(value, std::string(field) + "." + std::to_string(++n));
    };
    switch (for_each_item(parent, "", field, item)) {
        case array_read::absent:
        case array_read::read: return true;
        case array_read::not_array: break;
        case array_read::stopped:
            if (!error.detail.empty()) return false;
            break;
    }
    error = {simulation_errc::invalid_field, std::string(field) + " must be an array of " + std::string(what)};
    return false;
}

inline bool read_string_list(json::element parent, std::string_view field, std::vector<std::string>& out,
                             simulation_error& error) {
    return read_items(parent, field, "strings", error, [&](json::element item, const std::string&) {
        const auto text = item.as_string();
        if (text) out.emplace_back(*text);
        return text.has_value();
    });
}

// Reads `text` as a policy of `kind` (else of `otherwise`, when given; through `cache`
// when given) into `out`, named `name`.
inline bool read_policy_text(std::string_view text, std::string name, policy_kind kind, policy_cache* cache,
                             std::vector<named_compiled_policy>& out, simulation_error& error,
                             std::optional<policy_kind> otherwise = {}) {
    policy_cache one_off(2);
    policy_cache& c = cache != nullptr ? *cache : one_off;
    auto prepared = otherwise ? c.get(text, kind, *otherwise) : c.get(text, kind);
    if (!prepared) {
        error = {simulation_errc::invalid_policy, name + " is not a valid policy:"};
        for (const policy_error& e : prepared.error().errors)
            error.detail += " " + std::string(e.message()) + " [" + e.path + "];";
        error.detail.pop_back();
        return false;
    }
    out.push_back({std::move(name), std::move(prepared.value())});
    return true;
}

// The text of a policy item: a JSON string, or an object written out (a convenience:
// AWS takes strings); nullopt for anything else.
inline std::optional<std::string_view> policy_item_text(json::element item, std::string& written) {
    if (const auto s = item.as_string()) return *s;
    if (!item.is_object()) return std::nullopt;
    written = json::write(item.to_value());
    return std::string_view(written);
}

inline bool read_policies(json::element input, std::string_view field, policy_kind kind, policy_cache* cache,
                          std::vector<named_compiled_policy>& out, simulation_error& error) {
    return read_items(input, field, "policy documents", error, [&](json::element item, std::string name) {
        std::string written;
        const auto text = policy_item_text(item, written);
        if (!text) {
            error = {simulation_errc::invalid_policy, name + " must be a policy document (a JSON string or object)"};
            return false;
        }
        return read_policy_text(*text, std::move(name), kind, cache, out, error);
    });
}

// `ResourcePolicy`: a resource-based policy, or a role's trust policy (which has no
// Resource), AWS's one field for both.
inline bool read_resource_policy(json::element input, policy_cache* cache, std::vector<named_compiled_policy>& out,
                                 simulation_error& error) {
    const auto item = input.find("ResourcePolicy");
    if (!item) return true;
    std::string written;
    const auto text = policy_item_text(*item, written);
    if (!text) {
        error = {simulation_errc::invalid_policy, "ResourcePolicy must be a policy document (a JSON string or object)"};
        return false;
    }
    return read_policy_text(*text, "ResourcePolicy", policy_kind::resource, cache, out, error, policy_kind::trust);
}

// The shape of an Organizations target: a root (`r-` and 4 to 32 lower-case letters or
// digits), an OU (`ou-`, 4 to 32, `-`, 8 to 32) or an account id (Organizations API
// reference, TargetId).
constexpr bool is_organizations_target(std::string_view t) noexcept {
    const auto run = [](std::string_view text, std::size_t min, std::size_t max) {
        return text.size() >= min && text.size() <= max && std::all_of(text.begin(), text.end(), [](char c) {
                   return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z');
               });
    };
    if (t.starts_with("r-")) return run(t.substr(2), 4, 32);
    if (t.starts_with("ou-")) {
        const std::string_view rest = t.substr(3);
        const std::size_t dash = rest.find('-');
        return dash != std::string_view::npos && run(rest.substr(0, dash), 4, 32) && run(rest.substr(dash + 1), 8, 32);
    }
    return is_valid_account_id(t);
}

// The root, at most five levels of OUs and the account (Organizations user guide,
// orgs_reference_limits: "OU maximum nesting in a root: Five levels of OUs deep under a root").
inline constexpr std::size_t max_organizations_path = 7;

// `ServiceControlPolicies` or `ResourceControlPolicies`: [{"Target", "PolicyInputList"}, ...],
// root first and the account last.
inline bool read_organizations(json::element input, std::string_view field, policy_kind kind, policy_cache* cache,
                               std::optional<std::vector<basic_organizations_level<named_compiled_policy>>>& out,
                               simulation_error& error) {
    if (!input.find(field)) return true;
    out.emplace();
    return read_items(
        input, field, "{\"Target\", \"PolicyInputList\"} objects", error,
        [&](json::element item, const std::string& name) {
            const auto target = item.find("Target");
            if (!item.is_object() || !target || !target->as_string() ||
                !is_organizations_target(*target->as_string())) {
                error = {simulation_errc::invalid_field, name + " needs a Target: r-..., ou-... or an account id"};
                return false;
            }
            if (out->size() == max_organizations_path) {
                error = {simulation_errc::invalid_field,
                         std::string(field) + " has more levels than the root, five OUs and the account"};
                return false;
            }
            auto& level = out->emplace_back();
            level.target = *target->as_string();
            std::vector<named_compiled_policy> read;
            if (!read_policies(item, "PolicyInputList", kind, cache, read, error)) {
                if (error.detail.starts_with("PolicyInputList")) error.detail.insert(0, name + ".");
                return false;
            }
            for (named_compiled_policy& p : read) {
                p.name.insert(0, name + ".");
                level.policies.push_back(std::move(p));
            }
            return true;
        });
}

}  // namespace detail

/// Reads one input document. Unknown fields are ignored, as the AWS CLI does with
/// fields of other commands; a wrong type, an invalid policy, an unknown context type
/// or a missing ActionNames is an error. With a `cache`, repeated policy documents are
/// prepared once across calls.
inline result<simulation_input, simulation_error> parse_simulation_input(std::string_view text,
                                                                         policy_cache* cache = nullptr) {
    const auto doc = json::parse_document(text);
    if (!doc) {
        const json::parse_error& e = doc.error();
        return simulation_error{simulation_errc::invalid_json, "invalid JSON at line " + std::to_string(e.line) +
                                                                   ", column " + std::to_string(e.column) + ": " +
                                                                   std::string(e.message())};
    }
    const json::element input = doc->root();
    if (!input.is_object()) return simulation_error{simulation_errc::not_object, ""};
    simulation_input out;
    simulation_error error;
    compiled_policies& p = out.policies;
    if (!detail::read_policies(input, "PolicyInputList", policy_kind::identity, cache, p.identity, error) ||
        !detail::read_policies(input, "PermissionsBoundaryPolicyInputList", policy_kind::boundary, cache, p.boundary,
                               error) ||
        !detail::read_resource_policy(input, cache, p.resource, error) ||
        !detail::read_policies(input, "SessionPolicyInputList", policy_kind::session, cache, p.session, error) ||
        !detail::read_policies(input, "VpcEndpointPolicyInputList", policy_kind::endpoint, cache, p.endpoint, error) ||
        !detail::read_organizations(input, "ServiceControlPolicies", policy_kind::scp, cache, p.scps, error) ||
        !detail::read_organizations(input, "ResourceControlPolicies", policy_kind::rcp, cache, p.rcps, error) ||
        !detail::read_string_list(input, "ActionNames", out.actions, error) ||
        !detail::read_string_list(input, "ResourceArns", out.resources, error))
        return error;
    if (out.actions.empty()) return simulation_error{simulation_errc::missing_actions, ""};
    // STS AssumeRole: "a single JSON inline session policy document" and "up to 10 managed
    // session policies".
    if (p.session.size() > 11)
        return simulation_error{simulation_errc::invalid_field,
                                "SessionPolicyInputList holds at most 11 policies: one inline and 10 managed"};
    if (out.resources.empty()) out.resources.emplace_back("*");
    for (const auto& [field, target] :
         {std::pair{"CallerArn", &out.caller_arn}, std::pair{"ResourceOwner", &out.resource_owner},
          std::pair{"ManagementAccountId", &p.management_account}}) {
        if (const auto v = input.find(field)) {
            if (!v->as_string())
                return simulation_error{simulation_errc::invalid_field, std::string(field) + " must be a string"};
            *target = *v->as_string();
        }
    }
    const auto read_context_entry = [&](json::element e, const std::string&) {
        context_entry entry;
        const auto name = e.find("ContextKeyName");
        const auto type = e.find("ContextKeyType");
        if (!name || !name->as_string()) {
            error = {simulation_errc::invalid_context, "each ContextEntries item needs a ContextKeyName string"};
            return false;
        }
        entry.key = *name->as_string();
        if (type) {
            const auto parsed = type->as_string() ? parse_context_type(*type->as_string()) : std::nullopt;
            if (!parsed) {
                error.code = simulation_errc::invalid_context;
                error.detail =
                    "ContextKeyType of " + entry.key + " must be one of AWS's types (string, stringList, numeric, ...)";
                return false;
            }
            entry.type = *parsed;
        }
        if (!detail::read_string_list(e, "ContextKeyValues", entry.values, error)) return false;
        out.context.push_back(std::move(entry));
        return true;
    };
    if (!detail::read_items(input, "ContextEntries", "objects", error, read_context_entry)) return error;
    return out;
}

/// One `EvaluationResults` item.
struct simulation_result {
    std::string action;
    std::string resource;
    evaluation_result evaluation;
};

/// Whether `catalog` lists resource types for `action` (false for an action it does not
/// know, or without a catalog): see `request::action_has_resource_types`.
inline bool has_resource_types(const action_catalog* catalog, std::string_view action) noexcept {
    const catalog_action* entry = catalog != nullptr ? catalog->find(action) : nullptr;
    return entry != nullptr && !entry->resource_types.empty();
}

/// Evaluates every action on every resource, in AWS's order (actions outer). The
/// `catalog` tells which actions have resource types: a request on `*` for one of them
/// asks whether some resource is allowed; without it `*` is read as the resource `*`.
inline std::vector<simulation_result> run_simulation(const compiled_policy_set& set, const simulation_input& input,
                                                     const action_catalog* catalog = nullptr) {
    std::vector<simulation_result> results;
    request r;
    r.caller_arn = input.caller_arn;
    r.resource_owner = input.resource_owner;
    r.context = input.context;
    for (const std::string& action : input.actions) {
        for (const std::string& resource : input.resources) {
            r.action = action;
            r.action_has_resource_types = has_resource_types(catalog, action);
            r.resource = resource;
            results.push_back({action, resource, set.evaluate(r)});
        }
    }
    return results;
}

/// Calls `visit(k)` for the first entry of each distinct key (ignoring case) of
/// `missing`, in order: AWS's `MissingContextValues` lists each key once.
template <typename Visit>
void for_each_distinct_key(const std::vector<missing_key>& missing, Visit&& visit) {
    for (auto it = missing.begin(); it != missing.end(); ++it)
        if (std::none_of(missing.begin(), it, [&](const missing_key& e) { return iequals(e.key, it->key); }))
            visit(*it);
}

/// The output document AWS's command prints, with the statements that decided each
/// result, the boundary's verdict and the context keys the request lacked
/// (`MissingContextValues`), plus fields of ours: `CouldChangeDecision`, each missing
/// key whose value could change the decision with the decisions it could give
/// (`[{"ContextKeyName", "CouldBecome": [...]}]`), `UnreadableContextValues`, each
/// request value its operator could not read (`[{"ContextKeyName", "ContextKeyValue",
/// "Operator", "SourcePolicyId", "StatementIndex"}]`), and, only when set,
/// `NotGrantable`: why no customer policy can grant the request.
inline std::string write_simulation_output(const compiled_policy_set& set,
                                           const std::vector<simulation_result>& results) {
    using detail::append_json_string;
    std::string out = "{\"EvaluationResults\":[";
    for (std::size_t i = 0; i < results.size(); ++i) {
        const simulation_result& r = results[i];
        if (i > 0) out += ',';
        out += "{\"EvalActionName\":";
        append_json_string(out, r.action);
        out += ",\"EvalResourceName\":";
        append_json_string(out, r.resource);
        out += ",\"EvalDecision\":\"";
        out += to_string(r.evaluation.decision);
        out += "\",\"MatchedStatements\":[";
        for (std::size_t m = 0; m < r.evaluation.matched.size(); ++m) {
            const statement_ref& ref = r.evaluation.matched[m];
            if (m > 0) out += ',';
            out += "{\"SourcePolicyId\":";
            append_json_string(out, set.policy_name(ref));
            out += ",\"SourcePolicyType\":\"";
            out += to_string(ref.layer);
            out += '"';
            out += ",\"StatementIndex\":" + std::to_string(ref.statement_index);
            if (const auto& sid = set.statement_of(ref).sid) {
                out += ",\"Sid\":";
                append_json_string(out, *sid);
            }
            out += '}';
        }
        out += "],\"MissingContextValues\":[";
        const char* separator = "";
        for_each_distinct_key(r.evaluation.missing, [&](const missing_key& k) {
            out += std::exchange(separator, ",");
            append_json_string(out, k.key);
        });
        out += "],\"CouldChangeDecision\":[";
        separator = "";
        for_each_distinct_key(r.evaluation.missing, [&](const missing_key& k) {
            if (k.could_become.empty()) return;
            out += std::exchange(separator, ",");
            out += "{\"ContextKeyName\":";
            append_json_string(out, k.key);
            out += ",\"CouldBecome\":[";
            const char* inner = "";
            for (const decision d : all_decisions) {
                if (!k.could_become.contains(d)) continue;
                out += std::exchange(inner, ",");
                out += '"';
                out += to_string(d);
                out += '"';
            }
            out += "]}";
        });
        out += "],\"UnreadableContextValues\":[";
        for (std::size_t u = 0; u < r.evaluation.unreadable.size(); ++u) {
            const unreadable_value& bad = r.evaluation.unreadable[u];
            if (u > 0) out += ',';
            out += "{\"ContextKeyName\":";
            append_json_string(out, bad.key);
            out += ",\"ContextKeyValue\":";
            append_json_string(out, bad.value);
            out += ",\"Operator\":";
            append_json_string(out, operator_text(bad.op));
            out += ",\"SourcePolicyId\":";
            append_json_string(out, set.policy_name(bad.in));
            out += ",\"StatementIndex\":" + std::to_string(bad.in.statement_index) + "}";
        }
        out += ']';
        if (!r.evaluation.not_grantable.empty()) {
            out += ",\"NotGrantable\":";
            append_json_string(out, r.evaluation.not_grantable);
        }
        const evaluation_result& e = r.evaluation;
        for (const auto& [applies, allowed, detail_field, allowed_field] :
             {std::tuple{e.has_boundary, e.allowed_by_boundary, "PermissionsBoundaryDecisionDetail",
                         "AllowedByPermissionsBoundary"},
              std::tuple{e.organizations.applies, e.organizations.allowed, "OrganizationsDecisionDetail",
                         "AllowedByOrganizations"},
              std::tuple{e.resource_control.applies, e.resource_control.allowed, "ResourceControlPolicyDecisionDetail",
                         "AllowedByResourceControlPolicies"},
              std::tuple{e.session.applies, e.session.allowed, "SessionPolicyDecisionDetail",
                         "AllowedBySessionPolicies"},
              std::tuple{e.endpoint.applies, e.endpoint.allowed, "VpcEndpointPolicyDecisionDetail",
                         "AllowedByVpcEndpointPolicies"}}) {
            if (!applies) continue;
            out += ",\"";
            out += detail_field;
            out += "\":{\"";
            out += allowed_field;
            out += allowed ? "\":true}" : "\":false}";
        }
        out += '}';
    }
    out += "]}";
    return out;
}

/// The policy set an input describes.
inline compiled_policy_set policies_of(const simulation_input& input) { return compiled_policy_set(input.policies); }

/// One input document in, one output document out: `{"Error": "..."}` when the input is
/// refused. `catalog`: as for `run_simulation`.
inline std::string simulate_json(std::string_view input_text, policy_cache* cache = nullptr,
                                 const action_catalog* catalog = nullptr) {
    const auto input = parse_simulation_input(input_text, cache);
    if (!input) {
        std::string out = "{\"Error\":";
        detail::append_json_string(out, input.error().message());
        return out + "}";
    }
    const compiled_policy_set set = policies_of(input.value());
    return write_simulation_output(set, run_simulation(set, input.value(), catalog));
}

}  // namespace iam

#endif  // IAM_SIMULATE_HPP_INCLUDED
