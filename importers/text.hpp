// Articles: actors found in plain-text or HTML articles through a gazetteer, and a tie for every
// two actors named in one sentence.
//
// The gazetteer is an alias table (aliases.hpp: id, kind, side, aliases, optional label) whose
// rows of kind `rule` are keyword rules: `id` is a relation, `aliases` its keywords (`met|held
// talks`), `side` is `directed` for a tie from the first-named actor to the second. Without
// rule rows, default_rules() apply.
//
// Reading an article
// - HTML (`.html`, `.htm`, or text starting with `<`) is parsed with libxml2's forgiving HTML
//   parser; the text of the body is kept, scripts, styles and navigation dropped, block
//   elements (p, div, li, headings, br...) ending paragraphs. Plain text is kept as written,
//   except that a single line break inside a paragraph reads as a space (same byte length,
//   so offsets hold); a blank line ends a paragraph. Offsets are bytes in this text.
// - Sentences: ICU's sentence boundaries (English rules with the common abbreviations, so
//   "Mr. Wang" does not end a sentence); a paragraph end always ends one.
// - Words: ICU's word boundaries (letters, digits, ideographs; a trailing possessive 's is
//   dropped), each folded by fold_name (case, width and punctuation folded). An alias matches
//   a run of words equal to its own folded words; where several aliases start at a word, the
//   longest wins, and matches do not overlap. "Xi'an" and "Xian" therefore differ, while
//   "WANG Xiaohong", "Wang  Xiaohong" and "Ｗａｎｇ Xiaohong" agree.
// - Dates: "2024-04-16", "16 April 2024", "April 16, 2024" (full dates), "April 2024"
//   (month), "in 2024" (year), English month names and their abbreviations.
// - The article's date: an HTML `<meta>` article:published_time, datePublished, date or
//   pubdate, else a `<time datetime>`; in plain text a `Date:` line among the first ten;
//   else a YYYY-MM-DD in the file name; else none.
//
// Ties. In each sentence, every two distinct actors named (in the order first named) give one
// edge: relation `co_mentioned`, undirected, unless a keyword rule's keyword appears in the
// sentence (rules tried in file order; the first that matches types the edge). Validity: the
// day, month or year of the date expression in the sentence nearest to either actor's
// mention, else of the article's date, else unbounded. Attributes: `evidence` (the sentence),
// `provenance` (the article's path), `offset` (the sentence's byte offset in the article's
// text), `sentence` (its number in the article, from 1), `date_source` (`sentence`,
// `article`, or absent), `keyword` (the keyword that typed it). Nodes: the gazetteer's
// actors that are named at least once, with their label, kind (default `other`), `side` and
// `mentions` (how many times named).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/date.hpp"
#include "importers/aliases.hpp"
#include "importers/import.hpp"

namespace actornet::importers::text {

/// An article's text and date, as read (see the file comment).
struct Article {
  std::string path;
  std::string text;
  std::string title;
  std::optional<graph::Date> date;
};

/// Reads an article (plain text or HTML, `.gz` allowed). Throws InputError when it cannot be
/// read, ParseError for text that is not UTF-8, for more than Limits::int_file_bytes of it, and
/// for HTML elements nested deeper than Limits::nesting_depth (limits.hpp).
Article read_article(const std::string& path);
/// The same from memory: `html` says which parser to use.
Article article_from_text(const std::string& path, std::string content, bool html);

/// A date expression found in a text: where it is ([begin, end) bytes) and what it says.
struct DateMention {
  graph::Date date;
  std::size_t begin = 0, end = 0;
};

/// Every date expression in `text`, in order (see the file comment for the forms).
std::vector<DateMention> find_dates(std::string_view text);

/// The keyword rules used when the gazetteer has none: met_with (met, meet, meets, meeting,
/// talks), called (video call, phone call, called, spoke by phone), launched (launched,
/// launch), led_jointly (led jointly, jointly led, co-led, co-chaired), deported (deported,
/// deportation, repatriated; directed), released (released, freed, handed over; directed).
std::vector<KeywordRule> default_rules();

/// One tie as found: for tests and for the importer.
struct Tie {
  std::string source, target;  ///< actor ids, in the order first named
  std::string relation;
  bool directed = false;
  std::optional<graph::Date> date;
  std::string date_source;  ///< "sentence", "article" or empty
  std::string keyword;
  std::string sentence;
  std::size_t offset = 0;  ///< byte offset of the sentence in the article's text
  std::size_t sentence_number = 0;
};

/// The ties of one article. Mentions of each actor are added to `mentions` (indexed like
/// gazetteer.entries()) when given. Time: linear in the text times the longest alias (in
/// words).
std::vector<Tie> find_ties(const Article& article, const AliasTable& gazetteer,
                           const std::vector<KeywordRule>& rules,
                           std::vector<std::size_t>* mentions = nullptr);

/// Reads every article and builds the graph (see the file comment). Throws InputError when no
/// article is given or a file cannot be read, ParseError for a malformed gazetteer.
ImportResult import_articles(const std::vector<std::string>& articles,
                             const std::string& gazetteer_path);

}  // namespace actornet::importers::text
