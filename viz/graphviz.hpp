// The one place in actornet that touches Graphviz (cgraph + gvc): move-only owners for the
// context, the graph and the layout, error capture, and typed attribute helpers.
// Internal to viz/: no public header includes it, so Agraph_t never leaks out of viz/.
#pragma once

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

namespace actornet::viz::gv {

/// Graphviz keeps global state (error handler, string dictionaries of plugins); every use of
/// it in actornet holds this lock.
std::mutex& graphviz_mutex();

/// While alive, routes every Graphviz error and warning into a string instead of stderr
/// (agseterrf + agseterr), and restores the previous handler on destruction. Hold
/// graphviz_mutex() while it lives.
class ErrorCapture {
 public:
  ErrorCapture();
  ~ErrorCapture();
  ErrorCapture(const ErrorCapture&) = delete;
  ErrorCapture& operator=(const ErrorCapture&) = delete;

  /// Everything Graphviz reported so far, one message per line; falls back to aglasterr().
  std::string messages() const;

 private:
  agusererrf previous_handler_;
  agerrlevel_t previous_level_;
};

/// Owns a GVC_t (gvContext(): plugins are loaded from the installed config6a, so the cairo
/// and gd renderers for PNG and PDF are available when Graphviz is installed normally).
class Context {
 public:
  Context();
  ~Context();
  Context(Context&& other) noexcept;
  Context& operator=(Context&& other) noexcept;
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;

  GVC_t* get() const { return gvc_; }

 private:
  GVC_t* gvc_ = nullptr;
};

/// The context every render uses, created on first use and freed at exit (call with
/// graphviz_mutex() held). One context for the whole process, not one per render: Graphviz
/// 2.42's pango text-layout plugin caches a pointer to the last font name, which lives in the
/// context's font dictionary, so freeing a context and making a new one makes the next text
/// measurement read freed memory.
Context& process_context();

/// Owns a non-strict root graph (parallel edges and self-loops survive), directed or not.
class Graph {
 public:
  Graph(std::string_view name, bool directed);
  ~Graph();
  Graph(Graph&& other) noexcept;
  Graph& operator=(Graph&& other) noexcept;
  Graph(const Graph&) = delete;
  Graph& operator=(const Graph&) = delete;

  Agraph_t* get() const { return graph_; }

 private:
  Agraph_t* graph_ = nullptr;
};

/// Moves `graph` into the slot kept for `engine` (closing the graph laid out there before)
/// and returns it; the graph then stays open until the next layout with the same engine.
/// Call with graphviz_mutex() held. Works around Graphviz 2.42 engines that cache a pointer
/// to the last root graph they laid out (circo's attribute symbols, for one) and compare it
/// with the next: a new graph allocated where a closed one was would be taken for it and
/// read freed symbols. Keeping the last graph open means no new graph can get its address.
Graph& keep_for_layout(const std::string& engine, Graph graph);

/// Owns a layout: gvLayout on construction (throws std::runtime_error with Graphviz's
/// message on failure), gvFreeLayout on destruction. Must not outlive its context or graph.
class Layout {
 public:
  Layout(const Context& context, const Graph& graph, const std::string& engine,
         const ErrorCapture& errors);
  ~Layout();
  Layout(Layout&& other) noexcept;
  Layout& operator=(Layout&& other) noexcept;
  Layout(const Layout&) = delete;
  Layout& operator=(const Layout&) = delete;

  /// The laid-out graph rendered by a gvc device plugin (`svg`, `png`, `pdf`...).
  std::string render(const std::string& format, const ErrorCapture& errors) const;

 private:
  GVC_t* gvc_ = nullptr;
  Agraph_t* graph_ = nullptr;
};

/// The graph as DOT text (agwrite), attributes as set, no layout.
std::string write_dot(const Graph& graph);

/// Sets attribute `name` on a graph, subgraph, node or edge, declaring it (default "") first
/// when needed. `html` makes the value an HTML-like label.
void set(Agraph_t* root, void* object, int kind, std::string_view name, std::string_view value,
         bool html = false);
/// Sets a root graph attribute (the graph-wide default, and the root's own value).
void set_graph(Agraph_t* root, std::string_view name, std::string_view value, bool html = false);

}  // namespace actornet::viz::gv
