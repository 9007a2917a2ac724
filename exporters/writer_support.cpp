#include "exporters/writer_support.hpp"

#include <cmath>

#include <fmt/format.h>

#include "graph/errors.hpp"
#include "graph/utf8.hpp"

namespace actornet::exporters::detail {

std::vector<graph::AttrColumn> node_columns(const graph::Graph& graph,
                                            const ExportOptions& options) {
  std::vector<graph::AttrColumn> columns = graph.node_attributes().columns();
  for (const auto& [name, scores] : options.scores) {
    graph::AttrColumn column(name, graph::AttrType::Real);
    for (std::size_t n = 0; n < graph.node_count() && n < scores.size(); ++n)
      if (!std::isnan(scores[n])) column.set(n, scores[n]);
    bool replaced = false;
    for (auto& existing : columns)
      if (existing.name == name) {
        existing = column;
        replaced = true;
      }
    if (!replaced) columns.push_back(std::move(column));
  }
  return columns;
}

void DropLog::add(const std::string& what, std::size_t n) {
  if (n == 0) return;
  for (auto& [kind, count] : kinds_)
    if (kind == what) {
      count += n;
      return;
    }
  kinds_.emplace_back(what, n);
}

void DropLog::flush(ExportReport& report) const {
  for (const auto& [kind, count] : kinds_)
    report.dropped.push_back(format_ + ": " + fmt::format(fmt::runtime(kind), count));
}

std::string quoted_label(std::string_view text, std::size_t& replaced) {
  std::string out(text);
  for (char& c : out)
    if (c == '"' || c == '\n' || c == '\r') {
      c = c == '"' ? '\'' : ' ';
      ++replaced;
    }
  return "\"" + out + "\"";
}

namespace {

bool holds(char32_t cp, Unholdable which) {
  switch (which) {
    case Unholdable::None:
      return true;
    case Unholdable::Nul:
      return cp != 0;
    case Unholdable::Xml:
      if (cp < 0x20) return cp == 0x9 || cp == 0xA || cp == 0xD;
      return cp != 0xFFFE && cp != 0xFFFF;
  }
  return true;
}

// Whether holdable_text would leave `text` as it is; printable ASCII is skipped fast.
bool fits(std::string_view text, Unholdable which) {
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c < 0x80) {
      ++i;
      continue;
    }
    char32_t cp = 0;
    std::size_t bad = 0;
    const std::size_t length = graph::decode_utf8(text, i, cp, bad);
    if (length == 0 || !holds(cp, which)) return false;
    i += length;
  }
  return true;
}

// `text` for an error message: control characters and ill-formed bytes as \xNN.
std::string shown(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    std::size_t bad = 0;
    const std::size_t length = graph::decode_utf8(text, i, cp, bad);
    const std::size_t n = length == 0 ? bad : length;
    if (length == 0 || cp < 0x20 || cp == 0x7F) {
      for (std::size_t k = 0; k < n; ++k)
        out += fmt::format("\\x{:02X}",
                           static_cast<unsigned>(static_cast<unsigned char>(text[i + k])));
    } else {
      out += text.substr(i, n);
    }
    i += n;
  }
  return out;
}

std::string_view what_is_replaced(Unholdable which) {
  switch (which) {
    case Unholdable::None:
      return "ill-formed UTF-8";
    case Unholdable::Nul:
      return "ill-formed UTF-8 or NUL characters";
    case Unholdable::Xml:
      return "ill-formed UTF-8 or characters XML 1.0 cannot hold (control characters other than "
             "tab, LF and CR; U+FFFE, U+FFFF)";
  }
  return "";
}

[[noreturn]] void collision(std::string_view what, std::string_view a, std::string_view b,
                            const std::string& written, Unholdable which) {
  throw InputError(fmt::format(
      "{} '{}' and '{}' would both be written as '{}': the format cannot hold {}; rename one{}",
      what, shown(a), shown(b), written, what_is_replaced(which),
      which == Unholdable::None ? " (no format holds ill-formed UTF-8)"
                                : ", or export as JSON or CSV, which hold every character"));
}

}  // namespace

std::string holdable_text(std::string_view text, Unholdable which, bool& changed) {
  if (fits(text, which)) return std::string(text);
  std::string out;
  out.reserve(text.size() + 8);
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    std::size_t bad = 0;
    const std::size_t length = graph::decode_utf8(text, i, cp, bad);
    if (length == 0 || !holds(cp, which)) {
      out += graph::kReplacementCharacter;
      changed = true;
      i += length == 0 ? bad : length;
      continue;
    }
    out += text.substr(i, length);
    i += length;
  }
  return out;
}

FittedGraph::FittedGraph(const graph::Graph& graph, const ExportOptions& options, Unholdable which,
                         DropLog& log)
    : graph_(&graph), options_(&options) {
  const auto all_fit = [&](const graph::AttributeTable& table) {
    bool fit = true;
    for (const auto& column : table.columns()) {
      fit = fit && fits(column.name, which);
      column.for_each([&](std::size_t, const graph::Value& v) {
        if (const auto* s = std::get_if<std::string>(&v)) fit = fit && fits(*s, which);
        if (const auto* list = std::get_if<std::vector<std::string>>(&v))
          for (const auto& item : *list)
            fit = fit && fits(item, which);
      });
    }
    return fit;
  };
  bool ok = all_fit(graph.node_attributes()) && all_fit(graph.edge_attributes());
  for (graph::NodeIndex n = 0; ok && n < graph.node_count(); ++n)
    ok = fits(graph.node(n).id, which) && fits(graph.node(n).label, which);
  for (graph::SymbolId k = 0; ok && k < graph.kinds().size(); ++k)
    ok = fits(graph.kinds().name(k), which);
  for (graph::SymbolId r = 0; ok && r < graph.relations().size(); ++r)
    ok = fits(graph.relations().name(r), which);
  for (graph::EdgeIndex e = 0; ok && e < graph.edge_count(); ++e)
    ok = !graph.has_explicit_edge_id(e) || fits(graph.edge_id(e), which);
  for (const auto& [name, scores] : options.scores)
    ok = ok && fits(name, which);
  ok = ok && fits(options.size_by, which) && fits(options.color_by, which);
  if (ok) return;

  std::size_t changed_texts = 0;
  const auto fit = [&](std::string_view text) {
    bool changed = false;
    auto out = holdable_text(text, which, changed);
    if (changed) ++changed_texts;
    return out;
  };
  auto& out = copy_.emplace();
  out.reserve(graph.node_count(), graph.edge_count());
  std::vector<std::string> kinds, relations;
  for (graph::SymbolId k = 0; k < graph.kinds().size(); ++k)
    out.kinds().intern(kinds.emplace_back(fit(graph.kinds().name(k))));
  for (graph::SymbolId r = 0; r < graph.relations().size(); ++r)
    out.relations().intern(relations.emplace_back(fit(graph.relations().name(r))));
  for (graph::NodeIndex n = 0; n < graph.node_count(); ++n) {
    const auto& node = graph.node(n);
    auto id = fit(node.id);
    if (const auto other = out.find_node(id))
      collision("node ids", graph.node(*other).id, node.id, id, which);
    const auto index = out.add_node(std::move(id), {}, kinds[node.kind], node.valid);
    out.node(index).label = fit(node.label);
  }
  for (graph::EdgeIndex e = 0; e < graph.edge_count(); ++e) {
    const auto& edge = graph.edge(e);
    graph::EdgeSpec spec{.source = edge.source,
                         .target = edge.target,
                         .relation = relations[edge.relation],
                         .directed = edge.directed,
                         .weight = edge.weight,
                         .valid = edge.valid};
    if (graph.has_explicit_edge_id(e)) {
      spec.id = fit(graph.edge_id(e));
      if (const auto other = out.find_edge(spec.id))
        collision("edge ids", graph.edge_id(*other), graph.edge_id(e), spec.id, which);
    }
    out.add_edge(spec);
  }
  const auto copy_table = [&](const graph::AttributeTable& from, graph::AttributeTable& to,
                              std::string_view element) {
    for (const auto& column : from.columns()) {
      auto name = fit(column.name);
      if (const auto other = to.find(name))
        collision(fmt::format("{} attribute names", element), from.column(*other).name, column.name,
                  name, which);
      const auto c = to.declare(name, column.type);
      column.for_each([&](std::size_t i, const graph::Value& v) {
        if (const auto* s = std::get_if<std::string>(&v)) {
          to.set(c, i, fit(*s));
        } else if (const auto* list = std::get_if<std::vector<std::string>>(&v)) {
          std::vector<std::string> items;
          bool changed = false;
          for (const auto& item : *list)
            items.push_back(holdable_text(item, which, changed));
          if (changed) ++changed_texts;
          to.set(c, i, std::move(items));
        } else {
          to.set(c, i, v);
        }
      });
    }
  };
  copy_table(graph.node_attributes(), out.node_attributes(), "node");
  copy_table(graph.edge_attributes(), out.edge_attributes(), "edge");
  auto& opts = options_copy_.emplace(options);
  for (auto& [name, scores] : opts.scores)
    name = fit(name);
  opts.size_by = fit(opts.size_by);
  opts.color_by = fit(opts.color_by);
  log.add(fmt::format("{{}} texts held {}: written with U+FFFD in their place",
                      what_is_replaced(which)),
          changed_texts);
}

std::string escape_braces(std::string_view text) {
  std::string out;
  for (char c : text) {
    out += c;
    if (c == '{' || c == '}') out += c;
  }
  return out;
}

std::string real_literal(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  std::string text = fmt::format("{}", value);
  if (text.find_first_of(".eE") == std::string::npos) text += ".0";
  return text;
}

bool has_values(const graph::AttrColumn& column, std::size_t count) {
  return column.present_below(count) > 0;
}

void log_type_losses(const std::vector<graph::AttrColumn>& columns, std::size_t count,
                     std::string_view element, std::string_view (*lost)(graph::AttrType),
                     DropLog& log) {
  for (const auto& column : columns) {
    const auto as = lost(column.type);
    if (as.empty()) continue;
    const std::size_t n = column.present_below(count);
    log.add(fmt::format("{} attribute '{}' ({}): {{}} values written as {}", element,
                        escape_braces(column.name), graph::to_string(column.type), as),
            n);
  }
}

}  // namespace actornet::exporters::detail
