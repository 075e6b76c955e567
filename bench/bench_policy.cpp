// SPDX-License-Identifier: MIT
// Policy documents: parse and validate the whole AWS managed-policy corpus to the typed model.
#include <benchmark/benchmark.h>

#include <iam/policy.hpp>

#include <string>
#include <vector>

#include "corpus.hpp"

#if IAM_BENCH_NLOHMANN
#include <nlohmann/json.hpp>
#endif

namespace {

void BM_PolicyParseCorpus(benchmark::State& state) {
    const std::vector<managed_policy_text> corpus = managed_policy_corpus();
    std::size_t bytes = 0;
    for (const managed_policy_text& p : corpus) bytes += p.document.size();
    for (auto _ : state) {
        for (const managed_policy_text& p : corpus) {
            auto parsed = iam::parse_policy(p.document);
            if (!parsed) state.SkipWithError("a managed policy failed to parse");
            benchmark::DoNotOptimize(parsed);
        }
    }
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(bytes));
    state.counters["documents"] = static_cast<double>(corpus.size());
}
BENCHMARK(BM_PolicyParseCorpus)->Unit(benchmark::kMillisecond);

#if IAM_BENCH_NLOHMANN
// The peer: nlohmann::json parsing the same documents to its DOM, with no policy
// grammar checked at all.
void BM_PolicyParseCorpusNlohmann(benchmark::State& state) {
    const std::vector<managed_policy_text> corpus = managed_policy_corpus();
    std::size_t bytes = 0;
    for (const managed_policy_text& p : corpus) bytes += p.document.size();
    for (auto _ : state) {
        for (const managed_policy_text& p : corpus) {
            auto parsed = nlohmann::json::parse(p.document, nullptr, false);
            if (parsed.is_discarded()) state.SkipWithError("a managed policy failed to parse");
            benchmark::DoNotOptimize(parsed);
        }
    }
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(bytes));
}
BENCHMARK(BM_PolicyParseCorpusNlohmann)->Unit(benchmark::kMillisecond);
#endif

}  // namespace
