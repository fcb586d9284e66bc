// KGUARDED_MUTEX facts 34-40 of SEMANTICS.md, with decisions D1, D4 and D5.
#include <atomic>

#include "test_support.h"

using namespace hwmx_test;

TEST(Fact34, InitializeSetsCountOwnerContentionOnly) {
  in_thread([] {
    KGUARDED_MUTEX m;
    KeInitializeGuardedMutex(&m);
    EXPECT_EQ(m.Count, 1);
    EXPECT_EQ(m.Owner, nullptr);
    EXPECT_EQ(m.Contention, 0u);
    EXPECT_EQ(KeGetCurrentIrql(), PASSIVE_LEVEL);
    EXPECT_FALSE(KeAreApcsDisabled());
    EXPECT_FALSE(KeAreAllApcsDisabled());
    HwmxFreeMutex(&m);
  });
}

TEST(Fact35, AcquireEntersAGuardedRegionAndKeepsTheIrqlD1) {
  in_thread([] {
    GuardedMutexObj m;
    KeAcquireGuardedMutex(&m.m);
    EXPECT_EQ(KeGetCurrentIrql(), PASSIVE_LEVEL);
    EXPECT_TRUE(KeAreApcsDisabled());
    EXPECT_TRUE(KeAreAllApcsDisabled());
    EXPECT_EQ(m.m.Owner, KeGetCurrentThread());
    EXPECT_EQ(m.m.Count, 0);
    KeReleaseGuardedMutex(&m.m);
    EXPECT_FALSE(KeAreApcsDisabled());
    EXPECT_FALSE(KeAreAllApcsDisabled());
    EXPECT_EQ(m.m.Owner, nullptr);
    EXPECT_EQ(m.m.Count, 1);
  });
}

TEST(Fact35, HoldsForEveryIrqlAndRegionCombinationUpToApcLevel) {
  in_thread([] {
    GuardedMutexObj m;
    for (KIRQL irql : {KIRQL{PASSIVE_LEVEL}, KIRQL{APC_LEVEL}}) {
      for (int critical : {0, 1, 3}) {
        for (int guarded : {0, 1, 2}) {
          KIRQL old;
          KeRaiseIrql(irql, &old);
          for (int i = 0; i < critical; ++i) KeEnterCriticalRegion();
          for (int i = 0; i < guarded; ++i) KeEnterGuardedRegion();
          const BOOLEAN apcs_before = KeAreApcsDisabled();
          const BOOLEAN all_before = KeAreAllApcsDisabled();
          KeAcquireGuardedMutex(&m.m);
          EXPECT_TRUE(KeAreApcsDisabled());
          EXPECT_TRUE(KeAreAllApcsDisabled());
          EXPECT_EQ(KeGetCurrentIrql(), irql);
          KeReleaseGuardedMutex(&m.m);
          EXPECT_EQ(KeAreApcsDisabled(), apcs_before);
          EXPECT_EQ(KeAreAllApcsDisabled(), all_before);
          for (int i = 0; i < guarded; ++i) KeLeaveGuardedRegion();
          for (int i = 0; i < critical; ++i) KeLeaveCriticalRegion();
          KeLowerIrql(old);
          EXPECT_FALSE(KeAreApcsDisabled());
        }
      }
    }
  });
}

TEST(Fact35, AcquireAboveApcLevelBugChecksD4) {
  in_thread([] {
    GuardedMutexObj m;
    KIRQL old;
    KeRaiseIrql(DISPATCH_LEVEL, &old);
    EXPECT_BUGCHECK(KeAcquireGuardedMutex(&m.m), IRQL_NOT_LESS_OR_EQUAL);
    EXPECT_BUGCHECK(KeTryToAcquireGuardedMutex(&m.m), IRQL_NOT_LESS_OR_EQUAL);
    EXPECT_FALSE(KeAreApcsDisabled());  // the guarded region was not entered
    KeLowerIrql(old);
    EXPECT_EQ(query(&m.m).State, 1);
  });
}

TEST(Fact36, TryReturnsTrueWhenFreeAndFalseWhenHeldWithNoNetChange) {
  in_thread([] {
    GuardedMutexObj m;
    EXPECT_TRUE(KeTryToAcquireGuardedMutex(&m.m));
    EXPECT_TRUE(KeAreAllApcsDisabled());
    EXPECT_FALSE(KeTryToAcquireGuardedMutex(&m.m));  // held by the caller
    in_thread([&] {
      EXPECT_FALSE(KeTryToAcquireGuardedMutex(&m.m));  // held by another thread
      EXPECT_FALSE(KeAreApcsDisabled());
      EXPECT_FALSE(KeAreAllApcsDisabled());
    });
    KeReleaseGuardedMutex(&m.m);
    // One region level only: the failed try left none behind.
    EXPECT_FALSE(KeAreApcsDisabled());
    EXPECT_FALSE(KeAreAllApcsDisabled());
  });
}

TEST(Fact37, UnsafeRoutinesNeitherEnterNorLeaveARegion) {
  in_thread([] {
    GuardedMutexObj m;
    KeEnterGuardedRegion();
    KeAcquireGuardedMutexUnsafe(&m.m);
    EXPECT_EQ(m.m.Owner, KeGetCurrentThread());
    KeReleaseGuardedMutexUnsafe(&m.m);
    KeLeaveGuardedRegion();
    EXPECT_FALSE(KeAreApcsDisabled());
    KIRQL old;
    KeRaiseIrql(APC_LEVEL, &old);
    KeAcquireGuardedMutexUnsafe(&m.m);
    EXPECT_FALSE(KeAreApcsDisabled());
    KeReleaseGuardedMutexUnsafe(&m.m);
    KeLowerIrql(old);
    EXPECT_FALSE(KeAreApcsDisabled());
  });
}

TEST(Fact37, UnsafeOutsideApcLevelOrARegionBugChecksD4) {
  in_thread([] {
    GuardedMutexObj m;
    EXPECT_BUGCHECK(KeAcquireGuardedMutexUnsafe(&m.m), IRQL_NOT_LESS_OR_EQUAL);
    EXPECT_EQ(query(&m.m).State, 1);
  });
}

TEST(Fact37, MismatchedPairsAreRefusedWithApcIndexMismatchD4) {
  in_thread([] {
    GuardedMutexObj m;
    // Acquire + ReleaseUnsafe would leave the guarded region entered.
    KeAcquireGuardedMutex(&m.m);
    EXPECT_BUGCHECK(KeReleaseGuardedMutexUnsafe(&m.m), APC_INDEX_MISMATCH);
    EXPECT_EQ(m.m.Owner, KeGetCurrentThread());
    KeReleaseGuardedMutex(&m.m);
    EXPECT_FALSE(KeAreAllApcsDisabled());
    // AcquireUnsafe + Release would leave one region level too many.
    KeEnterGuardedRegion();
    KeAcquireGuardedMutexUnsafe(&m.m);
    EXPECT_BUGCHECK(KeReleaseGuardedMutex(&m.m), APC_INDEX_MISMATCH);
    KeReleaseGuardedMutexUnsafe(&m.m);
    KeLeaveGuardedRegion();
    EXPECT_FALSE(KeAreAllApcsDisabled());
  });
}

TEST(Fact38, RecursiveAcquireIsBugCheckMutexAlreadyOwnedD5) {
  in_thread([] {
    GuardedMutexObj m;
    KeAcquireGuardedMutex(&m.m);
    EXPECT_BUGCHECK(KeAcquireGuardedMutex(&m.m), MUTEX_ALREADY_OWNED);
    EXPECT_EQ(query(&m.m).RecursionCount, 1u);
    KeReleaseGuardedMutex(&m.m);
    EXPECT_FALSE(KeAreAllApcsDisabled());  // the failed acquire left no region behind
  });
}

TEST(Fact39, ContentionPassesOwnershipInOrderAndTryFromAnotherThreadFails) {
  GuardedMutexObj m;
  std::vector<int> order;
  std::mutex order_mu;
  KeAcquireGuardedMutex(&m.m);
  std::vector<std::thread> threads;
  for (int i = 0; i < 3; ++i) {
    threads.emplace_back([&, i] {
      KeAcquireGuardedMutex(&m.m);
      {
        std::lock_guard lock(order_mu);
        order.push_back(i);
      }
      KeReleaseGuardedMutex(&m.m);
    });
    ASSERT_TRUE(wait_for_waiters(&m.m, static_cast<ULONG>(i + 1)));
  }
  in_thread([&] { EXPECT_FALSE(KeTryToAcquireGuardedMutex(&m.m)); });
  EXPECT_EQ(query(&m.m).Waiters, 3u);
  KeReleaseGuardedMutex(&m.m);
  for (auto& t : threads) t.join();
  EXPECT_EQ(order, (std::vector<int>{0, 1, 2}));
  EXPECT_EQ(m.m.Contention, 3u);
  EXPECT_FALSE(KeAreApcsDisabled());
}

TEST(Fact40, AllApcsAreDisabledWhileHeldAsOnWindows8) {
  in_thread([] {
    GuardedMutexObj m;
    KeAcquireGuardedMutex(&m.m);
    EXPECT_TRUE(KeAreAllApcsDisabled());
    KeReleaseGuardedMutex(&m.m);
  });
}

TEST(GuardedMutex, ReleaseByANonOwnerIsRefusedD4) {
  GuardedMutexObj m;
  std::atomic<int> stage{0};
  std::thread owner([&] {
    KeAcquireGuardedMutex(&m.m);
    stage = 1;
    while (stage != 2) std::this_thread::yield();
    KeReleaseGuardedMutex(&m.m);
  });
  while (stage != 1) std::this_thread::yield();
  in_thread([&] {
    EXPECT_RAISE(KeReleaseGuardedMutex(&m.m), STATUS_MUTANT_NOT_OWNED);
    EXPECT_FALSE(KeAreApcsDisabled());
  });
  stage = 2;
  owner.join();
}
