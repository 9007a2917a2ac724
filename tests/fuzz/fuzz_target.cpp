// libFuzzer entry point for one reader, chosen at compile time by ACTORNET_FUZZ_TARGET (see
// tests/fuzz/CMakeLists.txt, which builds one executable per target from this file).
//
// Every input is either read or rejected with actornet's own errors (InputError, ParseError):
// those are the documented outcome for bad input and are swallowed here. Anything else (a crash,
// a sanitizer report, another exception type escaping, a leak, a timeout, running out of the
// memory limit) is a finding.
//
// The file readers take a path, so each input is written to a per-process temporary file with
// the format's extension first; the format is also named explicitly, so sniffing plays no part.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <string>
#include <string_view>
#include <unistd.h>

#include "graph/errors.hpp"
#include "graph/graph.hpp"
#include "graph/selection.hpp"
#include "importers/import.hpp"
#include "importers/scenario_file.hpp"
#include "importers/text.hpp"

#ifndef ACTORNET_FUZZ_TARGET
#error "define ACTORNET_FUZZ_TARGET to the reader to fuzz"
#endif

namespace {

using namespace actornet;

constexpr std::string_view kTarget = ACTORNET_FUZZ_TARGET;

std::string temp_path(std::string_view name) {
  const char* dir = std::getenv("TMPDIR");
  return std::string(dir && *dir ? dir : "/tmp") + "/actornet-fuzz-" + std::to_string(::getpid()) +
         "-" + std::string(name);
}

void write_file(const std::string& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// The extension each format's files carry (the text target writes two files of its own).
std::string_view extension(std::string_view target) {
  if (target == "csv") return "csv";
  if (target == "pajek") return "net";
  if (target == "gdelt" || target == "icews" || target == "acled") return "tsv";
  return target;
}

void read_file_format(std::string_view bytes) {
  const std::string path = temp_path(std::string("input.") + std::string(extension(kTarget)));
  write_file(path, bytes);
  importers::ImportOptions options;
  options.format = std::string(kTarget);
  (void)importers::import_graph({path}, options);
}

// A graph for the selection target to check and evaluate expressions against.
const graph::Graph& selection_graph() {
  static const graph::Graph g = [] {
    graph::Graph built;
    const auto a = built.add_node("a", "Ann", "person");
    const auto b = built.add_node("b", "Bo", "agency");
    const auto c = built.add_node("北京", "Beijing", "country");
    graph::EdgeSpec e;
    e.source = a;
    e.target = b;
    e.relation = "met_with";
    e.valid.start = graph::Date::parse("2024-06");
    built.add_edge(e);
    e.source = b;
    e.target = c;
    e.relation = "member_of";
    e.directed = true;
    built.add_edge(e);
    auto& nodes = built.node_attributes();
    const auto rank = nodes.declare("rank", graph::AttrType::Integer);
    nodes.set(rank, a, std::int64_t{3});
    const auto born = nodes.declare("born", graph::AttrType::Date);
    nodes.set(born, b, *graph::Date::parse("1962-04-16"));
    const auto tags = nodes.declare("tags", graph::AttrType::List);
    nodes.set(tags, c, std::vector<std::string>{"x", "y"});
    return built;
  }();
  return g;
}

void run_selection(std::string_view text) {
  const auto& g = selection_graph();
  const auto selection = graph::Selection::parse(text, "fuzz");
  for (auto target : {graph::SelectionTarget::Nodes, graph::SelectionTarget::Edges}) {
    try {
      selection.check(g, target);
    } catch (const InputError&) {
      // Unchecked expressions must still evaluate safely: fall through.
    }
  }
  for (graph::NodeIndex n = 0; n < g.node_count(); ++n)
    (void)selection.matches_node(g, n);
  for (graph::EdgeIndex e = 0; e < g.edge_count(); ++e)
    (void)selection.matches_edge(g, e);
}

// The text target: the first line is the gazetteer's CSV up to a line holding only `---`, the
// rest is the article; an article starting with `<` is read as HTML.
void run_text(std::string_view bytes) {
  const auto split = bytes.find("\n---\n");
  const std::string_view gazetteer =
      split == std::string_view::npos ? "id,alias\nwang,Wang Xiaohong\n" : bytes.substr(0, split);
  const std::string_view article =
      split == std::string_view::npos ? bytes : bytes.substr(split + 5);
  const std::string gazetteer_path = temp_path("gazetteer.csv");
  const std::string article_path =
      temp_path(!article.empty() && article.front() == '<' ? "article.html" : "article.txt");
  write_file(gazetteer_path, gazetteer);
  write_file(article_path, article);
  (void)importers::text::import_articles({article_path}, gazetteer_path);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  try {
    if (kTarget == "selection")
      run_selection(bytes);
    else if (kTarget == "scenario_yaml")
      (void)importers::parse_scenario(bytes, "fuzz.yaml", /*yaml=*/true);
    else if (kTarget == "scenario_json")
      (void)importers::parse_scenario(bytes, "fuzz.json", /*yaml=*/false);
    else if (kTarget == "text")
      run_text(bytes);
    else
      read_file_format(bytes);
  } catch (const InputError&) {
    // The documented answer to bad input.
  }
  return 0;
}
