// SPDX-License-Identifier: MIT
// Names kept in code are checked by the compiler: a bad literal does not build.
#include <iam/iam.hpp>

#include <array>
#include <cstdio>

constexpr std::array<iam::user_name, 3> team{iam::user_name{"deploy-bot"}, iam::user_name{"alice.martin"},
                                             iam::user_name{"bob.nguyen"}};
static_assert(iam::is_valid_group_name("platform-engineers"));
static_assert(!iam::is_valid_user_name("carol/ops"));

int main() {
    for (const iam::user_name& name : team) std::printf("%s\n", name.str().c_str());
    return iam::find_case_duplicates(team).empty() ? 0 : 1;
}
