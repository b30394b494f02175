#include "spooler.h"

#include "names.h"
#include "vocabulary/internal_error.h"

namespace wnc::sim {

Code Spooler::start_job(Luid luid, const std::string& device, JobId* job) {
  const std::optional<std::string> dev = device_name(device);
  if (!dev || !is_print_device(*dev)) return code::kNotConnected;
  const std::optional<std::string> target = ns_.resolve(luid, *dev);
  if (!target) return code::kNotConnected;
  const std::optional<ConnId> conn = redirector_.connection_at(*target, ResourceType::Print);
  if (!conn) return code::kNotConnected;
  *job = next_++;
  if (mutants_.has(Mutant::JobsNotCounted))
    jobs_[*job] = std::nullopt;
  else
    jobs_[*job] = handles_.insert({luid, HandleKind::File, conn, false});
  return code::kNoError;
}

void Spooler::end_job(JobId job) {
  auto it = jobs_.find(job);
  WNC_ASSERT(it != jobs_.end(), "end of a live job");
  if (it->second) handles_.close(*it->second);
  jobs_.erase(it);
}

}  // namespace wnc::sim
