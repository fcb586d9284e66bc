// Abandonment seen by the next owner. Thread O holds a recursive slot R twice and an exclusive
// slot X, and waits on Y; thread O2 is handed slot Z but never takes the grant; then both die.
// A reaper issues ABANDON for each (DONE, VALUE = slots abandoned: 2 for O, 1 for O2). Then:
//   - W, asleep on R, is woken with GRANTED ABANDONED=1 (and its boost), count restarted at 0;
//   - W2, asleep on Z behind O2, is woken with GRANTED ABANDONED=1: a pending grant of a dead
//     thread is abandoned on, not lost;
//   - X, which had no waiters, is free with its abandoned flag: the next ACQUIRE answers
//     ABANDONED=1 once, the one after that 0;
//   - R's and Z's own flags stay 0 (the abandonment went with the grant);
//   - O was removed from Y's queue: Y's RELEASE frees it instead of handing it to a dead thread;
//   - O and O2 own nothing, wait for nothing, have no interrupt, and can be freed (FREE_CTX).
#include <memory>

#include "../scenario.h"

using namespace hwmx::sctest;

namespace {
enum : unsigned { kO, kW, kReaper, kQ, kO2, kW2 };  // contexts, in add_cpu order
constexpr unsigned kPrioW = 5, kPrioW2 = 10;

// Phases (cycles from the start of the scripts).
constexpr unsigned kHold = 0, kQueue = 60, kQueue2 = 90, kHandToO2 = 150, kReap = 250, kAfter = 400,
                   kFinal = 600;

struct State {
  unsigned r = 0, x = 0, y = 0, z = 0;
};
}  // namespace

HWMX_SC_TEST(abandon,
             "ABANDON: next owner sees ABANDONED once; queues and pending grants handled") {
  auto st = std::make_shared<State>();
  h.setup([st](Initiator& os) {
    st->r = os.new_slot(kRecFifo);
    st->x = os.new_slot(kExclFifo);
    st->y = os.new_slot(kExclPrio);
    st->z = os.new_slot(kExclFifo);
  });
  auto at = [&h](unsigned cycles) { return h.started_at() + h.cycles(cycles); };

  h.add_cpu("O", 4, [st, at](Cpu& c) {
    c.wait_until(at(kHold));
    expect_eq(c.acquire(st->r).code, Code::kGranted, "O ACQUIRE R");
    expect_eq(c.acquire(st->r), res(Code::kGranted, 1, 4), "O ACQUIRE R again (count 1)");
    expect_eq(c.acquire(st->x).code, Code::kGranted, "O ACQUIRE X");
    c.wait_until(at(kQueue));
    expect_eq(c.acquire_nowait(st->y), res(Code::kQueued, 1), "O queues on Y");
    // ... and the thread dies here, owning R and X and waiting on Y.
  });

  h.add_cpu("W", kPrioW, [st, at](Cpu& c) {
    c.wait_until(at(kQueue));
    expect_eq(c.acquire_nowait(st->r), res(Code::kQueued, 1), "W queues on R");
    expect_eq(c.wait_grant(), res(Code::kGranted, st->r, 16, true),
              "W's grant of R: ABANDONED=1, boosted, VALUE = slot");
    expect_eq(c.acquire(st->r), res(Code::kGranted, 1, kPrioW),
              "the count restarted at 0 for W (re-ACQUIRE gives 1, not O's 2)");
    c.wait_until(at(kAfter));
    expect_eq(c.acquire(st->x), res(Code::kGranted, 0, kPrioW, true),
              "first ACQUIRE of the abandoned free slot X reports ABANDONED=1");
    expect_eq(c.release(st->x), res(Code::kReleased, 0), "W releases X");
    expect_eq(c.acquire(st->x), res(Code::kGranted, 0, kPrioW),
              "the flag was cleared: ABANDONED=0");
    expect_eq(c.release(st->x), res(Code::kReleased, 0), "W releases X");
    expect_eq(c.release(st->r), res(Code::kReleased, 1), "W releases R (count 1)");
    expect_eq(c.release(st->r), res(Code::kReleased, 0), "W releases R");
  });

  h.add_cpu("reaper", 12, [st, at](Cpu& c) {
    c.wait_until(at(kReap));
    expect_eq(c.abandon(kO), res(Code::kDone, 2), "ABANDON O: R and X abandoned");
    expect_eq(c.abandon(kO2), res(Code::kDone, 1), "ABANDON O2: Z (its untaken grant)");
    for (unsigned dead : {unsigned{kO}, unsigned{kO2}}) {
      const CtxStatus s = c.status(dead);
      expect(s.allocated() && !s.waiting() && !s.grant_pending() && s.owned() == 0,
             "an abandoned context owns nothing, waits for nothing, has no grant");
      expect_eq(c.rd(ctx_reg(dead, HWMX_CTX_INTR_STATE_OFFSET)), 0u, "abandoned: INTR_STATE 0");
    }
    c.wait_until(at(kFinal));
    expect_eq(c.acquire(st->r), res(Code::kGranted, 0, 12),
              "R's own abandoned flag stayed 0 (the abandonment went with W's grant)");
    expect_eq(c.release(st->r), res(Code::kReleased, 0), "reaper releases R");
    expect_eq(c.acquire(st->z), res(Code::kGranted, 0, 12), "Z's own flag stayed 0 too");
    expect_eq(c.release(st->z), res(Code::kReleased, 0), "reaper releases Z");
    expect_eq(c.free_ctx(kO), res(Code::kDone, kO), "FREE_CTX of the abandoned O");
    expect_eq(c.free_ctx(kO2), res(Code::kDone, kO2), "FREE_CTX of the abandoned O2");
  });

  h.add_cpu("Q", 3, [st, at](Cpu& c) {
    c.wait_until(at(kHold));
    expect_eq(c.acquire(st->y).code, Code::kGranted, "Q ACQUIRE Y");
    expect_eq(c.acquire(st->z).code, Code::kGranted, "Q ACQUIRE Z");
    c.wait_until(at(kHandToO2));
    expect_eq(c.release(st->z), res(Code::kHandoff, kO2), "Q hands Z to O2 (who never takes it)");
    c.wait_until(at(kAfter));
    expect_eq(c.release(st->y), res(Code::kReleased, 0),
              "Y's RELEASE frees it: ABANDON took O out of Y's queue");
  });

  h.add_cpu("O2", 9, [st, at](Cpu& c) {
    c.wait_until(at(kQueue));
    expect_eq(c.acquire_nowait(st->z), res(Code::kQueued, 1), "O2 queues on Z");
    // ... and dies before its grant arrives.
  });

  h.add_cpu("W2", kPrioW2, [st, at](Cpu& c) {
    c.wait_until(at(kQueue2));
    expect_eq(c.acquire_nowait(st->z), res(Code::kQueued, 2), "W2 queues on Z behind O2");
    expect_eq(c.wait_grant(), res(Code::kGranted, st->z, kPrioW2, true),
              "W2's grant of Z: ABANDONED=1 (exclusive: own priority)");
    expect_eq(c.release(st->z), res(Code::kReleased, 0), "W2 releases Z");
  });

  h.finish([](Initiator& os) {
    // Q->O2 (RELEASE), O's R -> W and O2's Z -> W2 (ABANDON).
    expect_eq(os.counter(HWMX_STAT_HANDOFFS_LO_OFFSET), std::uint64_t{3}, "HANDOFFS");
    expect_eq(os.counter(HWMX_STAT_ERRORS_LO_OFFSET), std::uint64_t{0}, "ERRORS");
  });
}
