// Shared main for every doctest executable: igraph must report errors, not abort.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include "graph/igraph_adapter.hpp"

int main(int argc, char** argv) {
  actornet::graph::ig::install_igraph_error_handler();
  doctest::Context context(argc, argv);
  return context.run();
}
