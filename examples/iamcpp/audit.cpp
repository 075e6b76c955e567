// SPDX-License-Identifier: MIT
// `iamcpp audit`: everything wrong with an account, from its dump.
#include <optional>
#include <string>
#include <vector>

#include <iam/audit.hpp>
#include <iam/json.hpp>

#include "account_input.hpp"
#include "cli.hpp"

namespace cli {
namespace {

constexpr std::string_view audit_usage =
    R"(usage: iamcpp audit [--format text|json] ACCOUNT.json

Everything wrong with the account of an `aws iam get-account-authorization-details`
dump: entries that cannot be read (invalid or case-duplicate names among them),
entities whose ARN names another account, invalid or unresolved policies of users,
groups and roles, quotas exceeded, console access without MFA, access keys beside
console access, users and roles whose effective permissions are every action on
every resource, role trust policies that break the trust grammar or that anyone may
assume (evaluated for a user of any other account and an anonymous caller), and attached policies a
boundary leaves granting nothing.
Exit status: 0 clean, 1 findings, 2 bad usage or unreadable input.
)";

std::string text_report(const std::string& label, const std::vector<iam::audit_finding>& report) {
    std::string out;
    for (const iam::audit_finding& f : report)
        out +=
            printable(label) + ": " + std::string(iam::to_string(f.kind)) + ": " + f.entity + ": " + f.message + "\n";
    return out;
}

std::string json_report(std::string_view account_id, const std::vector<iam::audit_finding>& report) {
    iam::json::writer out;
    out.begin_object().key("account").value(account_id).key("findings").begin_array();
    for (const iam::audit_finding& f : report) {
        out.begin_object().key("kind").value(iam::to_string(f.kind));
        out.key("entity").value(f.entity).key("message").value(f.message).end_object();
    }
    out.end_array().end_object();
    return std::move(out).text() + "\n";
}

}  // namespace

int audit(std::span<const std::string_view> args) {
    std::vector<std::string> paths;
    bool json = false;
    if (const std::optional<int> stop =
            read_args("audit", args, audit_usage, paths, &json,
                      [](std::string_view arg, std::size_t&) { return unknown_option("audit", arg); }))
        return *stop;
    std::string label;
    const std::optional<iam::loaded_account> loaded = load_account("audit", paths, label);
    if (!loaded) return usage_error;
    // What could not be read is a finding too: an invalid or duplicate name, a bad entry.
    const std::vector<iam::audit_finding> report =
        iam::audit_account(*loaded, bundled_aws_managed_policy, bundled_action_catalog());
    write_out(json ? json_report(loaded->account.id().view(), report) : text_report(label, report));
    return report.empty() ? clean : findings;
}

}  // namespace cli
