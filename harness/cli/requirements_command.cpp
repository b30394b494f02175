#include <iostream>

#include "cli/commands.h"
#include "requirements.h"

namespace wnc::cli {

void add_requirements(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("requirements", "Print the requirement catalog and the picks");
  cmd->callback([&exit_code]() {
    for (const auto& r : requirements()) {
      std::cout << r.id << "\n  rule:   " << r.rule << "\n  source: " << r.source << "\n";
      if (!r.picks.empty()) {
        std::cout << "  picks: ";
        for (const auto& p : r.picks) std::cout << " " << p;
        std::cout << "\n";
      }
    }
    std::cout << "\nPicks\n";
    for (const auto& p : picks()) std::cout << p.id << ": " << p.rule << "\n";
    exit_code = exit_code::kConformant;
  });
}

}  // namespace wnc::cli
