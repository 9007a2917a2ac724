#include "importers/text_source.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

#include <climits>
#include <fmt/format.h>
#include <zlib.h>

#include "graph/errors.hpp"

namespace actornet::importers {
namespace {

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};
struct GzCloser {
  void operator()(gzFile_s* f) const { gzclose(f); }
};

[[noreturn]] void too_big(const std::string& path, std::uint64_t max_bytes, bool gz) {
  throw ParseError(path, 0, 0,
                   fmt::format("{} more than {}; this format is read whole into memory and "
                               "actornet reads at most {} of it (see Limits in README.md): split "
                               "it into several files (inputs merge by node id)",
                               gz ? "decompresses to" : "holds", detail::byte_size(max_bytes),
                               detail::byte_size(max_bytes)));
}

[[noreturn]] void cannot_open(const std::string& path, int error) {
  throw InputError(fmt::format("cannot open '{}': {}; check the path and its permissions", path,
                               std::strerror(error)));
}

std::string read_plain(const std::string& path, std::uint64_t max_bytes) {
  std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
  if (!file) cannot_open(path, errno);
  std::error_code ec;
  const auto expected = std::filesystem::file_size(path, ec);
  if (!ec && expected > max_bytes) too_big(path, max_bytes, false);
  std::string text;
  std::size_t used = 0;
  // One byte more than the limit, so that reading it shows the file is over (it grew, or its
  // size was unknown: a pipe, a device).
  const auto most = static_cast<std::size_t>(max_bytes) + 1;
  std::size_t capacity =
      std::min(ec ? std::size_t{1} << 16 : static_cast<std::size_t>(expected) + 1, most);
  for (;;) {
    text.resize(capacity);
    const std::size_t got = std::fread(text.data() + used, 1, capacity - used, file.get());
    used += got;
    if (used > max_bytes) too_big(path, max_bytes, false);
    if (used < capacity) break;
    capacity = std::min(capacity * 2, most);
  }
  if (std::ferror(file.get()))
    throw InputError(fmt::format("cannot read '{}': {}", path, std::strerror(errno)));
  text.resize(used);
  return text;
}

[[noreturn]] void bad_gzip(const std::string& path, std::string_view why) {
  throw ParseError(path, 0, 0,
                   fmt::format("is not a readable gzip file ({}); check that it was fully "
                               "downloaded, or decompress it and pass the plain file",
                               why));
}

std::string read_gzip(const std::string& path, std::uint64_t max_bytes) {
  errno = 0;
  std::unique_ptr<gzFile_s, GzCloser> file(gzopen(path.c_str(), "rb"));
  if (!file) cannot_open(path, errno != 0 ? errno : ENOMEM);
  gzbuffer(file.get(), 1U << 18);
  std::string text;
  std::size_t used = 0;
  const auto most = static_cast<std::size_t>(max_bytes) + 1;  // one more shows it is over
  std::size_t capacity = std::min(std::size_t{1} << 20, most);
  for (;;) {
    if (used == capacity) capacity = std::min(capacity * 2, most);
    text.resize(capacity);
    const std::size_t want = std::min<std::size_t>(capacity - used, INT_MAX / 2);
    const int got = gzread(file.get(), text.data() + used, static_cast<unsigned>(want));
    if (got < 0) {
      int code = Z_OK;
      bad_gzip(path, gzerror(file.get(), &code));
    }
    if (got == 0) break;
    used += static_cast<std::size_t>(got);
    if (used > max_bytes) too_big(path, max_bytes, true);
  }
  int code = Z_OK;
  const char* message = gzerror(file.get(), &code);
  if (code != Z_OK) bad_gzip(path, message);
  // zlib passes non-gzip data through unchanged ("transparent" mode); a .gz name promises gzip.
  if (used > 0 && gzdirect(file.get())) bad_gzip(path, "no gzip header");
  text.resize(used);
  return text;
}

}  // namespace

bool has_gz_suffix(std::string_view path) {
  if (path.size() < 3) return false;
  const auto tail = path.substr(path.size() - 3);
  return tail[0] == '.' && (tail[1] == 'g' || tail[1] == 'G') && (tail[2] == 'z' || tail[2] == 'Z');
}

std::string_view strip_gz_suffix(std::string_view path) {
  return has_gz_suffix(path) ? path.substr(0, path.size() - 3) : path;
}

std::string read_text_file(const std::string& path, std::uint64_t max_bytes) {
  return has_gz_suffix(path) ? read_gzip(path, max_bytes) : read_plain(path, max_bytes);
}

}  // namespace actornet::importers
