// Per-thread kernel state. Every OS thread that calls hwmx is a kernel thread to it: it starts at
// PASSIVE_LEVEL, with no APC disabled, at priority 8. The state is kept exactly as the kernel
// keeps it (IRQL, KernelApcDisable and SpecialApcDisable counts, base and current priority),
// plus what hwmx needs: the hardware context bound to the thread (lazily, at its first engine
// operation) and the set of mutexes it holds. At thread exit the context is returned; a thread
// that still holds mutexes is reported (THREAD_TERMINATE_HELD_MUTEX) and its mutexes abandoned.
#pragma once

#include <atomic>
#include <mutex>
#include <vector>

#include "device.h"
#include "hwmx/wdm.h"
#include "object.h"

namespace hwmx::host {

class KThread {
 public:
  static constexpr KPRIORITY kDefaultPriority = 8;

  /// The calling thread's state (created at its first call).
  static KThread& current() {
    thread_local KThread self;
    return self;
  }
  /// KeQueryPriorityThread / KeSetPriorityThread on any live thread. Return false when `h` is not
  /// a live thread's handle. The thread cannot exit while these run.
  static bool query_priority(PKTHREAD h, KPRIORITY& out);
  static bool set_priority(PKTHREAD h, KPRIORITY p, KPRIORITY& old);
  PKTHREAD handle() { return reinterpret_cast<PKTHREAD>(this); }

  KThread(const KThread&) = delete;
  KThread& operator=(const KThread&) = delete;

  // ---- Kernel state: touched by the thread itself only. ----
  KIRQL irql = PASSIVE_LEVEL;
  SHORT kernel_apc_disable = 0;   // KeEnterCriticalRegion: -1 per level (Windows' sign)
  SHORT special_apc_disable = 0;  // KeEnterGuardedRegion: -1 per level
  /// KeReleaseMutex(Wait=TRUE) was called: the next wait restores `wait_irql` first.
  bool wait_next = false;
  KIRQL wait_irql = PASSIVE_LEVEL;

  bool apcs_disabled() const { return kernel_apc_disable != 0 || special_apc_disable != 0; }

  // ---- Priority: other threads may read and set it. ----
  KPRIORITY priority() const { return current_priority_.load(std::memory_order_relaxed); }
  /// KeSetPriorityThread: sets the base priority; returns the previous current priority.
  KPRIORITY set_priority(KPRIORITY p);
  /// D3: a KMUTEX handed to this thread after a wait; it runs at `p` while it holds KMUTEXes.
  void boost(KPRIORITY p);
  /// D3: the held KMUTEX set became empty.
  void end_boost();

  // ---- Engine binding. ----
  /// The context bound to this thread, binding one now if needed. -1 after reporting a fault
  /// (no device, or every context of the engine bound to another live thread).
  int bind(const char* routine, Device* dev);
  int ctx() const { return ctx_; }

  // ---- Held mutexes (objects whose engine slot this thread owns). ----
  void add_held(void* obj, Kind kind);
  /// Returns whether `obj` was in the set.
  bool remove_held(void* obj);
  bool holds(const void* obj) const;
  unsigned held_kmutexes() const { return held_kmutexes_; }

 private:
  KThread();
  ~KThread();
  void write_priority_locked();  // prio_mu_ held
  void exit_thread();

  struct Held {
    void* obj;
    Kind kind;
  };

  mutable std::mutex prio_mu_;  // base/boost/current and their CTX.PRIORITY write
  KPRIORITY base_priority_ = kDefaultPriority;
  KPRIORITY boost_priority_ = 0;  // 0: not boosted
  std::atomic<KPRIORITY> current_priority_{kDefaultPriority};

  Device* dev_ = nullptr;
  int ctx_ = -1;
  std::vector<Held> held_;
  unsigned held_kmutexes_ = 0;
};

}  // namespace hwmx::host
