#include "ledger.h"

#include "../common/names.h"
#include "../common/shared_net.h"

namespace wnc::win {

namespace {

Connection* connection_for(SharedNet& net, std::wstring_view path) {
  LUID logon = caller_logon();
  std::wstring_view device = path.substr(0, path.find(L'\\'));
  std::wstring root = unc_root(path);
  for (auto& c : net.connections) {
    if (c.id == 0 || !same_logon(c.logon, logon)) continue;
    if (c.local[0] ? is_device_name(device) && same_device(c.local, device)
                   : !root.empty() && same_remote(c.remote, root))
      return &c;
  }
  return nullptr;
}

int& counter(Connection& c, Use use) {
  switch (use) {
    case Use::File: return c.open_files;
    case Use::Directory: return c.open_dirs;
    case Use::CurrentDirectory: return c.current_dirs;
    case Use::Job: return c.jobs;
  }
  return c.open_files;
}

}  // namespace

std::uint64_t attach(std::wstring_view path, Use use) {
  SharedNetLock lock;
  if (!lock.get()) return 0;
  Connection* c = connection_for(*lock.get(), path);
  if (!c) return 0;
  ++counter(*c, use);
  return c->id;
}

void detach(std::uint64_t connection, Use use) {
  SharedNetLock lock;
  if (!lock.get() || connection == 0) return;
  for (auto& c : lock.get()->connections)
    if (c.id == connection && counter(c, use) > 0) --counter(c, use);
}

bool alive(std::uint64_t connection) {
  SharedNetLock lock;
  if (!lock.get()) return false;
  for (const auto& c : lock.get()->connections)
    if (c.id == connection) return true;
  return false;
}

}  // namespace wnc::win
