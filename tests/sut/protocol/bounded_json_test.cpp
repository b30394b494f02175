// JSON from outside: parsed as json::parse would, or refused with the limit and where.
#include "protocol/bounded_json.h"

#include <gtest/gtest.h>

namespace wnc {
namespace {

using nlohmann::json;

constexpr JsonLimits kSmall{.max_bytes = 100, .max_string_bytes = 5, .max_nesting = 3, .max_values = 6};

// "offset: message", or "accepted".
std::string refusal(const std::string& text, const JsonLimits& limits = kSmall) {
  try {
    parse_bounded_json(text, limits);
  } catch (const JsonInputError& e) {
    return std::to_string(e.offset()) + ": " + e.what();
  }
  return "accepted";
}

TEST(BoundedJson, ParsesWhatJsonParseDoesWithinTheLimits) {
  for (const char* text : {R"({"a":[1,-2.5],"b":{"c":null}})", R"("abcde")", "true", R"([[["x"]]])", R"({"a":1,"a":2})"})
    EXPECT_EQ(parse_bounded_json(text, kSmall), json::parse(text)) << text;
}

TEST(BoundedJson, RefusesEachLimitAtTheOffendingToken) {
  EXPECT_EQ(refusal(std::string(101, ' ')), "100: larger than the limit of 100 bytes");
  EXPECT_EQ(refusal(R"(["abcdef"])"), "9: a string longer than the limit of 5 bytes");
  EXPECT_EQ(refusal(R"({"abcdef":1})"), "9: a string longer than the limit of 5 bytes") << "keys too";
  EXPECT_EQ(refusal("[[[[]]]]"), "4: nested deeper than the limit of 3 levels");
  EXPECT_EQ(refusal("[1,2,3,4,5,6]"), "13: more values than the limit of 6");
}

TEST(BoundedJson, RefusesWhatIsNotJsonAtTheBadByte) {
  EXPECT_EQ(refusal("[1,]").substr(0, 13), "3: not JSON: ");
  EXPECT_NE(refusal("1e999").find("number overflow"), std::string::npos);
  EXPECT_NE(refusal("\"\xff\"").find("invalid string: ill-formed UTF-8 byte"), std::string::npos);
  EXPECT_EQ(refusal("").substr(0, 12), "0: not JSON:");
  EXPECT_EQ(refusal("[1] x").substr(0, 12), "4: not JSON:") << "one value, then only whitespace";
}

TEST(BoundedJson, DeepNestingIsRefusedWithoutRecursion) {
  const std::string deep = std::string(1000000, '[') + std::string(1000000, ']');
  EXPECT_EQ(refusal(deep, {.max_bytes = 2000000, .max_string_bytes = 5, .max_nesting = 32, .max_values = 100}),
            "33: nested deeper than the limit of 32 levels");
}

}  // namespace
}  // namespace wnc
