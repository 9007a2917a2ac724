#include "graph/igraph_adapter.hpp"

#include <mutex>
#include <utility>

namespace actornet::graph::ig {
namespace {

thread_local std::string last_error_reason;
thread_local std::vector<std::string> pending_warnings;

void on_error(const char* reason, const char* /*file*/, int /*line*/, igraph_error_t /*errno*/) {
  last_error_reason = reason ? reason : "";
  IGRAPH_FINALLY_FREE();  // igraph's contract for handlers that return
}

void on_warning(const char* reason, const char* /*file*/, int /*line*/) {
  pending_warnings.emplace_back(reason ? reason : "");
}

}  // namespace

void install_igraph_error_handler() {
  static std::once_flag once;
  std::call_once(once, [] {
    igraph_set_error_handler(on_error);
    igraph_set_warning_handler(on_warning);
  });
}

void check(igraph_error_t rc) {
  if (rc == IGRAPH_SUCCESS) return;
  std::string message = std::string("igraph: ") + igraph_strerror(rc);
  if (!last_error_reason.empty()) message += ": " + std::exchange(last_error_reason, {});
  throw IgraphError(message);
}

std::vector<std::string> take_warnings() {
  return std::exchange(pending_warnings, {});
}

SeededRng::SeededRng(unsigned long seed) : previous_(igraph_rng_default()) {
  check(igraph_rng_init(&rng_, &igraph_rngtype_pcg32));
  if (const auto rc = igraph_rng_seed(&rng_, seed); rc != IGRAPH_SUCCESS) {
    igraph_rng_destroy(&rng_);
    check(rc);
  }
  igraph_rng_set_default(&rng_);
}

SeededRng::~SeededRng() {
  igraph_rng_set_default(previous_);
  igraph_rng_destroy(&rng_);
}

Vector to_igraph(const std::vector<double>& values) {
  Vector v(static_cast<igraph_integer_t>(values.size()));
  for (std::size_t i = 0; i < values.size(); ++i)
    VECTOR(*v.get())[static_cast<igraph_integer_t>(i)] = values[i];
  return v;
}

Graph::Graph(const View& view) {
  IntVector edges(2 * static_cast<igraph_integer_t>(view.edge_count()));
  for (ViewEdge e = 0; e < view.edge_count(); ++e) {
    VECTOR(*edges.get())[2 * e] = view.from(e);
    VECTOR(*edges.get())[2 * e + 1] = view.to(e);
  }
  check(igraph_create(&g_, edges.get(), view.vertex_count(),
                      view.directed() ? IGRAPH_DIRECTED : IGRAPH_UNDIRECTED));
  owned_ = true;
}

Graph::~Graph() {
  if (owned_) igraph_destroy(&g_);
}

Graph::Graph(Graph&& other) noexcept : g_(other.g_), owned_(std::exchange(other.owned_, false)) {}

Graph& Graph::operator=(Graph&& other) noexcept {
  if (this != &other) {
    if (owned_) igraph_destroy(&g_);
    g_ = other.g_;
    owned_ = std::exchange(other.owned_, false);
  }
  return *this;
}

}  // namespace actornet::graph::ig
