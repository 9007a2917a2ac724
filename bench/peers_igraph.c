/* Times igraph's C library (Debian's libigraph, 0.10) in-process, for bench/peers.py: the
 * peer that actornet's analyses are compared with call for call. Compiled by bench/peers.sh:
 *
 *   cc -O2 -I/usr/include/igraph bench/peers_igraph.c -ligraph -o peers_igraph
 *   peers_igraph EDGES N DIRECTED [--out DIR] JOB...
 *
 * EDGES is a space-separated edge list of vertex ids 0..N-1 (one edge per line), read with
 * igraph_read_graph_edgelist; DIRECTED is 0 or 1. Reading it is not timed (except by the
 * `import` job, which reads it a second time). JOB is one of
 *   import       igraph_read_graph_edgelist
 *   degree       igraph_degree (all, loops counted)
 *   betweenness  igraph_betweenness (exact, unweighted)
 *   closeness    igraph_closeness (out, normalised: reachable vertices only)
 *   harmonic     igraph_harmonic_centrality (out, normalised by n-1)
 *   pagerank     igraph_pagerank (PRPACK, damping 0.85)
 *   eigenvector  igraph_eigenvector_centrality (ARPACK, scaled to max 1)
 *   cohesion     igraph_connected_components (weak), igraph_articulation_points,
 *                igraph_bridges and igraph_coreness: one line per part, then their sum
 * One JSON object per line on standard output: {"event":"loaded",...}, then one per job
 * with wall and CPU seconds and the peak resident memory so far. With --out, results go to
 * DIR/JOB.txt (one value per vertex) or DIR/cohesion.json, outside the timed region.
 * Threads: igraph's betweenness, closeness and cores are serial; PRPACK may use OpenMP, so
 * bench/peers.py runs this with OMP_NUM_THREADS=1. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include <igraph.h>

static double now_wall(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static double now_cpu(void) {
  return (double)clock() / CLOCKS_PER_SEC;
}

static double peak_rss_mb(void) {
  struct rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  return (double)usage.ru_maxrss / 1024.0;
}

static void report(const char* job, double wall0, double cpu0) {
  printf("{\"job\":\"%s\",\"seconds\":%.6f,\"cpu\":%.6f,\"maxrss_mb\":%.1f}\n", job,
         now_wall() - wall0, now_cpu() - cpu0, peak_rss_mb());
  fflush(stdout);
}

static void report_part(const char* job, double seconds, double cpu) {
  printf("{\"job\":\"%s\",\"seconds\":%.6f,\"cpu\":%.6f,\"maxrss_mb\":%.1f}\n", job, seconds, cpu,
         peak_rss_mb());
  fflush(stdout);
}

static void write_vector(const char* dir, const char* job, const igraph_vector_t* v) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s.txt", dir, job);
  FILE* f = fopen(path, "w");
  if (!f) {
    fprintf(stderr, "peers_igraph: cannot write %s\n", path);
    exit(1);
  }
  for (igraph_integer_t i = 0; i < igraph_vector_size(v); ++i)
    fprintf(f, "%.17g\n", VECTOR(*v)[i]);
  fclose(f);
}

static void write_int_vector(const char* dir, const char* job, const igraph_vector_int_t* v) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s.txt", dir, job);
  FILE* f = fopen(path, "w");
  if (!f) {
    fprintf(stderr, "peers_igraph: cannot write %s\n", path);
    exit(1);
  }
  for (igraph_integer_t i = 0; i < igraph_vector_int_size(v); ++i)
    fprintf(f, "%" IGRAPH_PRId "\n", VECTOR(*v)[i]);
  fclose(f);
}

static int read_graph(igraph_t* g, const char* path, igraph_integer_t n, igraph_bool_t directed) {
  FILE* f = fopen(path, "r");
  if (!f) {
    fprintf(stderr, "peers_igraph: cannot read %s\n", path);
    return 1;
  }
  igraph_error_t rc = igraph_read_graph_edgelist(g, f, n, directed);
  fclose(f);
  if (rc != IGRAPH_SUCCESS) {
    fprintf(stderr, "peers_igraph: reading %s: %s\n", path, igraph_strerror(rc));
    return 1;
  }
  return 0;
}

#define CHECK(call)                                                                  \
  do {                                                                               \
    igraph_error_t rc_ = (call);                                                     \
    if (rc_ != IGRAPH_SUCCESS) {                                                     \
      fprintf(stderr, "peers_igraph: %s failed: %s\n", #call, igraph_strerror(rc_)); \
      return 1;                                                                      \
    }                                                                                \
  } while (0)

int main(int argc, char** argv) {
  if (argc < 5) {
    fprintf(stderr, "usage: peers_igraph EDGES N DIRECTED [--out DIR] JOB...\n");
    return 2;
  }
  const char* path = argv[1];
  const igraph_integer_t n = strtoll(argv[2], NULL, 10);
  const igraph_bool_t directed = strcmp(argv[3], "1") == 0;
  const char* out = NULL;
  int first_job = 4;
  if (strcmp(argv[4], "--out") == 0 && argc > 5) {
    out = argv[5];
    first_job = 6;
  }
  igraph_set_error_handler(igraph_error_handler_printignore);
  igraph_rng_seed(igraph_rng_default(), 42);

  /* An import-only run reads nothing beforehand, so that the peak memory is the import's. */
  int import_only = 1;
  for (int i = first_job; i < argc; ++i)
    if (strcmp(argv[i], "import") != 0) import_only = 0;
  igraph_t g;
  double w0 = now_wall();
  if (import_only) {
    CHECK(igraph_empty(&g, 0, directed));
  } else if (read_graph(&g, path, n, directed)) {
    return 1;
  }
  printf("{\"event\":\"loaded\",\"seconds\":%.3f,\"nodes\":%" IGRAPH_PRId ",\"edges\":%" IGRAPH_PRId
         ",\"directed\":%s,\"threads\":1}\n",
         now_wall() - w0, igraph_vcount(&g), igraph_ecount(&g), directed ? "true" : "false");
  fflush(stdout);

  for (int i = first_job; i < argc; ++i) {
    const char* job = argv[i];
    double wall0 = now_wall(), cpu0 = now_cpu();
    if (strcmp(job, "import") == 0) {
      igraph_t again;
      if (read_graph(&again, path, n, directed)) return 1;
      report(job, wall0, cpu0);
      igraph_destroy(&again);
    } else if (strcmp(job, "degree") == 0) {
      igraph_vector_int_t d;
      igraph_vector_int_init(&d, 0);
      wall0 = now_wall();
      cpu0 = now_cpu();
      CHECK(igraph_degree(&g, &d, igraph_vss_all(), IGRAPH_ALL, 1));
      report(job, wall0, cpu0);
      if (out) write_int_vector(out, job, &d);
      igraph_vector_int_destroy(&d);
    } else if (strcmp(job, "betweenness") == 0 || strcmp(job, "closeness") == 0 ||
               strcmp(job, "harmonic") == 0 || strcmp(job, "pagerank") == 0 ||
               strcmp(job, "eigenvector") == 0) {
      igraph_vector_t res;
      igraph_vector_init(&res, 0);
      igraph_real_t value = 0;
      igraph_arpack_options_t arpack;
      igraph_arpack_options_init(&arpack);
      wall0 = now_wall();
      cpu0 = now_cpu();
      if (strcmp(job, "betweenness") == 0) {
        CHECK(igraph_betweenness(&g, &res, igraph_vss_all(), directed, NULL));
      } else if (strcmp(job, "closeness") == 0) {
        CHECK(igraph_closeness(&g, &res, NULL, NULL, igraph_vss_all(), IGRAPH_OUT, NULL, 1));
      } else if (strcmp(job, "harmonic") == 0) {
        CHECK(igraph_harmonic_centrality(&g, &res, igraph_vss_all(), IGRAPH_OUT, NULL, 1));
      } else if (strcmp(job, "pagerank") == 0) {
        CHECK(igraph_pagerank(&g, IGRAPH_PAGERANK_ALGO_PRPACK, &res, &value, igraph_vss_all(),
                              directed, 0.85, NULL, NULL));
      } else {
        CHECK(igraph_eigenvector_centrality(&g, &res, &value, directed, 1, NULL, &arpack));
      }
      report(job, wall0, cpu0);
      if (out) write_vector(out, job, &res);
      igraph_vector_destroy(&res);
    } else if (strcmp(job, "cohesion") == 0) {
      igraph_vector_int_t membership, csize, art, bridges, cores;
      igraph_integer_t no = 0;
      igraph_vector_int_init(&membership, 0);
      igraph_vector_int_init(&csize, 0);
      igraph_vector_int_init(&art, 0);
      igraph_vector_int_init(&bridges, 0);
      igraph_vector_int_init(&cores, 0);
      double total = 0, total_cpu = 0, w, c;
      w = now_wall();
      c = now_cpu();
      CHECK(igraph_connected_components(&g, &membership, &csize, &no, IGRAPH_WEAK));
      report_part("components", now_wall() - w, now_cpu() - c);
      total += now_wall() - w;
      total_cpu += now_cpu() - c;
      w = now_wall();
      c = now_cpu();
      CHECK(igraph_articulation_points(&g, &art));
      report_part("articulation", now_wall() - w, now_cpu() - c);
      total += now_wall() - w;
      total_cpu += now_cpu() - c;
      w = now_wall();
      c = now_cpu();
      CHECK(igraph_bridges(&g, &bridges));
      report_part("bridges", now_wall() - w, now_cpu() - c);
      total += now_wall() - w;
      total_cpu += now_cpu() - c;
      w = now_wall();
      c = now_cpu();
      CHECK(igraph_coreness(&g, &cores, IGRAPH_ALL));
      report_part("kcore", now_wall() - w, now_cpu() - c);
      total += now_wall() - w;
      total_cpu += now_cpu() - c;
      report_part("cohesion", total, total_cpu);
      if (out) {
        igraph_integer_t largest = 0, max_core = 0, core_sum = 0;
        for (igraph_integer_t k = 0; k < igraph_vector_int_size(&csize); ++k)
          if (VECTOR(csize)[k] > largest) largest = VECTOR(csize)[k];
        for (igraph_integer_t k = 0; k < igraph_vector_int_size(&cores); ++k) {
          if (VECTOR(cores)[k] > max_core) max_core = VECTOR(cores)[k];
          core_sum += VECTOR(cores)[k];
        }
        char p[4096];
        snprintf(p, sizeof p, "%s/cohesion.json", out);
        FILE* f = fopen(p, "w");
        if (!f) return 1;
        fprintf(f,
                "{\"components\":%" IGRAPH_PRId ",\"largest_component\":%" IGRAPH_PRId
                ",\"articulation_points\":%" IGRAPH_PRId ",\"bridges\":%" IGRAPH_PRId
                ",\"max_coreness\":%" IGRAPH_PRId ",\"coreness_sum\":%" IGRAPH_PRId "}\n",
                no, largest, igraph_vector_int_size(&art), igraph_vector_int_size(&bridges),
                max_core, core_sum);
        fclose(f);
        write_int_vector(out, "coreness", &cores);
      }
      igraph_vector_int_destroy(&membership);
      igraph_vector_int_destroy(&csize);
      igraph_vector_int_destroy(&art);
      igraph_vector_int_destroy(&bridges);
      igraph_vector_int_destroy(&cores);
    } else {
      printf("{\"job\":\"%s\",\"error\":\"unknown job\"}\n", job);
      fflush(stdout);
    }
  }
  igraph_destroy(&g);
  return 0;
}
