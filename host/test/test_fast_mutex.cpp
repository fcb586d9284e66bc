// FAST_MUTEX facts 23-32 of SEMANTICS.md, with decisions D4 and D5.
#include <atomic>
#include <cstring>

#include "test_support.h"

using namespace hwmx_test;

TEST(Fact23, InitializeSetsCountOwnerContentionAndLeavesOldIrql) {
  in_thread([] {
    FAST_MUTEX m;
    std::memset(&m, 0, sizeof m);
    m.OldIrql = 0x55555555;
    ExInitializeFastMutex(&m);
    EXPECT_EQ(m.Count, 1);
    EXPECT_EQ(m.Owner, nullptr);
    EXPECT_EQ(m.Contention, 0u);
    EXPECT_EQ(m.OldIrql, 0x55555555u);
    HwmxFreeMutex(&m);
  });
}

TEST(Fact24, AcquireRaisesToApcLevelAndRecordsTheOwner) {
  in_thread([] {
    FastMutexObj m;
    ExAcquireFastMutex(&m.m);
    EXPECT_EQ(KeGetCurrentIrql(), APC_LEVEL);
    EXPECT_EQ(m.m.OldIrql, static_cast<ULONG>(PASSIVE_LEVEL));
    EXPECT_EQ(m.m.Count, 0);
    EXPECT_EQ(m.m.Owner, KeGetCurrentThread());
    EXPECT_FALSE(KeAreApcsDisabled());    // no region counter changes
    EXPECT_TRUE(KeAreAllApcsDisabled());  // APC_LEVEL
    EXPECT_EQ(query(&m.m).Owner, KeGetCurrentThread());
    EXPECT_EQ(query(&m.m).State, 0);
    ExReleaseFastMutex(&m.m);
  });
}

TEST(Fact25, ReleaseRestoresTheSavedIrql) {
  in_thread([] {
    FastMutexObj m;
    ExAcquireFastMutex(&m.m);
    ExReleaseFastMutex(&m.m);
    EXPECT_EQ(KeGetCurrentIrql(), PASSIVE_LEVEL);
    EXPECT_EQ(m.m.Count, 1);
    EXPECT_EQ(m.m.Owner, nullptr);
    EXPECT_FALSE(KeAreAllApcsDisabled());
    // Starting at APC_LEVEL, the thread stays there.
    KIRQL old;
    KeRaiseIrql(APC_LEVEL, &old);
    ExAcquireFastMutex(&m.m);
    EXPECT_EQ(m.m.OldIrql, static_cast<ULONG>(APC_LEVEL));
    ExReleaseFastMutex(&m.m);
    EXPECT_EQ(KeGetCurrentIrql(), APC_LEVEL);
    KeLowerIrql(old);
  });
}

TEST(Fact25, ReleaseNotAtApcLevelBugChecksAndChangesNothing) {
  in_thread([] {
    FastMutexObj m;
    ExAcquireFastMutex(&m.m);
    KeLowerIrql(PASSIVE_LEVEL);
    EXPECT_BUGCHECK(ExReleaseFastMutex(&m.m), IRQL_NOT_LESS_OR_EQUAL);
    EXPECT_EQ(m.m.Owner, KeGetCurrentThread());
    KIRQL old;
    KeRaiseIrql(APC_LEVEL, &old);
    ExReleaseFastMutex(&m.m);
    EXPECT_EQ(KeGetCurrentIrql(), PASSIVE_LEVEL);
  });
}

TEST(Fact26, TryAcquiresAFreeMutexLikeAnAcquire) {
  in_thread([] {
    FastMutexObj m;
    EXPECT_TRUE(ExTryToAcquireFastMutex(&m.m));
    EXPECT_EQ(KeGetCurrentIrql(), APC_LEVEL);
    EXPECT_EQ(m.m.Owner, KeGetCurrentThread());
    // Held by the caller: FALSE, IRQL unchanged, mutex unchanged.
    EXPECT_FALSE(ExTryToAcquireFastMutex(&m.m));
    EXPECT_EQ(KeGetCurrentIrql(), APC_LEVEL);
    EXPECT_EQ(m.m.Count, 0);
    EXPECT_EQ(query(&m.m).RecursionCount, 1u);
    // Held by another thread: FALSE, and that thread's IRQL is unchanged.
    in_thread([&] {
      EXPECT_FALSE(ExTryToAcquireFastMutex(&m.m));
      EXPECT_EQ(KeGetCurrentIrql(), PASSIVE_LEVEL);
    });
    ExReleaseFastMutex(&m.m);
    EXPECT_EQ(KeGetCurrentIrql(), PASSIVE_LEVEL);
  });
}

TEST(Fact27, UnsafeRoutinesChangeNeitherIrqlNorOldIrql) {
  in_thread([] {
    FastMutexObj m;
    m.m.OldIrql = 0x55;
    KeEnterCriticalRegion();
    ExAcquireFastMutexUnsafe(&m.m);
    EXPECT_EQ(KeGetCurrentIrql(), PASSIVE_LEVEL);
    EXPECT_EQ(m.m.Owner, KeGetCurrentThread());
    EXPECT_EQ(m.m.OldIrql, 0x55u);
    ExReleaseFastMutexUnsafe(&m.m);
    EXPECT_EQ(KeGetCurrentIrql(), PASSIVE_LEVEL);
    EXPECT_EQ(m.m.Owner, nullptr);
    KeLeaveCriticalRegion();
    // At APC_LEVEL, and inside a guarded region, work as well.
    KIRQL old;
    KeRaiseIrql(APC_LEVEL, &old);
    ExAcquireFastMutexUnsafe(&m.m);
    ExReleaseFastMutexUnsafe(&m.m);
    KeLowerIrql(old);
    KeEnterGuardedRegion();
    ExAcquireFastMutexUnsafe(&m.m);
    ExReleaseFastMutexUnsafe(&m.m);
    KeLeaveGuardedRegion();
    EXPECT_EQ(m.m.OldIrql, 0x55u);
  });
}

TEST(Fact27, UnsafeOutsideApcLevelOrARegionBugChecks) {
  in_thread([] {
    FastMutexObj m;
    EXPECT_BUGCHECK(ExAcquireFastMutexUnsafe(&m.m), IRQL_NOT_LESS_OR_EQUAL);
    EXPECT_EQ(query(&m.m).State, 1);
    KeEnterCriticalRegion();
    ExAcquireFastMutexUnsafe(&m.m);
    KeLeaveCriticalRegion();
    EXPECT_BUGCHECK(ExReleaseFastMutexUnsafe(&m.m), IRQL_NOT_LESS_OR_EQUAL);
    EXPECT_EQ(query(&m.m).State, 0);
    KeEnterCriticalRegion();
    ExReleaseFastMutexUnsafe(&m.m);
    KeLeaveCriticalRegion();
  });
}

TEST(Fact28, EnterCriticalRegionAndAcquireUnsafe) {
  in_thread([] {
    FastMutexObj m;
    ExEnterCriticalRegionAndAcquireFastMutexUnsafe(&m.m);
    EXPECT_TRUE(KeAreApcsDisabled());
    EXPECT_EQ(KeGetCurrentIrql(), PASSIVE_LEVEL);
    EXPECT_EQ(m.m.Owner, KeGetCurrentThread());
    ExReleaseFastMutexUnsafeAndLeaveCriticalRegion(&m.m);
    EXPECT_FALSE(KeAreApcsDisabled());
    EXPECT_EQ(m.m.Owner, nullptr);
  });
}

TEST(Fact29, MismatchedPairsAreRefusedByD4) {
  in_thread([] {
    FastMutexObj m;
    // Acquire + ReleaseUnsafe would leave the thread at APC_LEVEL.
    ExAcquireFastMutex(&m.m);
    EXPECT_BUGCHECK(ExReleaseFastMutexUnsafe(&m.m), IRQL_NOT_LESS_OR_EQUAL);
    EXPECT_EQ(m.m.Owner, KeGetCurrentThread());
    EXPECT_EQ(KeGetCurrentIrql(), APC_LEVEL);
    ExReleaseFastMutex(&m.m);
    EXPECT_EQ(KeGetCurrentIrql(), PASSIVE_LEVEL);
    // AcquireUnsafe + Release would lower to a stale OldIrql.
    KIRQL old;
    KeRaiseIrql(APC_LEVEL, &old);
    ExAcquireFastMutexUnsafe(&m.m);
    EXPECT_BUGCHECK(ExReleaseFastMutex(&m.m), IRQL_NOT_LESS_OR_EQUAL);
    EXPECT_EQ(m.m.Owner, KeGetCurrentThread());
    EXPECT_EQ(KeGetCurrentIrql(), APC_LEVEL);
    ExReleaseFastMutexUnsafe(&m.m);
    KeLowerIrql(old);
  });
}

TEST(Fact30, RecursiveAcquireIsBugCheckMutexAlreadyOwnedD5) {
  in_thread([] {
    FastMutexObj m;
    ExAcquireFastMutex(&m.m);
    EXPECT_BUGCHECK(ExAcquireFastMutex(&m.m), MUTEX_ALREADY_OWNED);
    EXPECT_EQ(KeGetCurrentIrql(), APC_LEVEL);
    EXPECT_EQ(m.m.OldIrql, static_cast<ULONG>(PASSIVE_LEVEL));
    EXPECT_EQ(query(&m.m).RecursionCount, 1u);
    KeEnterCriticalRegion();
    EXPECT_BUGCHECK(ExAcquireFastMutexUnsafe(&m.m), MUTEX_ALREADY_OWNED);
    KeLeaveCriticalRegion();
    ExReleaseFastMutex(&m.m);
    EXPECT_EQ(KeGetCurrentIrql(), PASSIVE_LEVEL);
  });
}

TEST(Fact31, ReleaseOfAnUnheldMutexIsRefusedD4) {
  in_thread([] {
    FastMutexObj m;
    KeEnterCriticalRegion();
    EXPECT_RAISE(ExReleaseFastMutexUnsafe(&m.m), STATUS_MUTANT_NOT_OWNED);
    KeLeaveCriticalRegion();
    EXPECT_EQ(m.m.Count, 1);  // not 2 as in a free build
    KIRQL old;
    KeRaiseIrql(APC_LEVEL, &old);
    EXPECT_RAISE(ExReleaseFastMutex(&m.m), STATUS_MUTANT_NOT_OWNED);
    EXPECT_EQ(KeGetCurrentIrql(), APC_LEVEL);
    KeLowerIrql(old);
  });
}

TEST(Fact31, AcquireAboveApcLevelBugChecksInsteadOfLoweringD4) {
  in_thread([] {
    FastMutexObj m;
    KIRQL old;
    KeRaiseIrql(DISPATCH_LEVEL, &old);
    EXPECT_BUGCHECK(ExAcquireFastMutex(&m.m), IRQL_NOT_LESS_OR_EQUAL);
    EXPECT_BUGCHECK(ExTryToAcquireFastMutex(&m.m), IRQL_NOT_LESS_OR_EQUAL);
    EXPECT_EQ(KeGetCurrentIrql(), DISPATCH_LEVEL);
    KeLowerIrql(old);
    EXPECT_EQ(query(&m.m).State, 1);
  });
}

TEST(FastMutex, ReleaseByANonOwnerIsRefusedD4) {
  FastMutexObj m;
  std::atomic<int> stage{0};
  std::thread owner([&] {
    ExAcquireFastMutex(&m.m);
    stage = 1;
    while (stage != 2) std::this_thread::yield();
    ExReleaseFastMutex(&m.m);
  });
  while (stage != 1) std::this_thread::yield();
  in_thread([&] {
    KIRQL old;
    KeRaiseIrql(APC_LEVEL, &old);
    EXPECT_RAISE(ExReleaseFastMutex(&m.m), STATUS_MUTANT_NOT_OWNED);
    KeLowerIrql(old);
  });
  EXPECT_EQ(query(&m.m).State, 0);
  stage = 2;
  owner.join();
  EXPECT_EQ(query(&m.m).State, 1);
}

TEST(Fact32, BlockedThreadsGetOwnershipInTheOrderTheyBlocked) {
  FastMutexObj m;
  std::vector<int> order;
  std::mutex order_mu;
  ExAcquireFastMutex(&m.m);  // main thread holds it while the queue builds
  std::vector<std::thread> threads;
  for (int i = 0; i < 3; ++i) {
    threads.emplace_back([&, i] {
      ExAcquireFastMutex(&m.m);
      {
        std::lock_guard lock(order_mu);
        order.push_back(i);
      }
      ExReleaseFastMutex(&m.m);
    });
    ASSERT_TRUE(wait_for_waiters(&m.m, static_cast<ULONG>(i + 1)));
  }
  EXPECT_EQ(query(&m.m).Waiters, 3u);
  ExReleaseFastMutex(&m.m);
  for (auto& t : threads) t.join();
  EXPECT_EQ(order, (std::vector<int>{0, 1, 2}));
  EXPECT_EQ(m.m.Contention, 3u);  // slow-path acquisitions
  EXPECT_EQ(KeGetCurrentIrql(), PASSIVE_LEVEL);
}
