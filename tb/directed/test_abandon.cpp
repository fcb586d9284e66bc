// ABANDON: cancel the context's wait, drop its grant, release every slot it owns in ascending
// order with the abandoned flag (to the head waiter, or freeing the slot and marking it).
#include "device_test.h"

namespace hwmx::test {
namespace {

constexpr std::uint32_t kAllocated = HWMX_INSPECT_STATE_ALLOCATED_MASK;
constexpr std::uint32_t kRecursive = HWMX_INSPECT_STATE_RECURSIVE_MASK;
constexpr std::uint32_t kAbandoned = HWMX_INSPECT_STATE_ABANDONED_MASK;

TEST_P(Abandon, WithoutWaitersMarksTheSlots) {
  const unsigned a = new_ctx(), b = new_ctx(8);
  const unsigned s0 = new_slot(kRecFifo), s1 = new_slot(kExclFifo);
  ASSERT_EQ(acquire(a, s0).code, Code::kGranted);
  ASSERT_EQ(acquire(a, s0).code, Code::kGranted);  // count 1: dropped as well
  ASSERT_EQ(acquire(a, s1).code, Code::kGranted);
  EXPECT_EQ(abandon(a), res(Code::kDone, 2));
  EXPECT_EQ(status(a), status_word(true, false, false, 0, 0)) << "still allocated";
  EXPECT_EQ(inspect(s0).state, kAllocated | kRecursive | kAbandoned);
  EXPECT_EQ(inspect(s0).count, 0u);
  EXPECT_EQ(inspect(s1).state, kAllocated | kAbandoned);
  EXPECT_EQ(release(b, s1), res(Code::kErrNotOwner, s1, 0, true)) << "reports the flag";
  EXPECT_EQ(acquire(b, s1), res(Code::kGranted, 0, 8, true)) << "the next acquirer is told";
  EXPECT_EQ(inspect(s1).state & kAbandoned, 0u) << "and the flag is cleared";
  EXPECT_EQ(release(b, s1), res(Code::kReleased, 0));
  EXPECT_EQ(acquire(b, s1), res(Code::kGranted, 0, 8)) << "only once";
  EXPECT_EQ(free_ctx(a), res(Code::kDone, a));
  EXPECT_EQ(counter(HWMX_STAT_HANDOFFS_LO_OFFSET), 0u);
}

TEST_P(Abandon, WithWaitersHandsOffWithAbandonedGrant) {
  const unsigned a = new_ctx(), b = new_ctx(2), c = new_ctx(), s = new_slot(kRecFifo);
  ASSERT_EQ(acquire(a, s).code, Code::kGranted);
  ASSERT_EQ(acquire(a, s).code, Code::kGranted);
  ASSERT_EQ(acquire(b, s).code, Code::kQueued);
  ASSERT_EQ(acquire(c, s).code, Code::kQueued);
  enable_irq(b);
  EXPECT_EQ(abandon(a), res(Code::kDone, 1));
  EXPECT_TRUE(irq_line(b));
  EXPECT_EQ(inspect(s).state, kAllocated | kRecursive | HWMX_INSPECT_STATE_OWNED_MASK |
                                  (b << HWMX_INSPECT_STATE_OWNER_LSB))
      << "the slot's own flag stays 0";
  EXPECT_EQ(inspect(s).count, 0u);
  EXPECT_EQ(take_grant(b), res(Code::kGranted, s, 16, true));
  EXPECT_EQ(counter(HWMX_STAT_HANDOFFS_LO_OFFSET), 1u);
  EXPECT_EQ(counter(HWMX_STAT_CONTENDED_LO_OFFSET), 1u);
  EXPECT_EQ(counter(HWMX_STAT_ACQUIRES_LO_OFFSET), 3u);
  EXPECT_EQ(release(b, s), res(Code::kHandoff, c));
  EXPECT_EQ(take_grant(c), res(Code::kGranted, s, 16)) << "a normal handoff again";
}

TEST_P(Abandon, SeveralSlotsSomeWithWaiters) {
  const unsigned a = new_ctx(), b = new_ctx(), c = new_ctx();
  const unsigned s0 = new_slot(), s1 = new_slot(), s2 = new_slot();
  for (unsigned s : {s0, s1, s2}) ASSERT_EQ(acquire(a, s).code, Code::kGranted);
  ASSERT_EQ(acquire(b, s2).code, Code::kQueued);
  ASSERT_EQ(acquire(c, s0).code, Code::kQueued);
  EXPECT_EQ(abandon(a), res(Code::kDone, 3));
  EXPECT_EQ(grant(c), res(Code::kGranted, s0, 0, true));
  EXPECT_EQ(grant(b), res(Code::kGranted, s2, 0, true));
  EXPECT_EQ(inspect(s1).state, kAllocated | kAbandoned);
  EXPECT_EQ(status(b), status_word(true, false, true, 1, 0));
  EXPECT_EQ(status(c), status_word(true, false, true, 1, 0));
  EXPECT_EQ(counter(HWMX_STAT_HANDOFFS_LO_OFFSET), 2u);
}

TEST_P(Abandon, WaitingContextLeavesItsQueue) {
  const unsigned a = new_ctx(), b = new_ctx(), s0 = new_slot(), s1 = new_slot();
  ASSERT_EQ(acquire(a, s0).code, Code::kGranted);
  ASSERT_EQ(acquire(b, s1).code, Code::kGranted);
  ASSERT_EQ(acquire(b, s0).code, Code::kQueued);
  EXPECT_EQ(abandon(b), res(Code::kDone, 1));
  EXPECT_EQ(status(b), status_word(true, false, false, 0, 0));
  EXPECT_EQ(queue_length(s0), 0u);
  EXPECT_EQ(release(a, s0), res(Code::kReleased, 0));
  EXPECT_EQ(inspect(s1).state, kAllocated | kAbandoned);
}

TEST_P(Abandon, PendingGrantIsDroppedAndItsSlotAbandoned) {
  const unsigned a = new_ctx(), b = new_ctx(), c = new_ctx(), s = new_slot();
  ASSERT_EQ(acquire(a, s).code, Code::kGranted);
  ASSERT_EQ(acquire(b, s).code, Code::kQueued);
  ASSERT_EQ(acquire(c, s).code, Code::kQueued);
  enable_irq(b);
  ASSERT_EQ(release(a, s), res(Code::kHandoff, b));
  EXPECT_TRUE(irq_line(b));
  EXPECT_EQ(abandon(b), res(Code::kDone, 1));
  EXPECT_FALSE(irq_line(b));
  EXPECT_EQ(intr_state(b), 0u);
  EXPECT_EQ(take_grant(b), res(Code::kNone)) << "dropped";
  EXPECT_EQ(take_grant(c), res(Code::kGranted, s, 0, true)) << "handed on, abandoned";
  EXPECT_EQ(free_ctx(b), res(Code::kDone, b));
}

TEST_P(Abandon, NothingOwned) {
  const unsigned a = new_ctx();
  EXPECT_EQ(abandon(a), res(Code::kDone, 0));
  EXPECT_EQ(counter(HWMX_STAT_ERRORS_LO_OFFSET), 0u);
}

TEST_P(Abandon, BadCtx) {
  EXPECT_EQ(abandon(0), res(Code::kErrBadCtx, 0));
  EXPECT_EQ(abandon(nc()), res(Code::kErrBadCtx, nc()));
  EXPECT_EQ(rd(HWMX_CTRL_LAST_ERROR_OFFSET),
            last_error_of(Code::kErrBadCtx, HWMX_OP_ABANDON, nc()));
  const unsigned beyond = HWMX_CTRL_ACT_ABANDON_ENTRIES - 1;
  EXPECT_EQ(abandon(beyond), res(Code::kErrBadCtx, beyond));
  EXPECT_EQ(counter(HWMX_STAT_ERRORS_LO_OFFSET), 3u);
}

TEST_P(Abandon, InitClearsTheFlag) {
  const unsigned a = new_ctx(), s = new_slot();
  ASSERT_EQ(acquire(a, s).code, Code::kGranted);
  ASSERT_EQ(abandon(a).code, Code::kDone);
  EXPECT_EQ(inspect(s).state, kAllocated | kAbandoned);
  EXPECT_EQ(op(ctrl(HWMX_CTRL_ACT_INIT_REC_FIFO_OFFSET, s)), res(Code::kDone, s));
  EXPECT_EQ(inspect(s).state, kAllocated | kRecursive);
  EXPECT_EQ(acquire(a, s), res(Code::kGranted));
}

TEST_P(Abandon, FreedSlotKeepsTheFlagUntilReallocated) {
  const unsigned a = new_ctx(), s = new_slot();
  ASSERT_EQ(acquire(a, s).code, Code::kGranted);
  ASSERT_EQ(abandon(a).code, Code::kDone);
  ASSERT_EQ(free_slot(s), res(Code::kDone, s));
  EXPECT_EQ(inspect(s).state, kAbandoned) << "as stored";
  EXPECT_EQ(alloc_slot(), res(Code::kDone, s));
  EXPECT_EQ(inspect(s).state, kAllocated) << "ALLOC_SLOT: not abandoned";
  EXPECT_EQ(acquire(a, s), res(Code::kGranted));
}

}  // namespace
}  // namespace hwmx::test
