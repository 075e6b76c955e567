// SPDX-License-Identifier: MIT
// iamcpp effective / audit: reports on an account from its authorization-details dump.
#include <iam/audit.hpp>
#include <iam/authorization_details.hpp>
#include <iam/detail/json_string.hpp>
#include <iam/effective.hpp>

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cli.hpp"

namespace cli {
namespace {

constexpr std::string_view effective_usage =
    R"(usage: iamcpp effective [--user NAME] [--format text|json] ACCOUNT.json

For each user of an `aws iam get-account-authorization-details` dump (or only NAME),
what it may do: (user inline + user managed + each group's policies) within its
permissions boundary, explicit denies removed, over AWS's action catalog. Text groups
the actions by service and access level; JSON lists every allowed action, sorted.
AWS managed policies the dump only names come from the bundled corpus.
Exit status: 0 reported, 2 bad usage, unreadable input or unknown user.
)";

constexpr std::string_view audit_usage =
    R"(usage: iamcpp audit [--format text|json] ACCOUNT.json

Everything wrong with the account of an `aws iam get-account-authorization-details`
dump: entries that cannot be read (invalid or case-duplicate names among them),
invalid policies, quotas exceeded, console access without MFA, access keys beside
console access, full access without a permissions boundary, and attached policies a
boundary leaves granting nothing.
Exit status: 0 clean, 1 findings, 2 bad usage or unreadable input.
)";

// The account of the single ACCOUNT.json operand, its load problems printed to stderr
// as warnings; nothing (after a message) when it cannot be read at all.
std::optional<iam::loaded_account> load_account(std::string_view command, const std::vector<std::string>& paths,
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

std::string effective_text(const std::string& name, const std::string& arn,
                           const std::vector<iam::effective_permission>& allowed) {
    std::string out = name + " (" + arn + "): " + std::to_string(allowed.size()) + " actions\n";
    // service -> level -> its permissions, in catalog order within each.
    std::map<std::string_view, std::map<iam::access_level, std::vector<const iam::effective_permission*>>> grouped;
    for (const iam::effective_permission& p : allowed)
        grouped[p.action.substr(0, p.action.find(':'))][p.level].push_back(&p);
    constexpr std::size_t listed = 6;  // past this many actions a group shows its count
    for (const auto& [service, levels] : grouped) {
        for (const auto& [level, perms] : levels) {
            out += "  " + std::string(service) + " " + std::string(iam::to_string(level)) + ": ";
            if (perms.size() <= listed) {
                for (std::size_t i = 0; i < perms.size(); ++i)
                    out += (i > 0 ? ", " : "") + std::string(perms[i]->action.substr(service.size() + 1));
            } else {
                out += std::to_string(perms.size()) + " actions";
            }
            std::vector<std::string> resources, keys;
            std::size_t conditional = 0;
            for (const iam::effective_permission* p : perms) {
                for (const std::string& r : p->resources) iam::detail::add_unique(resources, r);
                for (const std::string& k : p->condition_keys) iam::detail::add_unique(keys, k);
                conditional += p->conditional ? 1 : 0;
            }
            out += " on ";
            for (std::size_t i = 0; i < resources.size(); ++i) out += (i > 0 ? ", " : "") + resources[i];
            if (conditional > 0) {
                out += " [conditional: " + std::to_string(conditional);
                for (std::size_t i = 0; i < keys.size(); ++i) out += (i == 0 ? "; " : ", ") + keys[i];
                out += "]";
            }
            out += "\n";
        }
    }
    return out;
}

void append_effective_json(std::string& out, const std::string& name, const std::string& arn,
                           std::vector<iam::effective_permission> allowed) {
    using iam::detail::append_json_string;
    std::sort(
        allowed.begin(), allowed.end(),
        [](const iam::effective_permission& a, const iam::effective_permission& b) { return a.action < b.action; });
    const auto strings = [&](const std::vector<std::string>& list) {
        out += '[';
        for (std::size_t i = 0; i < list.size(); ++i) {
            if (i > 0) out += ',';
            append_json_string(out, list[i]);
        }
        out += ']';
    };
    out += "{\"name\":";
    append_json_string(out, name);
    out += ",\"arn\":";
    append_json_string(out, arn);
    out += ",\"allowed\":[";
    for (std::size_t i = 0; i < allowed.size(); ++i) {
        const iam::effective_permission& p = allowed[i];
        out += i > 0 ? ",{\"action\":" : "{\"action\":";
        append_json_string(out, p.action);
        out += ",\"level\":";
        append_json_string(out, iam::to_string(p.level));
        out += ",\"resources\":";
        strings(p.resources);
        out += ",\"excluded\":";
        strings(p.excluded);
        out += ",\"conditional\":";
        out += p.conditional ? "true" : "false";
        out += ",\"condition_keys\":";
        strings(p.condition_keys);
        out += '}';
    }
    out += "]}";
}

}  // namespace

int effective(std::span<const std::string_view> args) {
    std::vector<std::string> paths;
    bool json = false;
    std::optional<std::string> only;
    if (const std::optional<int> stop = read_args("effective", args, effective_usage, paths, json,
                                                  [&](std::string_view arg, std::size_t& i) -> std::optional<int> {
                                                      if (!arg.starts_with("--user"))
                                                          return unknown_option("effective", arg);
                                                      const auto value = option_value(args, i, "--user");
                                                      if (!value)
                                                          return fail_usage("effective: --user takes a user name");
                                                      only = std::string(*value);
                                                      return std::nullopt;
                                                  }))
        return *stop;
    std::string label;
    const std::optional<iam::loaded_account> loaded = load_account("effective", paths, label);
    if (!loaded) return usage_error;
    for (const iam::load_problem& p : loaded->problems)
        std::fprintf(stderr, "%s: warning: %s [%s]\n", printable(label).c_str(), p.message.c_str(), p.path.c_str());
    const iam::account& acct = loaded->account;
    if (only && acct.find_user(*only) == nullptr)
        return fail_usage("effective: no user named `" + printable(*only) + "`");

    std::string out = json ? "{\"users\":[" : "";
    bool first = true;
    for (const iam::user& u : acct.users()) {
        if (only && !iam::iequals(u.name.view(), *only)) continue;
        const std::string arn = u.arn(acct.id().view(), acct.partition());
        const auto set = acct.policy_set_for(u.name.view(), bundled_aws_managed_policy);
        if (!set) {  // reported, never guessed: a policy we cannot read could deny anything
            std::fprintf(stderr, "%s: error: %s: %s\n", printable(label).c_str(), u.name.str().c_str(),
                         set.error().message.c_str());
            continue;
        }
        std::vector<iam::effective_permission> allowed =
            iam::effective_permissions(iam::compiled_policy_set(*set), bundled_action_catalog());
        if (json) {
            if (!first) out += ',';
            append_effective_json(out, u.name.str(), arn, std::move(allowed));
        } else {
            out += (first ? "" : "\n") + effective_text(u.name.str(), arn, allowed);
        }
        first = false;
    }
    if (json) out += "]}\n";
    write_out(out);
    return clean;
}

int audit(std::span<const std::string_view> args) {
    std::vector<std::string> paths;
    bool json = false;
    if (const std::optional<int> stop =
            read_args("audit", args, audit_usage, paths, json,
                      [](std::string_view arg, std::size_t&) { return unknown_option("audit", arg); }))
        return *stop;
    std::string label;
    const std::optional<iam::loaded_account> loaded = load_account("audit", paths, label);
    if (!loaded) return usage_error;
    // What could not be read is a finding too: an invalid or duplicate name, a bad entry.
    const std::vector<iam::audit_finding> report =
        iam::audit_account(*loaded, bundled_aws_managed_policy, bundled_action_catalog());
    std::string out;
    using iam::detail::append_json_string;
    if (json) {
        out = "{\"account\":";
        append_json_string(out, loaded->account.id().view());
        out += ",\"findings\":[";
    }
    for (std::size_t i = 0; i < report.size(); ++i) {
        const iam::audit_finding& f = report[i];
        const std::string_view kind = iam::finding_id(f.kind);
        if (json) {
            out += i > 0 ? ",{\"kind\":" : "{\"kind\":";
            append_json_string(out, kind);
            out += ",\"entity\":";
            append_json_string(out, f.entity);
            out += ",\"message\":";
            append_json_string(out, f.message);
            out += '}';
        } else {
            out += printable(label) + ": " + std::string(kind) + ": " + f.entity + ": " + f.message + "\n";
        }
    }
    if (json) out += "]}\n";
    write_out(out);
    return report.empty() ? clean : findings;
}

}  // namespace cli
