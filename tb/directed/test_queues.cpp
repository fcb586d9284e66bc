// Wait-queue order: FIFO, and the PRIORITY enqueue walk (from the tail past lower-priority
// waiters, by their current priority; highest first, FIFO among equals).
#include <vector>

#include "device_test.h"

namespace hwmx::test {
namespace {

using Order = std::vector<unsigned>;

TEST_P(Queues, FifoIgnoresPriorities) {
  const unsigned a = new_ctx(), b = new_ctx(1), c = new_ctx(30), d = new_ctx(7);
  const unsigned s = new_slot(kRecFifo);
  ASSERT_EQ(acquire(a, s).code, Code::kGranted);
  EXPECT_EQ(acquire(b, s), res(Code::kQueued, 1));
  EXPECT_EQ(acquire(c, s), res(Code::kQueued, 2));
  EXPECT_EQ(acquire(d, s), res(Code::kQueued, 3));
  EXPECT_EQ(handoff_order(a, s), (Order{b, c, d}));
}

TEST_P(Queues, PriorityHighestFirstFifoAmongEquals) {
  const unsigned a = new_ctx(), b = new_ctx(1), c = new_ctx(5), d = new_ctx(3);
  const unsigned s = new_slot(kExclPrio);
  ASSERT_EQ(acquire(a, s).code, Code::kGranted);
  for (unsigned w : {b, c, d}) ASSERT_EQ(acquire(w, s).code, Code::kQueued);
  const auto q = inspect(s).queue;
  EXPECT_EQ(q, 3u | (c << HWMX_INSPECT_QUEUE_HEAD_LSB) | (b << HWMX_INSPECT_QUEUE_TAIL_LSB));
  EXPECT_EQ(handoff_order(a, s), (Order{c, d, b}));

  // Equal priorities keep arrival order.
  for (unsigned w : {b, c, d}) set_priority(w, 4);
  ASSERT_EQ(acquire(a, s).code, Code::kGranted);
  for (unsigned w : {d, b, c}) ASSERT_EQ(acquire(w, s).code, Code::kQueued);
  EXPECT_EQ(handoff_order(a, s), (Order{d, b, c}));
}

TEST_P(Queues, PriorityWalkStopsAtFirstWaiterNotLower) {
  // Queue [b(5), c(1)]; c is raised to 7 while waiting: [b(5), c(7)] is no longer sorted. A new
  // waiter d(6) walks from the tail, stops at c (7 >= 6) and goes after it: [b, c, d].
  const unsigned a = new_ctx(), b = new_ctx(5), c = new_ctx(1), d = new_ctx(6);
  const unsigned s = new_slot(kRecPrio);
  ASSERT_EQ(acquire(a, s).code, Code::kGranted);
  ASSERT_EQ(acquire(b, s).code, Code::kQueued);
  ASSERT_EQ(acquire(c, s).code, Code::kQueued);
  set_priority(c, 7);
  ASSERT_EQ(acquire(d, s), res(Code::kQueued, 3));
  EXPECT_EQ(handoff_order(a, s), (Order{b, c, d}));
}

TEST_P(Queues, PriorityWalkPassesWaitersLoweredWhileWaiting) {
  // Queue [b(5), c(1)]; b is lowered to 0: d(3) passes c(1) and b(0) and goes to the head.
  const unsigned a = new_ctx(), b = new_ctx(5), c = new_ctx(1), d = new_ctx(3);
  const unsigned s = new_slot(kExclPrio);
  ASSERT_EQ(acquire(a, s).code, Code::kGranted);
  ASSERT_EQ(acquire(b, s).code, Code::kQueued);
  ASSERT_EQ(acquire(c, s).code, Code::kQueued);
  set_priority(b, 0);
  ASSERT_EQ(acquire(d, s), res(Code::kQueued, 3));
  EXPECT_EQ(inspect(s).queue,
            3u | (d << HWMX_INSPECT_QUEUE_HEAD_LSB) | (c << HWMX_INSPECT_QUEUE_TAIL_LSB));
  EXPECT_EQ(handoff_order(a, s), (Order{d, b, c}));
}

TEST_P(Queues, InitChangesThePolicyOfLaterQueues) {
  const unsigned a = new_ctx(), b = new_ctx(1), c = new_ctx(9);
  const unsigned s = new_slot(kExclFifo);
  EXPECT_EQ(op(ctrl(HWMX_CTRL_ACT_INIT_EXCL_PRIO_OFFSET, s)), res(Code::kDone, s));
  ASSERT_EQ(acquire(a, s).code, Code::kGranted);
  ASSERT_EQ(acquire(b, s).code, Code::kQueued);
  ASSERT_EQ(acquire(c, s).code, Code::kQueued);
  EXPECT_EQ(handoff_order(a, s), (Order{c, b}));
}

TEST_P(Queues, MaxQueueDepthIsAHighWaterMark) {
  const unsigned a = new_ctx(), b = new_ctx(), c = new_ctx();
  const unsigned s = new_slot();
  ASSERT_EQ(acquire(a, s).code, Code::kGranted);
  ASSERT_EQ(acquire(b, s).code, Code::kQueued);
  ASSERT_EQ(acquire(c, s).code, Code::kQueued);
  ASSERT_EQ(cancel(b).code, Code::kCancelled);
  ASSERT_EQ(cancel(c).code, Code::kCancelled);
  EXPECT_EQ(rd(HWMX_STAT_MAX_QDEPTH_OFFSET), 2u);
  ASSERT_EQ(acquire(b, s), res(Code::kQueued, 1));
  EXPECT_EQ(rd(HWMX_STAT_MAX_QDEPTH_OFFSET), 2u);
}

TEST_P(Queues, EveryContextCanWait) {
  // The longest queue an instance can have: every other context waits on one slot.
  std::vector<unsigned> ctxs;
  for (unsigned i = 0; i < nc(); ++i) ctxs.push_back(new_ctx());
  const unsigned s = new_slot();
  ASSERT_EQ(acquire(ctxs[0], s).code, Code::kGranted);
  for (unsigned i = 1; i < nc(); ++i) ASSERT_EQ(acquire(ctxs[i], s), res(Code::kQueued, i));
  EXPECT_EQ(rd(HWMX_STAT_MAX_QDEPTH_OFFSET), nc() - 1);
  EXPECT_EQ(queue_length(s), nc() - 1);
  EXPECT_EQ(handoff_order(ctxs[0], s), std::vector<unsigned>(ctxs.begin() + 1, ctxs.end()));
}

}  // namespace
}  // namespace hwmx::test
