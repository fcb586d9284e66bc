#include "exclusive.h"

#include "acquire.h"
#include "fault.h"

namespace hwmx::host {
namespace {

ULONG_PTR ptr(const void* p) { return reinterpret_cast<ULONG_PTR>(p); }

const char* how_name(ULONG how) {
  return how == kAcquiredSafe     ? "the safe acquire routine"
         : how == kAcquiredUnsafe ? "the Unsafe acquire routine"
                                  : "?";
}

}  // namespace

bool require_irql_at_most_apc(KThread& t, const char* routine, const void* m) {
  if (t.irql <= APC_LEVEL) return true;
  fault::bugcheck(IRQL_NOT_LESS_OR_EQUAL, fault::Params{ptr(m), t.irql, 0, 0},
                  "%s(%p) called at IRQL %u: fast and guarded mutexes require IRQL <= APC_LEVEL",
                  routine, m, t.irql);
  return false;
}

bool require_unsafe_context(KThread& t, const char* routine, const void* m) {
  if (!require_irql_at_most_apc(t, routine, m)) return false;
  if (t.irql == APC_LEVEL || t.apcs_disabled()) return true;
  fault::bugcheck(IRQL_NOT_LESS_OR_EQUAL, fault::Params{ptr(m), t.irql, 0, 0},
                  "%s(%p) called at IRQL %u outside a critical or guarded region: the Unsafe "
                  "routines need APC_LEVEL or KeEnterCriticalRegion / KeEnterGuardedRegion first",
                  routine, m, t.irql);
  return false;
}

ExclusiveResult acquire_exclusive(KThread& t, const char* routine, void* m, const ObjectRef& ref,
                                  const ExclusiveFields& f, AcquiredBy how, bool try_only) {
  const int ctx = t.bind(routine, ref.device);
  if (ctx < 0) return ExclusiveResult::Faulted;
  const Acquisition a = acquire_slot(ref.device->engine(), static_cast<unsigned>(ctx), ref.slot,
                                     try_only, Deadline::never());
  switch (a.outcome) {
    case Acquisition::Outcome::Granted:
      *f.count = 0;
      *f.flags = how;
      if (a.waited) ++*f.contention;
      store_owner(f, t.handle());
      t.add_held(m, ref.kind);
      return ExclusiveResult::Granted;
    case Acquisition::Outcome::NotGranted:
      return ExclusiveResult::NotGranted;
    case Acquisition::Outcome::Refused:
      break;
  }
  if (a.result.rc == Rc::ErrAlreadyOwned) {
    // D5: Windows would hang here forever; the engine knows the owner and refuses.
    fault::bugcheck(MUTEX_ALREADY_OWNED, fault::Params{ptr(m), ptr(&t), 0, 0},
                    "%s(%p): the calling thread already owns this %s; fast and guarded mutexes "
                    "are not recursive (this would deadlock)",
                    routine, m, kind_name(ref.kind));
  } else {
    fault::raise(STATUS_INVALID_PARAMETER, fault::Params{ptr(m), a.result.raw, ref.slot, 0},
                 "%s(%p): the engine refused the acquisition of slot %u (%s)", routine, m, ref.slot,
                 rc_name(a.result.rc));
  }
  return ExclusiveResult::Faulted;
}

bool release_exclusive(KThread& t, const char* routine, void* m, const ObjectRef& ref,
                       const ExclusiveFields& f, AcquiredBy how, ULONG mismatch_code) {
  const PKTHREAD owner = load_owner(f);
  if (owner != t.handle() || !t.holds(m)) {
    // D4: Windows releases it anyway (free builds); the engine knows the owner, hwmx refuses.
    fault::raise(STATUS_MUTANT_NOT_OWNED, fault::Params{ptr(m), ptr(owner), ptr(&t), 0},
                 "%s(%p): the calling thread %p does not own this %s (%s)", routine, m,
                 static_cast<void*>(&t), kind_name(ref.kind),
                 owner ? "another thread owns it" : "it is free");
    return false;
  }
  if (*f.flags != how) {
    // D4 (facts 29, 37): a safe acquire released by the Unsafe routine or the other way round
    // would leave the IRQL or the guarded-region count wrong.
    fault::bugcheck(mismatch_code, fault::Params{ptr(m), t.irql, *f.flags, how},
                    "%s(%p): the %s was acquired with %s; release it with the matching routine",
                    routine, m, kind_name(ref.kind), how_name(*f.flags));
    return false;
  }
  // The fields belong to the owner: clear them before the release hands the mutex on.
  const LONG saved_count = *f.count;
  const ULONG saved_flags = *f.flags;
  *f.count = 1;
  *f.flags = 0;
  store_owner(f, nullptr);
  t.remove_held(m);
  const OpResult r = ref.device->engine().release(static_cast<unsigned>(t.ctx()), ref.slot);
  if (r.rc == Rc::Released || r.rc == Rc::Handoff) return true;
  // The engine disagrees with the host's bookkeeping: put everything back and report.
  *f.count = saved_count;
  *f.flags = saved_flags;
  store_owner(f, t.handle());
  t.add_held(m, ref.kind);
  fault::raise(STATUS_MUTANT_NOT_OWNED, fault::Params{ptr(m), r.raw, ref.slot, 0},
               "%s(%p): the engine refused the release of slot %u (%s)", routine, m, ref.slot,
               rc_name(r.rc));
  return false;
}

}  // namespace hwmx::host
