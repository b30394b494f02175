// Fuzzes the scenario loader (harness/scenario/): any text is a scenario or a ScenarioError,
// and what loads is written back (scenario_writer) into text that loads to the same steps.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_check.h"
#include "scenario/scenario_loader.h"
#include "scenario/scenario_writer.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  wnc::Scenario scenario;
  try {
    scenario = wnc::parse_scenario(text, "fuzz.yaml");
  } catch (const wnc::InputError&) {
    return 0;
  }
  const wnc::Scenario again = wnc::parse_scenario(wnc::scenario_to_yaml(scenario), "written.yaml");
  FUZZ_CHECK(again.id == scenario.id && again.steps.size() == scenario.steps.size() && again.covers == scenario.covers);
  return 0;
}
