// Whole-file input for the text importers, with transparent gunzip for `.gz` names.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "importers/limits.hpp"

namespace actornet::importers {

/// Whether `path` ends in `.gz` (case-insensitive).
bool has_gz_suffix(std::string_view path);

/// `path` without a trailing `.gz`, so that `edges.tsv.gz` reads like `edges.tsv`.
std::string_view strip_gz_suffix(std::string_view path);

/// Reads the whole file at `path` into memory. A name ending in `.gz` is decompressed with
/// zlib (multi-member streams included); anything else is read byte for byte.
///
/// Throws InputError when the file cannot be opened (naming it and the system's reason), and
/// ParseError{path, 0, 0, ...} when a `.gz` file is not gzip data, is corrupt or is truncated,
/// or when the (decompressed) text exceeds `max_bytes` (limits.hpp: Limits::file_bytes, or
/// int_file_bytes for readers built on libraries counting in int). The size of a plain file is
/// checked before it is read; a gzip stream or a file of unknown size stops at the limit, so
/// memory never exceeds it. Time and memory: linear in the decompressed size.
std::string read_text_file(const std::string& path, std::uint64_t max_bytes = kLimits.file_bytes);

}  // namespace actornet::importers
