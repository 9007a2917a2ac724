#include "importers/formats.hpp"

#include <algorithm>
#include <cctype>
#include <string>

namespace actornet::importers {

std::optional<InputFormat> input_format_from_name(std::string_view name) {
  if (name == "csv") return InputFormat::Csv;
  if (name == "gexf") return InputFormat::Gexf;
  if (name == "graphml") return InputFormat::GraphMl;
  if (name == "gml") return InputFormat::Gml;
  if (name == "pajek" || name == "net") return InputFormat::Pajek;
  if (name == "dl" || name == "ucinet") return InputFormat::Dl;
  if (name == "dot" || name == "gv") return InputFormat::Dot;
  if (name == "json") return InputFormat::Json;
  if (name == "gdelt") return InputFormat::Gdelt;
  if (name == "icews") return InputFormat::Icews;
  if (name == "acled") return InputFormat::Acled;
  return std::nullopt;
}

std::string_view to_string(InputFormat format) {
  switch (format) {
    case InputFormat::Csv:
      return "csv";
    case InputFormat::Gexf:
      return "gexf";
    case InputFormat::GraphMl:
      return "graphml";
    case InputFormat::Gml:
      return "gml";
    case InputFormat::Pajek:
      return "pajek";
    case InputFormat::Dl:
      return "dl";
    case InputFormat::Dot:
      return "dot";
    case InputFormat::Json:
      return "json";
    case InputFormat::Gdelt:
      return "gdelt";
    case InputFormat::Icews:
      return "icews";
    case InputFormat::Acled:
      return "acled";
  }
  return "csv";
}

std::optional<InputFormat> input_format_from_path(std::string_view path) {
  std::string name(path.substr(path.find_last_of('/') + 1));
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (name.ends_with(".gz")) name.resize(name.size() - 3);
  const auto dot = name.find_last_of('.');
  if (dot == std::string::npos) return std::nullopt;
  const std::string ext = name.substr(dot + 1);
  if (ext == "csv" || ext == "tsv" || ext == "tab" || ext == "txt") return InputFormat::Csv;
  if (ext == "xml") return InputFormat::GraphMl;
  if (ext == "paj") return InputFormat::Pajek;
  if (ext == "cyjs") return InputFormat::Json;  // cytoscape.js elements
  if (ext == "zip") return InputFormat::Gdelt;  // the GDELT daily export, zipped
  return input_format_from_name(ext);
}

}  // namespace actornet::importers
