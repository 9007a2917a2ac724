#include "exporters/export.hpp"

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace actornet::exporters {

std::optional<OutputFormat> output_format_from_name(std::string_view name) {
  if (name == "csv") return OutputFormat::Csv;
  if (name == "gexf") return OutputFormat::Gexf;
  if (name == "graphml") return OutputFormat::GraphMl;
  if (name == "gml") return OutputFormat::Gml;
  if (name == "pajek" || name == "net") return OutputFormat::Pajek;
  if (name == "dl") return OutputFormat::Dl;
  if (name == "dot" || name == "gv") return OutputFormat::Dot;
  if (name == "json") return OutputFormat::Json;
  if (name == "cytoscape" || name == "cyjs") return OutputFormat::Cytoscape;
  return std::nullopt;
}

std::optional<OutputFormat> output_format_from_path(std::string_view path) {
  if (path.empty() || path.back() == '/') return OutputFormat::Csv;
  std::string name(path.substr(path.find_last_of('/') + 1));
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const auto dot = name.find_last_of('.');
  if (dot == std::string::npos) return OutputFormat::Csv;
  return output_format_from_name(name.substr(dot + 1));
}

std::string_view to_string(OutputFormat format) {
  switch (format) {
    case OutputFormat::Csv:
      return "csv";
    case OutputFormat::Gexf:
      return "gexf";
    case OutputFormat::GraphMl:
      return "graphml";
    case OutputFormat::Gml:
      return "gml";
    case OutputFormat::Pajek:
      return "pajek";
    case OutputFormat::Dl:
      return "dl";
    case OutputFormat::Dot:
      return "dot";
    case OutputFormat::Json:
      return "json";
    case OutputFormat::Cytoscape:
      return "cytoscape";
  }
  return "csv";
}

std::vector<ExportedFile> export_graph(const graph::Graph& graph, OutputFormat format,
                                       const ExportOptions& options, ExportReport& report) {
  auto one = [](std::string content) {
    return std::vector<ExportedFile>{{std::string(), std::move(content)}};
  };
  switch (format) {
    case OutputFormat::Csv:
      return write_csv(graph, options, report);
    case OutputFormat::Gexf:
      return one(write_gexf(graph, options, report));
    case OutputFormat::GraphMl:
      return one(write_graphml(graph, options, report));
    case OutputFormat::Gml:
      return one(write_gml(graph, options, report));
    case OutputFormat::Pajek:
      return one(write_pajek(graph, options, report));
    case OutputFormat::Dl:
      return one(write_dl(graph, options, report));
    case OutputFormat::Dot:
      return one(write_dot(graph, options, report));
    case OutputFormat::Json:
      return one(write_json(graph, options, report));
    case OutputFormat::Cytoscape:
      return one(write_cytoscape(graph, options, report));
  }
  throw std::logic_error("export_graph: unknown format");
}

}  // namespace actornet::exporters
