// Escaping for the bundle's reports: every string from a scenario, a ledger or an
// implementation is untrusted text (UNC paths, agent output, a vendor's name).
#pragma once

#include <string>
#include <string_view>

namespace wnc {

// For HTML and XML text and attribute values: & < > " '. Control characters other than
// tab and newline, which XML 1.0 forbids, become U+FFFD.
std::string html_escape(std::string_view text);

// For Markdown text and table cells: a backslash before every character Markdown could
// read as syntax, and newlines as spaces so a cell stays on its row.
std::string md_escape(std::string_view text);

}  // namespace wnc
