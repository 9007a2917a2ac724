#include "cli/output.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <iostream>
#include <stdexcept>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/escape.hpp"

namespace actornet::cli {

std::optional<Format> format_from_string(std::string_view name) {
  if (name == "table" || name == "text") return Format::Table;
  if (name == "csv") return Format::Csv;
  if (name == "json") return Format::Json;
  if (name == "md" || name == "markdown") return Format::Markdown;
  return std::nullopt;
}

namespace {

bool is_number(const Cell& c) {
  return !std::holds_alternative<std::string>(c);
}

// Columns whose every cell is a number, and of those the ones holding only whole numbers
// (printed without decimals in text and Markdown: a degree of 17 reads "17", not "17.000000").
struct ColumnKinds {
  std::vector<bool> numeric, whole;
};

ColumnKinds column_kinds(const Table& table) {
  const bool any = !table.rows.empty();
  ColumnKinds k{std::vector<bool>(table.columns.size(), any),
                std::vector<bool>(table.columns.size(), any)};
  for (const auto& row : table.rows)
    for (std::size_t c = 0; c < row.size(); ++c) {
      k.numeric[c] = k.numeric[c] && is_number(row[c]);
      if (auto d = std::get_if<double>(&row[c]))
        k.whole[c] = k.whole[c] && std::isfinite(*d) && std::trunc(*d) == *d && std::abs(*d) < 1e15;
      else
        k.whole[c] = k.whole[c] && std::holds_alternative<std::int64_t>(row[c]);
    }
  return k;
}

std::string cell_text(const Cell& c, bool exact, int precision) {
  if (auto s = std::get_if<std::string>(&c)) return *s;
  if (auto i = std::get_if<std::int64_t>(&c)) return std::to_string(*i);
  const double d = std::get<double>(c);
  if (std::isnan(d)) return "";
  if (exact) return fmt::format("{}", d);
  std::string text = fmt::format("{:.{}f}", d, precision);
  if (text.starts_with("-") && text.find_first_not_of("-0.") == std::string::npos)
    text.erase(0, 1);  // no "-0.000000"
  return text;
}

std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char ch : text) {
    if (ch == '"') out += '"';
    out += ch;
  }
  return out + "\"";
}

std::string md_field(std::string_view text) {
  std::string out;
  for (char ch : text) {
    if (ch == '|') out += '\\';
    out += ch == '\n' ? ' ' : ch;
  }
  return out;
}

// Display width in terminal columns, counting each UTF-8 code point as one.
std::size_t display_width(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char ch) { return (ch & 0xC0) != 0x80; }));
}

}  // namespace

TableText table_text(const Table& table, int precision) {
  const auto [numeric, whole] = column_kinds(table);
  TableText text{table.columns, numeric, {}};
  for (const auto& row : table.rows) {
    auto& line = text.rows.emplace_back();
    for (std::size_t c = 0; c < row.size(); ++c)
      line.push_back(cell_text(row[c], false, whole[c] ? 0 : precision));
  }
  return text;
}

namespace {

// The aligned table of the Table format, for a terminal: every text goes through
// terminal_text, so data cannot reach the terminal as control sequences.
void render_aligned(const Table& table, int precision, std::string& out) {
  const auto ncol = table.columns.size();
  auto [columns, numeric, text] = table_text(table, precision);
  for (auto& c : columns)
    c = terminal_text(c);
  for (auto& line : text)
    for (auto& cell : line)
      cell = terminal_text(cell);
  std::vector<std::size_t> width(ncol);
  for (std::size_t c = 0; c < ncol; ++c)
    width[c] = display_width(columns[c]);
  for (const auto& line : text)
    for (std::size_t c = 0; c < ncol; ++c)
      width[c] = std::max(width[c], display_width(line[c]));
  auto emit = [&](const std::vector<std::string>& cells) {
    std::string line;
    for (std::size_t c = 0; c < ncol; ++c) {
      const std::size_t pad = width[c] - display_width(cells[c]);
      if (c) line += "  ";
      if (numeric[c]) line.append(pad, ' ');
      line += cells[c];
      if (!numeric[c] && c + 1 < ncol) line.append(pad, ' ');
    }
    while (!line.empty() && line.back() == ' ')
      line.pop_back();
    out += line + "\n";
  };
  emit(columns);
  std::vector<std::string> rule;
  for (std::size_t c = 0; c < ncol; ++c)
    rule.emplace_back(width[c], '-');
  emit(rule);
  for (const auto& line : text)
    emit(line);
}

void render_markdown(const Table& table, int precision, std::string& out) {
  const auto [columns, numeric, text] = table_text(table, precision);
  out += "|";
  for (const auto& col : columns)
    out += " " + md_field(col) + " |";
  out += "\n|";
  for (std::size_t c = 0; c < columns.size(); ++c)
    out += numeric[c] ? " ---: |" : " --- |";
  out += "\n";
  for (const auto& line : text) {
    out += "|";
    for (const auto& cell : line)
      out += " " + md_field(cell) + " |";
    out += "\n";
  }
}

nlohmann::ordered_json json_cell(const Cell& c) {
  if (auto s = std::get_if<std::string>(&c)) return *s;
  if (auto i = std::get_if<std::int64_t>(&c)) return *i;
  const double d = std::get<double>(c);
  if (std::isnan(d) || std::isinf(d)) return nullptr;
  return d;
}

}  // namespace

std::string render(const Report& report, Format format, int precision) {
  std::string out;
  switch (format) {
    case Format::Table:
      for (const auto& line : report.preamble)
        out += "# " + terminal_text(line) + "\n";
      for (const auto& section : report.sections) {
        if (!out.empty()) out += "\n";
        if (!section.title.empty()) out += terminal_text(section.title) + "\n";
        if (section.table.rows.empty())
          out += "(none)\n";
        else
          render_aligned(section.table, precision, out);
      }
      break;
    case Format::Markdown:
      for (const auto& line : report.preamble)
        out += md_field(line) + "  \n";
      for (const auto& section : report.sections) {
        if (!out.empty()) out += "\n";
        if (!section.title.empty()) out += "## " + md_field(section.title) + "\n\n";
        if (section.table.rows.empty())
          out += "(none)\n";
        else
          render_markdown(section.table, precision, out);
      }
      break;
    case Format::Csv:
      if (report.sections.size() == 1) {
        const Table& t = report.sections.front().table;
        std::vector<std::string> header;
        for (const auto& col : t.columns)
          header.push_back(csv_field(col));
        out += fmt::format("{}\n", fmt::join(header, ","));
        for (const auto& row : t.rows) {
          std::vector<std::string> cells;
          for (const auto& cell : row)
            cells.push_back(csv_field(cell_text(cell, true, precision)));
          out += fmt::format("{}\n", fmt::join(cells, ","));
        }
      } else {
        out += "section,row,column,value\n";
        for (const auto& section : report.sections)
          for (std::size_t r = 0; r < section.table.rows.size(); ++r)
            for (std::size_t c = 0; c < section.table.columns.size(); ++c)
              out += fmt::format("{},{},{},{}\n", csv_field(section.title), r + 1,
                                 csv_field(section.table.columns[c]),
                                 csv_field(cell_text(section.table.rows[r][c], true, precision)));
      }
      break;
    case Format::Json: {
      nlohmann::ordered_json doc = nlohmann::ordered_json::object();
      doc["preamble"] = report.preamble;
      for (const auto& section : report.sections) {
        auto rows = nlohmann::ordered_json::array();
        for (const auto& row : section.table.rows) {
          nlohmann::ordered_json obj = nlohmann::ordered_json::object();
          for (std::size_t c = 0; c < row.size(); ++c)
            obj[section.table.columns[c]] = json_cell(row[c]);
          rows.push_back(std::move(obj));
        }
        doc[section.title] = std::move(rows);
      }
      out = doc.dump(2) + "\n";
      break;
    }
  }
  return out;
}

namespace {

// The temporary file being written, if any, so that a fatal signal can remove it. A fixed
// buffer because the handler may only make async-signal-safe calls (unlink, write, raise).
char pending_temp[4096];
volatile std::sig_atomic_t pending = 0;

extern "C" void on_fatal_signal(int signal) {
  if (pending) ::unlink(pending_temp);
  constexpr char message[] = "actornet: interrupted; no output written\n";
  [[maybe_unused]] const auto ignored = ::write(STDERR_FILENO, message, sizeof message - 1);
  std::signal(signal, SIG_DFL);
  std::raise(signal);
}

// Marks `temp` as the file to remove on a fatal signal until release() or destruction.
class PendingTemp {
 public:
  explicit PendingTemp(const std::string& temp) {
    if (temp.size() >= sizeof pending_temp) return;  // too long to track: nothing to clean up
    std::memcpy(pending_temp, temp.c_str(), temp.size() + 1);
    pending = 1;
  }
  PendingTemp(const PendingTemp&) = delete;
  PendingTemp& operator=(const PendingTemp&) = delete;
  ~PendingTemp() { pending = 0; }
};

}  // namespace

void print_message(std::string_view what, std::string_view text) {
  std::cerr << "actornet: " << what << ": " << terminal_text(text) << "\n";
}

void install_signal_handlers() {
  for (int signal : {SIGINT, SIGTERM, SIGHUP})
    std::signal(signal, on_fatal_signal);
  // Past `ulimit -f` a write fails with EFBIG (reported, temp file removed) instead of the
  // process being killed with the temp file left behind.
  std::signal(SIGXFSZ, SIG_IGN);
}

void write_output(const std::string& path, std::string_view content) {
  if (path.empty() || path == "-") {
    std::cout << content << std::flush;
    if (!std::cout) throw std::runtime_error("cannot write to standard output");
    return;
  }
  namespace fs = std::filesystem;
  const fs::path target(path);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string temp = (dir / ("." + target.filename().string() + ".tmp.XXXXXX")).string();
  const int fd = ::mkstemp(temp.data());
  if (fd < 0)
    throw std::runtime_error(
        fmt::format("cannot write '{}': {} (check that the folder exists and is writable)", path,
                    std::strerror(errno)));
  const PendingTemp pending_guard(temp);
  auto fail = [&](const char* what) {
    const int err = errno;
    ::close(fd);
    ::unlink(temp.c_str());
    throw std::runtime_error(
        fmt::format("cannot write '{}': {}: {}", path, what, std::strerror(err)));
  };
  for (std::size_t done = 0; done < content.size();) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail("write failed");
    }
    done += static_cast<std::size_t>(n);
  }
  // mkstemp creates the file 0600; give it the mode a plain open() would have.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  if (::fchmod(fd, 0666 & ~mask) != 0) fail("chmod failed");
  if (::fsync(fd) != 0) fail("sync failed");
  if (::close(fd) != 0) {
    const int err = errno;
    ::unlink(temp.c_str());
    throw std::runtime_error(fmt::format("cannot write '{}': {}", path, std::strerror(err)));
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(temp.c_str());
    throw std::runtime_error(fmt::format("cannot write '{}': {}", path, std::strerror(err)));
  }
}

}  // namespace actornet::cli
