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
#include <utility>
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

/// Move-only owner of an igraph vector type (igraph_vector_t, igraph_vector_int_t), given
/// that type's init, destroy and size functions.
template <typename V, igraph_error_t (*Init)(V*, igraph_integer_t), void (*Destroy)(V*),
          igraph_integer_t (*Size)(const V*)>
class OwnedVector {
 public:
  explicit OwnedVector(igraph_integer_t size = 0) {
    check(Init(&v_, size));
    owned_ = true;
  }
  ~OwnedVector() {
    if (owned_) Destroy(&v_);
  }
  OwnedVector(OwnedVector&& other) noexcept
      : v_(other.v_), owned_(std::exchange(other.owned_, false)) {}
  OwnedVector& operator=(OwnedVector&& other) noexcept {
    if (this != &other) {
      if (owned_) Destroy(&v_);
      v_ = other.v_;
      owned_ = std::exchange(other.owned_, false);
    }
    return *this;
  }
  OwnedVector(const OwnedVector&) = delete;
  OwnedVector& operator=(const OwnedVector&) = delete;

  V* get() { return &v_; }
  const V* get() const { return &v_; }

  /// The elements as doubles.
  std::vector<double> to_std() const {
    std::vector<double> out(static_cast<std::size_t>(Size(&v_)));
    for (std::size_t i = 0; i < out.size(); ++i)
      out[i] = static_cast<double>(VECTOR(v_)[static_cast<igraph_integer_t>(i)]);
    return out;
  }

 private:
  V v_;
  bool owned_ = false;
};

using Vector =
    OwnedVector<igraph_vector_t, igraph_vector_init, igraph_vector_destroy, igraph_vector_size>;
using IntVector = OwnedVector<igraph_vector_int_t, igraph_vector_int_init,
                              igraph_vector_int_destroy, igraph_vector_int_size>;

/// A Vector holding `values`.
Vector to_igraph(const std::vector<double>& values);

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
