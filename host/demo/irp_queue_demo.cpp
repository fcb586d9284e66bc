// hwmx-demo: the scenario of the Windows documentation's "Introduction to Mutex Objects".
// A dispatch routine queues IRPs into a queue protected by a KMUTEX; worker threads of different
// priorities dequeue them. Written as WDK driver code against <hwmx/wdm.h>, running on the
// hwmx engine's RTL simulated in-process: every acquire, wait, handoff and priority boost below
// happened in the simulated hardware, stamped with its clock cycle.
#include <hwmx/wdm.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <chrono>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace {

struct Irp {
  unsigned id;
};

// --- the "driver" --------------------------------------------------------------------------
KMUTEX QueueLock;          // protects IrpQueue
std::deque<Irp> IrpQueue;  // only touched while QueueLock is held
std::atomic<bool> Verbose{true};
std::atomic<bool> Stop{false};
std::mutex LogLock;  // keeps log lines whole (the demo's own stdout, not driver state)

unsigned long long Cycle() {
  HWMX_STATISTICS s;
  HwmxQueryStatistics(&s);
  return s.SimCycles;
}

void VLogLocked(const char* who, const char* fmt, va_list ap) {
  std::printf("[cycle %7llu] %-10s ", Cycle(), who);
  std::vprintf(fmt, ap);
  std::printf("\n");
}

void Log(const char* who, const char* fmt, ...) {
  if (!Verbose) return;
  std::lock_guard<std::mutex> g(LogLock);
  va_list ap;
  va_start(ap, fmt);
  VLogLocked(who, fmt, ap);
  va_end(ap);
}

void LogLocked(const char* who, const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  VLogLocked(who, fmt, ap);
  va_end(ap);
}

// Waits for QueueLock the way a driver would; the zero-timeout probe first only lets the log
// say whether the thread had to queue.
void AcquireQueueLock(const char* who) {
  if (!Verbose) {
    KeWaitForSingleObject(&QueueLock, Executive, KernelMode, FALSE, nullptr);
    return;
  }
  LARGE_INTEGER zero;
  zero.QuadPart = 0;
  KPRIORITY before = KeQueryPriorityThread(KeGetCurrentThread());
  if (KeWaitForSingleObject(&QueueLock, Executive, KernelMode, FALSE, &zero) == STATUS_SUCCESS) {
    Log(who, "acquires QueueLock at once (free)");
    return;
  }
  Log(who, "waits for QueueLock (queued in the engine, sleeping until its grant interrupt)");
  NTSTATUS status = KeWaitForSingleObject(&QueueLock, Executive, KernelMode, FALSE, nullptr);
  KPRIORITY now = KeQueryPriorityThread(KeGetCurrentThread());
  if (now != before) {
    Log(who, "gets QueueLock by handoff (status 0x%lx), priority boosted %ld -> %ld",
        static_cast<unsigned long>(status), static_cast<long>(before), static_cast<long>(now));
  } else {
    Log(who, "gets QueueLock by handoff (status 0x%lx), priority stays %ld",
        static_cast<unsigned long>(status), static_cast<long>(now));
  }
}

void ReleaseQueueLock(const char* who) {
  if (!Verbose) {
    KeReleaseMutex(&QueueLock, FALSE);
    return;
  }
  // The log lock is held across the release so that this line comes before the new owner's.
  std::lock_guard<std::mutex> g(LogLock);
  KPRIORITY before = KeQueryPriorityThread(KeGetCurrentThread());
  LONG previous = KeReleaseMutex(&QueueLock, FALSE);
  KPRIORITY after = KeQueryPriorityThread(KeGetCurrentThread());
  if (after != before) {
    LogLocked(who, "releases QueueLock (KeReleaseMutex returned %ld), priority restored %ld -> %ld",
              static_cast<long>(previous), static_cast<long>(before), static_cast<long>(after));
  } else {
    LogLocked(who, "releases QueueLock (KeReleaseMutex returned %ld)", static_cast<long>(previous));
  }
}

// The dispatch routine: queues an IRP for the workers.
void DispatchIrp(const char* who, unsigned id) {
  AcquireQueueLock(who);
  IrpQueue.push_back(Irp{id});
  Log(who, "queues IRP %u (queue depth %zu)", id, IrpQueue.size());
  ReleaseQueueLock(who);
}

struct Worker {
  std::string name;
  KPRIORITY priority;
  unsigned done = 0;
};

void WorkerThread(Worker* w, std::atomic<unsigned>* processed, unsigned total) {
  KeSetPriorityThread(KeGetCurrentThread(), w->priority);
  while (processed->load() < total) {
    AcquireQueueLock(w->name.c_str());
    bool got = false;
    Irp irp{};
    if (!IrpQueue.empty()) {
      irp = IrpQueue.front();
      IrpQueue.pop_front();
      got = true;
    }
    if (got) Log(w->name.c_str(), "dequeues IRP %u", irp.id);
    ReleaseQueueLock(w->name.c_str());
    if (got) {
      ++w->done;
      processed->fetch_add(1);
    } else {
      std::this_thread::yield();
    }
  }
}

// Waits until `n` threads are queued on QueueLock, so the narrated part runs in a fixed order.
void WaitForWaiters(ULONG n) {
  HWMX_MUTEX_INFO info;
  do {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
    HwmxQueryMutex(&QueueLock, &info);
  } while (info.Waiters < n);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"hwmx demo: IRPs through a KMUTEX-protected queue on the simulated hwmx engine"};
  std::string trace;
  unsigned irps = 20000;
  app.add_option("--trace", trace, "write a VCD waveform of the simulated engine to FILE");
  app.add_option("--irps", irps, "IRPs in the bulk phase")->check(CLI::Range(1u, 10000000u));
  CLI11_PARSE(app, argc, argv);
  if (!trace.empty()) setenv("HWMX_TRACE", trace.c_str(), 1);

  if (NTSTATUS st = HwmxOpenDevice("sim"); !NT_SUCCESS(st)) {
    std::fprintf(stderr, "hwmx-demo: cannot open the simulated engine (status 0x%08lx)\n",
                 static_cast<unsigned long>(st));
    return 1;
  }
  std::printf("hwmx demo: a dispatch routine queues IRPs under a KMUTEX; workers of priority 4,\n"
              "10 and 18 dequeue them. Engine: hwmx RTL (Verilator), in-process.%s\n\n",
              trace.empty() ? "" : (" Waveform: " + trace).c_str());

  KeInitializeMutex(&QueueLock, 0);
  KeSetPriorityThread(KeGetCurrentThread(), 8);
  const char* me = "dispatch";

  // Narrated phase: dispatch holds the lock while three workers arrive and queue up (FIFO).
  std::vector<Worker> workers = {{"worker-4", 4}, {"worker-10", 10}, {"worker-18", 18}};
  std::atomic<unsigned> processed{0};
  const unsigned narrated = 3;
  AcquireQueueLock(me);
  std::vector<std::thread> threads;
  for (unsigned i = 0; i < workers.size(); ++i) {
    threads.emplace_back(WorkerThread, &workers[i], &processed, narrated);
    WaitForWaiters(i + 1);
  }
  for (unsigned id = 1; id <= narrated; ++id) {
    IrpQueue.push_back(Irp{id});
    Log(me, "queues IRP %u (queue depth %zu)", id, IrpQueue.size());
  }
  ReleaseQueueLock(me);
  for (auto& t : threads) t.join();
  threads.clear();

  // Bulk phase, quiet: the same code under full contention, then the engine's figures.
  std::printf("\nbulk phase: %u IRPs, 1 dispatch thread + %zu workers, log off ...\n", irps,
              workers.size());
  Verbose = false;
  HWMX_STATISTICS before, after;
  HwmxQueryStatistics(&before);
  processed = 0;
  auto t0 = std::chrono::steady_clock::now();
  for (auto& w : workers) threads.emplace_back(WorkerThread, &w, &processed, irps);
  for (unsigned id = 1; id <= irps; ++id) DispatchIrp(me, 1000 + id);
  for (auto& t : threads) t.join();
  auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  HwmxQueryStatistics(&after);

  const double acquires = static_cast<double>(after.Acquires - before.Acquires);
  const double releases = acquires;  // every acquisition in the demo is released
  const double ops = acquires + releases;
  const double bus = static_cast<double>((after.BusReads - before.BusReads) +
                                         (after.BusWrites - before.BusWrites));
  std::printf("\n%-34s %14s\n", "summary (bulk phase)", "value");
  std::printf("%-34s %14.0f\n", "mutex acquisitions", acquires);
  std::printf("%-34s %14llu\n", "  of which waited (contended)",
              static_cast<unsigned long long>(after.ContendedAcquires - before.ContendedAcquires));
  std::printf("%-34s %14llu\n", "handoffs in hardware",
              static_cast<unsigned long long>(after.Handoffs - before.Handoffs));
  std::printf("%-34s %14u\n", "longest wait queue", after.MaxQueueDepth);
  std::printf("%-34s %14.2f\n", "bus transactions per operation", ops ? bus / ops : 0.0);
  std::printf("%-34s %14llu\n", "simulated cycles",
              static_cast<unsigned long long>(after.SimCycles - before.SimCycles));
  std::printf("%-34s %14.1f\n", "simulated cycles per operation",
              ops ? static_cast<double>(after.SimCycles - before.SimCycles) / ops : 0.0);
  std::printf("%-34s %14.0f\n", "operations per second (host)", ops / seconds);
  for (auto& w : workers)
    std::printf("%-34s %14u\n", ("IRPs done by " + w.name).c_str(), w.done);
  std::printf("%-34s %14llu\n", "engine errors", static_cast<unsigned long long>(after.Errors - before.Errors));
  return after.Errors == before.Errors ? 0 : 1;
}
