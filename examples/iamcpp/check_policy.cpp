// SPDX-License-Identifier: MIT
// `iamcpp check-policy`: validates policy documents against AWS's grammar and limits.
#include <algorithm>
#include <array>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include <iam/action_catalog.hpp>
#include <iam/json.hpp>
#include <iam/policy.hpp>

#include "cli.hpp"

namespace cli {
namespace {

constexpr std::string_view check_usage =
    R"(usage: iamcpp check-policy [--kind KIND] [--json-only] [--format text|json] FILE...

Checks each policy document FILE (`-`: standard input) against the IAM policy grammar
and reports every problem as FILE:LINE:COL: error: MESSAGE [JSON path]; warnings
(actions missing from AWS's catalog, NotAction with Resource "*", ...) as `warning:`.

KIND: identity (default), boundary, user-inline, group-inline, role-inline, managed,
      resource, trust, scp, rcp, session, endpoint.
      Identity kinds (the first six, and session) forbid Principal; resource and
      endpoint need Principal or NotPrincipal and take any Sid (resource may leave
      Resource out: its own resource); trust needs Principal, forbids Resource
      and takes only sts:AssumeRole* / TagSession / SetSourceIdentity / SetContext;
      scp forbids Principal; rcp needs "Principal": "*" and denies (Allow only as
      RCPFullAWSAccess). Size limits of one document: user-inline, trust and session
      2,048, group-inline 5,120, role-inline 10,240, managed 6,144 (white space not
      counted, except for session), scp and rcp 5,120, endpoint 20,480 (white space
      counted). managed, scp and rcp require Version 2012-10-17.
--json-only   check JSON syntax alone (RFC 8259: a repeated object key is valid JSON,
              while a policy rejects it).
Exit status: 0 valid (warnings allowed), 1 invalid, 2 bad usage or unreadable file.
)";

// Every kind, spelled as iam::to_string spells it.
constexpr auto policy_kinds = [] {
    std::array<kind_flag<iam::policy_kind>, std::size(iam::all_policy_kinds)> kinds{};
    for (std::size_t i = 0; i < kinds.size(); ++i)
        kinds[i] = {iam::to_string(iam::all_policy_kinds[i]), iam::all_policy_kinds[i]};
    return kinds;
}();

enum class severity { error, warning };

struct finding {
    severity level;
    std::size_t offset;
    std::string path;
    std::string_view code;
    std::string message;
};

struct checked_file {
    input_file input;
    std::vector<finding> findings;
    bool valid = true;
};

void add(checked_file& file, severity level, const iam::policy_error& e) {
    file.findings.push_back({level, e.offset, e.path, e.id(), std::string(e.message())});
    if (level == severity::error) file.valid = false;
}

void check(checked_file& file, iam::policy_kind kind, bool json_only, const iam::policy_options& options) {
    if (json_only) {
        // RFC 8259 allows a repeated key ("The names within an object SHOULD be unique");
        // only the policy grammar forbids it.
        iam::json::parse_options syntax_only;
        syntax_only.allow_duplicate_keys = true;
        const auto parsed = iam::json::parse_document(file.input.text, syntax_only);
        if (!parsed)
            file.findings.push_back(
                {severity::error, parsed.error().offset, "", "json-syntax", std::string(parsed.error().message())});
        file.valid = parsed.has_value();
        return;
    }
    const auto parsed = iam::parse_policy(file.input.text, kind, options);
    if (parsed) {
        for (const iam::policy_error& w : parsed->warnings) add(file, severity::warning, w);
    } else {
        for (const iam::policy_error& e : parsed.error().errors) add(file, severity::error, e);
        for (const iam::policy_error& w : parsed.error().warnings) add(file, severity::warning, w);
    }
    if (const auto size = iam::check_policy_size(file.input.text, kind)) add(file, severity::error, *size);
    std::stable_sort(file.findings.begin(), file.findings.end(),
                     [](const finding& a, const finding& b) { return a.offset < b.offset; });
}

std::string text_report(const std::vector<checked_file>& files) {
    std::string out;
    for (const checked_file& file : files) {
        for (const finding& f : file.findings) {
            const iam::json::text_position at = iam::json::line_column(file.input.text, f.offset);
            out += file.input.label + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) + ": " +
                   (f.level == severity::error ? "error: " : "warning: ") + f.message + " [" + f.path + "]\n";
        }
    }
    return out;
}

std::string json_report(const std::vector<checked_file>& files) {
    iam::json::writer out;
    out.begin_object().key("files").begin_array();
    for (const checked_file& file : files) {
        out.break_line().begin_object();
        out.key("file").value(file.input.label).key("valid").value(file.valid).key("findings").begin_array();
        for (const finding& f : file.findings) {
            const iam::json::text_position at = iam::json::line_column(file.input.text, f.offset);
            out.begin_object().key("severity").value(f.level == severity::error ? "error" : "warning");
            out.key("line").value(at.line).key("column").value(at.column).key("offset").value(f.offset);
            out.key("path").value(f.path).key("code").value(f.code).key("message").value(f.message).end_object();
        }
        out.end_array().end_object();
    }
    out.end_array().end_object();
    return std::move(out).text() + "\n";
}

}  // namespace

int check_policy(std::span<const std::string_view> args) {
    const kind_flag<iam::policy_kind>* kind = &policy_kinds[0];
    bool json_only = false;
    bool json = false;
    std::vector<std::string> paths;
    const auto stop = read_args("check-policy", args, check_usage, paths, &json,
                                [&](std::string_view arg, std::size_t& i) -> std::optional<int> {
                                    if (arg == "--json-only") {
                                        json_only = true;
                                        return std::nullopt;
                                    }
                                    return read_kind("check-policy", args, i, policy_kinds, kind);
                                });
    if (stop) return *stop;
    if (paths.empty()) return fail_usage("check-policy: no policy file given (try `iamcpp check-policy --help`)");

    std::vector<input_file> inputs;
    if (!read_inputs("check-policy", paths, inputs)) return usage_error;
    std::vector<checked_file> files;
    files.reserve(inputs.size());
    for (input_file& in : inputs) files.push_back({std::move(in), {}, true});
    iam::policy_options options;
    options.catalog = &bundled_action_catalog();
    bool all_valid = true;
    for (checked_file& file : files) {
        check(file, kind->kind, json_only, options);
        all_valid = all_valid && file.valid;
    }
    write_out(json ? json_report(files) : text_report(files));
    return all_valid ? clean : findings;
}

}  // namespace cli
