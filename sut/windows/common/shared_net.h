// The provider <-> agent channel: one named shared-memory section holding the simulated
// network and redirector state, guarded by one named mutex. Named objects rather than
// globals because the provider and the agent need not share a process (a logon per process
// on Windows); on Wine mpr loads the provider into the agent's process.
#pragma once

#include <windows.h>

#include <cstdint>
#include <string_view>

namespace wnc::win {

inline constexpr int kMaxResources = 32;  // shares and printers of one network
inline constexpr int kMaxConnections = 64;
inline constexpr int kNameChars = 260;
inline constexpr int kDeviceChars = 8;  // "LPT9:" and its NUL

struct NetResource {
  wchar_t remote[kNameChars];  // as the scenario declared it
  DWORD type;                  // RESOURCETYPE_DISK or RESOURCETYPE_PRINT
};

// One connection of one logon, and what the redirector would count on it. Wine has no
// redirector, so the agent reports the handles, jobs and current directories it makes.
struct Connection {
  std::uint64_t id;  // 0: a free slot
  LUID logon;
  wchar_t local[kDeviceChars];  // "Z:", "LPT1:"; empty when deviceless
  wchar_t remote[kNameChars];   // as given to the add
  DWORD type;
  int open_files;
  int open_dirs;
  int current_dirs;
  int jobs;
};

struct ProviderFault {
  int remaining;  // calls still to fail
  DWORD code;
  wchar_t text[256];
  wchar_t provider[128];
};

struct SharedNet {
  std::uint64_t next_id;
  // Every device the provider made since the reset (device_bit), removed or not: a reset
  // removes these instead of sweeping the whole namespace (GetLogicalDrives costs
  // milliseconds on Wine).
  std::uint64_t devices_made;
  int resource_count;
  NetResource resources[kMaxResources];
  ProviderFault fault;
  Connection connections[kMaxConnections];
};

// Exclusive access to the shared state for one scope. get() is null when the section
// or its mutex cannot be opened (the caller answers as a network that is down).
class SharedNetLock {
 public:
  SharedNetLock();
  ~SharedNetLock();
  SharedNetLock(const SharedNetLock&) = delete;
  SharedNetLock& operator=(const SharedNetLock&) = delete;
  SharedNet* get() const { return net_; }

 private:
  SharedNet* net_ = nullptr;
};

// Copies into a fixed field of the shared state, cut to fit.
template <size_t N>
void set_text(wchar_t (&to)[N], std::wstring_view from) {
  size_t n = from.size() < N - 1 ? from.size() : N - 1;
  from.copy(to, n);
  to[n] = L'\0';
}

// The authentication ID of the calling thread's token (its impersonation token if any).
LUID caller_logon();
bool same_logon(const LUID& a, const LUID& b);

}  // namespace wnc::win
