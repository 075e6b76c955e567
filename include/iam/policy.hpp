// SPDX-License-Identifier: MIT
// iamcpp: IAM policy documents of every kind (identity-based, resource-based, trust,
// SCP, RCP, session, VPC endpoint) — the grammar checked with every error reported at
// once (JSON pointer + byte offset), a typed model, a canonical writer and AWS's size and
// character-set rules. Sources: the IAM User Guide's policy grammar (UG
// reference_policies_grammar.html), its reference_policies_elements_* pages, the AWS
// Organizations SCP and RCP syntax pages, STS's session policy and VPC's endpoint policy
// pages (each rule's test quotes its source).
#ifndef IAM_POLICY_HPP_INCLUDED
#define IAM_POLICY_HPP_INCLUDED

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "action_catalog.hpp"
#include "detail/json_string.hpp"
#include "detail/utf8.hpp"
#include "json.hpp"
#include "match.hpp"
#include "names.hpp"
#include "operators.hpp"
#include "result.hpp"
#include "string_list.hpp"

namespace iam {

//=== model ===//

/// The `Version` element. `absent` means 2008-10-17 semantics: `${...}` is literal text.
enum class policy_version : std::uint8_t {
    absent,       ///< no `Version` element
    v2008_10_17,  ///< `"2008-10-17"`
    v2012_10_17,  ///< `"2012-10-17"` (policy variables work)
};

/// The `Effect` of a statement.
enum class policy_effect : std::uint8_t {
    allow,  ///< `"Allow"`
    deny,   ///< `"Deny"`
};

/// Where a policy document is used. Decides the grammar (where Principal is required,
/// allowed or forbidden, what SCPs, RCPs and trust policies may hold), the Version rule
/// and the size limit (`policy_size_limit`).
enum class policy_kind : std::uint8_t {
    identity,      ///< any identity-based policy, no size limit checked
    boundary,      ///< a permissions boundary (a managed policy used as boundary)
    user_inline,   ///< an inline policy of a user (2,048 characters for all of them)
    group_inline,  ///< an inline policy of a group (5,120)
    role_inline,   ///< an inline policy of a role (10,240)
    managed,       ///< a customer managed policy (CreatePolicy): Version 2012-10-17 required, 6,144
    resource,      ///< a resource-based policy (bucket, key, queue, ...): Principal or NotPrincipal required
    trust,         ///< a role trust policy: Principal required, no Resource, only the role-assuming sts: actions
    scp,           ///< a service control policy: no Principal, Version 2012-10-17, 5,120 characters
    rcp,           ///< a resource control policy: Principal "*", Deny (Allow only as RCPFullAWSAccess), 5,120
    session,       ///< a session policy (AssumeRole*, GetFederationToken): no Principal, 2,048 characters
    endpoint,      ///< a VPC endpoint policy: Principal or NotPrincipal required, 20,480 characters
};

/// The name of `kind` as `iamcpp check-policy --kind` spells it ("role-inline", "scp").
constexpr std::string_view to_string(policy_kind kind) noexcept {
    switch (kind) {
        case policy_kind::identity: return "identity";
        case policy_kind::boundary: return "boundary";
        case policy_kind::user_inline: return "user-inline";
        case policy_kind::group_inline: return "group-inline";
        case policy_kind::role_inline: return "role-inline";
        case policy_kind::managed: return "managed";
        case policy_kind::resource: return "resource";
        case policy_kind::trust: return "trust";
        case policy_kind::scp: return "scp";
        case policy_kind::rcp: return "rcp";
        case policy_kind::session: return "session";
        case policy_kind::endpoint: return "endpoint";
    }
    return {};
}

/// Every policy kind, in enum order.
inline constexpr policy_kind all_policy_kinds[] = {
    policy_kind::identity,    policy_kind::boundary, policy_kind::user_inline, policy_kind::group_inline,
    policy_kind::role_inline, policy_kind::managed,  policy_kind::resource,    policy_kind::trust,
    policy_kind::scp,         policy_kind::rcp,      policy_kind::session,     policy_kind::endpoint};

/// The kind `to_string` spells as `name`, if any.
constexpr std::optional<policy_kind> parse_policy_kind(std::string_view name) noexcept {
    for (const policy_kind k : all_policy_kinds)
        if (to_string(k) == name) return k;
    return std::nullopt;
}

/// One `operator: { key: values }` test. Several conditions AND; several values OR.
struct condition {
    condition_operator op = condition_operator::string_equals;  ///< the base operator
    set_qualifier qualifier = set_qualifier::none;              ///< `ForAllValues:` / `ForAnyValue:`
    bool if_exists = false;                                     ///< `...IfExists`
    /// The condition key as written (keys compare ignoring case, see `iequals`).
    std::string key;
    /// The values as text; a JSON number or boolean keeps its text (`3600`, `true`).
    string_list values;
    /// Written as a JSON array (even of one value) rather than a single value.
    bool array_form = false;

    /// The full operator of this condition.
    constexpr operator_spec spec() const noexcept { return operator_spec{op, qualifier, if_exists}; }
    /// Memberwise equality (the key compared exactly).
    friend bool operator==(const condition&, const condition&) = default;
};

/// The kinds of principal a Principal/NotPrincipal element names.
enum class principal_type : std::uint8_t {
    aws,             ///< `"AWS"`: accounts, users, roles, sessions, `*`
    service,         ///< `"Service"`: service principals (`ec2.amazonaws.com`)
    federated,       ///< `"Federated"`: identity providers
    canonical_user,  ///< `"CanonicalUser"`: S3 canonical user ids
};

/// One `"AWS": ...` (etc.) entry of a Principal/NotPrincipal object.
struct principal_entry {
    principal_type type = principal_type::aws;  ///< the key
    bool array_form = false;                    ///< written as a JSON array
    string_list values;                         ///< as written
    /// Memberwise equality.
    friend bool operator==(const principal_entry&, const principal_entry&) = default;
};

/// `Principal` or `NotPrincipal` (`negated`).
struct principal_block {
    bool negated = false;                  ///< NotPrincipal
    bool everyone = false;                 ///< the bare string "*" ("Principal": "*"); entries then empty
    std::vector<principal_entry> entries;  ///< object form, in document order
    /// Memberwise equality.
    friend bool operator==(const principal_block&, const principal_block&) = default;
};

/// The strings of `Action`/`NotAction` or `Resource`/`NotResource`.
struct string_block {
    bool negated = false;     ///< `NotAction` / `NotResource`
    bool array_form = false;  ///< written as a JSON array rather than a single string
    string_list values;       ///< the patterns in document order
    /// Memberwise equality.
    friend bool operator==(const string_block&, const string_block&) = default;
};

/// `Action` or `NotAction` (`negated`).
using action_block = string_block;
/// `Resource` or `NotResource` (`negated`).
using resource_block = string_block;

/// One statement.
struct statement {
    std::optional<std::string> sid;               ///< `Sid`, if present (may be empty)
    policy_effect effect = policy_effect::allow;  ///< `Effect`
    std::optional<principal_block> principal;     ///< Principal / NotPrincipal, if present
    action_block action;                          ///< `Action` / `NotAction`
    /// `Resource` / `NotResource`; empty when absent (trust policies, and resource-based
    /// policies such as ECR's): the statement is then about the resource holding the policy.
    resource_block resource;
    std::vector<condition> conditions;  ///< `Condition`, flattened in document order
    /// Memberwise equality.
    friend bool operator==(const statement&, const statement&) = default;
};

/// A policy document.
struct policy {
    policy_version version = policy_version::absent;  ///< `Version`
    std::optional<std::string> id;                    ///< `Id`, if present
    std::vector<statement> statements;                ///< `Statement` (one object is a list of one)
    /// Memberwise equality; the canonical writer preserves it (parse → write → parse).
    friend bool operator==(const policy&, const policy&) = default;
};

//=== diagnostics ===//

/// What a diagnostic is about. The first group are errors, then warnings, then the
/// size/character-set rules of `check_policy_size`.
enum class policy_errc : std::uint8_t {
    json_syntax,                 ///< not JSON (path "", offset from the JSON parser)
    wrong_type,                  ///< a value of the wrong JSON type (e.g. Statement a string)
    unknown_element,             ///< a key that is not part of the grammar
    bad_version,                 ///< Version neither "2012-10-17" nor "2008-10-17"
    version_required,            ///< a managed policy, SCP or RCP without Version 2012-10-17
    missing_element,             ///< no Statement, Effect, Action/NotAction or Resource/NotResource
    empty_list,                  ///< an empty array where at least one element is required
    bad_sid,                     ///< Sid with characters other than ASCII letters and digits (IAM's kinds)
    duplicate_sid,               ///< a Sid equal to an earlier one
    bad_effect,                  ///< Effect neither "Allow" nor "Deny"
    principal_not_allowed,       ///< Principal/NotPrincipal where the kind forbids it
    conflicting_elements,        ///< both Action and NotAction, or Resource and NotResource
    bad_action,                  ///< an action neither `*` nor `service:pattern`
    bad_resource,                ///< a resource neither `*` nor an ARN pattern AWS accepts (`resource_pattern_problem`)
    unknown_operator,            ///< a condition operator AWS does not document
    if_exists_on_null,           ///< `NullIfExists`
    bad_condition_key,           ///< a condition key not shaped `prefix:name`
    duplicate_condition_key,     ///< a key repeated (ignoring case) under one operator
    bad_condition_value,         ///< a value of the wrong type for its operator
    bad_principal,               ///< a Principal/NotPrincipal not shaped as AWS documents or its kind allows
    principal_required,          ///< no Principal/NotPrincipal where the kind requires one
    resource_not_allowed,        ///< Resource/NotResource in a trust policy
    action_not_allowed_in_kind,  ///< an action (or NotAction) the kind does not take
    effect_not_allowed_in_kind,  ///< an Allow the kind does not take (RCPs)
    too_many_errors,             ///< `policy_options::max_errors` reached; later errors dropped
    id_present,                  ///< warning: Id in an identity-based policy
    broad_not_action,            ///< warning: Allow + NotAction + Resource "*"
    unknown_service,             ///< warning: a service prefix not in the action catalog
    unknown_action,              ///< warning: an action not in the action catalog
    bad_character,               ///< a character outside tab, LF, CR, U+0020–U+00FF (or bad UTF-8)
    too_large,                   ///< over the size limit of the policy kind
};

namespace detail {
// Per `policy_errc`, in enum order: its stable id and its fixed sentence.
struct policy_errc_text {
    std::string_view id;
    std::string_view sentence;
};
inline constexpr policy_errc_text policy_errc_texts[] = {
    {"json-syntax", "the document is not valid JSON"},
    {"wrong-type", "a value has the wrong JSON type"},
    {"unknown-element", "an element is not part of the policy grammar"},
    {"bad-version", "Version must be \"2012-10-17\" or \"2008-10-17\""},
    {"version-required", "Policy document must be version 2012-10-17 or greater."},
    {"missing-element", "a required element is missing"},
    {"empty-list", "a list that needs at least one element is empty"},
    {"bad-sid", "a Sid may hold only ASCII letters and digits"},
    {"duplicate-sid", "Sids must be unique"},
    {"bad-effect", "Effect must be \"Allow\" or \"Deny\" (case-sensitive)"},
    {"principal-not-allowed", "this kind of policy cannot have Principal or NotPrincipal"},
    {"conflicting-elements", "a statement has either Action or NotAction, and either Resource or NotResource"},
    {"bad-action", "an action must be `*` or `service:Action`"},
    {"bad-resource", "a resource must be `*` or an ARN AWS accepts"},
    {"unknown-operator", "unknown condition operator"},
    {"if-exists-on-null", "Null cannot take the IfExists suffix"},
    {"bad-condition-key", "a condition key must look like `prefix:name`"},
    {"duplicate-condition-key", "a condition key repeats an earlier key (keys ignore case)"},
    {"bad-condition-value", "a condition value is not of its operator's type"},
    {"bad-principal", "a principal must be \"*\" or an object of AWS, Service, Federated and CanonicalUser names"},
    {"principal-required", "this kind of policy needs Principal or NotPrincipal in every statement"},
    {"resource-not-allowed", "trust policies cannot have Resource or NotResource"},
    {"action-not-allowed-in-kind", "this kind of policy does not take this action"},
    {"effect-not-allowed-in-kind", "this kind of policy does not take this effect"},
    {"too-many-errors", "too many errors; the rest are not reported"},
    {"id-present", "Id is ignored in identity-based policies"},
    {"broad-not-action", "Allow with NotAction and Resource \"*\" grants every other action on everything"},
    {"unknown-service", "a service prefix is not in the action catalog"},
    {"unknown-action", "an action is not in the action catalog"},
    {"bad-character", "a character is not allowed in a policy document (only tab, LF, CR and U+0020-U+00FF)"},
    {"too-large", "the policy is over the size limit of its kind"},
};
static_assert(std::size(policy_errc_texts) == static_cast<std::size_t>(policy_errc::too_large) + 1);
}  // namespace detail

/// The stable id of `code`, for machine-readable reports ("duplicate-sid").
constexpr std::string_view to_string(policy_errc code) noexcept {
    return detail::policy_errc_texts[static_cast<std::size_t>(code)].id;
}

/// One error or warning: where (JSON pointer and byte offset) and why.
struct policy_error {
    /// RFC 6901 JSON pointer to the element, e.g. `/Statement/2/Action/0`; "" is the
    /// whole document. A missing element points at the object that lacks it.
    std::string path;
    /// Byte offset in the text (`json::line_column` turns it into LINE:COL): the first
    /// byte of the offending value, or the opening quote of an offending key.
    std::size_t offset = 0;
    std::string detail;                           ///< the specific sentence; empty: the code's own
    policy_errc code = policy_errc::json_syntax;  ///< the rule
    /// An English sentence: `detail`, or the code's fixed sentence when it is empty.
    std::string_view message() const noexcept {
        return detail.empty() ? iam::detail::policy_errc_texts[static_cast<std::size_t>(code)].sentence
                              : std::string_view(detail);
    }
    /// The rule's stable id, `to_string(code)`.
    constexpr std::string_view id() const noexcept { return to_string(code); }
    /// Memberwise equality.
    friend bool operator==(const policy_error&, const policy_error&) = default;
};

/// Why a document was rejected: every error found, in document order, and the warnings.
struct policy_errors {
    std::vector<policy_error> errors;    ///< at least one
    std::vector<policy_error> warnings;  ///< found along the way
};

/// A successfully parsed policy and its warnings (compare as `policy` to ignore them).
struct parsed_policy : policy {
    std::vector<policy_error> warnings;  ///< never failures; in document order
};

/// Options of `parse_policy`.
struct policy_options {
    /// AWS's action catalog, for the unknown-service and unknown-action warnings;
    /// none by default. It must outlive the parse.
    const action_catalog* catalog = nullptr;
    /// At most this many errors are kept (then one `too_many_errors`), bounding the
    /// memory a hostile document can cost.
    std::size_t max_errors = 1000;
};

//=== value shapes ===//

namespace detail {

constexpr bool policy_is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
constexpr bool policy_is_alpha(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
}  // namespace detail

namespace detail {

// Which bytes an action's service prefix (bit 1) and action pattern (bit 2) may hold:
// one table lookup per byte in the hot loop of every policy parse.
struct action_char_table {
    unsigned char flags[256] = {};
    constexpr action_char_table() {
        for (unsigned c = 0; c < 256; ++c) {
            const auto ch = static_cast<char>(c);
            if (policy_is_alpha(ch) || policy_is_digit(ch) || ch == '-') flags[c] = 1 | 2;
            if (ch == '*' || ch == '?' || ch == '_') flags[c] = 2;
        }
    }
};
inline constexpr action_char_table action_chars{};

}  // namespace detail

/// `*` or `service:pattern`: service of ASCII letters, digits and `-` (the corpus has
/// `S3:`, `cloudWatch:`; actions match ignoring case), pattern of letters, digits and
/// `* ? _ -`. No wildcard in the service.
constexpr bool is_valid_action_pattern(std::string_view s) noexcept {
    if (s == "*") return true;
    const std::size_t colon = s.find(':');
    if (colon == 0 || colon == std::string_view::npos || colon + 1 == s.size()) return false;
    const auto allowed = [&](std::size_t i, unsigned char flag) {
        return (detail::action_chars.flags[static_cast<unsigned char>(s[i])] & flag) != 0;
    };
    for (std::size_t i = 0; i < colon; ++i) {
        if (!allowed(i, 1)) return false;
    }
    for (std::size_t i = colon + 1; i < s.size(); ++i) {
        if (!allowed(i, 2)) return false;
    }
    return true;
}

namespace detail {

// An ARN pattern's first five colons (the ends of partition, service, region, account
// and `arn`), read in the one pass that checks its characters; `valid` is false for
// text that is not `arn:` + six fields without control characters.
struct arn_shape {
    bool valid = false;
    std::size_t colons[5]{};
};

constexpr arn_shape arn_pattern_shape(std::string_view s) noexcept {
    arn_shape shape;
    if (s.substr(0, 4) != "arn:") return shape;
    std::size_t count = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto b = static_cast<unsigned char>(s[i]);
        if (b < 0x20 || b == 0x7F) return shape;
        if (b == ':' && count < 5) shape.colons[count++] = i;
    }
    shape.valid = count == 5;
    return shape;
}

}  // namespace detail

/// `*` or an ARN pattern: starts with `arn:` and has six colon-separated fields (every
/// ARN in the corpus does); no control characters. Wildcards and `${...}` are allowed.
constexpr bool is_valid_resource_pattern(std::string_view s) noexcept {
    return s == "*" || detail::arn_pattern_shape(s).valid;
}

namespace detail {

// The S3 resource types whose ARNs carry a region (Service Authorization Reference,
// Amazon S3); buckets and objects have none.
inline constexpr std::string_view regional_s3_types[] = {"accesspoint/",        "job/",           "storage-lens/",
                                                         "storage-lens-group/", "access-grants/", "async-request/"};

// Whether an S3 resource pattern (after the fifth colon) may name a regional type:
// it starts with one, or its text before the first wildcard or variable begins one.
constexpr bool may_name_regional_s3(std::string_view resource) noexcept {
    const std::size_t open = std::min(resource.find_first_of("*?"), resource.find("${"));
    const std::string_view literal = resource.substr(0, open);
    for (const std::string_view type : regional_s3_types) {
        if (resource.starts_with(type) || (open != std::string_view::npos && type.starts_with(literal))) return true;
    }
    return false;
}

}  // namespace detail

/// Why AWS rejects an ARN pattern of a Resource element, as the end of a sentence about
/// it, or "" when it does not (or is no ARN: `is_valid_resource_pattern` tells that): a
/// wildcard in the service segment (UG reference_policies_elements_resource: "You can't
/// use a wildcard in the service segment that identifies the AWS product"), or a region
/// in an IAM ARN, or in an S3 ARN that cannot name a regional S3 resource (IAM's
/// MalformedPolicyDocument: "cannot contain region information").
constexpr std::string_view resource_pattern_problem(std::string_view s, const detail::arn_shape& shape) noexcept {
    if (!shape.valid) return {};
    const std::size_t* colons = shape.colons;
    // Plain loops and views: this runs for every resource of every parsed policy.
    const std::string_view service(s.data() + colons[1] + 1, colons[2] - colons[1] - 1);
    for (const char c : service)
        if (c == '*' || c == '?') return "has a wildcard in its service segment: name the service exactly";
    if (colons[3] == colons[2] + 1) return {};  // no region
    if (service == "iam") return "cannot contain region information: IAM ARNs leave the region empty";
    if (service == "s3" && !detail::may_name_regional_s3(s.substr(colons[4] + 1)))
        return "cannot contain region information: S3 bucket and object ARNs leave the region empty";
    return {};
}

/// `resource_pattern_problem` of `s` with its shape read here.
constexpr std::string_view resource_pattern_problem(std::string_view s) noexcept {
    return resource_pattern_problem(s, detail::arn_pattern_shape(s));
}

/// A condition key: `prefix:name`, both parts non-empty, no control characters.
constexpr bool is_valid_condition_key(std::string_view s) noexcept {
    const std::size_t colon = s.find(':');
    if (colon == 0 || colon == std::string_view::npos || colon + 1 == s.size()) return false;
    for (char c : s) {
        const auto b = static_cast<unsigned char>(c);
        if (b < 0x20 || b == 0x7F) return false;
    }
    return true;
}

/// The key of `type` in a Principal object ("AWS", "Service", "Federated", "CanonicalUser").
constexpr std::string_view to_string(principal_type type) noexcept {
    switch (type) {
        case principal_type::aws: return "AWS";
        case principal_type::service: return "Service";
        case principal_type::federated: return "Federated";
        case principal_type::canonical_user: return "CanonicalUser";
    }
    return {};
}

/// The principal type a Principal object's key names (case-sensitive), if any.
constexpr std::optional<principal_type> parse_principal_type(std::string_view key) noexcept {
    for (const principal_type t :
         {principal_type::aws, principal_type::service, principal_type::federated, principal_type::canonical_user}) {
        if (key == to_string(t)) return t;
    }
    return std::nullopt;
}

/// Why AWS rejects `value` as a principal of `type`, as the end of a sentence about it,
/// or "" when it does not. `AWS`: `*`, a 12-digit account id, an ARN, or the unique id
/// AWS leaves when a named user or role is deleted; `Service`, `Federated`,
/// `CanonicalUser`: a name. Only `AWS` takes `*`; no principal holds a partial wildcard.
/// Spaces are allowed: CloudFront origin access identities are
/// `arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity ID`.
constexpr std::string_view principal_value_problem(principal_type type, std::string_view value) noexcept {
    if (value.empty()) return "is empty";
    for (const char c : value) {
        const auto b = static_cast<unsigned char>(c);
        if (b < 0x20 || b == 0x7F) return "holds a control character";
    }
    if (value == "*") return type == principal_type::aws ? "" : "cannot be `*`: only `AWS` takes `*`";
    if (value.find_first_of("*?") != std::string_view::npos)
        return "has a wildcard: a principal is `*` or named exactly (use a condition on aws:PrincipalArn to match "
               "patterns)";
    if (type != principal_type::aws) return {};
    if (value.size() == 12 && std::all_of(value.begin(), value.end(), detail::policy_is_digit)) return {};
    if (detail::arn_pattern_shape(value).valid) return {};
    const bool unique_id = value.size() >= 16 && std::all_of(value.begin(), value.end(), [](char c) {
                               return detail::policy_is_digit(c) || (c >= 'A' && c <= 'Z');
                           });
    return unique_id ? "" : "must be `*`, a 12-digit account id or an ARN";
}

//=== size and character set ===//

/// The size AWS compares with its limits: characters (code points) of `text` except
/// JSON whitespace outside strings ("white space is not counted"). Escapes count as
/// written (`\u00e9` is six characters): AWS counts the submitted document.
constexpr std::size_t policy_size(std::string_view text) noexcept {
    std::size_t count = 0;
    bool in_string = false;
    bool escaped = false;
    for (char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c & 0xC0) == 0x80) continue;  // a UTF-8 continuation byte is part of the previous character
        if (in_string) {
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                in_string = false;
            }
        } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            continue;
        } else if (c == '"') {
            in_string = true;
        }
        ++count;
    }
    return count;
}

/// The per-document limit of `kind` in characters, if it has one. The inline limits
/// are AWS's sums over all inline policies of one holder, so one document can be no
/// larger (the sum is the caller's to check); AWS's own managed policies are exempt,
/// hence `identity` and `boundary` have none; resource-based limits differ per service
/// (S3, KMS, SQS, ...), hence `resource` has none. `trust` is IAM's default quota.
constexpr std::optional<std::size_t> policy_size_limit(policy_kind kind) noexcept {
    switch (kind) {
        case policy_kind::user_inline:
        case policy_kind::trust:
        case policy_kind::session: return std::size_t{2048};
        case policy_kind::group_inline:
        case policy_kind::scp:
        case policy_kind::rcp: return std::size_t{5120};
        case policy_kind::role_inline: return std::size_t{10240};
        case policy_kind::managed: return std::size_t{6144};
        case policy_kind::endpoint: return std::size_t{20480};
        case policy_kind::identity:
        case policy_kind::boundary:
        case policy_kind::resource: return std::nullopt;
    }
    return std::nullopt;
}

/// Whether white space outside strings counts toward the limit of `kind`: IAM does not
/// count it; Organizations ("All characters in your SCP count"), STS (the session
/// policy's "plaintext") and VPC ("including white space") do.
constexpr bool policy_size_counts_white_space(policy_kind kind) noexcept {
    return kind == policy_kind::scp || kind == policy_kind::rcp || kind == policy_kind::session ||
           kind == policy_kind::endpoint;
}

/// The characters (code points) of `text`, white space included.
constexpr std::size_t policy_characters(std::string_view text) noexcept {
    std::size_t count = 0;
    for (const char ch : text) count += (static_cast<unsigned char>(ch) & 0xC0) != 0x80 ? 1 : 0;
    return count;
}

/// Checks the documented character set (tab, LF, CR, U+0020–U+00FF, as well-formed
/// UTF-8) and then the size limit of `kind`. Separate from `parse_policy` because it
/// concerns the submitted text, not the grammar. The error's offset is the bad
/// character, or the first character past the limit.
inline std::optional<policy_error> check_policy_size(std::string_view text, policy_kind kind) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto c = static_cast<unsigned char>(text[pos]);
        if (c >= 0x20 && c < 0x80) {
            ++pos;
            continue;
        }
        const iam::detail::utf8_decoded d = iam::detail::decode_utf8(text, pos);
        const char32_t cp = d.code_point;
        if (d.length == 0 || !(cp == 0x09 || cp == 0x0A || cp == 0x0D || (cp >= 0x20 && cp <= 0xFF))) {
            std::string msg = "character ";
            if (d.length == 0) {
                msg = "byte that is not well-formed UTF-8 ";
            } else {
                constexpr std::string_view hex = "0123456789ABCDEF";
                msg += "U+";
                for (int shift = cp > 0xFFFFF ? 20 : cp > 0xFFFF ? 16 : 12; shift >= 0; shift -= 4)
                    msg += hex[(cp >> shift) & 0xF];
                msg += ' ';
            }
            msg += "at byte " + std::to_string(pos) +
                   " is not allowed in a policy document (only tab, LF, CR and U+0020-U+00FF)";
            return policy_error{"", pos, std::move(msg), policy_errc::bad_character};
        }
        pos += d.length;
    }
    const std::optional<std::size_t> limit = policy_size_limit(kind);
    if (!limit) return std::nullopt;
    const bool white_space_counts = policy_size_counts_white_space(kind);
    const auto size_of = [&](std::string_view t) { return white_space_counts ? policy_characters(t) : policy_size(t); };
    const std::size_t size = size_of(text);
    if (size <= *limit) return std::nullopt;
    // The offset of the character that crosses the limit: the size of each prefix grows by one per counted character.
    std::size_t lo = 0;
    std::size_t hi = text.size();
    while (lo < hi) {  // smallest prefix length whose size exceeds the limit
        const std::size_t mid = lo + (hi - lo) / 2;
        if (size_of(text.substr(0, mid)) > *limit)
            hi = mid;
        else
            lo = mid + 1;
    }
    return policy_error{"", lo == 0 ? 0 : lo - 1,
                        "the policy has " + std::to_string(size) + " characters (white space " +
                            (white_space_counts ? "counted" : "not counted") + "); the limit is " +
                            std::to_string(*limit),
                        policy_errc::too_large};
}

//=== parser ===//

namespace detail {

// Appends one RFC 6901 pointer segment ('~' -> "~0", '/' -> "~1").
inline void append_pointer_segment(std::string& path, std::string_view key) {
    path.push_back('/');
    for (char c : key) {
        if (c == '~')
            path += "~0";
        else if (c == '/')
            path += "~1";
        else
            path.push_back(c);
    }
}

// A value quoted for a message, cut at 60 bytes (on a UTF-8 boundary) so hostile
// megabyte strings do not end up in every message.
inline std::string policy_quote(std::string_view s) {
    std::string out = "`";
    if (s.size() > 60) {
        std::size_t cut = 60;
        while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
        out.append(s.substr(0, cut)).append("...");
    } else {
        out.append(s);
    }
    out.push_back('`');
    return out;
}

// The text of the JSON string that starts at `offset` (its opening quote), escapes as
// written, up to its closing quote or the end of `text`.
constexpr std::string_view json_key_at(std::string_view text, std::size_t offset) noexcept {
    if (offset >= text.size() || text[offset] != '"') return {};
    std::size_t end = offset + 1;
    while (end < text.size() && text[end] != '"') end += text[end] == '\\' ? std::size_t{2} : std::size_t{1};
    return text.substr(offset + 1, std::min(end, text.size()) - offset - 1);
}

inline std::string_view json_type_name(json::element v) noexcept {
    switch (v.kind()) {
        case json::value_kind::null: return "null";
        case json::value_kind::boolean: return "a boolean";
        case json::value_kind::number: return "a number";
        case json::value_kind::string: return "a string";
        case json::value_kind::array: return "an array";
        case json::value_kind::object: return "an object";
    }
    return "a value";
}

// A JSON pointer kept as a chain of stack nodes, turned into text only for a
// diagnostic: the happy path allocates no paths at all.
struct path_node {
    const path_node* parent = nullptr;  // nullptr: the document root ("")
    std::string_view key;
    std::size_t index = 0;
    bool is_index = false;

    path_node child(std::string_view k) const noexcept { return path_node{this, k, 0, false}; }
    path_node child(std::size_t i) const noexcept { return path_node{this, {}, i, true}; }

    std::string str() const {
        std::vector<const path_node*> chain;
        for (const path_node* n = this; n->parent != nullptr; n = n->parent) chain.push_back(n);
        std::string out;
        for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
            if ((*it)->is_index) {
                out += '/' + std::to_string((*it)->index);
            } else {
                append_pointer_segment(out, (*it)->key);
            }
        }
        return out;
    }
};

// The JSON pointer of the member whose key starts at `key_offset`: the repeat that the
// strict parse of `text` rejected, found by parsing again with repeats allowed and
// descending, container by container, into the child whose text holds that offset
// (no recursion; memory for one path). "" when the text breaks elsewhere too.
inline std::string pointer_to_key(std::string_view text, std::size_t key_offset) {
    json::parse_options lenient;
    lenient.allow_duplicate_keys = true;
    const auto doc = json::parse_document(text, lenient);
    if (!doc) return {};
    std::vector<path_node> steps(1);
    steps.reserve(lenient.max_depth + 2);  // never reallocated: each step points at the one before
    for (json::element at = doc->root();;) {
        std::optional<json::element> into;  // the last child starting at or before the key
        path_node down;
        if (const auto members = at.as_object()) {
            for (const json::member_view m : *members) {
                if (m.key_offset > key_offset) break;
                down = steps.back().child(m.key);
                if (m.key_offset == key_offset) return down.str();
                into = m.value;
            }
        } else {
            std::size_t index = 0;
            for (const json::element item : at.as_array()) {
                if (item.offset() > key_offset) break;
                down = steps.back().child(index++);
                into = item;
            }
        }
        if (!into) return {};
        steps.push_back(down);
        at = *into;
    }
}

// API Gateway's shorthand in an API's resource policy for that API's own ARN
// (`execute-api:/stage/GET/pets`), which it expands when the policy is saved.
inline constexpr std::string_view api_gateway_own_api = "execute-api:/";

// Whether a kind's statements must, may or must not have an element.
enum class element_need : std::uint8_t { forbidden, optional, required };

// What the grammar of one policy kind allows beyond the identity-policy grammar.
struct kind_grammar {
    std::string_view noun;        // for messages: "trust policies"
    bool identity_based = false;  // Principal forbidden with today's message, Id warned about
    bool principal = false;       // Principal allowed, and then required in every statement
    bool not_principal = false;   // NotPrincipal allowed too (with Deny)
    bool not_action = true;       // NotAction allowed
    // Resource/NotResource; absent where optional, the statement is about the policy's own resource.
    element_need resource = element_need::required;
    bool version_required = false;  // Version must be "2012-10-17"
    bool alphanumeric_sid = true;   // IAM's Sid characters; services' own policies define theirs
};

constexpr kind_grammar grammar_of(policy_kind kind) noexcept {
    switch (kind) {
        case policy_kind::identity:
        case policy_kind::boundary:
        case policy_kind::user_inline:
        case policy_kind::group_inline:
        case policy_kind::role_inline: return {.noun = "identity policies", .identity_based = true};
        case policy_kind::managed:
            return {.noun = "identity policies", .identity_based = true, .version_required = true};
        case policy_kind::resource:
            return {.noun = "resource-based policies",
                    .principal = true,
                    .not_principal = true,
                    .resource = element_need::optional,
                    .alphanumeric_sid = false};
        case policy_kind::trust:
            return {
                .noun = "trust policies", .principal = true, .not_action = false, .resource = element_need::forbidden};
        case policy_kind::scp: return {.noun = "SCPs", .version_required = true};
        case policy_kind::rcp:
            return {.noun = "RCPs", .principal = true, .not_action = false, .version_required = true};
        case policy_kind::session: return {.noun = "session policies", .identity_based = true};
        case policy_kind::endpoint:
            return {
                .noun = "VPC endpoint policies", .principal = true, .not_principal = true, .alphanumeric_sid = false};
    }
    return {.noun = "policies", .identity_based = true, .version_required = true};
}

// The actions of a role trust policy: assuming the role and what may come with it.
inline constexpr std::string_view trust_actions[] = {
    "sts:AssumeRole", "sts:AssumeRoleWithSAML", "sts:AssumeRoleWithWebIdentity",
    "sts:TagSession", "sts:SetSourceIdentity",  "sts:SetContext"};

// Whether a trust policy may name `action`: one of `trust_actions`, or a pattern
// matching at least one of them (`sts:AssumeRole*`, `sts:*`).
constexpr bool is_trust_action(std::string_view action) {
    for (const std::string_view a : trust_actions)
        if (wildcard_match(action, a, wildcard_mode::action)) return true;
    return false;
}

class policy_checker {
public:
    policy_checker(policy_kind kind, const policy_options& options) noexcept
        : kind_(kind), grammar_(grammar_of(kind)), options_(options) {}

    result<parsed_policy, policy_errors> run(json::element root) {
        parsed_policy out;
        const path_node top;
        const auto members = root.as_object();
        if (!members) {
            error(policy_errc::wrong_type, root.offset(), top,
                  "a policy document must be a JSON object, not " + std::string(json_type_name(root)));
            return finish(std::move(out));
        }
        std::optional<json::element> statements;
        std::optional<json::element> version;
        for (const json::member_view m : *members) {
            if (m.key == "Version") {
                version = m.value;
            } else if (m.key == "Id") {
                if (const auto id = m.value.as_string()) {
                    if (grammar_.identity_based)
                        warning(policy_errc::id_present, m.value.offset(), top.child("Id"),
                                "Id is ignored in identity-based policies");
                    out.id = std::string(*id);
                } else {
                    error(policy_errc::wrong_type, m.value.offset(), top.child("Id"),
                          "Id must be a string, not " + std::string(json_type_name(m.value)));
                }
            } else if (m.key == "Statement") {
                statements = m.value;
            } else {
                error(policy_errc::unknown_element, m.key_offset, top.child(m.key),
                      "unknown top-level element " + policy_quote(m.key) + " (allowed: Version, Id, Statement)");
            }
        }
        check_version(version, root, out);
        const path_node statement_path = top.child("Statement");
        if (!statements) {
            error(policy_errc::missing_element, root.offset(), top, "the policy has no Statement");
        } else if (statements->is_object()) {
            add_statement(*statements, statement_path, std::nullopt, out);
        } else if (const auto list = statements->as_array()) {
            if (list->empty())
                error(policy_errc::empty_list, statements->offset(), statement_path, "Statement is empty");
            out.statements.reserve(list->size());
            std::size_t i = 0;
            for (const json::element s : *list) {
                if (!s.is_object()) {
                    error(policy_errc::wrong_type, s.offset(), statement_path.child(i),
                          "a statement must be an object, not " + std::string(json_type_name(s)));
                } else {
                    add_statement(s, statement_path.child(i), i, out);
                }
                ++i;
            }
        } else {
            error(
                policy_errc::wrong_type, statements->offset(), statement_path,
                "Statement must be an object or an array of objects, not " + std::string(json_type_name(*statements)));
        }
        check_duplicate_sids(out);
        return finish(std::move(out));
    }

private:
    void error(policy_errc code, std::size_t offset, const path_node& path, std::string message) {
        if (errors_.size() >= options_.max_errors) {
            if (!overflow_) overflow_ = policy_error{path.str(), offset, "", policy_errc::too_many_errors};
            return;
        }
        errors_.push_back(policy_error{path.str(), offset, std::move(message), code});
    }

    void warning(policy_errc code, std::size_t offset, const path_node& path, std::string message) {
        if (warnings_.size() >= options_.max_errors) return;
        warnings_.push_back(policy_error{path.str(), offset, std::move(message), code});
    }

    result<parsed_policy, policy_errors> finish(parsed_policy out) {
        const auto by_offset = [](const policy_error& a, const policy_error& b) { return a.offset < b.offset; };
        std::stable_sort(warnings_.begin(), warnings_.end(), by_offset);
        if (errors_.empty()) {
            out.warnings = std::move(warnings_);
            return out;
        }
        std::stable_sort(errors_.begin(), errors_.end(), by_offset);
        if (overflow_) {
            overflow_->detail =
                "more than " + std::to_string(options_.max_errors) + " errors; the rest are not reported";
            errors_.push_back(std::move(*overflow_));
        }
        return policy_errors{std::move(errors_), std::move(warnings_)};
    }

    void check_version(std::optional<json::element> version, json::element root, policy& out) {
        const path_node top;
        if (version) {
            const auto v = version->as_string();
            if (v && *v == "2012-10-17") {
                out.version = policy_version::v2012_10_17;
            } else if (v && *v == "2008-10-17") {
                out.version = policy_version::v2008_10_17;
            } else {
                error(policy_errc::bad_version, version->offset(), top.child("Version"),
                      "Version must be \"2012-10-17\" or \"2008-10-17\"");
                return;
            }
        }
        if (grammar_.version_required && out.version != policy_version::v2012_10_17) {
            // AWS's CreatePolicy message; Organizations: "must include a Version element".
            error(policy_errc::version_required, version ? version->offset() : root.offset(),
                  version ? top.child("Version") : top,
                  kind_ == policy_kind::managed
                      ? "Policy document must be version 2012-10-17 or greater."
                      : std::string(grammar_.noun) + " must include a Version element with the value \"2012-10-17\"");
        }
    }

    void add_statement(json::element s, const path_node& path, std::optional<std::size_t> index, policy& out) {
        out.statements.push_back(check_statement(s, path));
        const std::optional<std::string>& sid = out.statements.back().sid;
        if (sid && !sid->empty()) sids_.push_back(sid_entry{out.statements.size() - 1, sid_offset_, index});
    }

    statement check_statement(json::element s, const path_node& path) {
        statement st;
        std::optional<json::member_view> action;
        std::optional<json::member_view> resource;
        std::optional<json::member_view> condition_block;
        std::optional<json::member_view> principal;
        std::optional<json::element> effect;
        bool principal_seen = false;  // a Principal/NotPrincipal key, accepted or not
        for (const json::member_view m : *s.as_object()) {
            const std::string_view key = m.key;
            const json::element v = m.value;
            if (key == "Action" || key == "NotAction") {
                if (action) {
                    error(policy_errc::conflicting_elements, m.key_offset, path.child(key),
                          "a statement has either Action or NotAction, not both");
                } else {
                    action = m;
                }
            } else if (key == "Resource" || key == "NotResource") {
                if (grammar_.resource == element_need::forbidden) {
                    // IAM's MalformedPolicyDocument: "Has prohibited field Resource".
                    error(policy_errc::resource_not_allowed, m.key_offset, path.child(key),
                          std::string(grammar_.noun) + " cannot have " + std::string(key) +
                              " (the role is the resource: \"Has prohibited field " + std::string(key) + "\")");
                } else if (resource) {
                    error(policy_errc::conflicting_elements, m.key_offset, path.child(key),
                          "a statement has either Resource or NotResource, not both");
                } else {
                    resource = m;
                }
            } else if (key == "Effect") {
                effect = v;
                const auto e = v.as_string();
                if (e && *e == "Allow") {
                    st.effect = policy_effect::allow;
                } else if (e && *e == "Deny") {
                    st.effect = policy_effect::deny;
                } else {
                    error(policy_errc::bad_effect, v.offset(), path.child(key),
                          "Effect must be \"Allow\" or \"Deny\" (case-sensitive)");
                }
            } else if (key == "Sid") {
                const auto sid = v.as_string();
                if (!sid) {
                    error(policy_errc::wrong_type, v.offset(), path.child(key),
                          "Sid must be a string, not " + std::string(json_type_name(v)));
                } else {
                    if (grammar_.alphanumeric_sid && !std::all_of(sid->begin(), sid->end(), [](char c) {
                            return policy_is_alpha(c) || policy_is_digit(c);
                        }))
                        error(policy_errc::bad_sid, v.offset(), path.child(key),
                              "Sid " + policy_quote(*sid) + " may hold only ASCII letters and digits");
                    st.sid = std::string(*sid);
                    sid_offset_ = v.offset();
                }
            } else if (key == "Condition") {
                condition_block = m;
            } else if (key == "Principal" || key == "NotPrincipal") {
                principal_seen = true;
                if (!grammar_.principal || (key == "NotPrincipal" && !grammar_.not_principal)) {
                    error(policy_errc::principal_not_allowed, m.key_offset, path.child(key),
                          std::string(grammar_.noun) + " cannot have " + std::string(key) +
                              (grammar_.identity_based ? " (it belongs in resource-based policies)" : ""));
                } else if (principal) {
                    error(policy_errc::conflicting_elements, m.key_offset, path.child(key),
                          "a statement has either Principal or NotPrincipal, not both");
                } else {
                    principal = m;
                }
            } else {
                error(policy_errc::unknown_element, m.key_offset, path.child(key),
                      "unknown statement element " + policy_quote(key) + " (allowed: Sid, Effect, " +
                          (grammar_.principal ? "Principal, " : "") + (grammar_.not_principal ? "NotPrincipal, " : "") +
                          "Action, " + (grammar_.not_action ? "NotAction, " : "") +
                          (grammar_.resource != element_need::forbidden ? "Resource, NotResource, " : "") +
                          "Condition)");
            }
        }
        const bool has_effect = effect.has_value();
        if (!has_effect) error(policy_errc::missing_element, s.offset(), path, "the statement has no Effect");
        if (!action) {
            error(policy_errc::missing_element, s.offset(), path, "the statement has neither Action nor NotAction");
        } else {
            st.action.negated = action->key == "NotAction";
            check_list(action->value, path.child(action->key), true, st.action);
        }
        if (!resource) {
            if (grammar_.resource == element_need::required)
                error(policy_errc::missing_element, s.offset(), path,
                      "the statement has neither Resource nor NotResource");
        } else {
            st.resource.negated = resource->key == "NotResource";
            check_list(resource->value, path.child(resource->key), false, st.resource);
        }
        if (principal) {
            st.principal =
                check_principal(principal->value, path.child(principal->key), principal->key == "NotPrincipal");
        } else if (grammar_.principal && !principal_seen) {
            error(policy_errc::principal_required, s.offset(), path,
                  "the statement has neither Principal nor NotPrincipal: " + std::string(grammar_.noun) +
                      " name who they apply to");
        }
        check_kind_rules(st, path, principal, action, effect);
        if (condition_block) check_conditions(condition_block->value, path.child(condition_block->key), st);
        if (action && st.action.negated && has_effect && st.effect == policy_effect::allow && resource &&
            !st.resource.negated &&
            std::find(st.resource.values.begin(), st.resource.values.end(), "*") != st.resource.values.end()) {
            warning(policy_errc::broad_not_action, action->key_offset, path.child(action->key),
                    "Allow with NotAction and Resource \"*\" grants every other action on everything");
        }
        return st;
    }

    // Action/NotAction/Resource/NotResource: a string or a non-empty array of strings.
    void check_list(json::element v, const path_node& path, bool is_action, string_block& out) {
        if (v.is_string()) {
            out.array_form = false;
            out.values.reserve(1, v.as_string()->size());
            check_item(v, path, is_action, out);
            return;
        }
        const auto items = v.as_array();
        const std::string_view what = is_action ? "an action" : "a resource";
        if (!items) {
            error(policy_errc::wrong_type, v.offset(), path,
                  "expected a string or an array of strings, not " + std::string(json_type_name(v)));
            return;
        }
        out.array_form = true;
        if (items->empty())
            error(policy_errc::empty_list, v.offset(), path, "the list is empty: give at least " + std::string(what));
        out.values.reserve(items->size(), string_chars(*items));
        std::size_t i = 0;
        for (const json::element item : *items) {
            if (!item.is_string()) {
                error(policy_errc::wrong_type, item.offset(), path.child(i),
                      std::string(what) + " must be a string, not " + std::string(json_type_name(item)));
            } else {
                check_item(item, path.child(i), is_action, out);
            }
            ++i;
        }
    }

    void check_item(json::element item, const path_node& path, bool is_action, string_block& out) {
        const std::string_view s = *item.as_string();
        if (is_action) {
            if (!is_valid_action_pattern(s)) {
                error(policy_errc::bad_action, item.offset(), path,
                      "action " + policy_quote(s) +
                          " must be `*` or `service:Action` (letters, digits and `-` in "
                          "the service; letters, digits and `*?_-` in the action)");
            } else {
                if (kind_ == policy_kind::trust && !is_trust_action(s))
                    error(policy_errc::action_not_allowed_in_kind, item.offset(), path,
                          "action " + policy_quote(s) +
                              " is not one a trust policy takes (sts:AssumeRole, sts:AssumeRoleWithSAML, "
                              "sts:AssumeRoleWithWebIdentity, sts:TagSession, sts:SetSourceIdentity, sts:SetContext)");
                if (s != "*") check_catalog(s, item.offset(), path);
            }
        } else if (s != "*" && !(kind_ == policy_kind::resource && s.starts_with(api_gateway_own_api))) {
            // One pass over the pattern gives both its shape and its segments.
            const arn_shape shape = arn_pattern_shape(s);
            const std::string_view problem =
                shape.valid ? resource_pattern_problem(s, shape)
                            : "must be `*` or an ARN `arn:partition:service:region:account:resource`";
            if (!problem.empty())
                error(policy_errc::bad_resource, item.offset(), path,
                      "resource " + policy_quote(s) + " " + std::string(problem));
        }
        out.values.push_back(s);
    }

    // The rules of RCPs, trust policies and NotPrincipal that concern a statement as a whole.
    void check_kind_rules(const statement& st, const path_node& path, const std::optional<json::member_view>& principal,
                          const std::optional<json::member_view>& action, std::optional<json::element> effect) {
        const bool allow = effect && effect->as_string() == "Allow";
        if (principal && st.principal->negated && allow)
            error(policy_errc::bad_principal, principal->key_offset, path.child(principal->key),
                  "NotPrincipal must be used with \"Effect\":\"Deny\"");
        if (action && st.action.negated && !grammar_.not_action)
            error(policy_errc::action_not_allowed_in_kind, action->key_offset, path.child(action->key),
                  std::string(grammar_.noun) + " cannot have NotAction");
        if (kind_ != policy_kind::rcp) return;
        if (principal && !st.principal->negated && !st.principal->everyone)
            error(policy_errc::bad_principal, principal->value.offset(), path.child(principal->key),
                  "RCPs take only \"Principal\": \"*\" (restrict principals with conditions)");
        // Allow exists only for RCPFullAWSAccess: everyone, every action, every resource.
        const auto everything = [](const string_block& b) {
            return !b.negated && b.values.size() == 1 && b.values.front() == "*";
        };
        if (allow && !(st.principal && st.principal->everyone && everything(st.action) && everything(st.resource) &&
                       st.conditions.empty()))
            error(policy_errc::effect_not_allowed_in_kind, effect->offset(), path.child("Effect"),
                  "RCPs allow only as RCPFullAWSAccess does (Principal, Action and Resource \"*\", no "
                  "Condition); write Deny statements");
    }

    // Principal/NotPrincipal: "*", or an object of principal types (AWS, Service,
    // Federated, CanonicalUser), each a string or a non-empty array of strings.
    principal_block check_principal(json::element v, const path_node& path, bool negated) {
        principal_block out;
        out.negated = negated;
        if (const auto s = v.as_string()) {
            if (*s == "*") {
                out.everyone = true;
            } else {
                error(policy_errc::bad_principal, v.offset(), path,
                      "a principal given as a string must be \"*\"; name principals in an object such as "
                      "{\"AWS\": \"arn:aws:iam::123456789012:root\"}, not " +
                          policy_quote(*s));
            }
            return out;
        }
        const auto members = v.as_object();
        if (!members) {
            error(policy_errc::wrong_type, v.offset(), path,
                  "a principal must be \"*\" or an object, not " + std::string(json_type_name(v)));
            return out;
        }
        if (members->empty())
            error(policy_errc::empty_list, v.offset(), path, "the principal object names no principal");
        out.entries.reserve(members->size());
        for (const json::member_view m : *members) {
            const path_node entry_path = path.child(m.key);
            const std::optional<principal_type> type = parse_principal_type(m.key);
            if (!type) {
                error(policy_errc::bad_principal, m.key_offset, entry_path,
                      "unknown principal type " + policy_quote(m.key) +
                          " (allowed: AWS, Service, Federated, CanonicalUser)");
                continue;
            }
            principal_entry entry;
            entry.type = *type;
            if (m.value.is_string()) {
                check_principal_value(m.value, entry_path, entry);
            } else if (const auto items = m.value.as_array()) {
                entry.array_form = true;
                if (items->empty())
                    error(policy_errc::empty_list, m.value.offset(), entry_path,
                          "the list is empty: give at least one principal");
                entry.values.reserve(items->size(), string_chars(*items));
                std::size_t i = 0;
                for (const json::element item : *items) {
                    if (item.is_string()) {
                        check_principal_value(item, entry_path.child(i), entry);
                    } else {
                        error(policy_errc::wrong_type, item.offset(), entry_path.child(i),
                              "a principal must be a string, not " + std::string(json_type_name(item)));
                    }
                    ++i;
                }
            } else {
                error(policy_errc::wrong_type, m.value.offset(), entry_path,
                      "expected a string or an array of strings, not " + std::string(json_type_name(m.value)));
            }
            out.entries.push_back(std::move(entry));
        }
        return out;
    }

    void check_principal_value(json::element item, const path_node& path, principal_entry& entry) {
        const std::string_view s = *item.as_string();
        const std::string_view problem = principal_value_problem(entry.type, s);
        if (!problem.empty())
            error(policy_errc::bad_principal, item.offset(), path,
                  "principal " + policy_quote(s) + " " + std::string(problem));
        entry.values.push_back(s);
    }

    void check_catalog(std::string_view action, std::size_t offset, const path_node& path) {
        const action_catalog* catalog = options_.catalog;
        if (catalog == nullptr) return;
        const std::string_view service = action.substr(0, action.find(':'));
        if (!catalog->has_service(service)) {
            warning(policy_errc::unknown_service, offset, path,
                    "service prefix " + policy_quote(service) + " is not in the action catalog");
        } else if (action.find_first_of("*?") == std::string_view::npos && !catalog->contains(action)) {
            warning(policy_errc::unknown_action, offset, path,
                    "action " + policy_quote(action) + " is not in the action catalog");
        }
    }

    void check_conditions(json::element block, const path_node& path, statement& st) {
        const auto ops = block.as_object();
        if (!ops) {
            error(policy_errc::wrong_type, block.offset(), path,
                  "Condition must be an object of operators, not " + std::string(json_type_name(block)));
            return;
        }
        for (const json::member_view om : *ops) {
            const path_node op_path = path.child(om.key);
            const std::optional<operator_spec> spec = parse_operator(om.key);
            if (!spec) {
                error(policy_errc::unknown_operator, om.key_offset, op_path,
                      "unknown condition operator " + policy_quote(om.key));
                continue;
            }
            if (spec->if_exists && !info_of(spec->op).takes_if_exists) {
                error(policy_errc::if_exists_on_null, om.key_offset, op_path, "Null cannot take the IfExists suffix");
                continue;
            }
            const auto keys = om.value.as_object();
            if (!keys) {
                error(policy_errc::wrong_type, om.value.offset(), op_path,
                      "a condition operator takes an object of keys, not " + std::string(json_type_name(om.value)));
                continue;
            }
            if (keys->empty())
                error(policy_errc::empty_list, om.value.offset(), op_path, "the operator has no condition keys");
            check_duplicate_keys(*keys, op_path);
            const value_family family = info_of(spec->op).family;
            for (const json::member_view km : *keys) {
                const path_node key_path = op_path.child(km.key);
                if (!is_valid_condition_key(km.key)) {
                    error(policy_errc::bad_condition_key, km.key_offset, key_path,
                          "condition key " + policy_quote(km.key) + " must look like `prefix:name`");
                }
                condition c;
                c.key = std::string(km.key);
                c.op = spec->op;
                c.qualifier = spec->qualifier;
                c.if_exists = spec->if_exists;
                if (const auto vals = km.value.as_array()) {
                    c.array_form = true;
                    if (vals->empty())
                        error(policy_errc::empty_list, km.value.offset(), key_path, "the condition key has no values");
                    c.values.reserve(vals->size(), string_chars(*vals));
                    std::size_t i = 0;
                    for (const json::element item : *vals) check_value(item, family, key_path.child(i++), c);
                } else {
                    check_value(km.value, family, key_path, c);
                }
                st.conditions.push_back(std::move(c));
            }
        }
    }

    // Keys are case-insensitive, so `aws:username` and `AWS:UserName` under one
    // operator are ambiguous: an error at the later one.
    void check_duplicate_keys(const json::object_view& keys, const path_node& op_path) {
        if (keys.size() < 2) return;
        const auto report = [&](const json::member_view& m) {
            error(policy_errc::duplicate_condition_key, m.key_offset, op_path.child(m.key),
                  "condition key " + policy_quote(m.key) + " repeats an earlier key (keys ignore case)");
        };
        if (keys.size() <= 16) {
            for (auto i = keys.begin(); i != keys.end(); ++i) {
                for (auto j = keys.begin(); j != i; ++j) {
                    if (iequals((*i).key, (*j).key)) {
                        report(*i);
                        break;
                    }
                }
            }
            return;
        }
        std::vector<json::member_view> sorted(keys.begin(), keys.end());
        std::stable_sort(sorted.begin(), sorted.end(), [](const json::member_view& a, const json::member_view& b) {
            return icompare(a.key, b.key) < 0;
        });
        for (std::size_t i = 1; i < sorted.size(); ++i) {
            if (iequals(sorted[i].key, sorted[i - 1].key)) report(sorted[i]);
        }
    }

    // The characters of an array's strings, so a list can be sized once.
    static std::size_t string_chars(const json::array_view& items) noexcept {
        std::size_t chars = 0;
        for (const json::element item : items) {
            if (const auto s = item.as_string()) chars += s->size();
        }
        return chars;
    }

    void check_value(json::element v, value_family family, const path_node& path, condition& c) {
        // The operator as written (`NotIpAddressIfExists`), so the message matches the policy.
        const auto bad = [&](std::string_view shown, std::string_view why = {}) {
            error(policy_errc::bad_condition_value, v.offset(), path,
                  operator_text(c.spec()) + " expects " + std::string(family_expectation(family)) + ", not " +
                      std::string(shown) + std::string(why));
        };
        if (const auto s = v.as_string()) {
            // Where policy variables are allowed a value holding one is resolved at request
            // time, so its type is not checked; elsewhere `${...}` is text of the wrong type.
            const bool variable = has_variable(*s);
            if (!(variable && accepts_policy_variables(c.op)) && !value_reads(family, *s))
                bad(policy_quote(*s),
                    variable && !accepts_policy_variables(c.op) ? " (this operator takes no policy variables)" : "");
            c.values.push_back(*s);
        } else if (v.is_number()) {
            // A number stands for its text (so rewriting it as a string keeps its meaning).
            const std::string_view text = v.number_text();
            if (!takes_json_number(family) || !value_reads(family, text))
                bad("the number " + std::string(text.substr(0, 40)));
            c.values.push_back(text);
        } else if (const std::optional<bool> b = v.as_boolean()) {
            if (!takes_json_boolean(family)) bad(*b ? "true" : "false");
            c.values.push_back(*b ? "true" : "false");
        } else {
            bad(json_type_name(v));
        }
    }

    // Sids must be unique (UG reference_policies_elements_sid). An empty Sid names
    // nothing, so it is not compared. Sorting keeps hostile inputs out of O(n^2).
    void check_duplicate_sids(const policy& p) {
        if (sids_.size() < 2) return;
        const auto sid_of = [&](const sid_entry& e) -> std::string_view { return *p.statements[e.statement].sid; };
        std::stable_sort(sids_.begin(), sids_.end(),
                         [&](const sid_entry& a, const sid_entry& b) { return sid_of(a) < sid_of(b); });
        const path_node top;
        const path_node statements = top.child("Statement");
        for (std::size_t i = 1; i < sids_.size(); ++i) {
            if (sid_of(sids_[i]) != sid_of(sids_[i - 1])) continue;
            const path_node stmt = sids_[i].index ? statements.child(*sids_[i].index) : statements;
            error(policy_errc::duplicate_sid, sids_[i].offset, stmt.child("Sid"),
                  "Sid " + policy_quote(sid_of(sids_[i])) + " is used by an earlier statement; Sids must be unique");
        }
    }

    // A non-empty Sid: its statement in the model, where its value starts, and the
    // statement's index in the Statement array (none if Statement is one object).
    struct sid_entry {
        std::size_t statement;
        std::size_t offset;
        std::optional<std::size_t> index;
    };

    policy_kind kind_;
    kind_grammar grammar_;
    const policy_options& options_;
    std::vector<policy_error> errors_;
    std::vector<policy_error> warnings_;
    std::optional<policy_error> overflow_;
    std::vector<sid_entry> sids_;
    std::size_t sid_offset_ = 0;  // offset of the last statement's Sid value
};

}  // namespace detail

/// Checks a parsed JSON document against the grammar of `kind` (see `parse_policy`);
/// strings are copied into the model.
inline result<parsed_policy, policy_errors> validate_policy(const json::value& document,
                                                            policy_kind kind = policy_kind::identity,
                                                            const policy_options& options = {}) {
    const json::document view(document);
    return detail::policy_checker(kind, options).run(view.root());
}

/// Parses and checks a policy document against the grammar of `kind` (identity-based by
/// default; `policy_kind` says what each kind adds or forbids). Every error is reported
/// with its JSON pointer and byte offset (a JSON syntax error is one error, path "");
/// warnings never fail. Never throws on any input (allocation failure aside). The size
/// limit of `kind` is `check_policy_size`'s, since it concerns the submitted text.
///
/// **Example**:
///     auto r =
///     iam::parse_policy(R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}})");
///     if (r) assert(r->statements[0].action.values[0] == "s3:*");
inline result<parsed_policy, policy_errors> parse_policy(std::string_view text,
                                                         policy_kind kind = policy_kind::identity,
                                                         const policy_options& options = {}) {
    // The flat document views `text`, so only the model's own strings are allocated.
    const auto doc = json::parse_document(text);
    if (!doc) {
        const json::parse_error& e = doc.error();
        std::string message = "invalid JSON: " + std::string(e.message());
        // A repeated key is valid JSON that the policy grammar forbids: name it and say where.
        std::string path;
        if (e.code == json::json_errc::duplicate_key) {
            message += " " + detail::policy_quote(detail::json_key_at(text, e.offset)) + " (keys must be unique)";
            path = detail::pointer_to_key(text, e.offset);
        }
        return policy_errors{{policy_error{std::move(path), e.offset, std::move(message), policy_errc::json_syntax}},
                             {}};
    }
    return detail::policy_checker(kind, options).run(doc->root());
}

//=== canonical writer ===//

namespace detail {

inline void write_string_list(std::string& out, const string_list& values, bool array_form) {
    if (!array_form && values.size() == 1) {
        iam::detail::append_json_string(out, values.front());
        return;
    }
    out.push_back('[');
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i > 0) out.push_back(',');
        iam::detail::append_json_string(out, values[i]);
    }
    out.push_back(']');
}

inline void write_principal(std::string& out, const principal_block& p) {
    if (p.everyone) {
        out += "\"*\"";
        return;
    }
    out.push_back('{');
    for (std::size_t i = 0; i < p.entries.size(); ++i) {
        if (i > 0) out.push_back(',');
        iam::detail::append_json_string(out, to_string(p.entries[i].type));
        out.push_back(':');
        write_string_list(out, p.entries[i].values, p.entries[i].array_form);
    }
    out.push_back('}');
}

}  // namespace detail

/// Writes `p` as compact JSON in a fixed element order (Version, Id, Statement;
/// Sid, Effect, Principal, NotPrincipal, Action, Resource, Condition). Statement is
/// always an array; conditions are grouped by operator in first-appearance order;
/// condition values are written as strings (`true` becomes `"true"`, same meaning).
/// `parse_policy(write_policy(p))` equals `p` for every parsed `p`.
inline std::string write_policy(const policy& p) {
    std::string out;
    out.reserve(64 + p.statements.size() * 128);
    out.push_back('{');
    bool first = true;
    const auto key = [&](std::string_view k) {
        if (!first) out.push_back(',');
        first = false;
        out.push_back('"');
        out.append(k);
        out += "\":";
    };
    if (p.version == policy_version::v2012_10_17) {
        key("Version");
        out += "\"2012-10-17\"";
    } else if (p.version == policy_version::v2008_10_17) {
        key("Version");
        out += "\"2008-10-17\"";
    }
    if (p.id) {
        key("Id");
        iam::detail::append_json_string(out, *p.id);
    }
    key("Statement");
    out.push_back('[');
    std::vector<operator_spec> specs;
    for (std::size_t si = 0; si < p.statements.size(); ++si) {
        const statement& s = p.statements[si];
        if (si > 0) out.push_back(',');
        out.push_back('{');
        first = true;
        if (s.sid) {
            key("Sid");
            iam::detail::append_json_string(out, *s.sid);
        }
        key("Effect");
        out += s.effect == policy_effect::allow ? "\"Allow\"" : "\"Deny\"";
        if (s.principal) {
            key(s.principal->negated ? "NotPrincipal" : "Principal");
            detail::write_principal(out, *s.principal);
        }
        key(s.action.negated ? "NotAction" : "Action");
        detail::write_string_list(out, s.action.values, s.action.array_form);
        if (!s.resource.values.empty()) {  // trust policies have none
            key(s.resource.negated ? "NotResource" : "Resource");
            detail::write_string_list(out, s.resource.values, s.resource.array_form);
        }
        if (!s.conditions.empty()) {
            key("Condition");
            out.push_back('{');
            // Distinct operators in first-appearance order (at most 162 of them), so
            // each operator is one JSON key even if the model interleaves them.
            specs.clear();
            for (const condition& c : s.conditions) {
                if (std::find(specs.begin(), specs.end(), c.spec()) == specs.end()) specs.push_back(c.spec());
            }
            for (std::size_t oi = 0; oi < specs.size(); ++oi) {
                if (oi > 0) out.push_back(',');
                iam::detail::append_json_string(out, operator_text(specs[oi]));
                out += ":{";
                bool first_key = true;
                for (const condition& c : s.conditions) {
                    if (!(c.spec() == specs[oi])) continue;
                    if (!first_key) out.push_back(',');
                    first_key = false;
                    iam::detail::append_json_string(out, c.key);
                    out.push_back(':');
                    detail::write_string_list(out, c.values, c.array_form);
                }
                out.push_back('}');
            }
            out.push_back('}');
        }
        out.push_back('}');
    }
    out += "]}";
    return out;
}

}  // namespace iam

#endif  // IAM_POLICY_HPP_INCLUDED
