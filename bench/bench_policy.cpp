// SPDX-License-Identifier: MIT
// Policy documents: parse and validate the whole AWS managed-policy corpus to the typed model.
#include <benchmark/benchmark.h>

#include <iam/json.hpp>
#include <iam/policy.hpp>

#include <fstream>
#include <string>
#include <vector>

#ifndef IAM_TEST_DATA_DIR
#error "IAM_TEST_DATA_DIR must name tests/data"
#endif

namespace {

// Each managed policy's document as compact JSON text, as AWS stores it.
std::vector<std::string> corpus_documents() {
    std::ifstream in(IAM_TEST_DATA_DIR "/aws-managed-policies/aws-managed-policies.jsonl");
    std::vector<std::string> documents;
    for (std::string line; std::getline(in, line);) {
        const auto entry = iam::json::parse(line);
        if (!entry) continue;
        if (const iam::json::value* document = entry->find("document")) documents.push_back(iam::json::write(*document));
    }
    return documents;
}

void BM_PolicyParseCorpus(benchmark::State& state) {
    const std::vector<std::string> documents = corpus_documents();
    std::size_t bytes = 0;
    for (const std::string& d : documents) bytes += d.size();
    for (auto _ : state) {
        for (const std::string& d : documents) {
            auto parsed = iam::parse_policy(d);
            if (!parsed) state.SkipWithError("a managed policy failed to parse");
            benchmark::DoNotOptimize(parsed);
        }
    }
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(bytes));
    state.counters["documents"] = static_cast<double>(documents.size());
}
BENCHMARK(BM_PolicyParseCorpus)->Unit(benchmark::kMillisecond);

}  // namespace
