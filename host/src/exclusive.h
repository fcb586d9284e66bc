// What fast and guarded mutexes share: exclusive (non-recursive) FIFO engine slots, an Owner field
// written by the owner, and a record of how the owner acquired it (safe or Unsafe routine) so
// that a mismatched release is refused (D4) instead of corrupting the IRQL or APC state.
#pragma once

#include <atomic>

#include "hwmx/wdm.h"
#include "object.h"
#include "thread_state.h"

namespace hwmx::host {

enum AcquiredBy : ULONG { kAcquiredSafe = 1, kAcquiredUnsafe = 2 };

/// A fast or guarded mutex's fields besides the header (both structs have these).
struct ExclusiveFields {
  LONG* count;
  ULONG* contention;
  PKTHREAD* owner;
  ULONG* flags;
};

template <class M>
ExclusiveFields fields_of(M* m) {
  return ExclusiveFields{&m->Count, &m->Contention, &m->Owner, &m->Flags};
}

/// Owner is read by non-owners (to refuse their release), so it is accessed atomically.
inline PKTHREAD load_owner(const ExclusiveFields& f) {
  return std::atomic_ref<PKTHREAD>(*f.owner).load(std::memory_order_relaxed);
}
inline void store_owner(const ExclusiveFields& f, PKTHREAD t) {
  std::atomic_ref<PKTHREAD>(*f.owner).store(t, std::memory_order_relaxed);
}

enum class ExclusiveResult { Granted, NotGranted, Faulted };

/// IRQL <= APC_LEVEL, as every fast/guarded routine requires; reports IRQL_NOT_LESS_OR_EQUAL.
bool require_irql_at_most_apc(KThread& t, const char* routine, const void* m);
/// The Unsafe routines' context: APC_LEVEL, or below it inside a critical or guarded region.
bool require_unsafe_context(KThread& t, const char* routine, const void* m);

/// Acquires (or, `try_only`, tries) the exclusive slot of `m` for the calling thread. A recursive
/// acquire by the owner is bug check MUTEX_ALREADY_OWNED (D5). On Granted, records the owner.
ExclusiveResult acquire_exclusive(KThread& t, const char* routine, void* m, const ObjectRef& ref,
                                  const ExclusiveFields& f, AcquiredBy how, bool try_only);

/// Releases `m`: the caller must own it (else STATUS_MUTANT_NOT_OWNED is raised) and have
/// acquired it the way `how` says (else bug check `mismatch_code`). Returns false after a fault.
bool release_exclusive(KThread& t, const char* routine, void* m, const ObjectRef& ref,
                       const ExclusiveFields& f, AcquiredBy how, ULONG mismatch_code);

}  // namespace hwmx::host
