// Times actornet's analyses in-process, for bench/peers.py (actornet against igraph C,
// python-igraph, graph-tool and NetworkX on the same graphs). Compiled by bench/peers.sh
// against the build's static libraries.
//
//   peers_actornet INPUT --threads N [--directed] [--out DIR] JOB...
//
// INPUT is what importers::import_graph reads: a folder with nodes.csv (column Id) and
// edges.csv (Source,Target), or one edges CSV. Node ids are the integers 0..n-1 of the
// peers' edge lists. Reading the input is not timed (except by the `import` job); each job
// times only its call. JOB is one of
//   import       importers::import_graph of INPUT (reads it a second time)
//   view         graph::View::build (as stored, parallel edges kept)
//   degree, betweenness, closeness, harmonic, pagerank, eigenvector
//                analyses::centrality with that one measure and CentralityOptions::threads
//   cohesion     analyses::cohesion without cohesive blocks: weak components, articulation
//                points, bridges and coreness in one call
// One JSON object per line on standard output: first {"event":"loaded",...}, then one per job
// with wall and CPU seconds and the process's peak resident memory so far. With --out, each
// job's result is written to DIR/JOB.txt (one value per node, in id order) or, for cohesion,
// DIR/cohesion.json (counts that the peers compute too), outside the timed region.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <string>
#include <sys/resource.h>
#include <vector>

#include <fmt/format.h>

#include "analyses/centrality.hpp"
#include "analyses/cohesion.hpp"
#include "graph/igraph_adapter.hpp"
#include "graph/view.hpp"
#include "importers/import.hpp"

using namespace actornet;

namespace {

double peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // Linux: kilobytes
}

// CentralityOptions::threads may be absent from older trees: set it when it exists.
template <class Options>
bool set_threads(Options& options, unsigned threads) {
  if constexpr (requires { options.threads = threads; }) {
    options.threads = threads;
    return true;
  } else {
    return false;
  }
}

struct Timer {
  std::chrono::steady_clock::time_point wall = std::chrono::steady_clock::now();
  std::clock_t cpu = std::clock();
  double wall_s() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - wall).count();
  }
  double cpu_s() const { return static_cast<double>(std::clock() - cpu) / CLOCKS_PER_SEC; }
};

void report(const std::string& job, const Timer& t, const std::string& extra = "") {
  const double wall = t.wall_s(), cpu = t.cpu_s();
  std::cout << fmt::format(R"({{"job":"{}","seconds":{:.6f},"cpu":{:.6f},"maxrss_mb":{:.1f}{}}})",
                           job, wall, cpu, peak_rss_mb(), extra)
            << std::endl;
}

// Per-vertex values in node-id order (ids are 0..n-1).
void write_values(const std::string& path, const graph::Graph& g, const graph::View& view,
                  const std::vector<double>& values) {
  std::vector<double> by_id(view.vertex_count(), 0.0);
  for (graph::Vertex v = 0; v < view.vertex_count(); ++v)
    by_id.at(std::stoul(g.node(view.node_of(v)).id)) = values[v];
  std::ofstream out(path);
  for (const double x : by_id)
    out << fmt::format("{:.17g}\n", x);
}

std::optional<analyses::Measure> measure_of(const std::string& job) {
  if (job == "degree") return analyses::Measure::Degree;
  if (job == "betweenness") return analyses::Measure::Betweenness;
  if (job == "closeness") return analyses::Measure::Closeness;
  if (job == "harmonic") return analyses::Measure::Harmonic;
  if (job == "pagerank") return analyses::Measure::PageRank;
  if (job == "eigenvector") return analyses::Measure::Eigenvector;
  return std::nullopt;
}

}  // namespace

int main(int argc, char** argv) {
  std::string input, out_dir;
  unsigned threads = 1;
  bool directed = false;
  std::vector<std::string> jobs;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--threads" && i + 1 < argc) {
      threads = static_cast<unsigned>(std::stoul(argv[++i]));
    } else if (a == "--out" && i + 1 < argc) {
      out_dir = argv[++i];
    } else if (a == "--directed") {
      directed = true;
    } else if (input.empty()) {
      input = a;
    } else {
      jobs.push_back(a);
    }
  }
  if (input.empty() || jobs.empty()) {
    std::cerr << "usage: peers_actornet INPUT --threads N [--directed] [--out DIR] JOB...\n";
    return 2;
  }
  try {
    graph::ig::install_igraph_error_handler();
    importers::ImportOptions import_options;
    import_options.directed = directed;
    // An import-only run reads nothing beforehand, so that the peak memory is the import's.
    const bool import_only =
        std::all_of(jobs.begin(), jobs.end(), [](const std::string& j) { return j == "import"; });
    Timer load_timer;
    auto imported =
        import_only ? importers::ImportResult{} : importers::import_graph({input}, import_options);
    const graph::Graph& g = imported.graph;
    auto view = graph::View::build(g);
    analyses::CentralityOptions probe;
    const bool threads_option = set_threads(probe, threads);
    std::cout << fmt::format(R"({{"event":"loaded","seconds":{:.3f},"nodes":{},"edges":{},)"
                             R"("directed":{},"threads":{},"threads_option":{}}})",
                             load_timer.wall_s(), view.vertex_count(), view.edge_count(),
                             view.directed() ? "true" : "false", threads,
                             threads_option ? "true" : "false")
              << std::endl;

    for (const auto& job : jobs) {
      if (job == "import") {
        Timer t;
        const auto again = importers::import_graph({input}, import_options);
        report(job, t,
               fmt::format(R"(,"nodes":{},"edges":{})", again.graph.node_count(),
                           again.graph.edge_count()));
      } else if (job == "view") {
        Timer t;
        const auto v = graph::View::build(g);
        report(job, t, fmt::format(R"(,"edges":{})", v.edge_count()));
      } else if (const auto m = measure_of(job)) {
        analyses::CentralityOptions options;
        options.measures = {*m};
        set_threads(options, threads);
        Timer t;
        const auto r = analyses::centrality(view, options);
        report(job, t);
        if (!out_dir.empty()) write_values(out_dir + "/" + job + ".txt", g, view, r.scores.at(0));
      } else if (job == "cohesion") {
        analyses::CohesionOptions options;
        options.blocks = false;
        Timer t;
        const auto r = analyses::cohesion(view, options);
        report(job, t);
        if (!out_dir.empty()) {
          std::uint32_t max_core = 0;
          std::uint64_t core_sum = 0;
          for (const auto c : r.coreness) {
            max_core = std::max(max_core, c);
            core_sum += c;
          }
          std::ofstream out(out_dir + "/cohesion.json");
          out << fmt::format(R"({{"components":{},"largest_component":{},"articulation_points":{},)"
                             R"("bridges":{},"max_coreness":{},"coreness_sum":{}}})",
                             r.component_sizes.size(),
                             r.component_sizes.empty() ? 0 : r.component_sizes[0],
                             r.articulation_points.size(), r.bridges.size(), max_core, core_sum)
              << "\n";
          std::vector<double> core(r.coreness.begin(), r.coreness.end());
          write_values(out_dir + "/coreness.txt", g, view, core);
        }
      } else {
        std::cout << fmt::format(R"({{"job":"{}","error":"unknown job"}})", job) << std::endl;
      }
    }
  } catch (const std::exception& e) {
    std::cerr << "peers_actornet: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
