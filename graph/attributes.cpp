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
  columns_.emplace_back(std::string(name), type);
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
  col.set(element, std::move(value));
}

const Value& AttributeTable::get(std::size_t column, std::size_t element) const {
  return columns_.at(column).get(element);
}

namespace {
const Value kMissing;
}  // namespace

const Value& AttrColumn::get(std::size_t element) const {
  if (element < dense_.size()) return dense_[element];
  if (sparse_.empty()) return kMissing;
  const auto it = sparse_.find(element);
  return it == sparse_.end() ? kMissing : it->second;
}

void AttrColumn::set(std::size_t element, Value value) {
  const bool given = !is_missing(value);
  if (element < dense_.size()) {
    const bool had = !is_missing(dense_[element]);
    dense_[element] = std::move(value);
    present_ = present_ + given - had;
    return;
  }
  const auto it = sparse_.find(element);
  if (!given) {
    if (it != sparse_.end()) {
      sparse_.erase(it);
      --present_;
    }
    return;
  }
  if (it == sparse_.end()) ++present_;
  // Dense up to `element` while about a quarter of the slots would hold a value (the slack
  // keeps small columns dense); otherwise sparse. Entries the dense part grows over move in.
  constexpr std::size_t kSlack = 64;
  if (element < 4 * present_ + kSlack) {
    dense_.resize(element + 1);
    for (auto moved = sparse_.begin(); moved != sparse_.end() && moved->first <= element;
         moved = sparse_.erase(moved))
      dense_[moved->first] = std::move(moved->second);
    dense_[element] = std::move(value);
  } else if (it != sparse_.end()) {
    it->second = std::move(value);
  } else {
    sparse_.emplace(element, std::move(value));
  }
}

std::size_t AttrColumn::present_below(std::size_t count) const {
  std::size_t n = 0;
  for (std::size_t i = 0; i < count && i < dense_.size(); ++i)
    n += !is_missing(dense_[i]);
  for (auto it = sparse_.begin(); it != sparse_.end() && it->first < count; ++it)
    ++n;
  return n;
}

}  // namespace actornet::graph
