// SPDX-License-Identifier: MIT
// iamcpp — a list of strings packed into one allocation.
#ifndef IAM_STRING_LIST_HPP_INCLUDED
#define IAM_STRING_LIST_HPP_INCLUDED

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <initializer_list>
#include <iterator>
#include <memory>
#include <stdexcept>
#include <string_view>
#include <utility>

namespace iam {

/// A value-semantic list of strings kept in one heap block (end offsets, then the
/// characters), so a policy's `Action` list costs one allocation instead of one per
/// pattern. Elements read as `std::string_view`s that stay valid until the list changes.
/// A list holds at most 4 GiB of text (policy documents are far smaller).
///
/// **Example**:
///     iam::string_list actions{"s3:GetObject", "s3:PutObject"};
///     actions.push_back("s3:ListBucket");
///     assert(actions[2] == "s3:ListBucket");
class string_list {
public:
    /// Random-access iterator over the elements as `std::string_view`s.
    class iterator {
    public:
        using iterator_category = std::random_access_iterator_tag;
        using value_type = std::string_view;
        using difference_type = std::ptrdiff_t;
        using pointer = void;
        using reference = std::string_view;

        iterator() noexcept = default;
        std::string_view operator*() const noexcept { return (*list_)[index_]; }
        std::string_view operator[](difference_type n) const noexcept {
            return (*list_)[index_ + static_cast<std::size_t>(n)];
        }
        iterator& operator++() noexcept { return ++index_, *this; }
        iterator operator++(int) noexcept { return iterator(list_, index_++); }
        iterator& operator--() noexcept { return --index_, *this; }
        iterator operator--(int) noexcept { return iterator(list_, index_--); }
        iterator& operator+=(difference_type n) noexcept { return index_ += static_cast<std::size_t>(n), *this; }
        iterator& operator-=(difference_type n) noexcept { return index_ -= static_cast<std::size_t>(n), *this; }
        friend iterator operator+(iterator i, difference_type n) noexcept { return i += n; }
        friend iterator operator+(difference_type n, iterator i) noexcept { return i += n; }
        friend iterator operator-(iterator i, difference_type n) noexcept { return i -= n; }
        friend difference_type operator-(iterator a, iterator b) noexcept {
            return static_cast<difference_type>(a.index_) - static_cast<difference_type>(b.index_);
        }
        friend bool operator==(iterator a, iterator b) noexcept { return a.index_ == b.index_; }
        friend auto operator<=>(iterator a, iterator b) noexcept { return a.index_ <=> b.index_; }

    private:
        friend class string_list;
        iterator(const string_list* list, std::size_t index) noexcept : list_(list), index_(index) {}
        const string_list* list_ = nullptr;
        std::size_t index_ = 0;
    };
    using const_iterator = iterator;
    using value_type = std::string_view;
    using size_type = std::size_t;

    /// An empty list; allocates nothing.
    string_list() noexcept = default;
    /// The given strings, in order.
    string_list(std::initializer_list<std::string_view> items) {
        std::size_t chars = 0;
        for (std::string_view s : items) chars += s.size();
        reserve(items.size(), chars);
        for (std::string_view s : items) push_back(s);
    }
    /// A copy in one exactly sized block.
    string_list(const string_list& other) : string_list() {
        reserve(other.size_, other.chars_);
        for (std::string_view s : other) push_back(s);
    }
    /// Takes `other`'s block, leaving it empty.
    string_list(string_list&& other) noexcept
        : block_(std::move(other.block_)),
          size_(std::exchange(other.size_, 0)),
          capacity_(std::exchange(other.capacity_, 0)),
          chars_(std::exchange(other.chars_, 0)),
          char_capacity_(std::exchange(other.char_capacity_, 0)) {}
    /// Copy-assigns (strong guarantee).
    string_list& operator=(const string_list& other) {
        if (this != &other) *this = string_list(other);
        return *this;
    }
    /// Move-assigns, leaving `other` empty.
    string_list& operator=(string_list&& other) noexcept {
        block_ = std::move(other.block_);
        size_ = std::exchange(other.size_, 0);
        capacity_ = std::exchange(other.capacity_, 0);
        chars_ = std::exchange(other.chars_, 0);
        char_capacity_ = std::exchange(other.char_capacity_, 0);
        return *this;
    }
    /// Replaces the contents with `items`.
    string_list& operator=(std::initializer_list<std::string_view> items) { return *this = string_list(items); }
    ~string_list() = default;

    /// The number of strings.
    std::size_t size() const noexcept { return size_; }
    /// Whether there are none.
    bool empty() const noexcept { return size_ == 0; }
    /// The `i`th string (`i < size()`).
    std::string_view operator[](std::size_t i) const noexcept {
        const std::uint32_t* ends = block_.get();
        const std::uint32_t begin = i == 0 ? 0 : ends[i - 1];
        return std::string_view(text() + begin, ends[i] - begin);
    }
    /// The first string (`!empty()`).
    std::string_view front() const noexcept { return (*this)[0]; }
    /// The last string (`!empty()`).
    std::string_view back() const noexcept { return (*this)[size_ - 1]; }
    /// The first element.
    iterator begin() const noexcept { return iterator(this, 0); }
    /// Past the last element.
    iterator end() const noexcept { return iterator(this, size_); }

    /// Makes room for `count` strings of `chars` characters in all, so that many
    /// `push_back`s allocate nothing more.
    void reserve(std::size_t count, std::size_t chars) {
        if (count <= capacity_ && chars <= char_capacity_) return;
        regrow(std::max<std::size_t>(count, capacity_), std::max<std::size_t>(chars, char_capacity_));
    }
    /// Appends a copy of `s`.
    void push_back(std::string_view s) {
        if (size_ == capacity_ || s.size() > char_capacity_ - chars_)
            regrow(size_ == capacity_ ? std::max<std::size_t>(4, 2 * std::size_t{capacity_}) : capacity_,
                   std::max(std::size_t{chars_} + s.size(), 2 * std::size_t{char_capacity_}));
        if (!s.empty()) std::memcpy(text() + chars_, s.data(), s.size());
        chars_ += static_cast<std::uint32_t>(s.size());
        block_[size_++] = chars_;
    }
    /// Removes every string, keeping the block.
    void clear() noexcept { size_ = chars_ = 0; }

    /// Equal when both hold the same strings in the same order.
    friend bool operator==(const string_list& a, const string_list& b) noexcept {
        return a.size_ == b.size_ && std::equal(a.begin(), a.end(), b.begin());
    }

private:
    // The characters follow the `capacity_` end offsets in the same block.
    char* text() const noexcept { return reinterpret_cast<char*>(block_.get() + capacity_); }

    void regrow(std::size_t count, std::size_t chars) {
        // Past 4 GiB, like a std::vector past its max_size: a length_error, or abort without exceptions.
        if (count > UINT32_MAX || chars > UINT32_MAX) {
#if defined(__cpp_exceptions)
            throw std::length_error("iam::string_list holds at most 4 GiB");
#else
            std::abort();
#endif
        }
        const std::size_t words = count + (chars + sizeof(std::uint32_t) - 1) / sizeof(std::uint32_t);
        auto grown = std::make_unique_for_overwrite<std::uint32_t[]>(words);
        if (size_ > 0) {
            std::memcpy(grown.get(), block_.get(), size_ * sizeof(std::uint32_t));
            std::memcpy(reinterpret_cast<char*>(grown.get() + count), text(), chars_);
        }
        block_ = std::move(grown);
        capacity_ = static_cast<std::uint32_t>(count);
        char_capacity_ = static_cast<std::uint32_t>(chars);
    }

    std::unique_ptr<std::uint32_t[]> block_;
    std::uint32_t size_ = 0;
    std::uint32_t capacity_ = 0;
    std::uint32_t chars_ = 0;
    std::uint32_t char_capacity_ = 0;
};

}  // namespace iam

#endif  // IAM_STRING_LIST_HPP_INCLUDED
