// Error types shared by every layer. Only cli/main.cpp turns them into exit codes:
// InputError (and its ParseError) -> 2, anything else -> 1.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace actornet {

/// Bad input or bad arguments: the user can fix it. Exit status 2.
class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Malformed input at a known place. `line` and `column` are 1-based; 0 means unknown.
/// what() reads "file:line:column: message".
class ParseError : public InputError {
 public:
  ParseError(std::string file, std::size_t line, std::size_t column, std::string message);

  const std::string& file() const { return file_; }
  std::size_t line() const { return line_; }
  std::size_t column() const { return column_; }
  const std::string& message() const { return message_; }

 private:
  std::string file_;
  std::size_t line_;
  std::size_t column_;
  std::string message_;
};

}  // namespace actornet
