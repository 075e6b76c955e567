// SPDX-License-Identifier: MIT
// iamcpp: IAM's uniqueness rule for names ("ADMINS" and "admins" cannot both exist),
// for a whole list at once or for names added one by one.
#ifndef IAM_UNIQUE_NAMES_HPP_INCLUDED
#define IAM_UNIQUE_NAMES_HPP_INCLUDED

#include <cstddef>
#include <cstdint>
#include <optional>
#include <ranges>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "names.hpp"

namespace iam {

namespace detail {

// Open addressing with linear probing over indices into a sequence of strings the
// caller owns; each slot keeps 32 bits of the hash so most probes compare no text.
// Load factor stays at most 1/2, so a probe ends after a couple of slots on average.
class name_index_table {
public:
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    // Makes room for `count` entries without growing again.
    template <typename StringAt>
    void reserve(std::size_t count, const StringAt& string_at) {
        std::size_t capacity = 16;
        while (capacity < 2 * count) capacity *= 2;
        if (capacity > slots_.size()) rehash(capacity, string_at);
    }

    void clear() noexcept {
        slots_.assign(slots_.size(), slot{});
        size_ = 0;
    }

    // The index of the entry equal to `name` ignoring case, or npos.
    template <typename StringAt>
    std::size_t find(std::string_view name, std::uint64_t hash, const StringAt& string_at) const noexcept {
        if (slots_.empty()) return npos;
        const slot& s = slots_[probe(name, hash, string_at)];
        return s.index_plus_one == 0 ? npos : s.index_plus_one - 1;
    }

    // Like `find`, but when `name` is absent records it as entry `new_index`.
    template <typename StringAt>
    std::size_t find_or_insert(std::string_view name, std::uint64_t hash, std::size_t new_index,
                               const StringAt& string_at) {
        if (2 * (size_ + 1) > slots_.size()) rehash(slots_.empty() ? 16 : 2 * slots_.size(), string_at);
        slot& s = slots_[probe(name, hash, string_at)];
        if (s.index_plus_one != 0) return s.index_plus_one - 1;
        s = {static_cast<std::uint32_t>(new_index + 1), static_cast<std::uint32_t>(hash >> 32)};
        ++size_;
        return npos;
    }

private:
    struct slot {
        std::uint32_t index_plus_one = 0;  // 0 marks an empty slot
        std::uint32_t hash_tag = 0;        // the hash's high half
    };

    // The slot holding `name`, or the empty slot where it would go.
    template <typename StringAt>
    std::size_t probe(std::string_view name, std::uint64_t hash, const StringAt& string_at) const noexcept {
        const auto tag = static_cast<std::uint32_t>(hash >> 32);
        const std::size_t mask = slots_.size() - 1;
        std::size_t i = static_cast<std::size_t>(hash) & mask;
        while (slots_[i].index_plus_one != 0 &&
               !(slots_[i].hash_tag == tag && iequals(string_at(slots_[i].index_plus_one - 1), name)))
            i = (i + 1) & mask;
        return i;
    }

    // Moving a slot needs its full hash, which is recomputed from the string.
    template <typename StringAt>
    void rehash(std::size_t capacity, const StringAt& string_at) {
        std::vector<slot> old(capacity);
        old.swap(slots_);
        const std::size_t mask = capacity - 1;
        for (const slot& s : old) {
            if (s.index_plus_one == 0) continue;
            std::size_t i = static_cast<std::size_t>(ihash(string_at(s.index_plus_one - 1))) & mask;
            while (slots_[i].index_plus_one != 0) i = (i + 1) & mask;
            slots_[i] = s;
        }
    }

    std::vector<slot> slots_;
    std::size_t size_ = 0;
};

}  // namespace detail

/// A name that repeats an earlier one ignoring ASCII case.
struct duplicate_name {
    std::size_t index;        ///< position of the repeat in the input
    std::size_t first_index;  ///< position of the first occurrence
    friend constexpr bool operator==(const duplicate_name&, const duplicate_name&) = default;
};

/// Every name in `names` that repeats an earlier one ignoring case, in input order,
/// each with the index of its first occurrence: `{"Alice", "bob", "ALICE"}` gives `{2, 0}`.
/// Expected linear time; the strings are not copied and a lookup allocates nothing.
template <std::ranges::forward_range Range>
requires std::convertible_to<std::ranges::range_reference_t<Range>, std::string_view> std::vector<duplicate_name>
find_case_duplicates(const Range& names) {
    std::vector<std::string_view> views;
    if constexpr (std::ranges::sized_range<Range>) views.reserve(std::ranges::size(names));
    for (auto&& name : names) views.emplace_back(name);
    detail::name_index_table table;
    const auto string_at = [&](std::size_t i) { return views[i]; };
    table.reserve(views.size(), string_at);
    std::vector<duplicate_name> duplicates;
    for (std::size_t i = 0; i < views.size(); ++i) {
        const std::size_t first = table.find_or_insert(views[i], ihash(views[i]), i, string_at);
        if (first != detail::name_index_table::npos) duplicates.push_back({i, first});
    }
    return duplicates;
}

/// A set of names, unique ignoring ASCII case, that keeps each name's first spelling
/// and the order names were added. Names are stored in one buffer: adding one
/// allocates only when the buffer or the table grows, and a lookup never allocates.
///
/// **Example**:
///     iam::case_insensitive_name_set users;
///     users.insert("Alice");
///     auto r = users.insert("ALICE");  // r.inserted == false, r.index == 0
class case_insensitive_name_set {
    // What the index table calls to read entry `i` back.
    struct entry_text {
        const case_insensitive_name_set* set;
        std::string_view operator()(std::size_t i) const noexcept { return (*set)[i]; }
    };
    entry_text string_at() const noexcept { return {this}; }

public:
    /// What `insert` did: added the name as entry `index`, or found it already at `index`.
    struct insert_result {
        bool inserted;
        std::size_t index;
    };

    void reserve(std::size_t count, std::size_t total_bytes = 0) {
        entries_.reserve(count);
        text_.reserve(total_bytes);
        table_.reserve(count, string_at());
    }

    insert_result insert(std::string_view name) {
        const std::size_t index = entries_.size();
        const std::size_t existing = table_.find_or_insert(name, ihash(name), index, string_at());
        if (existing != detail::name_index_table::npos) return {false, existing};
        entries_.emplace_back(text_.size(), name.size());
        text_.append(name);
        return {true, index};
    }

    /// The index of the entry equal to `name` ignoring case.
    std::optional<std::size_t> find(std::string_view name) const {
        const std::size_t existing = table_.find(name, ihash(name), string_at());
        if (existing == detail::name_index_table::npos) return std::nullopt;
        return existing;
    }

    bool contains(std::string_view name) const { return find(name).has_value(); }
    std::size_t size() const noexcept { return entries_.size(); }
    bool empty() const noexcept { return entries_.empty(); }
    std::string_view operator[](std::size_t index) const noexcept {
        return std::string_view{text_}.substr(entries_[index].first, entries_[index].second);
    }

    void clear() noexcept {
        entries_.clear();
        text_.clear();
        table_.clear();
    }

private:
    std::vector<std::pair<std::size_t, std::size_t>> entries_;  // offset and length in text_
    std::string text_;
    detail::name_index_table table_;
};

}  // namespace iam

#endif  // IAM_UNIQUE_NAMES_HPP_INCLUDED
