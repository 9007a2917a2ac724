// Typed attributes, stored column-wise so that a graph with millions of edges and no extra
// attributes pays nothing for them.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
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
///
/// The values are held densely (one Value per element) from element 0 for as long as at least
/// about a quarter of those slots hold a value, and in an ordered map past that: a file that
/// gives each of thousands of attributes a value on a few of a million nodes costs memory in
/// proportion to the values it holds, not to attributes x elements (40 bytes each).
class AttrColumn {
 public:
  AttrColumn(std::string column_name, AttrType column_type)
      : name(std::move(column_name)), type(column_type) {}

  std::string name;
  AttrType type = AttrType::String;

  /// The value of `element`; missing when it has none. O(1) in the dense part, O(log n) past it.
  const Value& get(std::size_t element) const;
  /// Stores `value` for `element`; a missing value removes the element's value. The type is
  /// not checked here (AttributeTable::set does).
  void set(std::size_t element, Value value);
  /// The number of elements with a value.
  std::size_t present() const { return present_; }
  /// The number of elements below `count` with a value.
  std::size_t present_below(std::size_t count) const;
  /// Calls f(element, value) for every element with a value, in increasing element order.
  template <typename F>
  void for_each(F&& f) const {
    for (std::size_t i = 0; i < dense_.size(); ++i)
      if (!is_missing(dense_[i])) f(i, dense_[i]);
    for (const auto& [element, value] : sparse_)
      f(element, value);
  }

 private:
  std::vector<Value> dense_;             ///< elements 0 .. dense_.size() - 1
  std::map<std::size_t, Value> sparse_;  ///< elements from dense_.size() on, never missing
  std::size_t present_ = 0;
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
