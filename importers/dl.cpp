// UCINET DL: fullmatrix (the default), edgelist1 and nodelist1, one or several matrices.
//
//   DL n=5 [nm=2] [format=fullmatrix|edgelist1|nodelist1]
//   labels: a, b, c, d, e          (or row labels: / col labels: for a two-mode matrix)
//   labels embedded                (labels in the data: a first row of column labels and one
//                                   label per row for matrices, names instead of numbers in lists)
//   matrix labels: friendship, advice
//   data:
//   ...
// Keywords are case-insensitive; `=`, spaces, commas and line breaks separate words; quoted
// labels may hold spaces. The header also takes nr=, nc= (two-mode matrices: row nodes and
// column nodes). Labels are matched case-insensitively (UCINET upper-cases them).
//
// Nodes are the labels (or the numbers 1..n without labels). Fullmatrix: a non-zero cell is an
// edge weighted by its value; a symmetric square matrix gives undirected edges (one per pair),
// any other matrix directed ones. Edgelist1 (`i j [weight]`) and nodelist1 (`i j k ...`: i to
// each of j, k, ...) give one edge per pair listed, repeated pairs included, directed as
// ImportOptions::directed says (undirected by default, reported). With several matrices the
// matrix labels (else their numbers) are the relations; edge lists separate them by a line `!`.
#include <cmath>
#include <unordered_map>

#include <fmt/format.h>

#include "graph/errors.hpp"
#include "importers/formats.hpp"
#include "importers/limits.hpp"
#include "importers/reader_support.hpp"
#include "importers/text_source.hpp"

namespace actornet::importers {
namespace {

struct Word {
  std::string text;
  std::size_t line = 0;
  std::size_t column = 0;
  bool quoted = false;
  std::size_t end = 0;  ///< byte offset just past the word
};

// Splits `text` from `offset` into words (spaces, tabs, commas and `=` separate; `=` is a word
// of its own; quotes group). Each word records its line and column.
std::vector<Word> split_words(std::string_view text, std::size_t offset, std::size_t line,
                              std::size_t line_start, const std::string& path) {
  std::vector<Word> words;
  std::size_t i = offset;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '\n') {
      ++line;
      line_start = ++i;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r' || c == ',') {
      ++i;
      continue;
    }
    Word w;
    w.line = line;
    w.column = i - line_start + 1;
    if (c == '"') {
      const auto close = text.find('"', i + 1);
      if (close == std::string_view::npos)
        throw ParseError(path, w.line, w.column,
                         "a quoted label is never closed: a '\"' is missing");
      w.text = std::string(text.substr(i + 1, close - i - 1));
      w.quoted = true;
      for (std::size_t k = i; k < close; ++k)
        if (text[k] == '\n') {
          ++line;
          line_start = k + 1;
        }
      i = close + 1;
    } else if (c == '=') {
      w.text = "=";
      ++i;
    } else {
      std::size_t j = i;
      while (j < text.size() && text[j] != ' ' && text[j] != '\t' && text[j] != '\r' &&
             text[j] != '\n' && text[j] != ',' && text[j] != '=')
        ++j;
      w.text = std::string(text.substr(i, j - i));
      i = j;
    }
    w.end = i;
    words.push_back(std::move(w));
  }
  return words;
}

std::string keyword(const Word& w) {
  if (w.quoted) return {};
  std::string k = detail::ascii_lower(w.text);
  if (!k.empty() && k.back() == ':') k.pop_back();
  return k;
}

class DlReader {
 public:
  DlReader(const std::string& path, const ImportOptions& options)
      : path_(path), options_(options) {}

  ImportResult read() {
    text_ = read_text_file(path_);
    result_.report.files.push_back(path_);
    detail::check_utf8(text_, path_);
    if (text_.starts_with("\xEF\xBB\xBF")) text_.erase(0, 3);
    words_ = split_words(text_, 0, 1, 0, path_);
    read_header();
    read_data();
    finish();
    return std::move(result_);
  }

 private:
  [[noreturn]] void fail(const Word& at, std::string message) const {
    throw ParseError(path_, at.line, at.column, std::move(message));
  }
  [[noreturn]] void fail_end(std::string message) const {
    const auto at = detail::position_of(text_, text_.size());
    throw ParseError(path_, at.line, at.column, std::move(message));
  }

  const Word& next(std::string_view expected) {
    if (pos_ >= words_.size())
      fail_end(fmt::format("the file ends where {} was expected (truncated file?)", expected));
    return words_[pos_++];
  }

  std::size_t number_after(const Word& key) {
    const Word& eq = next("'='");
    if (eq.text != "=") fail(eq, fmt::format("expected '=' after {}", key.text));
    const Word& value = next("a number");
    const auto v = detail::parse_integer(value.text);
    if (!v || *v < 0)
      fail(value, fmt::format("{} = '{}': expected a count such as 5", key.text, value.text));
    if (static_cast<std::uint64_t>(*v) > kLimits.dl_count)
      fail(value, fmt::format("{} = {}: actornet reads DL files of at most {} nodes or matrices "
                              "(see Limits in README.md); for a bigger graph use an edge list "
                              "in CSV",
                              key.text, value.text, kLimits.dl_count));
    return static_cast<std::size_t>(*v);
  }

  std::vector<std::string> labels(std::size_t count, std::string_view what) {
    std::vector<std::string> out;
    while (out.size() < count) {
      const Word& w = next(fmt::format("{} {} labels", count, what));
      if (keyword(w) == "data")
        fail(w, fmt::format("{} {} labels given, {} expected", out.size(), what, count));
      out.push_back(w.text);
    }
    return out;
  }

  void read_header() {
    if (words_.empty()) fail_end("the file is empty: a DL file starts with the word DL");
    if (keyword(words_[0]) != "dl")
      fail(words_[0], fmt::format("'{}': a DL file starts with the word DL", words_[0].text));
    pos_ = 1;
    for (;;) {
      const Word& w = next("data:");
      const std::string k = keyword(w);
      if (k == "data") break;
      if (k == "n") {
        nr_ = nc_ = number_after(w);
        n_given_ = true;
      } else if (k == "nr") {
        nr_ = number_after(w);
        n_given_ = true;
      } else if (k == "nc") {
        nc_ = number_after(w);
        n_given_ = true;
      } else if (k == "nm") {
        nm_ = number_after(w);
        if (nm_ == 0) fail(w, "nm = 0: a DL file holds at least one matrix");
      } else if (k == "format") {
        const Word& eq = next("'='");
        if (eq.text != "=") fail(eq, "expected '=' after format");
        const Word& f = next("a format name");
        format_ = detail::ascii_lower(f.text);
        if (format_ == "edgelist") format_ = "edgelist1";
        if (format_ == "nodelist") format_ = "nodelist1";
        if (format_ != "fullmatrix" && format_ != "edgelist1" && format_ != "nodelist1")
          fail(f, fmt::format("format '{}' is not read; use fullmatrix, edgelist1 or nodelist1",
                              f.text));
      } else if (k == "diagonal") {
        next("'='");
        const Word& v = next("present or absent");
        if (keyword(v) == "absent") fail(v, "diagonal = absent is not read; write the full matrix");
      } else if (k == "labels" || k == "row" || k == "col" || k == "column" || k == "matrix") {
        std::string which = k;
        if (k != "labels") {
          const Word& l = next("labels:");
          if (keyword(l) != "labels") fail(l, fmt::format("expected 'labels:' after {}", w.text));
        }
        if (pos_ < words_.size() && keyword(words_[pos_]) == "embedded") {
          ++pos_;
          embedded_ = true;
          continue;
        }
        if (!n_given_ && which != "matrix")
          fail(w, "labels before n=: give the number of nodes first (n = 5)");
        if (which == "labels") {
          row_labels_ = labels(nr_, "row");
          if (nr_ == nc_) col_labels_ = row_labels_;
        } else if (which == "row") {
          row_labels_ = labels(nr_, "row");
        } else if (which == "matrix") {
          matrix_labels_ = labels(nm_, "matrix");
        } else {
          col_labels_ = labels(nc_, "column");
        }
      } else {
        fail(w, fmt::format("'{}' is not a DL keyword here (expected n=, nm=, format=, labels:, "
                            "labels embedded or data:)",
                            w.text));
      }
    }
    if (!n_given_) fail(words_[0], "no n=: give the number of nodes, e.g. DL n=5");
    if (nr_ != nc_ && format_ != "fullmatrix")
      fail(words_[0], "nr and nc differ: only a fullmatrix may be two-mode");
  }

  std::string relation(std::size_t m) const {
    if (m < matrix_labels_.size() && !matrix_labels_[m].empty()) return matrix_labels_[m];
    if (nm_ > 1) return std::to_string(m + 1);
    return std::string(graph::kDefaultRelation);
  }

  // The node of row (or column, for two-mode) i, created on first use; ids are the labels or
  // the numbers 1..n.
  graph::NodeIndex node_for(const std::string& id) {
    auto& g = result_.graph;
    const std::string key = detail::ascii_lower(id);
    if (auto it = by_key_.find(key); it != by_key_.end()) return it->second;
    const auto n = g.add_node(id);
    by_key_.emplace(key, n);
    ++result_.report.node_rows;
    return n;
  }

  void make_listed_nodes() {
    for (std::size_t i = 0; i < nr_; ++i)
      rows_.push_back(node_for(i < row_labels_.size() ? row_labels_[i] : std::to_string(i + 1)));
    if (nr_ == nc_ && (col_labels_.empty() || col_labels_ == row_labels_)) {
      cols_ = rows_;
      return;
    }
    for (std::size_t i = 0; i < nc_; ++i)
      cols_.push_back(
          node_for(i < col_labels_.size() ? col_labels_[i] : "c" + std::to_string(i + 1)));
  }

  double number(const Word& w) const {
    const auto v = detail::parse_double(w.text);
    if (!v || !std::isfinite(*v))
      fail(w,
           fmt::format("'{}' is not a number; matrix cells and edge values are numbers", w.text));
    return *v;
  }

  void read_data() {
    if (format_ == "fullmatrix")
      read_matrices();
    else
      read_lists();
  }

  void read_matrices() {
    // Each matrix needs nr x nc values: refuse a header promising more than the file holds
    // before allocating anything.
    const std::size_t left = words_.size() - pos_;
    if (nr_ != 0 && nc_ != 0 && (nr_ > left / nc_ || nr_ * nc_ > left / nm_))
      fail_end(
          fmt::format("{} matrices of {} x {} values are announced but the data hold only {} "
                      "words (truncated file, or wrong n=?)",
                      nm_, nr_, nc_, left));
    if (!embedded_) make_listed_nodes();
    for (std::size_t m = 0; m < nm_; ++m) {
      std::vector<graph::NodeIndex> cols, rows;
      if (embedded_) {
        for (std::size_t c = 0; c < nc_; ++c)
          cols.push_back(node_for(next("a column label").text));
      } else {
        cols = cols_;
        rows = rows_;
      }
      std::vector<double> cells(nr_ * nc_);
      for (std::size_t r = 0; r < nr_; ++r) {
        if (embedded_) {
          const Word& label = next("a row label");
          rows.push_back(node_for(label.text));
        }
        for (std::size_t c = 0; c < nc_; ++c) {
          if (pos_ >= words_.size())
            fail_end(
                fmt::format("matrix {} ends at row {} of {}: {} values per row expected "
                            "(truncated file?)",
                            m + 1, r + 1, nr_, nc_));
          cells[r * nc_ + c] = number(words_[pos_++]);
        }
      }
      bool symmetric = nr_ == nc_ && rows == cols;
      for (std::size_t r = 0; symmetric && r < nr_; ++r)
        for (std::size_t c = r + 1; symmetric && c < nc_; ++c)
          symmetric = cells[r * nc_ + c] == cells[c * nc_ + r];
      (symmetric ? symmetric_ : asymmetric_) += 1;
      const std::string rel = relation(m);
      for (std::size_t r = 0; r < nr_; ++r)
        for (std::size_t c = symmetric ? r : 0; c < nc_; ++c) {
          const double w = cells[r * nc_ + c];
          if (w == 0) continue;
          add_edge(rows[r], cols[c], !symmetric, rel, w, words_[pos_ - 1].line);
        }
    }
    if (pos_ < words_.size())
      fail(words_[pos_], fmt::format("'{}' after the last matrix: {} matrices of {} x {} values "
                                     "are complete (check n= and nm=)",
                                     words_[pos_].text, nm_, nr_, nc_));
  }

  void add_edge(graph::NodeIndex s, graph::NodeIndex t, bool directed, const std::string& rel,
                double weight, std::size_t line) {
    detail::check_edge_room(result_.graph, path_, line);
    graph::EdgeSpec spec;
    spec.source = s;
    spec.target = t;
    spec.directed = directed;
    spec.relation = rel;
    spec.weight = weight;
    result_.graph.add_edge(spec);
    ++result_.report.edge_rows;
  }

  // A node named in an edge or node list: a number 1..n, or a label when labels are embedded.
  graph::NodeIndex list_node(const Word& w) {
    if (embedded_) {
      const std::string key = detail::ascii_lower(w.text);
      if (auto it = by_key_.find(key); it != by_key_.end()) return it->second;
      if (!row_labels_.empty())
        fail(w, fmt::format("'{}' is not one of the {} labels the header lists", w.text, nr_));
      if (result_.graph.node_count() >= nr_)
        fail(w, fmt::format("'{}' would be node {}, but n = {}; fix n= or the name", w.text,
                            nr_ + 1, nr_));
      return node_for(w.text);
    }
    const auto v = detail::parse_integer(w.text);
    if (!v)
      fail(w, fmt::format("'{}' is not a node number (without 'labels embedded' nodes are "
                          "numbered 1..{})",
                          w.text, nr_));
    if (*v < 1 || static_cast<std::uint64_t>(*v) > nr_)
      fail(w, fmt::format("node {} does not exist: n = {} (numbered 1..{}); fix the number or n=",
                          *v, nr_, nr_));
    return rows_[static_cast<std::size_t>(*v - 1)];
  }

  void read_lists() {
    if (!embedded_ || !row_labels_.empty()) make_listed_nodes();
    // Group the data words by line; a line `!` starts the next matrix.
    std::size_t m = 0;
    std::size_t i = pos_;
    while (i < words_.size()) {
      const std::size_t line = words_[i].line;
      std::size_t j = i;
      while (j < words_.size() && words_[j].line == line)
        ++j;
      if (words_[i].text == "!" && !words_[i].quoted) {
        if (++m >= nm_)
          fail(words_[i], fmt::format("a matrix separator '!' beyond nm = {} matrices", nm_));
        i = j;
        continue;
      }
      if (j - i < 2)
        fail(words_[i], fmt::format("a line of the {} needs at least two nodes", format_));
      const auto s = list_node(words_[i]);
      const std::string rel = relation(m);
      if (format_ == "edgelist1") {
        if (j - i > 3)
          fail(words_[i + 3], "an edgelist1 line is 'source target [value]'; extra words here");
        const auto t = list_node(words_[i + 1]);
        const double w = j - i == 3 ? number(words_[i + 2]) : 1.0;
        add_edge(s, t, options_.directed, rel, w, words_[i].line);
      } else {
        for (std::size_t k = i + 1; k < j; ++k)
          add_edge(s, list_node(words_[k]), options_.directed, rel, 1.0, words_[k].line);
      }
      defaulted_ += format_ == "edgelist1" ? 1 : j - i - 1;
      i = j;
    }
    if (embedded_ && row_labels_.empty() && result_.graph.node_count() < nr_)
      result_.report.notes.push_back(
          ReportEntry{path_, 0,
                      fmt::format("n = {} but the data name {} nodes; only those are created", nr_,
                                  result_.graph.node_count())});
  }

  void finish() {
    auto& report = result_.report;
    if (defaulted_)
      report.defaulted.push_back(ReportEntry{
          path_, 0,
          fmt::format("DL edge lists hold no direction: {} edges read as {} ({})", defaulted_,
                      options_.directed ? "directed" : "undirected",
                      options_.directed ? "as --directed asks" : "pass --directed to change")});
    if (symmetric_)
      report.notes.push_back(
          ReportEntry{path_, 0,
                      fmt::format("{} symmetric matrices read as undirected edges (one per pair)",
                                  symmetric_)});
    if (asymmetric_)
      report.notes.push_back(ReportEntry{
          path_, 0, fmt::format("{} asymmetric matrices read as directed edges", asymmetric_)});
  }

  const std::string& path_;
  const ImportOptions& options_;
  std::string text_;
  ImportResult result_;
  std::vector<Word> words_;
  std::size_t pos_ = 0;
  std::size_t nr_ = 0, nc_ = 0, nm_ = 1;
  bool n_given_ = false, embedded_ = false;
  std::string format_ = "fullmatrix";
  std::vector<std::string> row_labels_, col_labels_, matrix_labels_;
  std::vector<graph::NodeIndex> rows_, cols_;
  std::unordered_map<std::string, graph::NodeIndex> by_key_;
  std::size_t defaulted_ = 0, symmetric_ = 0, asymmetric_ = 0;
};

}  // namespace

/// Reads a UCINET DL file (see the top of this file). Throws ParseError with line and column
/// for a file not starting with DL, an unknown keyword or format, a missing n=, too few labels,
/// a cell or value that is not a number, a node number outside 1..n or an unknown label, a
/// truncated matrix or values left over. Time: linear in the file size (n x n for matrices).
ImportResult read_dl(const std::string& path, const ImportOptions& options) {
  return DlReader(path, options).read();
}

}  // namespace actornet::importers
