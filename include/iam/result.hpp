// SPDX-License-Identifier: MIT
// iamcpp: a value-or-error type for every fallible operation on untrusted input.
#ifndef IAM_RESULT_HPP_INCLUDED
#define IAM_RESULT_HPP_INCLUDED

#include <utility>

namespace iam {

/// Either a value or an error, never an exception. `T` and `E` must be
/// default-constructible; both are stored so the type stays usable in constant
/// expressions on clang 14 (no `std::expected` there).
///
/// **Example**:
///     auto r = iam::user_name::parse(text);
///     if (!r) std::puts(r.error().message().data());
template <typename T, typename E>
class [[nodiscard]] result {
public:
    constexpr result(T value) noexcept(
        noexcept(T(std::move(value))))  // NOLINT(google-explicit-constructor): success converts implicitly
        : value_(std::move(value)), ok_(true) {}
    constexpr result(E error) noexcept(
        noexcept(E(std::move(error))))  // NOLINT(google-explicit-constructor): failure converts implicitly
        : error_(std::move(error)), ok_(false) {}

    constexpr explicit operator bool() const noexcept { return ok_; }
    constexpr bool has_value() const noexcept { return ok_; }

    /// The value; only meaningful when `has_value()`.
    constexpr const T& value() const& noexcept { return value_; }
    constexpr T& value() & noexcept { return value_; }
    constexpr T&& value() && noexcept { return std::move(value_); }
    constexpr const T& operator*() const& noexcept { return value_; }
    constexpr const T* operator->() const noexcept { return &value_; }

    /// The error; only meaningful when `!has_value()`.
    constexpr const E& error() const noexcept { return error_; }

private:
    T value_{};
    E error_{};
    bool ok_ = false;
};

}  // namespace iam

#endif  // IAM_RESULT_HPP_INCLUDED
