#include "../common/device_links.h"
#include "../common/shared_net.h"
#include "../common/text.h"
#include "profile_faults.h"
#include "agent_state.h"

namespace wnc::win {

namespace {

void close_all(std::map<std::string, OpenHandle>& table) {
  for (auto& [name, h] : table) CloseHandle(h.handle);
  table.clear();
}

// The provider's fresh network: no connections, no fault, the reset's shares and printers.
void reset_network(const Network& network) {
  size_t count = network.shares.size() + network.printers.size();
  if (count > static_cast<size_t>(kMaxResources))
    throw InvalidRequest("the network declares " + std::to_string(count) + " resources; the provider holds at most " +
                         std::to_string(kMaxResources));
  SharedNetLock lock;
  SharedNet* net = lock.get();
  if (!net) throw std::runtime_error("cannot open the provider's shared state (error " + std::to_string(GetLastError()) + ")");
  remove_devices(net->devices_made);
  std::uint64_t next_id = net->next_id;  // ids stay unique across resets: old handles never match
  ZeroMemory(net, sizeof *net);
  net->next_id = next_id;
  auto add = [&](const std::string& remote, DWORD type) {
    std::wstring wide = widen(remote);
    NetResource& r = net->resources[net->resource_count++];
    set_text(r.remote, wide);
    r.type = type;
    prepare_resource(wide, type);
  };
  for (const auto& s : network.shares) add(s, RESOURCETYPE_DISK);
  for (const auto& p : network.printers) add(p, RESOURCETYPE_PRINT);
}

}  // namespace

void reset_world(AgentState& state, const Setup& setup) {
  close_all(state.handles);
  close_all(state.jobs);
  state.cwd_connection = 0;
  SetCurrentDirectoryW(state.start_directory.c_str());
  // The first reset sweeps the whole namespace, for what an agent that died made; later ones
  // remove what the provider's record lists.
  if (!state.devices_swept) {
    remove_all_devices();
    state.devices_swept = true;
  }
  reset_network(setup.network);
  if (DWORD rc = reset_profile(state.saved_profile_security))
    throw std::runtime_error("cannot reset HKCU\\Network (error " + std::to_string(rc) + ")");

  state.setup = setup;
  // One declared logon is the agent's own process identity; with several, none is.
  state.identity = setup.logons.size() == 1 ? setup.logons.begin()->first : std::string();
  state.unsupported = setup.profile == BehaviourProfile::NtLinked
                          ? "profile nt-linked: the agent has no linked (UAC split) logon pair"
                          : std::string();
}

}  // namespace wnc::win
