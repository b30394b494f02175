#include "scenario/name_forms.h"

namespace wnc {

namespace {

bool is_letter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
char upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

}  // namespace

bool is_disk_device(std::string_view name) { return name.size() == 2 && is_letter(name[0]) && name[1] == ':'; }

bool is_device_name(std::string_view name) {
  if (is_disk_device(name)) return true;
  return name.size() == 5 && upper(name[0]) == 'L' && upper(name[1]) == 'P' && upper(name[2]) == 'T' &&
         name[3] >= '1' && name[3] <= '9' && name[4] == ':';
}

bool is_remote_name(std::string_view name) { return name.starts_with(R"(\\)"); }

}  // namespace wnc
