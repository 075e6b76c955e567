// SPDX-License-Identifier: MIT
// Tests of condition evaluation (condition.hpp): operators, policy variables, IfExists.
#include <doctest/doctest.h>

#include <iam/condition.hpp>
