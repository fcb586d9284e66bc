// Statistics counters: what counts as an acquire, a contended acquire, a handoff, an error.
#include "device_test.h"

namespace hwmx::test {
namespace {

TEST_P(Counters, CountEachKindOfEvent) {
  const unsigned a = new_ctx(), b = new_ctx(), s = new_slot(kRecFifo);
  ASSERT_EQ(acquire(a, s).code, Code::kGranted);      // acquire
  ASSERT_EQ(acquire(a, s).code, Code::kGranted);      // acquire (recursive)
  ASSERT_EQ(try_acquire(b, s).code, Code::kBusy);     // nothing
  ASSERT_EQ(acquire(b, s).code, Code::kQueued);       // nothing (max_qdepth 1)
  ASSERT_EQ(release(a, s).code, Code::kReleased);     // nothing
  ASSERT_EQ(release(a, s).code, Code::kHandoff);      // handoff, acquire, contended
  ASSERT_EQ(take_grant(b).code, Code::kGranted);      // nothing
  ASSERT_EQ(release(a, s).code, Code::kErrNotOwner);  // error
  ASSERT_EQ(cancel(a).code, Code::kErrNotWaiting);    // error
  ASSERT_EQ(alloc_ctx().code, Code::kDone);
  ASSERT_EQ(free_slot(s).code, Code::kErrSlotBusy);  // error
  EXPECT_EQ(counter(HWMX_STAT_ACQUIRES_LO_OFFSET), 3u);
  EXPECT_EQ(counter(HWMX_STAT_CONTENDED_LO_OFFSET), 1u);
  EXPECT_EQ(counter(HWMX_STAT_HANDOFFS_LO_OFFSET), 1u);
  EXPECT_EQ(counter(HWMX_STAT_ERRORS_LO_OFFSET), 3u);
  EXPECT_EQ(rd(HWMX_STAT_MAX_QDEPTH_OFFSET), 1u);
  EXPECT_EQ(bus_errors(), 0u);
  for (std::uint32_t hi : {HWMX_STAT_ACQUIRES_HI_OFFSET, HWMX_STAT_CONTENDED_HI_OFFSET,
                           HWMX_STAT_HANDOFFS_HI_OFFSET, HWMX_STAT_ERRORS_HI_OFFSET}) {
    EXPECT_EQ(rd(hi), 0u);
  }
}

TEST_P(Counters, BusErrorsCountSeparately) {
  (void)dev().read(0x1C);
  (void)dev().write(HWMX_ID_OFFSET, 0);
  EXPECT_EQ(bus_errors(), 2u);
  EXPECT_EQ(counter(HWMX_STAT_ERRORS_LO_OFFSET), 0u);
}

TEST_P(Counters, ManyAcquiresAccumulate) {
  const unsigned c = new_ctx(), s = new_slot();
  for (int i = 0; i < 1000; ++i) {
    ASSERT_EQ(acquire(c, s).code, Code::kGranted);
    ASSERT_EQ(release(c, s).code, Code::kReleased);
  }
  EXPECT_EQ(counter(HWMX_STAT_ACQUIRES_LO_OFFSET), 1000u);
}

}  // namespace
}  // namespace hwmx::test
