// SPDX-License-Identifier: MIT
// `iamcpp effective`: what each user and role of an account may do, from its dump.
#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <iam/effective.hpp>
#include <iam/json.hpp>

#include "account_input.hpp"
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

void write_effective_json(iam::json::writer& out, const std::string& name, const std::string& arn,
                          std::vector<iam::effective_permission> allowed) {
    std::sort(
        allowed.begin(), allowed.end(),
        [](const iam::effective_permission& a, const iam::effective_permission& b) { return a.action < b.action; });
    const auto strings = [&](std::string_view key, const std::vector<std::string>& list) {
        out.key(key).begin_array();
        for (const std::string& item : list) out.value(item);
        out.end_array();
    };
    out.begin_object().key("name").value(name).key("arn").value(arn).key("allowed").begin_array();
    for (const iam::effective_permission& p : allowed) {
        out.begin_object().key("action").value(p.action).key("level").value(iam::to_string(p.level));
        strings("resources", p.resources);
        strings("excluded", p.excluded);
        out.key("conditional").value(p.conditional);
        strings("condition_keys", p.condition_keys);
        out.end_object();
    }
    out.end_array().end_object();
}

// The effective permissions of the chosen users and roles of `loaded`, as text or JSON,
// and its problems: what was not read and each principal that cannot be evaluated.
class effective_report {
public:
    effective_report(const iam::loaded_account& loaded, bool json)
        : loaded_(loaded), acct_(loaded.account), problems_(loaded.problems) {
        if (json) json_.emplace().begin_object();
    }

    // Each principal (of `type`, `user` or `role`) when `all`, else only the one `chosen` names.
    template <typename Principal, typename PolicySet>
    void add(std::string_view type, const std::vector<Principal>& principals, bool all,
             const std::optional<std::string>& chosen, PolicySet policy_set_for) {
        if (json_) json_->key(std::string(type) + "s").begin_array();
        for (const Principal& p : principals) {
            if (!all && !(chosen && iam::iequals(p.name.view(), *chosen))) continue;
            const std::string entity = std::string(type) + "/" + p.name.str();
            if (!loaded_.policies_read_whole(p)) {  // what was left out could deny anything: never guessed
                problems_.push_back({entity, 0, std::string(iam::not_evaluated_reason)});
                continue;
            }
            const auto set = (acct_.*policy_set_for)(p.name.view(), bundled_aws_managed_policy);
            if (!set) {  // reported, never guessed: a policy we cannot read could deny anything
                problems_.push_back({entity, 0, std::string(set.error().message())});
                continue;
            }
            std::vector<iam::effective_permission> allowed =
                iam::effective_permissions(iam::compiled_policy_set(*set), bundled_action_catalog());
            const std::string arn = p.arn(acct_.id().view(), acct_.partition());
            if (json_) {
                write_effective_json(*json_, p.name.str(), arn, std::move(allowed));
            } else {
                text_ += (text_.empty() ? "" : "\n") + effective_text(p.name.str(), arn, allowed);
            }
        }
        if (json_) json_->end_array();
    }

    // The report, JSON's "problems" closing it.
    std::string finish() {
        if (!json_) return std::move(text_);
        write_problems(*json_, problems_);
        json_->end_object();
        return std::move(*json_).text() + "\n";
    }

    const std::vector<iam::load_problem>& problems() const noexcept { return problems_; }

private:
    const iam::loaded_account& loaded_;
    const iam::account& acct_;
    std::vector<iam::load_problem> problems_;
    std::optional<iam::json::writer> json_;  // the JSON report, when asked for
    std::string text_;                       // else the text report
};

}  // namespace

int effective(std::span<const std::string_view> args) {
    std::vector<std::string> paths;
    bool json = false;
    std::optional<std::string> only_user, only_role;
    if (const std::optional<int> stop =
            read_args("effective", args, effective_usage, paths, &json,
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

}  // namespace cli
