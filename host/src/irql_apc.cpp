// IRQL and APC-disable state of the calling thread: KeRaiseIrql/KeLowerIrql, critical and guarded
// regions, and the two APC queries. Pure per-thread bookkeeping; no engine access.
#include "fault.h"
#include "thread_state.h"

using hwmx::host::KThread;
namespace fault = hwmx::host::fault;

extern "C" {

KIRQL KeGetCurrentIrql(VOID) { return KThread::current().irql; }

VOID KeRaiseIrql(KIRQL NewIrql, PKIRQL OldIrql) {
  KThread& t = KThread::current();
  if (NewIrql < t.irql) {
    fault::bugcheck(IRQL_NOT_GREATER_OR_EQUAL, fault::Params{t.irql, NewIrql, 0, 0},
                    "KeRaiseIrql(%u) at IRQL %u: the new IRQL must not be below the current one "
                    "(use KeLowerIrql)",
                    NewIrql, t.irql);
    return;
  }
  if (OldIrql == nullptr) {
    fault::raise(STATUS_INVALID_PARAMETER, fault::Params{NewIrql},
                 "KeRaiseIrql(%u, NULL): OldIrql must point to where the previous IRQL goes",
                 NewIrql);
    return;
  }
  *OldIrql = t.irql;
  t.irql = NewIrql;
}

VOID KeLowerIrql(KIRQL NewIrql) {
  KThread& t = KThread::current();
  if (NewIrql > t.irql) {
    fault::bugcheck(IRQL_NOT_LESS_OR_EQUAL, fault::Params{0, t.irql, NewIrql, 0},
                    "KeLowerIrql(%u) at IRQL %u: the new IRQL must not be above the current one "
                    "(use KeRaiseIrql)",
                    NewIrql, t.irql);
    return;
  }
  t.irql = NewIrql;
}

// Facts 41, 42, 44: the counts nest downwards (-1, -2, ...); a leave without an enter pushes them
// to +1, which still counts as "disabled" (free-build behaviour, kept).
VOID KeEnterCriticalRegion(VOID) { KThread::current().kernel_apc_disable--; }
VOID KeLeaveCriticalRegion(VOID) { KThread::current().kernel_apc_disable++; }
VOID KeEnterGuardedRegion(VOID) { KThread::current().special_apc_disable--; }
VOID KeLeaveGuardedRegion(VOID) { KThread::current().special_apc_disable++; }

// Fact 43: TRUE exactly when either count is non-zero, whatever the IRQL.
BOOLEAN KeAreApcsDisabled(VOID) { return KThread::current().apcs_disabled() ? TRUE : FALSE; }

// Fact 43: TRUE exactly when SpecialApcDisable is non-zero or IRQL >= APC_LEVEL.
BOOLEAN KeAreAllApcsDisabled(VOID) {
  const KThread& t = KThread::current();
  return (t.special_apc_disable != 0 || t.irql >= APC_LEVEL) ? TRUE : FALSE;
}

}  // extern "C"
