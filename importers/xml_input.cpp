#include "importers/xml_input.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <limits>
#include <optional>
#include <utility>

#include <fmt/format.h>

#include "graph/errors.hpp"
#include "importers/limits.hpp"
#include "importers/reader_support.hpp"
#include "importers/text_source.hpp"

namespace actornet::importers::xml {
namespace {

using detail::iequals;

bool is_xml_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// The error for the first ill-formed UTF-8 sequence of a document pugixml will read as UTF-8;
// nullopt when there is none. With encoding_auto pugixml converts UTF-16 and UTF-32 (told by a
// byte-order mark, or the zero bytes around a leading '<') and Latin-1 (declared `ISO-8859-1`
// or `latin1`) itself, and takes anything else as UTF-8, passing its bytes on unchecked. Its
// guess reads nothing past the XML declaration, so loading the text up to the first '>' (or
// the first four bytes, a byte-order mark, when there is no '>') tells which: pugixml's rule,
// not a copy of it.
std::optional<ParseError> xml_utf8_error(std::string_view text, const std::string& path) {
  const auto end = text.find('>');
  const auto head = text.substr(0, end == std::string_view::npos ? 4 : end + 1);
  pugi::xml_document probe;
  const auto guess = probe.load_buffer(
      head.data(), head.size(), pugi::parse_minimal | pugi::parse_declaration, pugi::encoding_auto);
  if (guess.encoding != pugi::encoding_utf8) return std::nullopt;
  auto error = detail::utf8_error(text, path);
  if (!error) return std::nullopt;
  const std::string_view declared = probe.first_child().type() == pugi::node_declaration
                                        ? probe.first_child().attribute("encoding").value()
                                        : "";
  if (declared.empty() || iequals(declared, "UTF-8") || iequals(declared, "UTF8")) return error;
  return ParseError(path, error->line(), error->column(),
                    fmt::format("{} (the file declares encoding '{}', which actornet reads as "
                                "UTF-8: it converts only UTF-16, UTF-32 and ISO-8859-1; convert "
                                "the file and change its declaration)",
                                error->message(), declared));
}

}  // namespace

XmlInput::XmlInput(std::string path) : path_(std::move(path)), text_(read_text_file(path_)) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text_.size(); ++i)
    if (text_[i] == '\n') line_starts_.push_back(i + 1);
  if (trim(text_).empty()) throw ParseError(path_, 1, 1, "the file is empty; expected XML");

  // Found before the in-place parse changes the text; reported after it, unless the file
  // holds no element (is not XML at all) or its XML goes wrong earlier in the file.
  const auto bad_utf8 = xml_utf8_error(text_, path_);

  const bool ends_with_tag = trim(text_).back() == '>';
  // Parsed in place: no second copy of the file, and names point into text_ (offset_of).
  const unsigned options = pugi::parse_default | pugi::parse_doctype;
  const auto result =
      doc_.load_buffer_inplace(text_.data(), text_.size(), options, pugi::encoding_auto);
  if (result.status == pugi::status_no_document_element)
    throw ParseError(path_, 1, 1,
                     "not well-formed XML: the file holds no XML element; is it an XML file?");
  if (!result) {
    const auto [line, column] = position(result.offset);
    if (bad_utf8 && std::pair(bad_utf8->line(), bad_utf8->column()) <= std::pair(line, column))
      throw *bad_utf8;
    std::string what = result.description();
    // An error at the very end (only whitespace after it), or on the last line of a file not
    // ending in '>', means the file stops mid-document.
    const auto at = static_cast<std::size_t>(std::max<std::ptrdiff_t>(result.offset, 0));
    const auto rest =
        at + 1 >= text_.size() ? std::string_view() : trim(std::string_view(text_).substr(at + 1));
    if (rest.empty() || (!ends_with_tag && line == line_starts_.size()))
      what += "; the file ends in the middle of the document (is it truncated?)";
    throw ParseError(path_, line, column, fmt::format("not well-formed XML: {}", what));
  }
  if (bad_utf8) throw *bad_utf8;
  for (auto node : doc_.children()) {
    if (node.type() != pugi::node_doctype) continue;
    const std::string_view subset = node.value();
    if (subset.find("<!ENTITY") != std::string_view::npos)
      fail(node,
           "the DOCTYPE declares entities; actornet never expands or fetches XML entities "
           "(a protection against entity-expansion and external-entity attacks): remove the "
           "DOCTYPE's entity declarations");
  }
  if (!root()) throw ParseError(path_, 1, 1, "the file holds no XML element");
}

std::pair<std::size_t, std::size_t> XmlInput::position(std::ptrdiff_t offset) const {
  const auto at = static_cast<std::size_t>(std::max<std::ptrdiff_t>(offset, 0));
  const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), at);
  const auto line = static_cast<std::size_t>(it - line_starts_.begin());
  return {line, at - line_starts_[line - 1] + 1};
}

std::ptrdiff_t XmlInput::offset_of(pugi::xml_node node, std::string_view attribute) const {
  std::ptrdiff_t offset = node.offset_debug();
  if (offset < 0) return -1;
  if (node.type() == pugi::node_doctype) {
    const auto start = text_.rfind("<!DOCTYPE", static_cast<std::size_t>(offset));
    return start == std::string::npos ? offset : static_cast<std::ptrdiff_t>(start);
  }
  // The document was parsed in place, so an attribute's name points into the file's text.
  if (!attribute.empty())
    if (auto a = node.attribute(std::string(attribute).c_str())) {
      const auto at = a.name() - text_.data();
      if (at >= 0 && static_cast<std::size_t>(at) < text_.size()) return at;
    }
  // offset_debug points at the element name; step back to its '<'.
  if (offset > 0 && node.type() == pugi::node_element) --offset;
  return offset;
}

void XmlInput::fail(pugi::xml_node at, const std::string& message,
                    std::string_view attribute) const {
  const auto offset = offset_of(at, attribute);
  if (offset < 0) throw ParseError(path_, 0, 0, message);
  const auto [line, column] = position(offset);
  throw ParseError(path_, line, column, message);
}

std::size_t XmlInput::line_of(pugi::xml_node node) const {
  const auto offset = offset_of(node);
  return offset < 0 ? 0 : position(offset).first;
}

std::string_view local_name(pugi::xml_node node) {
  std::string_view name = node.name();
  const auto colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

std::string_view prefix_of(pugi::xml_node node) {
  std::string_view name = node.name();
  const auto colon = name.find(':');
  return colon == std::string_view::npos ? std::string_view() : name.substr(0, colon);
}

std::optional<std::string> namespace_of(pugi::xml_node node, std::string_view prefix) {
  const std::string attribute = prefix.empty() ? "xmlns" : "xmlns:" + std::string(prefix);
  for (auto n = node; n && n.type() == pugi::node_element; n = n.parent())
    if (auto a = n.attribute(attribute.c_str())) return std::string(a.value());
  return std::nullopt;
}

std::vector<pugi::xml_node> children_named(pugi::xml_node parent, std::string_view name) {
  std::vector<pugi::xml_node> out;
  for (auto child : parent.children())
    if (child.type() == pugi::node_element && local_name(child) == name) out.push_back(child);
  return out;
}

pugi::xml_node child_named(pugi::xml_node parent, std::string_view name) {
  for (auto child : parent.children())
    if (child.type() == pugi::node_element && local_name(child) == name) return child;
  return {};
}

void check_node_room(const XmlInput& in, pugi::xml_node at, const graph::Graph& graph) {
  if (graph.node_count() >= kLimits.nodes)
    detail::throw_too_many("nodes", kLimits.nodes, in.path(), in.line_of(at));
}

graph::EdgeIndex add_edge_at(const XmlInput& in, pugi::xml_node edge, graph::Graph& graph,
                             const graph::EdgeSpec& spec) {
  if (graph.edge_count() >= kLimits.edges)
    detail::throw_too_many("edges", kLimits.edges, in.path(), in.line_of(edge));
  try {
    return graph.add_edge(spec);
  } catch (const InputError& err) {
    in.fail(edge, err.what(), "id");
  }
}

graph::NodeIndex edge_endpoint(const XmlInput& in, pugi::xml_node edge, const char* which,
                               bool strict, ImportResult& result) {
  const std::string id = edge.attribute(which).value();
  if (id.empty()) in.fail(edge, fmt::format("<edge> has no {}", which));
  if (auto n = result.graph.find_node(id)) return *n;
  if (strict)
    in.fail(edge,
            fmt::format("edge {} '{}' names no <node>; add the node (or drop --strict to "
                        "create it)",
                        which, id),
            which);
  // The file being read is the last one listed.
  result.report.created_nodes.push_back(CreatedNode{
      id, static_cast<std::uint32_t>(result.report.files.size() - 1), in.line_of(edge),
      std::string_view(which) == "source" ? "named as edge source but defined by no <node>"
                                          : "named as edge target but defined by no <node>"});
  check_node_room(in, edge, result.graph);
  return result.graph.add_node(id);
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_xml_space(text.front()))
    text.remove_prefix(1);
  while (!text.empty() && is_xml_space(text.back()))
    text.remove_suffix(1);
  return text;
}

std::optional<double> parse_real(std::string_view text) {
  text = trim(text);
  if (text.empty()) return std::nullopt;
  bool negative = false;
  std::string_view body = text;
  if (body.front() == '+' || body.front() == '-') {
    negative = body.front() == '-';
    body.remove_prefix(1);
  }
  if (iequals(body, "inf") || iequals(body, "infinity"))
    return negative ? -std::numeric_limits<double>::infinity()
                    : std::numeric_limits<double>::infinity();
  if (iequals(body, "nan")) return std::numeric_limits<double>::quiet_NaN();
  if (body.empty() || !(std::isdigit(static_cast<unsigned char>(body.front())) || body[0] == '.'))
    return std::nullopt;
  double value = 0;
  const auto [end, ec] = std::from_chars(body.data(), body.data() + body.size(), value);
  if (ec != std::errc() || end != body.data() + body.size()) return std::nullopt;
  return negative ? -value : value;
}

std::optional<std::int64_t> parse_integer(std::string_view text) {
  return detail::parse_integer(trim(text));
}

std::optional<bool> parse_bool(std::string_view text) {
  text = trim(text);
  if (iequals(text, "true") || text == "1") return true;
  if (iequals(text, "false") || text == "0") return false;
  return std::nullopt;
}

std::vector<std::string> parse_list(std::string_view text) {
  std::vector<std::string> items;
  const auto trimmed = trim(text);
  if (trimmed.empty()) return items;
  if (trimmed.size() >= 2 && trimmed.front() == '[' && trimmed.back() == ']') {
    const auto inner = trim(trimmed.substr(1, trimmed.size() - 2));
    if (inner.empty()) return items;
    std::size_t from = 0;
    while (true) {
      const auto comma = inner.find(',', from);
      auto item =
          trim(inner.substr(from, comma == std::string_view::npos ? inner.npos : comma - from));
      if (item.size() >= 2 && item.front() == '"' && item.back() == '"')
        item = item.substr(1, item.size() - 2);
      items.emplace_back(item);
      if (comma == std::string_view::npos) break;
      from = comma + 1;
    }
    return items;
  }
  std::size_t from = 0;
  while (true) {
    const auto bar = text.find('|', from);
    items.emplace_back(text.substr(from, bar == std::string_view::npos ? text.npos : bar - from));
    if (bar == std::string_view::npos) break;
    from = bar + 1;
  }
  return items;
}

std::optional<graph::Value> parse_value(graph::AttrType type, std::string_view text) {
  using graph::AttrType;
  switch (type) {
    case AttrType::String:
      return graph::Value(std::string(text));
    case AttrType::Integer:
      if (auto v = parse_integer(text)) return graph::Value(*v);
      return std::nullopt;
    case AttrType::Real:
      if (auto v = parse_real(text)) return graph::Value(*v);
      return std::nullopt;
    case AttrType::Bool:
      if (auto v = parse_bool(text)) return graph::Value(*v);
      return std::nullopt;
    case AttrType::Date:
      if (auto v = graph::Date::parse(trim(text))) return graph::Value(*v);
      return std::nullopt;
    case AttrType::List:
      return graph::Value(parse_list(text));
  }
  return std::nullopt;
}

std::optional<graph::Interval> parse_interval_text(std::string_view text) {
  text = trim(text);
  const auto slash = text.find('/');
  if (slash == std::string_view::npos || text.find('/', slash + 1) != std::string_view::npos)
    return std::nullopt;
  graph::Interval interval;
  const auto first = text.substr(0, slash);
  const auto second = text.substr(slash + 1);
  if (first != "..") {
    interval.start = graph::Date::parse(first);
    if (!interval.start) return std::nullopt;
  }
  if (second != "..") {
    interval.end = graph::Date::parse(second);
    if (!interval.end) return std::nullopt;
  }
  return interval;
}

}  // namespace actornet::importers::xml
