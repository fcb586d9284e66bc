// KMUTEX facts 2-10, 14 and 16 of SEMANTICS.md (single thread unless the fact needs two).
#include <atomic>

#include "test_support.h"

using namespace hwmx_test;

namespace {

NTSTATUS wait(PRKMUTEX m, PLARGE_INTEGER timeout = nullptr) {
  return KeWaitForSingleObject(m, Executive, KernelMode, FALSE, timeout);
}

}  // namespace

TEST(Fact02, InitializeLeavesTheMutexSignaledWithoutOwnerOrWaiters) {
  in_thread([] {
    KMutexObj m;
    EXPECT_EQ(KeReadStateMutex(&m.m), 1);
    const HWMX_MUTEX_INFO info = query(&m.m);
    EXPECT_EQ(info.State, 1);
    EXPECT_EQ(info.Owner, nullptr);
    EXPECT_EQ(info.RecursionCount, 0u);
    EXPECT_EQ(info.Waiters, 0u);
    EXPECT_FALSE(info.Abandoned);
  });
}

TEST(Fact02, LevelIsReservedAndChangesNothing) {
  in_thread([] {
    KMUTEX a, b;
    KeInitializeMutex(&a, 0);
    KeInitializeMutex(&b, 123);
    EXPECT_EQ(KeReadStateMutex(&a), KeReadStateMutex(&b));
    EXPECT_EQ(wait(&b), STATUS_SUCCESS);
    EXPECT_EQ(KeReadStateMutex(&b), 0);
    EXPECT_EQ(KeReleaseMutex(&b, FALSE), 0);
    EXPECT_EQ(KeReadStateMutex(&b), 1);
    HwmxFreeMutex(&a);
    HwmxFreeMutex(&b);
  });
}

TEST(Fact02, InitializeIsCallableAtAnyIrql) {
  in_thread([] {
    KIRQL old;
    KeRaiseIrql(DISPATCH_LEVEL, &old);
    KMUTEX m;
    KeInitializeMutex(&m, 0);
    KeLowerIrql(old);
    EXPECT_EQ(KeReadStateMutex(&m), 1);
    HwmxFreeMutex(&m);
  });
}

TEST(Fact04, ReadStateIsOneMinusTheNumberOfHolds) {
  in_thread([] {
    KMutexObj m;
    for (LONG i = 0; i < 8; ++i) {
      ASSERT_EQ(wait(&m.m), STATUS_SUCCESS);
      EXPECT_EQ(KeReadStateMutex(&m.m), -i);
      EXPECT_EQ(query(&m.m).RecursionCount, static_cast<ULONG>(i + 1));
    }
    for (int i = 0; i < 8; ++i) KeReleaseMutex(&m.m, FALSE);
    EXPECT_EQ(KeReadStateMutex(&m.m), 1);
  });
}

TEST(Fact05, OwnersZeroTimeoutWaitsSucceedWithoutBlocking) {
  in_thread([] {
    KMutexObj m;
    LARGE_INTEGER zero = zero_timeout();
    for (int i = 0; i < 10; ++i) EXPECT_EQ(wait(&m.m, &zero), STATUS_SUCCESS);
    EXPECT_EQ(KeReadStateMutex(&m.m), -9);
    EXPECT_EQ(query(&m.m).Owner, KeGetCurrentThread());
    for (int i = 0; i < 10; ++i) KeReleaseMutex(&m.m, FALSE);
  });
}

TEST(Fact06, ReleaseReturnsTheStateBeforeTheRelease) {
  in_thread([] {
    KMutexObj m;
    for (int i = 0; i < 8; ++i) ASSERT_EQ(wait(&m.m), STATUS_SUCCESS);
    for (LONG expected = -7; expected <= 0; ++expected) {
      EXPECT_EQ(KeReleaseMutex(&m.m, FALSE), expected);
    }
    EXPECT_EQ(KeReadStateMutex(&m.m), 1);
  });
}

TEST(Fact06, WaitersGetTheMutexOnlyWhenTheReturnIsZero) {
  KMutexObj m;
  std::atomic<int> stage{0};
  std::thread owner([&] {
    ASSERT_EQ(wait(&m.m), STATUS_SUCCESS);
    ASSERT_EQ(wait(&m.m), STATUS_SUCCESS);
    stage = 1;
    while (stage != 2) std::this_thread::yield();
    EXPECT_EQ(KeReleaseMutex(&m.m, FALSE), -1);
    // Still held once: the waiter must still be queued.
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    EXPECT_EQ(query(&m.m).Waiters, 1u);
    EXPECT_EQ(query(&m.m).Owner, KeGetCurrentThread());
    EXPECT_EQ(KeReleaseMutex(&m.m, FALSE), 0);
  });
  while (stage != 1) std::this_thread::yield();
  std::thread waiter([&] {
    EXPECT_EQ(wait(&m.m), STATUS_SUCCESS);
    EXPECT_EQ(KeReadStateMutex(&m.m), 0);
    KeReleaseMutex(&m.m, FALSE);
  });
  ASSERT_TRUE(wait_for_waiters(&m.m, 1));
  stage = 2;
  owner.join();
  waiter.join();
  EXPECT_EQ(KeReadStateMutex(&m.m), 1);
}

TEST(Fact07, ReleasingAFreeMutexRaisesMutantNotOwnedAndChangesNothing) {
  in_thread([] {
    KMutexObj m;
    EXPECT_RAISE(KeReleaseMutex(&m.m, FALSE), STATUS_MUTANT_NOT_OWNED);
    EXPECT_EQ(KeReadStateMutex(&m.m), 1);
    // Released once too often.
    ASSERT_EQ(wait(&m.m), STATUS_SUCCESS);
    EXPECT_EQ(KeReleaseMutex(&m.m, FALSE), 0);
    EXPECT_RAISE(KeReleaseMutex(&m.m, FALSE), STATUS_MUTANT_NOT_OWNED);
    EXPECT_EQ(KeReadStateMutex(&m.m), 1);
  });
}

TEST(Fact07, ReleaseByAnotherThreadRaisesAndLeavesTheOwnerInPlace) {
  KMutexObj m;
  std::atomic<int> stage{0};
  std::thread owner([&] {
    ASSERT_EQ(wait(&m.m), STATUS_SUCCESS);
    stage = 1;
    while (stage != 2) std::this_thread::yield();
    EXPECT_EQ(KeReleaseMutex(&m.m, FALSE), 0);
  });
  while (stage != 1) std::this_thread::yield();
  in_thread([&] {
    EXPECT_RAISE(KeReleaseMutex(&m.m, FALSE), STATUS_MUTANT_NOT_OWNED);
    EXPECT_EQ(KeReadStateMutex(&m.m), 0);
  });
  EXPECT_NE(query(&m.m).Owner, nullptr);
  stage = 2;
  owner.join();
}

TEST(Fact07, ReleaseAtAnotherIrqlClassThanTheAcquisitionRaises) {
  in_thread([] {
    KMutexObj m;
    LARGE_INTEGER zero = zero_timeout();
    KIRQL old;
    KeRaiseIrql(DISPATCH_LEVEL, &old);
    ASSERT_EQ(wait(&m.m, &zero), STATUS_SUCCESS);  // acquired at DISPATCH_LEVEL
    KeLowerIrql(PASSIVE_LEVEL);
    EXPECT_RAISE(KeReleaseMutex(&m.m, FALSE), STATUS_MUTANT_NOT_OWNED);
    EXPECT_EQ(KeReadStateMutex(&m.m), 0);
    KeRaiseIrql(DISPATCH_LEVEL, &old);
    EXPECT_EQ(KeReleaseMutex(&m.m, FALSE), 0);
    KeLowerIrql(PASSIVE_LEVEL);
    // And the other way round.
    ASSERT_EQ(wait(&m.m), STATUS_SUCCESS);
    KeRaiseIrql(DISPATCH_LEVEL, &old);
    EXPECT_RAISE(KeReleaseMutex(&m.m, FALSE), STATUS_MUTANT_NOT_OWNED);
    KeLowerIrql(PASSIVE_LEVEL);
    EXPECT_EQ(KeReleaseMutex(&m.m, FALSE), 0);
  });
}

TEST(Fact08, WinesQuietNonOwnerReleaseIsNotFollowed) {
  // Fact 8 describes Wine's lack of an owner check; hwmx follows ReactOS/Windows (fact 7, D4).
  in_thread([] {
    KMutexObj m;
    EXPECT_RAISE(KeReleaseMutex(&m.m, FALSE), STATUS_MUTANT_NOT_OWNED);
  });
}

TEST(Fact09, RecursionBeyondTheEngineCounterRaisesMutantLimitExceeded) {
  in_thread([] {
    KMutexObj m;
    constexpr LONG kMaxHolds = 65536;  // 16-bit engine recursion counter (D4)
    LARGE_INTEGER zero = zero_timeout();
    for (LONG i = 0; i < kMaxHolds; ++i) ASSERT_EQ(wait(&m.m, &zero), STATUS_SUCCESS);
    EXPECT_EQ(KeReadStateMutex(&m.m), 1 - kMaxHolds);
    EXPECT_RAISE(wait(&m.m, &zero), STATUS_MUTANT_LIMIT_EXCEEDED);
    EXPECT_RAISE(wait(&m.m), STATUS_MUTANT_LIMIT_EXCEEDED);
    EXPECT_EQ(KeReadStateMutex(&m.m), 1 - kMaxHolds);
    for (LONG i = kMaxHolds - 1; i >= 0; --i) ASSERT_EQ(KeReleaseMutex(&m.m, FALSE), -i);
    EXPECT_EQ(KeReadStateMutex(&m.m), 1);
  });
}

TEST(Fact10, FirstAcquisitionEntersACriticalRegionOnlyOnce) {
  in_thread([] {
    KMutexObj m;
    EXPECT_FALSE(KeAreApcsDisabled());
    ASSERT_EQ(wait(&m.m), STATUS_SUCCESS);
    EXPECT_TRUE(KeAreApcsDisabled());
    EXPECT_FALSE(KeAreAllApcsDisabled());
    EXPECT_EQ(KeGetCurrentIrql(), PASSIVE_LEVEL);
    ASSERT_EQ(wait(&m.m), STATUS_SUCCESS);
    // KernelApcDisable is -1, not -2: one leave brings it to 0.
    KeLeaveCriticalRegion();
    EXPECT_FALSE(KeAreApcsDisabled());
    KeEnterCriticalRegion();
    EXPECT_EQ(KeReleaseMutex(&m.m, FALSE), -1);
    EXPECT_TRUE(KeAreApcsDisabled());
    EXPECT_EQ(KeReleaseMutex(&m.m, FALSE), 0);
    EXPECT_FALSE(KeAreApcsDisabled());
    EXPECT_EQ(KeGetCurrentIrql(), PASSIVE_LEVEL);
  });
}

TEST(Fact14, ReleaseWithWaitTrueKeepsIrqlUntilTheNextWait) {
  in_thread([] {
    KMutexObj m, other;
    ASSERT_EQ(wait(&m.m), STATUS_SUCCESS);
    EXPECT_EQ(KeReleaseMutex(&m.m, TRUE), 0);
    // hwmx: "without lowering IRQL" means the thread is at DISPATCH_LEVEL until the next wait.
    EXPECT_EQ(KeGetCurrentIrql(), DISPATCH_LEVEL);
    EXPECT_EQ(KeReadStateMutex(&m.m), 1);
    // The next wait restores PASSIVE_LEVEL first, so an infinite wait is allowed.
    EXPECT_EQ(wait(&other.m), STATUS_SUCCESS);
    EXPECT_EQ(KeGetCurrentIrql(), PASSIVE_LEVEL);
    EXPECT_EQ(KeReleaseMutex(&other.m, FALSE), 0);
  });
}

TEST(Fact14, ReleaseWithWaitTrueAtApcLevelIsRestoredByDelayExecution) {
  in_thread([] {
    KMutexObj m;
    KIRQL old;
    KeRaiseIrql(APC_LEVEL, &old);
    ASSERT_EQ(wait(&m.m), STATUS_SUCCESS);
    EXPECT_EQ(KeReleaseMutex(&m.m, TRUE), 0);
    EXPECT_EQ(KeGetCurrentIrql(), DISPATCH_LEVEL);
    LARGE_INTEGER interval = relative_ms(1);
    EXPECT_EQ(KeDelayExecutionThread(KernelMode, FALSE, &interval), STATUS_SUCCESS);
    EXPECT_EQ(KeGetCurrentIrql(), APC_LEVEL);
    KeLowerIrql(old);
  });
}

TEST(Fact16, WaitModeMustBeKernelMode) {
  in_thread([] {
    KMutexObj m;
    EXPECT_RAISE(KeWaitForSingleObject(&m.m, UserRequest, UserMode, FALSE, nullptr),
                 STATUS_INVALID_PARAMETER);
    EXPECT_EQ(KeReadStateMutex(&m.m), 1);
  });
}

TEST(Fact16, ReleaseAndReadStateAboveDispatchLevelBugCheck) {
  in_thread([] {
    KMutexObj m;
    ASSERT_EQ(wait(&m.m), STATUS_SUCCESS);
    KIRQL old;
    KeRaiseIrql(HIGH_LEVEL, &old);
    EXPECT_BUGCHECK(KeReleaseMutex(&m.m, FALSE), IRQL_NOT_LESS_OR_EQUAL);
    EXPECT_BUGCHECK(KeReadStateMutex(&m.m), IRQL_NOT_LESS_OR_EQUAL);
    KeLowerIrql(old);
    EXPECT_EQ(KeReadStateMutex(&m.m), 0);
    EXPECT_EQ(KeReleaseMutex(&m.m, FALSE), 0);
  });
}

TEST(KMutex, KeWaitForMutexObjectIsKeWaitForSingleObject) {
  in_thread([] {
    KMutexObj m;
    EXPECT_EQ(KeWaitForMutexObject(&m.m, Executive, KernelMode, FALSE, nullptr), STATUS_SUCCESS);
    EXPECT_EQ(KeReleaseMutex(&m.m, FALSE), 0);
  });
}
