#include "acquire.h"

#include <limits>

namespace hwmx::host {
namespace {

// 1601-01-01 to 1970-01-01 in 100 ns units.
constexpr LONGLONG kEpochDelta = 116444736000000000LL;
using Ticks = std::chrono::duration<LONGLONG, std::ratio<1, 10'000'000>>;  // 100 ns

Acquisition granted(const OpResult& r, bool waited) {
  Acquisition a;
  a.outcome = Acquisition::Outcome::Granted;
  a.waited = waited;
  // A handoff always gives a free slot's first ownership; an immediate grant says so by the
  // recursion count it reports (0 = held once).
  a.first = waited || r.value == 0;
  a.result = r;
  return a;
}

Acquisition refused(const OpResult& r) {
  Acquisition a;
  a.outcome = Acquisition::Outcome::Refused;
  a.result = r;
  return a;
}

}  // namespace

Acquisition acquire_slot(EngineClient& eng, unsigned ctx, unsigned slot, bool try_only,
                         const Deadline& deadline) {
  OpResult r = try_only ? eng.try_acquire(ctx, slot) : eng.acquire(ctx, slot);
  switch (r.rc) {
    case Rc::Granted:
      return granted(r, false);
    case Rc::Busy: {
      Acquisition a;
      a.outcome = Acquisition::Outcome::NotGranted;
      a.result = r;
      return a;
    }
    case Rc::Queued:
      break;
    default:
      return refused(r);
  }
  // Queued: the engine hands the slot over inside the hardware and raises this context's
  // interrupt; the thread sleeps until then.
  for (;;) {
    if (eng.wait_grant(ctx, deadline)) {
      r = eng.take_grant(ctx);
      if (r.rc == Rc::Granted) return granted(r, true);
      if (r.rc != Rc::None) return refused(r);
      continue;  // line seen high but no grant: cannot happen with a sound engine; wait again
    }
    // Timed out. CANCEL leaves the queue, unless the handoff won the race: then the grant is
    // ours and the object wins over the timeout (D8).
    r = eng.cancel(ctx);
    if (r.rc == Rc::Cancelled) {
      Acquisition a;
      a.outcome = Acquisition::Outcome::NotGranted;
      a.result = r;
      return a;
    }
    if (r.rc == Rc::AlreadyGranted) return granted(r, true);
    return refused(r);
  }
}

Deadline deadline_from_timeout(const LARGE_INTEGER* timeout, bool& zero) {
  zero = false;
  if (timeout == nullptr) return Deadline::never();
  const LONGLONG t = timeout->QuadPart;
  if (t == 0) {
    zero = true;
    return Deadline::at(std::chrono::steady_clock::now());
  }
  if (t < 0) {
    // Relative: monotonic clock. Saturate rather than overflow for absurdly long waits.
    const auto now = std::chrono::steady_clock::now();
    const auto room =
        std::chrono::duration_cast<Ticks>(std::chrono::steady_clock::time_point::max() - now);
    if (t == std::numeric_limits<LONGLONG>::min() || Ticks(-t) >= room) return Deadline::never();
    return Deadline::at(now +
                        std::chrono::duration_cast<std::chrono::steady_clock::duration>(Ticks(-t)));
  }
  // Absolute: system time since 1601, on the system clock so that it follows clock changes.
  const auto max_ticks = std::chrono::duration_cast<Ticks>(
      std::chrono::system_clock::time_point::max().time_since_epoch());
  if (t - kEpochDelta >= max_ticks.count()) return Deadline::never();
  return Deadline::at(std::chrono::system_clock::time_point(
      std::chrono::duration_cast<std::chrono::system_clock::duration>(Ticks(t - kEpochDelta))));
}

LONGLONG system_time_now() {
  const auto since_1970 =
      std::chrono::duration_cast<Ticks>(std::chrono::system_clock::now().time_since_epoch());
  return since_1970.count() + kEpochDelta;
}

}  // namespace hwmx::host
