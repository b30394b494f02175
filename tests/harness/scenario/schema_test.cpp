// The scenario language's JSON Schema (for editors) names what the project defines once
// elsewhere: its requirement IDs are the catalog's, its step kinds the step registry's.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "requirements.h"
#include "vocabulary/step.h"

namespace wnc {
namespace {

const nlohmann::json& schema() {
  static const nlohmann::json s = [] {
    std::ifstream in(std::string(WNETCONF_SCENARIOS) + "/schema/scenario-v1.schema.json");
    return nlohmann::json::parse(in);
  }();
  return s;
}

TEST(ScenarioSchema, ItsRequirementIdsAreTheCatalogInOrder) {
  std::vector<std::string> catalog;
  for (const auto& r : requirements()) catalog.emplace_back(r.id);
  EXPECT_EQ(schema().at("properties").at("covers").at("items").at("enum").get<std::vector<std::string>>(), catalog);
}

TEST(ScenarioSchema, ItsStepKindsAreTheRegistrysInOrder) {
  std::vector<std::string> kinds;
  for (const auto& branch : schema().at("$defs").at("step").at("oneOf"))
    for (const auto& [key, value] : branch.at("properties").items())
      if (key != "expect") kinds.push_back(key);
  EXPECT_EQ(kinds, step_kinds());
}

}  // namespace
}  // namespace wnc
