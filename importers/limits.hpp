// The limits of the readers, in one place. No real file comes near any of them; they exist so
// that a hostile or broken file ends in a clear ParseError (exit status 2, naming the file, the
// line and what to do) rather than a stack overflow, an abort, a wrapped 32-bit index or memory
// without bound. README.md ("Limits") lists them for users; keep the two in step.
//
// What has no limit, and why: XML nesting (pugixml parses GEXF and GraphML without recursion and
// the readers only look a fixed few levels down), the length of a line or field in the readers that
// hold the whole file (bounded by the file size below, except CSV fields: see field_bytes), and
// the size of streamed event files (GDELT, ICEWS, ACLED: read in blocks, see record_bytes).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "graph/graph.hpp"

namespace actornet::importers {

struct Limits {
  /// Levels of nesting: GML records, JSON arrays and objects (node-link, cytoscape.js, scenario
  /// files), YAML collections (scenario files), DOT braces (graph bodies and subgraphs) and HTML
  /// elements (articles: libxml2's own limit, the same number). Real files nest under ten
  /// levels. The parsers (ours, yaml-cpp's, cgraph's, nlohmann's serializer) recurse a few frames
  /// per level: 256 levels run under AddressSanitizer in the tests (tests/importers/
  /// test_limits.cpp), 100,000 overflow the 8 MiB stack. The selection language
  /// (graph/selection.cpp) stops '(' and 'not' at the same 256.
  std::size_t nesting_depth = 256;

  /// Bytes of one record (a line, or a quoted ACLED record over several lines) of the streamed
  /// event readers, whose rows take a few hundred bytes; without a bound, a file without line
  /// feeds (or with an unclosed quote) would be pulled into memory whole, which streaming exists
  /// to avoid.
  std::size_t record_bytes = std::size_t{16} << 20;

  /// Bytes of one CSV field (CSV files, alias tables and gazetteers, ACLED). The CSV reader's
  /// node-id index keeps an id's length in 32 bits; 16 MiB is far above any id, label or
  /// evidence text, and catches a stray quote that swallows the rest of a file early.
  std::size_t field_bytes = std::size_t{16} << 20;

  /// Distinct attribute names per element kind (node or edge) in one file and in the merged
  /// graph: CSV columns, GEXF <attribute>s, GraphML <key>s, GML, JSON and DOT keys. 16,384 is
  /// the most columns a spreadsheet holds (Excel, LibreOffice), so any exported sheet fits;
  /// attribute columns are stored densely, so each costs memory for every node (or edge).
  std::size_t attributes = 16384;

  /// Nodes of a graph: node indices are 32-bit (graph::NodeIndex) and a View numbers its
  /// vertices 0..n-1 with UINT32_MAX meaning "no vertex" and n + 1 offsets in 32 bits.
  std::uint64_t nodes = 0xFFFFFFFFULL - 1;

  /// Edges of a graph: edge indices are 32-bit and a View stores two arcs per undirected edge
  /// with 32-bit offsets, so 2 x edges must stay below 2^32.
  std::uint64_t edges = 0x7FFFFFFFULL;

  /// Bytes of text a reader holds whole (CSV, GEXF, GraphML, GML, JSON, Pajek, DL, alias
  /// tables), after decompression. Checked against the file's size before reading and while
  /// reading, so a gzip bomb or an endless device stops here instead of exhausting memory.
  /// 16 GiB of CSV is already about the 2^31 edges allowed above; the tree formats need
  /// several times their text in memory besides.
  std::uint64_t file_bytes = std::uint64_t{16} << 30;

  /// Bytes of text a reader hands to a library that counts in int (2^31 - 1): DOT (cgraph),
  /// articles (libxml2 and ICU), scenario files (yaml-cpp).
  std::uint64_t int_file_bytes = 0x7FFFFFFFULL;

  /// Counts a file declares before listing anything, for which memory is set aside at once:
  /// Pajek `*Vertices N` (and the vertices it creates) and UCINET DL `n=`, `nr=`, `nc=`, `nm=`
  /// (an n x n matrix is then read). A few dozen bytes of header may not claim more.
  std::size_t pajek_vertices = 100'000'000;
  std::size_t dl_count = 1'000'000;
  /// Pajek creates the vertices `*Vertices N` declares even when the file lists none (an
  /// edges-only network), about 100 bytes each: past the first pajek_vertices_free, a count
  /// needs the file to hold at least one byte per pajek_vertices_per_byte vertices (an edge
  /// line takes several bytes and names two), so a 20-byte file cannot claim gigabytes.
  std::size_t pajek_vertices_free = 1'000'000;
  std::size_t pajek_vertices_per_byte = 16;
};

/// The limits every reader uses.
inline constexpr Limits kLimits{};

namespace detail {

/// The ParseError for a graph that would get more than `max` `what` ("nodes", "edges").
[[noreturn]] void throw_too_many(std::string_view what, std::uint64_t max, const std::string& file,
                                 std::size_t line);

/// Throws ParseError{file, line, 0} when `g` holds `max_nodes` nodes already: call it before
/// adding one. O(1).
inline void check_node_room(const graph::Graph& g, const std::string& file, std::size_t line,
                            std::uint64_t max_nodes = kLimits.nodes) {
  if (g.node_count() >= max_nodes) throw_too_many("nodes", max_nodes, file, line);
}

/// Throws ParseError{file, line, 0} when `g` holds `max_edges` edges already: call it before
/// adding one. O(1).
inline void check_edge_room(const graph::Graph& g, const std::string& file, std::size_t line,
                            std::uint64_t max_edges = kLimits.edges) {
  if (g.edge_count() >= max_edges) throw_too_many("edges", max_edges, file, line);
}

/// The message for a file's first attribute name (`name`) of `what` ("node" or "edge") past
/// Limits::attributes.
std::string too_many_attributes(std::string_view what, std::string_view name);
/// Throws ParseError{file, line, column, too_many_attributes(what, name)} (0 = unknown).
[[noreturn]] void throw_too_many_attributes(std::string_view what, std::string_view name,
                                            const std::string& file, std::size_t line,
                                            std::size_t column);

/// Throws ParseError at the first '[' or '{' of JSON `text` nested deeper than `max_depth`
/// levels (outside strings). Run before nlohmann::json parses the text: its serializer and
/// comparisons recurse per level. Time: linear.
void check_json_depth(std::string_view text, const std::string& file,
                      std::size_t max_depth = kLimits.nesting_depth);

/// Throws ParseError at the first '{' of DOT `text` nested deeper than `max_depth` levels
/// (outside quoted and HTML strings and comments). Run before cgraph parses the text: its
/// parser recurses per subgraph and, past a few thousand levels, reports a bare "syntax
/// error". Time: linear.
void check_dot_depth(std::string_view text, const std::string& file,
                     std::size_t max_depth = kLimits.nesting_depth);

/// "16 GiB", "2 GiB", "16 MiB", or the number of bytes: for messages.
std::string byte_size(std::uint64_t bytes);

}  // namespace detail
}  // namespace actornet::importers
