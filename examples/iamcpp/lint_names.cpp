// SPDX-License-Identifier: MIT
// `iamcpp lint-names`: checks name lists for build tools, reporting gcc-style lines.
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include <iam/json.hpp>
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

constexpr std::array<kind_flag<iam::name_kind>, 13> kinds{{
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
    return f.duplicate ? std::string_view{"duplicate"} : iam::to_string(f.error.code);
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
                        std::string_view flag) {
    iam::json::writer out;
    out.begin_object().key("kind").value(flag).key("checked").value(report.names_checked);
    out.key("findings").begin_array();
    for (const iam::name_finding& f : report.findings) {
        out.break_line().begin_object();
        out.key("file").value(inputs[f.at.source].label).key("line").value(f.at.line).key("column").value(f.at.column);
        out.key("rule").value(finding_rule(f)).key("name").value(f.name);
        out.key("message").value(finding_message(f, inputs, kind));
        if (f.duplicate) {
            out.key("first").begin_object();
            out.key("file").value(inputs[f.first.source].label).key("line").value(f.first.line).end_object();
        }
        out.end_object();
    }
    out.end_array().end_object();
    return std::move(out).text() + "\n";
}

}  // namespace

int lint_names(std::span<const std::string_view> args) {
    const kind_flag<iam::name_kind>* kind = &kinds[0];
    bool json = false;
    std::vector<std::string> paths;
    const auto stop = read_args("lint-names", args, lint_usage, paths, &json, [&](std::string_view, std::size_t& i) {
        return read_kind("lint-names", args, i, kinds, kind);
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
