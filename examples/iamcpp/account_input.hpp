// SPDX-License-Identifier: MIT
// The account dump that `iamcpp effective` and `iamcpp audit` read.
#ifndef IAMCPP_EXAMPLES_ACCOUNT_INPUT_HPP_INCLUDED
#define IAMCPP_EXAMPLES_ACCOUNT_INPUT_HPP_INCLUDED

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <iam/authorization_details.hpp>
#include <iam/json.hpp>

#include "cli.hpp"

namespace cli {

// The account of the single ACCOUNT.json operand, with `label` naming it in messages;
// nothing (after a message) when it cannot be read at all. What was read in part is in
// the result's `problems`, for the command to report.
inline std::optional<iam::loaded_account> load_account(std::string_view command, const std::vector<std::string>& paths,
                                                       std::string& label) {
    if (paths.size() != 1) {
        fail_usage(std::string(command) + ": give one ACCOUNT.json (try `iamcpp " + std::string(command) + " --help`)");
        return std::nullopt;
    }
    const auto text = read_input(paths[0]);
    label = paths[0] == "-" ? "<stdin>" : paths[0];
    if (!text) {
        fail_usage(std::string(command) + ": cannot read `" + printable(paths[0]) + "`");
        return std::nullopt;
    }
    auto loaded = iam::load_authorization_details(*text);
    if (!loaded) {
        fail_usage(std::string(command) + ": " + printable(label) + ": " + loaded.error().message);
        return std::nullopt;
    }
    return std::move(loaded).value();
}

// `"problems": [{"path", "message"}, ...]`, the member that closes a report on a dump.
inline void write_problems(iam::json::writer& out, const std::vector<iam::load_problem>& problems) {
    out.key("problems").begin_array();
    for (const iam::load_problem& p : problems)
        out.begin_object().key("path").value(p.path).key("message").value(p.message).end_object();
    out.end_array();
}

}  // namespace cli

#endif  // IAMCPP_EXAMPLES_ACCOUNT_INPUT_HPP_INCLUDED
