// Interrupts: irq_ctx[c] = intr_state & intr_enable, irq = OR, INTR_SUMMARY; what sets and what
// clears intr_state.
#include "device_test.h"
#include "hwmx/model/spec_choices.h"

namespace hwmx::test {
namespace {

TEST_P(Interrupts, HandoffRaisesTheNewOwnersLine) {
  const unsigned a = new_ctx(), b = new_ctx(), s = new_slot();
  enable_irq(a);
  enable_irq(b);
  ASSERT_EQ(acquire(a, s).code, Code::kGranted);
  ASSERT_EQ(acquire(b, s).code, Code::kQueued);
  EXPECT_FALSE(irq_any());
  ASSERT_EQ(release(a, s), res(Code::kHandoff, b));
  EXPECT_TRUE(irq_line(b));
  EXPECT_FALSE(irq_line(a));
  EXPECT_TRUE(irq_any());
  EXPECT_EQ(rd(HWMX_INTR_SUMMARY_OFFSET + (b / 32) * 4), 1u << (b % 32));
  EXPECT_EQ(take_grant(b).code, Code::kGranted);
  EXPECT_FALSE(irq_line(b));
  EXPECT_FALSE(irq_any());
  EXPECT_EQ(rd(HWMX_INTR_SUMMARY_OFFSET + (b / 32) * 4), 0u);
}

TEST_P(Interrupts, DisabledLineKeepsTheState) {
  const unsigned a = new_ctx(), b = new_ctx(), s = new_slot();
  ASSERT_EQ(acquire(a, s).code, Code::kGranted);
  ASSERT_EQ(acquire(b, s).code, Code::kQueued);
  ASSERT_EQ(release(a, s).code, Code::kHandoff);
  EXPECT_EQ(intr_state(b), 1u);
  EXPECT_FALSE(irq_line(b));
  EXPECT_EQ(rd(HWMX_INTR_SUMMARY_OFFSET), 0u) << "the summary shows pending AND enabled";
  enable_irq(b);
  EXPECT_TRUE(irq_line(b));
  enable_irq(b, false);
  EXPECT_FALSE(irq_line(b));
}

TEST_P(Interrupts, WriteOneToClearDoesNotConsumeTheGrant) {
  const unsigned a = new_ctx(), b = new_ctx(), s = new_slot();
  enable_irq(b);
  ASSERT_EQ(acquire(a, s).code, Code::kGranted);
  ASSERT_EQ(acquire(b, s).code, Code::kQueued);
  ASSERT_EQ(release(a, s).code, Code::kHandoff);
  ctx_write(b, HWMX_CTX_INTR_STATE_OFFSET, 1);
  EXPECT_FALSE(irq_line(b));
  EXPECT_EQ(status(b), status_word(true, false, true, 1, 0));
  EXPECT_EQ(take_grant(b), res(Code::kGranted, s));
}

TEST_P(Interrupts, IntrTestAndTakeGrantWithoutGrant) {
  const unsigned c = new_ctx();
  enable_irq(c);
  ctx_write(c, HWMX_CTX_INTR_TEST_OFFSET, 1);
  EXPECT_TRUE(irq_line(c));
  EXPECT_EQ(take_grant(c), res(Code::kNone));
  EXPECT_EQ(irq_line(c), !model::choices::kTakeGrantNoneClearsIntr);
  ctx_write(c, HWMX_CTX_INTR_STATE_OFFSET, 1);
  EXPECT_FALSE(irq_line(c));
}

TEST_P(Interrupts, AbandonClearsTheState) {
  const unsigned c = new_ctx();
  enable_irq(c);
  ctx_write(c, HWMX_CTX_INTR_TEST_OFFSET, 1);
  EXPECT_TRUE(irq_line(c));
  EXPECT_EQ(abandon(c), res(Code::kDone, 0));
  EXPECT_EQ(irq_line(c), !model::choices::kAbandonAlwaysClearsIntr);
}

TEST_P(Interrupts, UnallocatedContextLinesFollowTheirRegisters) {
  // Pages of unallocated contexts are writable, so INTR_TEST drives their lines too.
  const unsigned c = nc() - 1;
  enable_irq(c);
  ctx_write(c, HWMX_CTX_INTR_TEST_OFFSET, 1);
  EXPECT_TRUE(irq_line(c));
  EXPECT_TRUE(irq_any());
  EXPECT_EQ(alloc_ctx(), res(Code::kDone, 0));
  EXPECT_TRUE(irq_line(c)) << "other contexts are not touched";
}

TEST_P(Interrupts, SummaryCoversExactlyTheContexts) {
  for (unsigned c = 0; c < nc(); ++c) {
    enable_irq(c);
    ctx_write(c, HWMX_CTX_INTR_TEST_OFFSET, 1);
  }
  for (unsigned w = 0; w < HWMX_INTR_SUMMARY_COUNT; ++w) {
    const unsigned lo = w * 32;
    const std::uint32_t expect =
        lo >= nc() ? 0u : (nc() - lo >= 32 ? 0xFFFFFFFFu : (1u << (nc() - lo)) - 1);
    EXPECT_EQ(rd(HWMX_INTR_SUMMARY_OFFSET + w * HWMX_INTR_SUMMARY_STRIDE), expect) << "word " << w;
  }
  for (unsigned c = 0; c < nc(); ++c) EXPECT_TRUE(dev().irq_ctx(c));
  ctx_write(nc() - 1, HWMX_CTX_INTR_ENABLE_OFFSET, 0);
  EXPECT_FALSE(irq_line(nc() - 1));
  EXPECT_TRUE(irq_any());
}

}  // namespace
}  // namespace hwmx::test
