// SPDX-License-Identifier: MIT
// iamcpp: prepared policies by document text, beside the evaluator that uses them.
#ifndef IAM_POLICY_CACHE_HPP_INCLUDED
#define IAM_POLICY_CACHE_HPP_INCLUDED

#include <array>
#include <cstddef>
#include <functional>
#include <iterator>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "policy.hpp"
#include "policy_index.hpp"
#include "result.hpp"

namespace iam {

/// Prepared policies by document text, so that documents repeated across inputs (AWS
/// managed policies, say) are parsed and prepared once. Bounded: past `capacity`
/// entries it starts afresh.
class policy_cache {
public:
    explicit policy_cache(std::size_t capacity = 4096) : capacity_(capacity) {}

    /// The prepared policy of `text`, or its grammar errors.
    result<compiled_policy_ptr, policy_errors> get(std::string_view text, policy_kind kind) {
        auto& map = maps_[static_cast<std::size_t>(kind)];
        if (const auto it = map.find(text); it != map.end()) return it->second;
        auto parsed = parse_policy(text, kind);
        if (!parsed) return parsed.error();
        compiled_policy_ptr prepared = compiled_policy::make(std::move(static_cast<policy&>(parsed.value())));
        if (map.size() >= capacity_) map.clear();
        map.emplace(std::string(text), prepared);
        return prepared;
    }

    /// The prepared policy of `text` read as `kind`, else as `otherwise` (a bucket policy
    /// or a role's trust policy, say); the errors of `kind` when neither grammar takes it.
    result<compiled_policy_ptr, policy_errors> get(std::string_view text, policy_kind kind, policy_kind otherwise) {
        auto first = get(text, kind);
        if (first) return first;
        if (auto second = get(text, otherwise)) return second;
        return first;
    }

private:
    struct text_hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
    };
    using map_type = std::unordered_map<std::string, compiled_policy_ptr, text_hash, std::equal_to<>>;

    std::size_t capacity_;
    std::array<map_type, std::size(all_policy_kinds)> maps_;  // one per policy_kind: the kind changes the rules
};

}  // namespace iam

#endif  // IAM_POLICY_CACHE_HPP_INCLUDED
