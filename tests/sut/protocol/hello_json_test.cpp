#include "protocol/hello_json.h"

#include <gtest/gtest.h>

#include "protocol/json_codec.h"

namespace wnc {
namespace {

using nlohmann::json;

TEST(HelloJson, RoundTripsAndKeepsTheAnswerWhole) {
  Hello h{"sim", "0.1.0", "linux", {"cancel", "logon.multiple"}, {}};
  json j = hello_to_json(h);
  EXPECT_EQ(j, json::parse(R"({"ok":true,"protocol":1,"capabilities":["cancel","logon.multiple"],
      "implementation":{"name":"sim","version":"0.1.0","platform":"linux"}})"));
  Hello back = hello_from_json(j);
  EXPECT_EQ(back.name, "sim");
  EXPECT_EQ(back.version, "0.1.0");
  EXPECT_EQ(back.platform, "linux");
  EXPECT_EQ(back.capabilities, h.capabilities);
  EXPECT_EQ(back.raw, j);
  EXPECT_EQ(hello_to_json(back), j);
}

TEST(HelloJson, RejectsAnythingButAProtocol1Hello) {
  auto where = [](const char* text) {
    try {
      hello_from_json(json::parse(text));
    } catch (const DecodeError& e) {
      return e.where();
    }
    return std::string("accepted");
  };
  const char* impl = R"("implementation":{"name":"n","version":"v","platform":"p"})";
  EXPECT_EQ(where((std::string(R"({"ok":true,"protocol":1,)") + impl + R"(,"capabilities":[]})").c_str()), "accepted");
  EXPECT_EQ(where(R"({"error":"no"})"), "/ok");
  EXPECT_EQ(where((std::string(R"({"ok":true,"protocol":2,)") + impl + R"(,"capabilities":[]})").c_str()), "/protocol");
  EXPECT_EQ(where(R"({"ok":true,"protocol":1,"implementation":{"name":"n","version":1,"platform":"p"},"capabilities":[]})"),
            "/implementation/version");
  EXPECT_EQ(where((std::string(R"({"ok":true,"protocol":1,)") + impl + R"(,"capabilities":["a",3]})").c_str()),
            "/capabilities/1");
  EXPECT_EQ(where("[]"), "/");
}

}  // namespace
}  // namespace wnc
