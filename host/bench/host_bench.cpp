// Throughput of the full stack (<hwmx/wdm.h> -> engine client -> sim bus -> Verilated RTL)
// against the raw transaction rate of the Verilated model, and an 8-thread contention run
// against std::mutex and a FIFO ticket lock in the same process. Label `bench`.
#include <benchmark/benchmark.h>
#include <hwmx/wdm.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>
#include <vector>

#include "hwmx/hwmx_regmap.h"
#include "hwmx/sim/rtl_device.h"

namespace {

// --- raw model rate: one ACQUIRE + one RELEASE read straight into the Verilated model ---------
void BM_RawModelAcquireRelease(benchmark::State& state) {
  auto dev = hwmx::sim::make_rtl_default();
  auto ctrl = [&](unsigned off, unsigned arg) {
    return dev->read(HWMX_CTRL_ACT_BASE + off + 4 * arg).data & HWMX_RESULT_VALUE_MASK;
  };
  const unsigned ctx = ctrl(HWMX_CTRL_ACT_ALLOC_CTX_OFFSET, 0);
  const unsigned slot = ctrl(HWMX_CTRL_ACT_ALLOC_SLOT_OFFSET, 1);
  const std::uint32_t act = HWMX_ACT_BASE + ctx * HWMX_ACT_STRIDE + 4 * slot;
  const std::uint64_t c0 = dev->cycles();
  for (auto _ : state) {
    benchmark::DoNotOptimize(dev->read(act + HWMX_ACT_ACQUIRE_OFFSET));
    benchmark::DoNotOptimize(dev->read(act + HWMX_ACT_RELEASE_OFFSET));
  }
  state.counters["pairs_per_s"] = benchmark::Counter(state.iterations(), benchmark::Counter::kIsRate);
  state.counters["transactions_per_s"] =
      benchmark::Counter(2.0 * state.iterations(), benchmark::Counter::kIsRate);
  state.counters["cycles_per_pair"] =
      static_cast<double>(dev->cycles() - c0) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_RawModelAcquireRelease);

struct BusDelta {
  HWMX_STATISTICS before{};
  BusDelta() { HwmxQueryStatistics(&before); }
  void report(benchmark::State& state) {
    HWMX_STATISTICS after;
    HwmxQueryStatistics(&after);
    const double pairs = static_cast<double>(state.iterations());
    state.counters["pairs_per_s"] = benchmark::Counter(pairs, benchmark::Counter::kIsRate);
    // Statistics reads themselves cost a few reads; negligible against millions of pairs.
    state.counters["bus_per_op"] =
        static_cast<double>((after.BusReads - before.BusReads) + (after.BusWrites - before.BusWrites)) /
        (2.0 * pairs);
    state.counters["cycles_per_pair"] = static_cast<double>(after.SimCycles - before.SimCycles) / pairs;
  }
};

void BM_KMutexAcquireRelease(benchmark::State& state) {
  static KMUTEX m;
  KeInitializeMutex(&m, 0);
  BusDelta d;
  for (auto _ : state) {
    KeWaitForSingleObject(&m, Executive, KernelMode, FALSE, nullptr);
    KeReleaseMutex(&m, FALSE);
  }
  d.report(state);
  HwmxFreeMutex(&m);
}
BENCHMARK(BM_KMutexAcquireRelease);

void BM_FastMutexAcquireRelease(benchmark::State& state) {
  static FAST_MUTEX m;
  ExInitializeFastMutex(&m);
  BusDelta d;
  for (auto _ : state) {
    ExAcquireFastMutex(&m);
    ExReleaseFastMutex(&m);
  }
  d.report(state);
  HwmxFreeMutex(&m);
}
BENCHMARK(BM_FastMutexAcquireRelease);

void BM_GuardedMutexAcquireRelease(benchmark::State& state) {
  static KGUARDED_MUTEX m;
  KeInitializeGuardedMutex(&m);
  BusDelta d;
  for (auto _ : state) {
    KeAcquireGuardedMutex(&m);
    KeReleaseGuardedMutex(&m);
  }
  d.report(state);
  HwmxFreeMutex(&m);
}
BENCHMARK(BM_GuardedMutexAcquireRelease);

// --- contention: 8 threads, each acquiring and releasing one shared lock ----------------------
struct TicketLock {  // strict FIFO on std::condition_variable: the fair baseline
  std::mutex m;
  std::condition_variable cv;
  std::uint64_t next = 0, serving = 0;
  void lock() {
    std::unique_lock<std::mutex> g(m);
    const std::uint64_t my = next++;
    cv.wait(g, [&] { return serving == my; });
  }
  void unlock() {
    {
      std::lock_guard<std::mutex> g(m);
      ++serving;
    }
    cv.notify_all();
  }
};

struct HwmxKMutexLock {
  KMUTEX m;
  HwmxKMutexLock() { KeInitializeMutex(&m, 0); }
  ~HwmxKMutexLock() { HwmxFreeMutex(&m); }
  void lock() { KeWaitForSingleObject(&m, Executive, KernelMode, FALSE, nullptr); }
  void unlock() { KeReleaseMutex(&m, FALSE); }
};

constexpr int kThreads = 8;

template <class Lock>
void BM_Contended(benchmark::State& state) {
  const int per_thread = static_cast<int>(state.range(0));
  for (auto _ : state) {
    Lock lock;
    std::vector<std::vector<double>> waits(kThreads);
    std::uint64_t counter = 0;  // non-atomic on purpose: the lock must protect it
    std::atomic<int> ready{0};
    auto body = [&](int t) {
      waits[t].reserve(per_thread);
      ready.fetch_add(1);
      while (ready.load() < kThreads) std::this_thread::yield();
      for (int i = 0; i < per_thread; ++i) {
        auto t0 = std::chrono::steady_clock::now();
        lock.lock();
        auto t1 = std::chrono::steady_clock::now();
        ++counter;
        lock.unlock();
        waits[t].push_back(std::chrono::duration<double, std::micro>(t1 - t0).count());
      }
    };
    auto start = std::chrono::steady_clock::now();
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) threads.emplace_back(body, t);
    for (auto& th : threads) th.join();
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    state.SetIterationTime(secs);
    if (counter != static_cast<std::uint64_t>(kThreads) * per_thread) {
      state.SkipWithError("mutual exclusion violated: lost increments");
      return;
    }
    std::vector<double> all;
    for (auto& w : waits) all.insert(all.end(), w.begin(), w.end());
    std::sort(all.begin(), all.end());
    state.counters["acquires_per_s"] = static_cast<double>(all.size()) / secs;
    state.counters["p50_wait_us"] = all[all.size() / 2];
    state.counters["p99_wait_us"] = all[all.size() * 99 / 100];
    state.counters["max_wait_us"] = all.back();
  }
}
BENCHMARK_TEMPLATE(BM_Contended, HwmxKMutexLock)->Arg(5000)->UseManualTime()->Iterations(1)->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_Contended, std::mutex)->Arg(5000)->UseManualTime()->Iterations(1)->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_Contended, TicketLock)->Arg(5000)->UseManualTime()->Iterations(1)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
