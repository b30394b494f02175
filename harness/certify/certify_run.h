// Runs a certification: this shard's scenarios of the corpus, then its exploration blocks.
#pragma once

#include <filesystem>
#include <functional>
#include <ostream>

#include "certify/certification.h"
#include "explore/explore_blocks.h"

namespace wnc {

struct CertifyRequest {
  CertifySettings settings;
  std::shared_ptr<const std::vector<Scenario>> corpus;  // sorted by id, files relative to the bundle
  std::optional<Ledger> ledger;
  std::filesystem::path bundle;      // failing exploration cases are saved in bundle/exploration
  std::ostream* progress = nullptr;  // stderr for a progress bar or lines; null for none
};

// Throws SutFailure when the implementation cannot be driven at all.
Certification run_certification(Sut& sut, const CertifyRequest& request, const ExploreFn& explore);

// Where failing exploration cases go, relative to the bundle.
inline constexpr const char* kExplorationDir = "exploration";

}  // namespace wnc
