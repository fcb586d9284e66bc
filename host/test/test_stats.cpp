// HwmxQueryStatistics: engine counters and bus counters since the device was opened.
#include "test_support.h"

using namespace hwmx_test;

TEST(Statistics, CountAcquisitionsHandoffsAndBusTraffic) {
  in_thread([] {
    KMutexObj m;
    HWMX_STATISTICS before{}, after{};
    ASSERT_EQ(HwmxQueryStatistics(&before), STATUS_SUCCESS);
    for (int i = 0; i < 10; ++i) {
      ASSERT_EQ(KeWaitForSingleObject(&m.m, Executive, KernelMode, FALSE, nullptr), STATUS_SUCCESS);
      KeReleaseMutex(&m.m, FALSE);
    }
    ASSERT_EQ(HwmxQueryStatistics(&after), STATUS_SUCCESS);
    EXPECT_GE(after.Acquires - before.Acquires, 10u);
    // One bus transaction per acquire and per release (plus the statistics reads themselves).
    EXPECT_GE(after.BusReads - before.BusReads, 20u);
    EXPECT_LT(after.BusReads - before.BusReads, 60u);
    EXPECT_GT(after.SimCycles, before.SimCycles);  // the default backend is the simulated RTL

    // A contended acquisition: a queue of two, two handoffs.
    before = after;
    ASSERT_EQ(KeWaitForSingleObject(&m.m, Executive, KernelMode, FALSE, nullptr), STATUS_SUCCESS);
    std::vector<std::thread> waiters;
    for (int i = 0; i < 2; ++i) {
      waiters.emplace_back([&] {
        EXPECT_EQ(KeWaitForSingleObject(&m.m, Executive, KernelMode, FALSE, nullptr),
                  STATUS_SUCCESS);
        KeReleaseMutex(&m.m, FALSE);
      });
      ASSERT_TRUE(wait_for_waiters(&m.m, static_cast<ULONG>(i + 1)));
    }
    KeReleaseMutex(&m.m, FALSE);
    for (auto& t : waiters) t.join();
    ASSERT_EQ(HwmxQueryStatistics(&after), STATUS_SUCCESS);
    EXPECT_GE(after.ContendedAcquires - before.ContendedAcquires, 2u);
    EXPECT_GE(after.Handoffs - before.Handoffs, 2u);
    EXPECT_GE(after.MaxQueueDepth, 2u);
    EXPECT_GT(after.BusWrites, 0u);  // context setup writes

    // An operation the engine refuses counts as an error (a recursive fast-mutex acquire, D5).
    before = after;
    FastMutexObj f;
    ExAcquireFastMutex(&f.m);
    EXPECT_BUGCHECK(ExAcquireFastMutex(&f.m), MUTEX_ALREADY_OWNED);
    ExReleaseFastMutex(&f.m);
    ASSERT_EQ(HwmxQueryStatistics(&after), STATUS_SUCCESS);
    EXPECT_GE(after.Errors - before.Errors, 1u);
    EXPECT_RAISE(HwmxQueryStatistics(nullptr), STATUS_INVALID_PARAMETER);
  });
}
