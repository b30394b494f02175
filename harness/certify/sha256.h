// SHA-256 digests for certification manifests, through OpenSSL's libcrypto.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace wnc {

// Lower-case hex, as sha256sum prints it.
std::string sha256_hex(std::string_view data);

// Throws InputError when the file is not a regular file or cannot be read.
std::string sha256_file(const std::filesystem::path& file);

}  // namespace wnc
