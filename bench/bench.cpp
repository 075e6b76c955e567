// SPDX-License-Identifier: MIT
// The one benchmark binary: each of ours beside the standard-library peer it replaces,
// on the same seeded inputs. Compare the pairs as ratios, not absolute times.
#include <benchmark/benchmark.h>

#include <iam/iam.hpp>

#include <cstring>
#include <random>
#include <regex>
#include <string>
#include <unordered_set>
#include <vector>

#include "allocations.hpp"

namespace {

constexpr std::string_view name_chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_+=,.@-";

// Names of 3-64 characters; one in ten broken by a character IAM rejects.
std::vector<std::string> name_mix(std::size_t count, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::vector<std::string> names;
    names.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t length = 3 + rng() % 62;
        std::string s;
        for (std::size_t j = 0; j < length; ++j) s.push_back(name_chars[rng() % name_chars.size()]);
        if (rng() % 10 == 0) s[rng() % length] = " /*!#$%~"[rng() % 8];
        names.push_back(std::move(s));
    }
    return names;
}

// 100,000 user-like names, about 5% of them repeats of an earlier one in another case.
std::vector<std::string> duplicate_mix() {
    std::mt19937_64 rng(42);
    std::vector<std::string> names = name_mix(100000, 7);
    for (std::size_t i = 1; i < names.size(); ++i) {
        if (rng() % 20 != 0) continue;
        std::string copy = names[rng() % i];
        for (char& c : copy)
            if (rng() % 2 && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        names[i] = copy;
    }
    return names;
}

void BM_UserNameCheck(benchmark::State& state) {
    const auto names = name_mix(10000, 1);
    std::size_t valid = 0;
    for (auto _ : state) {
        for (const std::string& name : names) valid += iam::is_valid_user_name(name) ? 1u : 0u;
        benchmark::DoNotOptimize(valid);
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(names.size()));
}
BENCHMARK(BM_UserNameCheck);

// The byte-scan floor a name check can approach: one memchr over each name (for a
// byte no name holds), the least work that still reads every byte.
void BM_UserNameMemchr(benchmark::State& state) {
    const auto names = name_mix(10000, 1);
    std::size_t found = 0;
    for (auto _ : state) {
        for (const std::string& name : names) found += std::memchr(name.data(), '\n', name.size()) != nullptr ? 1u : 0u;
        benchmark::DoNotOptimize(found);
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(names.size()));
}
BENCHMARK(BM_UserNameMemchr);

// Reports the allocations the loop made per name, as the counter `allocs_per_name`.
class allocations_per_name {
public:
    explicit allocations_per_name(benchmark::State& state) : state_(state), start_(allocation_count()) {}
    void report(std::size_t names) {
        const auto made = static_cast<double>(allocation_count() - start_);
        state_.counters["allocs_per_name"] =
            made / static_cast<double>(state_.iterations()) / static_cast<double>(names);
    }

private:
    benchmark::State& state_;
    std::uint64_t start_;
};

void BM_UserNameStdRegex(benchmark::State& state) {
    const auto names = name_mix(10000, 1);
    const std::regex pattern("^[\\w+=,.@-]{1,64}$");
    std::size_t valid = 0;
    for (auto _ : state) {
        for (const std::string& name : names) valid += std::regex_match(name, pattern) ? 1u : 0u;
        benchmark::DoNotOptimize(valid);
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(names.size()));
}
BENCHMARK(BM_UserNameStdRegex);

void BM_DuplicatesFind(benchmark::State& state) {
    const auto names = duplicate_mix();
    allocations_per_name allocations(state);
    for (auto _ : state) {
        auto duplicates = iam::find_case_duplicates(names);
        benchmark::DoNotOptimize(duplicates.data());
    }
    allocations.report(names.size());
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(names.size()));
}
BENCHMARK(BM_DuplicatesFind);

void BM_DuplicatesUnorderedSet(benchmark::State& state) {
    const auto names = duplicate_mix();
    allocations_per_name allocations(state);
    for (auto _ : state) {
        std::unordered_set<std::string> seen;
        std::size_t duplicates = 0;
        for (const std::string& name : names) {
            std::string lower = name;
            for (char& c : lower) c = iam::ascii_lower(c);
            duplicates += seen.insert(std::move(lower)).second ? 0u : 1u;
        }
        benchmark::DoNotOptimize(duplicates);
    }
    allocations.report(names.size());
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(names.size()));
}
BENCHMARK(BM_DuplicatesUnorderedSet);

}  // namespace

BENCHMARK_MAIN();
