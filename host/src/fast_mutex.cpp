// FAST_MUTEX: exclusive FIFO engine slots. The safe routines raise to APC_LEVEL and save the
// previous IRQL in the mutex (fact 24) and put it back on release (fact 25); the Unsafe ones
// change no IRQL and need APC_LEVEL or a critical/guarded region (fact 27).
#include "exclusive.h"
#include "fault.h"

using namespace hwmx::host;

namespace {

constexpr Kind kKind = Kind::FastMutex;

bool acquire_unsafe(KThread& t, const char* routine, PFAST_MUTEX m) {
  ObjectRef ref;
  if (!check_object(routine, m, kKind, ref)) return false;
  if (!require_unsafe_context(t, routine, m)) return false;
  return acquire_exclusive(t, routine, m, ref, fields_of(m), kAcquiredUnsafe, false) ==
         ExclusiveResult::Granted;
}

bool release_unsafe(KThread& t, const char* routine, PFAST_MUTEX m) {
  ObjectRef ref;
  if (!check_object(routine, m, kKind, ref)) return false;
  if (!require_unsafe_context(t, routine, m)) return false;
  return release_exclusive(t, routine, m, ref, fields_of(m), kAcquiredUnsafe,
                           IRQL_NOT_LESS_OR_EQUAL);
}

}  // namespace

extern "C" {

VOID ExInitializeFastMutex(PFAST_MUTEX FastMutex) {
  // Fact 23: Count 1, Owner NULL, Contention 0; OldIrql is not written.
  if (!initialize_object("ExInitializeFastMutex", FastMutex, kKind)) return;
  FastMutex->Count = 1;
  FastMutex->Contention = 0;
  FastMutex->Owner = nullptr;
  FastMutex->Flags = 0;
}

VOID ExAcquireFastMutex(PFAST_MUTEX FastMutex) {
  constexpr const char* kName = "ExAcquireFastMutex";
  KThread& t = KThread::current();
  ObjectRef ref;
  if (!check_object(kName, FastMutex, kKind, ref)) return;
  if (!require_irql_at_most_apc(t, kName, FastMutex)) return;
  if (acquire_exclusive(t, kName, FastMutex, ref, fields_of(FastMutex), kAcquiredSafe, false) !=
      ExclusiveResult::Granted) {
    return;
  }
  FastMutex->OldIrql = t.irql;
  t.irql = APC_LEVEL;
}

BOOLEAN ExTryToAcquireFastMutex(PFAST_MUTEX FastMutex) {
  constexpr const char* kName = "ExTryToAcquireFastMutex";
  KThread& t = KThread::current();
  ObjectRef ref;
  if (!check_object(kName, FastMutex, kKind, ref)) return FALSE;
  if (!require_irql_at_most_apc(t, kName, FastMutex)) return FALSE;
  // Fact 26: FALSE when held by anyone, the caller included; the IRQL is then unchanged.
  if (acquire_exclusive(t, kName, FastMutex, ref, fields_of(FastMutex), kAcquiredSafe, true) !=
      ExclusiveResult::Granted) {
    return FALSE;
  }
  FastMutex->OldIrql = t.irql;
  t.irql = APC_LEVEL;
  return TRUE;
}

VOID ExReleaseFastMutex(PFAST_MUTEX FastMutex) {
  constexpr const char* kName = "ExReleaseFastMutex";
  KThread& t = KThread::current();
  ObjectRef ref;
  if (!check_object(kName, FastMutex, kKind, ref)) return;
  if (t.irql != APC_LEVEL) {
    fault::bugcheck(IRQL_NOT_LESS_OR_EQUAL,
                    fault::Params{reinterpret_cast<ULONG_PTR>(FastMutex), t.irql, 0, 0},
                    "%s(%p) called at IRQL %u: it must be called at APC_LEVEL (where "
                    "ExAcquireFastMutex left the thread)",
                    kName, static_cast<void*>(FastMutex), t.irql);
    return;
  }
  const KIRQL old = static_cast<KIRQL>(FastMutex->OldIrql);
  if (!release_exclusive(t, kName, FastMutex, ref, fields_of(FastMutex), kAcquiredSafe,
                         IRQL_NOT_LESS_OR_EQUAL)) {
    return;
  }
  t.irql = old;
}

VOID ExAcquireFastMutexUnsafe(PFAST_MUTEX FastMutex) {
  acquire_unsafe(KThread::current(), "ExAcquireFastMutexUnsafe", FastMutex);
}

VOID ExReleaseFastMutexUnsafe(PFAST_MUTEX FastMutex) {
  release_unsafe(KThread::current(), "ExReleaseFastMutexUnsafe", FastMutex);
}

// Fact 28: KeEnterCriticalRegion + the Unsafe acquire, and the reverse.
VOID ExEnterCriticalRegionAndAcquireFastMutexUnsafe(PFAST_MUTEX FastMutex) {
  KThread& t = KThread::current();
  // The region is entered first (it is what makes the Unsafe acquire legal) and left again if
  // the acquire faults, also when the fault handler throws.
  struct RegionGuard {
    KThread& t;
    bool keep = false;
    ~RegionGuard() {
      if (!keep) t.kernel_apc_disable++;
    }
  } region{t};
  t.kernel_apc_disable--;
  region.keep = acquire_unsafe(t, "ExEnterCriticalRegionAndAcquireFastMutexUnsafe", FastMutex);
}

VOID ExReleaseFastMutexUnsafeAndLeaveCriticalRegion(PFAST_MUTEX FastMutex) {
  KThread& t = KThread::current();
  if (release_unsafe(t, "ExReleaseFastMutexUnsafeAndLeaveCriticalRegion", FastMutex)) {
    t.kernel_apc_disable++;
  }
}

}  // extern "C"
