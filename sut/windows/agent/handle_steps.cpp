#include <string>

#include "../common/names.h"
#include "../common/text.h"
#include "ledger.h"
#include "steps.h"
#include "test_area.h"

namespace wnc::win {

namespace {

constexpr DWORD kShareAll = FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE;

// A share holds whatever a scenario names: create the directories on the way to `path`
// (and `path` itself for a directory). Failures are left for the real call to report.
// Only for a path on the test network (test_area.h).
void make_path_exist(const std::wstring& path, bool directory) {
  size_t first = is_remote_name(path) ? unc_root(path).size() + 1 : 3;
  for (size_t pos = path.find(L'\\', first); pos != std::wstring::npos; pos = path.find(L'\\', pos + 1))
    CreateDirectoryW(path.substr(0, pos).c_str(), nullptr);
  if (directory) CreateDirectoryW(path.c_str(), nullptr);
}

Use use_of(const OpenHandle& h) { return h.directory ? Use::Directory : Use::File; }

void drop(std::map<std::string, OpenHandle>& table, const std::string& name, Use use) {
  auto it = table.find(name);
  if (it == table.end()) return;
  CloseHandle(it->second.handle);
  detach(it->second.connection, use);
  table.erase(it);
}

// A name that holds no open handle: the API's own answer for a handle that is not one.
Result no_such_handle() {
  CloseHandle(nullptr);
  return code(GetLastError());
}

}  // namespace

Result open_step(AgentState& state, const OpenStep& s) {
  std::wstring path = widen(s.path);
  bool directory = s.kind == HandleKind::Directory;
  const bool create = path_use(path) == PathUse::Create;
  if (create) make_path_exist(path, directory);
  else if (!directory && missing_local_file(path))
    throw Unsupported("open " + s.path + ": the file is not there, and on a real machine the agent creates files "
                      "only on the test network's shares");
  // What is not the agent's to create is opened for reading only.
  const DWORD access = directory || !create ? GENERIC_READ : GENERIC_READ | GENERIC_WRITE;
  HANDLE h = CreateFileW(path.c_str(), access, kShareAll, nullptr, directory || !create ? OPEN_EXISTING : OPEN_ALWAYS,
                         directory ? FILE_FLAG_BACKUP_SEMANTICS : FILE_ATTRIBUTE_NORMAL, nullptr);
  if (h == INVALID_HANDLE_VALUE) return code(GetLastError());
  if (auto old = state.handles.find(s.handle); old != state.handles.end())
    drop(state.handles, s.handle, use_of(old->second));
  OpenHandle opened{h, 0, directory};
  opened.connection = attach(path, use_of(opened));
  state.handles[s.handle] = opened;
  return code(NO_ERROR);
}

Result close_step(AgentState& state, const CloseStep& s) {
  auto it = state.handles.find(s.handle);
  if (it == state.handles.end()) return no_such_handle();
  OpenHandle h = it->second;
  state.handles.erase(it);
  DWORD rc = CloseHandle(h.handle) ? NO_ERROR : GetLastError();
  detach(h.connection, use_of(h));
  return code(rc);
}

Result io_step(AgentState& state, const IoStep& s) {
  auto it = state.handles.find(s.handle);
  if (it == state.handles.end()) {
    DWORD n = 0;
    char byte;
    ReadFile(nullptr, &byte, 1, &n, nullptr);
    return code(GetLastError());
  }
  const OpenHandle& h = it->second;
  // An orphaned handle: a real redirector fails it; Wine has none, so the provider's
  // bookkeeping answers for it.
  if (h.connection != 0 && !alive(h.connection)) return code(ERROR_UNEXP_NET_ERR);
  if (h.directory) {
    BY_HANDLE_FILE_INFORMATION info;
    return code(GetFileInformationByHandle(h.handle, &info) ? NO_ERROR : GetLastError());
  }
  DWORD n = 0;
  char byte;
  return code(ReadFile(h.handle, &byte, 1, &n, nullptr) ? NO_ERROR : GetLastError());
}

Result chdir_step(AgentState& state, const ChdirStep& s) {
  std::wstring path = widen(s.path);
  if (path_use(path) == PathUse::Create) make_path_exist(path, true);
  if (!SetCurrentDirectoryW(path.c_str())) return code(GetLastError());
  detach(state.cwd_connection, Use::CurrentDirectory);
  state.cwd_connection = attach(path, Use::CurrentDirectory);
  return code(NO_ERROR);
}

Result job_step(AgentState& state, const JobStep& s) {
  if (state.platform.wine)
    throw Unsupported("print jobs: Wine opens LPT devices through the prefix's dosdevices/ directory, "
                      "which the provider's DefineDosDevice link does not reach");
  std::wstring device = widen(s.device);
  HANDLE h = CreateFileW(device.c_str(), GENERIC_WRITE, kShareAll, nullptr, OPEN_EXISTING, 0, nullptr);
  if (h == INVALID_HANDLE_VALUE) return code(GetLastError());
  if (state.jobs.count(s.job)) drop(state.jobs, s.job, Use::Job);
  state.jobs[s.job] = OpenHandle{h, attach(device, Use::Job), false};
  return code(NO_ERROR);
}

Result end_job_step(AgentState& state, const EndJobStep& s) {
  if (state.platform.wine) throw Unsupported("print jobs are not supported on Wine (see job)");
  auto it = state.jobs.find(s.job);
  if (it == state.jobs.end()) return no_such_handle();
  OpenHandle h = it->second;
  state.jobs.erase(it);
  DWORD rc = CloseHandle(h.handle) ? NO_ERROR : GetLastError();
  detach(h.connection, Use::Job);
  return code(rc);
}

}  // namespace wnc::win
