// Reading datasets into a graph::Graph, with a report of everything the reader decided.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/graph.hpp"

namespace actornet::importers {

/// One line of an ImportReport: where (file, 1-based line; 0 = the whole file) and what.
struct ReportEntry {
  std::string file;
  std::size_t line = 0;
  std::string message;
};

/// A node created because an edge named it and nothing defined it. Kept compact rather than
/// as a ReportEntry: an edge list without a nodes file creates every node here (10^6 entries
/// are common), and an entry's own copies of the path and the message cost more time and
/// memory than the rest of the import report.
struct CreatedNode {
  std::string id;          ///< the node's id
  std::uint32_t file = 0;  ///< the file of the edge that named it: ImportReport::files[file]
  std::size_t line = 0;    ///< that edge's line
  std::string_view why;    ///< how the edge named it; points to a string literal
};

/// What an import read and every decision it took on the user's behalf.
struct ImportReport {
  std::vector<std::string> files;            ///< files read, in the order they were read
  std::size_t node_rows = 0, edge_rows = 0;  ///< data rows read
  std::vector<CreatedNode> created_nodes;    ///< nodes created because an edge named them
  std::vector<ReportEntry> merged;           ///< duplicate node rows merged (no conflicting value)
  /// Defaults applied, one entry per (file, what) with the count in the message, e.g.
  /// "no Type column: 35 edges read as undirected (pass --directed to change)".
  std::vector<ReportEntry> defaulted;
  std::vector<ReportEntry> rejected;  ///< rows rejected (empty: every malformed row is an error)
  /// Column mapping decisions ("column 'node_type' read as kind") and inferred attribute types.
  std::vector<ReportEntry> notes;

  /// created_nodes[i] as a report line: "node 'ID' created: WHY" at its file and line.
  ReportEntry created_entry(std::size_t i) const;
};

/// User overrides for column names, matched case-insensitively; empty = the default names.
struct ColumnNames {
  std::string id, label, kind;  ///< nodes (and `id` for edges)
  std::string source, target, relation, type, weight, date, start, end;  ///< edges
};

/// How parallel events fold into edges when event data are read (events.hpp).
enum class EventAggregate {
  None,       ///< one edge per event
  Dyad,       ///< one edge per (source, target, relation)
  DyadMonth,  ///< one edge per (source, target, relation, calendar month)
  DyadYear    ///< one edge per (source, target, relation, calendar year)
};

/// Which word of an event becomes its edge's relation.
enum class EventRelation {
  Root,  ///< the CAMEO root ("consult"), or ACLED's event_type ("battles")
  Event  ///< the CAMEO event ("make_a_visit"), or ACLED's sub_event_type ("armed_clash")
};

/// How event data (GDELT, ICEWS, ACLED) are read: which events are kept, how actor names map
/// to node ids, and whether parallel events are folded. Ignored by the other formats, which
/// reject them (an InputError) so that no filter is silently ignored.
struct EventOptions {
  std::string aliases;                 ///< alias table file (aliases.hpp); empty = none
  std::vector<std::string> cameo;      ///< keep events whose CAMEO code starts with one of these
  std::vector<int> quad;               ///< keep events of these QuadClasses (1..4)
  std::vector<std::string> countries;  ///< keep events where either actor's country is one of
                                       ///< these (compared case-insensitively)
  std::optional<graph::Date> from;     ///< keep events on or after this date's first day
  std::optional<graph::Date> to;       ///< keep events on or before this date's last day
  EventAggregate aggregate = EventAggregate::None;
  EventRelation relation = EventRelation::Root;
  /// Whether any option differs from the defaults.
  bool any() const {
    return !aliases.empty() || !cameo.empty() || !quad.empty() || !countries.empty() || from ||
           to || aggregate != EventAggregate::None || relation != EventRelation::Root;
  }
};

/// How inputs are read. The defaults read Gephi-style CSV files.
struct ImportOptions {
  ColumnNames columns;
  bool strict = false;    ///< an edge naming an undefined node is an error instead of creating it
  bool directed = false;  ///< direction of edges when the file has no Type column / empty Type
  char delimiter = 0;     ///< 0 = auto: tab for .tsv/.tab/.txt (before .gz), else ','
  bool header = true;     ///< false: columns are named "1", "2", ... (source=1, target=2)
  std::string comment;    ///< lines starting with this prefix are skipped; empty = none
  std::string format;     ///< input format by name (see formats.hpp); empty = by extension
  EventOptions events;    ///< event data only (GDELT, ICEWS, ACLED)
  /// Called now and then by the streaming readers (event data) with how far the input has been
  /// read and its total size (0 when unknown), in bytes. Empty = no progress reports.
  std::function<void(std::uint64_t done, std::uint64_t total)> progress;
};

/// The graph read and the report of how it was read.
struct ImportResult {
  graph::Graph graph;
  ImportReport report;
};

/// Reads one dataset from several inputs merged by node id.
///
/// Each input is a directory holding `nodes.csv` (optional) and `edges.csv` (either may be
/// `.csv.gz`), a CSV file that is an edges file (it has source and target columns) or a nodes
/// file (an id column but no source/target), or a file in another format (options.format, or
/// its extension: see formats.hpp). CSV nodes files are read before CSV edges files whatever
/// the order given; a node defined in several rows or files is merged when no value conflicts.
/// Files in other formats are read into graphs of their own and merged in by node id
/// (merge.hpp).
///
/// Throws InputError when an input does not exist or no input is given, and ParseError{file,
/// line, column, message} for malformed input (see csv.hpp for the format and its errors) and
/// for input past one of the readers' limits (limits.hpp).
/// Time: linear in the total input size (hash lookups per endpoint).
ImportResult import_graph(const std::vector<std::string>& inputs,
                          const ImportOptions& options = {});

}  // namespace actornet::importers
