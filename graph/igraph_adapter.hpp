// The one place that wraps the igraph C library. Included by .cpp files only: no public
// header outside graph/ mentions igraph types.
//
// Every igraph call goes through check(): igraph's default handler aborts the process, so
// install_igraph_error_handler() (called by cli/main.cpp at start-up, and by every test main)
// replaces it with one that frees igraph's temporaries and lets check() throw IgraphError
// with igraph's own message.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include <igraph/igraph.h>

#include "graph/view.hpp"

namespace actornet::graph::ig {

/// igraph reported an error; what() holds igraph_strerror and the reason igraph gave.
class IgraphError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Makes igraph report errors to check() instead of aborting, and collect warnings
/// (take_warnings()) instead of printing them. Idempotent.
void install_igraph_error_handler();

/// Throws IgraphError when `rc` is not IGRAPH_SUCCESS.
void check(igraph_error_t rc);

/// The warnings igraph issued on this thread since the last call (e.g. non-convergence).
std::vector<std::string> take_warnings();

/// While alive, igraph's default random generator is a PCG32 seeded with `seed`; the previous
/// default comes back on destruction. igraph draws from it for randomised algorithms and
/// for ARPACK's start vectors, which it would otherwise seed from the clock.
class SeededRng {
 public:
  explicit SeededRng(unsigned long seed);
  ~SeededRng();
  SeededRng(const SeededRng&) = delete;
  SeededRng& operator=(const SeededRng&) = delete;

 private:
  igraph_rng_t rng_;
  igraph_rng_t* previous_;
};

/// Move-only owner of an igraph_vector_t.
class Vector {
 public:
  explicit Vector(igraph_integer_t size = 0);
  explicit Vector(const std::vector<double>& values);
  ~Vector();
  Vector(Vector&& other) noexcept;
  Vector& operator=(Vector&& other) noexcept;
  Vector(const Vector&) = delete;
  Vector& operator=(const Vector&) = delete;

  igraph_vector_t* get() { return &v_; }
  const igraph_vector_t* get() const { return &v_; }
  std::vector<double> to_std() const;

 private:
  igraph_vector_t v_;
  bool owned_ = false;
};

/// Move-only owner of an igraph_vector_int_t.
class IntVector {
 public:
  explicit IntVector(igraph_integer_t size = 0);
  ~IntVector();
  IntVector(IntVector&& other) noexcept;
  IntVector& operator=(IntVector&& other) noexcept;
  IntVector(const IntVector&) = delete;
  IntVector& operator=(const IntVector&) = delete;

  igraph_vector_int_t* get() { return &v_; }
  const igraph_vector_int_t* get() const { return &v_; }
  std::vector<double> to_std() const;

 private:
  igraph_vector_int_t v_;
  bool owned_ = false;
};

/// Move-only owner of an igraph_t built from a View: igraph vertex i is view vertex i and
/// igraph edge j is view edge j (parallel edges and self-loops as the view has them).
class Graph {
 public:
  explicit Graph(const View& view);
  ~Graph();
  Graph(Graph&& other) noexcept;
  Graph& operator=(Graph&& other) noexcept;
  Graph(const Graph&) = delete;
  Graph& operator=(const Graph&) = delete;

  igraph_t* get() { return &g_; }
  const igraph_t* get() const { return &g_; }

 private:
  igraph_t g_;
  bool owned_ = false;
};

}  // namespace actornet::graph::ig
