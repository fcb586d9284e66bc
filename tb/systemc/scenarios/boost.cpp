// The boosted priority reported in the grant (docs/engine.md boost(c, s)): a waiter granted a
// recursive slot after a handoff is reported max(16, own) - so 16 for priorities 5 and 15, 16 for
// 16, 20 for 20 - while a waiter granted an exclusive slot is reported its own priority, and so
// is an owner that acquired without waiting. The boost is only reported: CTX.PRIORITY keeps the
// software value, and the GRANT register shows the same record TAKE_GRANT then returns.
#include <memory>
#include <vector>

#include "../scenario.h"

using namespace hwmx::sctest;

namespace {
constexpr unsigned kBoost = 16;  // LOW_REALTIME_PRIORITY
constexpr unsigned kOwnerPriority = 3;
constexpr unsigned kWaiterPriorities[] = {5, 15, 16, 20};
constexpr unsigned kWaiters = 4;

// Phases, in cycles from the start of the CPU scripts.
constexpr unsigned kUncontended = 0;  // waiter 0 acquires the recursive slot without waiting
constexpr unsigned kRecursive = 200;  // all four wait on the recursive slot
constexpr unsigned kExclusive = 700;  // waiters 0 and 3 wait on the exclusive slot

struct State {
  unsigned rec = 0, excl = 0;
  std::vector<unsigned> rec_order, excl_order;
};

unsigned boosted(unsigned p) { return p < kBoost ? kBoost : p; }

// Sleeps on the grant interrupt, reads CTX.GRANT once (after the wakeup: not polling), then
// takes the grant: both must show the same record.
Result grant_via_register(Cpu& c) {
  c.sleep();
  const Result shown = c.grant_register(c.ctx());
  const Result taken = c.take_grant();
  expect_eq(taken, shown, "TAKE_GRANT returns the record CTX.GRANT showed");
  return taken;
}
}  // namespace

HWMX_SC_TEST(
    boost, "grant PRIORITY: 16 below 16 and own at/above 16 on recursive slots, own on exclusive") {
  auto st = std::make_shared<State>();
  h.setup([st](Initiator& os) {
    st->rec = os.new_slot(kRecFifo);
    st->excl = os.new_slot(kExclFifo);
  });

  h.add_cpu("owner", kOwnerPriority, [st, &h](Cpu& c) {
    c.wait_until(h.started_at() + h.cycles(kRecursive));
    expect_eq(c.acquire(st->rec), res(Code::kGranted, 0, kOwnerPriority),
              "uncontended ACQUIRE: own priority, no boost without waiting");
    c.wait_cycles(150);  // all four queue meanwhile
    expect_eq(c.release(st->rec), res(Code::kHandoff, 1), "RELEASE hands off to waiter 0");

    c.wait_until(h.started_at() + h.cycles(kExclusive));
    expect_eq(c.acquire(st->excl), res(Code::kGranted, 0, kOwnerPriority), "exclusive ACQUIRE");
    c.wait_cycles(100);
    expect_eq(c.release(st->excl), res(Code::kHandoff, 1), "exclusive RELEASE to waiter 0");
  });

  for (unsigned i = 0; i < kWaiters; ++i) {
    const unsigned prio = kWaiterPriorities[i];
    h.add_cpu("waiter" + std::to_string(prio), prio, [st, &h, i, prio](Cpu& c) {
      if (i == 0) {  // no boost when the slot is taken without waiting, even a recursive one
        c.wait_until(h.started_at() + h.cycles(kUncontended));
        expect_eq(c.acquire(st->rec), res(Code::kGranted, 0, prio), "uncontended: own priority");
        expect_eq(c.acquire(st->rec), res(Code::kGranted, 1, prio), "recursive: own priority");
        expect_eq(c.release(st->rec), res(Code::kReleased, 1), "RELEASE: count before");
        expect_eq(c.release(st->rec), res(Code::kReleased, 0), "RELEASE frees");
      }

      c.wait_until(h.started_at() + h.cycles(kRecursive + 40 + 20 * i));
      expect_eq(c.acquire_nowait(st->rec), res(Code::kQueued, i + 1), "QUEUED on recursive");
      const Result g = grant_via_register(c);
      expect_eq(g, res(Code::kGranted, st->rec, boosted(prio)),
                "recursive slot after a handoff: PRIORITY = boost(c, s)");
      expect_eq(c.rd(ctx_reg(c.ctx(), HWMX_CTX_PRIORITY_OFFSET)), prio,
                "CTX.PRIORITY keeps the software value (the engine never writes it)");
      st->rec_order.push_back(c.ctx());
      // A recursive acquire by the owner reports its own priority: the boost is per grant.
      expect_eq(c.acquire(st->rec), res(Code::kGranted, 1, prio), "recursive re-ACQUIRE");
      expect_eq(c.release(st->rec), res(Code::kReleased, 1), "RELEASE: count before");
      const Result r = c.release(st->rec);
      if (i + 1 < kWaiters) {
        expect_eq(r, res(Code::kHandoff, c.ctx() + 1), "RELEASE hands off in FIFO order");
      } else {
        expect_eq(r, res(Code::kReleased, 0), "last RELEASE frees");
      }

      if (i == 0 || i == kWaiters - 1) {  // priorities 5 and 20 on the exclusive slot
        c.wait_until(h.started_at() + h.cycles(kExclusive + 30 + 20 * (i != 0)));
        expect_eq(c.acquire_nowait(st->excl), res(Code::kQueued, 1u + (i != 0)),
                  "QUEUED on exclusive");
        const Result g2 = grant_via_register(c);
        expect_eq(g2, res(Code::kGranted, st->excl, prio),
                  "exclusive slot after a handoff: own priority, no boost");
        st->excl_order.push_back(c.ctx());
        const Result r2 = c.release(st->excl);
        expect_eq(r2, i == 0 ? res(Code::kHandoff, kWaiters) : res(Code::kReleased, 0),
                  "exclusive RELEASE");
      }
    });
  }

  h.finish([st](Initiator& os) {
    expect_eq(st->rec_order, std::vector<unsigned>{1, 2, 3, 4}, "recursive grants in FIFO order");
    expect_eq(st->excl_order, std::vector<unsigned>{1, 4}, "exclusive grants in FIFO order");
    expect_eq(os.counter(HWMX_STAT_ERRORS_LO_OFFSET), std::uint64_t{0}, "ERRORS");
  });
}
