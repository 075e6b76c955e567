// SPDX-License-Identifier: MIT
// iamcpp: the JSON `aws iam get-account-authorization-details` prints (API reference,
// GetAccountAuthorizationDetails: UserDetailList, GroupDetailList, RoleDetailList,
// Policies), loaded into an `account` and saved back.
//
// Loading never fails on content and never loses anything silently: unknown fields
// (`RoleLastUsed`, `InstanceProfileList`, `Marker`, ...) are ignored; a field that
// cannot be read is a problem with its JSON pointer (`/UserDetailList/3/CreateDate`)
// and its entity keeps what could be read; an entity (user, group, role, policy) is
// skipped, as a problem, only when its name or ARN is unreadable or its name a case
// duplicate (the twin kept is then read in part); one unreadable item of a list (a tag,
// an attached policy) is skipped alone. An `Arn` that does not name its entity (type,
// path, name) is a problem. A policy whose versions cannot be read has no document, and
// no lookup stands in for it; a version's unreadable `CreateDate` is a problem alone.
// A list of objects given as one object (as the AWS CLI's documented example writes
// `AttachedManagedPolicies`) is read as a one-item list. An entity whose ARN names
// another account is kept and listed in `foreign_arns`. Only text that is not a JSON
// object is refused. Dates may have `T` or a space, and fractions. Policy documents
// (trust policies too) may be JSON objects or strings, URL-encoded (RFC 3986) as AWS
// returns them or plain; either way they must be JSON and are stored compact. Their
// grammar is not checked here (the dump holds what AWS accepted; `account::policy_set_for`
// and audits judge it). A managed policy's name and path come from its ARN.
//
// The dump has no credentials, password policy or account id, so this format adds
// optional fields named after the AWS API shapes that return them:
//   - top level: `AccountId` (12 digits; else the account most ARNs of users, groups,
//     roles and policies name, the first of them on a tie), `AccountAliases` (as
//     ListAccountAliases; at most one), `PasswordPolicy` (as GetAccountPasswordPolicy),
//     `Partition` (written when not `aws`; else taken from the ARNs);
//   - per user: `LoginProfile` (as GetLoginProfile: `CreateDate`, `PasswordResetRequired`),
//     `AccessKeyMetadata` (as ListAccessKeys: `AccessKeyId`, `Status`, `CreateDate`),
//     `MFADevices` (as ListMFADevices: `SerialNumber`, `EnableDate`).
// Saving writes the same format, documents as JSON objects, so load → save → load gives
// an equal account.
#ifndef IAM_AUTHORIZATION_DETAILS_HPP_INCLUDED
#define IAM_AUTHORIZATION_DETAILS_HPP_INCLUDED

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_set>
#include <utility>
#include <vector>

#include "account.hpp"
#include "account_rules.hpp"
#include "arn.hpp"
#include "condition_values.hpp"
#include "detail/json_read.hpp"
#include "entities.hpp"
#include "json.hpp"
#include "names.hpp"
#include "result.hpp"
#include "unique_names.hpp"

namespace iam {

/// Something the loader left out, or the reason it refused the whole text.
struct load_problem {
    std::string path{};      ///< JSON pointer, e.g. `/UserDetailList/3/UserName`; "" for the document
    std::size_t offset = 0;  ///< byte offset of the offending value (of the object lacking a field)
    std::string message{};   ///< an English sentence
    friend bool operator==(const load_problem&, const load_problem&) = default;
};

/// A user, group, role or customer managed policy whose ARN in the dump names another
/// account (or partition) than the dump's: kept as the dump's, and reported by audits.
struct foreign_arn {
    std::string entity;  ///< `user/NAME`, `group/NAME`, `role/NAME`, or the policy's ARN
    std::string arn;     ///< the ARN as the dump gives it
    friend bool operator==(const foreign_arn&, const foreign_arn&) = default;
};

/// A loaded account and everything that had to be left out of it. No problems means
/// the dump was read whole.
struct loaded_account {
    iam::account account{};
    std::vector<load_problem> problems{};
    std::vector<foreign_arn> foreign_arns{};
    /// The users, groups and roles (`user/NAME`, ...) some of whose policies, boundary,
    /// group memberships or tags could not be read whole (one left out, a document held
    /// unreadable, a case-duplicate twin or group): what they may do is unknown, since
    /// what was left out could deny anything. In document order, groups, users, roles.
    std::vector<std::string> read_in_part{};

    /// Whether everything deciding what `u` may do was read: its policies, boundary,
    /// memberships, and its groups' policies.
    bool policies_read_whole(const user& u) const {
        return !in_part("user", u.name.view()) &&
               std::none_of(u.groups.begin(), u.groups.end(),
                            [&](const std::string& g) { return in_part("group", g); });
    }
    /// Whether everything deciding what `r` may do was read: its policies and boundary.
    bool policies_read_whole(const role& r) const { return !in_part("role", r.name.view()); }

private:
    bool in_part(std::string_view type, std::string_view name) const {
        const std::string ref = detail::entity_ref(type, name);
        return std::find(read_in_part.begin(), read_in_part.end(), ref) != read_in_part.end();
    }
};

/// Why a principal `loaded_account::policies_read_whole` rejects is not evaluated.
inline constexpr std::string_view not_evaluated_reason =
    "not evaluated: some of its policies, boundary or groups could not be read";

namespace detail {

// A date as AWS's API (`2023-03-09T10:41:45Z`) or boto3-based tools
// (`2023-03-09 10:41:45+00:00`) write it: ISO 8601, `T` or a space between date and
// time, optional fractions, `Z` or an offset.
inline std::optional<timestamp> parse_timestamp(std::string_view text) {
    std::string with_t;
    if (text.size() > 10 && text[10] == ' ') {
        with_t = std::string(text);
        with_t[10] = 'T';
        text = with_t;
    }
    const auto micros = parse_date(text);
    if (!micros) return std::nullopt;
    std::int64_t seconds = *micros / 1'000'000;
    if (*micros % 1'000'000 < 0) --seconds;  // floor, for dates before 1970
    return timestamp{std::chrono::seconds{seconds}};
}

// `YYYY-MM-DDThh:mm:ssZ`, the form the API documents (ISO 8601, UTC).
inline std::string format_timestamp(timestamp t) {
    const auto day = std::chrono::floor<std::chrono::days>(t);
    const std::chrono::year_month_day calendar_date{day};
    const std::chrono::hh_mm_ss<std::chrono::seconds> clock_time{t - day};
    char out[48];
    std::snprintf(out, sizeof out, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(calendar_date.year()),
                  static_cast<unsigned>(calendar_date.month()), static_cast<unsigned>(calendar_date.day()),
                  static_cast<int>(clock_time.hours().count()), static_cast<int>(clock_time.minutes().count()),
                  static_cast<int>(clock_time.seconds().count()));
    return out;
}

// RFC 3986 percent-decoding; nothing on a `%` not followed by two hex digits.
inline std::optional<std::string> percent_decode(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '%') {
            out.push_back(text[i]);
            continue;
        }
        if (i + 2 >= text.size()) return std::nullopt;
        const int high = json::detail::hex_value(text[i + 1]);
        const int low = json::detail::hex_value(text[i + 2]);
        if (high < 0 || low < 0) return std::nullopt;
        out.push_back(static_cast<char>(high * 16 + low));
        i += 2;
    }
    return out;
}

// `v1`, `v2`, ...: `policyVersionIdType` is `v[1-9][0-9]*(\.[A-Za-z0-9-]*)?`.
constexpr bool is_policy_version_id(std::string_view id) noexcept {
    if (id.size() < 2 || id[0] != 'v' || id[1] < '1' || id[1] > '9') return false;
    std::size_t i = 2;
    while (i < id.size() && id[i] >= '0' && id[i] <= '9') ++i;
    if (i == id.size()) return true;
    if (id[i] != '.') return false;
    for (++i; i < id.size(); ++i) {
        const char c = id[i];
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
    }
    return true;
}

// An MFA serial number: `serialNumberType`, 9–256 of `[\w+=/:,.@-]`.
constexpr bool is_mfa_serial_number(std::string_view serial) noexcept {
    if (serial.size() < 9 || serial.size() > 256) return false;
    for (const char c : serial)
        if (!(is_entity_name_char(c) || c == '/' || c == ':')) return false;
    return true;
}

// One member of an object being read: its pointer, the object (for the offset of a
// missing member) and the value, if present.
struct dump_field {
    std::string path;
    json::element parent;
    std::optional<json::element> value;
};

// Reads one dump into account parts, collecting problems; every `read_*` returns
// false or nothing after recording why.
class dump_reader {
public:
    std::vector<load_problem> problems;

    loaded_account read(json::element root) {
        if (const auto truncated = root.find("IsTruncated"); truncated && truncated->as_boolean() == true)
            fail("/IsTruncated", *truncated, "the dump is one page of several (IsTruncated); load all pages at once");
        identify_account(root);
        const auto entries = [&](std::string_view key, auto read) {
            for_each_object(field(root, "", key), read, lone_object::refused);
        };
        entries("GroupDetailList", [&](json::element e, const std::string& path) { read_group(e, path); });
        entries("Policies", [&](json::element e, const std::string& path) { read_policy(e, path); });
        entries("UserDetailList", [&](json::element e, const std::string& path) { read_user(e, path); });
        entries("RoleDetailList", [&](json::element e, const std::string& path) { read_role(e, path); });
        std::vector<std::string> read_in_part = principals_read_in_part();
        // What was read keeps the account's rules (the readers below saw to it): nothing is refused here.
        auto built = account::from_contents(std::move(parts_));
        if (!built) fail("", root, "the account breaks its rules: " + std::string(built.error().message()));
        return loaded_account{built ? std::move(built.value()) : account{}, std::move(problems),
                              std::move(foreign_arns_), std::move(read_in_part)};
    }

private:
    bool fail(std::string path, json::element at, std::string message) {
        problems.push_back(load_problem{std::move(path), at.offset(), std::move(message)});
        return false;
    }

    static dump_field field(json::element object, const std::string& base, std::string_view key) {
        return dump_field{base + "/" + std::string(key), object, object.find(key)};
    }

    // `read(item, path)` for each object of the array `list` (absent: none); anything
    // else is a problem. A lone object is the one item unless `lone` refuses it.
    template <typename Read>
    void for_each_object(const dump_field& list, Read&& read, lone_object lone = lone_object::is_item) {
        const auto object = [&](json::element item, const std::string& path) {
            if (!item.is_object())
                fail(path, item, "an item must be an object");
            else
                read(item, path);
        };
        if (for_each_item(list.value, list.path, object, lone) == array_read::not_array)
            fail(list.path, *list.value, "must be an array");
    }

    // `read(item)` for each item of the array `list` (absent: none), `item` a field of its own.
    template <typename Read>
    void for_each_value(const dump_field& list, std::string_view what, Read&& read) {
        const auto value = [&](json::element item, const std::string& path) {
            read(dump_field{path, *list.value, item});
        };
        if (for_each_item(list.value, list.path, value) == array_read::not_array)
            fail(list.path, *list.value, "must be an array of " + std::string(what));
    }

    //--- scalar members: absent is fine unless required ---//

    bool get(const dump_field& f, std::optional<std::string_view>& out, bool required = false) {
        if (!f.value) return !required || fail(f.path, f.parent, "missing");
        out = f.value->as_string();
        return out || fail(f.path, *f.value, "must be a string");
    }
    bool get(const dump_field& f, std::optional<bool>& out) {
        if (!f.value) return true;
        out = f.value->as_boolean();
        return out || fail(f.path, *f.value, "must be true or false");
    }
    bool get(const dump_field& f, std::optional<timestamp>& out) {
        if (!f.value) return true;
        std::optional<std::string_view> text;
        if (!get(f, text)) return false;
        out = parse_timestamp(*text);
        return out || fail(f.path, *f.value, "must be an ISO 8601 date and time");
    }
    bool get(const dump_field& f, std::uint32_t& out, std::uint32_t low, std::uint32_t high) {
        if (!f.value) return true;
        const auto n = f.value->as_int64();
        if (!n || *n < low || *n > high)
            return fail(f.path, *f.value,
                        "must be a whole number from " + std::to_string(low) + " to " + std::to_string(high));
        out = static_cast<std::uint32_t>(*n);
        return true;
    }
    // A required name: nothing (after saying why) when it is missing or breaks its rules.
    template <typename Name>
    std::optional<Name> get_name(const dump_field& f) {
        std::optional<std::string_view> text;
        if (!get(f, text, true)) return std::nullopt;
        auto checked = Name::parse(*text);
        if (!checked) {
            fail(f.path, *f.value, describe(checked.error(), *text));
            return std::nullopt;
        }
        return std::move(checked).value();
    }
    bool get_path(const dump_field& f, std::string& out) {
        std::optional<std::string_view> text;
        if (!get(f, text)) return false;
        if (!text || text->empty()) return true;  // `/` by default; some tools write `""` for it
        if (const name_error e = check_path(*text); !e.ok()) return fail(f.path, *f.value, describe(e, *text));
        out = std::string(*text);
        return true;
    }

    // A policy document: a JSON object, or a string holding one, URL-encoded or plain.
    std::optional<std::string> get_document(const dump_field& f) {
        if (!f.value) {
            fail(f.path, f.parent, "missing");
            return std::nullopt;
        }
        if (f.value->is_object()) return json::write(f.value->to_value());
        const auto text = f.value->as_string();
        if (!text) {
            fail(f.path, *f.value, "must be a policy document (a JSON object or a string)");
            return std::nullopt;
        }
        const std::size_t start = text->find_first_not_of(" \t\r\n");
        std::optional<std::string> decoded = start != std::string_view::npos && (*text)[start] == '{'
                                                 ? std::optional<std::string>(*text)
                                                 : percent_decode(*text);
        std::optional<std::string> compact = decoded ? compact_json(*decoded) : std::nullopt;
        if (!compact || (*compact)[0] != '{') {
            fail(f.path, *f.value, "must be a policy document: a JSON object, plain or URL-encoded");
            return std::nullopt;
        }
        return compact;
    }

    // A managed policy ARN of the account's partition. One of another account is kept
    // as the dump gives it (a policy entry of another account is noted by the caller).
    bool get_policy_arn(const dump_field& f, std::string& out) {
        std::optional<std::string_view> text;
        if (!get(f, text, true)) return false;
        const auto parts = check_policy_arn(*text, parts_.partition);
        if (!parts) return fail(f.path, *f.value, std::string(parts.error().message()));
        out = std::string(*text);
        return true;
    }

    //--- the account ---//

    void identify_account(json::element root) {
        std::optional<std::string_view> id, partition;
        if (!get(field(root, "", "AccountId"), id) || (id && !is_valid_account_id(*id))) {
            if (id) fail("/AccountId", *root.find("AccountId"), describe(check_account_id(*id), *id));
            id.reset();
        }
        if (get(field(root, "", "Partition"), partition) && partition && !is_valid_partition(*partition)) {
            fail("/Partition", *root.find("Partition"), "`" + std::string(*partition) + "` is not a partition");
            partition.reset();
        }
        // Otherwise the ARNs of users, groups, roles and policies say: the account most
        // of them name (one entity of another account must not move the whole dump).
        std::vector<std::pair<std::string_view, std::size_t>> votes;  // account, ARNs naming it
        for (const std::string_view list : {"UserDetailList", "GroupDetailList", "RoleDetailList", "Policies"}) {
            for_each_item(root, "", list, [&](json::element entry, const std::string&) {
                const auto arn_member = entry.find("Arn");
                const auto arn_text = arn_member ? arn_member->as_string() : std::nullopt;
                const auto parsed = parse_arn(arn_text.value_or(""));
                if (!parsed) return;
                if (!partition && is_valid_partition(parsed->partition)) partition = parsed->partition;
                if (!is_valid_account_id(parsed->account)) return;
                const auto vote =
                    std::find_if(votes.begin(), votes.end(), [&](const auto& v) { return v.first == parsed->account; });
                if (vote == votes.end())
                    votes.emplace_back(parsed->account, 1);
                else
                    ++vote->second;
            });
        }
        const auto most_named = std::max_element(votes.begin(), votes.end(), [](const auto& a, const auto& b) {
            return a.second < b.second;  // the first of equals wins
        });
        if (!id && most_named != votes.end()) id = most_named->first;
        if (!id) fail("", root, "no AccountId and no ARN to take it from; the account id is taken as 000000000000");
        parts_.id = account_id::parse(id.value_or("000000000000")).value();
        parts_.partition = std::string(partition.value_or("aws"));
        read_aliases(field(root, "", "AccountAliases"));
        if (const dump_field policy = field(root, "", "PasswordPolicy"); policy.value) read_password_policy(policy);
    }

    void read_aliases(const dump_field& f) {
        for_each_value(f, "account aliases", [&](const dump_field& item) {
            const auto checked = get_name<account_alias>(item);
            if (!checked) return;
            if (parts_.alias)
                fail(item.path, *item.value, "an account has at most one alias; this one is ignored");
            else
                parts_.alias = checked;
        });
    }

    void read_password_policy(const dump_field& f) {
        const json::element p = *f.value;
        if (!p.is_object()) {
            fail(f.path, p, "must be an object");
            return;
        }
        password_policy out;
        std::optional<bool> symbols, numbers, upper, lower, change, hard;
        const bool ok =
            get(field(p, f.path, "MinimumPasswordLength"), out.minimum_length, 6, 128) &&
            get(field(p, f.path, "MaxPasswordAge"), out.max_age_days, 0, 1095) &&
            get(field(p, f.path, "PasswordReusePrevention"), out.reuse_prevention, 0, 24) &&
            get(field(p, f.path, "RequireSymbols"), symbols) && get(field(p, f.path, "RequireNumbers"), numbers) &&
            get(field(p, f.path, "RequireUppercaseCharacters"), upper) &&
            get(field(p, f.path, "RequireLowercaseCharacters"), lower) &&
            get(field(p, f.path, "AllowUsersToChangePassword"), change) && get(field(p, f.path, "HardExpiry"), hard);
        if (!ok) return;
        out.require_symbols = symbols.value_or(false);
        out.require_numbers = numbers.value_or(false);
        out.require_uppercase = upper.value_or(false);
        out.require_lowercase = lower.value_or(false);
        out.allow_users_to_change_password = change.value_or(false);
        out.hard_expiry = hard.value_or(false);
        parts_.password_policy = out;
    }

    //--- entries ---//

    // Inline policies of a user, group or role; names unique ignoring case.
    std::vector<inline_policy> read_inline_policies(const dump_field& list) {
        std::vector<inline_policy> out;
        for_each_object(list, [&](json::element item, const std::string& path) {
            const auto name = get_name<inline_policy_name>(field(item, path, "PolicyName"));
            if (!name) return;
            for (const inline_policy& earlier : out)
                if (iequals(earlier.name.view(), name->view())) {
                    fail(path + "/PolicyName", item,
                         "a second inline policy named " + name->str() + " (names are unique ignoring case)");
                    return;
                }
            auto document = get_document(field(item, path, "PolicyDocument"));
            if (!document) return;
            out.push_back(inline_policy{*name, std::move(*document)});
        });
        return out;
    }

    std::vector<std::string> read_attached(const dump_field& list) {
        std::vector<std::string> out;
        for_each_object(list, [&](json::element item, const std::string& path) {
            std::string arn;
            if (get_policy_arn(field(item, path, "PolicyArn"), arn) &&
                std::find(out.begin(), out.end(), arn) == out.end())
                out.push_back(std::move(arn));
        });
        return out;
    }

    // The name and `Arn` of a user, group or role: nothing (after saying why) when the
    // entity must be skipped: its name unreadable or taken, its ARN present but not an
    // ARN. An ARN of another account or partition is noted and changes nothing else.
    template <typename Entity>
    std::optional<Entity> read_identity(json::element e, const std::string& path, std::string_view type,
                                        std::string_view name_key, case_insensitive_name_set& names) {
        const auto name = get_name<decltype(Entity::name)>(field(e, path, name_key));
        if (!name) return std::nullopt;
        Entity out{.name = *name};
        const dump_field arn = field(e, path, "Arn");
        std::optional<std::string_view> text;
        if (!get(arn, text)) return std::nullopt;
        const auto parsed = parse_arn(text.value_or(""));  // no ARN is fine: it follows from the name
        if (text && !parsed) {
            fail(arn.path, *arn.value,
                 "`" + std::string(*text) + "` is not an ARN: " + std::string(parsed.error().message()));
            return std::nullopt;
        }
        if (const auto inserted = names.insert(out.name); !inserted.inserted) {
            // Which twin AWS holds is unknown: the one kept is not trusted either.
            read_in_part_.insert(detail::entity_ref(type, names[inserted.index]));
            if (type == "group") duplicate_groups_.insert(std::string(names[inserted.index]));
            fail(path + "/" + std::string(name_key), e, std::string(name_twin(type, out.name.view()).message()));
            return std::nullopt;
        }
        if (text && (parsed->account != parts_.id.view() || parsed->partition != parts_.partition))
            foreign_arns_.push_back({detail::entity_ref(type, out.name), std::string(*text)});
        return out;
    }

    // The inline and attached policies of a user, group or role, then `read_more()` (its
    // other fields that decide what it may do: boundary, groups, tags); noted as read in
    // part if any had a problem.
    template <typename Holder, typename ReadMore>
    void read_policies(json::element e, const std::string& path, std::string_view type, std::string_view inline_key,
                       Holder& holder, ReadMore&& read_more) {
        const std::size_t known_problems = problems.size();
        holder.inline_policies = read_inline_policies(field(e, path, inline_key));
        holder.attached_policy_arns = read_attached(field(e, path, "AttachedManagedPolicies"));
        read_more();
        if (problems.size() != known_problems) read_in_part_.insert(detail::entity_ref(type, holder.name));
    }

    // Whether `holder` (of `type`) was read in part, or holds what was: a policy whose
    // document is unreadable or which is duplicated, a case-duplicate group.
    template <typename Holder>
    bool holder_read_in_part(std::string_view type, const Holder& holder) const {
        const auto unsure = [&](const std::string& arn) { return unsure_policies_.count(arn) != 0; };
        bool in_part = read_in_part_.count(detail::entity_ref(type, holder.name)) != 0 ||
                       std::any_of(holder.attached_policy_arns.begin(), holder.attached_policy_arns.end(), unsure);
        if constexpr (!std::is_same_v<Holder, group>)
            in_part = in_part || (holder.boundary && unsure(holder.boundary->policy_arn));
        if constexpr (std::is_same_v<Holder, user>)
            in_part = in_part || std::any_of(holder.groups.begin(), holder.groups.end(),
                                             [&](const std::string& g) { return duplicate_groups_.count(g) != 0; });
        return in_part;
    }

    // `loaded_account::read_in_part`, once everything is read.
    std::vector<std::string> principals_read_in_part() const {
        std::vector<std::string> out;
        const auto add = [&](std::string_view type, const auto& holders) {
            for (const auto& holder : holders)
                if (holder_read_in_part(type, holder)) out.push_back(detail::entity_ref(type, holder.name));
        };
        add("group", parts_.groups);
        add("user", parts_.users);
        add("role", parts_.roles);
        return out;
    }

    // Path, unique id and creation date of a user, group or role (of `type`); one that
    // cannot be read is a problem and leaves its default. So is an `Arn` not naming it.
    template <typename Entity>
    void read_placement(json::element e, const std::string& path, std::string_view type, std::string_view id_key,
                        Entity& out, std::string& id_out) {
        std::optional<std::string_view> id;
        std::optional<timestamp> created;
        get_path(field(e, path, "Path"), out.path);
        if (get(field(e, path, id_key), id) && id) id_out = std::string(*id);
        if (get(field(e, path, "CreateDate"), created) && created) out.created = *created;
        check_arn_names(field(e, path, "Arn"), type, out);
    }

    // An `Arn` (read by `read_identity`) must be the IAM ARN of the entity's type, path and name.
    template <typename Entity>
    void check_arn_names(const dump_field& arn, std::string_view type, const Entity& entity) {
        const auto text = arn.value ? arn.value->as_string() : std::nullopt;
        const auto parsed = parse_arn(text.value_or(""));
        if (!parsed) return;  // none, or reported already
        const std::string resource = std::string(type) + entity.path + entity.name.str();
        if (parsed->service != "iam" || !parsed->region.empty() || parsed->resource != resource)
            fail(arn.path, *arn.value,
                 "`" + std::string(*text) + "` does not name this " + std::string(type) +
                     ": its name and path make the resource " + resource);
    }

    // How the dump names the members of a user, group or role, and where it is kept.
    template <typename Entity>
    struct entity_slots {
        std::string_view type, name_key, id_key, inline_key;
        std::string Entity::*id;
        case_insensitive_name_set& names;
        std::vector<Entity>& kept;
    };
    entity_slots<user> slots_of(const user*) {
        return {"user", "UserName", "UserId", "UserPolicyList", &user::user_id, user_names_, parts_.users};
    }
    entity_slots<group> slots_of(const group*) {
        return {"group", "GroupName", "GroupId", "GroupPolicyList", &group::group_id, group_names_, parts_.groups};
    }
    entity_slots<role> slots_of(const role*) {
        return {"role", "RoleName", "RoleId", "RolePolicyList", &role::role_id, role_names_, parts_.roles};
    }

    // A user, group or role: what all three have, `read_decisive(entity)` for its other
    // fields deciding what it may do (see `read_policies`), then `read_rest(entity)`.
    template <typename Entity, typename ReadDecisive, typename ReadRest>
    void read_entity(json::element e, const std::string& path, ReadDecisive&& read_decisive, ReadRest&& read_rest) {
        const entity_slots<Entity> slots = slots_of(static_cast<const Entity*>(nullptr));
        std::optional<Entity> identity = read_identity<Entity>(e, path, slots.type, slots.name_key, slots.names);
        if (!identity) return;
        Entity& entity = *identity;
        read_placement(e, path, slots.type, slots.id_key, entity, entity.*slots.id);
        read_policies(e, path, slots.type, slots.inline_key, entity, [&] { read_decisive(entity); });
        read_rest(entity);
        slots.kept.push_back(std::move(entity));
    }

    void read_group(json::element e, const std::string& path) {
        read_entity<group>(
            e, path, [](group&) {}, [](group&) {});
    }

    void read_policy(json::element e, const std::string& path) {
        managed_policy p;
        if (!get_policy_arn(field(e, path, "Arn"), p.arn)) return;
        if (!policy_arns_.insert(p.arn).second) {
            unsure_policies_.insert(p.arn);  // which entry AWS holds is unknown
            fail(path + "/Arn", e, "a second policy " + p.arn);
            return;
        }
        const policy_arn_parts arn_parts = parse_policy_arn(p.arn).value();
        if (arn_parts.account != "aws" && arn_parts.account != parts_.id.view())
            foreign_arns_.push_back({p.arn, p.arn});
        p.name = std::string(arn_parts.name);
        p.path = std::string(arn_parts.path);
        // What cannot be read below is a problem and leaves its default.
        std::optional<std::string_view> id, description, default_version;
        std::optional<timestamp> created, updated;
        if (get(field(e, path, "PolicyId"), id) && id) p.policy_id = std::string(*id);
        if (get(field(e, path, "Description"), description) && description) p.description = std::string(*description);
        if (get(field(e, path, "CreateDate"), created) && created) p.created = *created;
        if (get(field(e, path, "UpdateDate"), updated) && updated) p.updated = *updated;
        if (get(field(e, path, "DefaultVersionId"), default_version) && default_version &&
            !is_policy_version_id(*default_version)) {
            fail(path + "/DefaultVersionId", *e.find("DefaultVersionId"), "must be a version id such as v1");
            default_version.reset();
        }
        p.default_version_id = std::string(default_version.value_or("v1"));
        if (!read_versions(field(e, path, "PolicyVersionList"), default_version, p)) {
            // No document rather than a wrong one, nor a lookup's copy: its holders are read in part.
            p.document.clear();
            p.other_versions.clear();
            unsure_policies_.insert(p.arn);
            parts_.unreadable_documents.push_back(p.arn);
        }
        (arn_parts.account == "aws" ? parts_.aws_policies : parts_.customer_policies).push_back(std::move(p));
    }

    // The versions of `p`: the default one becomes its document, the rest other_versions.
    bool read_versions(const dump_field& list, std::optional<std::string_view> default_version, managed_policy& p) {
        if (list.value && list.value->as_array().size() > iam::quotas::versions_per_managed_policy)
            return fail(list.path, *list.value, "a managed policy has at most 5 versions");
        std::optional<managed_policy_version> default_entry;
        const auto read_version = [&](json::element item, const std::string& path) {
            if (!item.is_object()) return fail(path, item, "a version must be an object");
            std::optional<std::string_view> version_id;
            std::optional<bool> is_default;
            std::optional<timestamp> created;
            if (!get(field(item, path, "VersionId"), version_id, true) ||
                !get(field(item, path, "IsDefaultVersion"), is_default))
                return false;
            get(field(item, path, "CreateDate"), created);  // a problem, but the document is still this version's
            if (!is_policy_version_id(*version_id))
                return fail(path + "/VersionId", *item.find("VersionId"), "must be a version id such as v1");
            auto document = get_document(field(item, path, "Document"));
            if (!document) return false;
            managed_policy_version version{std::string(*version_id), std::move(*document),
                                           created.value_or(timestamp{})};
            const auto same_id = [&](const managed_policy_version& v) { return v.version_id == version.version_id; };
            if ((default_entry && same_id(*default_entry)) ||
                std::any_of(p.other_versions.begin(), p.other_versions.end(), same_id))
                return fail(path + "/VersionId", item, "a second version " + version.version_id);
            const bool named_default = default_version && *default_version == *version_id;
            if (is_default.has_value() && default_version && *is_default != named_default)
                return fail(path + "/IsDefaultVersion", item, "disagrees with DefaultVersionId");
            if (is_default.value_or(named_default)) {
                if (default_entry) return fail(path, item, "a second default version");
                default_entry = std::move(version);
            } else {
                p.other_versions.push_back(std::move(version));
            }
            return true;
        };
        switch (for_each_item(list.value, list.path, read_version)) {
            case array_read::absent: return true;
            case array_read::not_array: return fail(list.path, *list.value, "must be an array");
            case array_read::stopped: return false;
            case array_read::read: break;
        }
        if (!default_entry) return fail(list.path, *list.value, "no version is the default");
        p.document = std::move(default_entry->document);
        p.default_version_id = std::move(default_entry->version_id);
        return true;
    }

    void read_user(json::element e, const std::string& path) {
        read_entity<user>(
            e, path,
            [&](user& u) {
                read_groups(field(e, path, "GroupList"), u);
                u.boundary = read_boundary(field(e, path, "PermissionsBoundary"));
                u.tags = read_tags(field(e, path, "Tags"));  // condition keys of its requests
            },
            [&](user& u) {
                read_login(field(e, path, "LoginProfile"), u);
                read_access_keys(field(e, path, "AccessKeyMetadata"), u);
                read_mfa_devices(field(e, path, "MFADevices"), u);
            });
    }

    void read_groups(const dump_field& list, user& u) {
        for_each_value(list, "group names", [&](const dump_field& f) {
            const auto name = get_name<group_name>(f);
            if (!name) return;
            const auto found = group_names_.find(*name);
            if (!found) {
                fail(f.path, *f.value, "no group named " + name->str() + " in GroupDetailList");
                return;
            }
            const std::string canonical(group_names_[*found]);
            if (std::find(u.groups.begin(), u.groups.end(), canonical) != u.groups.end())
                fail(f.path, *f.value, "a second membership of " + canonical);
            else
                u.groups.push_back(canonical);
        });
    }

    std::optional<permissions_boundary> read_boundary(const dump_field& f) {
        if (!f.value) return std::nullopt;
        if (!f.value->is_object()) {
            fail(f.path, *f.value, "must be an object");
            return std::nullopt;
        }
        std::string arn;
        if (!get_policy_arn(field(*f.value, f.path, "PermissionsBoundaryArn"), arn)) return std::nullopt;
        return permissions_boundary{std::move(arn)};
    }

    std::vector<tag> read_tags(const dump_field& list) {
        std::vector<tag> tags;
        for_each_object(list, [&](json::element item, const std::string& path) {
            std::optional<std::string_view> key, value;
            if (!get(field(item, path, "Key"), key, true) || !get(field(item, path, "Value"), value, true)) return;
            auto checked = check_tag(*key, *value, tags);
            if (!checked) {
                const bool twin = checked.error().code == account_errc::already_exists;
                fail(twin ? path + "/Key" : path, item, std::string(checked.error().message()));
                return;
            }
            tags.push_back(std::move(checked.value()));
        });
        return tags;
    }

    void read_login(const dump_field& f, user& u) {
        if (!f.value) return;
        if (!f.value->is_object()) {
            fail(f.path, *f.value, "must be an object");
            return;
        }
        std::optional<timestamp> created;
        std::optional<bool> reset;
        if (get(field(*f.value, f.path, "CreateDate"), created) &&
            get(field(*f.value, f.path, "PasswordResetRequired"), reset))
            u.login = login_profile{created.value_or(timestamp{}), reset.value_or(false)};
    }

    void read_access_keys(const dump_field& list, user& u) {
        for_each_object(list, [&](json::element item, const std::string& path) {
            const auto id = get_name<access_key_id>(field(item, path, "AccessKeyId"));
            std::optional<std::string_view> status;
            std::optional<timestamp> created;
            if (!id || !get(field(item, path, "Status"), status) || !get(field(item, path, "CreateDate"), created))
                return;
            access_key key{.id = *id};
            if (status == "Inactive")
                key.status = access_key_status::inactive;
            else if (status == "Expired")
                key.status = access_key_status::expired;
            else if (status && status != "Active") {
                fail(path + "/Status", *item.find("Status"), "must be Active, Inactive or Expired");
                return;
            }
            if (!access_key_ids_.insert(key.id.str()).second) {
                fail(path + "/AccessKeyId", item, "access key " + key.id.str() + " appears twice");
                return;
            }
            key.created = created.value_or(timestamp{});
            u.access_keys.push_back(key);
        });
    }

    void read_mfa_devices(const dump_field& list, user& u) {
        for_each_object(list, [&](json::element item, const std::string& path) {
            std::optional<std::string_view> serial;
            std::optional<timestamp> enabled;
            if (!get(field(item, path, "SerialNumber"), serial, true) || !get(field(item, path, "EnableDate"), enabled))
                return;
            if (!is_mfa_serial_number(*serial)) {
                fail(path + "/SerialNumber", *item.find("SerialNumber"),
                     "must be 9 to 256 of letters, digits and _+=/:,.@-");
                return;
            }
            if (!mfa_serials_.insert(std::string(*serial)).second) {
                fail(path + "/SerialNumber", item, "MFA device " + std::string(*serial) + " appears twice");
                return;
            }
            u.mfa_devices.push_back(mfa_device{std::string(*serial), enabled.value_or(timestamp{})});
        });
    }

    void read_role(json::element e, const std::string& path) {
        read_entity<role>(
            e, path,
            [&](role& r) {
                r.boundary = read_boundary(field(e, path, "PermissionsBoundary"));
                r.tags = read_tags(field(e, path, "Tags"));  // condition keys of its sessions' requests
            },
            [&](role& r) {
                if (const dump_field trust = field(e, path, "AssumeRolePolicyDocument"); trust.value)
                    r.trust_policy = get_document(trust).value_or("");
            });
    }

    account_contents parts_;
    std::vector<foreign_arn> foreign_arns_;
    std::unordered_set<std::string> read_in_part_;      // `user/NAME`, ...
    std::unordered_set<std::string> unsure_policies_;   // ARNs: duplicated, or document unreadable
    std::unordered_set<std::string> duplicate_groups_;  // the names kept of case-duplicate groups
    case_insensitive_name_set user_names_, group_names_, role_names_;
    std::unordered_set<std::string> policy_arns_, access_key_ids_, mfa_serials_;
};

// Builds JSON objects member by member.
class json_object {
public:
    json_object& add(std::string key, json::value v) {
        members_.push_back(json::member{std::move(key), std::move(v), 0});
        return *this;
    }
    json_object& add(std::string key, std::string_view text) {
        return add(std::move(key), json::value::make_string(std::string(text)));
    }
    json_object& add(std::string key, const char* text) { return add(std::move(key), std::string_view(text)); }
    json_object& add(std::string key, timestamp t) {
        return add(std::move(key), json::value::make_string(format_timestamp(t)));
    }
    json_object& add(std::string key, bool b) { return add(std::move(key), json::value::make_boolean(b)); }
    json::value done() { return json::value::make_object(std::move(members_)); }

private:
    json::value::object_type members_;
};

// A stored document as a JSON object (a string if, against expectation, it is not JSON).
inline json::value document_value(const std::string& text) {
    auto parsed = json::parse(text);
    return parsed ? std::move(parsed.value()) : json::value::make_string(text);
}

template <typename Items, typename Write>
json::value json_array(const Items& items, Write&& write) {
    json::value::array_type out;
    out.reserve(items.size());
    for (const auto& item : items) out.push_back(write(item));
    return json::value::make_array(std::move(out));
}

inline json::value inline_policies_value(const std::vector<inline_policy>& policies) {
    return json_array(policies, [](const inline_policy& p) {
        return json_object().add("PolicyName", p.name.view()).add("PolicyDocument", document_value(p.document)).done();
    });
}

inline json::value attached_value(const std::vector<std::string>& arns) {
    return json_array(arns, [](const std::string& arn) {
        const auto parts = parse_policy_arn(arn);
        return json_object()
            .add("PolicyName", parts ? parts->name : std::string_view(arn))
            .add("PolicyArn", arn)
            .done();
    });
}

inline json::value boundary_value(const permissions_boundary& b) {
    return json_object()
        .add("PermissionsBoundaryType", "PermissionsBoundaryPolicy")
        .add("PermissionsBoundaryArn", b.policy_arn)
        .done();
}

inline json::value tags_value(const std::vector<tag>& tags) {
    return json_array(tags, [](const tag& t) { return json_object().add("Key", t.key).add("Value", t.value).done(); });
}

inline std::string_view status_name(access_key_status s) noexcept {
    switch (s) {
        case access_key_status::active: return "Active";
        case access_key_status::inactive: return "Inactive";
        case access_key_status::expired: return "Expired";
    }
    return "Active";
}

}  // namespace detail

/// Loads the output of `aws iam get-account-authorization-details` (with this header's
/// optional additions). Refuses only text that is not a JSON object; every entry it
/// cannot use is a problem with its JSON pointer, and the rest loads. Never throws on
/// any input (allocation failure aside); nesting is bounded by the JSON parser's depth limit.
///
/// **Example**:
///     auto loaded = iam::load_authorization_details(text);
///     if (loaded) for (const auto& p : loaded->problems) std::printf("%s: %s\n", p.path.c_str(), p.message.c_str());
inline result<loaded_account, load_problem> load_authorization_details(std::string_view text) {
    const auto doc = json::parse_document(text);
    if (!doc) {
        const json::parse_error& e = doc.error();
        return load_problem{"", e.offset,
                            "invalid JSON at line " + std::to_string(e.line) + ", column " + std::to_string(e.column) +
                                ": " + std::string(e.message())};
    }
    if (!doc->root().is_object()) return load_problem{"", doc->root().offset(), "the dump must be a JSON object"};
    return detail::dump_reader().read(doc->root());
}

/// Writes `a` in the format `load_authorization_details` reads: AWS's shape, policy
/// documents as JSON objects, with credential metadata, password policy, account id and
/// alias in the added fields; pretty-printed. Secrets are never part of an account, so
/// never part of the output.
inline std::string save_authorization_details(const account& a) {
    using detail::json_array;
    using detail::json_object;
    json_object root;
    root.add("AccountId", a.id().view());
    if (a.partition() != "aws") root.add("Partition", a.partition());
    if (a.alias()) root.add("AccountAliases", json::value::make_array({json::value::make_string(a.alias()->str())}));
    if (const auto& p = a.password_policy()) {
        json_object policy;
        policy.add("MinimumPasswordLength", json::value::make_integer(p->minimum_length))
            .add("RequireSymbols", p->require_symbols)
            .add("RequireNumbers", p->require_numbers)
            .add("RequireUppercaseCharacters", p->require_uppercase)
            .add("RequireLowercaseCharacters", p->require_lowercase)
            .add("AllowUsersToChangePassword", p->allow_users_to_change_password)
            .add("ExpirePasswords", p->max_age_days > 0);
        if (p->max_age_days > 0) policy.add("MaxPasswordAge", json::value::make_integer(p->max_age_days));
        if (p->reuse_prevention > 0)
            policy.add("PasswordReusePrevention", json::value::make_integer(p->reuse_prevention));
        root.add("PasswordPolicy", policy.add("HardExpiry", p->hard_expiry).done());
    }
    const std::string_view id = a.id().view();
    const std::string& partition = a.partition();
    root.add(
        "UserDetailList", json_array(a.users(), [&](const user& u) {
            json_object o;
            o.add("Path", u.path).add("UserName", u.name.view());
            if (!u.user_id.empty()) o.add("UserId", u.user_id);
            o.add("Arn", u.arn(id, partition)).add("CreateDate", u.created);
            o.add("UserPolicyList", detail::inline_policies_value(u.inline_policies));
            o.add("GroupList", json_array(u.groups, [](const std::string& g) { return json::value::make_string(g); }));
            o.add("AttachedManagedPolicies", detail::attached_value(u.attached_policy_arns));
            if (u.boundary) o.add("PermissionsBoundary", detail::boundary_value(*u.boundary));
            o.add("Tags", detail::tags_value(u.tags));
            if (u.login)
                o.add("LoginProfile", json_object()
                                          .add("CreateDate", u.login->created)
                                          .add("PasswordResetRequired", u.login->password_reset_required)
                                          .done());
            if (!u.access_keys.empty())
                o.add("AccessKeyMetadata", json_array(u.access_keys, [](const access_key& k) {
                          return json_object()
                              .add("AccessKeyId", k.id.view())
                              .add("Status", detail::status_name(k.status))
                              .add("CreateDate", k.created)
                              .done();
                      }));
            if (!u.mfa_devices.empty())
                o.add("MFADevices", json_array(u.mfa_devices, [](const mfa_device& d) {
                          return json_object().add("SerialNumber", d.serial_number).add("EnableDate", d.enabled).done();
                      }));
            return o.done();
        }));
    root.add("GroupDetailList", json_array(a.groups(), [&](const group& g) {
                 json_object o;
                 o.add("Path", g.path).add("GroupName", g.name.view());
                 if (!g.group_id.empty()) o.add("GroupId", g.group_id);
                 return o.add("Arn", g.arn(id, partition))
                     .add("CreateDate", g.created)
                     .add("GroupPolicyList", detail::inline_policies_value(g.inline_policies))
                     .add("AttachedManagedPolicies", detail::attached_value(g.attached_policy_arns))
                     .done();
             }));
    root.add("RoleDetailList", json_array(a.roles(), [&](const role& r) {
                 json_object o;
                 o.add("Path", r.path).add("RoleName", r.name.view());
                 if (!r.role_id.empty()) o.add("RoleId", r.role_id);
                 o.add("Arn", r.arn(id, partition)).add("CreateDate", r.created);
                 if (!r.trust_policy.empty()) o.add("AssumeRolePolicyDocument", detail::document_value(r.trust_policy));
                 o.add("RolePolicyList", detail::inline_policies_value(r.inline_policies));
                 o.add("AttachedManagedPolicies", detail::attached_value(r.attached_policy_arns));
                 if (r.boundary) o.add("PermissionsBoundary", detail::boundary_value(*r.boundary));
                 return o.add("Tags", detail::tags_value(r.tags)).done();
             }));
    const auto count_uses = [&](const std::string& arn, bool as_boundary) {
        std::int64_t n = 0;
        const auto count_principal = [&](const auto& p) {
            n += as_boundary ? (p.boundary && p.boundary->policy_arn == arn)
                             : std::count(p.attached_policy_arns.begin(), p.attached_policy_arns.end(), arn);
        };
        for (const user& u : a.users()) count_principal(u);
        for (const role& r : a.roles()) count_principal(r);
        if (!as_boundary)
            for (const group& g : a.groups())
                n += std::count(g.attached_policy_arns.begin(), g.attached_policy_arns.end(), arn);
        return json::value::make_integer(n);
    };
    const auto policy_value = [&](const managed_policy& p) {
        json_object o;
        o.add("PolicyName", p.name);
        if (!p.policy_id.empty()) o.add("PolicyId", p.policy_id);
        o.add("Arn", p.arn)
            .add("Path", p.path)
            .add("DefaultVersionId", p.default_version_id)
            .add("AttachmentCount", count_uses(p.arn, false))
            .add("PermissionsBoundaryUsageCount", count_uses(p.arn, true))
            .add("IsAttachable", true);
        if (!p.description.empty()) o.add("Description", p.description);
        o.add("CreateDate", p.created).add("UpdateDate", p.updated);
        if (!p.document.empty()) {
            json::value::array_type versions;
            versions.push_back(json_object()
                                   .add("Document", detail::document_value(p.document))
                                   .add("VersionId", p.default_version_id)
                                   .add("IsDefaultVersion", true)
                                   .add("CreateDate", p.updated)
                                   .done());
            for (const managed_policy_version& v : p.other_versions)
                versions.push_back(json_object()
                                       .add("Document", detail::document_value(v.document))
                                       .add("VersionId", v.version_id)
                                       .add("IsDefaultVersion", false)
                                       .add("CreateDate", v.created)
                                       .done());
            o.add("PolicyVersionList", json::value::make_array(std::move(versions)));
        }
        return o.done();
    };
    json::value::array_type policies;
    for (const managed_policy& p : a.customer_managed_policies()) policies.push_back(policy_value(p));
    for (const managed_policy& p : a.aws_managed_policies()) policies.push_back(policy_value(p));
    root.add("Policies", json::value::make_array(std::move(policies)));
    root.add("IsTruncated", false);
    return json::write(root.done(), json::write_style::pretty);
}

}  // namespace iam

#endif  // IAM_AUTHORIZATION_DETAILS_HPP_INCLUDED
