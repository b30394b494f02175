#include "fault_injection.h"

#include <stdexcept>

#include "names.h"
#include "profile.h"

namespace wnc::sim {

void inject_profile_fault(Registry& registry, const std::string& sid,
                          const ProfileFaultStep& fault) {
  RegKey& network = registry.create_key(network_key(sid));
  switch (fault.health) {
    case ProfileHealth::Unreadable:
      network.deny_read = true;
      return;
    case ProfileHealth::Corrupt:
      if (!device_name(fault.device))
        throw std::invalid_argument("fault: '" + fault.device + "' is not a device name");
      network.create_subkey(profile_key(fault.device)).delete_value("RemotePath");
      return;
    case ProfileHealth::Ok:
      network.deny_read = false;
      for (const std::string& name : network.subkey_names())
        if (entry_is_corrupt(*network.subkey(name))) network.delete_subkey(name);
      return;
  }
}

}  // namespace wnc::sim
