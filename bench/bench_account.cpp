// SPDX-License-Identifier: MIT
// Loading an account: `get-account-authorization-details` of 5,000 users and 300 groups.
#include <benchmark/benchmark.h>

#include <iam/authorization_details.hpp>

#include <string>

#if IAM_BENCH_NLOHMANN
#include <nlohmann/json.hpp>
#endif

namespace {

// A deterministic dump: each user in two groups, with tags, an attached AWS managed
// policy and an inline policy; each group with an inline and two attached policies.
std::string generated_dump(int users, int groups) {
    const std::string document =
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:ListBucket"],)"
        R"("Resource":["arn:aws:s3:::team-data","arn:aws:s3:::team-data/*"]}]})";
    std::string out = R"({"AccountId":"123456789012","GroupDetailList":[)";
    for (int g = 0; g < groups; ++g) {
        const std::string name = "group-" + std::to_string(g);
        out +=
            (g > 0 ? "," : "") + std::string(R"({"Path":"/","GroupName":")") + name + R"(","GroupId":"AGPA)" +
            std::to_string(1000000000000000 + g) + R"(","Arn":"arn:aws:iam::123456789012:group/)" + name +
            R"(","CreateDate":"2024-01-01T00:00:00Z","GroupPolicyList":[{"PolicyName":"data","PolicyDocument":)" +
            document +
            R"(}],"AttachedManagedPolicies":[{"PolicyName":"ReadOnlyAccess","PolicyArn":"arn:aws:iam::aws:policy/ReadOnlyAccess"},)"
            R"({"PolicyName":"IAMUserChangePassword","PolicyArn":"arn:aws:iam::aws:policy/IAMUserChangePassword"}]})";
    }
    out += R"(],"UserDetailList":[)";
    for (int u = 0; u < users; ++u) {
        const std::string name = "user." + std::to_string(u);
        out +=
            (u > 0 ? "," : "") + std::string(R"({"Path":"/staff/","UserName":")") + name + R"(","UserId":"AIDA)" +
            std::to_string(1000000000000000 + u) + R"(","Arn":"arn:aws:iam::123456789012:user/staff/)" + name +
            R"(","CreateDate":"2024-01-01T00:00:00Z","GroupList":["group-)" + std::to_string(u % groups) +
            R"(","group-)" + std::to_string((u * 7 + 1) % groups) + R"("],"UserPolicyList":[{"PolicyName":"own",)" +
            R"("PolicyDocument":)" + document +
            R"(}],"AttachedManagedPolicies":[{"PolicyName":"AmazonS3ReadOnlyAccess","PolicyArn":"arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"}],)"
            R"("Tags":[{"Key":"team","Value":"t)" +
            std::to_string(u % 40) + R"("},{"Key":"cost-center","Value":"cc-)" + std::to_string(u % 12) + R"("}]})";
    }
    out += R"(],"RoleDetailList":[],"Policies":[],"IsTruncated":false})";
    return out;
}

void BM_LoadAuthorizationDump(benchmark::State& state) {
    const std::string dump = generated_dump(5000, 300);
    for (auto _ : state) {
        auto loaded = iam::load_authorization_details(dump);
        if (!loaded || !loaded->problems.empty() || loaded->account.users().size() != 5000)
            state.SkipWithError("the generated dump did not load cleanly");
        benchmark::DoNotOptimize(loaded);
    }
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(dump.size()));
    state.SetItemsProcessed(state.iterations() * 5000);  // users
}
BENCHMARK(BM_LoadAuthorizationDump)->Unit(benchmark::kMillisecond);

#if IAM_BENCH_NLOHMANN
// The peer: nlohmann::json parsing the same dump to its DOM, with nothing checked or built.
void BM_LoadAuthorizationDumpNlohmann(benchmark::State& state) {
    const std::string dump = generated_dump(5000, 300);
    for (auto _ : state) {
        auto parsed = nlohmann::json::parse(dump, nullptr, false);
        if (parsed.is_discarded()) state.SkipWithError("the generated dump is not JSON");
        benchmark::DoNotOptimize(parsed);
    }
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(dump.size()));
    state.SetItemsProcessed(state.iterations() * 5000);
}
BENCHMARK(BM_LoadAuthorizationDumpNlohmann)->Unit(benchmark::kMillisecond);
#endif

}  // namespace
