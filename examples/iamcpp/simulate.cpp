// SPDX-License-Identifier: MIT
// `iamcpp simulate`: AWS's `simulate-custom-policy --cli-input-json`, offline.
#include <algorithm>
#include <cstdio>
#include <string>
#include <string_view>
#include <thread>
#include <tuple>
#include <utility>
#include <vector>

#include <iam/json.hpp>
#include <iam/simulate.hpp>

#include "cli.hpp"

namespace cli {
namespace {

constexpr std::string_view simulate_usage = R"(usage: iamcpp simulate --input REQUEST.json [--explain]
       iamcpp simulate --jsonl < cases.jsonl > results.jsonl

Evaluates the JSON input of `aws iam simulate-custom-policy --cli-input-json`
(PolicyInputList, PermissionsBoundaryPolicyInputList, ActionNames, ResourceArns,
CallerArn, ResourceOwner, ContextEntries) and prints AWS's output shape:
{"EvaluationResults": [{"EvalActionName", "EvalResourceName", "EvalDecision",
"MatchedStatements", "MissingContextValues", "PermissionsBoundaryDecisionDetail"}]},
plus "CouldChangeDecision" (each missing key that could change the decision, with
"CouldBecome") and "UnreadableContextValues" (request values their operator cannot
read), and "NotGrantable" when no customer policy can grant the request (a service-linked
role or a role under /aws-reserved/ changed, a KMS alias alias/aws/..., an AWS managed
policy changed). The keys AWS puts in the caller's request context are derived from
CallerArn unless ContextEntries gives them: for an IAM user aws:username, aws:PrincipalArn,
aws:PrincipalAccount, aws:PrincipalType (User) and aws:PrincipalIsAWSService (false); for
an IAM role, the same keys but aws:username, with aws:PrincipalType AssumedRole; for a role
session (arn:aws:sts::...:assumed-role/...), also no aws:PrincipalArn (a session's ARN lacks
the role's path); for a federated user (arn:aws:sts::...:federated-user/NAME) or the root
user, aws:userid ACCOUNT:NAME or ACCOUNT and aws:PrincipalType FederatedUser or Account;
for a service principal (NAME.amazonaws.com), aws:PrincipalIsAWSService (true) and
aws:PrincipalServiceName; for "*" (anonymous), aws:PrincipalType Anonymous and
aws:PrincipalAccount anonymous.
A request on "*" (the default ResourceArns) for an action without resource types in AWS's
catalog (s3:ListAllMyBuckets, ...) is on the resource "*" itself; for an action with
resource types it asks whether some resource is allowed (--explain says so).
A refused input prints {"Error": "..."}.

--input FILE   one request (`-`: standard input)
--explain      with --input: a readable account of each decision instead of JSON,
               with what the request lacked and whether it could change the answer
--jsonl        one request per line on standard input, one result per line out, in
               order, one worker per core; a refused line gets its {"Error"} line and
               the run goes on
Exit status: 0 evaluated, 1 the --input request was refused, 2 bad usage or unreadable file.
)";

// "`PolicyInputList.1 statement 0`".
std::string statement_label(const iam::compiled_policy_set& set, const iam::statement_ref& ref) {
    return set.policy_name(ref) + " statement " + std::to_string(ref.statement_index);
}

// Each missing key once, with the statements that referenced it and what supplying it
// could do; a Deny that a missing key keeps from applying to an allowed request first.
std::string explain_missing(const iam::compiled_policy_set& set, const iam::evaluation_result& e) {
    std::string warnings, notes;
    iam::for_each_distinct_key(e.missing, [&](const iam::missing_key& k) {
        const bool dangerous =
            e.decision == iam::decision::allowed && k.could_become.contains(iam::decision::explicit_deny);
        std::string line = dangerous ? "  WARNING: missing context key " : "  missing context key ";
        line.append(k.key).append(" (");
        const char* separator = "";
        for (const iam::missing_key& same : e.missing)
            if (iam::iequals(same.key, k.key))
                line.append(std::exchange(separator, "; ")).append(statement_label(set, same.in));
        line += "): ";
        if (k.could_become.empty()) {
            line += "cannot change this decision";
        } else {
            line += "supplying it could make this ";
            const char* alternative = "";
            for (const iam::decision d : iam::all_decisions)
                if (k.could_become.contains(d))
                    line.append(std::exchange(alternative, " or ")).append(iam::to_string(d));
        }
        (dangerous ? warnings : notes) += line + "\n";
    });
    return warnings + notes;
}

std::string explain(const iam::compiled_policy_set& set, const iam::simulation_input& input,
                    const std::vector<iam::simulation_result>& results) {
    std::string out;
    iam::request caller;
    caller.caller_arn = input.caller_arn;
    caller.context = input.context;
    std::vector<iam::context_entry> derived;
    iam::principal_context(caller, derived);
    if (!derived.empty()) {
        out += "context derived from the caller:";
        const char* separator = " ";
        for (const iam::context_entry& entry : derived)
            out.append(std::exchange(separator, ", ")).append(entry.key).append("=").append(entry.values.front());
        out += "\n";
    }
    for (const iam::simulation_result& r : results) {
        const iam::evaluation_result& e = r.evaluation;
        out += r.action + " on " + r.resource + ": " + std::string(iam::to_string(e.decision)) + "\n";
        for (const iam::statement_ref& ref : e.matched) {
            out += e.decision == iam::decision::explicit_deny ? "  denied by " : "  allowed by ";
            out += statement_label(set, ref);
            if (const auto& sid = set.statement_of(ref).sid) out += " (Sid " + *sid + ")";
            out += "\n";
        }
        if (e.some_resource)
            out += "  \"*\" read as \"some resource\": the action has resource types; name one to check it\n";
        if (!e.not_grantable.empty())
            out += "  no customer policy can grant this: " + std::string(e.not_grantable) + "\n";
        for (const auto& [applies, allowed, what] :
             {std::tuple{e.has_boundary, e.allowed_by_boundary, "permissions boundary"},
              std::tuple{e.session.applies, e.session.allowed, "session policies"},
              std::tuple{e.endpoint.applies, e.endpoint.allowed, "VPC endpoint policies"},
              std::tuple{e.organizations.applies, e.organizations.allowed, "SCPs (every level)"},
              std::tuple{e.resource_control.applies, e.resource_control.allowed, "RCPs (every level)"}})
            if (applies) out += std::string("  ") + what + ": " + (allowed ? "allow" : "do not allow") + "\n";
        if (!input.policies.resource.empty())
            out += std::string("  resource policy: ") +
                   (e.allowed_by_resource_policy ? "allows the caller" : "does not allow the caller") + "\n";
        if (e.needs_resource_policy)
            out += e.same_account ? "  a KMS key's key policy or a role's trust policy must allow too\n"
                                  : "  the resource belongs to another account: its resource policy must allow too\n";
        for (const iam::unreadable_value& bad : e.unreadable)
            out += "  error: context value `" + printable(bad.value) + "` of " + std::string(bad.key) +
                   " cannot be read by " + iam::operator_text(bad.op) + " (" + statement_label(set, bad.in) + ")\n";
        out += explain_missing(set, e);
    }
    return out;
}

// Lines are read in batches and evaluated by one worker per core (each with its own
// policy cache); results are written in input order.
int run_jsonl() {
    const unsigned workers = std::clamp(std::thread::hardware_concurrency(), 1u, 8u);
    const iam::action_catalog& catalog = bundled_action_catalog();
    std::vector<iam::policy_cache> caches(workers);
    std::vector<std::string> lines;
    std::vector<std::string> results;
    std::string line;
    char buffer[1 << 16];
    const auto run_batch = [&] {
        results.assign(lines.size(), {});
        const auto work = [&](unsigned w) {
            for (std::size_t i = w; i < lines.size(); i += workers)
                results[i] = iam::simulate_json(lines[i], &caches[w], &catalog);
        };
        std::vector<std::thread> threads;
        for (unsigned w = 1; w < workers; ++w) threads.emplace_back(work, w);
        work(0);
        for (std::thread& t : threads) t.join();
        std::string out;
        for (const std::string& r : results) out.append(r).push_back('\n');
        write_out(out);
        lines.clear();
    };
    while (std::fgets(buffer, sizeof buffer, stdin) != nullptr) {
        line += buffer;
        if (line.back() != '\n' && !std::feof(stdin)) continue;  // a long line: keep reading
        while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
        if (line.find_first_not_of(" \t") != std::string::npos) lines.push_back(std::move(line));
        line.clear();
        if (lines.size() == 256) run_batch();
    }
    run_batch();
    return clean;
}

}  // namespace

int simulate(std::span<const std::string_view> args) {
    std::optional<std::string> input_path;
    bool jsonl = false;
    bool explained = false;
    std::vector<std::string> operands;
    const auto stop = read_args("simulate", args, simulate_usage, operands, nullptr,
                                [&](std::string_view arg, std::size_t& i) -> std::optional<int> {
                                    if (arg == "--jsonl") {
                                        jsonl = true;
                                    } else if (arg == "--explain") {
                                        explained = true;
                                    } else if (arg.starts_with("--input")) {
                                        const auto value = option_value(args, i, "--input");
                                        if (!value) return fail_usage("simulate: --input takes a file");
                                        input_path = std::string(*value);
                                    } else {
                                        return unknown_option("simulate", arg);
                                    }
                                    return std::nullopt;
                                });
    if (stop) return *stop;
    if (!operands.empty()) return unknown_option("simulate", operands.front());  // it takes none
    if (jsonl == input_path.has_value()) return fail_usage("simulate: give either --input FILE or --jsonl");
    if (jsonl) {
        if (explained) return fail_usage("simulate: --explain goes with --input");
        return run_jsonl();
    }
    const auto text = read_input(*input_path);
    if (!text) return fail_usage("simulate: cannot read `" + printable(*input_path) + "`");
    const auto input = iam::parse_simulation_input(*text);
    if (!input) {
        iam::json::writer out;
        out.begin_object().key("Error").value(input.error().message()).end_object();
        write_out(std::move(out).text() + "\n");
        return findings;
    }
    const iam::compiled_policy_set set = iam::policies_of(input.value());
    const auto results = iam::run_simulation(set, input.value(), &bundled_action_catalog());
    write_out(explained ? explain(set, input.value(), results) : iam::write_simulation_output(set, results) + "\n");
    return clean;
}

}  // namespace cli
