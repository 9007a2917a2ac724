// Running work on std::thread workers with a fixed assignment of items to threads, for the
// analyses that parallelise over sources, samples or vertices. Internal to analyses/.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <thread>
#include <vector>

namespace actornet::analyses::detail {

/// The workers to start: `asked`, or one per hardware thread when 0, and never more than
/// `blocks` (nor fewer than 1).
inline unsigned thread_count(unsigned asked, std::size_t blocks) {
  unsigned t = asked != 0 ? asked : std::thread::hardware_concurrency();
  if (t == 0) t = 1;
  if (blocks < t) t = static_cast<unsigned>(std::max<std::size_t>(blocks, 1));
  return t;
}

/// Runs work(thread, first, last) on `threads` workers, worker t taking the blocks t, t +
/// threads, t + 2 threads... of `block` items out of `items` (a fixed assignment, so every run
/// with the same thread count does the same sums in the same order). The first exception
/// thrown by a worker is rethrown here once all have stopped.
template <typename Work>
void run_blocks(std::size_t items, std::size_t block, unsigned threads, Work&& work) {
  const std::size_t blocks = (items + block - 1) / block;
  auto worker = [&](unsigned t) {
    for (std::size_t b = t; b < blocks; b += threads)
      work(t, b * block, std::min(items, (b + 1) * block));
  };
  if (threads <= 1) {
    worker(0);
    return;
  }
  std::vector<std::exception_ptr> errors(threads);
  std::vector<std::thread> pool;
  pool.reserve(threads - 1);
  auto guarded = [&](unsigned t) {
    try {
      worker(t);
    } catch (...) {
      errors[t] = std::current_exception();
    }
  };
  for (unsigned t = 1; t < threads; ++t)
    pool.emplace_back(guarded, t);
  guarded(0);
  for (auto& th : pool)
    th.join();
  for (auto& e : errors)
    if (e) std::rethrow_exception(e);
}

/// Splits `blocks` blocks of `block` vertices of a CSR (`offsets`: its n + 1 arc offsets) into
/// `threads` contiguous runs with about the same number of arcs plus vertices each: run t is
/// blocks [cut[t], cut[t + 1]) of the threads + 1 cuts returned. The same blocks and the same
/// order of work within them for every split, so results need not depend on it.
inline std::vector<std::size_t> balanced_runs(const std::vector<std::uint32_t>& offsets,
                                              std::size_t block, std::size_t blocks,
                                              unsigned threads) {
  const std::size_t n = offsets.size() - 1;
  const double total = static_cast<double>(offsets[n]) + static_cast<double>(n);
  std::vector<std::size_t> cut(threads + 1, blocks);
  cut[0] = 0;
  unsigned t = 1;
  for (std::size_t b = 0; b < blocks && t < threads; ++b) {
    const std::size_t end = std::min((b + 1) * block, n);
    const double done = static_cast<double>(offsets[end]) + static_cast<double>(end);
    while (t < threads && done >= total * t / threads)
      cut[t++] = b + 1;
  }
  return cut;
}

/// Runs work(t) for t = 0..threads-1, t = 0 on the calling thread, for iterative methods whose
/// workers meet at a std::barrier after every step (the barrier must expect `threads`). The
/// workers start only once all of them exist: a failure to create one leaves none of the others
/// waiting at the barrier for ever, and is rethrown. `work` must not throw.
template <typename Work>
void run_in_step(unsigned threads, Work&& work) {
  enum : int { kWait, kGo, kAbort };
  std::atomic<int> start{kWait};
  std::vector<std::jthread> pool;
  try {
    pool.reserve(threads - 1);
    for (unsigned t = 1; t < threads; ++t)
      pool.emplace_back([&start, &work, t] {
        start.wait(kWait);
        if (start.load() == kGo) work(t);
      });
  } catch (...) {
    start.store(kAbort);
    start.notify_all();
    throw;
  }
  start.store(kGo);
  start.notify_all();
  work(0u);
}

}  // namespace actornet::analyses::detail
