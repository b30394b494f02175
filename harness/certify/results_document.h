// results.json: everything a certification found, in the schema docs/certification.md
// documents. The reports are rendered from it alone, and all that varies between equal
// runs is under "timings".
#pragma once

#include <nlohmann/json.hpp>

#include "certify/certification.h"

#include "vocabulary/input_error.h"

namespace wnc {

// Results documents come from whoever made the bundle: a value of the wrong shape in one is
// bad input (InputError, exit 2), not a bug in wnetconf.
template <class Read>
auto reading_results(Read read) -> decltype(read()) {
  try {
    return read();
  } catch (const nlohmann::json::exception& e) {
    throw InputError(std::string("results.json is not as wnetconf writes it: ") + e.what());
  }
}

inline constexpr const char* kResultsSchema = "wnetconf-results/1";

nlohmann::json results_document(const Certification& c);

// One scenario's entry: outcome_json() plus each step's text and result in words.
nlohmann::json scenario_json(const ScenarioOutcome& outcome);

// The document less its "timings": what equal runs agree on byte for byte.
nlohmann::json without_timings(nlohmann::json doc);

// seeds.json: the exploration's seeds, every block's included, whichever shard runs it.
nlohmann::json seeds_document(const CertifySettings& settings);

// The step where a scenario of results.json first diverged, or null.
const nlohmann::json* first_diverging_step(const nlohmann::json& scenario);

// How the bundle writes JSON: indented, invalid UTF-8 (an agent's garbage) replaced, and a
// final newline.
std::string json_file_text(const nlohmann::json& doc);

// hello.json: the implementation's answer to hello, as received.
nlohmann::json hello_document(const Hello& hello);

}  // namespace wnc
