// SPDX-License-Identifier: MIT
// iamcpp: the rules an account's contents follow — quotas, which managed policies it
// may refer to, tags, unique names — as functions that report. The account's operations
// refuse what they report; the dump loader (authorization_details.hpp) reports it and
// reads on, and both build an account through `account::from_contents`, which checks
// the rules every account keeps whatever its source.
#ifndef IAM_ACCOUNT_RULES_HPP_INCLUDED
#define IAM_ACCOUNT_RULES_HPP_INCLUDED

#include <algorithm>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "account_error.hpp"
#include "arn.hpp"
#include "credentials.hpp"
#include "entities.hpp"
#include "json.hpp"
#include "names.hpp"
#include "policy.hpp"
#include "result.hpp"

namespace iam {

//=== quotas ===//

/// IAM's quotas (UG reference_iam-quotas.html, "IAM object quotas"; sizes: "IAM and
/// STS character limits", white space not counted). The three members are the ones an
/// account may raise through Service Quotas, up to the `max_` constants; the rest are fixed.
struct quotas {
    std::size_t groups_per_account = 300;                      ///< adjustable up to 500
    std::size_t customer_managed_policies_per_account = 1500;  ///< adjustable up to 5000
    std::size_t managed_policies_per_user = 10;                ///< adjustable up to 20

    static constexpr std::size_t max_groups_per_account = 500;
    static constexpr std::size_t max_customer_managed_policies_per_account = 5000;
    static constexpr std::size_t max_managed_policies_per_user = 20;

    static constexpr std::size_t users_per_account = 5000;
    static constexpr std::size_t groups_per_user = 10;
    static constexpr std::size_t managed_policies_per_group = 10;
    static constexpr std::size_t tags_per_user = 50;
    static constexpr std::size_t access_keys_per_user = 2;  ///< inactive keys count too
    static constexpr std::size_t mfa_devices_per_user = 8;  ///< in use, any type (8 since November 2022)
    static constexpr std::size_t versions_per_managed_policy = 5;
    static constexpr std::size_t user_inline_policy_size =
        *policy_size_limit(policy_kind::user_inline);  ///< all of a user's
    static constexpr std::size_t group_inline_policy_size =
        *policy_size_limit(policy_kind::group_inline);  ///< all of a group's
    static constexpr std::size_t managed_policy_size = *policy_size_limit(policy_kind::managed);
    /// The console adds at most 10 users at a time (UG id_users_create, 2022 version).
    static constexpr std::size_t users_per_batch = 10;
    /// `policyDescriptionType` (API reference, CreatePolicy).
    static constexpr std::size_t policy_description_length = 1000;

    friend bool operator==(const quotas&, const quotas&) = default;
};

//=== contents ===//

/// Everything an account holds, as plain data: what `account::from_contents` builds an
/// account from. External data (a dump) may break quotas, which audits report; the
/// rules of `check_contents` hold in every account.
struct account_contents {
    account_id id{"000000000000"};  ///< 000000000000 until known
    std::optional<account_alias> alias{};
    std::string partition = "aws";
    std::optional<iam::password_policy> password_policy{};
    std::vector<user> users{};
    std::vector<group> groups{};
    std::vector<managed_policy> customer_policies{};
    std::vector<managed_policy> aws_policies{};
    std::vector<role> roles{};
    std::vector<std::string> unreadable_documents{};  ///< ARNs of policies whose document could not be read
};

namespace detail {

// `aws`, or `aws-` and lowercase letters, digits and hyphens (`aws-cn`, `aws-us-gov`).
inline bool is_valid_partition(std::string_view p) noexcept {
    return p == "aws" || (p.size() > 4 && p.starts_with("aws-") && is_lower_alnum_dash(p));
}

inline std::string entity_ref(std::string_view type, std::string_view name) {
    return std::string(type) + "/" + std::string(name);
}

// The document as compact JSON, or nothing when it is not JSON: every stored document
// is written this one way, so accounts round-trip through a dump unchanged.
inline std::optional<std::string> compact_json(std::string_view text) {
    const auto parsed = json::parse(text);
    if (!parsed) return std::nullopt;
    return json::write(*parsed);
}

// The first entity of `entities` whose name repeats an earlier one ignoring case.
template <typename Entity>
const Entity* first_name_twin(const std::vector<Entity>& entities) {
    std::vector<const Entity*> sorted;
    sorted.reserve(entities.size());
    for (const Entity& e : entities) sorted.push_back(&e);
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const Entity* a, const Entity* b) { return icompare(a->name.view(), b->name.view()) < 0; });
    const auto twin = std::adjacent_find(sorted.begin(), sorted.end(), [](const Entity* a, const Entity* b) {
        return iequals(a->name.view(), b->name.view());
    });
    return twin == sorted.end() ? nullptr : twin[1];
}

}  // namespace detail

//=== rules ===//

/// The managed policy ARN `arn` if it is one of `partition`: an account attaches, and a
/// dump refers to, only policies of its own partition. Else why not (`invalid_arn`).
inline result<policy_arn_parts, account_error> check_policy_arn(std::string_view arn, std::string_view partition) {
    const auto parts = parse_policy_arn(arn);
    if (!parts) return account_error{account_errc::invalid_arn, "", "", describe(parts.error(), arn)};
    if (parts->partition != partition)
        return account_error{account_errc::invalid_arn, "", "",
                             "`" + std::string(arn) + "` is in partition " + std::string(parts->partition) +
                                 ", not the account's (" + std::string(partition) + ")"};
    return parts.value();
}

/// The tag `key`=`value` checked (`tag::make`), its key unique ignoring case among
/// `earlier`. Else why not: `invalid_name` with field `key` or `value`, or
/// `already_exists` (the whole tag repeats a key).
inline result<tag, account_error> check_tag(std::string_view key, std::string_view value,
                                            std::span<const tag> earlier) {
    const auto checked = tag::make(key, value);
    if (!checked) {
        const bool bad_key = checked.error().kind == name_kind::tag_key;
        return account_error{account_errc::invalid_name, "", bad_key ? "key" : "value",
                             describe(checked.error(), bad_key ? key : value)};
    }
    if (std::any_of(earlier.begin(), earlier.end(), [&](const tag& t) { return iequals(t.key, key); }))
        return account_error{account_errc::already_exists, "", "",
                             "a second tag " + std::string(key) + " (keys are unique ignoring case)"};
    return checked.value();
}

/// Why a second user, group or role (`type`) named `name` ignoring case is refused:
/// IAM names are unique ignoring case.
inline account_error name_twin(std::string_view type, std::string_view name) {
    return account_error{
        account_errc::already_exists, detail::entity_ref(type, name), "name",
        "a second " + std::string(type) + " named " + std::string(name) + " (names are unique ignoring case)"};
}

/// Whether `contents` keeps the rules every account keeps, whatever its source: a
/// partition, names of users, groups and roles unique ignoring case, policy ARNs of the
/// partition and unique, AWS managed ones (of `aws`) apart from the customer ones (which
/// may name another account: a dump's may). The first broken one.
inline std::optional<account_error> check_contents(const account_contents& contents) {
    if (!detail::is_valid_partition(contents.partition))
        return account_error{account_errc::invalid_input, "", "partition",
                             "`" + contents.partition + "` is not a partition (aws, aws-cn, aws-us-gov, ...)"};
    const auto twin = [](std::string_view type, const auto* entity) -> std::optional<account_error> {
        if (entity == nullptr) return std::nullopt;
        return name_twin(type, entity->name.view());
    };
    if (auto e = twin("user", detail::first_name_twin(contents.users))) return e;
    if (auto e = twin("group", detail::first_name_twin(contents.groups))) return e;
    if (auto e = twin("role", detail::first_name_twin(contents.roles))) return e;
    std::vector<std::string_view> arns;
    const auto check_policies = [&](const std::vector<managed_policy>& policies,
                                    bool aws_managed) -> std::optional<account_error> {
        for (const managed_policy& p : policies) {
            const auto parts = check_policy_arn(p.arn, contents.partition);
            if (!parts) return parts.error();
            if ((parts->account == "aws") != aws_managed)
                return account_error{account_errc::invalid_arn, p.arn, "arn",
                                     "`" + p.arn + "` is " + (aws_managed ? "not" : "") + " an AWS managed policy"};
            arns.push_back(p.arn);
        }
        return std::nullopt;
    };
    if (auto e = check_policies(contents.customer_policies, false)) return e;
    if (auto e = check_policies(contents.aws_policies, true)) return e;
    std::sort(arns.begin(), arns.end());
    if (const auto same = std::adjacent_find(arns.begin(), arns.end()); same != arns.end())
        return account_error{account_errc::already_exists, std::string(*same), "arn",
                             "a second policy " + std::string(*same)};
    return std::nullopt;
}

}  // namespace iam

#endif  // IAM_ACCOUNT_RULES_HPP_INCLUDED
