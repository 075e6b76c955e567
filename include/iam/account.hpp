// SPDX-License-Identifier: MIT
// iamcpp: an AWS account as a value — users, groups, managed policies, the password
// policy, quotas — and the operations of the IAM user guide's "Creating an IAM user in
// your AWS account" (UG id_users_create). Every operation either succeeds completely
// or changes nothing and says why: it checks everything first, then commits. The rules
// it shares with the dump loader are in account_rules.hpp, passwords and keys in
// credentials.hpp, its errors in account_error.hpp.
#ifndef IAM_ACCOUNT_HPP_INCLUDED
#define IAM_ACCOUNT_HPP_INCLUDED

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "account_error.hpp"
#include "account_rules.hpp"
#include "arn.hpp"
#include "credentials.hpp"
#include "entities.hpp"
#include "evaluate.hpp"
#include "json.hpp"
#include "names.hpp"
#include "policy.hpp"
#include "policy_cache.hpp"
#include "result.hpp"

namespace iam {

//=== sign-in URL ===//

/// The console sign-in host of a partition, where AWS documents one
/// (UG console_account-alias.html; the China page for `aws-cn`).
constexpr std::optional<std::string_view> sign_in_host(std::string_view partition) noexcept {
    if (partition == "aws") return std::string_view{"signin.aws.amazon.com"};
    if (partition == "aws-cn") return std::string_view{"signin.amazonaws.cn"};
    return std::nullopt;
}

/// `https://ACCOUNT_ID_OR_ALIAS.signin.aws.amazon.com/console`, as the create-user
/// page writes it (UG id_users_create); nothing for a partition without a known host.
inline std::optional<std::string> sign_in_url(std::string_view account_id_or_alias,
                                              std::string_view partition = "aws") {
    const auto host = sign_in_host(partition);
    if (!host) return std::nullopt;
    return "https://" + std::string(account_id_or_alias) + "." + std::string(*host) + "/console";
}

//=== requests and results ===//

/// Console access for a user: a custom password, or one generated per the password
/// policy; and "Users must create a new password at next sign-in".
struct console_access {
    std::optional<std::string> custom_password{};  ///< none: generate one
    bool require_reset = true;                     ///< the console's default
};

/// One user to create, with the permissions chosen the three ways the console offers
/// (groups, copying an existing user, policies attached directly), an optional
/// boundary, tags, and only the credentials asked for.
struct new_user {
    std::string name{};
    std::string path = "/";
    std::vector<tag> tags{};
    std::vector<std::string> groups{};  ///< group names to join
    /// Copy an existing user's group memberships, attached managed policies, inline
    /// policies and permissions boundary (not its tags, path or credentials).
    std::optional<std::string> copy_permissions_from{};
    std::vector<std::string> policy_arns{};  ///< managed policies to attach
    /// Overrides a boundary copied from another user.
    std::optional<std::string> permissions_boundary_arn{};
    std::optional<console_access> console{};  ///< none: no console access
    bool programmatic_access = false;         ///< create an access key
};

/// An access key as created: the secret appears here and nowhere else, ever.
struct access_key_pair {
    access_key_id id;
    std::string secret{};  ///< 40 characters; the account never stores it
    friend bool operator==(const access_key_pair&, const access_key_pair&) = default;
};

/// What creating one user produced; the password and secret are shown only here.
struct created_user {
    iam::user user;                         ///< as stored (no password, no secret)
    std::optional<std::string> password{};  ///< the console password, if console access was asked for
    std::optional<access_key_pair> access_key{};
    std::optional<std::string> sign_in_url{};  ///< with console access, where to sign in
};

/// What deleting a user or group does about what it still holds.
enum class on_dependents : std::uint8_t {
    refuse,  ///< fail with `delete_conflict`, as AWS's DeleteUser/DeleteGroup do
    remove,  ///< remove them too, as the console does
};

/// The document text of an AWS managed policy by ARN (the bundled corpus lives
/// outside the library); nothing when unknown. The view must stay valid until the call
/// that asked returns.
using policy_lookup = std::function<std::optional<std::string_view>(std::string_view arn)>;

/// A user's policies prepared for evaluation, sharing prepared documents through a
/// `policy_cache`. Names: inline policies `user/NAME:POLICY` or `group/NAME:POLICY`,
/// managed policies their ARN.
struct prepared_policies {
    std::vector<named_compiled_policy> identity{};
    std::vector<named_compiled_policy> boundary{};
    /// The set `compiled_policy_set::evaluate` runs on.
    compiled_policy_set compile() const { return compiled_policy_set(identity, boundary); }
};

namespace detail {

inline std::string describe_policy_errors(std::string_view name, const policy_errors& errors) {
    std::string out = "policy " + std::string(name) + " is not valid:";
    std::size_t shown = 0;
    for (const policy_error& e : errors.errors) {
        if (++shown > 10) break;
        out += " " + std::string(e.message()) + (e.path.empty() ? std::string() : " [" + e.path + "]") + ";";
    }
    out.pop_back();
    return out;
}

// Entities sorted by name ignoring case, and policies sorted by ARN.
template <typename Vector>
auto name_position(Vector& entities, std::string_view name) {
    return std::lower_bound(entities.begin(), entities.end(), name,
                            [](const auto& e, std::string_view n) { return icompare(e.name.view(), n) < 0; });
}
template <typename Vector>
auto* find_named(Vector& entities, std::string_view name) noexcept {
    const auto it = detail::name_position(entities, name);
    return it != entities.end() && iequals(it->name.view(), name) ? &*it : nullptr;
}
template <typename Vector>
auto arn_position(Vector& policies, std::string_view arn) {
    return std::lower_bound(policies.begin(), policies.end(), arn,
                            [](const managed_policy& p, std::string_view a) { return std::string_view(p.arn) < a; });
}
template <typename Vector>
auto* find_arn(Vector& policies, std::string_view arn) noexcept {
    const auto it = detail::arn_position(policies, arn);
    return it != policies.end() && it->arn == arn ? &*it : nullptr;
}
}  // namespace detail

//=== the account ===//

/// An AWS account: id, optional alias, users, groups, customer managed policies, the
/// AWS managed policies it refers to, roles, the password policy and quotas.
/// Users, groups and roles are kept sorted by name ignoring case, policies by ARN, so
/// equal accounts compare equal whatever the order things were added in.
///
/// **Example**:
///     auto acct = iam::account::make("123456789012").value();
///     (void)acct.create_group("Developers");
///     iam::new_user alice{.name = "alice", .groups = {"Developers"}, .console = iam::console_access{}};
///     std::random_device device;  // the kernel's generator on Linux
///     const iam::random_source random = [&device] { return std::uint64_t{device()} << 32 | device(); };
///     auto created = acct.create_user(alice, random);
///     if (created) std::puts(created->password->c_str());  // shown once
class account {
public:
    /// An empty account with the placeholder id 000000000000 (what a failed load leaves); use `make`.
    account() = default;

    /// A new account with no users: a 12-digit id, an optional alias, the partition.
    static account_result<account> make(std::string_view id, std::string_view alias = {},
                                        std::string_view partition = "aws") {
        const auto checked = account_id::parse(id);
        if (!checked) return account_error{account_errc::invalid_name, "", "account_id", describe(checked.error(), id)};
        if (!detail::is_valid_partition(partition))
            return account_error{account_errc::invalid_input, "", "partition",
                                 "`" + std::string(partition) + "` is not a partition (aws, aws-cn, aws-us-gov, ...)"};
        account a;
        a.id_ = checked.value();
        a.partition_ = std::string(partition);
        if (const account_status s = a.set_alias(alias); !s) return s.error();
        return a;
    }

    /// An account holding `contents` as they are, e.g. as read from a dump: sorted as the
    /// account keeps them, with the AWS managed policies users, groups and roles refer to
    /// noted. Contents may break quotas (audits report it) but not `check_contents`.
    static account_result<account> from_contents(account_contents contents) {
        if (auto e = check_contents(contents)) return *std::move(e);
        const auto by_name = [](const auto& a, const auto& b) { return icompare(a.name.view(), b.name.view()) < 0; };
        const auto by_arn = [](const managed_policy& a, const managed_policy& b) { return a.arn < b.arn; };
        std::sort(contents.users.begin(), contents.users.end(), by_name);
        std::sort(contents.groups.begin(), contents.groups.end(), by_name);
        std::sort(contents.roles.begin(), contents.roles.end(), by_name);
        std::sort(contents.customer_policies.begin(), contents.customer_policies.end(), by_arn);
        std::sort(contents.aws_policies.begin(), contents.aws_policies.end(), by_arn);
        account a;
        a.id_ = contents.id;
        a.alias_ = contents.alias;
        a.partition_ = std::move(contents.partition);
        a.password_policy_ = contents.password_policy;
        a.users_ = std::move(contents.users);
        a.groups_ = std::move(contents.groups);
        a.customer_policies_ = std::move(contents.customer_policies);
        a.aws_policies_ = std::move(contents.aws_policies);
        a.roles_ = std::move(contents.roles);
        a.unreadable_documents_ = std::move(contents.unreadable_documents);
        for (const user& u : a.users_) a.note_aws_policies(u);
        for (const role& r : a.roles_) a.note_aws_policies(r);
        for (const group& g : a.groups_)
            for (const std::string& arn : g.attached_policy_arns) a.note_aws_policy(arn);
        return a;
    }

    //--- reading ---//

    const account_id& id() const noexcept { return id_; }
    const std::optional<account_alias>& alias() const noexcept { return alias_; }
    const std::string& partition() const noexcept { return partition_; }
    /// The account's password policy; none means AWS's default rules apply.
    const std::optional<iam::password_policy>& password_policy() const noexcept { return password_policy_; }
    const iam::quotas& quotas() const noexcept { return quotas_; }
    /// Sorted by name ignoring case.
    const std::vector<user>& users() const noexcept { return users_; }
    /// Sorted by name ignoring case.
    const std::vector<group>& groups() const noexcept { return groups_; }
    /// Sorted by ARN.
    const std::vector<managed_policy>& customer_managed_policies() const noexcept { return customer_policies_; }
    /// The AWS managed policies users, groups and roles refer to (attached or as boundary, now
    /// or before), sorted by ARN; a document is empty unless a dump carried it.
    const std::vector<managed_policy>& aws_managed_policies() const noexcept { return aws_policies_; }
    /// Sorted by name ignoring case.
    const std::vector<role>& roles() const noexcept { return roles_; }

    /// The user named `name` ignoring case, or nullptr.
    const user* find_user(std::string_view name) const noexcept { return detail::find_named(users_, name); }
    /// The group named `name` ignoring case, or nullptr.
    const group* find_group(std::string_view name) const noexcept { return detail::find_named(groups_, name); }
    /// The role named `name` ignoring case, or nullptr.
    const role* find_role(std::string_view name) const noexcept { return detail::find_named(roles_, name); }
    /// The customer or AWS managed policy with this exact ARN, or nullptr.
    const managed_policy* find_managed_policy(std::string_view arn) const noexcept {
        if (const managed_policy* p = detail::find_arn(customer_policies_, arn)) return p;
        return detail::find_arn(aws_policies_, arn);
    }
    /// The managed policies (ARNs) whose document, as loaded, could not be read: none stands in for them.
    const std::vector<std::string>& unreadable_documents() const noexcept { return unreadable_documents_; }
    /// The document of the managed policy `arn`: the account's copy, else, for an AWS
    /// managed policy, what `lookup` finds; nothing when neither has it, nor when the
    /// account's copy could not be read (a dump's: `lookup`'s may say otherwise).
    std::optional<std::string_view> managed_document(std::string_view arn, const policy_lookup& lookup = {}) const {
        if (const managed_policy* p = find_managed_policy(arn); p != nullptr && !p->document.empty())
            return std::string_view(p->document);
        if (std::find(unreadable_documents_.begin(), unreadable_documents_.end(), arn) != unreadable_documents_.end())
            return std::nullopt;
        const auto parts = parse_policy_arn(arn);
        if (parts && parts->account == "aws" && lookup) return lookup(arn);
        return std::nullopt;
    }
    /// Where users sign in: by alias when the account has one, else by id.
    std::optional<std::string> sign_in_url() const {
        return iam::sign_in_url(alias_ ? alias_->view() : id_.view(), partition_);
    }

    //--- settings ---//

    /// Sets the alias (an account has at most one); empty removes it.
    account_status set_alias(std::string_view alias) {
        if (alias.empty()) {
            alias_.reset();
            return std::monostate{};
        }
        const auto checked = account_alias::parse(alias);
        if (!checked) return account_error{account_errc::invalid_name, "", "alias", describe(checked.error(), alias)};
        alias_ = checked.value();
        return std::monostate{};
    }

    /// Sets (or, with nothing, deletes) the password policy, checking AWS's ranges.
    account_status set_password_policy(std::optional<iam::password_policy> policy) {
        if (policy) {
            const auto fail = [](std::string field, std::string message) {
                return account_error{account_errc::invalid_setting, "", std::move(field), std::move(message)};
            };
            if (policy->minimum_length < 6 || policy->minimum_length > 128)
                return fail("minimum_length", "the minimum password length must be 6 to 128");
            if (policy->max_age_days > 1095)
                return fail("max_age_days", "the maximum password age must be 1 to 1095 days (0: never)");
            if (policy->reuse_prevention > 24)
                return fail("reuse_prevention", "password reuse prevention must be 1 to 24 (0: off)");
        }
        password_policy_ = policy;
        return std::monostate{};
    }

    /// Sets the adjustable quotas, each between AWS's default and its maximum.
    account_status set_quotas(const iam::quotas& q) {
        const iam::quotas defaults;
        const auto check = [](std::string_view field, std::size_t value, std::size_t low,
                              std::size_t high) -> account_status {
            if (value >= low && value <= high) return std::monostate{};
            return account_error{account_errc::invalid_setting, "", std::string(field),
                                 std::string(field) + " must be " + std::to_string(low) + " to " +
                                     std::to_string(high) + " (AWS's default to the most AWS grants)"};
        };
        for (const account_status& s :
             {check("groups_per_account", q.groups_per_account, defaults.groups_per_account,
                    iam::quotas::max_groups_per_account),
              check("customer_managed_policies_per_account", q.customer_managed_policies_per_account,
                    defaults.customer_managed_policies_per_account,
                    iam::quotas::max_customer_managed_policies_per_account),
              check("managed_policies_per_user", q.managed_policies_per_user, defaults.managed_policies_per_user,
                    iam::quotas::max_managed_policies_per_user)})
            if (!s) return s;
        quotas_ = q;
        return std::monostate{};
    }

    //--- users ---//

    /// Creates one user; see `create_users`.
    account_result<created_user> create_user(const new_user& request, const random_source& random = {},
                                             timestamp now = {}) {
        auto created = create_users(std::span<const new_user>(&request, 1), random, now);
        if (!created) return created.error();
        return std::move(created.value().front());
    }

    /// Creates up to 10 users at once, as the console does, or none: a name taken
    /// ignoring case (in the account or earlier in the batch), a missing group, policy
    /// or user to copy, a quota, a bad password — any problem leaves the account as it
    /// was. `random` is needed only for generated passwords and access keys; `now` is
    /// recorded as the creation time.
    account_result<std::vector<created_user>> create_users(std::span<const new_user> requests,
                                                           const random_source& random = {}, timestamp now = {}) {
        if (requests.size() > iam::quotas::users_per_batch)
            return account_error{account_errc::limit_exceeded, "", "users_per_batch",
                                 "a batch has " + std::to_string(requests.size()) +
                                     " users; the console adds at most " +
                                     std::to_string(iam::quotas::users_per_batch) + " at a time"};
        if (users_.size() + requests.size() > iam::quotas::users_per_account)
            return account_error{account_errc::limit_exceeded, "", "users_per_account",
                                 "the account has " + std::to_string(users_.size()) + " users; " +
                                     std::to_string(requests.size()) + " more would exceed the quota of " +
                                     std::to_string(iam::quotas::users_per_account)};
        std::vector<created_user> staged;
        staged.reserve(requests.size());
        for (const new_user& request : requests) {
            auto built = build_user(request, staged, random, now);
            if (!built) return built.error();
            staged.push_back(std::move(built.value()));
        }
        for (const created_user& c : staged) {
            users_.insert(detail::name_position(users_, c.user.name), c.user);
            note_aws_policies(c.user);
        }
        return staged;
    }

    /// Deletes a user. With `refuse`, a user that still has a password, access keys, MFA
    /// devices, inline or attached policies or group memberships is kept, as DeleteUser
    /// does; with `remove` they go with it.
    account_status delete_user(std::string_view name, on_dependents dependents = on_dependents::refuse) {
        const auto it = detail::name_position(users_, name);
        if (it == users_.end() || !iequals(it->name.view(), name)) return no_such("user", name);
        if (dependents == on_dependents::refuse) {
            std::vector<std::string> held;
            const auto count = [&](std::size_t n, std::string_view what) {
                if (n > 0) held.push_back(std::to_string(n) + " " + std::string(what));
            };
            if (it->login) held.emplace_back("a console password");
            count(it->access_keys.size(), "access key(s)");
            count(it->mfa_devices.size(), "MFA device(s)");
            count(it->inline_policies.size(), "inline policy(ies)");
            count(it->attached_policy_arns.size(), "attached managed policy(ies)");
            count(it->groups.size(), "group membership(s)");
            if (!held.empty())
                return account_error{account_errc::delete_conflict, detail::entity_ref("user", it->name), "",
                                     "user " + it->name.str() + " still has " + join(held) +
                                         "; remove them first or delete with on_dependents::remove"};
        }
        users_.erase(it);
        return std::monostate{};
    }

    /// Adds tags or replaces the values of keys it has already (keys ignoring case, the
    /// new spelling kept), up to 50 in all.
    account_status tag_user(std::string_view username, std::span<const tag> tags) {
        user* u = detail::find_named(users_, username);
        if (u == nullptr) return no_such("user", username);
        auto merged = merge_tags(u->tags, tags, detail::entity_ref("user", u->name));
        if (!merged) return merged.error();
        u->tags = std::move(merged.value());
        return std::monostate{};
    }

    /// Removes the tags with these keys (ignoring case); absent keys are no error.
    account_status untag_user(std::string_view username, std::span<const std::string> keys) {
        user* u = detail::find_named(users_, username);
        if (u == nullptr) return no_such("user", username);
        for (std::size_t i = 0; i < keys.size(); ++i)
            if (const name_error e = check_tag_key(keys[i]); !e.ok())
                return name_fail(e, keys[i], detail::entity_ref("user", u->name), "keys[" + std::to_string(i) + "]");
        std::erase_if(u->tags, [&](const tag& t) {
            return std::any_of(keys.begin(), keys.end(), [&](const std::string& k) { return iequals(t.key, k); });
        });
        return std::monostate{};
    }

    //--- groups ---//

    /// Creates an empty group.
    account_status create_group(std::string_view name, std::string_view path = "/", timestamp now = {}) {
        auto made = group::make(name, path);
        if (!made)
            return name_fail(made.error(), made.error().kind == name_kind::path ? path : name,
                             detail::entity_ref("group", name), made.error().kind == name_kind::path ? "path" : "name");
        if (const group* existing = find_group(name))
            return account_error{
                account_errc::already_exists, detail::entity_ref("group", name), "name",
                "a group named " + existing->name.str() + " exists already (names are unique ignoring case)"};
        if (groups_.size() >= quotas_.groups_per_account)
            return limit(detail::entity_ref("group", name), "groups_per_account",
                         "the account has " + std::to_string(groups_.size()) + " groups, its quota");
        made.value().created = now;
        groups_.insert(detail::name_position(groups_, made.value().name), std::move(made.value()));
        return std::monostate{};
    }

    /// Deletes a group. With `refuse`, a group that still has members or policies is
    /// kept, as DeleteGroup does; with `remove` its members leave it.
    account_status delete_group(std::string_view name, on_dependents dependents = on_dependents::refuse) {
        const auto it = detail::name_position(groups_, name);
        if (it == groups_.end() || !iequals(it->name.view(), name)) return no_such("group", name);
        const std::string groupname = it->name.str();
        const auto is_member = [&](const user& u) { return contains_exact(u.groups, groupname); };
        const auto members = static_cast<std::size_t>(std::count_if(users_.begin(), users_.end(), is_member));
        if (dependents == on_dependents::refuse &&
            members + it->inline_policies.size() + it->attached_policy_arns.size() > 0)
            return account_error{account_errc::delete_conflict, detail::entity_ref("group", groupname), "",
                                 "group " + groupname + " still has " + std::to_string(members) + " member(s), " +
                                     std::to_string(it->inline_policies.size()) + " inline and " +
                                     std::to_string(it->attached_policy_arns.size()) +
                                     " attached policy(ies); remove them first or delete with on_dependents::remove"};
        for (user& u : users_) std::erase(u.groups, groupname);
        groups_.erase(it);
        return std::monostate{};
    }

    /// Adds a user to a group (no change if it is a member already), up to 10 groups.
    account_status add_user_to_group(std::string_view username, std::string_view groupname) {
        user* u = detail::find_named(users_, username);
        if (u == nullptr) return no_such("user", username);
        const group* g = find_group(groupname);
        if (g == nullptr) return no_such("group", groupname);
        if (contains_exact(u->groups, g->name.view())) return std::monostate{};
        if (u->groups.size() >= iam::quotas::groups_per_user)
            return limit(detail::entity_ref("user", u->name), "groups_per_user",
                         "user " + u->name.str() + " is in " + std::to_string(u->groups.size()) +
                             " groups, the most a user can be in");
        u->groups.push_back(g->name.str());
        return std::monostate{};
    }

    /// Removes a user from a group it belongs to.
    account_status remove_user_from_group(std::string_view username, std::string_view groupname) {
        user* u = detail::find_named(users_, username);
        if (u == nullptr) return no_such("user", username);
        const auto it = std::find_if(u->groups.begin(), u->groups.end(),
                                     [&](const std::string& g) { return iequals(g, groupname); });
        if (it == u->groups.end())
            return account_error{account_errc::no_such_entity, detail::entity_ref("user", u->name), "groups",
                                 "user " + u->name.str() + " is not in a group named " + std::string(groupname)};
        u->groups.erase(it);
        return std::monostate{};
    }

    //--- managed policies ---//

    /// Creates a customer managed policy (CreatePolicy): the document must be valid,
    /// Version 2012-10-17, and at most 6,144 characters without white space.
    account_result<managed_policy> create_policy(std::string_view name, std::string_view document,
                                                 std::string_view path = "/", std::string_view description = {},
                                                 timestamp now = {}) {
        auto made = managed_policy::customer(id_, name, path, {}, partition_);
        const std::string entity = made ? made->arn : std::string(name);
        if (!made)
            return name_fail(made.error(), made.error().kind == name_kind::policy_path ? path : name, entity,
                             made.error().kind == name_kind::policy_path ? "path" : "name");
        const auto same_name = [&](const managed_policy& p) { return iequals(p.name, name); };
        if (const auto it = std::find_if(customer_policies_.begin(), customer_policies_.end(), same_name);
            it != customer_policies_.end())
            return account_error{account_errc::already_exists, entity, "name",
                                 "a policy named " + it->name + " exists already (names are unique ignoring case)"};
        if (description.size() > iam::quotas::policy_description_length)
            return account_error{account_errc::invalid_input, entity, "description",
                                 "a policy description has at most 1000 characters"};
        if (customer_policies_.size() >= quotas_.customer_managed_policies_per_account)
            return limit(entity, "customer_managed_policies_per_account",
                         "the account has " + std::to_string(customer_policies_.size()) +
                             " customer managed policies, its quota");
        auto compact = checked_document(document, policy_kind::managed, entity, "document");
        if (!compact) return compact.error();
        managed_policy& created = made.value();
        created.document = std::move(compact.value());
        created.description = std::string(description);
        created.created = now;
        created.updated = now;
        customer_policies_.insert(detail::arn_position(customer_policies_, created.arn), created);
        return created;
    }

    /// Attaches a managed policy to a user (no change if attached already).
    account_status attach_user_policy(std::string_view username, std::string_view arn) {
        return with_user(username, [&](user& u, const std::string& entity) {
            return attach(u, entity, arn, quotas_.managed_policies_per_user, "managed_policies_per_user");
        });
    }
    /// Detaches a managed policy from a user.
    account_status detach_user_policy(std::string_view username, std::string_view arn) {
        return with_user(username, [&](user& u, const std::string& entity) { return detach(u, entity, arn); });
    }
    /// Attaches a managed policy to a group (no change if attached already).
    account_status attach_group_policy(std::string_view groupname, std::string_view arn) {
        return with_group(groupname, [&](group& g, const std::string& entity) {
            return attach(g, entity, arn, iam::quotas::managed_policies_per_group, "managed_policies_per_group");
        });
    }
    /// Detaches a managed policy from a group.
    account_status detach_group_policy(std::string_view groupname, std::string_view arn) {
        return with_group(groupname, [&](group& g, const std::string& entity) { return detach(g, entity, arn); });
    }

    //--- inline policies ---//

    /// Adds or replaces (same name ignoring case) a user's inline policy; all of the
    /// user's inline policies together stay within 2,048 characters without white space.
    account_status put_user_policy(std::string_view username, std::string_view policy_name, std::string_view document) {
        return with_user(username, [&](user& u, const std::string& entity) {
            return put_inline(u, entity, policy_name, document, policy_kind::user_inline,
                              iam::quotas::user_inline_policy_size);
        });
    }
    /// Deletes a user's inline policy.
    account_status delete_user_policy(std::string_view username, std::string_view policy_name) {
        return with_user(username,
                         [&](user& u, const std::string& entity) { return delete_inline(u, entity, policy_name); });
    }
    /// Adds or replaces a group's inline policy; a group's together stay within 5,120.
    account_status put_group_policy(std::string_view groupname, std::string_view policy_name,
                                    std::string_view document) {
        return with_group(groupname, [&](group& g, const std::string& entity) {
            return put_inline(g, entity, policy_name, document, policy_kind::group_inline,
                              iam::quotas::group_inline_policy_size);
        });
    }
    /// Deletes a group's inline policy.
    account_status delete_group_policy(std::string_view groupname, std::string_view policy_name) {
        return with_group(groupname,
                          [&](group& g, const std::string& entity) { return delete_inline(g, entity, policy_name); });
    }

    //--- permissions boundary ---//

    /// Sets (or replaces) a user's permissions boundary to a managed policy.
    account_status set_user_permissions_boundary(std::string_view username, std::string_view arn) {
        return with_user(username, [&](user& u, const std::string& entity) -> account_status {
            if (account_status s = check_attachable(arn, entity, "permissions_boundary_arn"); !s) return s;
            u.boundary = permissions_boundary{std::string(arn)};
            note_aws_policy(arn);
            return std::monostate{};
        });
    }
    /// Removes a user's permissions boundary.
    account_status delete_user_permissions_boundary(std::string_view username) {
        return with_user(username, [&](user& u, const std::string& entity) -> account_status {
            if (!u.boundary)
                return account_error{account_errc::no_such_entity, entity, "permissions_boundary_arn",
                                     "user " + u.name.str() + " has no permissions boundary"};
            u.boundary.reset();
            return std::monostate{};
        });
    }

    //--- credentials ---//

    /// Gives an existing user console access; returns the password (shown only here).
    /// The reset rule is `create_users`'s: see `console_access`.
    account_result<std::string> create_login_profile(std::string_view username, const console_access& console,
                                                     const random_source& random = {}, timestamp now = {}) {
        user* u = detail::find_named(users_, username);
        if (u == nullptr) return no_such("user", username);
        user changed = *u;
        auto password = grant_console_access(changed, console, random, now);
        if (!password) return password.error();
        *u = std::move(changed);
        note_aws_policies(*u);
        return password;
    }

    /// Removes a user's console access.
    account_status delete_login_profile(std::string_view username) {
        return with_user(username, [&](user& u, const std::string& entity) -> account_status {
            if (!u.login)
                return account_error{account_errc::no_such_entity, entity, "login",
                                     "user " + u.name.str() + " has no console password"};
            u.login.reset();
            return std::monostate{};
        });
    }

    /// Creates an access key for a user (at most 2, inactive ones included); the secret
    /// is in the result and nowhere else.
    account_result<access_key_pair> create_access_key(std::string_view username, const random_source& random,
                                                      timestamp now = {}) {
        user* u = detail::find_named(users_, username);
        if (u == nullptr) return no_such("user", username);
        auto key = issue_access_key(*u, {}, random, now);
        if (!key) return key.error();
        return key;
    }

    /// Deletes one of a user's access keys.
    account_status delete_access_key(std::string_view username, std::string_view key_id) {
        return with_user(username, [&](user& u, const std::string& entity) -> account_status {
            if (std::erase_if(u.access_keys, [&](const access_key& k) { return k.id.view() == key_id; }) == 0)
                return account_error{account_errc::no_such_entity, entity, "access_key_id",
                                     "user " + u.name.str() + " has no access key " + std::string(key_id)};
            return std::monostate{};
        });
    }

    /// Registers a virtual MFA device named `device_name` for a user (at most 8 in use);
    /// returns its serial number, the device's ARN `arn:aws:iam::ACCOUNT:mfa/NAME`.
    account_result<std::string> enable_mfa_device(std::string_view username, std::string_view device_name,
                                                  timestamp now = {}) {
        user* u = detail::find_named(users_, username);
        if (u == nullptr) return no_such("user", username);
        const std::string entity = detail::entity_ref("user", u->name);
        if (const name_error e = check_name(name_kind::mfa_device, device_name); !e.ok())
            return name_fail(e, device_name, entity, "device_name");
        std::string serial = entity_arn(id_, "mfa", "/", device_name, partition_);
        for (const user& other : users_)
            for (const mfa_device& d : other.mfa_devices)
                if (d.serial_number == serial)
                    return account_error{account_errc::already_exists, entity, "device_name",
                                         "MFA device " + serial + " is in use by user " + other.name.str()};
        if (u->mfa_devices.size() >= iam::quotas::mfa_devices_per_user)
            return limit(entity, "mfa_devices_per_user",
                         "user " + u->name.str() + " has 8 MFA devices in use, the most AWS allows");
        u->mfa_devices.push_back(mfa_device{serial, now});
        return serial;
    }

    /// Removes an MFA device from a user.
    account_status deactivate_mfa_device(std::string_view username, std::string_view serial_number) {
        return with_user(username, [&](user& u, const std::string& entity) -> account_status {
            if (std::erase_if(u.mfa_devices, [&](const mfa_device& d) { return d.serial_number == serial_number; }) ==
                0)
                return account_error{account_errc::no_such_entity, entity, "serial_number",
                                     "user " + u.name.str() + " has no MFA device " + std::string(serial_number)};
            return std::monostate{};
        });
    }

    //--- evaluation ---//

    /// Everything that applies to a user, parsed: its inline and attached policies, then
    /// each group's (in membership order), and its boundary. AWS managed documents come
    /// from the account (a dump may carry them) or else from `lookup`.
    account_result<policy_set> policy_set_for(std::string_view username, const policy_lookup& lookup = {}) const {
        const user* u = find_user(username);
        if (u == nullptr) return no_such("user", username);
        return policy_set_of(*u, lookup);
    }

    /// Everything that applies to a role, parsed: its inline and attached policies, and
    /// its boundary (its trust policy says who may assume it, not what it may do).
    account_result<policy_set> role_policy_set_for(std::string_view rolename, const policy_lookup& lookup = {}) const {
        const role* r = find_role(rolename);
        if (r == nullptr) return no_such("role", rolename);
        return policy_set_of(*r, lookup);
    }

    /// Like `policy_set_for`, prepared for evaluation through `cache`, so a document
    /// shared by many users (an AWS managed policy, a group's) is prepared once.
    account_result<prepared_policies> prepare_policies_for(std::string_view username, policy_cache& cache,
                                                           const policy_lookup& lookup = {}) const {
        const user* u = find_user(username);
        if (u == nullptr) return no_such("user", username);
        return prepared_policies_of(*u, cache, lookup);
    }

    /// Like `role_policy_set_for`, prepared for evaluation through `cache`.
    account_result<prepared_policies> prepare_role_policies_for(std::string_view rolename, policy_cache& cache,
                                                                const policy_lookup& lookup = {}) const {
        const role* r = find_role(rolename);
        if (r == nullptr) return no_such("role", rolename);
        return prepared_policies_of(*r, cache, lookup);
    }

    /// Memberwise: two accounts are equal when every setting and entity is.
    friend bool operator==(const account&, const account&) = default;

private:
    template <typename Principal>
    account_result<policy_set> policy_set_of(const Principal& principal, const policy_lookup& lookup) const {
        policy_set set;
        const auto error = visit_policies(
            principal, lookup,
            [&](std::string name, std::string_view text, bool boundary) -> std::optional<account_error> {
                auto parsed = parse_policy(text, boundary ? policy_kind::boundary : policy_kind::identity);
                if (!parsed) return invalid_policy_error(name, parsed.error());
                (boundary ? set.boundary : set.identity)
                    .push_back(named_policy{std::move(name), std::move(static_cast<policy&>(parsed.value()))});
                return std::nullopt;
            });
        if (error) return *error;
        return set;
    }

    template <typename Principal>
    account_result<prepared_policies> prepared_policies_of(const Principal& principal, policy_cache& cache,
                                                           const policy_lookup& lookup) const {
        prepared_policies out;
        const auto error = visit_policies(
            principal, lookup,
            [&](std::string name, std::string_view text, bool boundary) -> std::optional<account_error> {
                auto prepared = cache.get(text, boundary ? policy_kind::boundary : policy_kind::identity);
                if (!prepared) return invalid_policy_error(name, prepared.error());
                (boundary ? out.boundary : out.identity).push_back({std::move(name), std::move(prepared.value())});
                return std::nullopt;
            });
        if (error) return *error;
        return out;
    }

    //--- lookups ---//

    static bool contains_exact(const std::vector<std::string>& list, std::string_view item) {
        return std::find(list.begin(), list.end(), item) != list.end();
    }
    static std::string join(const std::vector<std::string>& parts) {
        std::string out;
        for (std::size_t i = 0; i < parts.size(); ++i)
            out += (i == 0 ? "" : i + 1 == parts.size() ? " and " : ", ") + parts[i];
        return out;
    }

    //--- errors ---//

    static account_error no_such(std::string_view type, std::string_view name) {
        return account_error{account_errc::no_such_entity, detail::entity_ref(type, name), "",
                             "there is no " + std::string(type) + " named " + std::string(name)};
    }
    static account_error limit(std::string entity, std::string quota, std::string message) {
        return account_error{account_errc::limit_exceeded, std::move(entity), std::move(quota), std::move(message)};
    }
    static account_error name_fail(const name_error& e, std::string_view text, std::string entity, std::string field) {
        return account_error{account_errc::invalid_name, std::move(entity), std::move(field), describe(e, text)};
    }
    static account_error invalid_policy_error(std::string_view name, const policy_errors& errors) {
        return account_error{account_errc::invalid_policy, std::string(name), "document",
                             detail::describe_policy_errors(name, errors)};
    }

    // Runs `change(user, "user/NAME")` on the named user.
    template <typename Change>
    account_status with_user(std::string_view name, Change&& change) {
        user* u = detail::find_named(users_, name);
        if (u == nullptr) return no_such("user", name);
        return change(*u, detail::entity_ref("user", u->name));
    }
    template <typename Change>
    account_status with_group(std::string_view name, Change&& change) {
        group* g = detail::find_named(groups_, name);
        if (g == nullptr) return no_such("group", name);
        return change(*g, detail::entity_ref("group", g->name));
    }

    //--- checks shared by the operations ---//

    // A managed policy ARN of this partition that exists: AWS managed ones are taken on
    // trust (their corpus lives outside), this account's must be here, others' never.
    account_status check_attachable(std::string_view arn, const std::string& entity, std::string field) const {
        const auto parts = check_policy_arn(arn, partition_);
        if (!parts) {
            account_error e = parts.error();
            e.entity = entity;
            e.field = std::move(field);
            return e;
        }
        if (parts->account == "aws") return std::monostate{};
        if (parts->account != id_.view())
            return account_error{
                account_errc::invalid_arn, entity, std::move(field),
                "`" + std::string(arn) +
                    "` belongs to another account; only this account's and AWS's policies can be attached"};
        if (detail::find_arn(customer_policies_, arn) == nullptr)
            return account_error{account_errc::no_such_entity, entity, std::move(field),
                                 "there is no policy " + std::string(arn)};
        return std::monostate{};
    }

    // The document checked for `kind` (grammar, character set, its own size limit), compact.
    static account_result<std::string> checked_document(std::string_view document, policy_kind kind,
                                                        const std::string& entity, std::string field) {
        if (auto parsed = parse_policy(document, kind); !parsed) {
            account_error e = invalid_policy_error(entity, parsed.error());
            e.field = std::move(field);
            return e;
        }
        if (const auto problem = check_policy_size(document, kind))
            return account_error{
                problem->code == policy_errc::too_large ? account_errc::limit_exceeded : account_errc::invalid_policy,
                entity, std::move(field), std::string(problem->message())};
        auto compact = detail::compact_json(document);
        if (!compact)
            return account_error{account_errc::invalid_policy, entity, std::move(field), "the document is not JSON"};
        return std::move(*compact);
    }

    template <typename Holder>
    account_status attach(Holder& holder, const std::string& entity, std::string_view arn, std::size_t quota,
                          const std::string& quota_name) {
        if (account_status s = check_attachable(arn, entity, "policy_arn"); !s) return s;
        if (contains_exact(holder.attached_policy_arns, arn)) return std::monostate{};
        if (holder.attached_policy_arns.size() >= quota)
            return limit(entity, quota_name,
                         entity + " has " + std::to_string(holder.attached_policy_arns.size()) +
                             " managed policies attached, its quota");
        holder.attached_policy_arns.emplace_back(arn);
        note_aws_policy(arn);
        return std::monostate{};
    }

    template <typename Holder>
    static account_status detach(Holder& holder, const std::string& entity, std::string_view arn) {
        if (std::erase(holder.attached_policy_arns, arn) == 0)
            return account_error{account_errc::no_such_entity, entity, "policy_arn",
                                 std::string(arn) + " is not attached to " + entity};
        return std::monostate{};
    }

    template <typename Holder>
    static account_status put_inline(Holder& holder, const std::string& entity, std::string_view name,
                                     std::string_view document, policy_kind kind, std::size_t aggregate_limit) {
        const auto valid_name = inline_policy_name::parse(name);
        if (!valid_name) return name_fail(valid_name.error(), name, entity, "policy_name");
        auto compact = checked_document(document, kind, entity, "document");
        if (!compact) return compact.error();
        std::size_t total = policy_size(document);
        for (const inline_policy& p : holder.inline_policies)
            if (!iequals(p.name.view(), name)) total += policy_size(p.document);
        if (total > aggregate_limit)
            return limit(entity,
                         kind == policy_kind::user_inline ? "user_inline_policy_size" : "group_inline_policy_size",
                         "the inline policies of " + entity + " would have " + std::to_string(total) +
                             " characters (white space not counted); the limit is " + std::to_string(aggregate_limit));
        const auto it = std::find_if(holder.inline_policies.begin(), holder.inline_policies.end(),
                                     [&](const inline_policy& p) { return iequals(p.name.view(), name); });
        if (it != holder.inline_policies.end())
            *it = inline_policy{valid_name.value(), std::move(compact.value())};
        else
            holder.inline_policies.push_back(inline_policy{valid_name.value(), std::move(compact.value())});
        return std::monostate{};
    }

    template <typename Holder>
    static account_status delete_inline(Holder& holder, const std::string& entity, std::string_view name) {
        if (std::erase_if(holder.inline_policies,
                          [&](const inline_policy& p) { return iequals(p.name.view(), name); }) == 0)
            return account_error{account_errc::no_such_entity, entity, "policy_name",
                                 entity + " has no inline policy named " + std::string(name)};
        return std::monostate{};
    }

    // `existing` with `incoming` merged in, every tag checked, keys unique ignoring case.
    static account_result<std::vector<tag>> merge_tags(std::vector<tag> existing, std::span<const tag> incoming,
                                                       const std::string& entity) {
        for (std::size_t i = 0; i < incoming.size(); ++i) {
            const auto checked = check_tag(incoming[i].key, incoming[i].value, incoming.first(i));
            if (!checked) {
                account_error e = checked.error();
                e.entity = entity;
                e.field = "tags[" + std::to_string(i) + "]" + (e.field.empty() ? "" : "." + e.field);
                return e;
            }
            const auto same = std::find_if(existing.begin(), existing.end(),
                                           [&](const tag& t) { return iequals(t.key, incoming[i].key); });
            if (same != existing.end())
                *same = incoming[i];
            else
                existing.push_back(incoming[i]);
        }
        if (existing.size() > iam::quotas::tags_per_user)
            return limit(entity, "tags_per_user",
                         entity + " would have " + std::to_string(existing.size()) + " tags; the most is 50");
        return existing;
    }

    // Records an AWS managed policy users or groups now refer to.
    void note_aws_policy(std::string_view arn) {
        const auto parts = parse_policy_arn(arn);
        if (!parts || parts->account != "aws" || detail::find_arn(aws_policies_, arn) != nullptr) return;
        managed_policy reference;
        reference.arn = std::string(arn);
        reference.name = std::string(parts->name);
        reference.path = std::string(parts->path);
        aws_policies_.insert(detail::arn_position(aws_policies_, arn), std::move(reference));
    }
    template <typename Principal>
    void note_aws_policies(const Principal& p) {
        for (const std::string& arn : p.attached_policy_arns) note_aws_policy(arn);
        if (p.boundary) note_aws_policy(p.boundary->policy_arn);
    }

    //--- credentials ---//

    bool access_key_in_use(std::string_view id, std::span<const created_user> staged) const {
        const auto has = [&](const user& u) {
            return std::any_of(u.access_keys.begin(), u.access_keys.end(),
                               [&](const access_key& k) { return k.id.view() == id; });
        };
        return std::any_of(users_.begin(), users_.end(), has) ||
               std::any_of(staged.begin(), staged.end(), [&](const created_user& c) { return has(c.user); });
    }

    // A new key on `u` (not yet stored, or stored): unique id, secret returned once.
    account_result<access_key_pair> issue_access_key(user& u, std::span<const created_user> staged,
                                                     const random_source& random, timestamp now) const {
        const std::string entity = detail::entity_ref("user", u.name);
        if (u.access_keys.size() >= iam::quotas::access_keys_per_user)
            return limit(entity, "access_keys_per_user",
                         "user " + u.name.str() + " has 2 access keys, the most AWS allows");
        if (!random)
            return account_error{account_errc::invalid_input, entity, "random",
                                 "creating an access key needs a random source"};
        for (int attempt = 0; attempt < 16; ++attempt) {
            const std::string id = "AKIA" + detail::random_text(random, detail::base32_alphabet, 16);
            if (access_key_in_use(id, staged)) continue;
            access_key_pair pair{access_key_id::parse(id).value(),
                                 detail::random_text(random, detail::base64_alphabet, 40)};
            u.access_keys.push_back(access_key{pair.id, access_key_status::active, now});
            return pair;
        }
        return account_error{account_errc::already_exists, entity, "random",
                             "the random source gave 16 access key ids in use already; it is not random"};
    }

    // Console access on `u`: the password checked or generated, the reset flag, and
    // IAMUserChangePassword exactly when a reset is required and the password policy
    // does not already let users change their own password (UG id_users_create).
    account_result<std::string> grant_console_access(user& u, const console_access& console,
                                                     const random_source& random, timestamp now) const {
        const std::string entity = detail::entity_ref("user", u.name);
        if (u.login)
            return account_error{account_errc::already_exists, entity, "console",
                                 "user " + u.name.str() + " has a console password already"};
        std::string password;
        if (console.custom_password) {
            if (account_status s = check_password(*console.custom_password, password_policy_); !s) {
                account_error e = s.error();
                e.entity = entity;
                return e;
            }
            password = *console.custom_password;
        } else {
            if (!random)
                return account_error{account_errc::invalid_input, entity, "random",
                                     "generating a password needs a random source"};
            password = generate_password(password_policy_, random);
        }
        const bool users_may_change = password_policy_ && password_policy_->allow_users_to_change_password;
        if (console.require_reset && !users_may_change) {
            const std::string change_password = "arn:" + partition_ + ":iam::aws:policy/IAMUserChangePassword";
            if (!contains_exact(u.attached_policy_arns, change_password)) {
                if (u.attached_policy_arns.size() >= quotas_.managed_policies_per_user)
                    return limit(entity, "managed_policies_per_user",
                                 "requiring a password reset attaches IAMUserChangePassword, but user " + u.name.str() +
                                     " has the most managed policies its quota allows");
                u.attached_policy_arns.push_back(change_password);
            }
        }
        u.login = login_profile{now, console.require_reset};
        return password;
    }

    // One user of a batch, checked against the account and the users before it.
    account_result<created_user> build_user(const new_user& request, std::span<const created_user> staged,
                                            const random_source& random, timestamp now) const {
        const std::string entity = detail::entity_ref("user", request.name);
        auto made = user::make(request.name, request.path);
        if (!made) {
            const bool bad_path = made.error().kind == name_kind::path;
            return name_fail(made.error(), bad_path ? request.path : request.name, entity, bad_path ? "path" : "name");
        }
        user& u = made.value();
        if (const user* existing = find_user(request.name))
            return account_error{
                account_errc::already_exists, entity, "name",
                "a user named " + existing->name.str() + " exists already (names are unique ignoring case)"};
        for (const created_user& earlier : staged)
            if (iequals(earlier.user.name.view(), request.name))
                return account_error{
                    account_errc::already_exists, entity, "name",
                    "the request names user " + earlier.user.name.str() + " twice (names are unique ignoring case)"};
        u.created = now;
        auto tags = merge_tags({}, request.tags, entity);
        if (!tags) return tags.error();
        u.tags = std::move(tags.value());

        if (request.copy_permissions_from) {
            const user* source = find_user(*request.copy_permissions_from);
            if (source == nullptr)
                return account_error{
                    account_errc::no_such_entity, entity, "copy_permissions_from",
                    "there is no user named " + *request.copy_permissions_from + " to copy permissions from"};
            u.groups = source->groups;
            u.attached_policy_arns = source->attached_policy_arns;
            u.inline_policies = source->inline_policies;
            u.boundary = source->boundary;
        }
        for (std::size_t i = 0; i < request.groups.size(); ++i) {
            const group* g = find_group(request.groups[i]);
            if (g == nullptr)
                return account_error{account_errc::no_such_entity, entity, "groups[" + std::to_string(i) + "]",
                                     "there is no group named " + request.groups[i]};
            if (!contains_exact(u.groups, g->name.view())) u.groups.push_back(g->name.str());
        }
        if (u.groups.size() > iam::quotas::groups_per_user)
            return limit(entity, "groups_per_user",
                         "user " + u.name.str() + " would be in " + std::to_string(u.groups.size()) +
                             " groups; a user can be in at most 10");
        for (std::size_t i = 0; i < request.policy_arns.size(); ++i) {
            const std::string& arn = request.policy_arns[i];
            if (const account_status s = check_attachable(arn, entity, "policy_arns[" + std::to_string(i) + "]"); !s)
                return s.error();
            if (!contains_exact(u.attached_policy_arns, arn)) u.attached_policy_arns.push_back(arn);
        }
        if (u.attached_policy_arns.size() > quotas_.managed_policies_per_user)
            return limit(entity, "managed_policies_per_user",
                         "user " + u.name.str() + " would have " + std::to_string(u.attached_policy_arns.size()) +
                             " managed policies attached; its quota is " +
                             std::to_string(quotas_.managed_policies_per_user));
        if (request.permissions_boundary_arn) {
            if (const account_status s =
                    check_attachable(*request.permissions_boundary_arn, entity, "permissions_boundary_arn");
                !s)
                return s.error();
            u.boundary = permissions_boundary{*request.permissions_boundary_arn};
        }
        std::optional<std::string> password, url;
        if (request.console) {
            auto granted = grant_console_access(u, *request.console, random, now);
            if (!granted) return granted.error();
            password = std::move(granted.value());
            url = sign_in_url();
        }
        std::optional<access_key_pair> key;
        if (request.programmatic_access) {
            auto issued = issue_access_key(u, staged, random, now);
            if (!issued) return issued.error();
            key = std::move(issued.value());
        }
        return created_user{std::move(u), std::move(password), std::move(key), std::move(url)};
    }

    //--- evaluation ---//

    // Calls `visit(name, document, is_boundary)` for every policy that applies to the
    // user or role, in evaluation order; stops at the first error.
    template <typename Principal, typename Visit>
    std::optional<account_error> visit_policies(const Principal& principal, const policy_lookup& lookup,
                                                Visit&& visit) const {
        constexpr bool is_user = std::is_same_v<Principal, user>;
        const std::string who = detail::entity_ref(is_user ? "user" : "role", principal.name);
        const auto inline_policies = [&](const std::vector<inline_policy>& list,
                                         const std::string& holder) -> std::optional<account_error> {
            for (const inline_policy& p : list)
                if (auto e = visit(holder + ":" + p.name.str(), p.document, false)) return e;
            return std::nullopt;
        };
        const auto managed = [&](const std::string& arn, bool boundary) -> std::optional<account_error> {
            const auto text = managed_document(arn, lookup);
            if (!text)
                return account_error{
                    account_errc::unresolved_policy, who, arn,
                    "the document of " + arn + " is unknown: the account has none and the lookup found none"};
            return visit(arn, *text, boundary);
        };
        if (auto e = inline_policies(principal.inline_policies, who)) return e;
        for (const std::string& arn : principal.attached_policy_arns)
            if (auto e = managed(arn, false)) return e;
        if constexpr (is_user) {
            for (const std::string& groupname : principal.groups) {
                const group* g = find_group(groupname);
                if (g == nullptr) return no_such("group", groupname);
                if (auto e = inline_policies(g->inline_policies, detail::entity_ref("group", g->name))) return e;
                for (const std::string& arn : g->attached_policy_arns)
                    if (auto e = managed(arn, false)) return e;
            }
        }
        if (principal.boundary)
            if (auto e = managed(principal.boundary->policy_arn, true)) return e;
        return std::nullopt;
    }

    account_id id_{"000000000000"};
    std::optional<account_alias> alias_{};
    std::string partition_ = "aws";
    std::optional<iam::password_policy> password_policy_{};
    iam::quotas quotas_{};
    std::vector<user> users_{};
    std::vector<group> groups_{};
    std::vector<managed_policy> customer_policies_{};
    std::vector<managed_policy> aws_policies_{};
    std::vector<role> roles_{};
    std::vector<std::string> unreadable_documents_{};  // never stood in for by a lookup
};

/// Makes a session of role `r` of account `a` the caller of `out`, so evaluation sees
/// the keys AWS derives for it (`request::set_role_caller`): `aws:PrincipalArn` (the
/// role's ARN), `aws:PrincipalType` `AssumedRole`, the role's tags, and `aws:userid`
/// when the session's name is given.
inline void set_role_session_caller(request& out, const account& a, const role& r, std::string_view session_name = {}) {
    out.set_role_caller(r.arn(a.id().view(), a.partition()), r.role_id, r.tags, session_name);
}

}  // namespace iam

#endif  // IAM_ACCOUNT_HPP_INCLUDED
