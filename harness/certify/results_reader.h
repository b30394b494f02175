// Reads results documents back into a certification: how shards merge into one.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "certify/certification.h"

namespace wnc {

// What a results document says was asked for: vendor, sut, seeds and shard.
CertifySettings settings_from_results(const nlohmann::json& doc);

// One certification from the results documents of all its shards (or of one whole run),
// the bundle's corpus (sorted by id), ledger and hello. Outcomes are re-judged against the
// ledger as one run, so the ledger's stale entries come out as an unsharded run's would.
// Throws InputError when the documents are not the shards of one certification.
Certification certification_from_results(const std::vector<nlohmann::json>& docs,
                                          std::shared_ptr<const std::vector<Scenario>> corpus,
                                          std::optional<Ledger> ledger, const Hello& hello);

}  // namespace wnc
