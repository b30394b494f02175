#include "vocabulary/setup.h"

namespace wnc {

const char* profile_name(BehaviourProfile p) {
  return p == BehaviourProfile::NtLinked ? "nt-linked" : "nt";
}

}  // namespace wnc
