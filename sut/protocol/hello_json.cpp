#include "protocol/hello_json.h"

#include "protocol/json_codec.h"

namespace wnc {

using nlohmann::json;

json hello_to_json(const Hello& hello) {
  if (hello.raw.is_object() && !hello.raw.empty()) return hello.raw;
  return {{"ok", true},
          {"protocol", kProtocolVersion},
          {"implementation",
           {{"name", hello.name}, {"version", hello.version}, {"platform", hello.platform}}},
          {"capabilities", hello.capabilities}};
}

json hello_to_json(const Hello& hello, int pipeline) {
  json j = hello_to_json(hello);
  j["pipeline"] = pipeline;
  return j;
}

Hello hello_from_json(const json& j) {
  if (!j.is_object()) throw DecodeError({}, "expected the answer to hello (a map)");
  if (j.value("ok", json()) != true) throw DecodeError({"ok"}, "expected true");
  if (j.value("protocol", json()) != kProtocolVersion)
    throw DecodeError({"protocol"}, "expected protocol " + std::to_string(kProtocolVersion));

  Hello hello;
  const json impl = j.value("implementation", json());
  if (!impl.is_object()) throw DecodeError({"implementation"}, "expected {name, version, platform}");
  for (auto [key, field] : {std::pair{"name", &hello.name}, {"version", &hello.version},
                            {"platform", &hello.platform}}) {
    const json v = impl.value(key, json());
    if (!v.is_string()) throw DecodeError({"implementation", key}, "expected a string");
    *field = v.get<std::string>();
  }
  const json caps = j.value("capabilities", json());
  if (!caps.is_array()) throw DecodeError({"capabilities"}, "expected a list of strings");
  for (std::size_t i = 0; i < caps.size(); ++i) {
    if (!caps[i].is_string()) throw DecodeError({"capabilities", std::to_string(i)}, "expected a string");
    hello.capabilities.insert(caps[i].get<std::string>());
  }
  if (auto window = j.find("pipeline"); window != j.end()) {
    if (!window->is_number_integer() || *window < 1 || *window > kMaxPipeline)
      throw DecodeError({"pipeline"}, "expected a whole number from 1 to " + std::to_string(kMaxPipeline));
    hello.pipeline = window->get<int>();
  }
  hello.raw = j;
  return hello;
}

}  // namespace wnc
