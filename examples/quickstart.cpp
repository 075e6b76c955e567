// SPDX-License-Identifier: MIT
// The README's C++ example, built and run as a test so it cannot rot.
#include <iam/entities.hpp>
#include <iam/names.hpp>
#include <iam/unique_names.hpp>

#include <cstdio>
#include <string>
#include <vector>

// Names kept in code are checked while compiling: a bad literal is a compile error.
constexpr iam::user_name deploy_bot{"deploy-bot"};
static_assert(iam::is_valid_user_name("alice.martin@example.com"));
static_assert(!iam::is_valid_user_name("alice martin"));

int main() {
    // Run-time text: a result carrying the name or the rule it broke, never an exception.
    const auto checked = iam::user_name::parse("carol/ops");
    if (!checked) {
        const iam::name_error& e = checked.error();
        std::printf("rule %s at offset %u: %s\n", iam::to_string(e.code).data(), e.offset,
                    iam::describe(e, "carol/ops").c_str());
    }

    // IAM names are unique ignoring case.
    const std::vector<std::string> names{"Alice", "bob", "ALICE"};
    for (const iam::duplicate_name& d : iam::find_case_duplicates(names))
        std::printf("%s repeats %s\n", names[d.index].c_str(), names[d.first_index].c_str());

    // Entities and their ARNs.
    auto alice = iam::user::make("alice", "/engineering/").value();
    alice.tags.push_back(iam::tag::make("team", "platform").value());
    std::printf("%s\n", alice.arn("123456789012").c_str());
    std::printf("%s\n", deploy_bot.str().c_str());
    return 0;
}
