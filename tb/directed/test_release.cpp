// RELEASE: recursion, freeing, handoff to the head waiter, and its errors.
#include "device_test.h"

namespace hwmx::test {
namespace {

TEST_P(Release, FreesTheSlot) {
  const unsigned c = new_ctx(), s = new_slot();
  ASSERT_EQ(acquire(c, s).code, Code::kGranted);
  EXPECT_EQ(release(c, s), res(Code::kReleased, 0));
  EXPECT_EQ(status(c), status_word(true, false, false, 0, 0));
  EXPECT_EQ(inspect(s).state, HWMX_INSPECT_STATE_ALLOCATED_MASK);
  EXPECT_EQ(release(c, s), res(Code::kErrNotOwner, s)) << "now free";
}

TEST_P(Release, RecursiveCountsDown) {
  const unsigned c = new_ctx(), s = new_slot(kRecFifo);
  for (int i = 0; i < 3; ++i) ASSERT_EQ(acquire(c, s).code, Code::kGranted);
  EXPECT_EQ(release(c, s), res(Code::kReleased, 2)) << "VALUE = count before";
  EXPECT_EQ(release(c, s), res(Code::kReleased, 1));
  EXPECT_EQ(inspect(s).count, 0u);
  EXPECT_EQ(status(c), status_word(true, false, false, 1, 0)) << "still held once";
  EXPECT_EQ(release(c, s), res(Code::kReleased, 0));
  EXPECT_EQ(status(c), status_word(true, false, false, 0, 0));
}

TEST_P(Release, NotOwner) {
  const unsigned a = new_ctx(), b = new_ctx(), s = new_slot();
  EXPECT_EQ(release(a, s), res(Code::kErrNotOwner, s)) << "free slot";
  ASSERT_EQ(acquire(a, s).code, Code::kGranted);
  EXPECT_EQ(release(b, s), res(Code::kErrNotOwner, s)) << "another's slot";
  EXPECT_EQ(last_error(b), last_error_of(Code::kErrNotOwner, HWMX_OP_RELEASE, s));
  EXPECT_EQ(status(a), status_word(true, false, false, 1, 0));
  EXPECT_EQ(counter(HWMX_STAT_ERRORS_LO_OFFSET), 2u);
}

TEST_P(Release, BadContextAndSlot) {
  const unsigned c = new_ctx(), s = new_slot();
  EXPECT_EQ(release(nc() - 1, s), res(Code::kErrBadCtx, s));
  EXPECT_EQ(last_error(nc() - 1), last_error_of(Code::kErrBadCtx, HWMX_OP_RELEASE, s));
  EXPECT_EQ(release(c, s + 1), res(Code::kErrBadSlot, s + 1));
  if (nm() < 4096) {
    EXPECT_EQ(release(c, 4095), res(Code::kErrBadSlot, 4095));
  }
  EXPECT_EQ(last_error(c),
            last_error_of(Code::kErrBadSlot, HWMX_OP_RELEASE, nm() < 4096 ? 4095 : s + 1));
}

TEST_P(Release, HandsOffToTheHeadWaiter) {
  const unsigned a = new_ctx(), b = new_ctx(4), c = new_ctx(9);
  const unsigned s = new_slot(kExclFifo);
  ASSERT_EQ(acquire(a, s).code, Code::kGranted);
  ASSERT_EQ(acquire(b, s), res(Code::kQueued, 1));
  ASSERT_EQ(acquire(c, s), res(Code::kQueued, 2));
  EXPECT_EQ(release(a, s), res(Code::kHandoff, b));
  EXPECT_EQ(status(a), status_word(true, false, false, 0, 0));
  EXPECT_EQ(status(b), status_word(true, false, true, 1, 0));
  EXPECT_EQ(grant(b), res(Code::kGranted, s, 4));
  EXPECT_EQ(intr_state(b), 1u);
  const auto in = inspect(s);
  EXPECT_EQ(in.state, HWMX_INSPECT_STATE_ALLOCATED_MASK | HWMX_INSPECT_STATE_OWNED_MASK |
                          (b << HWMX_INSPECT_STATE_OWNER_LSB));
  EXPECT_EQ(in.queue, 1u | (c << HWMX_INSPECT_QUEUE_HEAD_LSB) | (c << HWMX_INSPECT_QUEUE_TAIL_LSB));
  EXPECT_EQ(counter(HWMX_STAT_HANDOFFS_LO_OFFSET), 1u);
  EXPECT_EQ(counter(HWMX_STAT_CONTENDED_LO_OFFSET), 1u);
  EXPECT_EQ(counter(HWMX_STAT_ACQUIRES_LO_OFFSET), 2u);
  // The new owner may release before taking the grant; the grant record stays pending.
  EXPECT_EQ(release(b, s), res(Code::kHandoff, c));
  EXPECT_EQ(grant(b), res(Code::kGranted, s, 4));
  EXPECT_EQ(take_grant(c), res(Code::kGranted, s, 9));
  EXPECT_EQ(release(c, s), res(Code::kReleased, 0));
}

TEST_P(Release, RecursiveCountMustReachZeroBeforeHandoff) {
  const unsigned a = new_ctx(), b = new_ctx();
  const unsigned s = new_slot(kRecFifo);
  ASSERT_EQ(acquire(a, s).code, Code::kGranted);
  ASSERT_EQ(acquire(a, s).code, Code::kGranted);
  ASSERT_EQ(acquire(b, s), res(Code::kQueued, 1));
  EXPECT_EQ(release(a, s), res(Code::kReleased, 1));
  EXPECT_EQ(status(b), status_word(true, true, false, 0, s));
  EXPECT_EQ(release(a, s), res(Code::kHandoff, b));
  EXPECT_EQ(inspect(s).count, 0u);
}

}  // namespace
}  // namespace hwmx::test
