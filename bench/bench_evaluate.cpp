// SPDX-License-Identifier: MIT
// Evaluation: a user with 10 real AWS managed policies and a boundary, prepared once,
// answering varied requests (`BM_Evaluate`), beside the one-shot `iam::evaluate` that
// prepares the policies for every request (`BM_EvaluateUncompiled`), and a role session
// under every policy type (`BM_EvaluateFull`).
#include <benchmark/benchmark.h>

#include <iam/effective.hpp>
#include <iam/evaluate.hpp>

#include <fstream>
#include <iterator>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "corpus.hpp"

#ifndef IAM_EXAMPLES_DATA_DIR
#error "IAM_EXAMPLES_DATA_DIR must name examples/data"
#endif

namespace {

// Every AWS managed policy, parsed, by name.
std::map<std::string, iam::policy, std::less<>> managed_policies() {
    std::map<std::string, iam::policy, std::less<>> corpus;
    for (const managed_policy_text& p : managed_policy_corpus())
        corpus.emplace(p.name, iam::parse_policy(p.document).value());
    return corpus;
}

// 256 requests by `caller`, each an (action, resource) of `shapes` drawn with `seed`,
// with the context `context_of(rng)` gives.
template <typename ContextOf>
std::vector<iam::request> requests_over(const std::vector<std::pair<std::string, std::string>>& shapes,
                                        const char* caller, unsigned seed, ContextOf context_of) {
    std::vector<iam::request> out;
    std::mt19937 rng(seed);
    for (int i = 0; i < 256; ++i) {
        const auto& [action, resource] = shapes[rng() % shapes.size()];
        iam::request r{action, resource, caller, "", {}};
        r.context = context_of(rng);
        out.push_back(std::move(r));
    }
    return out;
}

// Evaluates the requests in turn with one reused result and workspace.
void evaluate_each(benchmark::State& state, const iam::compiled_policy_set& set, const std::vector<iam::request>& rs) {
    iam::evaluation_result out;
    iam::evaluation_workspace work;
    std::size_t i = 0;
    for (auto _ : state) {
        set.evaluate_into(rs[i++ % rs.size()], out, work);
        benchmark::DoNotOptimize(out.decision);
    }
    state.SetItemsProcessed(state.iterations());
}

iam::policy_set user_policies() {
    const std::vector<std::string> attached{"ReadOnlyAccess",
                                            "AmazonS3FullAccess",
                                            "AmazonEC2FullAccess",
                                            "IAMUserChangePassword",
                                            "AmazonDynamoDBReadOnlyAccess",
                                            "CloudWatchLogsFullAccess",
                                            "AWSLambda_ReadOnlyAccess",
                                            "AmazonSQSFullAccess",
                                            "AmazonSNSReadOnlyAccess",
                                            "SecurityAudit"};
    const auto corpus = managed_policies();
    iam::policy_set set;
    for (const std::string& name : attached) set.identity.push_back({name, corpus.at(name)});
    set.boundary.push_back({"PowerUserAccess", corpus.at("PowerUserAccess")});
    return set;
}

// Requests over the services those policies name, with resources and context.
std::vector<iam::request> requests() {
    const std::vector<std::pair<std::string, std::string>> shapes{
        {"s3:GetObject", "arn:aws:s3:::reports/2026/q3.csv"},
        {"s3:PutObject", "arn:aws:s3:::uploads/a.bin"},
        {"ec2:RunInstances", "arn:aws:ec2:us-east-1:123456789012:instance/i-0abc"},
        {"ec2:DescribeInstances", "*"},
        {"iam:ChangePassword", "arn:aws:iam::123456789012:user/alice"},
        {"iam:CreateUser", "arn:aws:iam::123456789012:user/bob"},
        {"dynamodb:GetItem", "arn:aws:dynamodb:us-east-1:123456789012:table/Orders"},
        {"dynamodb:PutItem", "arn:aws:dynamodb:us-east-1:123456789012:table/Orders"},
        {"logs:PutLogEvents", "arn:aws:logs:us-east-1:123456789012:log-group:/app:log-stream:s"},
        {"lambda:InvokeFunction", "arn:aws:lambda:us-east-1:123456789012:function:f"},
        {"sqs:SendMessage", "arn:aws:sqs:us-east-1:123456789012:q"},
        {"sns:Publish", "arn:aws:sns:us-east-1:123456789012:t"},
        {"kms:Decrypt", "arn:aws:kms:us-east-1:123456789012:key/k"},
        {"organizations:ListAccounts", "*"},
        {"cloudtrail:LookupEvents", "*"},
        {"sts:AssumeRole", "arn:aws:iam::123456789012:role/deploy"},
    };
    return requests_over(shapes, "arn:aws:iam::123456789012:user/alice", 5, [](std::mt19937& rng) {
        return std::vector<iam::context_entry>{
            {"aws:username", {"alice"}, iam::context_type::string},
            {"aws:MultiFactorAuthPresent", {rng() % 2 ? "true" : "false"}, iam::context_type::boolean},
            {"aws:SourceIp", {"203.0.113.7"}, iam::context_type::ip}};
    });
}

void BM_Evaluate(benchmark::State& state) {
    evaluate_each(state, iam::compiled_policy_set(user_policies()), requests());
}
BENCHMARK(BM_Evaluate);

void BM_EvaluateUncompiled(benchmark::State& state) {
    const iam::policy_set policies = user_policies();
    const std::vector<iam::request> rs = requests();
    std::size_t i = 0;
    for (auto _ : state) {
        const auto out = iam::evaluate(rs[i++ % rs.size()], policies);
        benchmark::DoNotOptimize(out.decision);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_EvaluateUncompiled);

// A role session's request against everything AWS's evaluation logic reads: three
// identity policies (two AWS managed), a boundary, a session policy, the bucket's
// policy and SCPs at three levels (the root's FullAWSAccess, an OU's region and
// guard-rail denies, the account's allow list).
iam::policy_set full_policies() {
    const auto corpus = managed_policies();
    const auto parse = [](const char* text, iam::policy_kind kind) { return iam::parse_policy(text, kind).value(); };
    iam::policy_set set;
    set.identity = {{"AmazonS3ReadOnlyAccess", corpus.at("AmazonS3ReadOnlyAccess")},
                    {"CloudWatchLogsFullAccess", corpus.at("CloudWatchLogsFullAccess")},
                    {"deploy-inline", parse(R"({"Version":"2012-10-17","Statement":[
        {"Effect":"Allow","Action":["s3:PutObject","s3:DeleteObject"],"Resource":"arn:aws:s3:::builds/${aws:PrincipalTag/team}/*"},
        {"Effect":"Allow","Action":"sqs:SendMessage","Resource":"arn:aws:sqs:*:123456789012:build-*"}]})",
                                            iam::policy_kind::role_inline)}};
    set.boundary = {{"PowerUserAccess", corpus.at("PowerUserAccess")}};
    set.session = {{"session", parse(R"({"Version":"2012-10-17","Statement":[
        {"Effect":"Allow","Action":["s3:*","logs:*","sqs:SendMessage"],"Resource":"*"}]})",
                                     iam::policy_kind::session)}};
    set.resource = {{"bucket", parse(R"({"Version":"2012-10-17","Statement":[
        {"Sid":"TLS","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::builds","arn:aws:s3:::builds/*"],
         "Condition":{"Bool":{"aws:SecureTransport":"false"}}},
        {"Sid":"Deploy","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:role/deploy"},
         "Action":["s3:GetObject","s3:PutObject"],"Resource":"arn:aws:s3:::builds/*"}]})",
                                     iam::policy_kind::resource)}};
    const char* full_access =
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]})";
    set.scps = std::vector<iam::organizations_level>{
        {"r-ab12", {{"FullAWSAccess", parse(full_access, iam::policy_kind::scp)}}},
        {"ou-ab12-cdef5678",
         {{"FullAWSAccess", parse(full_access, iam::policy_kind::scp)},
          {"guard-rails", parse(R"({"Version":"2012-10-17","Statement":[
        {"Effect":"Deny","NotAction":["iam:*","sts:*","organizations:*","support:*"],"Resource":"*",
         "Condition":{"StringNotEquals":{"aws:RequestedRegion":["us-east-1","eu-west-1"]}}},
        {"Effect":"Deny","Action":["cloudtrail:StopLogging","cloudtrail:DeleteTrail","organizations:LeaveOrganization"],"Resource":"*"}]})",
                                iam::policy_kind::scp)}}},
        {"123456789012",
         {{"allow-list", parse(R"({"Version":"2012-10-17","Statement":[
        {"Effect":"Allow","Action":["s3:*","logs:*","sqs:*","ec2:Describe*"],"Resource":"*"}]})",
                               iam::policy_kind::scp)}}}};
    return set;
}

void BM_EvaluateFull(benchmark::State& state) {
    const iam::compiled_policy_set set(full_policies());
    const std::vector<std::pair<std::string, std::string>> shapes{
        {"s3:GetObject", "arn:aws:s3:::builds/blue/app.zip"},
        {"s3:PutObject", "arn:aws:s3:::builds/blue/app.zip"},
        {"s3:DeleteObject", "arn:aws:s3:::builds/red/x"},
        {"s3:ListBucket", "arn:aws:s3:::builds"},
        {"logs:PutLogEvents", "arn:aws:logs:us-east-1:123456789012:log-group:/ci:log-stream:s"},
        {"sqs:SendMessage", "arn:aws:sqs:us-east-1:123456789012:build-events"},
        {"ec2:RunInstances", "arn:aws:ec2:us-east-1:123456789012:instance/i-0abc"},
        {"cloudtrail:StopLogging", "arn:aws:cloudtrail:us-east-1:123456789012:trail/main"},
    };
    const auto rs =
        requests_over(shapes, "arn:aws:sts::123456789012:assumed-role/deploy/build-42", 7, [](std::mt19937& rng) {
            return std::vector<iam::context_entry>{
                {"aws:SecureTransport", {rng() % 8 ? "true" : "false"}, iam::context_type::boolean},
                {"aws:RequestedRegion", {rng() % 4 ? "us-east-1" : "ap-south-1"}, iam::context_type::string},
                {"aws:PrincipalTag/team", {"blue"}, iam::context_type::string}};
        });
    evaluate_each(state, set, rs);
}
BENCHMARK(BM_EvaluateFull);

// The same user's effective permissions over all 22,091 catalog actions, with
// AdministratorAccess (`*`) in place of SecurityAudit.
void BM_EffectivePermissions(benchmark::State& state) {
    iam::policy_set policies = user_policies();
    policies.identity.back() = {
        "AdministratorAccess",
        iam::parse_policy(R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]})")
            .value()};
    const iam::compiled_policy_set set(std::move(policies));
    std::ifstream in(IAM_EXAMPLES_DATA_DIR "/iam-actions/iam-actions.tsv");
    const std::string tsv((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const iam::action_catalog catalog = iam::action_catalog::parse_tsv(tsv).value();
    for (auto _ : state) {
        auto permissions = iam::effective_permissions(set, catalog);
        benchmark::DoNotOptimize(permissions.data());
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(catalog.actions().size()));
}
BENCHMARK(BM_EffectivePermissions)->Unit(benchmark::kMillisecond);

}  // namespace
