#include "agent/tcp_socket.h"

#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>

#include <cerrno>
#include <memory>
#include <system_error>

namespace wnc::agent {

namespace {

[[noreturn]] void fail(int err, const std::string& what) {
  throw std::system_error(err, std::generic_category(), what);
}

using AddrList = std::unique_ptr<addrinfo, decltype(&freeaddrinfo)>;

AddrList resolve(const std::string& host, int port, int flags) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = flags | AI_NUMERICSERV;
  addrinfo* found = nullptr;
  int rc = getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found);
  if (rc != 0)
    throw std::system_error(EINVAL, std::generic_category(),
                            "cannot resolve " + host + ": " + gai_strerror(rc));
  return AddrList(found, &freeaddrinfo);
}

// Requests and answers are small and strictly alternate: send each at once.
void no_delay(int fd) {
  int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

}  // namespace

std::string tcp_address(const std::string& host, int port) {
  bool v6 = host.find(':') != std::string::npos;
  return (v6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

UniqueFd listen_tcp(const std::string& host, int port, int& bound_port) {
  int err = EADDRNOTAVAIL;
  AddrList addrs = resolve(host, port, AI_PASSIVE);
  for (addrinfo* a = addrs.get(); a; a = a->ai_next) {
    UniqueFd fd(socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC, a->ai_protocol));
    if (!fd) {
      err = errno;
      continue;
    }
    int one = 1;
    setsockopt(fd.get(), SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (bind(fd.get(), a->ai_addr, a->ai_addrlen) != 0 || listen(fd.get(), 4) != 0) {
      err = errno;
      continue;
    }
    sockaddr_storage bound{};
    socklen_t len = sizeof bound;
    getsockname(fd.get(), reinterpret_cast<sockaddr*>(&bound), &len);
    bound_port = ntohs(bound.ss_family == AF_INET6 ? reinterpret_cast<sockaddr_in6*>(&bound)->sin6_port
                                                   : reinterpret_cast<sockaddr_in*>(&bound)->sin_port);
    return fd;
  }
  fail(err, "cannot listen on " + tcp_address(host, port));
}

UniqueFd connect_tcp(const std::string& host, int port, int timeout_ms) {
  int err = EADDRNOTAVAIL;
  AddrList addrs = resolve(host, port, 0);
  for (addrinfo* a = addrs.get(); a; a = a->ai_next) {
    UniqueFd fd(socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK, a->ai_protocol));
    if (!fd) {
      err = errno;
      continue;
    }
    if (connect(fd.get(), a->ai_addr, a->ai_addrlen) != 0) {
      if (errno != EINPROGRESS) {
        err = errno;
        continue;
      }
      pollfd p{fd.get(), POLLOUT, 0};
      int n;
      while ((n = poll(&p, 1, timeout_ms)) < 0 && errno == EINTR) {
      }
      if (n == 0) {
        err = ETIMEDOUT;
        continue;
      }
      socklen_t len = sizeof err;
      if (getsockopt(fd.get(), SOL_SOCKET, SO_ERROR, &err, &len) != 0) err = errno;
      if (err != 0) continue;
    }
    no_delay(fd.get());
    return fd;
  }
  fail(err, "cannot connect to " + tcp_address(host, port));
}

UniqueFd accept_tcp(int listener) {
  for (;;) {
    int fd = accept4(listener, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd >= 0) {
      no_delay(fd);
      return UniqueFd(fd);
    }
    if (errno != EINTR && errno != ECONNABORTED) fail(errno, "accept");
  }
}

bool is_loopback(const std::string& host) {
  AddrList addrs(nullptr, &freeaddrinfo);
  try {
    addrs = resolve(host, 0, AI_PASSIVE);
  } catch (const std::system_error&) {
    return false;
  }
  for (addrinfo* a = addrs.get(); a; a = a->ai_next) {
    if (a->ai_family == AF_INET) {
      if ((ntohl(reinterpret_cast<sockaddr_in*>(a->ai_addr)->sin_addr.s_addr) >> 24) != 127) return false;
    } else if (a->ai_family != AF_INET6 || !IN6_IS_ADDR_LOOPBACK(&reinterpret_cast<sockaddr_in6*>(a->ai_addr)->sin6_addr)) {
      return false;
    }
  }
  return true;
}

}  // namespace wnc::agent
