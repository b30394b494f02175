#include "protocol/agent_access.h"

#include <fstream>

#include "vocabulary/input_error.h"

namespace wnc {

std::string read_token_file(const std::filesystem::path& file) {
  const std::string name = "--token-file " + file.string();
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) throw InputError(name + ": not a regular file");
  std::ifstream in(file, std::ios::binary);
  std::string token;
  char c;
  while (token.size() <= kMaxTokenFile && in.get(c)) token.push_back(c);
  if (!in.is_open() || in.bad()) throw InputError(name + ": cannot be read");
  if (token.size() > kMaxTokenFile)
    throw InputError(name + ": longer than " + std::to_string(kMaxTokenFile) + " bytes (a token is one short line)");
  while (!token.empty() && (token.back() == '\n' || token.back() == '\r' || token.back() == ' ' || token.back() == '\t'))
    token.pop_back();
  if (token.empty()) throw InputError(name + ": empty (the token is the file's first line)");
  for (unsigned char ch : token)
    if (ch < 0x20 || ch == 0x7f) throw InputError(name + ": the token must be one line of printable characters");
  return token;
}

bool token_matches(std::string_view expected, std::string_view given) {
  unsigned char diff = expected.size() == given.size() ? 0 : 1;
  for (std::size_t i = 0; i < expected.size(); ++i)
    diff |= static_cast<unsigned char>(expected[i] ^ (i < given.size() ? given[i] : 0));
  return diff == 0;
}

}  // namespace wnc
