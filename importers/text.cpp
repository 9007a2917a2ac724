#include "importers/text.hpp"

#include <algorithm>
#include <array>
#include <filesystem>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <memory>
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/ubrk.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>
#include <unordered_map>

#include <fmt/format.h>

#include "graph/errors.hpp"
#include "importers/limits.hpp"
#include "importers/reader_support.hpp"
#include "importers/text_source.hpp"

namespace actornet::importers::text {
namespace {

// ---------------------------------------------------------------------------------------------
// Reading

bool is_blank_line(std::string_view text, std::size_t from) {
  for (std::size_t i = from; i < text.size(); ++i) {
    if (text[i] == '\n') return true;
    if (text[i] != ' ' && text[i] != '\t' && text[i] != '\r') return false;
  }
  return true;
}

// A single line break inside a paragraph becomes a space; the break ending a blank line or a
// line before a blank line stays (a paragraph end).
void unwrap_lines(std::string& text) {
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') text[i] = ' ';
    if (text[i] != '\n') continue;
    if (!is_blank_line(text, line_start) && !is_blank_line(text, i + 1)) text[i] = ' ';
    line_start = i + 1;
  }
}

// Whether `text` (a sentence as ICU cut it) ends with an initialism ("U.S.", "U.N.") or a
// middle initial ("F."): ICU's English exceptions cover titles (Mr., Dr.) but not these, and
// "U.S. Secretary" must not end a sentence. The price: a sentence that really ends with
// "U.S." runs on into the next one.
bool ends_with_initialism(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
    text.remove_suffix(1);
  std::size_t letters = 0;
  bool capital = false;
  while (text.size() >= 2 && text.back() == '.') {
    const char c = text[text.size() - 2];
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) break;
    capital = c >= 'A' && c <= 'Z';
    text.remove_suffix(2);
    ++letters;
  }
  if (letters == 0) return false;
  const bool word_start = text.empty() || text.back() == ' ' || text.back() == '\n' ||
                          text.back() == '(' || text.back() == '"';
  return word_start && (letters >= 2 || capital);
}

std::string lower(std::string_view s) {
  return detail::ascii_lower(s);
}

std::string xml_text(const xmlChar* s) {
  return s ? std::string(reinterpret_cast<const char*>(s)) : std::string();
}

std::string attribute(xmlNode* node, const char* name) {
  xmlChar* v = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  std::string out = xml_text(v);
  xmlFree(v);
  return out;
}

struct HtmlText {
  std::string text;
  std::string title;
  std::optional<graph::Date> date;
  bool in_title = false;

  void paragraph() {
    while (!text.empty() && text.back() == ' ')
      text.pop_back();
    if (!text.empty() && text.back() != '\n') text += '\n';
  }
  void append(std::string_view s) {
    for (const char c : s) {
      const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
      if (space) {
        if (!text.empty() && text.back() != ' ' && text.back() != '\n') text += ' ';
      } else {
        text += c;
      }
    }
  }
};

std::optional<graph::Date> first_date(std::string_view s) {
  if (s.size() >= 10)
    if (auto d = graph::Date::parse(s.substr(0, 10))) return d;
  const auto found = find_dates(s);
  if (!found.empty()) return found.front().date;
  return std::nullopt;
}

void walk(xmlNode* node, HtmlText& out) {
  static constexpr std::array<std::string_view, 9> kSkip = {
      "script", "style", "noscript", "nav", "template", "svg", "iframe", "form", "button"};
  static constexpr std::array<std::string_view, 27> kBlock = {
      "p",          "div", "li", "ul", "ol", "h1",         "h2",    "h3",      "h4",
      "h5",         "h6",  "br", "tr", "td", "th",         "table", "article", "section",
      "blockquote", "pre", "hr", "dd", "dt", "figcaption", "main",  "header",  "footer"};
  for (xmlNode* child = node->children; child; child = child->next) {
    if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
      const std::string content = xml_text(child->content);
      if (out.in_title)
        out.title += content;
      else
        out.append(content);
      continue;
    }
    if (child->type != XML_ELEMENT_NODE) continue;
    const std::string name = lower(xml_text(child->name));
    if (std::find(kSkip.begin(), kSkip.end(), name) != kSkip.end()) continue;
    if (name == "meta") {
      const std::string key = lower(attribute(child, "property") + attribute(child, "name") +
                                    attribute(child, "itemprop"));
      if (!out.date &&
          (key == "article:published_time" || key == "datepublished" || key == "date" ||
           key == "pubdate" || key == "dc.date" || key == "dc.date.issued"))
        out.date = first_date(attribute(child, "content"));
      continue;
    }
    if (name == "time" && !out.date) out.date = first_date(attribute(child, "datetime"));
    if (name == "title") {
      out.in_title = true;
      walk(child, out);
      out.in_title = false;
      continue;
    }
    if (name == "head") {
      HtmlText head;
      walk(child, head);  // title and meta only: the head's text is not the article's
      out.title = head.title;
      if (!out.date) out.date = head.date;
      continue;
    }
    const bool block = std::find(kBlock.begin(), kBlock.end(), name) != kBlock.end();
    if (block) out.paragraph();
    if (name == "h1" && out.title.empty()) {
      HtmlText heading;
      walk(child, heading);
      out.title = heading.text;
    }
    walk(child, out);
    if (block) out.paragraph();
  }
}

struct DocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
struct HtmlContextFree {
  void operator()(htmlParserCtxt* c) const { htmlFreeParserCtxt(c); }
};

// ---------------------------------------------------------------------------------------------
// Words

struct Word {
  std::string folded;
  std::size_t begin = 0, end = 0;  // bytes
  bool upper = false;              // every letter upper case
};

// UTF-16 index -> UTF-8 byte offset, for every index 0..length.
std::vector<std::size_t> utf16_to_utf8(std::string_view text) {
  std::vector<std::size_t> map;
  map.reserve(text.size() + 1);
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto n = static_cast<std::int32_t>(text.size());
  std::int32_t i = 0;
  while (i < n) {
    const std::int32_t at = i;
    UChar32 c = 0;
    U8_NEXT(s, i, n, c);
    map.push_back(static_cast<std::size_t>(at));
    if (c > 0xFFFF) map.push_back(static_cast<std::size_t>(at));
  }
  map.push_back(text.size());
  return map;
}

bool all_upper(std::string_view s) {
  bool letter = false;
  for (const char c : s) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') letter = true;
  }
  return letter;
}

std::string_view strip_possessive(std::string_view w) {
  if (w.size() > 2 && (w.ends_with("'s") || w.ends_with("'S"))) return w.substr(0, w.size() - 2);
  if (w.size() > 4 && w.ends_with("\xE2\x80\x99s")) return w.substr(0, w.size() - 4);
  return w;
}

icu::Locale english() {
  return icu::Locale("en@ss=standard");
}

// The words of `text` (ICU word boundaries, word-like segments only), folded.
std::vector<Word> words_of(std::string_view text, const icu::UnicodeString& u,
                           const std::vector<std::size_t>& map) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createWordInstance(english(), status));
  if (U_FAILURE(status)) throw std::runtime_error("ICU: no word boundary rules");
  it->setText(u);
  std::vector<Word> words;
  std::int32_t start = it->first();
  for (std::int32_t end = it->next(); end != icu::BreakIterator::DONE;
       start = end, end = it->next()) {
    if (it->getRuleStatus() < UBRK_WORD_NONE_LIMIT) continue;  // spaces, punctuation
    const std::size_t b = map[static_cast<std::size_t>(start)];
    const std::size_t e = map[static_cast<std::size_t>(end)];
    const std::string_view raw = strip_possessive(text.substr(b, e - b));
    std::string folded = fold_name(raw);
    if (folded.empty()) continue;
    words.push_back(Word{std::move(folded), b, b + raw.size(), all_upper(raw)});
  }
  return words;
}

std::vector<Word> words_of(std::string_view text) {
  const auto u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  return words_of(text, u, utf16_to_utf8(text));
}

std::string join(const std::vector<Word>& words, std::size_t from, std::size_t count) {
  std::string key;
  for (std::size_t k = 0; k < count; ++k) {
    if (k) key += ' ';
    key += words[from + k].folded;
  }
  return key;
}

// The gazetteer's names as word sequences.
struct NameIndex {
  struct Name {
    std::size_t entry;
    bool acronym;  // written in capitals: matches capitals only ("US" is not "us")
  };
  std::unordered_map<std::string, Name> names;
  std::size_t longest = 0;
};

NameIndex index_names(const AliasTable& gazetteer) {
  NameIndex index;
  const auto& entries = gazetteer.entries();
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const auto& e = entries[i];
    std::vector<std::string> names = e.aliases;
    if (!e.label.empty()) names.push_back(e.label);
    if (names.empty()) names.push_back(e.id);
    for (const auto& name : names) {
      const auto words = words_of(name);
      if (words.empty()) continue;
      const std::string key = join(words, 0, words.size());
      const bool acronym = words.size() == 1 && all_upper(name) && key.size() <= 5;
      auto [it, inserted] = index.names.emplace(key, NameIndex::Name{i, acronym});
      if (!inserted && it->second.entry != i)
        throw ParseError(gazetteer.source(), e.line, 0,
                         fmt::format("'{}' of '{}' reads as the same words as a name of '{}'; "
                                     "give it to one",
                                     name, e.id, entries[it->second.entry].id));
      if (inserted && acronym) it->second.acronym = true;
      index.longest = std::max(index.longest, words.size());
    }
  }
  return index;
}

struct RuleWords {
  std::vector<std::vector<std::string>> keywords;
};

bool contains_sequence(const std::vector<Word>& words, std::size_t from, std::size_t to,
                       const std::vector<std::string>& seq) {
  if (seq.empty() || to - from < seq.size()) return false;
  for (std::size_t i = from; i + seq.size() <= to; ++i) {
    bool match = true;
    for (std::size_t k = 0; k < seq.size() && match; ++k)
      match = words[i + k].folded == seq[k];
    if (match) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Dates

int month_number(std::string_view word) {
  if (word.empty() || word[0] < 'A' || word[0] > 'Z') return 0;  // months are capitalised
  static constexpr std::array<std::string_view, 12> kFull = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  const std::string w = lower(word);
  for (std::size_t k = 0; k < kFull.size(); ++k) {
    if (w == kFull[k]) return static_cast<int>(k) + 1;
    if (w.size() == 3 && k != 4 && kFull[k].starts_with(w)) return static_cast<int>(k) + 1;
  }
  if (w == "sept") return 9;
  return 0;
}

struct Token {
  std::string_view text;
  std::size_t begin = 0, end = 0;
  bool digits = false;
};

std::vector<Token> ascii_tokens(std::string_view s) {
  std::vector<Token> out;
  std::size_t i = 0;
  auto is_alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  while (i < s.size()) {
    if (is_alpha(s[i]) || is_digit(s[i])) {
      const bool digits = is_digit(s[i]);
      const std::size_t b = i;
      while (i < s.size() && (digits ? is_digit(s[i]) : is_alpha(s[i])))
        ++i;
      out.push_back(Token{s.substr(b, i - b), b, i, digits});
    } else {
      ++i;
    }
  }
  return out;
}

// Only spaces, commas and periods between two tokens ("April 16, 2024").
bool tight(std::string_view s, const Token& a, const Token& b) {
  if (b.begin - a.end > 3 || b.begin == a.end) return false;
  for (std::size_t i = a.end; i < b.begin; ++i)
    if (s[i] != ' ' && s[i] != ',' && s[i] != '.') return false;
  return true;
}

int number(const Token& t) {
  if (!t.digits || t.text.size() > 4) return -1;
  int v = 0;
  for (const char c : t.text)
    v = v * 10 + (c - '0');
  return v;
}

}  // namespace

std::vector<DateMention> find_dates(std::string_view s) {
  std::vector<DateMention> out;
  const auto tokens = ascii_tokens(s);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    auto next = [&](std::size_t k) -> const Token* {
      if (i + k >= tokens.size()) return nullptr;
      return tight(s, tokens[i + k - 1], tokens[i + k]) ? &tokens[i + k] : nullptr;
    };
    // 2024-04-16
    if (t.digits && t.text.size() == 4 && i + 2 < tokens.size() && t.end + 1 <= s.size() &&
        t.end < s.size() && s[t.end] == '-') {
      const Token& m = tokens[i + 1];
      const Token& d = tokens[i + 2];
      if (m.begin == t.end + 1 && m.text.size() == 2 && m.digits && d.begin == m.end + 1 &&
          s[m.end] == '-' && d.text.size() == 2 && d.digits) {
        if (const auto date = graph::Date::parse(s.substr(t.begin, d.end - t.begin))) {
          out.push_back({*date, t.begin, d.end});
          i += 2;
          continue;
        }
      }
    }
    // 16 April 2024
    if (const Token* m = next(1); t.digits && m && month_number(m->text))
      if (const Token* y = next(2); y && y->digits && y->text.size() == 4) {
        const int day = number(t), month = month_number(m->text), year = number(*y);
        if (graph::is_valid_ymd(year, month, day))
          out.push_back({graph::Date::from_ymd(year, month, day), t.begin, y->end});
        i += 2;  // "31 February 2024" is no date at all, not February 2024
        continue;
      }
    if (const int month = month_number(t.text); month) {
      const Token* a = next(1);
      // April 16, 2024
      if (a && a->digits && a->text.size() <= 2)
        if (const Token* y = next(2); y && y->digits && y->text.size() == 4) {
          const int day = number(*a), year = number(*y);
          if (graph::is_valid_ymd(year, month, day)) {
            out.push_back({graph::Date::from_ymd(year, month, day), t.begin, y->end});
            i += 2;
            continue;
          }
        }
      // April 2024
      if (a && a->digits && a->text.size() == 4 && number(*a) >= 1) {
        out.push_back({graph::Date::year_month(number(*a), month), t.begin, a->end});
        i += 1;
        continue;
      }
    }
    // in 2024
    if (!t.digits && (lower(t.text) == "in" || lower(t.text) == "during"))
      if (const Token* y = next(1); y && y->digits && y->text.size() == 4 && number(*y) >= 1000 &&
                                    (i + 2 >= tokens.size() || s[y->end] != '-')) {
        out.push_back({graph::Date::year_only(number(*y)), y->begin, y->end});
        i += 1;
        continue;
      }
  }
  return out;
}

std::vector<KeywordRule> default_rules() {
  return {
      {"met_with", {"met", "meet", "meets", "meeting", "talks"}, false, 0},
      {"called", {"video call", "phone call", "called", "spoke by phone"}, false, 0},
      {"launched", {"launched", "launch"}, false, 0},
      {"led_jointly", {"led jointly", "jointly led", "co-led", "co-chaired"}, false, 0},
      {"deported", {"deported", "deportation", "repatriated"}, true, 0},
      {"released", {"released", "freed", "handed over"}, true, 0},
  };
}

Article article_from_text(const std::string& path, std::string content, bool html) {
  // libxml2 and ICU count the text in int.
  if (content.size() > kLimits.int_file_bytes)
    throw ParseError(path, 0, 0,
                     fmt::format("holds more than {}, the most actornet reads of one article "
                                 "(see Limits in README.md): split it",
                                 detail::byte_size(kLimits.int_file_bytes)));
  // Checked as given, HTML too: libxml2, told the text is UTF-8, passes ill-formed bytes on.
  detail::check_utf8(content, path);
  Article a;
  a.path = path;
  if (html) {
    std::unique_ptr<htmlParserCtxt, HtmlContextFree> context(htmlNewParserCtxt());
    if (!context) throw std::bad_alloc();
    std::unique_ptr<xmlDoc, DocFree> doc(htmlCtxtReadMemory(
        context.get(), content.data(), static_cast<int>(content.size()), path.c_str(), "UTF-8",
        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET));
    if (!doc) throw ParseError(path, 0, 0, "cannot be read as HTML");
    // Past 256 levels of elements libxml2 stops parsing (XML_ERR_INTERNAL_ERROR, "Excessive
    // depth") and keeps what it had: the rest of the article would be dropped without a word.
    // That is also our nesting limit, and it bounds the recursion of walk() below.
    if (const xmlError* error = xmlCtxtGetLastError(context.get());
        error && error->code == XML_ERR_INTERNAL_ERROR && error->message &&
        std::string_view(error->message).find("depth") != std::string_view::npos)
      throw ParseError(path, error->line > 0 ? static_cast<std::size_t>(error->line) : 0, 0,
                       fmt::format("HTML elements nested more than {} levels deep; actornet "
                                   "reads at most {} levels (see Limits in README.md): save the "
                                   "article's text, or simpler HTML",
                                   kLimits.nesting_depth, kLimits.nesting_depth));
    HtmlText out;
    if (xmlNode* root = xmlDocGetRootElement(doc.get())) {
      xmlNode wrapper{};
      wrapper.children = root;
      walk(&wrapper, out);
    }
    out.paragraph();
    a.text = std::move(out.text);
    a.title = out.title;
    a.date = out.date;
  } else {
    if (content.starts_with("\xEF\xBB\xBF")) content.replace(0, 3, "   ");
    a.text = std::move(content);
    // A "Date:" line among the first ten.
    std::size_t start = 0;
    for (int line = 0; line < 10 && start < a.text.size() && !a.date; ++line) {
      auto end = a.text.find('\n', start);
      if (end == std::string::npos) end = a.text.size();
      std::string_view l = std::string_view(a.text).substr(start, end - start);
      while (!l.empty() && l.front() == ' ')
        l.remove_prefix(1);
      if (l.size() > 5 && detail::iequals(l.substr(0, 5), "date:"))
        a.date = first_date(l.substr(5));
      start = end + 1;
    }
    unwrap_lines(a.text);
  }
  if (!a.date) {
    const std::string name = std::filesystem::path(path).filename().string();
    for (const auto& d : find_dates(name))
      if (d.date.precision() == graph::DatePrecision::Day) {
        a.date = d.date;
        break;
      }
  }
  return a;
}

Article read_article(const std::string& path) {
  std::string content = read_text_file(path, kLimits.int_file_bytes);
  const std::string name = lower(strip_gz_suffix(path));
  std::size_t first = content.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  const bool html = name.ends_with(".html") || name.ends_with(".htm") ||
                    (first != std::string::npos && content[first] == '<');
  return article_from_text(path, std::move(content), html);
}

std::vector<Tie> find_ties(const Article& article, const AliasTable& gazetteer,
                           const std::vector<KeywordRule>& rules,
                           std::vector<std::size_t>* mentions) {
  const NameIndex names = index_names(gazetteer);
  std::vector<RuleWords> rule_words;
  for (const auto& r : rules) {
    RuleWords w;
    for (const auto& k : r.keywords) {
      std::vector<std::string> seq;
      for (auto& word : words_of(k))
        seq.push_back(std::move(word.folded));
      if (!seq.empty()) w.keywords.push_back(std::move(seq));
    }
    rule_words.push_back(std::move(w));
  }

  const std::string_view text = article.text;
  const auto u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  const auto map = utf16_to_utf8(text);
  const auto words = words_of(text, u, map);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> sentences(
      icu::BreakIterator::createSentenceInstance(english(), status));
  if (U_FAILURE(status)) throw std::runtime_error("ICU: no sentence boundary rules");
  sentences->setText(u);

  std::vector<Tie> ties;
  std::size_t w = 0;
  std::size_t number = 0;
  std::int32_t start = sentences->first();
  for (std::int32_t end = sentences->next(); end != icu::BreakIterator::DONE;
       start = end, end = sentences->next()) {
    // Run on past a break after an initialism, except at a paragraph end.
    while (true) {
      const std::size_t at = map[static_cast<std::size_t>(end)];
      const std::string_view before = text.substr(0, at);
      if (at >= text.size() || before.find_last_not_of(" \t") == std::string_view::npos ||
          text[before.find_last_not_of(" \t")] == '\n' ||
          !ends_with_initialism(text.substr(map[static_cast<std::size_t>(start)],
                                            at - map[static_cast<std::size_t>(start)])))
        break;
      const std::int32_t further = sentences->next();
      if (further == icu::BreakIterator::DONE) break;
      end = further;
    }
    std::size_t b = map[static_cast<std::size_t>(start)];
    std::size_t e = map[static_cast<std::size_t>(end)];
    while (b < e && (text[b] == ' ' || text[b] == '\n' || text[b] == '\t'))
      ++b;
    while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\n' || text[e - 1] == '\t'))
      --e;
    if (b == e) continue;
    ++number;
    while (w < words.size() && words[w].begin < b)
      ++w;
    std::size_t w_end = w;
    while (w_end < words.size() && words[w_end].end <= e)
      ++w_end;

    // Actors named in the sentence: longest name first at each word, no overlap.
    struct Mention {
      std::size_t entry, begin;
    };
    std::vector<Mention> found;
    for (std::size_t i = w; i < w_end;) {
      std::size_t matched = 0;
      for (std::size_t len = std::min(names.longest, w_end - i); len >= 1 && !matched; --len) {
        const auto it = names.names.find(join(words, i, len));
        if (it == names.names.end()) continue;
        if (it->second.acronym && !words[i].upper) continue;
        found.push_back({it->second.entry, words[i].begin - b});
        matched = len;
      }
      i += matched ? matched : 1;
    }
    if (mentions)
      for (const auto& m : found)
        ++(*mentions)[m.entry];
    std::vector<Mention> actors;  // first mention of each, in order
    for (const auto& m : found)
      if (std::none_of(actors.begin(), actors.end(),
                       [&](const Mention& a) { return a.entry == m.entry; }))
        actors.push_back(m);
    if (actors.size() < 2) continue;

    const std::string sentence(text.substr(b, e - b));
    const auto dates = find_dates(sentence);
    std::string relation = "co_mentioned";
    bool directed = false;
    std::string keyword;
    for (std::size_t r = 0; r < rules.size() && keyword.empty(); ++r)
      for (std::size_t k = 0; k < rule_words[r].keywords.size(); ++k)
        if (contains_sequence(words, w, w_end, rule_words[r].keywords[k])) {
          relation = rules[r].relation;
          directed = rules[r].directed;
          keyword = rules[r].keywords[k];
          break;
        }
    for (std::size_t x = 0; x < actors.size(); ++x)
      for (std::size_t y = x + 1; y < actors.size(); ++y) {
        Tie t;
        t.source = gazetteer.entries()[actors[x].entry].id;
        t.target = gazetteer.entries()[actors[y].entry].id;
        t.relation = relation;
        t.directed = directed;
        t.keyword = keyword;
        t.sentence = sentence;
        t.offset = b;
        t.sentence_number = number;
        // The date expression nearest to either actor's first mention; ties: the earlier.
        std::size_t best = std::string::npos;
        for (const auto& d : dates) {
          auto dist = [&](std::size_t at) { return d.begin > at ? d.begin - at : at - d.begin; };
          const std::size_t distance = std::min(dist(actors[x].begin), dist(actors[y].begin));
          if (distance < best) {
            best = distance;
            t.date = d.date;
          }
        }
        if (t.date) {
          t.date_source = "sentence";
        } else if (article.date) {
          t.date = article.date;
          t.date_source = "article";
        }
        ties.push_back(std::move(t));
      }
  }
  return ties;
}

ImportResult import_articles(const std::vector<std::string>& articles,
                             const std::string& gazetteer_path) {
  if (articles.empty()) throw InputError("no article given; name plain-text or HTML files");
  const AliasTable gazetteer = AliasTable::read(gazetteer_path);
  const auto rules = gazetteer.rules().empty() ? default_rules() : gazetteer.rules();
  ImportResult result;
  auto& g = result.graph;
  auto& report = result.report;
  std::vector<std::size_t> mentions(gazetteer.entries().size(), 0);
  std::vector<std::optional<graph::NodeIndex>> node_of(gazetteer.entries().size());
  std::unordered_map<std::string, std::size_t> entry_of;
  for (std::size_t i = 0; i < gazetteer.entries().size(); ++i)
    entry_of.emplace(gazetteer.entries()[i].id, i);
  auto node = [&](const std::string& id) {
    const std::size_t i = entry_of.at(id);
    const AliasEntry* e = &gazetteer.entries()[i];
    if (!node_of[i]) {
      node_of[i] = g.add_node(e->id, e->label.empty() ? e->id : e->label,
                              e->kind.empty() ? graph::kDefaultKind : std::string_view(e->kind));
      if (!e->side.empty()) {
        auto& attrs = g.node_attributes();
        attrs.set(attrs.declare("side", graph::AttrType::String), *node_of[i], e->side);
      }
    }
    return *node_of[i];
  };
  auto& attrs = g.edge_attributes();
  const auto col_evidence = attrs.declare(graph::Provenance::kEvidence, graph::AttrType::String);
  const auto col_provenance = attrs.declare(graph::Provenance::kDocument, graph::AttrType::String);
  const auto col_offset = attrs.declare("offset", graph::AttrType::Integer);
  const auto col_sentence = attrs.declare("sentence", graph::AttrType::Integer);
  const auto col_date_source = attrs.declare("date_source", graph::AttrType::String);
  const auto col_keyword = attrs.declare("keyword", graph::AttrType::String);
  std::size_t undated = 0;
  for (const auto& path : articles) {
    const Article article = read_article(path);
    report.files.push_back(path);
    const auto ties = find_ties(article, gazetteer, rules, &mentions);
    std::size_t sentences = 0, last = 0;
    for (const auto& t : ties) {
      if (t.sentence_number != last) ++sentences;
      last = t.sentence_number;
      graph::EdgeSpec spec;
      spec.source = node(t.source);
      spec.target = node(t.target);
      spec.relation = t.relation;
      spec.directed = t.directed;
      if (t.date) spec.valid = graph::Interval{*t.date, t.date->period_end()};
      detail::check_edge_room(g, path, 0);
      const auto e = g.add_edge(spec);
      attrs.set(col_evidence, e, t.sentence);
      attrs.set(col_provenance, e, path);
      attrs.set(col_offset, e, static_cast<std::int64_t>(t.offset));
      attrs.set(col_sentence, e, static_cast<std::int64_t>(t.sentence_number));
      if (!t.date_source.empty()) attrs.set(col_date_source, e, t.date_source);
      if (!t.keyword.empty()) attrs.set(col_keyword, e, t.keyword);
      if (!t.date) ++undated;
    }
    report.edge_rows += ties.size();
    report.notes.push_back(ReportEntry{
        path, 0,
        fmt::format("{} ties from {} sentences naming two actors or more; article date {}",
                    ties.size(), sentences, article.date ? article.date->to_string() : "unknown")});
  }
  report.files.push_back(gazetteer_path);
  // Mentions as a node attribute; actors never named are listed.
  std::vector<std::string> unnamed;
  for (std::size_t i = 0; i < gazetteer.entries().size(); ++i) {
    if (mentions[i] == 0) {
      unnamed.push_back(gazetteer.entries()[i].id);
      continue;
    }
    const auto n = node(gazetteer.entries()[i].id);
    auto& nattrs = g.node_attributes();
    nattrs.set(nattrs.declare("mentions", graph::AttrType::Integer), n,
               static_cast<std::int64_t>(mentions[i]));
  }
  if (undated)
    report.notes.push_back(ReportEntry{
        "", 0,
        fmt::format("{} ties have no date (none in the sentence, no article date): unbounded",
                    undated)});
  if (!unnamed.empty())
    report.notes.push_back(ReportEntry{gazetteer_path, 0,
                                       fmt::format("{} gazetteer actors are never named: {}",
                                                   unnamed.size(), fmt::join(unnamed, ", "))});
  report.notes.push_back(
      ReportEntry{gazetteer_path, 0,
                  fmt::format("{} keyword rules ({})", rules.size(),
                              gazetteer.rules().empty() ? "the defaults" : "from the gazetteer")});
  return result;
}

}  // namespace actornet::importers::text
