#include "output/atomic_file.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace wnc {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(const fs::path& file, const std::string& what, int error) {
  throw OutputError(file.string() + ": " + what + ": " + std::strerror(error));
}

// One descriptor, so that every short write and the final fsync and close are checked:
// a full disk shows up in any of them.
void write_whole(const fs::path& tmp, const fs::path& file, const std::string& text) {
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) fail(file, "cannot be written", errno);
  size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int error = errno;
      ::close(fd);
      ::unlink(tmp.c_str());
      fail(file, "cannot be written", error);
    }
    done += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    const int error = errno;
    ::unlink(tmp.c_str());
    fail(file, "cannot be written", error);
  }
}

}  // namespace

void write_file_atomically(const fs::path& file, const std::string& text) {
  const fs::path tmp = file.string() + ".partial-" + std::to_string(::getpid());
  write_whole(tmp, file, text);
  if (::rename(tmp.c_str(), file.c_str()) != 0) {
    const int error = errno;
    ::unlink(tmp.c_str());
    fail(file, "cannot be put in place", error);
  }
}

void require_writable_folder(const fs::path& dir) {
  std::error_code ec;
  fs::path existing = dir;
  while (!existing.empty() && !fs::exists(fs::symlink_status(existing, ec))) existing = existing.parent_path();
  if (existing.empty()) existing = ".";
  if (!fs::is_directory(existing, ec))
    throw OutputError(dir.string() + ": cannot be a folder: " + existing.string() + " is not one");
  if (::access(existing.c_str(), W_OK | X_OK) != 0) fail(existing, "cannot be written", errno);
}

}  // namespace wnc
