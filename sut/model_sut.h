// The reference model driven as an implementation under test (`--sut model`): it
// validates the corpus, and serves as the oracle side of differential runs.
#pragma once

#include <memory>

#include "sut.h"

namespace wnc {

std::unique_ptr<Sut> make_model_sut();

// Every capability name: the step kinds and the features of sut/capabilities.h.
const std::set<std::string>& all_capabilities();

// The hello response of protocol v1 for an implementation with these facts.
nlohmann::json hello_json(const std::string& name, const std::string& version,
                          const std::string& platform, const std::set<std::string>& capabilities);

}  // namespace wnc
