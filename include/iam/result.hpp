// SPDX-License-Identifier: MIT
// iamcpp: a value-or-error type for every fallible operation on untrusted input.
#ifndef IAM_RESULT_HPP_INCLUDED
#define IAM_RESULT_HPP_INCLUDED

#include <cassert>
#include <optional>
#include <utility>

namespace iam {

/// Either a value or an error, never an exception. The value exists only on success
/// (`T` need not be default-constructible); asking for the value of a failure, or the
/// error of a success, is a bug that `assert` catches in debug builds. `E` must be
/// default-constructible: it is kept beside the value so that the type stays usable
/// in constant expressions on clang 14 (no `std::expected` there).
///
/// Every error type `E` of the library speaks one vocabulary: `code` (an enum
/// `*_errc`), `message()` (an English sentence) and `id()` (a stable text id,
/// `to_string(code)`).
///
/// **Example**:
///     auto r = iam::user_name::parse(text);
///     if (!r) std::puts(r.error().message().data());
template <typename T, typename E>
class [[nodiscard]] result {
public:
    // Implicit on purpose: `return value;` and `return error;` both make a result.
    constexpr result(T value) noexcept(noexcept(T(std::move(value)))) : value_(std::move(value)) {}
    constexpr result(E error) noexcept(noexcept(E(std::move(error)))) : error_(std::move(error)) {}

    constexpr explicit operator bool() const noexcept { return value_.has_value(); }
    constexpr bool has_value() const noexcept { return value_.has_value(); }

    /// The value; only after success.
    constexpr const T& value() const& noexcept { return (assert(has_value()), *value_); }
    constexpr T& value() & noexcept { return (assert(has_value()), *value_); }
    constexpr T&& value() && noexcept { return (assert(has_value()), std::move(*value_)); }
    constexpr const T& operator*() const& noexcept { return value(); }
    constexpr const T* operator->() const noexcept { return &value(); }

    /// The error; only after failure.
    constexpr const E& error() const noexcept { return (assert(!has_value()), error_); }

private:
    std::optional<T> value_{};
    E error_{};
};

}  // namespace iam

#endif  // IAM_RESULT_HPP_INCLUDED
