// `wnetconf certify --merge OUT DIR...`: shard bundles into the bundle that one unsharded
// run would have written (results.json equal but for timings).
#pragma once

#include <filesystem>
#include <vector>

#include "certify/certification.h"

namespace wnc {

// Every shard must verify and come from one certification: the same corpus, ledger, model,
// catalog, seeds and hello. Throws InputError saying which shard is wrong and how.
Certification merge_bundles(const std::filesystem::path& out, const std::vector<std::filesystem::path>& shards);

}  // namespace wnc
