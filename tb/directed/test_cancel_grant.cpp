// CANCEL and TAKE_GRANT, including both outcomes of a cancel racing a handoff.
#include "device_test.h"

namespace hwmx::test {
namespace {

constexpr std::uint32_t kNoneWord = 0x08000000;

TEST_P(CancelTakeGrant, CancelLeavesTheQueue) {
  const unsigned a = new_ctx(), b = new_ctx(), s = new_slot();
  ASSERT_EQ(acquire(a, s).code, Code::kGranted);
  ASSERT_EQ(acquire(b, s).code, Code::kQueued);
  EXPECT_EQ(cancel(b), res(Code::kCancelled, s));
  EXPECT_EQ(status(b), status_word(true, false, false, 0, 0));
  EXPECT_EQ(queue_length(s), 0u);
  EXPECT_EQ(release(a, s), res(Code::kReleased, 0)) << "no waiter left";
}

TEST_P(CancelTakeGrant, CancelFromTheMiddleKeepsTheOrder) {
  const unsigned a = new_ctx(), b = new_ctx(), c = new_ctx(), d = new_ctx();
  const unsigned s = new_slot();
  ASSERT_EQ(acquire(a, s).code, Code::kGranted);
  for (unsigned w : {b, c, d}) ASSERT_EQ(acquire(w, s).code, Code::kQueued);
  EXPECT_EQ(cancel(c), res(Code::kCancelled, s));
  EXPECT_EQ(queue_length(s), 2u);
  EXPECT_EQ(release(a, s), res(Code::kHandoff, b));
  EXPECT_EQ(release(b, s), res(Code::kHandoff, d));
  EXPECT_EQ(cancel(d), res(Code::kAlreadyGranted, s));
}

TEST_P(CancelTakeGrant, CancelWinsTheRace) {
  const unsigned a = new_ctx(), b = new_ctx(), s = new_slot();
  ASSERT_EQ(acquire(a, s).code, Code::kGranted);
  ASSERT_EQ(acquire(b, s).code, Code::kQueued);
  EXPECT_EQ(cancel(b), res(Code::kCancelled, s));  // the cancel arrives first
  EXPECT_EQ(release(a, s), res(Code::kReleased, 0));
  EXPECT_EQ(take_grant(b), res(Code::kNone));
  EXPECT_EQ(counter(HWMX_STAT_HANDOFFS_LO_OFFSET), 0u);
}

TEST_P(CancelTakeGrant, CancelLosesTheRace) {
  const unsigned a = new_ctx(), b = new_ctx(6), s = new_slot(kRecFifo);
  ASSERT_EQ(acquire(a, s).code, Code::kGranted);
  ASSERT_EQ(acquire(b, s).code, Code::kQueued);
  enable_irq(b);
  EXPECT_EQ(release(a, s), res(Code::kHandoff, b));  // the handoff arrives first
  EXPECT_TRUE(irq_line(b));
  EXPECT_EQ(cancel(b), res(Code::kAlreadyGranted, s, 16)) << "the grant is returned";
  EXPECT_FALSE(irq_line(b)) << "and consumed";
  EXPECT_EQ(intr_state(b), 0u);
  EXPECT_EQ(status(b), status_word(true, false, false, 1, 0)) << "b owns the slot";
  EXPECT_EQ(take_grant(b), res(Code::kNone));
  EXPECT_EQ(cancel(b), res(Code::kErrNotWaiting, 0));
  EXPECT_EQ(release(b, s), res(Code::kReleased, 0));
}

TEST_P(CancelTakeGrant, CancelErrors) {
  const unsigned c = new_ctx();
  EXPECT_EQ(cancel(c), res(Code::kErrNotWaiting, 0));
  EXPECT_EQ(last_error(c), last_error_of(Code::kErrNotWaiting, HWMX_OP_CANCEL, 0));
  EXPECT_EQ(cancel(nc() - 1), res(Code::kErrBadCtx, 0));
  EXPECT_EQ(last_error(nc() - 1), last_error_of(Code::kErrBadCtx, HWMX_OP_CANCEL, 0));
  EXPECT_EQ(counter(HWMX_STAT_ERRORS_LO_OFFSET), 2u);
}

TEST_P(CancelTakeGrant, TakeGrantConsumesOnce) {
  const unsigned a = new_ctx(), b = new_ctx(2), s = new_slot();
  EXPECT_EQ(take_grant(b), res(Code::kNone)) << "nothing pending: not an error";
  ASSERT_EQ(acquire(a, s).code, Code::kGranted);
  ASSERT_EQ(acquire(b, s).code, Code::kQueued);
  ASSERT_EQ(release(a, s).code, Code::kHandoff);
  EXPECT_EQ(ctx_read(b, HWMX_CTX_GRANT_OFFSET), res(Code::kGranted, s, 2).word());
  EXPECT_EQ(take_grant(b), res(Code::kGranted, s, 2));
  EXPECT_EQ(ctx_read(b, HWMX_CTX_GRANT_OFFSET), kNoneWord);
  EXPECT_EQ(status(b), status_word(true, false, false, 1, 0));
  EXPECT_EQ(take_grant(b), res(Code::kNone));
  EXPECT_EQ(counter(HWMX_STAT_ERRORS_LO_OFFSET), 0u);
}

TEST_P(CancelTakeGrant, TakeGrantBadCtx) {
  EXPECT_EQ(take_grant(1), res(Code::kErrBadCtx, 0));
  EXPECT_EQ(last_error(1), last_error_of(Code::kErrBadCtx, HWMX_OP_TAKE_GRANT, 0));
}

TEST_P(CancelTakeGrant, SecondHandoffReplacesAnUntakenGrant) {
  // A context may queue while an earlier grant is still untaken; the newer grant replaces the
  // record (engine.md: "grant record of h = {...}").
  const unsigned a = new_ctx(), b = new_ctx(), s0 = new_slot(), s1 = new_slot();
  ASSERT_EQ(acquire(a, s0).code, Code::kGranted);
  ASSERT_EQ(acquire(a, s1).code, Code::kGranted);
  ASSERT_EQ(acquire(b, s0).code, Code::kQueued);
  ASSERT_EQ(release(a, s0), res(Code::kHandoff, b));
  ASSERT_EQ(acquire(b, s1).code, Code::kQueued) << "queueing with a grant pending is allowed";
  EXPECT_EQ(status(b), status_word(true, true, true, 1, s1));
  ASSERT_EQ(release(a, s1), res(Code::kHandoff, b));
  EXPECT_EQ(grant(b), res(Code::kGranted, s1));
  EXPECT_EQ(status(b), status_word(true, false, true, 2, 0));
}

}  // namespace
}  // namespace hwmx::test
