// The print spooler: a job on a print redirection writes through a file on that connection,
// so a job holds the connection like an open file.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "handle_table.h"
#include "mutants.h"
#include "object_namespace.h"
#include "redirector.h"

namespace wnc::sim {

class Spooler {
 public:
  Spooler(const ObjectNamespace& ns, const Redirector& redirector, HandleTable& handles,
          Mutants mutants)
      : ns_(ns), redirector_(redirector), handles_(handles), mutants_(mutants) {}

  // NO_ERROR with *job when `device` is a print redirection in the caller's view, else
  // ERROR_NOT_CONNECTED.
  Code start_job(Luid luid, const std::string& device, JobId* job);
  // Ends an active or orphaned job.
  void end_job(JobId job);

 private:
  const ObjectNamespace& ns_;
  const Redirector& redirector_;
  HandleTable& handles_;
  Mutants mutants_;
  JobId next_ = 1;
  std::map<JobId, std::optional<HandleId>> jobs_;  // nullopt: spooled locally (the bug)
};

}  // namespace wnc::sim
