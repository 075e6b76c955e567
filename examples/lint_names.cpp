// SPDX-License-Identifier: MIT
// `iamcpp lint-names`: checks name lists for build tools, reporting gcc-style lines.
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include <iam/detail/json_string.hpp>
#include <iam/name_list.hpp>

#include "cli.hpp"

namespace cli {
namespace {

constexpr std::string_view lint_usage = R"(usage: iamcpp lint-names [--kind KIND] [--format text|json] [FILE...]

Reads one name per line from each FILE (`-` or none: standard input). Blank lines and
lines starting with `#` are skipped; a trailing CR is dropped; nothing else is trimmed.
Reports every invalid name and every repeat of an earlier name ignoring case (for kinds
IAM keeps unique that way), as FILE:LINE:COL: error: MESSAGE [rule].

KIND: user (default), group, role, policy, inline-policy, path, policy-path, tag-key,
      tag-value, account-id, account-alias, access-key-id, mfa-device
Exit status: 0 clean, 1 problems found, 2 bad usage or unreadable file.
)";

struct kind_option {
    std::string_view flag;
    iam::name_kind kind;
};

constexpr std::array<kind_option, 13> kinds{{
    {"user", iam::name_kind::user},
    {"group", iam::name_kind::group},
    {"role", iam::name_kind::role},
    {"policy", iam::name_kind::managed_policy},
    {"inline-policy", iam::name_kind::inline_policy},
    {"path", iam::name_kind::path},
    {"policy-path", iam::name_kind::policy_path},
    {"tag-key", iam::name_kind::tag_key},
    {"tag-value", iam::name_kind::tag_value},
    {"account-id", iam::name_kind::account_id},
    {"account-alias", iam::name_kind::account_alias},
    {"access-key-id", iam::name_kind::access_key_id},
    {"mfa-device", iam::name_kind::mfa_device},
}};

std::string finding_message(const iam::name_finding& f, const std::vector<input_file>& inputs, iam::name_kind kind) {
    const std::string noun(iam::limits_of(kind).noun);
    if (f.duplicate)
        return "duplicate " + noun + " `" + printable(f.name) + "`: the same name ignoring case is at " +
               inputs[f.first.source].label + ":" + std::to_string(f.first.line);
    return "invalid " + noun + " `" + printable(f.name) + "`: " + iam::describe(f.error, f.name);
}

std::string_view finding_rule(const iam::name_finding& f) {
    return f.duplicate ? std::string_view{"duplicate"} : iam::rule_id(f.error.rule);
}

std::string text_report(const iam::name_list_report& report, const std::vector<input_file>& inputs,
                        iam::name_kind kind) {
    std::string out;
    for (const iam::name_finding& f : report.findings) {
        out += inputs[f.at.source].label + ":" + std::to_string(f.at.line) + ":" + std::to_string(f.at.column) +
               ": error: " + finding_message(f, inputs, kind) + " [" + std::string(finding_rule(f)) + "]\n";
    }
    return out;
}

std::string json_report(const iam::name_list_report& report, const std::vector<input_file>& inputs, iam::name_kind kind,
                        std::string_view kind_flag) {
    using iam::detail::append_json_string;
    std::string out = "{\"kind\":";
    append_json_string(out, kind_flag);
    out += ",\"checked\":" + std::to_string(report.names_checked) + ",\"findings\":[";
    for (std::size_t i = 0; i < report.findings.size(); ++i) {
        const iam::name_finding& f = report.findings[i];
        out += i == 0 ? "\n" : ",\n";
        out += "{\"file\":";
        append_json_string(out, inputs[f.at.source].label);
        out += ",\"line\":" + std::to_string(f.at.line) + ",\"column\":" + std::to_string(f.at.column) + ",\"rule\":";
        append_json_string(out, finding_rule(f));
        out += ",\"name\":";
        append_json_string(out, f.name);
        out += ",\"message\":";
        append_json_string(out, finding_message(f, inputs, kind));
        if (f.duplicate) {
            out += ",\"first\":{\"file\":";
            append_json_string(out, inputs[f.first.source].label);
            out += ",\"line\":" + std::to_string(f.first.line) + "}";
        }
        out += "}";
    }
    out += "]}\n";
    return out;
}

}  // namespace

int lint_names(std::span<const std::string_view> args) {
    const kind_option* kind = &kinds[0];
    bool json = false;
    std::vector<std::string> paths;
    const auto stop = read_args(
        "lint-names", args, lint_usage, paths, json, [&](std::string_view arg, std::size_t& i) -> std::optional<int> {
            if (!arg.starts_with("--kind")) return unknown_option("lint-names", arg);
            const auto value = option_value(args, i, "--kind");
            kind = nullptr;
            for (const kind_option& k : kinds)
                if (value && *value == k.flag) kind = &k;
            if (kind == nullptr)
                return fail_usage(
                    "lint-names: --kind takes one of user, group, role, policy, inline-policy, path, "
                    "policy-path, tag-key, tag-value, account-id, account-alias, access-key-id, mfa-device");
            return std::nullopt;
        });
    if (stop) return *stop;
    if (paths.empty()) paths.emplace_back("-");

    std::vector<input_file> inputs;
    if (!read_inputs("lint-names", paths, inputs)) return usage_error;
    std::vector<std::string_view> texts;
    texts.reserve(inputs.size());
    for (const input_file& in : inputs) texts.emplace_back(in.text);

    const iam::name_list_report report = iam::lint_name_list(texts, kind->kind);
    write_out(json ? json_report(report, inputs, kind->kind, kind->flag) : text_report(report, inputs, kind->kind));
    return report.findings.empty() ? clean : findings;
}

}  // namespace cli
