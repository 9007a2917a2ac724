// Junk and truncations for the GML, Pajek, DL, JSON and DOT readers: every input either
// imports or throws an InputError (ParseError included); nothing crashes (run under ASan).
#include <random>

#include <doctest/doctest.h>

#include "tests/importers/csv_fixture.hpp"

using namespace actornet;
using namespace actornet::testing;

namespace {

const char* const kSamples[][2] = {
    {"gml",
     "graph [ directed 1 node [ id 0 label \"a&amp;b\" x [ y 1.5 ] ] node [ id 1 ] "
     "edge [ source 0 target 1 weight 2 start \"2020\" ] ]\n"},
    {"net",
     "*Vertices 2\n1 \"a\" 0.1 0.2 box [2001-2003]\n2 \"b\"\n*Arcs :1 \"r\"\n1 2 1.5 "
     "[2002]\n*Edgeslist\n1 2\n"},
    {"dl",
     "dl n=3 nm=2\nlabels: a b c\nmatrix labels: x y\ndata:\n0 1 0\n0 0 1\n1 0 0\n0 1 1\n"
     "1 0 1\n1 1 0\n"},
    {"json",
     "{\"directed\": true, \"nodes\": [{\"id\": \"a\", \"t\": [1, 2]}, {\"id\": \"b\"}], "
     "\"links\": [{\"source\": \"a\", \"target\": \"b\", \"key\": \"k\"}]}"},
    {"dot", "digraph { a [label=\"x\"]; a -> b [weight=2, relation=r]; b -> a }\n"},
};

void read_or_reject(const TempDir& dir, const std::string& name, const std::string& text) {
  try {
    import_text(dir, name, text);
  } catch (const InputError&) {
  }
}

}  // namespace

TEST_CASE("junk: every prefix of a valid file imports or is rejected") {
  TempDir dir;
  for (const auto& [ext, text] : kSamples) {
    const std::string full(text);
    CAPTURE(ext);
    for (std::size_t n = 0; n <= full.size(); ++n)
      read_or_reject(dir, std::string("p.") + ext, full.substr(0, n));
  }
}

TEST_CASE("junk: random bytes and random mutations are rejected or read, never crash") {
  TempDir dir;
  std::mt19937 rng(20240611);
  std::uniform_int_distribution<int> byte(0, 255);
  for (const auto& [ext, text] : kSamples) {
    CAPTURE(ext);
    for (int round = 0; round < 150; ++round) {
      std::string junk(text);
      std::uniform_int_distribution<std::size_t> at(0, junk.size() - 1);
      for (int k = 0; k < 1 + round % 8; ++k)
        junk[at(rng)] = static_cast<char>(byte(rng));
      read_or_reject(dir, std::string("m.") + ext, junk);
    }
    std::string noise(2000, '\0');
    for (auto& c : noise)
      c = static_cast<char>(byte(rng));
    read_or_reject(dir, std::string("n.") + ext, noise);
  }
}
