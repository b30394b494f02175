// wnetconf-agent.exe: serves agent protocol v1 (docs/agent-protocol.md) on stdin/stdout, or on TCP with
// --listen HOST:PORT, performing every step with the platform's real API.
#include <windows.h>

#include <cstdio>
#include <string>

#include "../common/text.h"
#include "session.h"

namespace {

void write_stderr(const std::string& text) {
  DWORD written = 0;
  WriteFile(GetStdHandle(STD_ERROR_HANDLE), text.data(), static_cast<DWORD>(text.size()), &written, nullptr);
}

// A crash (Wine's mpr dies on some NULL names) ends the process at once with one line
// that names the exception and the module it happened in: no debugger, no dialog.
LONG WINAPI report_crash(EXCEPTION_POINTERS* info) {
  const EXCEPTION_RECORD& record = *info->ExceptionRecord;
  wchar_t module_path[MAX_PATH] = L"?";
  HMODULE module = nullptr;
  if (GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS | GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT,
                         static_cast<LPCWSTR>(record.ExceptionAddress), &module))
    GetModuleFileNameW(module, module_path, MAX_PATH);
  char line[512];
  std::snprintf(line, sizeof line, "wnetconf-agent: crashed: exception 0x%08lx at %p in %s\n",
                static_cast<unsigned long>(record.ExceptionCode), record.ExceptionAddress,
                wnc::win::narrow(module_path).c_str());
  write_stderr(line);
  TerminateProcess(GetCurrentProcess(), record.ExceptionCode);
  return EXCEPTION_EXECUTE_HANDLER;
}

int usage() {
  write_stderr("usage: wnetconf-agent.exe [--listen HOST:PORT]\n"
               "Serves wnetconf agent protocol v1 (JSON Lines) on stdin/stdout, or on TCP.\n");
  return 2;
}

std::wstring current_directory() {
  wchar_t dir[MAX_PATH];
  DWORD n = GetCurrentDirectoryW(MAX_PATH, dir);
  return std::wstring(dir, n < MAX_PATH ? n : 0);
}

int listen_on(wnc::win::AgentState& state, const std::string& address) {
  size_t colon = address.rfind(':');
  if (colon == std::string::npos) return usage();
  try {
    wnc::win::TcpListener listener(address.substr(0, colon), address.substr(colon + 1));
    write_stderr("wnetconf-agent: listening on " + listener.address() + "\n");
    // One client at a time, until one says bye.
    while (auto client = listener.accept())
      if (wnc::win::serve(state, *client)) return 0;
    return 1;
  } catch (const std::exception& e) {
    write_stderr(std::string("wnetconf-agent: ") + e.what() + "\n");
    return 1;
  }
}

}  // namespace

int wmain(int argc, wchar_t** argv) {
  SetErrorMode(SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX | SEM_NOOPENFILEERRORBOX);
  SetUnhandledExceptionFilter(report_crash);

  wnc::win::AgentState state;
  state.platform = wnc::win::detect_platform();
  state.start_directory = current_directory();

  if (argc == 3 && std::wstring(argv[1]) == L"--listen") return listen_on(state, wnc::win::narrow(argv[2]));
  if (argc != 1) return usage();
  auto io = wnc::win::stdio_lines();
  wnc::win::serve(state, *io);
  return 0;
}
