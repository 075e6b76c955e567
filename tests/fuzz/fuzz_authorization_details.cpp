// SPDX-License-Identifier: MIT
// libFuzzer target for include/iam/authorization_details.hpp: loading never crashes;
// only text that is not a JSON object is refused; every problem's offset lies within the
// input; principals are read in part only with a problem; a loaded account saves to a
// dump that loads back, without problems, to an equal account (but for the policies whose
// document could not be read, which a dump cannot say), and saves again to the same text.
#include <iam/authorization_details.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto loaded = iam::load_authorization_details(text);
    if (!loaded) {
        if (loaded.error().offset > size) __builtin_trap();
        return 0;
    }
    for (const auto& p : loaded->problems)
        if (p.offset > size) __builtin_trap();
    // Only a problem makes a principal's policies read in part.
    if (!loaded->read_in_part.empty() && loaded->problems.empty()) __builtin_trap();
    const std::string saved = iam::save_authorization_details(loaded->account);
    const auto again = iam::load_authorization_details(saved);
    if (!again || !again->problems.empty()) __builtin_trap();
    if (loaded->account.unreadable_documents().empty() && !(again->account == loaded->account)) __builtin_trap();
    if (iam::save_authorization_details(again->account) != saved) __builtin_trap();
    return 0;
}
