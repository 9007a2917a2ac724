#include "exporters/writer_support.hpp"

#include <cmath>

#include <fmt/format.h>

namespace actornet::exporters::detail {

std::vector<graph::AttrColumn> node_columns(const graph::Graph& graph,
                                            const ExportOptions& options) {
  std::vector<graph::AttrColumn> columns = graph.node_attributes().columns();
  for (const auto& [name, scores] : options.scores) {
    graph::AttrColumn column{name, graph::AttrType::Real, {}};
    column.values.resize(graph.node_count());
    for (std::size_t n = 0; n < graph.node_count() && n < scores.size(); ++n)
      if (!std::isnan(scores[n])) column.values[n] = scores[n];
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
  for (std::size_t i = 0; i < count && i < column.values.size(); ++i)
    if (!graph::is_missing(column.values[i])) return true;
  return false;
}

const graph::Value& value_at(const graph::AttrColumn& column, std::size_t element) {
  static const graph::Value kMissing;
  return element < column.values.size() ? column.values[element] : kMissing;
}

void log_type_losses(const std::vector<graph::AttrColumn>& columns, std::size_t count,
                     std::string_view element, std::string_view (*lost)(graph::AttrType),
                     DropLog& log) {
  for (const auto& column : columns) {
    const auto as = lost(column.type);
    if (as.empty()) continue;
    std::size_t n = 0;
    for (std::size_t i = 0; i < count && i < column.values.size(); ++i)
      if (!graph::is_missing(column.values[i])) ++n;
    log.add(fmt::format("{} attribute '{}' ({}): {{}} values written as {}", element,
                        escape_braces(column.name), graph::to_string(column.type), as),
            n);
  }
}

}  // namespace actornet::exporters::detail
