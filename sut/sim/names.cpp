#include "names.h"

#include <algorithm>
#include <cstdio>

namespace wnc::sim {

std::string to_upper(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), ascii_upper);
  return out;
}

std::string to_lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), ascii_lower);
  return out;
}

std::optional<std::string> device_name(std::string_view name) {
  const std::string up = to_upper(name);
  if (up.size() == 2 && up[0] >= 'A' && up[0] <= 'Z' && up[1] == ':') return up;
  if (up.size() == 5 && up.starts_with("LPT") && up[3] >= '1' && up[3] <= '9' && up[4] == ':')
    return up;
  return std::nullopt;
}

bool is_print_device(std::string_view canonical_device) {
  return canonical_device.starts_with("LPT");
}

bool is_remote_name(std::string_view name) { return name.starts_with(R"(\\)"); }

std::string strip_trailing_backslash(std::string_view remote) {
  if (remote.ends_with('\\')) remote.remove_suffix(1);
  return std::string(remote);
}

std::string remote_key(std::string_view remote) {
  return to_lower(strip_trailing_backslash(remote));
}

std::string luid_hex(Luid luid) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(luid));
  return buf;
}

}  // namespace wnc::sim
