// SPDX-License-Identifier: MIT
// iamcpp: credentials — the account password policy and its check, generated
// passwords, access key ids — and the random source they are drawn from.
#ifndef IAM_CREDENTIALS_HPP_INCLUDED
#define IAM_CREDENTIALS_HPP_INCLUDED

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "account_error.hpp"
#include "detail/utf8.hpp"
#include "names.hpp"

namespace iam {

//=== password policy ===//

/// The account password policy as GetAccountPasswordPolicy returns it (API reference,
/// PasswordPolicy; defaults as UpdateAccountPasswordPolicy applies them when omitted).
/// An account without one gets AWS's default rules instead (see `check_password`).
struct password_policy {
    std::uint32_t minimum_length = 6;             ///< 6–128
    bool require_symbols = false;                 ///< one of ``! @ # $ % ^ & * ( ) _ + - = [ ] { } | '``
    bool require_numbers = false;                 ///< one of 0–9
    bool require_uppercase = false;               ///< one of A–Z
    bool require_lowercase = false;               ///< one of a–z
    bool allow_users_to_change_password = false;  ///< account-wide; attaches no policy to anyone
    std::uint32_t max_age_days = 0;               ///< 0: never expires; else 1–1095
    std::uint32_t reuse_prevention = 0;           ///< 0: reuse allowed; else 1–24
    bool hard_expiry = false;                     ///< an expired password needs an administrator

    friend bool operator==(const password_policy&, const password_policy&) = default;
};

/// A source of uniform 64-bit random values, injected so that tests are deterministic.
/// Credentials are only as good as it is: in production give it a cryptographically
/// secure generator (e.g. `std::random_device` on Linux, which reads the kernel's).
using random_source = std::function<std::uint64_t()>;

namespace detail {

// The symbols RequireSymbols counts (API reference, UpdateAccountPasswordPolicy).
inline constexpr std::string_view password_symbols = "!@#$%^&*()_+-=[]{}|'";
inline constexpr std::string_view uppercase_letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
inline constexpr std::string_view lowercase_letters = "abcdefghijklmnopqrstuvwxyz";
inline constexpr std::string_view decimal_digits = "0123456789";
// The alphabet of AWS's access key ids (AKIAIOSFODNN7EXAMPLE): RFC 4648 base32.
inline constexpr std::string_view base32_alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
// The alphabet of AWS's secret keys (wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY): base64.
inline constexpr std::string_view base64_alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

// AWS's default policy when the account has none (UG id_credentials_passwords_account-policy,
// "Default password policy"): 8 to 128 characters, three of the four kinds.
inline constexpr std::uint32_t default_minimum_password_length = 8;
inline constexpr std::size_t max_password_length = 128;  // `passwordType`
inline constexpr std::size_t generated_password_length = 20;

// A uniform value below `n` (> 0). Rejection keeps it unbiased; a source that keeps
// giving the rejected top values is broken, and after 64 draws it gets the modulo.
inline std::size_t random_below(const random_source& random, std::size_t n) {
    constexpr std::uint64_t max = std::numeric_limits<std::uint64_t>::max();
    const std::uint64_t range = n;
    const std::uint64_t bound = max - max % range;  // a multiple of n
    std::uint64_t x = random();
    for (int draws = 0; x >= bound && draws < 64; ++draws) x = random();
    return static_cast<std::size_t>(x % range);
}

inline std::string random_text(const random_source& random, std::string_view alphabet, std::size_t length) {
    std::string out;
    out.reserve(length);
    for (std::size_t i = 0; i < length; ++i) out.push_back(alphabet[random_below(random, alphabet.size())]);
    return out;
}

inline std::string hex_code_point(char32_t cp) {
    constexpr std::string_view hex = "0123456789ABCDEF";
    std::string out = "U+";
    for (int shift = cp > 0xFFFF ? 20 : 12; shift >= 0; shift -= 4) out.push_back(hex[(cp >> shift) & 0xF]);
    return out;
}

}  // namespace detail

/// Checks `password` as AWS does for a console password: `passwordType` (1–128
/// characters of tab, LF, CR and U+0020–U+00FF, as UTF-8), then `policy`, or, when the
/// account has none, AWS's default policy (8–128 characters, three of uppercase,
/// lowercase, digits and symbols). AWS's default rule that the password differ from the
/// account name and email is not checked: the account does not know them.
inline account_status check_password(std::string_view password, const std::optional<password_policy>& policy) {
    const auto fail = [](std::string message) {
        return account_error{account_errc::invalid_password, "", "password", std::move(message)};
    };
    std::size_t characters = 0;
    bool upper = false, lower = false, digit = false, symbol = false;
    for (std::size_t i = 0; i < password.size();) {
        const detail::utf8_decoded d = detail::decode_utf8(password, i);
        if (d.length == 0) return fail("the password is not valid UTF-8 at byte " + std::to_string(i));
        const char32_t cp = d.code_point;
        if (!(cp == 0x09 || cp == 0x0A || cp == 0x0D || (cp >= 0x20 && cp <= 0xFF)))
            return fail("character " + detail::hex_code_point(cp) + " at byte " + std::to_string(i) +
                        " is not allowed in a password: use tab, LF, CR and U+0020 to U+00FF");
        upper = upper || (cp >= 'A' && cp <= 'Z');
        lower = lower || (cp >= 'a' && cp <= 'z');
        digit = digit || (cp >= '0' && cp <= '9');
        symbol =
            symbol || (cp < 0x80 && detail::password_symbols.find(static_cast<char>(cp)) != std::string_view::npos);
        i += d.length;
        ++characters;
    }
    const std::size_t minimum = policy ? policy->minimum_length : detail::default_minimum_password_length;
    if (characters < minimum || characters > detail::max_password_length)
        return fail("the password has " + std::to_string(characters) + " characters; it needs " +
                    std::to_string(minimum) + " to " + std::to_string(detail::max_password_length));
    if (!policy) {
        if (int{upper} + int{lower} + int{digit} + int{symbol} < 3)
            return fail(
                "without an account password policy AWS requires three of: uppercase letters, lowercase "
                "letters, digits and symbols");
        return std::monostate{};
    }
    if (policy->require_uppercase && !upper) return fail("the password policy requires an uppercase letter (A-Z)");
    if (policy->require_lowercase && !lower) return fail("the password policy requires a lowercase letter (a-z)");
    if (policy->require_numbers && !digit) return fail("the password policy requires a digit (0-9)");
    if (policy->require_symbols && !symbol)
        return fail("the password policy requires one of the symbols " + std::string(detail::password_symbols));
    return std::monostate{};
}

/// A console password that `policy` (or AWS's default policy) accepts: 20 characters,
/// or the policy's minimum if longer, with one of each kind the policy requires (all
/// four without a policy) at random places and the rest from all four kinds.
inline std::string generate_password(const std::optional<password_policy>& policy, const random_source& random) {
    const std::size_t length = std::max<std::size_t>(
        detail::generated_password_length, policy ? policy->minimum_length : detail::default_minimum_password_length);
    std::string password;
    password.reserve(length);
    const auto pick = [&](std::string_view alphabet) {
        password.push_back(alphabet[detail::random_below(random, alphabet.size())]);
    };
    if (!policy || policy->require_uppercase) pick(detail::uppercase_letters);
    if (!policy || policy->require_lowercase) pick(detail::lowercase_letters);
    if (!policy || policy->require_numbers) pick(detail::decimal_digits);
    if (!policy || policy->require_symbols) pick(detail::password_symbols);
    const std::string all = std::string(detail::uppercase_letters) + std::string(detail::lowercase_letters) +
                            std::string(detail::decimal_digits) + std::string(detail::password_symbols);
    while (password.size() < length) pick(all);
    for (std::size_t i = password.size() - 1; i > 0; --i)
        std::swap(password[i], password[detail::random_below(random, i + 1)]);
    return password;
}

/// True for a long-term access key id as AWS issues them: `AKIA` and 16 characters of
/// base32 (A–Z, 2–7), 20 in all (UG reference_identifiers, "unique ID prefixes").
constexpr bool is_long_term_access_key_id(std::string_view id) noexcept {
    if (id.size() != 20 || id.substr(0, 4) != "AKIA") return false;
    for (const char c : id.substr(4))
        if (detail::base32_alphabet.find(c) == std::string_view::npos) return false;
    return is_valid_access_key_id(id);
}

}  // namespace iam

#endif  // IAM_CREDENTIALS_HPP_INCLUDED
