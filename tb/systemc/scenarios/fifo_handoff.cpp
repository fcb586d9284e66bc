// FIFO handoff order with several waiters. Five CPU threads queue on an exclusive FIFO slot held
// by a sixth, in an order unrelated to their context ids and priorities. Each release must hand
// the slot to the next in arrival order (RELEASE answers HANDOFF with that context), each waiter
// must be woken by its own interrupt exactly once and find its grant, and no thread touches the
// bus beyond ACQUIRE / TAKE_GRANT / RELEASE (it sleeps, it does not poll).
#include <memory>
#include <vector>

#include "../scenario.h"

using namespace hwmx::sctest;

namespace {
constexpr unsigned kWaiters = 5;
constexpr unsigned kPriorities[kWaiters] = {3, 20, 1, 9, 15};  // a FIFO slot ignores them
constexpr unsigned kArrival[kWaiters] = {2, 0, 4, 1, 3};       // waiter i queues kArrival[i]-th
constexpr unsigned kOwnerPriority = 8;
constexpr std::uint64_t kPrologue = 2;  // PRIORITY and INTR_ENABLE writes at thread start

struct State {
  unsigned slot = 0;
  std::vector<unsigned> arrival_order;  // contexts in the order they were QUEUED
  std::vector<unsigned> grant_order;    // contexts in the order they were granted
  sc_core::sc_event all_queued;
};
}  // namespace

HWMX_SC_TEST(fifo_handoff,
             "FIFO slot: grants in arrival order, HANDOFF names the next waiter, one wakeup each") {
  auto st = std::make_shared<State>();
  h.setup([st](Initiator& os) { st->slot = os.new_slot(kExclFifo); });

  h.add_cpu("owner", kOwnerPriority, [st](Cpu& c) {
    expect_eq(c.acquire(st->slot), res(Code::kGranted, 0, kOwnerPriority), "owner ACQUIRE");
    if (st->arrival_order.size() < kWaiters) sc_core::wait(st->all_queued);
    c.wait_cycles(10);
    expect_eq(c.release(st->slot), res(Code::kHandoff, st->arrival_order.front()),
              "owner RELEASE hands off to the first to arrive");
  });

  for (unsigned i = 0; i < kWaiters; ++i) {
    h.add_cpu("waiter" + std::to_string(i), kPriorities[i], [st, i](Cpu& c) {
      c.wait_cycles(30 + 30 * kArrival[i]);
      expect_eq(c.acquire_nowait(st->slot), res(Code::kQueued, kArrival[i] + 1),
                "ACQUIRE of a held slot queues; VALUE = new queue length");
      st->arrival_order.push_back(c.ctx());
      if (st->arrival_order.size() == kWaiters) st->all_queued.notify();

      expect_eq(c.wait_grant(), res(Code::kGranted, st->slot, c.priority()),
                "grant: the slot, own priority (exclusive: no boost), not abandoned");
      st->grant_order.push_back(c.ctx());
      c.wait_cycles(5);  // the critical section
      const std::size_t next = st->grant_order.size();
      const Result expected =
          next < kWaiters ? res(Code::kHandoff, st->arrival_order[next]) : res(Code::kReleased, 0);
      expect_eq(c.release(st->slot), expected, "RELEASE hands off to the next in arrival order");
    });
  }

  h.finish([st, &h](Initiator& os) {
    expect_eq(st->grant_order, st->arrival_order, "grant order == arrival order");
    for (unsigned i = 1; i <= kWaiters; ++i) {
      Cpu& w = h.cpu(i);
      expect_eq(w.wakeups(), 1u, std::string(w.name()) + " woken once, by its interrupt");
      expect_eq(w.transactions(), kPrologue + 3,
                std::string(w.name()) + " bus accesses: ACQUIRE, TAKE_GRANT, RELEASE only");
    }
    expect_eq(os.counter(HWMX_STAT_HANDOFFS_LO_OFFSET), std::uint64_t{kWaiters}, "HANDOFFS");
    expect_eq(os.counter(HWMX_STAT_CONTENDED_LO_OFFSET), std::uint64_t{kWaiters}, "CONTENDED");
    expect_eq(os.counter(HWMX_STAT_ACQUIRES_LO_OFFSET), std::uint64_t{kWaiters + 1}, "ACQUIRES");
    expect_eq(os.counter(HWMX_STAT_ERRORS_LO_OFFSET), std::uint64_t{0}, "ERRORS");
    expect_eq(os.rd(HWMX_STAT_MAX_QDEPTH_OFFSET), kWaiters, "MAX_QDEPTH");
    const SlotView v = os.inspect(st->slot);
    expect(!v.owned() && v.length() == 0, "slot free with an empty queue at the end");
  });
}
