// SPDX-License-Identifier: MIT
// `iamcpp who-can`: every user and role of an account that may perform one action on one
// resource, from its dump, with the resource's policy and Organizations policies given.
#include <algorithm>
#include <cstdio>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include <iam/account.hpp>
#include <iam/arn.hpp>
#include <iam/json.hpp>
#include <iam/policy_cache.hpp>
#include <iam/simulate.hpp>

#include "account_input.hpp"
#include "cli.hpp"

namespace cli {
namespace {

constexpr std::string_view who_can_usage =
    R"(usage: iamcpp who-can --action ACTION --resource ARN [--resource-policy FILE]
                      [--scp FILE[,FILE...]]... [--rcp FILE[,FILE...]]... [--format text|json]
                      ACCOUNT.json

Every user and role of an `aws iam get-account-authorization-details` dump that may
perform ACTION on the resource ARN (`*`: some resource), evaluated by AWS's evaluation
logic: a user with its inline, managed and groups' policies, a role as a session of it
with its own, each within its permissions boundary, and
  --resource-policy FILE  the resource's policy (a bucket, key or queue policy, or a
                          role's trust policy for sts:AssumeRole*); by default, for a
                          role of the dump asked to be assumed, its trust policy
  --scp FILE[,FILE...]    one level of service control policies, root first, the
                          account's last; its files are the level's policies. Every
                          level must allow (give FullAWSAccess where it is attached)
                          and any Deny denies
  --rcp FILE[,FILE...]    one level of resource control policies, likewise (give
                          RCPFullAWSAccess); the last is the resource's account's
Listed: each principal the request is allowed for, with the context keys the request
does not give that could deny it (a Deny on aws:SourceIp, say); and each that "could
be allowed": keys the request does not give (aws:MultiFactorAuthPresent, ...) could
allow it, and it comes with those keys. With each, the statements that decided
(policy, statement index from 0, Sid, policy type): for one that could be allowed,
those its keys could turn on or off. JSON: {"action","resource","principals":[{"type",
"name","arn","decision":"allowed|couldBeAllowed","conditions","statements":[{"policy",
"statement","sid","type"}]}],"problems":[{"path","message"}]}.
AWS managed policies the dump only names come from the bundled corpus. What could not
be read, and principals whose policies cannot be evaluated, are problems: on stderr,
and in JSON's "problems".
Exit status: 0 the dump read whole and reported, 1 reported with problems, 2 bad usage,
unreadable input or a policy FILE that breaks its grammar.
)";

struct who_can_options {
    std::string action;
    std::string resource;
    std::optional<std::string> resource_policy;        // a file
    std::vector<std::vector<std::string>> scps, rcps;  // levels of files, root first
};

// The files of one `--scp`/`--rcp` level: VALUE split at commas, none empty.
std::optional<std::vector<std::string>> level_files(std::string_view value) {
    std::vector<std::string> files;
    for (std::size_t start = 0;;) {
        const std::size_t comma = std::min(value.find(',', start), value.size());
        if (comma == start) return std::nullopt;
        files.emplace_back(value.substr(start, comma - start));
        if (comma == value.size()) return files;
        start = comma + 1;
    }
}

// The policy `text` of file `path` read as `kind` (else as `otherwise`, if given) through
// `cache`; nothing when it breaks the grammar, after a message (about `kind`) when `complain`.
std::optional<iam::named_compiled_policy> prepare_policy(const std::string& path, std::string_view text,
                                                         iam::policy_kind kind, iam::policy_cache& cache, bool complain,
                                                         std::optional<iam::policy_kind> otherwise = {}) {
    auto prepared = otherwise ? cache.get(text, kind, *otherwise) : cache.get(text, kind);
    if (prepared) return iam::named_compiled_policy{path, std::move(prepared).value()};
    if (complain) {
        const iam::policy_error& e = prepared.error().errors.front();
        const std::string kind_name(iam::to_string(kind));
        fail_usage("who-can: " + printable(path) + ": not a valid " + kind_name +
                   " policy: " + std::string(e.message()) + (e.path.empty() ? "" : " [" + e.path + "]") +
                   " (see `iamcpp check-policy --kind " + kind_name + "`)");
    }
    return std::nullopt;
}

// The policy in file `path` read as `kind` (then `otherwise`, if given) through
// `cache`; nothing, after a message (about `kind`), when it cannot be read as either.
std::optional<iam::named_compiled_policy> read_policy_file(const std::string& path, iam::policy_kind kind,
                                                           iam::policy_cache& cache,
                                                           std::optional<iam::policy_kind> otherwise = {}) {
    const auto text = read_input(path);
    if (!text) {
        fail_usage("who-can: cannot read `" + printable(path) + "`");
        return std::nullopt;
    }
    return prepare_policy(path, *text, kind, cache, true, otherwise);
}

// The resource policy of `options`: a file (read with the trust policy grammar first for
// sts:AssumeRole*, else the resource policy grammar first, then the other, as simulate's
// ResourcePolicy is), else, for a role of the dump asked to be assumed, its trust policy
// (one that breaks the grammar is a problem, and then allows nobody). False after a
// message.
bool read_resource_policy(const who_can_options& options, const iam::account& acct, iam::policy_cache& cache,
                          std::vector<iam::named_compiled_policy>& out, std::vector<iam::load_problem>& problems) {
    const bool assumes_role = iam::detail::uses_trust_policy(iam::lower_case_action(options.action).view());
    if (options.resource_policy) {
        auto policy = assumes_role ? read_policy_file(*options.resource_policy, iam::policy_kind::trust, cache,
                                                      iam::policy_kind::resource)
                                   : read_policy_file(*options.resource_policy, iam::policy_kind::resource, cache,
                                                      iam::policy_kind::trust);
        if (policy) out.push_back(std::move(*policy));
        return policy.has_value();
    }
    if (!assumes_role) return true;
    for (const iam::role& r : acct.roles()) {
        if (r.trust_policy.empty() || r.arn(acct.id().view(), acct.partition()) != options.resource) continue;
        const std::string entity = "role/" + r.name.str();
        if (auto trust =
                prepare_policy(entity + ":trust-policy", r.trust_policy, iam::policy_kind::trust, cache, false))
            out.push_back(std::move(*trust));
        else
            problems.push_back({entity, 0, "its trust policy breaks the trust policy grammar (see `iamcpp audit`)"});
        break;
    }
    return true;
}

// The Organizations levels of `files` (root first), as `kind`; the last level's target
// is `account` (so they cover it), the others `level-N`. Nothing given: none apply.
bool read_levels(const std::vector<std::vector<std::string>>& files, iam::policy_kind kind, std::string_view account,
                 iam::policy_cache& cache,
                 std::optional<std::vector<iam::basic_organizations_level<iam::named_compiled_policy>>>& out) {
    if (files.empty()) return true;
    out.emplace();
    for (std::size_t i = 0; i < files.size(); ++i) {
        auto& level = out->emplace_back();
        level.target = i + 1 == files.size() ? std::string(account) : "level-" + std::to_string(i + 1);
        for (const std::string& path : files[i]) {
            auto policy = read_policy_file(path, kind, cache);
            if (!policy) return false;
            level.policies.push_back(std::move(*policy));
        }
    }
    return true;
}

// Whether and how one principal may make the request, from its evaluation: "allowed",
// with the missing keys that could deny it; or "couldBeAllowed", with the missing keys
// that could allow it. Nothing when it may not.
struct verdict {
    std::string_view decision;
    std::vector<std::string> conditions;
    std::vector<iam::statement_ref> statements;
};

std::optional<verdict> judge(const iam::evaluation_result& e) {
    const bool allowed = e.decision == iam::decision::allowed;
    if (!allowed && !e.could_become.contains(iam::decision::allowed)) return std::nullopt;
    verdict out{allowed ? "allowed" : "couldBeAllowed", {}, e.matched};
    iam::for_each_distinct_key(e.missing, [&](const iam::missing_key& k) {
        if (allowed ? !k.could_become.empty() : k.could_become.contains(iam::decision::allowed))
            out.conditions.emplace_back(k.key);
    });
    if (!allowed) {  // the statements that the keys could turn on (or a Deny they could turn off)
        for (const iam::missing_key& k : e.missing)
            if (std::any_of(out.conditions.begin(), out.conditions.end(),
                            [&](const std::string& key) { return iam::iequals(key, k.key); }))
                out.statements.push_back(k.in);
    }
    // By policy type (identity policies first), then as the policies were given.
    std::sort(out.statements.begin(), out.statements.end(),
              [](const iam::statement_ref& a, const iam::statement_ref& b) {
                  return std::tie(a.layer, a.policy_index, a.statement_index) <
                         std::tie(b.layer, b.policy_index, b.statement_index);
              });
    out.statements.erase(std::unique(out.statements.begin(), out.statements.end()), out.statements.end());
    return out;
}

// The report: each principal that may, as text or JSON, and the problems.
class who_can_report {
public:
    who_can_report(const who_can_options& options, std::vector<iam::load_problem> problems, bool json)
        : problems_(std::move(problems)) {
        if (!json) return;
        json_.emplace().begin_object().key("action").value(options.action).key("resource").value(options.resource);
        json_->key("principals").begin_array();
    }

    void add(std::string_view type, const std::string& name, const std::string& arn,
             const iam::compiled_policy_set& set, const verdict& v) {
        ++listed_;
        if (!json_) {
            text_ += std::string(type) + " " + name + " (" + arn +
                     "): " + (v.decision == "allowed" ? "allowed" : "could be allowed");
            for (std::size_t i = 0; i < v.conditions.size(); ++i)
                text_ += (i > 0                     ? ", "
                          : v.decision == "allowed" ? "; a missing context key could deny it: "
                                                    : " by missing context keys: ") +
                         printable(v.conditions[i]);
            text_ += "\n";
            for (const iam::statement_ref& ref : v.statements) {
                text_ += "  " + std::string(iam::to_string(ref.layer)) + " " + printable(set.policy_name(ref)) +
                         " statement " + std::to_string(ref.statement_index);
                if (const auto& sid = set.statement_of(ref).sid) text_ += " (Sid " + printable(*sid) + ")";
                text_ += "\n";
            }
            return;
        }
        iam::json::writer& out = *json_;
        out.begin_object().key("type").value(type).key("name").value(name).key("arn").value(arn);
        out.key("decision").value(v.decision).key("conditions").begin_array();
        for (const std::string& key : v.conditions) out.value(key);
        out.end_array().key("statements").begin_array();
        for (const iam::statement_ref& ref : v.statements) {
            out.begin_object().key("policy").value(set.policy_name(ref)).key("statement").value(ref.statement_index);
            out.key("sid");
            if (const auto& sid = set.statement_of(ref).sid)
                out.value(*sid);
            else
                out.null();
            out.key("type").value(iam::to_string(ref.layer)).end_object();
        }
        out.end_array().end_object();
    }

    void problem(std::string path, std::string message) {
        problems_.push_back({std::move(path), 0, std::move(message)});
    }

    // The report, with a heading line in text and "problems" closing the JSON.
    std::string finish(const who_can_options& options) {
        if (!json_)
            return printable(options.action) + " on " + printable(options.resource) + ": " + std::to_string(listed_) +
                   (listed_ == 1 ? " principal\n" : " principals\n") + text_;
        json_->end_array();
        write_problems(*json_, problems_);
        json_->end_object();
        return std::move(*json_).text() + "\n";
    }

    const std::vector<iam::load_problem>& problems() const noexcept { return problems_; }

private:
    std::vector<iam::load_problem> problems_;
    std::optional<iam::json::writer> json_;  // the JSON report, when asked for
    std::string text_;                       // else the text report's principals
    std::size_t listed_ = 0;
};

// Reads the command line into `options` (and `paths`, `json`); an exit code to stop with.
std::optional<int> read_who_can_args(std::span<const std::string_view> args, who_can_options& options,
                                     std::vector<std::string>& paths, bool& json) {
    const auto stop = read_args(
        "who-can", args, who_can_usage, paths, &json, [&](std::string_view arg, std::size_t& i) -> std::optional<int> {
            for (const std::string_view flag : {"--action", "--resource-policy", "--resource", "--scp", "--rcp"}) {
                if (!arg.starts_with(flag) || (arg.size() > flag.size() && arg[flag.size()] != '=')) continue;
                const auto value = option_value(args, i, flag);
                if (!value || value->empty())
                    return fail_usage("who-can: " + std::string(flag) +
                                      (flag == "--action"     ? " takes an action (service:Action)"
                                       : flag == "--resource" ? " takes a resource ARN or *"
                                                              : " takes a file"));
                if (flag == "--action") {
                    options.action = *value;
                } else if (flag == "--resource") {
                    options.resource = *value;
                } else if (flag == "--resource-policy") {
                    options.resource_policy = std::string(*value);
                } else {
                    auto files = level_files(*value);
                    if (!files) return fail_usage("who-can: " + std::string(flag) + " takes FILE[,FILE...]");
                    (flag == "--scp" ? options.scps : options.rcps).push_back(std::move(*files));
                }
                return std::nullopt;
            }
            return unknown_option("who-can", arg);
        });
    if (stop) return stop;
    if (options.action.empty() || options.resource.empty())
        return fail_usage("who-can: --action and --resource are required (try `iamcpp who-can --help`)");
    const std::size_t colon = options.action.find(':');
    if (colon == 0 || colon == std::string::npos || colon + 1 == options.action.size())
        return fail_usage("who-can: --action takes service:Action, not `" + printable(options.action) + "`");
    if (options.resource != "*" && !iam::is_valid_arn(options.resource))
        return fail_usage("who-can: --resource takes an ARN or *, not `" + printable(options.resource) + "`");
    return std::nullopt;
}

}  // namespace

int who_can(std::span<const std::string_view> args) {
    who_can_options options;
    std::vector<std::string> paths;
    bool json = false;
    if (const std::optional<int> stop = read_who_can_args(args, options, paths, json)) return *stop;
    std::string label;
    const std::optional<iam::loaded_account> loaded = load_account("who-can", paths, label);
    if (!loaded) return usage_error;
    const iam::account& acct = loaded->account;

    // What every principal's request is evaluated with besides its own policies.
    iam::policy_cache cache;
    iam::compiled_policies shared;
    const auto resource_arn = iam::parse_arn(options.resource);
    const std::string_view resource_account =
        resource_arn && !resource_arn->account.empty() ? resource_arn->account : acct.id().view();
    std::vector<iam::load_problem> problems = loaded->problems;
    if (!read_resource_policy(options, acct, cache, shared.resource, problems) ||
        !read_levels(options.scps, iam::policy_kind::scp, acct.id().view(), cache, shared.scps) ||
        !read_levels(options.rcps, iam::policy_kind::rcp, resource_account, cache, shared.rcps))
        return usage_error;

    iam::request request;
    request.action = options.action;
    request.resource = options.resource;
    request.action_has_resource_types = iam::has_resource_types(&bundled_action_catalog(), options.action);
    who_can_report report(options, std::move(problems), json);
    // Each principal of `type` evaluated with `policies_of(name)` as `set_caller` makes it the caller.
    const auto add_each = [&](std::string_view type, const auto& principals, auto policies_of, auto set_caller) {
        for (const auto& p : principals) {
            const std::string entity = std::string(type) + "/" + p.name.str();
            if (!loaded->policies_read_whole(p)) {  // what was left out could deny anything: never guessed
                report.problem(entity, std::string(iam::not_evaluated_reason));
                continue;
            }
            auto own = (acct.*policies_of)(p.name.view(), cache, bundled_aws_managed_policy);
            if (!own) {
                report.problem(entity, std::string(own.error().message()));
                continue;
            }
            iam::compiled_policies set = shared;
            set.identity = std::move(own->identity);
            set.boundary = std::move(own->boundary);
            const iam::compiled_policy_set policies(std::move(set));
            set_caller(p);
            if (const auto v = judge(policies.evaluate(request)))
                report.add(type, p.name.str(), p.arn(acct.id().view(), acct.partition()), policies, *v);
        }
    };
    add_each("user", acct.users(), &iam::account::prepare_policies_for,
             [&](const iam::user& u) { request.set_caller(u, acct.id().view(), acct.partition()); });
    add_each("role", acct.roles(), &iam::account::prepare_role_policies_for,
             [&](const iam::role& r) { iam::set_role_session_caller(request, acct, r); });
    write_out(report.finish(options));
    for (const iam::load_problem& p : report.problems())
        std::fprintf(stderr, "%s: problem: %s [%s]\n", printable(label).c_str(), p.message.c_str(), p.path.c_str());
    return report.problems().empty() ? clean : findings;
}

}  // namespace cli
