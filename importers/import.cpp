#include "importers/import.hpp"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include <fmt/format.h>

#include "graph/errors.hpp"
#include "importers/csv.hpp"
#include "importers/formats.hpp"
#include "importers/merge.hpp"

namespace actornet::importers {

ReportEntry ImportReport::created_entry(std::size_t i) const {
  const CreatedNode& c = created_nodes.at(i);
  return ReportEntry{files.at(c.file), c.line, fmt::format("node '{}' created: {}", c.id, c.why)};
}

namespace {

namespace fs = std::filesystem;

// `dir/stem.csv` or `dir/stem.csv.gz`; nullopt when neither exists, an error when both do.
std::optional<std::string> dataset_file(const fs::path& dir, const std::string& stem) {
  const fs::path plain = dir / (stem + ".csv");
  const fs::path gz = dir / (stem + ".csv.gz");
  std::error_code ec;
  const bool has_plain = fs::is_regular_file(plain, ec);
  const bool has_gz = fs::is_regular_file(gz, ec);
  if (has_plain && has_gz)
    throw ParseError(
        dir.string(), 0, 0,
        fmt::format("the directory holds both {0}.csv and {0}.csv.gz; keep one", stem));
  if (has_plain) return plain.string();
  if (has_gz) return gz.string();
  return std::nullopt;
}

ImportResult read_other(InputFormat format, const std::string& path, const ImportOptions& options) {
  switch (format) {
    case InputFormat::Gexf:
      return read_gexf(path, options);
    case InputFormat::GraphMl:
      return read_graphml(path, options);
    case InputFormat::Gml:
      return read_gml(path, options);
    case InputFormat::Pajek:
      return read_pajek(path, options);
    case InputFormat::Dl:
      return read_dl(path, options);
    case InputFormat::Dot:
      return read_dot(path, options);
    case InputFormat::Json:
      return read_json(path, options);
    case InputFormat::Gdelt:
      return read_gdelt(path, options);
    case InputFormat::Icews:
      return read_icews(path, options);
    case InputFormat::Acled:
      return read_acled(path, options);
    case InputFormat::Csv:
      break;
  }
  throw std::logic_error("read_other: CSV is read by the CSV reader");
}

}  // namespace

ImportResult import_graph(const std::vector<std::string>& inputs, const ImportOptions& options) {
  if (inputs.empty())
    throw InputError(
        "no input given; name a CSV file or a directory holding nodes.csv and edges.csv");

  std::vector<CsvFile> nodes_files;
  std::vector<CsvFile> edges_files;
  std::vector<ImportResult> others;
  bool any_events = false;
  std::vector<std::pair<InputFormat, std::vector<std::string>>> event_files;
  for (const auto& input : inputs) {
    std::error_code ec;
    const auto status = fs::status(input, ec);
    if (ec || !fs::exists(status))
      throw InputError(fmt::format("input '{}' does not exist; check the path", input));
    if (fs::is_directory(status)) {
      const auto nodes = dataset_file(input, "nodes");
      const auto edges = dataset_file(input, "edges");
      if (!nodes && !edges)
        throw ParseError(input, 0, 0,
                         "the directory holds neither nodes.csv nor edges.csv (nor .csv.gz); "
                         "name the CSV files themselves or rename them");
      if (nodes) nodes_files.push_back(open_csv(*nodes, options));
      if (edges) {
        edges_files.push_back(open_csv(*edges, options));
        if (classify_csv(edges_files.back(), options) != CsvKind::Edges)
          throw_missing_edge_columns(edges_files.back(), options);
      }
      continue;
    }
    auto format = options.format.empty() ? input_format_from_path(input)
                                         : input_format_from_name(options.format);
    if (!options.format.empty() && !format)
      throw InputError(
          fmt::format("unknown input format '{}'; choose csv, gexf, graphml, gml, pajek, dl, dot, "
                      "json, gdelt, icews or acled",
                      options.format));
    // Event files carry CSV-like names (.CSV, .tab, .csv): their first line tells them apart.
    if (options.format.empty() && (!format || *format == InputFormat::Csv))
      if (const auto sniffed = sniff_event_format(input)) format = sniffed;
    if (format && is_event_format(*format)) {
      // Files of one event format are read together, after the loop, as one stream.
      any_events = true;
      auto group = std::find_if(event_files.begin(), event_files.end(),
                                [&](const auto& g) { return g.first == *format; });
      if (group == event_files.end())
        group = event_files.insert(event_files.end(), {*format, std::vector<std::string>{}});
      group->second.push_back(input);
      continue;
    }
    if (format && *format != InputFormat::Csv) {
      others.push_back(read_other(*format, input, options));
      continue;
    }
    CsvFile file = open_csv(input, options);
    const auto kind = classify_csv(file, options);
    if (kind == CsvKind::Edges) {
      edges_files.push_back(std::move(file));
    } else if (kind == CsvKind::Nodes) {
      nodes_files.push_back(std::move(file));
    } else {
      std::string columns;
      for (const auto& c : file.columns)
        columns += (columns.empty() ? "'" : ", '") + c.name + "'";
      throw ParseError(file.path, file.header_line, 0,
                       fmt::format("neither an edges file (no source and target columns) nor a "
                                   "nodes file (no id column); its columns are {}: name them "
                                   "with --source-column/--target-column or --id-column",
                                   columns));
    }
  }

  for (const auto& [format, paths] : event_files)
    others.push_back(read_event_files(format, paths, options));
  if (!any_events && options.events.any())
    throw InputError(
        "--aliases, --cameo, --quad, --countries, --events-from, --events-to, --aggregate and "
        "--event-relation apply to event data (GDELT, ICEWS, ACLED), and no input is event data; "
        "drop them, or name the format with --input-format gdelt|icews|acled");
  if (nodes_files.empty() && edges_files.empty() && others.size() == 1)
    return std::move(others.front());
  ImportResult result;
  ImportState state{result.graph, result.report, {}, {}};
  for (const auto& file : nodes_files)
    read_csv_nodes(file, options, state);
  for (const auto& file : edges_files)
    read_csv_edges(file, options, state);
  for (auto& other : others)
    merge_into(result, std::move(other));
  return result;
}

}  // namespace actornet::importers
