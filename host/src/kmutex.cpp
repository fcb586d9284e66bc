// KMUTEX: KeInitializeMutex, KeReadStateMutex, KeReleaseMutex and KeWaitForSingleObject (a
// KMUTEX is the only dispatcher object hwmx has). Recursive FIFO engine slots; the first
// acquisition enters a critical region (the mutex's ApcDisable is 1) and a waited-for grant
// boosts the thread to LOW_REALTIME_PRIORITY (D3).
#include "acquire.h"
#include "fault.h"
#include "object.h"
#include "thread_state.h"

namespace hwmx::host {
namespace {

ULONG_PTR ptr(const void* p) { return reinterpret_cast<ULONG_PTR>(p); }

LONG state_of(const SlotInfo& i) { return i.owned ? -static_cast<LONG>(i.count) : 1; }

LONG read_state(const ObjectRef& ref) { return state_of(ref.device->engine().inspect(ref.slot)); }

// KeReleaseMutex(Wait=TRUE) left the thread at DISPATCH_LEVEL "without lowering IRQL"; the next
// wait puts back the IRQL KeReleaseMutex started at, before anything else.
void resume_wait_next(KThread& t) {
  if (t.wait_next) {
    t.wait_next = false;
    t.irql = t.wait_irql;
  }
}

NTSTATUS wait_for_kmutex(KThread& t, PRKMUTEX m, const ObjectRef& ref, KPROCESSOR_MODE mode,
                         const LARGE_INTEGER* timeout) {
  if (mode != KernelMode) {
    // D7 / fact 16: a mutex may only be waited for in KernelMode.
    fault::raise(STATUS_INVALID_PARAMETER, fault::Params{ptr(m), static_cast<ULONG_PTR>(mode)},
                 "KeWaitForSingleObject(%p): WaitMode must be KernelMode when the object is a "
                 "mutex (got %d)",
                 static_cast<void*>(m), mode);
    return STATUS_INVALID_PARAMETER;
  }
  bool zero = false;
  const Deadline deadline = deadline_from_timeout(timeout, zero);
  // Fact 21: always <= DISPATCH_LEVEL; a wait that may block (NULL or non-zero timeout) only at
  // <= APC_LEVEL.
  if (t.irql > DISPATCH_LEVEL || (t.irql > APC_LEVEL && !zero)) {
    fault::bugcheck(IRQL_NOT_LESS_OR_EQUAL, fault::Params{ptr(m), t.irql, 0, 0},
                    "KeWaitForSingleObject(%p) at IRQL %u with %s timeout: a wait that can "
                    "block needs IRQL <= APC_LEVEL, and a zero-timeout wait IRQL <= "
                    "DISPATCH_LEVEL",
                    static_cast<void*>(m), t.irql, timeout ? "a non-zero" : "no");
    return STATUS_INVALID_PARAMETER;
  }
  const int ctx = t.bind("KeWaitForSingleObject", ref.device);
  if (ctx < 0) return STATUS_INSUFFICIENT_RESOURCES;
  // Fact 18: the object is checked before the timeout, so a zero or already expired timeout
  // still takes a free (or self-owned) mutex: a TRY, which never queues.
  const bool try_only = zero || deadline.expired();
  const Acquisition a =
      acquire_slot(ref.device->engine(), static_cast<unsigned>(ctx), ref.slot, try_only, deadline);
  switch (a.outcome) {
    case Acquisition::Outcome::Granted:
      if (a.first) {
        // Fact 10: the first acquisition disables normal kernel APCs (ApcDisable 1).
        t.kernel_apc_disable--;
        t.add_held(m, Kind::KMutex);
        m->AcquiredAtDispatch = t.irql >= DISPATCH_LEVEL;
        // D3: the engine reports the priority the new owner runs at (16 for a waiter below it).
        if (a.waited && a.result.priority > t.priority()) t.boost(a.result.priority);
      }
      return a.result.abandoned ? STATUS_ABANDONED : STATUS_SUCCESS;
    case Acquisition::Outcome::NotGranted:
      return STATUS_TIMEOUT;
    case Acquisition::Outcome::Refused:
      break;
  }
  if (a.result.rc == Rc::ErrRecursionLimit) {
    fault::raise(STATUS_MUTANT_LIMIT_EXCEEDED, fault::Params{ptr(m), EngineClient::kMaxHolds, 0, 0},
                 "KeWaitForSingleObject(%p): the owner already holds this KMUTEX %u times, the "
                 "deepest recursion the engine's 16-bit counter allows",
                 static_cast<void*>(m), EngineClient::kMaxHolds);
    return STATUS_MUTANT_LIMIT_EXCEEDED;
  }
  fault::raise(STATUS_INVALID_PARAMETER, fault::Params{ptr(m), a.result.raw, ref.slot, 0},
               "KeWaitForSingleObject(%p): the engine refused the acquisition of slot %u (%s)",
               static_cast<void*>(m), ref.slot, rc_name(a.result.rc));
  return STATUS_INVALID_PARAMETER;
}

}  // namespace
}  // namespace hwmx::host

using namespace hwmx::host;

extern "C" {

VOID KeInitializeMutex(PRKMUTEX Mutex, ULONG Level) {
  // Fact 2: signaled, no owner, empty wait list; Level is reserved and changes nothing.
  if (!initialize_object("KeInitializeMutex", Mutex, Kind::KMutex)) return;
  Mutex->Level = Level;
  Mutex->AcquiredAtDispatch = 0;
}

LONG KeReadStateMutex(PRKMUTEX Mutex) {
  KThread& t = KThread::current();
  ObjectRef ref;
  if (!check_object("KeReadStateMutex", Mutex, Kind::KMutex, ref)) return 0;
  if (t.irql > DISPATCH_LEVEL) {
    fault::bugcheck(IRQL_NOT_LESS_OR_EQUAL, fault::Params{ptr(Mutex), t.irql, 0, 0},
                    "KeReadStateMutex(%p) at IRQL %u: it requires IRQL <= DISPATCH_LEVEL",
                    static_cast<void*>(Mutex), t.irql);
  }
  return read_state(ref);
}

NTSTATUS KeWaitForSingleObject(PVOID Object, KWAIT_REASON WaitReason, KPROCESSOR_MODE WaitMode,
                               BOOLEAN Alertable, PLARGE_INTEGER Timeout) {
  (void)WaitReason;  // informational only
  (void)Alertable;   // D7: a KernelMode wait on a mutex is never cut short (no alerts, no APCs)
  KThread& t = KThread::current();
  resume_wait_next(t);
  ObjectRef ref;
  if (!check_any_object("KeWaitForSingleObject", Object, ref)) return STATUS_INVALID_PARAMETER;
  if (ref.kind != Kind::KMutex) {
    fault::raise(STATUS_INVALID_PARAMETER, fault::Params{ptr(Object), static_cast<ULONG>(ref.kind)},
                 "KeWaitForSingleObject(%p): a %s is not a dispatcher object; acquire it with "
                 "its own routines (%s)",
                 Object, kind_name(ref.kind),
                 ref.kind == Kind::FastMutex ? "ExAcquireFastMutex" : "KeAcquireGuardedMutex");
    return STATUS_INVALID_PARAMETER;
  }
  return wait_for_kmutex(t, static_cast<PRKMUTEX>(Object), ref, WaitMode, Timeout);
}

LONG KeReleaseMutex(PRKMUTEX Mutex, BOOLEAN Wait) {
  KThread& t = KThread::current();
  ObjectRef ref;
  if (!check_object("KeReleaseMutex", Mutex, Kind::KMutex, ref)) return 0;
  if (t.irql > DISPATCH_LEVEL) {
    fault::bugcheck(IRQL_NOT_LESS_OR_EQUAL, fault::Params{ptr(Mutex), t.irql, 0, 0},
                    "KeReleaseMutex(%p) at IRQL %u: it requires IRQL <= DISPATCH_LEVEL",
                    static_cast<void*>(Mutex), t.irql);
    return read_state(ref);
  }
  if (!t.holds(Mutex)) {
    // Fact 7: a release by a non-owner (or of a free mutex) raises and changes nothing;
    // STATUS_ABANDONED instead when the mutex is marked abandoned.
    const SlotInfo i = ref.device->engine().inspect(ref.slot);
    KThread* owner = i.owned ? ref.device->ctx_thread(i.owner) : nullptr;
    fault::raise(i.abandoned ? STATUS_ABANDONED : STATUS_MUTANT_NOT_OWNED,
                 fault::Params{ptr(Mutex), ptr(owner), ptr(&t), 0},
                 "KeReleaseMutex(%p): the calling thread %p does not own this KMUTEX (%s)",
                 static_cast<void*>(Mutex), static_cast<void*>(&t),
                 i.owned ? "another thread owns it" : "it is free");
    return state_of(i);
  }
  // [MS-rm]: acquired at DISPATCH_LEVEL and released below it, or the other way round, raises.
  // Between KeReleaseMutex(Wait=TRUE) and the next wait, the IRQL that counts is the caller's.
  const bool at_dispatch = (t.wait_next ? t.wait_irql : t.irql) >= DISPATCH_LEVEL;
  if (Mutex->AcquiredAtDispatch != at_dispatch) {
    fault::raise(STATUS_MUTANT_NOT_OWNED, fault::Params{ptr(Mutex), t.irql, 0, 0},
                 "KeReleaseMutex(%p) at IRQL %u, but the mutex was acquired %s DISPATCH_LEVEL: "
                 "acquire and release must both be at DISPATCH_LEVEL or both below it",
                 static_cast<void*>(Mutex), t.irql, Mutex->AcquiredAtDispatch ? "at" : "below");
    return read_state(ref);
  }
  const OpResult r = ref.device->engine().release(static_cast<unsigned>(t.ctx()), ref.slot);
  LONG previous;
  if (r.rc == Rc::Released && r.value > 0) {
    previous = -static_cast<LONG>(r.value);  // fact 6: the state before this release
  } else if (r.rc == Rc::Released || r.rc == Rc::Handoff) {
    previous = 0;
    // Fact 10: the release that makes the mutex signaled leaves the critical region; D3: the
    // boost ends with the last KMUTEX held.
    t.remove_held(Mutex);
    t.kernel_apc_disable++;
    if (t.held_kmutexes() == 0) t.end_boost();
  } else {
    fault::raise(
        r.rc == Rc::ErrNotOwner && r.abandoned ? STATUS_ABANDONED : STATUS_MUTANT_NOT_OWNED,
        fault::Params{ptr(Mutex), r.raw, 0, 0},
        "KeReleaseMutex(%p): the engine refused the release of slot %u (%s)",
        static_cast<void*>(Mutex), ref.slot, rc_name(r.rc));
    return read_state(ref);
  }
  if (Wait) {
    // Fact 14: return "without lowering IRQL" (hwmx: at DISPATCH_LEVEL, where the dispatcher
    // lock would be held); the next KeWait*/KeDelayExecutionThread restores the IRQL this call
    // started at.
    if (!t.wait_next) {
      t.wait_next = true;
      t.wait_irql = t.irql;
    }
    if (t.irql < DISPATCH_LEVEL) t.irql = DISPATCH_LEVEL;
  }
  return previous;
}

}  // extern "C"
