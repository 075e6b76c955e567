// SPDX-License-Identifier: MIT
// The AWS managed-policy corpus the benchmarks run on (examples/data/aws-managed-policies).
#ifndef IAM_BENCH_CORPUS_HPP_INCLUDED
#define IAM_BENCH_CORPUS_HPP_INCLUDED

#include <iam/json.hpp>

#include <fstream>
#include <string>
#include <vector>

#ifndef IAM_EXAMPLES_DATA_DIR
#error "IAM_EXAMPLES_DATA_DIR must name examples/data"
#endif

/// One managed policy: its name and its document as compact JSON text, as AWS stores it.
struct managed_policy_text {
    std::string name;
    std::string document;
};

/// Every policy of the corpus, in file order.
inline std::vector<managed_policy_text> managed_policy_corpus() {
    std::ifstream in(IAM_EXAMPLES_DATA_DIR "/aws-managed-policies/aws-managed-policies.jsonl");
    std::vector<managed_policy_text> out;
    for (std::string line; std::getline(in, line);) {
        const auto entry = iam::json::parse(line);
        if (!entry) continue;
        const iam::json::value* name = entry->find("name");
        const iam::json::value* document = entry->find("document");
        if (name != nullptr && name->as_string() != nullptr && document != nullptr)
            out.push_back({*name->as_string(), iam::json::write(*document)});
    }
    return out;
}

#endif  // IAM_BENCH_CORPUS_HPP_INCLUDED
