// SPDX-License-Identifier: MIT
// iamcpp: why an account operation changed nothing, in AWS's own error vocabulary.
#ifndef IAM_ACCOUNT_ERROR_HPP_INCLUDED
#define IAM_ACCOUNT_ERROR_HPP_INCLUDED

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include "result.hpp"

namespace iam {

//=== errors ===//

/// What an account operation refused, after AWS's own error codes (`aws_error_code`).
enum class account_errc : std::uint8_t {
    invalid_name,       ///< a name, path, tag or id breaks its rule
    invalid_arn,        ///< not a managed policy ARN this account can use
    invalid_policy,     ///< a policy document breaks the grammar or the character set
    invalid_password,   ///< a password breaks the account's password policy
    invalid_setting,    ///< a password policy or quota setting outside AWS's range
    invalid_input,      ///< anything else malformed, e.g. no random source for credentials
    no_such_entity,     ///< the user, group, policy, key or device does not exist
    already_exists,     ///< the name (ignoring case) or credential is taken, also within one request
    limit_exceeded,     ///< a quota would be exceeded
    delete_conflict,    ///< the entity still has attachments, credentials or members
    unresolved_policy,  ///< a managed policy's document is unknown (building a policy set)
};

/// The error code AWS answers with in the same situation, e.g. `"EntityAlreadyExists"`.
constexpr std::string_view aws_error_code(account_errc code) noexcept {
    switch (code) {
        case account_errc::invalid_name:
        case account_errc::invalid_arn:
        case account_errc::invalid_setting:
        case account_errc::invalid_input: return "InvalidInput";
        case account_errc::invalid_policy: return "MalformedPolicyDocument";
        case account_errc::invalid_password: return "PasswordPolicyViolation";
        case account_errc::no_such_entity:
        case account_errc::unresolved_policy: return "NoSuchEntity";
        case account_errc::already_exists: return "EntityAlreadyExists";
        case account_errc::limit_exceeded: return "LimitExceeded";
        case account_errc::delete_conflict: return "DeleteConflict";
    }
    return "InvalidInput";
}

/// The stable text id of `code`, e.g. "already-exists".
constexpr std::string_view to_string(account_errc code) noexcept {
    switch (code) {
        case account_errc::invalid_name: return "invalid-name";
        case account_errc::invalid_arn: return "invalid-arn";
        case account_errc::invalid_policy: return "invalid-policy";
        case account_errc::invalid_password: return "invalid-password";
        case account_errc::invalid_setting: return "invalid-setting";
        case account_errc::invalid_input: return "invalid-input";
        case account_errc::no_such_entity: return "no-such-entity";
        case account_errc::already_exists: return "already-exists";
        case account_errc::limit_exceeded: return "limit-exceeded";
        case account_errc::delete_conflict: return "delete-conflict";
        case account_errc::unresolved_policy: return "unresolved-policy";
    }
    return "unknown";
}

/// Why an operation changed nothing: the rule, the entity (`user/alice`, `group/Admins`,
/// a policy ARN; empty for account settings), the input field (`groups[1]`, `password`,
/// a quota's name) and the specific English sentence (`detail`).
struct account_error {
    account_errc code = account_errc::invalid_input;
    std::string entity{};
    std::string field{};
    std::string detail{};
    friend bool operator==(const account_error&, const account_error&) = default;

    /// `detail`, or when it is empty a fixed sentence for the code.
    std::string_view message() const noexcept {
        if (!detail.empty()) return detail;
        switch (code) {
            case account_errc::invalid_name: return "a name, path, tag or id breaks its rule";
            case account_errc::invalid_arn: return "not a managed policy ARN this account can use";
            case account_errc::invalid_policy: return "a policy document breaks the grammar or the character set";
            case account_errc::invalid_password: return "the password breaks the account's password policy";
            case account_errc::invalid_setting: return "a setting is outside AWS's range";
            case account_errc::invalid_input: return "the input is malformed";
            case account_errc::no_such_entity: return "the entity does not exist";
            case account_errc::already_exists: return "the name or credential is taken";
            case account_errc::limit_exceeded: return "a quota would be exceeded";
            case account_errc::delete_conflict: return "the entity still holds attachments, credentials or members";
            case account_errc::unresolved_policy: return "a managed policy's document is unknown";
        }
        return "unknown error";
    }
    /// The code's stable id, `to_string(code)`.
    std::string_view id() const noexcept { return to_string(code); }
};

/// The value of a successful operation, or why nothing changed.
template <typename T>
using account_result = result<T, account_error>;

/// The outcome of an operation that returns nothing on success.
using account_status = account_result<std::monostate>;

}  // namespace iam

#endif  // IAM_ACCOUNT_ERROR_HPP_INCLUDED
