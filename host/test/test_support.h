// Shared helpers of the host tests: fault handlers that throw or record, RAII mutex objects that
// give their slot back, and running a test body on a fresh thread (fresh kernel state: PASSIVE,
// no APC disabled, priority 8; the thread's exit processing runs when it ends).
#pragma once

#include <gtest/gtest.h>

#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "hwmx/wdm.h"

namespace hwmx_test {

struct Fault {
  ULONG kind = 0;
  ULONG code = 0;
  ULONG_PTR p1 = 0, p2 = 0, p3 = 0, p4 = 0;
  std::string message;  // HwmxGetLastFaultMessage() at the time of the fault
};

/// What the throwing handler throws.
struct FaultException : std::exception {
  Fault fault;
  explicit FaultException(Fault f) : fault(std::move(f)) {}
  const char* what() const noexcept override { return fault.message.c_str(); }
};

inline Fault make_fault(ULONG kind, ULONG code, ULONG_PTR p1, ULONG_PTR p2, ULONG_PTR p3,
                        ULONG_PTR p4) {
  return Fault{kind, code, p1, p2, p3, p4, HwmxGetLastFaultMessage()};
}

inline VOID throwing_handler(ULONG kind, ULONG code, ULONG_PTR p1, ULONG_PTR p2, ULONG_PTR p3,
                             ULONG_PTR p4) {
  throw FaultException(make_fault(kind, code, p1, p2, p3, p4));
}

/// Faults recorded by the returning handler (process-wide).
struct FaultLog {
  std::mutex mu;
  std::vector<Fault> faults;
  static FaultLog& get() {
    static FaultLog log;
    return log;
  }
  std::vector<Fault> take() {
    std::lock_guard lock(mu);
    return std::exchange(faults, {});
  }
};

inline VOID recording_handler(ULONG kind, ULONG code, ULONG_PTR p1, ULONG_PTR p2, ULONG_PTR p3,
                              ULONG_PTR p4) {
  FaultLog& log = FaultLog::get();
  std::lock_guard lock(log.mu);
  log.faults.push_back(make_fault(kind, code, p1, p2, p3, p4));
}

/// Installs a handler for a scope and puts the previous one back.
class ScopedHandler {
 public:
  explicit ScopedHandler(HWMX_FAULT_HANDLER h) : prev_(HwmxSetFaultHandler(h)) {
    FaultLog::get().take();
  }
  ~ScopedHandler() { HwmxSetFaultHandler(prev_); }
  ScopedHandler(const ScopedHandler&) = delete;
  ScopedHandler& operator=(const ScopedHandler&) = delete;

 private:
  HWMX_FAULT_HANDLER prev_;
};

/// Runs `f` with the throwing handler installed (the test binary's default) and returns the
/// fault it raised, if any.
template <class F>
std::optional<Fault> fault_of(F&& f) {
  try {
    f();
  } catch (const FaultException& e) {
    return e.fault;
  }
  return std::nullopt;
}

/// Runs `f` on a new thread and waits for it; rethrows what it threw.
inline void in_thread(const std::function<void()>& f) {
  std::exception_ptr error;
  std::thread t([&] {
    try {
      f();
    } catch (...) {
      error = std::current_exception();
    }
  });
  t.join();
  if (error) std::rethrow_exception(error);
}

/// Mutex objects that are initialized on construction and give their engine slot back on
/// destruction (the engine has 256 slots; the WDK has no destroy routine).
struct KMutexObj {
  KMUTEX m;
  KMutexObj() { KeInitializeMutex(&m, 0); }
  ~KMutexObj() { release_slot(&m); }
  static void release_slot(void* p) {
    try {
      HwmxFreeMutex(p);
    } catch (const FaultException&) {
      ADD_FAILURE() << "mutex still owned at the end of the test";
    }
  }
};
struct FastMutexObj {
  FAST_MUTEX m;
  FastMutexObj() { ExInitializeFastMutex(&m); }
  ~FastMutexObj() { KMutexObj::release_slot(&m); }
};
struct GuardedMutexObj {
  KGUARDED_MUTEX m;
  GuardedMutexObj() { KeInitializeGuardedMutex(&m); }
  ~GuardedMutexObj() { KMutexObj::release_slot(&m); }
};

inline HWMX_MUTEX_INFO query(PVOID obj) {
  HWMX_MUTEX_INFO info{};
  EXPECT_EQ(HwmxQueryMutex(obj, &info), STATUS_SUCCESS);
  return info;
}

/// Relative timeout in milliseconds, as a LARGE_INTEGER (negative 100 ns units).
inline LARGE_INTEGER relative_ms(LONGLONG ms) {
  LARGE_INTEGER li;
  li.QuadPart = -ms * 10'000;
  return li;
}
inline LARGE_INTEGER zero_timeout() {
  LARGE_INTEGER li;
  li.QuadPart = 0;
  return li;
}

/// Waits (polling the engine's queue length, a test-only convenience) until `obj` has `n`
/// waiters, so that tests can build queues in a known order.
inline bool wait_for_waiters(PVOID obj, ULONG n, int timeout_ms = 5000) {
  for (int i = 0; i < timeout_ms; ++i) {
    HWMX_MUTEX_INFO info{};
    if (HwmxQueryMutex(obj, &info) == STATUS_SUCCESS && info.Waiters == n) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return false;
}

}  // namespace hwmx_test

#define EXPECT_BUGCHECK(stmt, bugcheck_code)                                       \
  do {                                                                             \
    auto hwmx_f = ::hwmx_test::fault_of([&] { stmt; });                            \
    ASSERT_TRUE(hwmx_f.has_value()) << #stmt " did not fault";                     \
    EXPECT_EQ(hwmx_f->kind, HWMX_FAULT_BUGCHECK) << hwmx_f->message;               \
    EXPECT_EQ(hwmx_f->code, static_cast<ULONG>(bugcheck_code)) << hwmx_f->message; \
  } while (0)

#define EXPECT_RAISE(stmt, status)                                          \
  do {                                                                      \
    auto hwmx_f = ::hwmx_test::fault_of([&] { stmt; });                     \
    ASSERT_TRUE(hwmx_f.has_value()) << #stmt " did not fault";              \
    EXPECT_EQ(hwmx_f->kind, HWMX_FAULT_RAISE) << hwmx_f->message;           \
    EXPECT_EQ(hwmx_f->code, static_cast<ULONG>(status)) << hwmx_f->message; \
  } while (0)
