#include "importers/limits.hpp"

#include <fmt/format.h>

#include "graph/errors.hpp"
#include "importers/reader_support.hpp"

namespace actornet::importers::detail {
namespace {

// A name for a message: long ones cut, so that an error about a 16 MiB key stays readable.
std::string shortened(std::string_view name) {
  constexpr std::size_t kShown = 60;
  if (name.size() <= kShown) return std::string(name);
  return std::string(name.substr(0, kShown)) + "...";
}

[[noreturn]] void too_deep(std::string_view text, std::size_t offset, const std::string& file,
                           std::string_view what, std::size_t max_depth, std::string_view fix) {
  const auto at = position_of(text, offset);
  throw ParseError(file, at.line, at.column,
                   fmt::format("{} nested more than {} levels deep; actornet reads at most {} "
                               "levels (see Limits in README.md): {}",
                               what, max_depth, max_depth, fix));
}

}  // namespace

void throw_too_many(std::string_view what, std::uint64_t max, const std::string& file,
                    std::size_t line) {
  throw ParseError(file, line, 0,
                   fmt::format("more than {} {}: a graph holds at most {} {} (32-bit indices); "
                               "split the input or filter it (for event data: --events-from, "
                               "--events-to, --cameo, --countries, --aggregate)",
                               max, what, max, what));
}

std::string too_many_attributes(std::string_view what, std::string_view name) {
  return fmt::format(
      "more than {} distinct {} attribute names (the next is '{}'); actornet reads at most {} "
      "(see Limits in README.md): drop the attributes you do not need",
      kLimits.attributes, what, shortened(name), kLimits.attributes);
}

void throw_too_many_attributes(std::string_view what, std::string_view name,
                               const std::string& file, std::size_t line, std::size_t column) {
  throw ParseError(file, line, column, too_many_attributes(what, name));
}

void check_json_depth(std::string_view text, const std::string& file, std::size_t max_depth) {
  std::size_t depth = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') {
      for (++i; i < text.size() && text[i] != '"'; ++i)
        if (text[i] == '\\') ++i;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth)
        too_deep(text, i, file, "JSON arrays and objects", max_depth,
                 "flatten this value or remove it");
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
}

void check_dot_depth(std::string_view text, const std::string& file, std::size_t max_depth) {
  std::size_t depth = 0;
  bool line_start = true;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const char next = i + 1 < text.size() ? text[i + 1] : '\0';
    if (c == '#' && line_start) {  // a C preprocessor line, which cgraph skips
      while (i + 1 < text.size() && text[i + 1] != '\n')
        ++i;
    } else if (c == '/' && next == '/') {
      while (i + 1 < text.size() && text[i + 1] != '\n')
        ++i;
    } else if (c == '/' && next == '*') {
      const auto end = text.find("*/", i + 2);
      i = end == std::string_view::npos ? text.size() : end + 1;
    } else if (c == '"') {
      for (++i; i < text.size() && text[i] != '"'; ++i)
        if (text[i] == '\\') ++i;
    } else if (c == '<') {  // an HTML string: balanced angle brackets
      std::size_t open = 1;
      for (++i; i < text.size(); ++i) {
        if (text[i] == '<') {
          ++open;
        } else if (text[i] == '>' && --open == 0) {
          break;
        }
      }
    } else if (c == '{') {
      if (++depth > max_depth)
        too_deep(text, i, file, "DOT braces (subgraphs in subgraphs)", max_depth,
                 "flatten the subgraphs");
    } else if (c == '}' && depth > 0) {
      --depth;
    }
    line_start = c == '\n';
  }
}

std::string byte_size(std::uint64_t bytes) {
  constexpr std::uint64_t kMiB = std::uint64_t{1} << 20, kGiB = std::uint64_t{1} << 30;
  if (bytes >= kGiB && bytes % kGiB == 0) return fmt::format("{} GiB", bytes / kGiB);
  if (bytes >= kMiB && bytes % kMiB == 0) return fmt::format("{} MiB", bytes / kMiB);
  return fmt::format("{} bytes", bytes);
}

}  // namespace actornet::importers::detail
