#include "graph/attributes.hpp"

#include <fmt/format.h>

#include "graph/errors.hpp"

namespace actornet::graph {

std::string_view to_string(AttrType type) {
  switch (type) {
    case AttrType::String:
      return "string";
    case AttrType::Integer:
      return "int";
    case AttrType::Real:
      return "real";
    case AttrType::Bool:
      return "bool";
    case AttrType::Date:
      return "date";
    case AttrType::List:
      return "list";
  }
  return "string";
}

std::optional<AttrType> attr_type_from_string(std::string_view name) {
  if (name == "string" || name == "str" || name == "text") return AttrType::String;
  if (name == "int" || name == "integer" || name == "long") return AttrType::Integer;
  if (name == "real" || name == "double" || name == "float") return AttrType::Real;
  if (name == "bool" || name == "boolean") return AttrType::Bool;
  if (name == "date") return AttrType::Date;
  if (name == "list") return AttrType::List;
  return std::nullopt;
}

bool is_missing(const Value& v) {
  return std::holds_alternative<std::monostate>(v);
}

std::string format_value(const Value& v) {
  struct Formatter {
    std::string operator()(std::monostate) const { return {}; }
    std::string operator()(const std::string& s) const { return s; }
    std::string operator()(std::int64_t i) const { return std::to_string(i); }
    std::string operator()(double d) const { return fmt::format("{}", d); }
    std::string operator()(bool b) const { return b ? "true" : "false"; }
    std::string operator()(const Date& d) const { return d.to_string(); }
    std::string operator()(const std::vector<std::string>& items) const {
      return fmt::format("{}", fmt::join(items, "|"));
    }
  };
  return std::visit(Formatter{}, v);
}

namespace {

bool matches_type(const Value& v, AttrType type) {
  switch (type) {
    case AttrType::String:
      return std::holds_alternative<std::string>(v);
    case AttrType::Integer:
      return std::holds_alternative<std::int64_t>(v);
    case AttrType::Real:
      return std::holds_alternative<double>(v);
    case AttrType::Bool:
      return std::holds_alternative<bool>(v);
    case AttrType::Date:
      return std::holds_alternative<Date>(v);
    case AttrType::List:
      return std::holds_alternative<std::vector<std::string>>(v);
  }
  return false;
}

}  // namespace

std::size_t AttributeTable::declare(std::string_view name, AttrType type) {
  if (auto existing = find(name)) {
    if (columns_[*existing].type != type)
      throw InputError(fmt::format("attribute '{}' is declared as {} and as {}; give it one type",
                                   name, to_string(columns_[*existing].type), to_string(type)));
    return *existing;
  }
  columns_.push_back(AttrColumn{std::string(name), type, {}});
  index_.emplace(std::string(name), columns_.size() - 1);
  return columns_.size() - 1;
}

std::optional<std::size_t> AttributeTable::find(std::string_view name) const {
  auto it = index_.find(name);
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

void AttributeTable::set(std::size_t column, std::size_t element, Value value) {
  AttrColumn& col = columns_.at(column);
  if (!is_missing(value) && !matches_type(value, col.type))
    throw InputError(fmt::format("attribute '{}' holds {} values; got '{}'", col.name,
                                 to_string(col.type), format_value(value)));
  if (element >= col.values.size()) {
    if (is_missing(value)) return;
    col.values.resize(element + 1);
  }
  col.values[element] = std::move(value);
}

const Value& AttributeTable::get(std::size_t column, std::size_t element) const {
  static const Value kMissing;
  const AttrColumn& col = columns_.at(column);
  return element < col.values.size() ? col.values[element] : kMissing;
}

}  // namespace actornet::graph
