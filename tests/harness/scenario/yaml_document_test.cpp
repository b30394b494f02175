// YAML becomes JSON with the position of every value; what could exhaust memory, stack or
// time is refused at once, with file:line:column.
#include "scenario/yaml_document.h"

#include <gtest/gtest.h>

#include <chrono>

#include "scenario/input_limits.h"
#include "scenario/scenario_error.h"

namespace wnc {
namespace {

using nlohmann::json;

// The error reading `text` gives; fails the test when there is none.
ScenarioError refusal(const std::string& text) {
  try {
    YamlDocument doc(text, "d.yaml");
  } catch (const ScenarioError& e) {
    return e;
  }
  ADD_FAILURE() << "accepted: " << text.substr(0, 80);
  return ScenarioError("", 0, 0, "");
}

std::string nested(std::size_t depth) { return "a: " + std::string(depth, '[') + std::string(depth, ']') + "\n"; }

TEST(YamlDocument, RemembersWhereValuesAndKeysStand) {
  YamlDocument doc("a: 1\nsteps:\n  - {x: 'y'}\n", "d.yaml");
  EXPECT_EQ(doc.root(), json::parse(R"({"a": 1, "steps": [{"x": "y"}]})"));
  EXPECT_EQ(doc.pos("/steps/0/x").line, 3);
  EXPECT_EQ(doc.pos("/steps/0/x").column, 9);
  EXPECT_EQ(doc.pos("/steps/0/x", true).column, 6) << "the key";
  EXPECT_EQ(doc.pos("/steps/0/nope").column, 5) << "a missing value points at what would hold it";
}

TEST(YamlDocument, ReadsPlainScalarsByTheCoreSchema) {
  YamlDocument doc("[~, null, true, FALSE, 12, -3, +4, 0x1F, '12', 1.5, Y, 0x]\n", "d.yaml");
  EXPECT_EQ(doc.root(), json::parse(R"([null, null, true, false, 12, -3, 4, 31, "12", "1.5", "Y", "0x"])"));
}

TEST(YamlDocument, RefusesNumbersOutOfRange) {
  for (const char* n : {"99999999999999999999", "-99999999999999999999", "0x1FFFFFFFFFFFFFFFF"}) {
    ScenarioError e = refusal(std::string("a: [1, ") + n + "]\n");
    EXPECT_EQ(e.line(), 1);
    EXPECT_EQ(e.column(), 8) << n;
    EXPECT_NE(e.message().find("out of range"), std::string::npos) << e.what();
  }
}

TEST(YamlDocument, RefusesDuplicateAndNonScalarKeys) {
  EXPECT_NE(refusal("a: 1\na: 2\n").message().find("duplicate key 'a'"), std::string::npos);
  EXPECT_NE(refusal("? [a]\n: 1\n").message().find("expected a plain key"), std::string::npos);
  EXPECT_NE(refusal("{~: 1}\n").message().find("expected a plain key"), std::string::npos);
}

struct AnchorCase {
  const char* name;
  std::string text;
  int line, column;
};

class AnchorsRefused : public ::testing::TestWithParam<AnchorCase> {};

TEST_P(AnchorsRefused, AtOnceWithPosition) {
  const auto start = std::chrono::steady_clock::now();
  ScenarioError e = refusal(GetParam().text);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(100));
  EXPECT_EQ(e.message(), "anchors and aliases are not part of the scenario language");
  EXPECT_EQ(e.line(), GetParam().line);
  EXPECT_EQ(e.column(), GetParam().column);
}

std::string billion_laughs() {
  std::string text = "a0: &a0 [x,x,x,x,x,x,x,x,x,x]\n";
  for (int i = 1; i < 10; ++i) {
    const std::string prev = "*a" + std::to_string(i - 1);
    text += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [" + prev;
    for (int k = 1; k < 10; ++k) text += "," + prev;
    text += "]\n";
  }
  return text;
}

INSTANTIATE_TEST_SUITE_P(
    Yaml, AnchorsRefused,
    ::testing::Values(AnchorCase{"cyclic_alias", "id: &a [*a]\n", 1, 5},
                      AnchorCase{"billion_laughs", billion_laughs(), 1, 5},
                      AnchorCase{"anchored_scalar", "a: 1\nb: &x 2\n", 2, 4},
                      AnchorCase{"anchored_map", "a: &m {b: 1}\n", 1, 4},
                      AnchorCase{"anchored_null", "a: &n\n", 1, 4},
                      AnchorCase{"undefined_alias", "a: 1\nb: *nowhere\n", 2, 4}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(YamlDocument, RefusesStringsOverTheLimitInCharacters) {
  std::string accented;
  for (std::size_t i = 0; i < limits::kMaxStringChars; ++i) accented += "\xC3\xA9";  // é: two bytes, one character
  YamlDocument doc("a: '" + accented + "'\n", "d.yaml");
  EXPECT_EQ(doc.root()["a"].get<std::string>().size(), 2 * limits::kMaxStringChars);
  for (const std::string& text : {"a: '" + accented + "x'\n", "a: " + std::string(60000, '7') + "\n",
                                 "? " + std::string(limits::kMaxStringChars + 1, 'k') + "\n: 1\n"}) {
    ScenarioError e = refusal(text);
    EXPECT_NE(e.message().find("longer than the limit of 4096 characters"), std::string::npos) << e.what();
    EXPECT_EQ(e.line(), 1);
  }
}

// yaml-cpp decodes these escapes to single bytes: what loaded would not be UTF-8 when written.
TEST(YamlDocument, RefusesEscapesThatDecodeToInvalidUtf8) {
  for (const char* text : {"a: \"x \\N\"\n", "a: \"\\_\"\n"}) {
    ScenarioError e = refusal(text);
    EXPECT_NE(e.message().find("not UTF-8 once its escapes are read"), std::string::npos) << e.what();
    EXPECT_EQ(e.line(), 1);
  }
  EXPECT_EQ(YamlDocument("a: \"\\u00e9 \\xe9\"\n", "d.yaml").root()["a"], "\xC3\xA9 \xC3\xA9");
}

TEST(YamlDocument, RefusesNestingOverTheLimit) {
  YamlDocument ok(nested(limits::kMaxNesting - 1), "d.yaml");  // the top map is one level
  ScenarioError e = refusal(nested(limits::kMaxNesting));
  EXPECT_NE(e.message().find("nested deeper than the limit of 32 levels"), std::string::npos) << e.what();
  EXPECT_EQ(e.column(), 4 + static_cast<int>(limits::kMaxNesting) - 1);
  EXPECT_NE(refusal(nested(100000)).message().find("nested deeper"), std::string::npos);
}

TEST(YamlDocument, RefusesMoreValuesThanTheLimit) {
  std::string list = "a: [x";  // the top map and the list are values too
  for (std::size_t i = 3; i < limits::kMaxValues; ++i) list += ",x";
  YamlDocument ok(list + "]\n", "d.yaml");
  ScenarioError e = refusal(list + ",x]\n");
  EXPECT_EQ(e.message(), "more values than the limit of 500000 in one file");
  EXPECT_EQ(e.column(), static_cast<int>(list.size()) + 2);
}

TEST(YamlDocument, RefusesInvalidUtf8AtTheFirstBadByte) {
  for (const char* bad : {"\xFF", "\xC0\x80", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE2\x82"}) {
    ScenarioError e = refusal(std::string("a: 1\nb: 'x\xC3\xA9") + bad + "'\n");
    EXPECT_EQ(e.line(), 2);
    EXPECT_EQ(e.column(), 8) << "bytes, as yaml-cpp counts columns";
    EXPECT_NE(e.message().find("not valid UTF-8"), std::string::npos) << e.what();
  }
}

TEST(YamlDocument, NamesTheLineOfASyntaxError) {
  ScenarioError e = refusal("a: [1,\nb: 2\n");
  EXPECT_EQ(e.file(), "d.yaml");
  EXPECT_GT(e.line(), 0);
}

TEST(YamlDocument, NamesATabInTheIndentation) {
  for (const auto& [text, where] : {std::pair{"a: 1\nsteps:\n\t- b: 2\n", "d.yaml:3:1: "},
                                    std::pair{"a: 1\nb:\n  c:\n  \t d: 2\n", "d.yaml:4:3: "}}) {
    ScenarioError e = refusal(text);
    EXPECT_EQ(std::string(e.what()), std::string(where) + "a tab character in the indentation: YAML indents with spaces");
  }
  EXPECT_EQ(YamlDocument("a:\t1\n", "d.yaml").root(), json::parse(R"({"a": 1})")) << "a tab after the indentation separates";
}

}  // namespace
}  // namespace wnc
