// Typed attributes, stored column-wise so that a graph with millions of edges and no extra
// attributes pays nothing for them.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

#include "graph/date.hpp"

namespace actornet::graph {

/// Hash for string-keyed maps that look up by std::string_view without building a string.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const noexcept {
    return std::hash<std::string_view>{}(text);
  }
};

/// An unordered map from strings, searchable by string_view.
template <typename T>
using StringMap = std::unordered_map<std::string, T, StringHash, std::equal_to<>>;

enum class AttrType : std::uint8_t { String, Integer, Real, Bool, Date, List };

/// `string`, `int`, `real`, `bool`, `date` or `list`.
std::string_view to_string(AttrType type);
/// Inverse of to_string, also accepting `integer`, `double`, `float`, `boolean`.
std::optional<AttrType> attr_type_from_string(std::string_view name);

/// One attribute value. monostate = missing (the element has no value for this attribute).
using Value = std::variant<std::monostate, std::string, std::int64_t, double, bool, Date,
                           std::vector<std::string>>;

bool is_missing(const Value& v);
/// The value as text: integers in decimal, reals in shortest round-trip form, bools as
/// `true`/`false`, dates in ISO form at their precision, lists joined with `|`; missing is "".
std::string format_value(const Value& v);

/// A named, typed column of values indexed by node or edge index.
struct AttrColumn {
  std::string name;
  AttrType type = AttrType::String;
  std::vector<Value> values;  ///< may be shorter than the element count: missing past the end
};

/// The attributes of one element kind (nodes or edges).
class AttributeTable {
 public:
  /// Declares a column or returns the existing one; throws InputError when it exists with
  /// another type.
  std::size_t declare(std::string_view name, AttrType type);
  std::optional<std::size_t> find(std::string_view name) const;

  /// Stores `value` for `element`. The value's alternative must match the column's type.
  void set(std::size_t column, std::size_t element, Value value);
  const Value& get(std::size_t column, std::size_t element) const;

  std::size_t size() const { return columns_.size(); }
  const AttrColumn& column(std::size_t c) const { return columns_[c]; }
  const std::vector<AttrColumn>& columns() const { return columns_; }

 private:
  std::vector<AttrColumn> columns_;
  StringMap<std::size_t> index_;
};

}  // namespace actornet::graph
