#include "line_io.h"

#include <ws2tcpip.h>

#include <stdexcept>

#include "protocol/agent_access.h"

namespace wnc::win {

LineRead LineIo::take_line(std::string& line) {
  if (size_t end = pending_.find('\n'); end != std::string::npos) {
    if (end > kMaxRequestLine) return LineRead::TooLong;
    line = pending_.substr(0, end);
    pending_.erase(0, end + 1);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return LineRead::Line;
  }
  return pending_.size() > kMaxRequestLine ? LineRead::TooLong : LineRead::None;
}

LineRead LineIo::read_line(std::string& line) {
  for (;;) {
    if (LineRead r = read_line_now(line); r != LineRead::None) return r;
  }
}

LineRead LineIo::read_line_now(std::string& line) {
  if (LineRead r = take_line(line); r != LineRead::None) return r;
  char buffer[4096];
  int n = read_some(buffer, sizeof buffer);
  if (n <= 0) return LineRead::End;  // a last line without its newline is not a request
  pending_.append(buffer, static_cast<size_t>(n));
  return take_line(line);
}

bool LineIo::write_line(const std::string& line) {
  std::string out = line + "\n";
  return write_all(out.data(), out.size());
}

namespace {

// Raw handles, not the C runtime's streams: no text-mode translation, no buffering.
class HandleLines final : public LineIo {
 protected:
  int read_some(char* buffer, int size) override {
    DWORD n = 0;
    if (!ReadFile(GetStdHandle(STD_INPUT_HANDLE), buffer, static_cast<DWORD>(size), &n, nullptr)) return 0;
    return static_cast<int>(n);
  }
  bool write_all(const char* data, size_t size) override {
    HANDLE out = GetStdHandle(STD_OUTPUT_HANDLE);
    while (size > 0) {
      DWORD n = 0;
      if (!WriteFile(out, data, static_cast<DWORD>(size), &n, nullptr) || n == 0) return false;
      data += n;
      size -= n;
    }
    return true;
  }
};

}  // namespace

std::unique_ptr<LineIo> stdio_lines() { return std::make_unique<HandleLines>(); }

int SocketLines::read_some(char* buffer, int size) { return recv(socket_, buffer, size, 0); }

bool SocketLines::write_all(const char* data, size_t size) {
  while (size > 0) {
    int n = send(socket_, data, static_cast<int>(size), 0);
    if (n <= 0) return false;
    data += n;
    size -= static_cast<size_t>(n);
  }
  return true;
}

TcpListener::TcpListener(const std::string& host, int port_number) {
  const std::string port = std::to_string(port_number);
  WSADATA wsa;
  if (WSAStartup(MAKEWORD(2, 2), &wsa) != 0) throw std::runtime_error("WSAStartup failed");
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE;
  addrinfo* found = nullptr;
  if (getaddrinfo(host.c_str(), port.c_str(), &hints, &found) != 0 || !found)
    throw std::runtime_error("cannot resolve " + host + ":" + port);
  socket_ = ::socket(found->ai_family, found->ai_socktype, found->ai_protocol);
  bool ok = socket_ != INVALID_SOCKET && bind(socket_, found->ai_addr, static_cast<int>(found->ai_addrlen)) == 0 &&
            listen(socket_, 1) == 0;
  freeaddrinfo(found);
  if (!ok) throw std::runtime_error("cannot listen on " + host + ":" + port + " (WSA error " +
                                    std::to_string(WSAGetLastError()) + ")");
}

TcpListener::~TcpListener() {
  if (socket_ != INVALID_SOCKET) closesocket(socket_);
  WSACleanup();
}

std::string TcpListener::address() const {
  sockaddr_storage addr{};
  int size = sizeof addr;
  getsockname(socket_, reinterpret_cast<sockaddr*>(&addr), &size);
  char host[NI_MAXHOST] = "", port[NI_MAXSERV] = "";
  getnameinfo(reinterpret_cast<sockaddr*>(&addr), size, host, sizeof host, port, sizeof port,
              NI_NUMERICHOST | NI_NUMERICSERV);
  return std::string(host) + ":" + port;
}

std::unique_ptr<SocketLines> TcpListener::accept() {
  SOCKET client = ::accept(socket_, nullptr, nullptr);
  if (client == INVALID_SOCKET) return nullptr;
  return std::make_unique<SocketLines>(client);
}

bool is_loopback(const std::string& host) {
  WSADATA wsa;
  if (WSAStartup(MAKEWORD(2, 2), &wsa) != 0) return false;
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE;
  addrinfo* found = nullptr;
  bool loopback = getaddrinfo(host.c_str(), "0", &hints, &found) == 0 && found;
  for (addrinfo* a = found; a; a = a->ai_next) {
    if (a->ai_family == AF_INET)
      loopback = loopback && (ntohl(reinterpret_cast<sockaddr_in*>(a->ai_addr)->sin_addr.s_addr) >> 24) == 127;
    else
      loopback = loopback && a->ai_family == AF_INET6 &&
                 IN6_IS_ADDR_LOOPBACK(&reinterpret_cast<sockaddr_in6*>(a->ai_addr)->sin6_addr);
  }
  if (found) freeaddrinfo(found);
  WSACleanup();
  return loopback;
}

}  // namespace wnc::win
