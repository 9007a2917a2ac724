// The input formats besides CSV, each read by one function into a graph of its own; the
// dispatcher in import.cpp picks the format and merges several inputs by node id.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "importers/import.hpp"

namespace actornet::importers {

enum class InputFormat { Csv, Gexf, GraphMl, Gml, Pajek, Dl, Dot, Json, Gdelt, Icews, Acled };

/// `csv`, `gexf`, `graphml`, `gml`, `pajek` (or `net`), `dl` (or `ucinet`), `dot` (or `gv`),
/// `json`, `gdelt`, `icews`, `acled`; nullopt otherwise.
std::optional<InputFormat> input_format_from_name(std::string_view name);
/// The format a file's extension names (a trailing `.gz` is looked through): .csv .tsv .tab
/// .txt -> CSV, .gexf, .graphml .xml -> GraphML, .gml, .net .paj -> Pajek, .dl, .dot .gv,
/// .json .cyjs, .zip -> GDELT; nullopt for anything else.
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
// Event data (events.hpp): streamed, filtered and aggregated as options.events says; a `.zip`
// holding one file is read directly. strict makes the first malformed row an error.
ImportResult read_gdelt(const std::string& path, const ImportOptions& options);
ImportResult read_icews(const std::string& path, const ImportOptions& options);
ImportResult read_acled(const std::string& path, const ImportOptions& options);
/// Several files of one event format read as one stream: one actor table, one alias table,
/// aggregation across the files (so daily GDELT files fold into one edge per dyad and month)
/// and the ICEWS duplicate check across them. import_graph reads event inputs this way.
ImportResult read_event_files(InputFormat format, const std::vector<std::string>& paths,
                              const ImportOptions& options);

/// The event format a file's first line shows, for files that the extension alone would send
/// to the CSV reader: GDELT 2.0 (61 tab-separated fields, a numeric id and a YYYYMMDD day),
/// ICEWS (a header with Event ID, Source Name and Target Name, tab-separated) or ACLED (a
/// header with event_date, actor1 and actor2 and no source or target column); nullopt
/// otherwise (and for a file that cannot be read: the CSV reader then reports it).
std::optional<InputFormat> sniff_event_format(const std::string& path);
/// Whether the format is one of the event formats.
bool is_event_format(InputFormat format);

}  // namespace actornet::importers
