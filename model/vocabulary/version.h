// wnetconf's version: one number, from project() in the top-level CMakeLists.txt, which the
// build passes in. The sim and the agents ship with the harness and report the same one.
#pragma once

#ifndef WNETCONF_VERSION
#error "WNETCONF_VERSION comes from the build (project() in CMakeLists.txt)"
#endif

namespace wnc {

inline constexpr const char* kVersion = WNETCONF_VERSION;

}  // namespace wnc
