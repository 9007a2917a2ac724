// Streaming input for the event importers: a file read in blocks of whole records, plain,
// gzipped (`.gz`) or the single member of a `.zip` archive, so that memory does not grow with
// the file's size. Internal to importers/.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "importers/limits.hpp"

namespace actornet::importers::detail {

/// Bytes of a file: plain, gunzipped (name ending in `.gz`) or unzipped (name ending in
/// `.zip`: the archive must hold exactly one file).
class ByteStream {
 public:
  /// Opens `path`. Throws InputError when it cannot be opened, ParseError{path, 0, 0} for a
  /// `.zip` that is not a zip archive, holds no file or several, or uses a method libzip
  /// cannot read.
  explicit ByteStream(const std::string& path);
  ~ByteStream();
  ByteStream(const ByteStream&) = delete;
  ByteStream& operator=(const ByteStream&) = delete;

  /// Reads up to `size` bytes into `out`; 0 at the end. Throws ParseError for corrupt data.
  std::size_t read(char* out, std::size_t size);
  /// Progress: how far the input has been read and how far it goes, in the same unit (bytes of
  /// the file on disk for plain and `.gz` files, uncompressed bytes for a `.zip` member); the
  /// total is 0 when unknown.
  std::uint64_t done() const;
  std::uint64_t total() const;
  /// The name errors should use: the path, or `archive.zip:member.CSV`.
  const std::string& name() const { return name_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::string name_;
};

/// Splits a ByteStream into blocks of whole records. A record ends at a line feed, or, when
/// `quoted` is set, at a line feed outside double quotes (RFC 4180 fields may hold line
/// breaks). A UTF-8 byte order mark at the start is skipped. Blocks are about 4 MB; a record
/// longer than that makes its block longer, up to `max_record_bytes` (limits.hpp:
/// Limits::record_bytes), so memory stays bounded whatever the input.
class RecordBlocks {
 public:
  RecordBlocks(ByteStream& input, bool quoted,
               std::function<void(std::uint64_t, std::uint64_t)> progress = {},
               std::size_t max_record_bytes = kLimits.record_bytes);

  /// The next block (valid until the next call) and the physical line it starts on; false at
  /// the end of the input. The last record of the input may lack its line feed. Throws
  /// ParseError{name, line} when a record starting at that line runs past max_record_bytes.
  bool next(std::string_view& block, std::size_t& first_line);

 private:
  std::size_t last_boundary() const;
  ByteStream& input_;
  bool quoted_;
  std::function<void(std::uint64_t, std::uint64_t)> progress_;
  std::size_t max_record_bytes_;
  std::string buffer_;
  std::size_t used_ = 0;      ///< bytes of buffer_ holding data
  std::size_t consumed_ = 0;  ///< bytes of buffer_ already handed out
  std::size_t line_ = 1;      ///< physical line at buffer_[consumed_]
  bool eof_ = false;
  bool started_ = false;
};

/// The first line of `path` (plain, `.gz` or `.zip`), at most `limit` bytes, without its line
/// end or a byte order mark; empty for an empty file. For sniffing a format.
std::string first_line(const std::string& path, std::size_t limit = 1 << 16);

}  // namespace actornet::importers::detail
