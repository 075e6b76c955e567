// SPDX-License-Identifier: MIT
// Checks a constexpr claim both at compile time and at run time (so sanitizers and
// coverage see it too). Sanitizer builds define IAM_DISABLE_CONSTEXPR_TESTS.
#ifndef IAM_TESTS_CHECK_HPP_INCLUDED
#define IAM_TESTS_CHECK_HPP_INCLUDED

#include <doctest/doctest.h>

#ifndef IAM_DISABLE_CONSTEXPR_TESTS
#define IAM_CHECK_BOTH(...)         \
    do {                            \
        static_assert(__VA_ARGS__); \
        CHECK(__VA_ARGS__);         \
    } while (0)
#else
#define IAM_CHECK_BOTH(...) CHECK(__VA_ARGS__)
#endif

#endif  // IAM_TESTS_CHECK_HPP_INCLUDED
