// SPDX-License-Identifier: MIT
// iamcpp: the command-line tool. Each command is in its own file beside this one.
#include <array>
#include <cstdio>
#include <string_view>
#include <vector>

#include "cli.hpp"

namespace {

constexpr std::string_view usage = R"(usage: iamcpp COMMAND [OPTIONS] [ARGS]

commands:
  lint-names     check lists of IAM names (one per line) for invalid names and case-insensitive duplicates
  check-policy   check IAM policy documents against AWS's grammar and limits
  simulate       evaluate requests as `aws iam simulate-custom-policy` does, offline
  effective      what each user of an account may do (from `aws iam get-account-authorization-details`)
  audit          what is wrong with an account (from the same dump)
  who-can        which users and roles of an account may perform an action on a resource (from the same dump)

Run `iamcpp COMMAND --help` for a command's options.
)";

struct command {
    std::string_view name;
    int (*run)(std::span<const std::string_view> args);
};

constexpr std::array<command, 6> commands{{
    {"lint-names", cli::lint_names},
    {"check-policy", cli::check_policy},
    {"simulate", cli::simulate},
    {"effective", cli::effective},
    {"audit", cli::audit},
    {"who-can", cli::who_can},
}};

}  // namespace

int main(int argc, char** argv) {
    const std::vector<std::string_view> args(argv + 1, argv + argc);
    if (args.empty()) {
        std::fputs(usage.data(), stderr);
        return cli::usage_error;
    }
    if (args[0] == "--help" || args[0] == "-h") {
        cli::write_out(usage);
        return cli::clean;
    }
    for (const command& c : commands)
        if (args[0] == c.name) return c.run(std::span<const std::string_view>(args).subspan(1));
    return cli::fail_usage("unknown command `" + cli::printable(args[0]) + "` (try `iamcpp --help`)");
}
