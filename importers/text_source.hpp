// Whole-file input for the text importers, with transparent gunzip for `.gz` names.
#pragma once

#include <string>
#include <string_view>

namespace actornet::importers {

/// Whether `path` ends in `.gz` (case-insensitive).
bool has_gz_suffix(std::string_view path);

/// `path` without a trailing `.gz`, so that `edges.tsv.gz` reads like `edges.tsv`.
std::string_view strip_gz_suffix(std::string_view path);

/// Reads the whole file at `path` into memory. A name ending in `.gz` is decompressed with
/// zlib (multi-member streams included); anything else is read byte for byte.
///
/// Throws InputError when the file cannot be opened (naming it and the system's reason), and
/// ParseError{path, 0, 0, ...} when a `.gz` file is not gzip data, is corrupt or is truncated.
/// Time and memory: linear in the decompressed size.
std::string read_text_file(const std::string& path);

}  // namespace actornet::importers
