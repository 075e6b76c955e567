// SPDX-License-Identifier: MIT
// Evaluation: a user with 10 real AWS managed policies and a boundary, prepared once,
// answering varied requests (`BM_Evaluate`), beside the one-shot `iam::evaluate` that
// prepares the policies for every request (`BM_EvaluateUncompiled`).
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
    std::map<std::string, iam::policy, std::less<>> corpus;
    for (const managed_policy_text& p : managed_policy_corpus())
        corpus.emplace(p.name, iam::parse_policy(p.document).value());
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
    std::vector<iam::request> out;
    std::mt19937 rng(5);
    for (int i = 0; i < 256; ++i) {
        const auto& [action, resource] = shapes[rng() % shapes.size()];
        iam::request r{action, resource, "arn:aws:iam::123456789012:user/alice", "", {}};
        r.context = {{"aws:username", {"alice"}, iam::context_type::string},
                     {"aws:MultiFactorAuthPresent", {rng() % 2 ? "true" : "false"}, iam::context_type::boolean},
                     {"aws:SourceIp", {"203.0.113.7"}, iam::context_type::ip}};
        out.push_back(std::move(r));
    }
    return out;
}

void BM_Evaluate(benchmark::State& state) {
    const iam::compiled_policy_set set(user_policies());
    const std::vector<iam::request> rs = requests();
    iam::evaluation_result out;
    iam::evaluation_workspace work;
    std::size_t i = 0;
    for (auto _ : state) {
        set.evaluate_into(rs[i++ % rs.size()], out, work);
        benchmark::DoNotOptimize(out.decision);
    }
    state.SetItemsProcessed(state.iterations());
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
