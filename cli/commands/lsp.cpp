// `policyc lsp`: the language server, on stdin and stdout (editors start it).
#include <iostream>

#include "cli/commands.hpp"
#include "lsp/server.hpp"

namespace policyc {

Command add_lsp_command(CLI::App& app) {
  CLI::App* command = app.add_subcommand(
      "lsp", "serve the Language Server Protocol on stdin and stdout, for editors");
  return {command, [](CommandIo&) {
            // Standard input is read as the protocol's bytes; nothing else may print.
            std::ios::sync_with_stdio(false);
            lsp::Server server(std::cin, std::cout);
            return server.run();
          }};
}

}  // namespace policyc
