// Steps of the scenario language translated into calls on the simulated machine.
#include "sim_sut.h"

#include <map>
#include <optional>
#include <stdexcept>

#include "vocabulary/capabilities.h"
#include "protocol/hello_json.h"
#include "fault_injection.h"
#include "names.h"
#include "sim_world.h"
#include "vocabulary/internal_error.h"
#include "vocabulary/version.h"

namespace wnc {

namespace {

using namespace sim;

Result rc_only(Code rc) {
  Result r;
  r.rc = rc;
  return r;
}

class SimSut final : public Sut {
 public:
  explicit SimSut(Mutants mutants)
      : mutants_(mutants), world_(std::make_unique<SimWorld>(Setup{}, mutants)) {}

  Hello hello() override;

  void reset(const Setup& setup) override {
    world_ = std::make_unique<SimWorld>(setup, mutants_);
    handles_.clear();
    jobs_.clear();
  }

  Result step(const Step& step) override {
    return std::visit([this](const auto& s) { return run(s); }, step);
  }

 private:
  Luid as(const std::string& name) const { return world_->sessions.require(name); }
  // A handle or job name some earlier step declared; nullopt once it failed or was closed.
  template <class Id>
  static std::optional<Id>& declared(std::map<std::string, std::optional<Id>>& names,
                                     const std::string& name, const char* what);
  template <class Id>
  static void ensure_free(const std::map<std::string, std::optional<Id>>& names,
                          const std::string& name, const char* what);

  Result run(const AddStep& s);
  Result run(const CancelStep& s);
  Result run(const GetConnectionStep& s);
  Result run(const DrivesStep& s);
  Result run(const QueryDosDeviceStep& s);
  Result run(const OpenStep& s);
  Result run(const CloseStep& s);
  Result run(const IoStep& s);
  Result run(const ChdirStep& s);
  Result run(const JobStep& s);
  Result run(const EndJobStep& s);
  Result run(const ProfileFaultStep& s);
  Result run(const ProviderFaultStep& s);
  Result run(const LastErrorStep& s);
  Result run(const LogonStep& s);
  Result run(const LogoffStep& s);
  Result run(const ProfileStep& s);

  Mutants mutants_;
  std::unique_ptr<SimWorld> world_;
  std::map<std::string, std::optional<HandleId>> handles_;
  std::map<std::string, std::optional<JobId>> jobs_;
};

Hello SimSut::hello() {
  Hello h{"wnetconf-sim", kVersion, "simulated Windows NT (in-process)", {}, {}};
  h.capabilities = capability::all();
  h.raw = hello_to_json(h);
  return h;
}

template <class Id>
std::optional<Id>& SimSut::declared(std::map<std::string, std::optional<Id>>& names,
                                    const std::string& name, const char* what) {
  auto it = names.find(name);
  if (it == names.end())
    throw std::invalid_argument(std::string(what) + " '" + name + "' was never declared");
  return it->second;
}

template <class Id>
void SimSut::ensure_free(const std::map<std::string, std::optional<Id>>& names,
                         const std::string& name, const char* what) {
  auto it = names.find(name);
  if (it != names.end() && it->second)
    throw std::invalid_argument(std::string(what) + " '" + name + "' is still in use");
}

Result SimSut::run(const AddStep& s) {
  const std::uint32_t flags = s.persistent ? kConnectUpdateProfile : 0;
  return rc_only(world_->router.add_connection2(as(s.as), {s.type, s.local, s.remote}, flags));
}

Result SimSut::run(const CancelStep& s) {
  const Luid luid = as(s.as);
  const std::uint32_t flags = s.update_profile ? kConnectUpdateProfile : 0;
  Router& r = world_->router;
  switch (s.api) {
    case Api::W:
      return rc_only(r.cancel_connection_w(luid, s.name, s.force));
    case Api::A:
      return rc_only(r.cancel_connection_a(luid, s.name, s.force));
    case Api::W2:
      return rc_only(r.cancel_connection2_w(luid, s.name, flags, s.force));
    case Api::A2:
      return rc_only(r.cancel_connection2_a(luid, s.name, flags, s.force));
  }
  throw InternalError("cancel: an Api the switch above does not handle");
}

Result SimSut::run(const GetConnectionStep& s) {
  std::string remote;
  Result r = rc_only(world_->router.get_connection(as(s.as), s.local, &remote));
  if (r.rc == code::kNoError || r.rc == code::kConnectionUnavail) r.remote = remote;
  return r;
}

// GetLogicalDrives: the drive letters among the names in the caller's DOS device view.
Result SimSut::run(const DrivesStep& s) {
  Result r = rc_only(code::kNoError);
  r.drives.emplace();
  for (const std::string& name : world_->ns.visible_names(as(s.as)))
    if (name.size() == 2 && name[1] == ':') r.drives->push_back(name[0]);
  return r;
}

Result SimSut::run(const QueryDosDeviceStep& s) {
  const Luid luid = as(s.as);
  const std::optional<std::string> device = device_name(s.name);
  const std::optional<std::string> target =
      device ? world_->ns.resolve(luid, *device) : std::nullopt;
  if (!target) return rc_only(code::kFileNotFound);
  Result r = rc_only(code::kNoError);
  r.target = target;
  return r;
}

Result SimSut::run(const OpenStep& s) {
  const Luid luid = as(s.as);
  ensure_free(handles_, s.handle, "handle");
  HandleId id = 0;
  const Code rc = world_->io.open(luid, s.path, s.kind, &id);
  handles_[s.handle] = rc == code::kNoError ? std::optional(id) : std::nullopt;
  return rc_only(rc);
}

Result SimSut::run(const CloseStep& s) {
  std::optional<HandleId>& h = declared(handles_, s.handle, "handle");
  if (!h) return rc_only(code::kInvalidHandle);
  world_->handles.close(*h);
  h.reset();
  return rc_only(code::kNoError);
}

Result SimSut::run(const IoStep& s) {
  const std::optional<HandleId>& h = declared(handles_, s.handle, "handle");
  return rc_only(h ? world_->handles.io(*h) : code::kInvalidHandle);
}

Result SimSut::run(const ChdirStep& s) {
  return rc_only(world_->processes.change_directory(as(s.as), s.path));
}

Result SimSut::run(const JobStep& s) {
  const Luid luid = as(s.as);
  ensure_free(jobs_, s.job, "job");
  JobId id = 0;
  const Code rc = world_->spooler.start_job(luid, s.device, &id);
  jobs_[s.job] = rc == code::kNoError ? std::optional(id) : std::nullopt;
  return rc_only(rc);
}

Result SimSut::run(const EndJobStep& s) {
  std::optional<JobId>& j = declared(jobs_, s.job, "job");
  if (!j) return rc_only(code::kInvalidHandle);
  world_->spooler.end_job(*j);
  j.reset();
  return rc_only(code::kNoError);
}

Result SimSut::run(const ProfileFaultStep& s) {
  inject_profile_fault(world_->registry, world_->sessions.sid_of_user(s.user), s);
  return rc_only(code::kNoError);
}

// Read as a registry editor would, past MPR and its bugs: the hive itself.
Result SimSut::run(const ProfileStep& s) {
  RegKey* network = nullptr;
  const Code rc = world_->registry.open_key(network_key(world_->sessions.sid_of_user(s.user)), &network);
  if (rc == code::kFileNotFound) return rc_only(code::kFileNotFound);
  if (rc != code::kNoError) return rc_only(code::kCannotOpenProfile);
  const RegKey* entry = network->subkey(profile_key(s.device));
  if (!entry) return rc_only(code::kFileNotFound);
  if (entry_is_corrupt(*entry)) return rc_only(code::kBadProfile);
  Result r = rc_only(code::kNoError);
  r.remote = entry->value("RemotePath")->sz;
  return r;
}

Result SimSut::run(const ProviderFaultStep& s) {
  world_->redirector.arm_fault({s.code, s.text, s.name}, s.times);
  return rc_only(code::kNoError);
}

Result SimSut::run(const LastErrorStep& s) {
  const ExtendedError e = world_->router.get_last_error(as(s.as));
  Result r = rc_only(code::kNoError);
  r.code = e.code;
  r.text = e.text;
  r.provider = e.provider;
  return r;
}

// The session does not matter: namespaces are per logon whatever the session (R-LUID-ANY-SESSION).
Result SimSut::run(const LogonStep& s) {
  LogonSessions& sessions = world_->sessions;
  sessions.logon(s.name, s.user,
                 s.linked ? std::optional(sessions.require(*s.linked)) : std::nullopt);
  return rc_only(code::kNoError);
}

Result SimSut::run(const LogoffStep& s) {
  world_->logoff(as(s.as));
  return rc_only(code::kNoError);
}

}  // namespace

const std::vector<MutantInfo>& sim_mutants() {
  static const std::vector<MutantInfo> infos = [] {
    std::vector<MutantInfo> v;
    for (const MutantEntry& e : mutant_table())
      v.push_back({std::string(e.name), std::string(e.description)});
    return v;
  }();
  return infos;
}

std::unique_ptr<Sut> make_sim_sut(const std::string& mutants) {
  return std::make_unique<SimSut>(mutants_from_names(mutants));
}

}  // namespace wnc
