// KGUARDED_MUTEX, Windows Server 2003 - Windows 7 semantics (D1): the safe routines enter a
// guarded region (SpecialApcDisable) and leave the IRQL alone (fact 35); the Unsafe ones neither
// enter nor leave a region (fact 37). Exclusive FIFO engine slots.
#include "exclusive.h"
#include "fault.h"

using namespace hwmx::host;

namespace {

constexpr Kind kKind = Kind::GuardedMutex;

}  // namespace

extern "C" {

VOID KeInitializeGuardedMutex(PKGUARDED_MUTEX Mutex) {
  // Fact 34: Count 1, Owner NULL, Contention 0; IRQL and APC state unchanged.
  if (!initialize_object("KeInitializeGuardedMutex", Mutex, kKind)) return;
  Mutex->Count = 1;
  Mutex->Contention = 0;
  Mutex->Owner = nullptr;
  Mutex->Flags = 0;
}

VOID KeAcquireGuardedMutex(PKGUARDED_MUTEX Mutex) {
  constexpr const char* kName = "KeAcquireGuardedMutex";
  KThread& t = KThread::current();
  ObjectRef ref;
  if (!check_object(kName, Mutex, kKind, ref)) return;
  if (!require_irql_at_most_apc(t, kName, Mutex)) return;
  // Windows enters the region before it waits; no APC can reach a hwmx thread while it waits,
  // so entering after the grant is indistinguishable, and a fault (which may throw) leaves the
  // region untouched without any undo.
  if (acquire_exclusive(t, kName, Mutex, ref, fields_of(Mutex), kAcquiredSafe, false) ==
      ExclusiveResult::Granted) {
    t.special_apc_disable--;
  }
}

BOOLEAN KeTryToAcquireGuardedMutex(PKGUARDED_MUTEX Mutex) {
  constexpr const char* kName = "KeTryToAcquireGuardedMutex";
  KThread& t = KThread::current();
  ObjectRef ref;
  if (!check_object(kName, Mutex, kKind, ref)) return FALSE;
  if (!require_irql_at_most_apc(t, kName, Mutex)) return FALSE;
  // Fact 36: no net change on failure, never blocks.
  if (acquire_exclusive(t, kName, Mutex, ref, fields_of(Mutex), kAcquiredSafe, true) !=
      ExclusiveResult::Granted) {
    return FALSE;
  }
  t.special_apc_disable--;
  return TRUE;
}

VOID KeReleaseGuardedMutex(PKGUARDED_MUTEX Mutex) {
  constexpr const char* kName = "KeReleaseGuardedMutex";
  KThread& t = KThread::current();
  ObjectRef ref;
  if (!check_object(kName, Mutex, kKind, ref)) return;
  if (!require_irql_at_most_apc(t, kName, Mutex)) return;
  if (release_exclusive(t, kName, Mutex, ref, fields_of(Mutex), kAcquiredSafe,
                        APC_INDEX_MISMATCH)) {
    t.special_apc_disable++;
  }
}

VOID KeAcquireGuardedMutexUnsafe(PKGUARDED_MUTEX Mutex) {
  constexpr const char* kName = "KeAcquireGuardedMutexUnsafe";
  KThread& t = KThread::current();
  ObjectRef ref;
  if (!check_object(kName, Mutex, kKind, ref)) return;
  if (!require_unsafe_context(t, kName, Mutex)) return;
  acquire_exclusive(t, kName, Mutex, ref, fields_of(Mutex), kAcquiredUnsafe, false);
}

VOID KeReleaseGuardedMutexUnsafe(PKGUARDED_MUTEX Mutex) {
  constexpr const char* kName = "KeReleaseGuardedMutexUnsafe";
  KThread& t = KThread::current();
  ObjectRef ref;
  if (!check_object(kName, Mutex, kKind, ref)) return;
  if (!require_unsafe_context(t, kName, Mutex)) return;
  release_exclusive(t, kName, Mutex, ref, fields_of(Mutex), kAcquiredUnsafe, APC_INDEX_MISMATCH);
}

}  // extern "C"
