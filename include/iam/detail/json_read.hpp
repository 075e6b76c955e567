// SPDX-License-Identifier: MIT
// iamcpp internals: reading "an array of objects or strings at this path" out of a
// parsed JSON document, for the dump loader (authorization_details.hpp) and
// `parse_simulation_input` (simulate.hpp). Each caller says what a wrong item means:
// the loader reports it and reads on, the simulator refuses the input.
#ifndef IAM_DETAIL_JSON_READ_HPP_INCLUDED
#define IAM_DETAIL_JSON_READ_HPP_INCLUDED

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include "../json.hpp"

namespace iam::detail {

/// What `for_each_item` found.
enum class array_read : std::uint8_t {
    absent,     ///< no value: nothing to read
    not_array,  ///< a value that is not an array (nor, where allowed, a lone object): nothing read
    stopped,    ///< `visit` returned false at an item
    read,       ///< every item visited
};

/// Whether an object given where an array is expected is read as its one item (the AWS
/// CLI's documented example of get-account-authorization-details writes lists so).
enum class lone_object : std::uint8_t { refused, is_item };

/// Calls `visit(item, item_path)` on each item of the array `list` in order, `item_path`
/// being `path` + `/INDEX` (a JSON pointer; a lone object read as the item keeps `path`),
/// until `visit` returns false (a `visit` returning nothing reads every item).
template <typename Visit>
array_read for_each_item(std::optional<json::element> list, const std::string& path, Visit&& visit,
                         lone_object lone = lone_object::refused) {
    const auto call = [&](json::element item, const std::string& item_path) {
        if constexpr (std::is_void_v<decltype(visit(item, item_path))>) {
            visit(item, item_path);
            return true;
        } else {
            return static_cast<bool>(visit(item, item_path));
        }
    };
    if (!list) return array_read::absent;
    if (lone == lone_object::is_item && list->is_object())
        return call(*list, path) ? array_read::read : array_read::stopped;
    if (!list->is_array()) return array_read::not_array;
    std::size_t index = 0;
    for (const json::element item : list->as_array())
        if (!call(item, path + "/" + std::to_string(index++))) return array_read::stopped;
    return array_read::read;
}

/// The member `key` of `object` read by `for_each_item`, paths starting at `/KEY`
/// below `path`.
template <typename Visit>
array_read for_each_item(json::element object, const std::string& path, std::string_view key, Visit&& visit,
                         lone_object lone = lone_object::refused) {
    return for_each_item(object.find(key), path + "/" + std::string(key), static_cast<Visit&&>(visit), lone);
}

}  // namespace iam::detail

#endif  // IAM_DETAIL_JSON_READ_HPP_INCLUDED
