// The redirector's bookkeeping that Wine cannot do: which connection a handle, job or
// current directory is on. The agent reports its opens to the provider through the shared
// state, and the provider's cancel reads them back (ERROR_OPEN_FILES, ERROR_DEVICE_IN_USE).
#pragma once

#include <cstdint>
#include <string_view>

namespace wnc::win {

enum class Use { File, Directory, CurrentDirectory, Job };

// The caller's connection that `path` is on ("Z:\…" or "LPT1:" through a device,
// "\\server\share\…" through a deviceless connection), with one more use counted on it;
// 0 when the path is on none of the caller's connections.
std::uint64_t attach(std::wstring_view path, Use use);
void detach(std::uint64_t connection, Use use);

// False once the connection was cancelled (its handles are orphaned).
bool alive(std::uint64_t connection);

}  // namespace wnc::win
