// SPDX-License-Identifier: MIT
// Reading the test data files under tests/data and examples/data.
#ifndef IAM_TESTS_TEST_DATA_HPP_INCLUDED
#define IAM_TESTS_TEST_DATA_HPP_INCLUDED

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

/// The whole content of `path` (empty when it cannot be read: the tests then fail on counts).
inline std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

#endif  // IAM_TESTS_TEST_DATA_HPP_INCLUDED
