// Critical and guarded regions, APC queries and IRQL: facts 41-45, and the initial thread state.
#include "test_support.h"

using namespace hwmx_test;

TEST(Threads, StartAtPassiveLevelWithApcsEnabledAndPriority8) {
  in_thread([] {
    EXPECT_EQ(KeGetCurrentIrql(), PASSIVE_LEVEL);
    EXPECT_FALSE(KeAreApcsDisabled());
    EXPECT_FALSE(KeAreAllApcsDisabled());
    EXPECT_EQ(KeQueryPriorityThread(KeGetCurrentThread()), 8);
    EXPECT_NE(KeGetCurrentThread(), nullptr);
  });
}

TEST(Fact41, CriticalRegionsNest) {
  in_thread([] {
    for (int depth = 1; depth <= 3; ++depth) {
      KeEnterCriticalRegion();
      EXPECT_TRUE(KeAreApcsDisabled());
      EXPECT_FALSE(KeAreAllApcsDisabled());
    }
    for (int depth = 3; depth >= 1; --depth) {
      EXPECT_TRUE(KeAreApcsDisabled());
      KeLeaveCriticalRegion();
    }
    EXPECT_FALSE(KeAreApcsDisabled());
  });
}

TEST(Fact42, GuardedRegionsNestAndDisableAllApcs) {
  in_thread([] {
    KeEnterGuardedRegion();
    KeEnterGuardedRegion();
    EXPECT_TRUE(KeAreAllApcsDisabled());
    EXPECT_TRUE(KeAreApcsDisabled());
    KeLeaveGuardedRegion();
    EXPECT_TRUE(KeAreAllApcsDisabled());  // only the outermost leave enables them
    KeLeaveGuardedRegion();
    EXPECT_FALSE(KeAreAllApcsDisabled());
    EXPECT_FALSE(KeAreApcsDisabled());
  });
}

TEST(Fact43, ApcQueriesAtEveryIrql) {
  in_thread([] {
    for (KIRQL irql : {KIRQL{APC_LEVEL}, KIRQL{DISPATCH_LEVEL}, KIRQL{HIGH_LEVEL}}) {
      KIRQL old;
      KeRaiseIrql(irql, &old);
      EXPECT_FALSE(KeAreApcsDisabled()) << "IRQL " << int(irql);
      EXPECT_TRUE(KeAreAllApcsDisabled()) << "IRQL " << int(irql);
      KeEnterCriticalRegion();
      EXPECT_TRUE(KeAreApcsDisabled());
      KeLeaveCriticalRegion();
      KeLowerIrql(old);
    }
    KeEnterCriticalRegion();
    EXPECT_TRUE(KeAreApcsDisabled());
    EXPECT_FALSE(KeAreAllApcsDisabled());  // a critical region alone
    KeLeaveCriticalRegion();
  });
}

TEST(Fact44, LeaveWithoutEnterCountsAsDisabled) {
  in_thread([] {
    KeLeaveCriticalRegion();
    EXPECT_TRUE(KeAreApcsDisabled());
    KeEnterCriticalRegion();
    EXPECT_FALSE(KeAreApcsDisabled());
    KeLeaveGuardedRegion();
    EXPECT_TRUE(KeAreApcsDisabled());
    EXPECT_TRUE(KeAreAllApcsDisabled());
    KeEnterGuardedRegion();
    EXPECT_FALSE(KeAreApcsDisabled());
  });
}

TEST(Fact45, TwoEntersOneLeaveStillDisabled) {
  in_thread([] {
    KeEnterCriticalRegion();
    KeEnterCriticalRegion();
    KeLeaveCriticalRegion();
    EXPECT_TRUE(KeAreApcsDisabled());
    KeLeaveCriticalRegion();
    EXPECT_FALSE(KeAreApcsDisabled());
  });
}

TEST(Irql, RaiseAndLower) {
  in_thread([] {
    KIRQL old = 0xFF;
    KeRaiseIrql(APC_LEVEL, &old);
    EXPECT_EQ(old, PASSIVE_LEVEL);
    EXPECT_EQ(KeGetCurrentIrql(), APC_LEVEL);
    KeRaiseIrql(DISPATCH_LEVEL, &old);
    EXPECT_EQ(old, APC_LEVEL);
    KeRaiseIrql(DISPATCH_LEVEL, &old);  // raising to the same level is allowed
    EXPECT_EQ(old, DISPATCH_LEVEL);
    KeLowerIrql(APC_LEVEL);
    KeLowerIrql(PASSIVE_LEVEL);
    EXPECT_EQ(KeGetCurrentIrql(), PASSIVE_LEVEL);
  });
}

TEST(Irql, RaisingBelowOrLoweringAboveTheCurrentIrqlBugChecks) {
  in_thread([] {
    KIRQL old;
    KeRaiseIrql(DISPATCH_LEVEL, &old);
    KIRQL unchanged = 0x77;
    EXPECT_BUGCHECK(KeRaiseIrql(APC_LEVEL, &unchanged), IRQL_NOT_GREATER_OR_EQUAL);
    EXPECT_EQ(unchanged, 0x77);
    EXPECT_EQ(KeGetCurrentIrql(), DISPATCH_LEVEL);
    KeLowerIrql(PASSIVE_LEVEL);
    EXPECT_BUGCHECK(KeLowerIrql(APC_LEVEL), IRQL_NOT_LESS_OR_EQUAL);
    EXPECT_EQ(KeGetCurrentIrql(), PASSIVE_LEVEL);
  });
}
