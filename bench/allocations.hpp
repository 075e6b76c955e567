// SPDX-License-Identifier: MIT
// How many times the bench binary has called operator new (allocations.cpp replaces it),
// so benchmarks can report allocations per item beside their times.
#ifndef IAM_BENCH_ALLOCATIONS_HPP_INCLUDED
#define IAM_BENCH_ALLOCATIONS_HPP_INCLUDED

#include <cstdint>

/// Calls of operator new (any size, not the aligned forms) since the program started.
std::uint64_t allocation_count() noexcept;

#endif  // IAM_BENCH_ALLOCATIONS_HPP_INCLUDED
