// The name forms of P-NAME-FORM, as the harness tells them apart (the model and the sim
// have their own): which names are device names and which are remote names.
#pragma once

#include <string_view>

namespace wnc {

// `A:`..`Z:` or `LPT1:`..`LPT9:`, in any case. `Z:\`, `LPT1` and `C` are not.
bool is_device_name(std::string_view name);

// A device name of a disk: `A:`..`Z:`, in any case.
bool is_disk_device(std::string_view name);

// Starts with two backslashes: `\\server\share`.
bool is_remote_name(std::string_view name);

}  // namespace wnc
