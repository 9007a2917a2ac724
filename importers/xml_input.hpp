// Shared plumbing for the XML readers (GEXF, GraphML): loading a file with pugixml, mapping
// byte offsets to line:column, and the parsing helpers both formats need.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "graph/attributes.hpp"
#include "importers/import.hpp"

namespace actornet::importers::xml {

/// A parsed XML file and what is needed to point at places in it.
class XmlInput {
 public:
  /// Reads `path` (gunzipped when it ends in `.gz`) and parses it. No DTD is processed and no
  /// entity other than the five predefined ones and character references is expanded; a
  /// DOCTYPE that declares entities is refused outright, so no external entity is ever fetched
  /// and no entity expansion can blow up ("billion laughs").
  ///
  /// The file may be UTF-8, UTF-16 or UTF-32 (told by a byte-order mark or the zero bytes of
  /// a leading '<'), or declare ISO-8859-1 (`latin1`); pugixml converts the last three, and
  /// reads anything else as UTF-8.
  ///
  /// Throws InputError when the file cannot be read and ParseError{path, line, column, ...}
  /// when it is read as UTF-8 but is not (detail::check_utf8), is not well-formed XML
  /// (pugixml's byte offset turned into line and column; of the two, the one earlier in the
  /// file is reported, and a file holding no element is not XML), is empty, or declares
  /// entities. Time: linear in the file size; memory: the file's text once (parsed in place)
  /// plus the document's nodes.
  explicit XmlInput(std::string path);
  // The document points into the text it was parsed from (in place): neither may move.
  XmlInput(const XmlInput&) = delete;
  XmlInput& operator=(const XmlInput&) = delete;

  const std::string& path() const { return path_; }
  const pugi::xml_document& document() const { return doc_; }
  pugi::xml_node root() const { return doc_.document_element(); }

  /// 1-based line and column of a byte offset into the file.
  std::pair<std::size_t, std::size_t> position(std::ptrdiff_t offset) const;
  /// Throws ParseError at the node's position in the file, or at its attribute `attribute`
  /// when one is named and found.
  [[noreturn]] void fail(pugi::xml_node at, const std::string& message,
                         std::string_view attribute = {}) const;
  /// The line a node starts on (0 when unknown), for report entries.
  std::size_t line_of(pugi::xml_node node) const;

 private:
  std::ptrdiff_t offset_of(pugi::xml_node node, std::string_view attribute = {}) const;

  std::string path_;
  std::string text_;
  std::vector<std::size_t> line_starts_;
  pugi::xml_document doc_;
};

/// The node an <edge>'s `which` attribute ("source" or "target") names in `result.graph`. A
/// node no <node> defines is created and listed in result.report.created_nodes, or, with
/// `strict`, is a ParseError at the attribute; an empty or missing id is a ParseError.
graph::NodeIndex edge_endpoint(const XmlInput& in, pugi::xml_node edge, const char* which,
                               bool strict, ImportResult& result);

/// Throws ParseError at `at` when `graph` holds Limits::nodes nodes already (limits.hpp): call
/// it before adding one. The position is computed only then.
void check_node_room(const XmlInput& in, pugi::xml_node at, const graph::Graph& graph);

/// Adds the edge an <edge> element describes; an explicit id the graph refuses (taken, or
/// of the generated form for another index) is a ParseError at the element's `id` attribute, and
/// so is a graph holding Limits::edges edges already (at the element).
graph::EdgeIndex add_edge_at(const XmlInput& in, pugi::xml_node edge, graph::Graph& graph,
                             const graph::EdgeSpec& spec);

/// An element's name without its namespace prefix (`viz:color` -> `color`).
std::string_view local_name(pugi::xml_node node);
/// The namespace prefix of an element name (`viz:color` -> `viz`; "" without one).
std::string_view prefix_of(pugi::xml_node node);
/// The namespace URI bound to `prefix` ("" = the default namespace) in scope at `node`;
/// nullopt when none is declared.
std::optional<std::string> namespace_of(pugi::xml_node node, std::string_view prefix);

/// Children of `parent` whose local name is `name`, in document order.
std::vector<pugi::xml_node> children_named(pugi::xml_node parent, std::string_view name);
/// The first child with that local name; an empty node when there is none.
pugi::xml_node child_named(pugi::xml_node parent, std::string_view name);

/// `text` without leading and trailing XML whitespace (space, tab, CR, LF).
std::string_view trim(std::string_view text);
/// A real number as XML Schema writes it (`1`, `-2.5e3`, `+4`, `INF`, `-INF`, `NaN`; `inf`,
/// `Infinity` too), surrounding whitespace allowed; nullopt otherwise.
std::optional<double> parse_real(std::string_view text);
/// A decimal 64-bit integer (sign allowed, whitespace around); nullopt otherwise or on overflow.
std::optional<std::int64_t> parse_integer(std::string_view text);
/// `true`/`false`/`1`/`0`, case-insensitive, whitespace around; nullopt otherwise.
std::optional<bool> parse_bool(std::string_view text);

/// A list as the XML formats write it: items between `|` (GEXF 1.2, actornet), or Gephi's
/// `[a, b, c]` (items separated by commas, optional double quotes stripped); "" is empty.
std::vector<std::string> parse_list(std::string_view text);
/// `text` read as a value of `type` (strings kept as they are; other types trimmed first);
/// nullopt when the text is not a value of that type. Dates: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`,
/// a time after the day ignored.
std::optional<graph::Value> parse_value(graph::AttrType type, std::string_view text);
/// The half-open interval written as Interval::to_string does (`2024-01/2024-02`, `../2025`,
/// `2021/..`); nullopt otherwise.
std::optional<graph::Interval> parse_interval_text(std::string_view text);

}  // namespace actornet::importers::xml
