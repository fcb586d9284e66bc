// Recursion counts and the values RELEASE returns. On a recursive slot ACQUIRE and TRY by the
// owner answer GRANTED with the new count; RELEASE answers the count *before* it (RELEASED n ...
// RELEASED 1), and only the release at count 0 frees the slot or hands it off - a waiter queued
// behind a recursive owner is not woken by the inner releases. The count climbs to its maximum
// 0xFFFF (the slot held 65536 times); one more ACQUIRE or TRY answers ERR_RECURSION_LIMIT and
// changes nothing but ERRORS and LAST_ERROR; then it unwinds release by release. On an exclusive
// slot the owner's ACQUIRE is ERR_ALREADY_OWNED and its TRY is BUSY.
#include <memory>

#include "../scenario.h"
#include "../snapshot.h"
#include "hwmx/model/engine.h"

using namespace hwmx::sctest;

namespace {
constexpr unsigned kOwnerPriority = 2;
constexpr unsigned kWaiterPriority = 7;
constexpr unsigned kCountMax = hwmx::model::kCountMax;

struct State {
  unsigned rec = 0, excl = 0;
  sc_core::sc_event waiter_go, waiter_queued;
};
}  // namespace

HWMX_SC_TEST(recursion, "recursive counts, RELEASE returns the count before, limit 0xFFFF") {
  auto st = std::make_shared<State>();
  h.setup([st](Initiator& os) {
    st->rec = os.new_slot(kRecFifo);
    st->excl = os.new_slot(kExclFifo);
  });

  h.add_cpu("owner", kOwnerPriority, [st, &h](Cpu& c) {
    expect_eq(c.acquire(st->rec), res(Code::kGranted, 0, kOwnerPriority), "ACQUIRE: count 0");
    expect_eq(c.acquire(st->rec), res(Code::kGranted, 1, kOwnerPriority), "ACQUIRE: count 1");
    expect_eq(c.try_acquire(st->rec), res(Code::kGranted, 2, kOwnerPriority), "TRY: count 2");
    SlotView v = c.inspect(st->rec);
    expect(v.owned() && v.owner() == c.ctx() && v.count() == 2, "INSPECT: owned by us, count 2");

    st->waiter_go.notify();
    sc_core::wait(st->waiter_queued);
    expect_eq(c.release(st->rec), res(Code::kReleased, 2), "RELEASE answers the count before: 2");
    expect_eq(c.release(st->rec), res(Code::kReleased, 1), "RELEASE answers the count before: 1");
    c.wait_cycles(10);
    expect(!h.target().irq_ctx[1].read() && h.cpu(1).wakeups() == 0,
           "the waiter is not woken while the owner still holds the slot recursively");
    expect_eq(c.release(st->rec), res(Code::kHandoff, 1), "RELEASE at count 0 hands off");

    // Exclusive slot: no recursion.
    expect_eq(c.acquire(st->excl), res(Code::kGranted, 0, kOwnerPriority), "exclusive ACQUIRE");
    expect_eq(c.acquire(st->excl), res(Code::kErrAlreadyOwned, st->excl),
              "exclusive ACQUIRE by the owner: ERR_ALREADY_OWNED");
    expect_eq(c.try_acquire(st->excl), res(Code::kBusy), "exclusive TRY by the owner: BUSY");
    expect_eq(c.release(st->excl), res(Code::kReleased, 0), "exclusive RELEASE frees");
    expect_eq(c.release(st->excl), res(Code::kErrNotOwner, st->excl), "RELEASE of a free slot");
  });

  h.add_cpu("waiter", kWaiterPriority, [st, &h](Cpu& c) {
    sc_core::wait(st->waiter_go);
    expect_eq(c.acquire_nowait(st->rec), res(Code::kQueued, 1), "waiter QUEUED");
    st->waiter_queued.notify();
    expect_eq(c.wait_grant(), res(Code::kGranted, st->rec, 16),
              "grant after handoff: count restarts at 0, boosted to 16");
    expect_eq(c.acquire(st->rec), res(Code::kGranted, 1, kWaiterPriority), "re-ACQUIRE: count 1");
    expect_eq(c.release(st->rec), res(Code::kReleased, 1), "RELEASE: 1");
    expect_eq(c.release(st->rec), res(Code::kReleased, 0), "RELEASE at count 0 frees the slot");

    // Climb to the limit: 65536 holds (count 0 .. 0xFFFF), checking every answer.
    for (unsigned n = 0; n <= kCountMax; ++n) {
      const Result r = n % 2 ? c.acquire(st->rec) : c.try_acquire(st->rec);
      if (!expect_eq(r, res(Code::kGranted, n, kWaiterPriority), "climbing: GRANTED new count")) {
        return;
      }
    }
    const Snapshot before = Snapshot::take(c, h.target());
    expect_eq(c.acquire(st->rec), res(Code::kErrRecursionLimit, st->rec),
              "ACQUIRE at count 0xFFFF: ERR_RECURSION_LIMIT");
    expect_eq(c.try_acquire(st->rec), res(Code::kErrRecursionLimit, st->rec),
              "TRY at count 0xFFFF: ERR_RECURSION_LIMIT");
    Snapshot expected = before;
    expected["STAT_ERRORS"] += 2;
    expected[Snapshot::ctx_key(c.ctx(), "LAST_ERROR")] =
        hwmx::model::last_error_word(Code::kErrRecursionLimit, hwmx::model::Op::kTry, st->rec);
    for (const std::string& d : expected.diff(Snapshot::take(c, h.target()))) {
      fail("ERR_RECURSION_LIMIT changed state beyond ERRORS/LAST_ERROR: " + d);
    }

    // Unwind: each RELEASE answers the count before it.
    for (unsigned n = kCountMax; n > 0; --n) {
      if (!expect_eq(c.release(st->rec), res(Code::kReleased, n), "unwinding: RELEASED count")) {
        return;
      }
    }
    expect_eq(c.release(st->rec), res(Code::kReleased, 0), "last RELEASE frees");
    const SlotView v = c.inspect(st->rec);
    expect(!v.owned() && v.count() == 0, "slot free, count 0");
  });

  h.finish([](Initiator& os) {
    expect_eq(os.counter(HWMX_STAT_ERRORS_LO_OFFSET), std::uint64_t{4},
              "ERRORS: ALREADY_OWNED, NOT_OWNER, 2 x RECURSION_LIMIT");
    expect_eq(os.counter(HWMX_STAT_HANDOFFS_LO_OFFSET), std::uint64_t{1}, "HANDOFFS");
  });
}
