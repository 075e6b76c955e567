// SPDX-License-Identifier: MIT
// iamcpp: AWS's catalog of IAM actions (service prefix, action name, access level),
// loaded from the tab-separated form the project bundles, for lookups and expansion.
#ifndef IAM_ACTION_CATALOG_HPP_INCLUDED
#define IAM_ACTION_CATALOG_HPP_INCLUDED

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "names.hpp"
#include "result.hpp"

namespace iam {

/// The access levels AWS's Service Authorization Reference assigns to actions.
enum class access_level : std::uint8_t {
    list,                    ///< List
    read,                    ///< Read
    write,                   ///< Write
    tagging,                 ///< Tagging (AWS lists it as "Tagging, Write")
    permissions_management,  ///< Permissions management (listed as "Permissions management, Write")
};

/// AWS's name for an access level, as reports print it.
constexpr std::string_view to_string(access_level level) noexcept {
    switch (level) {
        case access_level::list: return "List";
        case access_level::read: return "Read";
        case access_level::write: return "Write";
        case access_level::tagging: return "Tagging";
        case access_level::permissions_management: return "Permissions management";
    }
    return "Unknown";
}

/// One action of the catalog; the views point into the catalog's text.
struct catalog_action {
    std::string_view action;   ///< `service:ActionName`, AWS's spelling
    std::string_view service;  ///< the prefix before `:`
    std::string_view name;     ///< the part after `:`
    access_level level = access_level::read;
    std::string_view resource_types;  ///< comma-separated; a trailing `*` marks a required one
};

/// What was wrong with a catalog line.
enum class catalog_errc : std::uint8_t {
    missing_columns,       ///< fewer than three tab-separated columns
    bad_action,            ///< the first column is not `service:Name`
    unknown_access_level,  ///< the second column is not one of AWS's five access levels
};

/// The stable id of `code`: its enumerator's name in kebab case, e.g. "bad-action".
constexpr std::string_view to_string(catalog_errc code) noexcept {
    switch (code) {
        case catalog_errc::missing_columns: return "missing-columns";
        case catalog_errc::bad_action: return "bad-action";
        case catalog_errc::unknown_access_level: return "unknown-access-level";
    }
    return "unknown";
}

/// Why a catalog text did not load: what was wrong, on which 1-based line.
struct catalog_error {
    catalog_errc code = catalog_errc::missing_columns;
    std::size_t line = 0;

    constexpr std::string_view message() const noexcept {
        switch (code) {
            case catalog_errc::missing_columns: return "expected three tab-separated columns";
            case catalog_errc::bad_action: return "expected an action `service:Name`";
            case catalog_errc::unknown_access_level: return "unknown access level";
        }
        return "unknown catalog error";
    }
    constexpr std::string_view id() const noexcept { return to_string(code); }
};

/// The catalog: every action, sorted by service, then name, ignoring case, with
/// case-insensitive lookups (IAM matches actions ignoring case). Copies share the text.
///
/// **Example**:
///     auto catalog = iam::action_catalog::parse_tsv(tsv_text).value();
///     if (const auto* a = catalog.find("S3:getobject")) std::puts(a->action.data());
class action_catalog {
public:
    /// Loads `action<TAB>access_level<TAB>resource_types` lines after a header line.
    static result<action_catalog, catalog_error> parse_tsv(std::string_view tsv) {
        action_catalog catalog;
        catalog.text_ = std::make_shared<const std::string>(tsv);
        const std::string_view text = *catalog.text_;
        std::size_t line_number = 0;
        for (std::size_t start = 0; start < text.size();) {
            std::size_t end = text.find('\n', start);
            if (end == std::string_view::npos) end = text.size();
            std::string_view line = text.substr(start, end - start);
            start = end + 1;
            ++line_number;
            if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
            if (line_number == 1 || line.empty()) continue;  // the header names the columns
            const std::size_t tab1 = line.find('\t');
            const std::size_t tab2 = tab1 == std::string_view::npos ? tab1 : line.find('\t', tab1 + 1);
            if (tab2 == std::string_view::npos) return catalog_error{catalog_errc::missing_columns, line_number};
            catalog_action entry;
            entry.action = line.substr(0, tab1);
            const std::size_t colon = entry.action.find(':');
            if (colon == std::string_view::npos || colon == 0 || colon + 1 == entry.action.size())
                return catalog_error{catalog_errc::bad_action, line_number};
            entry.service = entry.action.substr(0, colon);
            entry.name = entry.action.substr(colon + 1);
            const std::string_view level = line.substr(tab1 + 1, tab2 - tab1 - 1);
            if (level == "List")
                entry.level = access_level::list;
            else if (level == "Read")
                entry.level = access_level::read;
            else if (level == "Write")
                entry.level = access_level::write;
            else if (level == "Tagging, Write" || level == "Tagging")
                entry.level = access_level::tagging;
            else if (level == "Permissions management, Write" || level == "Permissions management")
                entry.level = access_level::permissions_management;
            else
                return catalog_error{catalog_errc::unknown_access_level, line_number};
            entry.resource_types = line.substr(tab2 + 1);
            catalog.actions_.push_back(entry);
        }
        std::sort(catalog.actions_.begin(), catalog.actions_.end(),
                  [](const catalog_action& a, const catalog_action& b) { return before(a, b.service, b.name); });
        return catalog;
    }

    /// Every action, sorted by service, then name, ignoring case.
    std::span<const catalog_action> actions() const noexcept { return actions_; }

    /// The action named `action` (`service:Name`, any case), or nullptr.
    const catalog_action* find(std::string_view action) const noexcept {
        const std::size_t colon = action.find(':');
        if (colon == std::string_view::npos) return nullptr;
        const std::string_view service = action.substr(0, colon);
        const std::string_view name = action.substr(colon + 1);
        const auto it = std::lower_bound(actions_.begin(), actions_.end(), 0,
                                         [&](const catalog_action& a, int) { return before(a, service, name); });
        return it != actions_.end() && iequals(it->service, service) && iequals(it->name, name) ? &*it : nullptr;
    }

    bool contains(std::string_view action) const noexcept { return find(action) != nullptr; }

    /// The actions of one service prefix (any case); empty when the service is unknown.
    std::span<const catalog_action> service_actions(std::string_view service) const noexcept {
        const auto by_service = [](const catalog_action& a, std::string_view key) {
            return icompare(a.service, key) < 0;
        };
        const auto first = std::lower_bound(actions_.begin(), actions_.end(), service, by_service);
        auto last = first;
        while (last != actions_.end() && iequals(last->service, service)) ++last;
        return {first, last};
    }

    bool has_service(std::string_view service) const noexcept { return !service_actions(service).empty(); }

private:
    // Order by service, then name, both ignoring case (not by the joined text, where
    // `a4b-x:` would sort before `a4b:` and split a service's run).
    static bool before(const catalog_action& a, std::string_view service, std::string_view name) noexcept {
        const int by_service = icompare(a.service, service);
        return by_service != 0 ? by_service < 0 : icompare(a.name, name) < 0;
    }

    std::shared_ptr<const std::string> text_;
    std::vector<catalog_action> actions_;
};

}  // namespace iam

#endif  // IAM_ACTION_CATALOG_HPP_INCLUDED
