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
    R"(usage: iamcpp effective [--user NAME] [--role NAME] [--format text|json] ACCOUNT.json

For each user and role of an `aws iam get-account-authorization-details` dump (or only
those named), what it may do: a user's inline, managed and groups' policies, a role's
inline and managed policies, within its permissions boundary, explicit denies removed,
over AWS's action catalog. Text groups the actions by service and access level; JSON
({"users":[...],"roles":[...],"problems":[...]}) lists every allowed action, sorted.
AWS managed policies the dump only names come from the bundled corpus. What could not
be read, and principals whose policies cannot be evaluated, are problems: on stderr,
and in JSON's "problems".
Exit status: 0 the dump read whole and reported, 1 reported with problems, 2 bad usage,
unreadable input or unknown user or role.
)";

constexpr std::string_view audit_usage =
    R"(usage: iamcpp audit [--format text|json] ACCOUNT.json

Everything wrong with the account of an `aws iam get-account-authorization-details`
dump: entries that cannot be read (invalid or case-duplicate names among them),
entities whose ARN names another account, invalid or unresolved policies of users,
groups and roles, quotas exceeded, console access without MFA, access keys beside
console access, users and roles whose effective permissions are every action on
every resource, role trust policies anyone may assume, and attached policies a
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

// The effective permissions of the chosen users and roles of `loaded`, as text or JSON,
// and its problems: what was not read and each principal that cannot be evaluated.
class effective_report {
public:
    effective_report(const iam::loaded_account& loaded, bool json)
        : loaded_(loaded), acct_(loaded.account), json_(json), problems_(loaded.problems) {}

    // Each principal (of `type`, `user` or `role`) when `all`, else only the one `chosen` names.
    template <typename Principal, typename PolicySet>
    void add(std::string_view type, const std::vector<Principal>& principals, bool all,
             const std::optional<std::string>& chosen, PolicySet policy_set_for) {
        if (json_) out_ += (type == "user" ? "{\"" : ",\"") + std::string(type) + "s\":[";
        bool first = true;
        for (const Principal& p : principals) {
            if (!all && !(chosen && iam::iequals(p.name.view(), *chosen))) continue;
            const std::string entity = std::string(type) + "/" + p.name.str();
            if (!loaded_.policies_read_whole(p)) {  // what was left out could deny anything: never guessed
                problems_.push_back({entity, 0, std::string(iam::not_evaluated_reason)});
                continue;
            }
            const auto set = (acct_.*policy_set_for)(p.name.view(), bundled_aws_managed_policy);
            if (!set) {  // reported, never guessed: a policy we cannot read could deny anything
                problems_.push_back({entity, 0, set.error().message});
                continue;
            }
            std::vector<iam::effective_permission> allowed =
                iam::effective_permissions(iam::compiled_policy_set(*set), bundled_action_catalog());
            const std::string arn = p.arn(acct_.id().view(), acct_.partition());
            if (json_) {
                if (!first) out_ += ',';
                append_effective_json(out_, p.name.str(), arn, std::move(allowed));
            } else {
                out_ += (out_.empty() ? "" : "\n") + effective_text(p.name.str(), arn, allowed);
            }
            first = false;
        }
        if (json_) out_ += ']';
    }

    // The report, JSON's "problems" closing it.
    std::string finish() {
        if (!json_) return std::move(out_);
        using iam::detail::append_json_string;
        out_ += ",\"problems\":[";
        for (std::size_t i = 0; i < problems_.size(); ++i) {
            out_ += i > 0 ? ",{\"path\":" : "{\"path\":";
            append_json_string(out_, problems_[i].path);
            out_ += ",\"message\":";
            append_json_string(out_, problems_[i].message);
            out_ += '}';
        }
        return std::move(out_) + "]}\n";
    }

    const std::vector<iam::load_problem>& problems() const noexcept { return problems_; }

private:
    const iam::loaded_account& loaded_;
    const iam::account& acct_;
    bool json_;
    std::vector<iam::load_problem> problems_;
    std::string out_;
};

}  // namespace

int effective(std::span<const std::string_view> args) {
    std::vector<std::string> paths;
    bool json = false;
    std::optional<std::string> only_user, only_role;
    if (const std::optional<int> stop =
            read_args("effective", args, effective_usage, paths, json,
                      [&](std::string_view arg, std::size_t& i) -> std::optional<int> {
                          const bool is_role = arg.starts_with("--role");
                          if (!is_role && !arg.starts_with("--user")) return unknown_option("effective", arg);
                          const auto value = option_value(args, i, is_role ? "--role" : "--user");
                          if (!value)
                              return fail_usage(is_role ? "effective: --role takes a role name"
                                                        : "effective: --user takes a user name");
                          (is_role ? only_role : only_user) = std::string(*value);
                          return std::nullopt;
                      }))
        return *stop;
    std::string label;
    const std::optional<iam::loaded_account> loaded = load_account("effective", paths, label);
    if (!loaded) return usage_error;
    const iam::account& acct = loaded->account;
    if (only_user && acct.find_user(*only_user) == nullptr)
        return fail_usage("effective: no user named `" + printable(*only_user) + "`");
    if (only_role && acct.find_role(*only_role) == nullptr)
        return fail_usage("effective: no role named `" + printable(*only_role) + "`");

    effective_report report(*loaded, json);
    const bool all = !only_user && !only_role;
    report.add("user", acct.users(), all, only_user, &iam::account::policy_set_for);
    report.add("role", acct.roles(), all, only_role, &iam::account::role_policy_set_for);
    write_out(report.finish());
    for (const iam::load_problem& p : report.problems())
        std::fprintf(stderr, "%s: problem: %s [%s]\n", printable(label).c_str(), p.message.c_str(), p.path.c_str());
    return report.problems().empty() ? clean : findings;
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
