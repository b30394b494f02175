#include "network.h"

#include <winnetwk.h>

#include <cwchar>
#include <string>
#include <string_view>

#include "../common/names.h"
#include "../common/device_links.h"
#include "../common/shared_net.h"
#include "extended_error.h"

// names.cpp answers with the codes themselves: it has no Windows headers.
static_assert(WN_BAD_LOCALNAME == 1200 && WN_BAD_DEV_TYPE == 66);

namespace wnc::win {

namespace {

// An armed provider fault fails this call: WN_EXTENDED_ERROR with the fault's details.
bool consume_fault(SharedNet& net) {
  if (net.fault.remaining <= 0) return false;
  --net.fault.remaining;
  report_extended_error(net.fault.code, net.fault.text, net.fault.provider);
  return true;
}

bool on_network(const SharedNet& net, std::wstring_view remote, DWORD type) {
  for (int i = 0; i < net.resource_count; ++i)
    if (net.resources[i].type == type && same_remote(net.resources[i].remote, remote)) return true;
  return false;
}

bool mine(const Connection& c, const LUID& logon) { return c.id != 0 && same_logon(c.logon, logon); }

// The caller's connection that `name` names (a device, or a deviceless remote), if any.
Connection* find_named(SharedNet& net, const wchar_t* name, const LUID& logon) {
  for (auto& c : net.connections)
    if (mine(c, logon) && cancel_matches(name, c.local, c.remote)) return &c;
  return nullptr;
}

Connection* free_slot(SharedNet& net) {
  for (auto& c : net.connections)
    if (c.id == 0) return &c;
  return nullptr;
}

// What blocks a cancel without force: files and jobs first, then directories.
DWORD in_use(const Connection& c) {
  if (c.open_files > 0 || c.jobs > 0) return WN_OPEN_FILES;
  if (c.open_dirs > 0 || c.current_dirs > 0) return ERROR_DEVICE_IN_USE;
  return WN_SUCCESS;
}

}  // namespace

DWORD add_connection(const NETRESOURCEW& resource) {
  std::wstring_view local = resource.lpLocalName ? resource.lpLocalName : L"";
  std::wstring_view remote = resource.lpRemoteName ? resource.lpRemoteName : L"";
  DWORD type = resource.dwType == RESOURCETYPE_PRINT ? RESOURCETYPE_PRINT : RESOURCETYPE_DISK;
  if (DWORD bad = add_local_check(local, type == RESOURCETYPE_DISK)) return bad;
  if (!local.empty() && device_in_use(local)) return WN_ALREADY_CONNECTED;
  SharedNetLock lock;
  SharedNet* net = lock.get();
  if (!net) return WN_NO_NETWORK;
  if (consume_fault(*net)) return WN_EXTENDED_ERROR;
  if (!is_remote_name(remote) || remote.size() >= kNameChars || !on_network(*net, remote, type))
    return WN_BAD_NETNAME;
  LUID logon = caller_logon();
  // Several deviceless uses of one remote are one connection.
  if (local.empty() && find_named(*net, resource.lpRemoteName, logon)) return WN_SUCCESS;
  Connection* slot = free_slot(*net);
  if (!slot) return WN_OUT_OF_MEMORY;
  if (!local.empty()) {
    // Recorded first: a definition that half-succeeds is still removed at the next reset.
    net->devices_made |= device_bit(local);
    if (DWORD err = define_device(local, remote)) return err;
  }
  *slot = Connection{};
  slot->id = ++net->next_id;
  slot->logon = logon;
  set_text(slot->local, local);
  set_text(slot->remote, remote);
  slot->type = type;
  return WN_SUCCESS;
}

DWORD cancel_connection(const wchar_t* name, bool force) {
  SharedNetLock lock;
  SharedNet* net = lock.get();
  if (!net) return WN_NO_NETWORK;
  // Every call that reaches the provider meets the fault, whatever its name.
  if (consume_fault(*net)) return WN_EXTENDED_ERROR;
  Connection* c = find_named(*net, name, caller_logon());
  if (!c) return WN_NOT_CONNECTED;
  if (!force)
    if (DWORD busy = in_use(*c)) return busy;
  if (c->local[0]) remove_device(c->local);
  *c = Connection{};  // its handles, jobs and current directory are orphaned
  return WN_SUCCESS;
}

DWORD get_connection(const wchar_t* local, wchar_t* remote, DWORD* chars) {
  if (!local || !chars) return WN_BAD_POINTER;
  SharedNetLock lock;
  SharedNet* net = lock.get();
  if (!net) return WN_NO_NETWORK;
  if (!is_device_name(local)) return WN_BAD_LOCALNAME;  // P-NAME-FORM, as the model's get_connection
  Connection* c = find_named(*net, local, caller_logon());
  if (!c) return WN_NOT_CONNECTED;
  DWORD needed = static_cast<DWORD>(std::wcslen(c->remote) + 1);
  if (!remote || *chars < needed) {
    *chars = needed;
    return WN_MORE_DATA;
  }
  std::wmemcpy(remote, c->remote, needed);
  return WN_SUCCESS;
}

}  // namespace wnc::win
