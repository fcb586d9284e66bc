// Acquisition of an engine slot by the calling thread's context, shared by the three mutex kinds:
// the one-transaction fast path, and the slow path that waits for the grant interrupt, takes the
// grant, and on a timeout cancels (the engine resolves the race with a late handoff).
#pragma once

#include "bus.h"
#include "engine_client.h"
#include "hwmx/wdm.h"

namespace hwmx::host {

struct Acquisition {
  enum class Outcome {
    Granted,     // the caller owns the slot (first time or recursively)
    NotGranted,  // TRY found it held, or the timeout expired (the caller is in no queue)
    Refused,     // the engine answered an error; `result` says which; nothing changed
  };
  Outcome outcome = Outcome::Refused;
  bool waited = false;  // granted by handoff after queueing (D3 boost, contention counts)
  bool first = false;   // granted: this acquisition took the slot from free (not recursive)
  OpResult result;      // the GRANTED (or error) word
};

/// Acquires `slot` for context `ctx`. `try_only`: never queue (a TRY, for a zero or expired
/// timeout and the Try routines). Otherwise waits until granted or `deadline`.
Acquisition acquire_slot(EngineClient& eng, unsigned ctx, unsigned slot, bool try_only,
                         const Deadline& deadline);

/// A KeWaitForSingleObject / KeDelayExecutionThread timeout (100 ns units: negative relative,
/// positive absolute since 1601, NULL infinite) as a Deadline. `zero` is set for *Timeout == 0.
Deadline deadline_from_timeout(const LARGE_INTEGER* timeout, bool& zero);

/// 100 ns units since 1601-01-01 (KeQuerySystemTime).
LONGLONG system_time_now();

}  // namespace hwmx::host
