#include "scenario/code_value.h"

namespace wnc {

Code decode_code(const YamlDocument& doc, const nlohmann::json& v, const std::string& path) {
  if (v.is_number_integer() && v.get<long long>() >= 0 && v.get<long long>() <= 0xFFFFFFFFLL)
    return static_cast<Code>(v.get<long long>());
  if (v.is_string())
    if (auto c = code_from_name(v.get<std::string>())) return *c;
  std::string got = v.is_string() ? "'" + v.get<std::string>() + "'" : v.dump();
  doc.fail_at(path, "unknown code " + got + " (expected a number or a name such as ERROR_NOT_CONNECTED)");
}

}  // namespace wnc
