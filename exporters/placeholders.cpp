// Placeholders for the writers that have not landed yet; each moves to its own file.
#include "exporters/export.hpp"
#include "graph/errors.hpp"

namespace actornet::exporters {
namespace {
[[noreturn]] void unsupported(const char* format) {
  throw InputError(std::string("writing ") + format + " is not supported yet");
}
}  // namespace

std::vector<ExportedFile> write_csv(const graph::Graph&, const ExportOptions&, ExportReport&) {
  unsupported("csv");
}
std::string write_gexf(const graph::Graph&, const ExportOptions&, ExportReport&) {
  unsupported("gexf");
}
std::string write_graphml(const graph::Graph&, const ExportOptions&, ExportReport&) {
  unsupported("graphml");
}
std::string write_gml(const graph::Graph&, const ExportOptions&, ExportReport&) {
  unsupported("gml");
}
std::string write_pajek(const graph::Graph&, const ExportOptions&, ExportReport&) {
  unsupported("pajek");
}
std::string write_dl(const graph::Graph&, const ExportOptions&, ExportReport&) {
  unsupported("dl");
}
std::string write_dot(const graph::Graph&, const ExportOptions&, ExportReport&) {
  unsupported("dot");
}
std::string write_json(const graph::Graph&, const ExportOptions&, ExportReport&) {
  unsupported("json");
}
std::string write_cytoscape(const graph::Graph&, const ExportOptions&, ExportReport&) {
  unsupported("cytoscape");
}

}  // namespace actornet::exporters
