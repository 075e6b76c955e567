// SPDX-License-Identifier: MIT
// The fuzz targets' invariant check: a broken invariant stops the run where it broke
// (libFuzzer saves the input; the corpus replay fails).
#ifndef IAM_FUZZ_REQUIRE_HPP_INCLUDED
#define IAM_FUZZ_REQUIRE_HPP_INCLUDED

inline void require(bool condition) {
    if (!condition) __builtin_trap();
}

#endif  // IAM_FUZZ_REQUIRE_HPP_INCLUDED
