#include "viz/graphviz.hpp"

#include <cstdlib>
#include <map>
#include <stdexcept>
#include <string>
#include <utility>

namespace actornet::viz::gv {
namespace {

std::string* error_sink = nullptr;  // guarded by graphviz_mutex()

int collect_error(char* text) {
  if (error_sink && text) error_sink->append(text);
  return 0;
}

char* mutable_text(std::string& text) {
  return text.data();
}

// agwrite output into a std::string: the channel is the string.
int put_string(void* channel, const char* text) {
  static_cast<std::string*>(channel)->append(text);
  return 0;
}
int flush_nothing(void*) {
  return 0;
}

Agiodisc_t string_io{nullptr, put_string, flush_nothing};
Agdisc_t string_disc{&AgMemDisc, &AgIdDisc, &string_io};

std::string failure(const char* what, const ErrorCapture& errors) {
  std::string message = errors.messages();
  if (message.empty()) return std::string("Graphviz ") + what + " failed";
  return std::string("Graphviz ") + what + " failed: " + message;
}

}  // namespace

std::mutex& graphviz_mutex() {
  static std::mutex mutex;
  return mutex;
}

namespace {
std::string captured;  // guarded by graphviz_mutex()
}

ErrorCapture::ErrorCapture()
    : previous_handler_(agseterrf(collect_error)), previous_level_(agseterr(AGWARN)) {
  captured.clear();
  error_sink = &captured;
}

ErrorCapture::~ErrorCapture() {
  error_sink = nullptr;
  agseterrf(previous_handler_);
  agseterr(previous_level_);
}

std::string ErrorCapture::messages() const {
  std::string text = captured;
  while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
    text.pop_back();
  for (auto& c : text)
    if (c == '\n') c = ';';
  if (text.empty())
    if (char* last = aglasterr()) {  // malloc'd by cgraph
      text = last;
      std::free(last);
    }
  return text;
}

Context::Context() : gvc_(gvContext()) {
  if (!gvc_) throw std::runtime_error("cannot start Graphviz (gvContext failed)");
}
Context::~Context() {
  if (gvc_) gvFreeContext(gvc_);
}
Context::Context(Context&& other) noexcept : gvc_(std::exchange(other.gvc_, nullptr)) {}
Context& Context::operator=(Context&& other) noexcept {
  if (this != &other) {
    if (gvc_) gvFreeContext(gvc_);
    gvc_ = std::exchange(other.gvc_, nullptr);
  }
  return *this;
}

Context& process_context() {
  static Context context;
  return context;
}

Graph& keep_for_layout(const std::string& engine, Graph graph) {
  static std::map<std::string, Graph> last_laid_out;
  auto slot = last_laid_out.find(engine);
  if (slot == last_laid_out.end())
    return last_laid_out.emplace(engine, std::move(graph)).first->second;
  slot->second = std::move(graph);  // closes the previous graph only now, after `graph` exists
  return slot->second;
}

Graph::Graph(std::string_view name, bool directed) {
  std::string text(name);
  graph_ = agopen(mutable_text(text), directed ? Agdirected : Agundirected, &string_disc);
  if (!graph_) throw std::runtime_error("cannot create a Graphviz graph (agopen failed)");
}
Graph::~Graph() {
  if (graph_) agclose(graph_);
}
Graph::Graph(Graph&& other) noexcept : graph_(std::exchange(other.graph_, nullptr)) {}
Graph& Graph::operator=(Graph&& other) noexcept {
  if (this != &other) {
    if (graph_) agclose(graph_);
    graph_ = std::exchange(other.graph_, nullptr);
  }
  return *this;
}

Layout::Layout(const Context& context, const Graph& graph, const std::string& engine,
               const ErrorCapture& errors)
    : gvc_(context.get()), graph_(graph.get()) {
  if (gvLayout(gvc_, graph_, engine.c_str()) != 0) {
    // gvLayout cleans up after itself on failure; nothing to free.
    graph_ = nullptr;
    throw std::runtime_error(failure(("layout with '" + engine + "'").c_str(), errors));
  }
}
Layout::~Layout() {
  if (graph_) gvFreeLayout(gvc_, graph_);
}
Layout::Layout(Layout&& other) noexcept
    : gvc_(other.gvc_), graph_(std::exchange(other.graph_, nullptr)) {}
Layout& Layout::operator=(Layout&& other) noexcept {
  if (this != &other) {
    if (graph_) gvFreeLayout(gvc_, graph_);
    gvc_ = other.gvc_;
    graph_ = std::exchange(other.graph_, nullptr);
  }
  return *this;
}

std::string Layout::render(const std::string& format, const ErrorCapture& errors) const {
  char* data = nullptr;
  unsigned int length = 0;
  if (gvRenderData(gvc_, graph_, format.c_str(), &data, &length) != 0) {
    if (data) gvFreeRenderData(data);
    throw std::runtime_error(failure(("rendering " + format).c_str(), errors));
  }
  std::string bytes(data ? data : "", data ? length : 0);
  if (data) gvFreeRenderData(data);
  return bytes;
}

std::string write_dot(const Graph& graph) {
  std::string text;
  if (agwrite(graph.get(), &text) != 0) throw std::runtime_error("Graphviz could not write DOT");
  return text;
}

namespace {

void set_value(Agraph_t* root, void* object, Agsym_t* symbol, std::string_view value, bool html) {
  std::string text(value);
  if (html) {
    char* shared = agstrdup_html(root, mutable_text(text));
    agxset(object, symbol, shared);
    agstrfree(root, shared);
  } else {
    agxset(object, symbol, mutable_text(text));
  }
}

}  // namespace

void set(Agraph_t* root, void* object, int kind, std::string_view name, std::string_view value,
         bool html) {
  std::string key(name);
  Agsym_t* symbol = agattr(root, kind, mutable_text(key), nullptr);
  if (!symbol) {
    std::string empty;
    symbol = agattr(root, kind, mutable_text(key), mutable_text(empty));
  }
  set_value(root, object, symbol, value, html);
}

void set_graph(Agraph_t* root, std::string_view name, std::string_view value, bool html) {
  set(root, root, AGRAPH, name, value, html);
}

}  // namespace actornet::viz::gv
