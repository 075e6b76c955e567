// SPDX-License-Identifier: MIT
// Compiled twice by meson: as is it must compile; with IAM_COMPILE_FAIL it must not,
// because an invalid name literal is rejected during compilation.
#include <iam/names.hpp>

#ifdef IAM_COMPILE_FAIL
constexpr iam::user_name bad{"not valid!"};
#else
constexpr iam::user_name good{"valid"};
#endif

int main() { return 0; }
