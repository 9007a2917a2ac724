// Helpers for the importer tests: tiny inputs written to a fresh temporary directory.
#pragma once

#include <atomic>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unistd.h>

#include <doctest/doctest.h>
#include <zlib.h>

#include "graph/errors.hpp"
#include "importers/import.hpp"

namespace actornet::testing {

/// A temporary directory removed (with its content) when the object goes out of scope.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    dir_ = std::filesystem::temp_directory_path() /
           ("actornet-importers-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  /// The path of `name` inside the directory.
  std::string path(const std::string& name) const { return (dir_ / name).string(); }

  /// Writes `content` byte for byte to `name` (sub-directories are created) and returns its path.
  std::string write(const std::string& name, std::string_view content) const {
    const auto p = dir_ / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    return p.string();
  }

  /// Writes `content` gzip-compressed to `name` and returns its path.
  std::string write_gz(const std::string& name, std::string_view content) const {
    const auto p = dir_ / name;
    std::filesystem::create_directories(p.parent_path());
    gzFile f = gzopen(p.string().c_str(), "wb");
    REQUIRE(f != nullptr);
    REQUIRE(gzwrite(f, content.data(), static_cast<unsigned>(content.size())) ==
            static_cast<int>(content.size()));
    REQUIRE(gzclose(f) == Z_OK);
    return p.string();
  }

 private:
  std::filesystem::path dir_;
};

/// The ParseError `f` throws, or nullopt when it throws none (other exceptions propagate).
inline std::optional<ParseError> parse_error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const ParseError& e) {
    return e;
  }
  return std::nullopt;
}

/// Writes `content` to `name` in `dir` and imports that one file.
inline importers::ImportResult import_text(const TempDir& dir, const std::string& name,
                                           std::string_view content,
                                           const importers::ImportOptions& options = {}) {
  return importers::import_graph({dir.write(name, content)}, options);
}

/// The ParseError importing `content` as file `name` raises (nullopt when it imports fine).
inline std::optional<ParseError> import_error(const TempDir& dir, const std::string& name,
                                              std::string_view content,
                                              const importers::ImportOptions& options = {}) {
  const auto path = dir.write(name, content);
  return parse_error_of([&] { importers::import_graph({path}, options); });
}

/// Whether some entry's message contains `text`.
inline bool has_message(const std::vector<importers::ReportEntry>& entries, std::string_view text) {
  for (const auto& e : entries)
    if (e.message.find(text) != std::string::npos) return true;
  return false;
}

/// Whether `haystack` contains `needle`.
inline bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

}  // namespace actornet::testing
