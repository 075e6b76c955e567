// SPDX-License-Identifier: MIT
// iamcpp: the command-line tool. One subcommand per file beside this one.
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

Run `iamcpp COMMAND --help` for a command's options.
)";

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
    const std::span<const std::string_view> rest(args.data() + 1, args.size() - 1);
    if (args[0] == "lint-names") return cli::lint_names(rest);
    if (args[0] == "check-policy") return cli::check_policy(rest);
    if (args[0] == "simulate") return cli::simulate(rest);
    if (args[0] == "effective") return cli::effective(rest);
    if (args[0] == "audit") return cli::audit(rest);
    return cli::fail_usage("unknown command `" + cli::printable(args[0]) + "` (try `iamcpp --help`)");
}
