// SPDX-License-Identifier: MIT
// Shared plumbing of the iamcpp commands: reading inputs and options, writing output,
// exit codes, the bundled data; and the commands themselves, one a file beside this one.
#ifndef IAMCPP_EXAMPLES_CLI_HPP_INCLUDED
#define IAMCPP_EXAMPLES_CLI_HPP_INCLUDED

#include <array>
#include <cstdio>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace iam {
class action_catalog;
}

namespace cli {

/// Exit codes shared by every subcommand.
enum exit_code : int { clean = 0, findings = 1, usage_error = 2 };

/// The whole content of `path` (`-` is standard input), or nothing when it cannot be read.
inline std::optional<std::string> read_input(const std::string& path) {
    std::FILE* file = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
    if (file == nullptr) return std::nullopt;
    std::string text;
    char buffer[1 << 16];
    std::size_t got = 0;
    while ((got = std::fread(buffer, 1, sizeof buffer, file)) > 0) text.append(buffer, got);
    const bool failed = std::ferror(file) != 0;
    if (file != stdin) std::fclose(file);
    if (failed) return std::nullopt;
    return text;
}

/// A command's input file: the name findings report it by, and its content.
struct input_file {
    std::string label;  ///< the path as given, `<stdin>` for standard input
    std::string text;
};

/// Writes `text` to standard output in one call.
inline void write_out(std::string_view text) { std::fwrite(text.data(), 1, text.size(), stdout); }

/// Prints `iamcpp: MESSAGE` on standard error and returns the usage exit code.
inline int fail_usage(std::string_view message) {
    std::fprintf(stderr, "iamcpp: %.*s\n", static_cast<int>(message.size()), message.data());
    return usage_error;
}

/// `text` with control and non-ASCII bytes shown as `\xNN`, safe to print in a terminal.
inline std::string printable(std::string_view text) {
    constexpr std::string_view hex = "0123456789ABCDEF";
    std::string out;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x20 && byte < 0x7F) {
            out.push_back(c);
        } else {
            out += "\\x";
            out.push_back(hex[byte >> 4]);
            out.push_back(hex[byte & 0xFu]);
        }
    }
    return out;
}

/// Reads every path (`-`: standard input) into `out`; false, after a message naming
/// the file, when one cannot be read.
inline bool read_inputs(std::string_view command, const std::vector<std::string>& paths, std::vector<input_file>& out) {
    for (const std::string& path : paths) {
        auto text = read_input(path);
        if (!text) {
            fail_usage(std::string(command) + ": cannot read `" + printable(path) + "`");
            return false;
        }
        out.push_back({path == "-" ? "<stdin>" : path, std::move(*text)});
    }
    return true;
}

/// The value of option `flag` at `args[i]`: `--flag=VALUE`, or `--flag VALUE` (then
/// `i` moves past the value). Nothing when the value is missing.
inline std::optional<std::string_view> option_value(std::span<const std::string_view> args, std::size_t& i,
                                                    std::string_view flag) {
    const std::string_view arg = args[i];
    if (arg.size() > flag.size() && arg.starts_with(flag) && arg[flag.size()] == '=')
        return arg.substr(flag.size() + 1);
    if (arg == flag && i + 1 < args.size()) return args[++i];
    return std::nullopt;
}

/// Reads a command's arguments: operands (and `-`) go to `paths`, `--` ends the
/// options, `--help` prints `usage`, `--format text|json` sets `*json` (for a command
/// that has the option: `json` not null); any other option goes to `on_option(arg, i)`,
/// which returns an exit code to stop with, or nothing. Returns an exit code when the
/// command should stop now.
template <typename OnOption>
std::optional<int> read_args(std::string_view command, std::span<const std::string_view> args, std::string_view usage,
                             std::vector<std::string>& paths, bool* json, OnOption&& on_option) {
    bool options_done = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string_view arg = args[i];
        if (options_done || arg == "-" || !arg.starts_with("-")) {
            paths.emplace_back(arg);
        } else if (arg == "--") {
            options_done = true;
        } else if (arg == "--help" || arg == "-h") {
            write_out(usage);
            return clean;
        } else if (json != nullptr && arg.starts_with("--format")) {
            const auto value = option_value(args, i, "--format");
            if (!value || (*value != "text" && *value != "json"))
                return fail_usage(std::string(command) + ": --format takes text or json");
            *json = *value == "json";
        } else if (const std::optional<int> stop = on_option(arg, i)) {
            return stop;
        }
    }
    return std::nullopt;
}

/// The message and exit code for an option `command` does not know.
inline int unknown_option(std::string_view command, std::string_view arg) {
    return fail_usage(std::string(command) + ": unknown option `" + printable(arg) + "` (try `iamcpp " +
                      std::string(command) + " --help`)");
}

/// A value of a command's `--kind`, as the command line spells it.
template <typename Kind>
struct kind_flag {
    std::string_view flag;
    Kind kind;
};

/// Reads option `--kind VALUE` at `args[i]` (as `option_value` does) into `chosen`, one of
/// `kinds`. Returns an exit code, after a message, when `args[i]` is another option or
/// VALUE is none of `kinds`.
template <typename Kind, std::size_t count>
std::optional<int> read_kind(std::string_view command, std::span<const std::string_view> args, std::size_t& i,
                             const std::array<kind_flag<Kind>, count>& kinds, const kind_flag<Kind>*& chosen) {
    if (!args[i].starts_with("--kind")) return unknown_option(command, args[i]);
    if (const auto value = option_value(args, i, "--kind")) {
        for (const kind_flag<Kind>& k : kinds) {
            if (*value == k.flag) {
                chosen = &k;
                return std::nullopt;
            }
        }
    }
    std::string message = std::string(command) + ": --kind takes one of ";
    for (std::size_t k = 0; k < count; ++k) message.append(k > 0 ? ", " : "").append(kinds[k].flag);
    return fail_usage(message);
}

/// AWS's action catalog, compiled into the tool (examples/data/iam-actions).
const iam::action_catalog& bundled_action_catalog();

/// The document of an AWS managed policy compiled into the tool (examples/data/aws-managed-policies),
/// by ARN; nothing for other ARNs or unknown names.
std::optional<std::string_view> bundled_aws_managed_policy(std::string_view arn);

int lint_names(std::span<const std::string_view> args);
int check_policy(std::span<const std::string_view> args);
int simulate(std::span<const std::string_view> args);
int effective(std::span<const std::string_view> args);
int audit(std::span<const std::string_view> args);
int who_can(std::span<const std::string_view> args);

}  // namespace cli

#endif  // IAMCPP_EXAMPLES_CLI_HPP_INCLUDED
