// The network provider interface mpr loads (npapi.h): wnetconf-np.dll plays the network
// and the redirector; the router that calls it is the platform's own.
#include <windows.h>
#include <winnetwk.h>
#include <wnnc.h>

// mingw's npapi.h declares the entry points without C linkage; mpr finds them by name.
extern "C" {
#include <npapi.h>
}

#include "network.h"

extern "C" {

DWORD WINAPI NPGetCaps(DWORD index) {
  switch (index) {
    case WNNC_SPEC_VERSION: return WNNC_SPEC_VERSION51;
    case WNNC_NET_TYPE: return WNNC_NET_RDR2SAMPLE;  // the type the DDK sample redirector uses
    case WNNC_DRIVER_VERSION: return 1;
    case WNNC_CONNECTION:
      return WNNC_CON_ADDCONNECTION | WNNC_CON_ADDCONNECTION3 | WNNC_CON_CANCELCONNECTION |
             WNNC_CON_GETCONNECTIONS;
    case WNNC_START: return WNNC_WAIT_FOR_START;  // started
    default: return 0;  // no enumeration, dialogs, admin or user functions
  }
}

DWORD WINAPI NPAddConnection3(HWND, LPNETRESOURCEW resource, LPWSTR, LPWSTR, DWORD) {
  return resource ? wnc::win::add_connection(*resource) : WN_BAD_POINTER;
}

DWORD WINAPI NPAddConnection(LPNETRESOURCEW resource, LPWSTR, LPWSTR) {
  return resource ? wnc::win::add_connection(*resource) : WN_BAD_POINTER;
}

DWORD WINAPI NPCancelConnection(LPWSTR name, BOOL force) {
  return wnc::win::cancel_connection(name, force != FALSE);
}

DWORD WINAPI NPGetConnection(LPWSTR local, LPWSTR remote, LPDWORD chars) {
  return wnc::win::get_connection(local, remote, chars);
}

}  // extern "C"
