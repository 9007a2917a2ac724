// The input formats besides CSV, each read by one function into a graph of its own; the
// dispatcher in import.cpp picks the format and merges several inputs by node id.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "importers/import.hpp"

namespace actornet::importers {

enum class InputFormat { Csv, Gexf, GraphMl, Gml, Pajek, Dl, Dot, Json };

/// `csv`, `gexf`, `graphml`, `gml`, `pajek` (or `net`), `dl` (or `ucinet`), `dot` (or `gv`),
/// `json`; nullopt otherwise.
std::optional<InputFormat> input_format_from_name(std::string_view name);
/// The format a file's extension names (a trailing `.gz` is looked through): .csv .tsv .tab
/// .txt -> CSV, .gexf, .graphml .xml -> GraphML, .gml, .net .paj -> Pajek, .dl, .dot .gv,
/// .json .cyjs; nullopt for anything else.
std::optional<InputFormat> input_format_from_path(std::string_view path);
/// The canonical name of a format (the first of input_format_from_name's spellings).
std::string_view to_string(InputFormat format);

// One reader per format. Each reads one file (gzipped when it ends in .gz) into a graph of
// its own with the report of what it decided, and throws ParseError{file, line, column,
// message} on malformed input. They share ImportOptions where it applies (strict, directed).
ImportResult read_gexf(const std::string& path, const ImportOptions& options);
ImportResult read_graphml(const std::string& path, const ImportOptions& options);
ImportResult read_gml(const std::string& path, const ImportOptions& options);
ImportResult read_pajek(const std::string& path, const ImportOptions& options);
ImportResult read_dl(const std::string& path, const ImportOptions& options);
ImportResult read_dot(const std::string& path, const ImportOptions& options);
ImportResult read_json(const std::string& path, const ImportOptions& options);

}  // namespace actornet::importers
