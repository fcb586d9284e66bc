// PRIORITY policy order: highest priority first, FIFO among equals. Six CPU threads queue on an
// exclusive PRIORITY slot in a fixed arrival order with priorities {4, 10, 4, 20, 10, 1}; the
// grants must follow a stable sort of the arrivals by descending priority, each RELEASE naming
// the next. Then the enqueue rule's "current priority": while the lowest waiter (1) sits at the
// tail, its CTX.PRIORITY is raised to 12 (the queue is not re-sorted), and a late waiter of
// priority 11 must stop its walk at it and queue behind it, not overtake it.
#include <algorithm>
#include <memory>
#include <vector>

#include "../scenario.h"

using namespace hwmx::sctest;

namespace {
constexpr unsigned kWaiters = 6;
constexpr unsigned kPriorities[kWaiters] = {4, 10, 4, 20, 10, 1};
constexpr unsigned kRaisedTo = 12;      // new priority of the tail waiter while it waits
constexpr unsigned kLatePriority = 11;  // the late waiter, lower than kRaisedTo
constexpr unsigned kOwnerPriority = 8;

struct State {
  unsigned slot = 0;
  unsigned queued = 0;
  sc_core::sc_event all_queued, late_go, late_queued;
  std::vector<unsigned> expected;  // contexts in expected grant order
  std::vector<unsigned> grants;    // contexts in actual grant order
};

// The grant order the policy promises for arrivals (ctx, priority) in order.
std::vector<unsigned> policy_order() {
  std::vector<std::pair<unsigned, unsigned>> arrivals;  // (ctx, priority); ctx 1.. = waiters
  for (unsigned i = 0; i < kWaiters; ++i) arrivals.emplace_back(i + 1, kPriorities[i]);
  std::stable_sort(arrivals.begin(), arrivals.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  std::vector<unsigned> order;
  for (const auto& a : arrivals) order.push_back(a.first);
  return order;  // the tail (priority 1) stays last; the late waiter (ctx 7) goes after it
}
}  // namespace

HWMX_SC_TEST(priority_order,
             "PRIORITY slot: highest first, FIFO among equals; enqueue compares current priority") {
  auto st = std::make_shared<State>();
  st->expected = policy_order();
  st->expected.push_back(kWaiters + 1);
  h.setup([st](Initiator& os) { st->slot = os.new_slot(kExclPrio); });

  h.add_cpu("owner", kOwnerPriority, [st](Cpu& c) {
    expect_eq(c.acquire(st->slot), res(Code::kGranted, 0, kOwnerPriority), "owner ACQUIRE");
    if (st->queued < kWaiters) sc_core::wait(st->all_queued);
    const unsigned tail_ctx = st->expected[kWaiters - 1];
    SlotView v = c.inspect(st->slot);
    expect_eq(v.length(), kWaiters, "queue length");
    expect_eq(v.head(), st->expected.front(), "queue head = highest priority, first arrived");
    expect_eq(v.tail(), tail_ctx, "queue tail = lowest priority");

    // The OS raises the tail waiter's priority while it waits (a software priority change).
    c.wr(ctx_reg(tail_ctx, HWMX_CTX_PRIORITY_OFFSET), kRaisedTo);
    st->late_go.notify();
    sc_core::wait(st->late_queued);
    v = c.inspect(st->slot);
    expect_eq(v.tail(), kWaiters + 1, "late waiter queued behind the raised waiter, at the tail");
    expect_eq(c.release(st->slot), res(Code::kHandoff, st->expected.front()), "owner RELEASE");
  });

  for (unsigned i = 0; i < kWaiters; ++i) {
    h.add_cpu("waiter" + std::to_string(i), kPriorities[i], [st, i](Cpu& c) {
      c.wait_cycles(30 + 30 * i);
      expect_eq(c.acquire_nowait(st->slot), res(Code::kQueued, i + 1),
                "QUEUED; VALUE = new queue length");
      if (++st->queued == kWaiters) st->all_queued.notify();
      const Result g = c.wait_grant();
      // The reported priority is the current one: the raised waiter reports kRaisedTo.
      const unsigned now_priority = kPriorities[i] == 1 ? kRaisedTo : kPriorities[i];
      expect_eq(g, res(Code::kGranted, st->slot, now_priority), "grant (exclusive: no boost)");
      st->grants.push_back(c.ctx());
      c.wait_cycles(5);
      const std::size_t next = st->grants.size();
      expect_eq(c.release(st->slot), res(Code::kHandoff, st->expected.at(next)),
                "RELEASE names the next by priority");
    });
  }

  h.add_cpu("late", kLatePriority, [st](Cpu& c) {
    sc_core::wait(st->late_go);
    expect_eq(c.acquire_nowait(st->slot), res(Code::kQueued, kWaiters + 1), "late waiter QUEUED");
    st->late_queued.notify();
    expect_eq(c.wait_grant(), res(Code::kGranted, st->slot, kLatePriority), "late waiter grant");
    st->grants.push_back(c.ctx());
    expect_eq(c.release(st->slot), res(Code::kReleased, 0), "last RELEASE frees the slot");
  });

  h.finish([st](Initiator& os) {
    expect_eq(st->grants, st->expected, "grant order (contexts)");
    expect_eq(os.counter(HWMX_STAT_HANDOFFS_LO_OFFSET), std::uint64_t{kWaiters + 1}, "HANDOFFS");
    expect_eq(os.counter(HWMX_STAT_ERRORS_LO_OFFSET), std::uint64_t{0}, "ERRORS");
  });
}
