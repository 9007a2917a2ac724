#include "graph/errors.hpp"

#include <utility>

namespace actornet {
namespace {

std::string locate(const std::string& file, std::size_t line, std::size_t column,
                   const std::string& message) {
  std::string where = file;
  if (line > 0) where += ":" + std::to_string(line);
  if (line > 0 && column > 0) where += ":" + std::to_string(column);
  return where.empty() ? message : where + ": " + message;
}

}  // namespace

ParseError::ParseError(std::string file, std::size_t line, std::size_t column, std::string message)
    : InputError(locate(file, line, column, message)),
      file_(std::move(file)),
      line_(line),
      column_(column),
      message_(std::move(message)) {}

}  // namespace actornet
