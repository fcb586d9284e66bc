// INSPECT_SLOT / STATE / COUNT / QUEUE.
#include "device_test.h"

namespace hwmx::test {
namespace {

TEST_P(Inspect, ShowsOwnerCountAndQueue) {
  const unsigned a = new_ctx(), b = new_ctx(), c = new_ctx();
  const unsigned s = new_slot(kRecPrio);
  ASSERT_EQ(acquire(a, s).code, Code::kGranted);
  ASSERT_EQ(acquire(a, s).code, Code::kGranted);
  ASSERT_EQ(acquire(b, s).code, Code::kQueued);
  ASSERT_EQ(acquire(c, s).code, Code::kQueued);
  const auto in = inspect(s);
  EXPECT_EQ(in.state, HWMX_INSPECT_STATE_ALLOCATED_MASK | HWMX_INSPECT_STATE_RECURSIVE_MASK |
                          HWMX_INSPECT_STATE_PRIORITY_POLICY_MASK | HWMX_INSPECT_STATE_OWNED_MASK |
                          (a << HWMX_INSPECT_STATE_OWNER_LSB));
  EXPECT_EQ(in.count, 1u);
  EXPECT_EQ(in.queue, 2u | (b << HWMX_INSPECT_QUEUE_HEAD_LSB) | (c << HWMX_INSPECT_QUEUE_TAIL_LSB));
}

TEST_P(Inspect, OutOfRangeSlotReadsZero) {
  if (nm() >= 4096) GTEST_SKIP() << "every 12-bit slot number exists";
  for (unsigned s = 0; s < nm(); ++s) ASSERT_EQ(alloc_slot(kRecPrio).code, Code::kDone);
  for (unsigned s : {nm(), 4095u}) {
    const auto in = inspect(s);
    EXPECT_EQ(in.state, 0u);
    EXPECT_EQ(in.count, 0u);
    EXPECT_EQ(in.queue, 0u);
  }
  EXPECT_EQ(rd(HWMX_INSPECT_SLOT_OFFSET), 4095u);
}

TEST_P(Inspect, UnallocatedSlotReadsZeroAfterReset) {
  const auto in = inspect(nm() - 1);
  EXPECT_EQ(in.state, 0u);
  EXPECT_EQ(in.count, 0u);
  EXPECT_EQ(in.queue, 0u);
}

TEST_P(Inspect, StatusOfAWaiter) {
  const unsigned a = new_ctx(), b = new_ctx();
  for (unsigned i = 0; i + 1 < nm() && i < 5; ++i) new_slot();
  const unsigned s = new_slot();
  ASSERT_EQ(acquire(a, s).code, Code::kGranted);
  ASSERT_EQ(acquire(b, s).code, Code::kQueued);
  EXPECT_EQ(status(b), status_word(true, true, false, 0, s));
  ASSERT_EQ(cancel(b).code, Code::kCancelled);
  EXPECT_EQ(status(b), status_word(true, false, false, 0, 0));
}

}  // namespace
}  // namespace hwmx::test
