#include "importers/events_stream.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <zip.h>

#include <fmt/format.h>
#include <zlib.h>

#include "graph/errors.hpp"
#include "importers/limits.hpp"
#include "importers/text_source.hpp"

namespace actornet::importers::detail {
namespace {

constexpr std::size_t kBlock = std::size_t{4} << 20;

bool ends_with_ci(std::string_view text, std::string_view suffix) {
  if (text.size() < suffix.size()) return false;
  for (std::size_t i = 0; i < suffix.size(); ++i) {
    char c = text[text.size() - suffix.size() + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != suffix[i]) return false;
  }
  return true;
}

[[noreturn]] void cannot_open(const std::string& path, int error) {
  throw InputError(fmt::format("cannot open '{}': {}; check the path and its permissions", path,
                               std::strerror(error)));
}

}  // namespace

struct ByteStream::Impl {
  enum class Kind { Plain, Gzip, Zip } kind = Kind::Plain;
  std::FILE* file = nullptr;
  gzFile gz = nullptr;
  zip_t* archive = nullptr;
  zip_file_t* member = nullptr;
  std::uint64_t total = 0;
  std::uint64_t done = 0;

  ~Impl() {
    if (file) std::fclose(file);
    if (gz) gzclose(gz);
    if (member) zip_fclose(member);
    if (archive) zip_discard(archive);
  }
};

ByteStream::ByteStream(const std::string& path) : impl_(std::make_unique<Impl>()), name_(path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ends_with_ci(path, ".zip")) {
    impl_->kind = Impl::Kind::Zip;
    int code = 0;
    impl_->archive = zip_open(path.c_str(), ZIP_RDONLY, &code);
    if (!impl_->archive) {
      if (code == ZIP_ER_OPEN || code == ZIP_ER_NOENT || code == ZIP_ER_READ)
        cannot_open(path, errno != 0 ? errno : ENOENT);
      zip_error_t error;
      zip_error_init_with_code(&error, code);
      const std::string why = zip_error_strerror(&error);
      zip_error_fini(&error);
      throw ParseError(path, 0, 0,
                       fmt::format("is not a readable zip archive ({}); check that it was fully "
                                   "downloaded",
                                   why));
    }
    std::vector<zip_uint64_t> files;
    const zip_int64_t entries = zip_get_num_entries(impl_->archive, 0);
    for (zip_int64_t i = 0; i < entries; ++i) {
      const char* member = zip_get_name(impl_->archive, static_cast<zip_uint64_t>(i), 0);
      if (member && !std::string_view(member).ends_with("/"))
        files.push_back(static_cast<zip_uint64_t>(i));
    }
    if (files.size() != 1)
      throw ParseError(path, 0, 0,
                       fmt::format("the archive holds {} files; a zipped event file holds one "
                                   "(unzip it and name the files to read)",
                                   files.size()));
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(impl_->archive, files[0], 0, &stat) == 0 && (stat.valid & ZIP_STAT_SIZE))
      impl_->total = stat.size;
    impl_->member = zip_fopen_index(impl_->archive, files[0], 0);
    if (!impl_->member)
      throw ParseError(
          path, 0, 0,
          fmt::format("cannot read the archive's file: {}", zip_strerror(impl_->archive)));
    name_ = path + ":" + zip_get_name(impl_->archive, files[0], 0);
    return;
  }
  impl_->total = ec ? 0 : static_cast<std::uint64_t>(size);
  if (has_gz_suffix(path)) {
    impl_->kind = Impl::Kind::Gzip;
    errno = 0;
    impl_->gz = gzopen(path.c_str(), "rb");
    if (!impl_->gz) cannot_open(path, errno != 0 ? errno : ENOMEM);
    gzbuffer(impl_->gz, 1U << 18);
    return;
  }
  impl_->file = std::fopen(path.c_str(), "rb");
  if (!impl_->file) cannot_open(path, errno);
}

ByteStream::~ByteStream() = default;

std::size_t ByteStream::read(char* out, std::size_t size) {
  switch (impl_->kind) {
    case Impl::Kind::Plain: {
      const std::size_t got = std::fread(out, 1, size, impl_->file);
      if (got == 0 && std::ferror(impl_->file))
        throw InputError(fmt::format("cannot read '{}': {}", name_, std::strerror(errno)));
      impl_->done += got;
      return got;
    }
    case Impl::Kind::Gzip: {
      const auto want = static_cast<unsigned>(std::min<std::size_t>(size, 1U << 30));
      const int got = gzread(impl_->gz, out, want);
      int code = Z_OK;
      if (got < 0 || (got == 0 && (gzerror(impl_->gz, &code), code != Z_OK)))
        throw ParseError(name_, 0, 0,
                         fmt::format("is not a readable gzip file ({}); check that it was fully "
                                     "downloaded, or decompress it and pass the plain file",
                                     gzerror(impl_->gz, &code)));
      if (got > 0 && gzdirect(impl_->gz))
        throw ParseError(name_, 0, 0,
                         "is not a readable gzip file (no gzip header); check that it was fully "
                         "downloaded, or decompress it and pass the plain file");
      impl_->done = static_cast<std::uint64_t>(gzoffset(impl_->gz));
      return static_cast<std::size_t>(got);
    }
    case Impl::Kind::Zip: {
      const zip_int64_t got = zip_fread(impl_->member, out, size);
      if (got < 0)
        throw ParseError(name_, 0, 0,
                         fmt::format("the zip archive is corrupt ({}); check that it was fully "
                                     "downloaded",
                                     zip_file_strerror(impl_->member)));
      impl_->done += static_cast<std::uint64_t>(got);
      return static_cast<std::size_t>(got);
    }
  }
  return 0;
}

std::uint64_t ByteStream::done() const {
  return impl_->done;
}
std::uint64_t ByteStream::total() const {
  return impl_->total;
}

RecordBlocks::RecordBlocks(ByteStream& input, bool quoted,
                           std::function<void(std::uint64_t, std::uint64_t)> progress,
                           std::size_t max_record_bytes)
    : input_(input),
      quoted_(quoted),
      progress_(std::move(progress)),
      max_record_bytes_(max_record_bytes) {
  buffer_.resize(std::min(2 * kBlock, max_record_bytes + 1));
}

// The offset just past the last record end in [consumed_, used_), or consumed_ when there is
// none. Quoted mode scans forward from consumed_ (a record start, so outside quotes).
std::size_t RecordBlocks::last_boundary() const {
  if (!quoted_) {
    for (std::size_t i = used_; i > consumed_; --i)
      if (buffer_[i - 1] == '\n') return i;
    return consumed_;
  }
  std::size_t last = consumed_;
  bool in_quotes = false;
  const char* data = buffer_.data();
  for (std::size_t i = consumed_; i < used_; ++i) {
    const char c = data[i];
    if (c == '"') {
      in_quotes = !in_quotes;  // a doubled quote toggles twice
    } else if (c == '\n' && !in_quotes) {
      last = i + 1;
    }
  }
  return last;
}

bool RecordBlocks::next(std::string_view& block, std::size_t& first_line) {
  bool grown = false;  // the buffer was just enlarged for a long record: fill it
  for (;;) {
    if (!eof_ && (grown || used_ - consumed_ < kBlock)) {
      if (consumed_ > 0) {
        std::memmove(buffer_.data(), buffer_.data() + consumed_, used_ - consumed_);
        used_ -= consumed_;
        consumed_ = 0;
      }
      while (used_ < buffer_.size()) {
        const std::size_t got = input_.read(buffer_.data() + used_, buffer_.size() - used_);
        if (got == 0) {
          eof_ = true;
          break;
        }
        used_ += got;
      }
      if (!started_) {
        started_ = true;
        if (used_ >= 3 && std::memcmp(buffer_.data(), "\xEF\xBB\xBF", 3) == 0) consumed_ = 3;
      }
    }
    std::size_t end = eof_ ? used_ : last_boundary();
    if (end == consumed_) {
      if (eof_) return false;
      // One record longer than the buffer: grow it, up to one byte past the limit.
      if (used_ - consumed_ > max_record_bytes_)
        throw ParseError(input_.name(), line_, 0,
                         fmt::format("the record starting on this line runs on for more than {} "
                                     "without {}; actornet reads records of at most {} (see "
                                     "Limits in README.md): the file is not line-based event "
                                     "data, or is damaged",
                                     byte_size(max_record_bytes_),
                                     quoted_ ? "ending (an unclosed quote?)" : "a line feed",
                                     byte_size(max_record_bytes_)));
      buffer_.resize(std::min(buffer_.size() * 2, consumed_ + max_record_bytes_ + 1));
      grown = true;
      continue;
    }
    block = std::string_view(buffer_.data() + consumed_, end - consumed_);
    first_line = line_;
    for (const char c : block)
      if (c == '\n') ++line_;
    consumed_ = end;
    if (progress_) progress_(input_.done(), input_.total());
    return true;
  }
}

std::string first_line(const std::string& path, std::size_t limit) {
  ByteStream input(path);
  std::string text(limit, '\0');
  std::size_t used = 0;
  while (used < limit) {
    const std::size_t got = input.read(text.data() + used, limit - used);
    if (got == 0) break;
    used += got;
    if (text.find('\n', used - got) != std::string::npos) break;
  }
  text.resize(used);
  if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
  const auto end = text.find('\n');
  if (end != std::string::npos) text.resize(end);
  if (!text.empty() && text.back() == '\r') text.pop_back();
  return text;
}

}  // namespace actornet::importers::detail
