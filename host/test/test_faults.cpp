// The fault handler (API.md "Faults", D4): handlers that throw and handlers that return, and the
// "changed nothing" rule for every routine that detects a fault before acting.
#include "test_support.h"

using namespace hwmx_test;

TEST(Faults, SetFaultHandlerReturnsThePreviousHandler) {
  HWMX_FAULT_HANDLER prev = HwmxSetFaultHandler(&recording_handler);
  EXPECT_EQ(prev, &throwing_handler);  // installed by test_main
  EXPECT_EQ(HwmxSetFaultHandler(nullptr), &recording_handler);
  EXPECT_EQ(HwmxSetFaultHandler(prev), nullptr);  // NULL stands for the default handler
}

TEST(Faults, KeBugCheckExPassesCodeAndParametersAndNeverReturns) {
  bool returned = false;
  auto f = fault_of([&] {
    KeBugCheckEx(0xDEAD, 1, 2, 3, 4);
    returned = true;
  });
  ASSERT_TRUE(f.has_value());
  EXPECT_FALSE(returned);
  EXPECT_EQ(f->kind, HWMX_FAULT_BUGCHECK);
  EXPECT_EQ(f->code, 0xDEADu);
  EXPECT_EQ(f->p1, 1u);
  EXPECT_EQ(f->p2, 2u);
  EXPECT_EQ(f->p3, 3u);
  EXPECT_EQ(f->p4, 4u);
}

TEST(Faults, ExRaiseStatusRaisesThroughTheHandler) {
  EXPECT_RAISE(ExRaiseStatus(STATUS_INSUFFICIENT_RESOURCES), STATUS_INSUFFICIENT_RESOURCES);
  ScopedHandler handler(&recording_handler);
  ExRaiseStatus(STATUS_MUTANT_NOT_OWNED);  // returns when the handler returns
  const auto faults = FaultLog::get().take();
  ASSERT_EQ(faults.size(), 1u);
  EXPECT_EQ(faults[0].kind, HWMX_FAULT_RAISE);
  EXPECT_EQ(faults[0].code, static_cast<ULONG>(STATUS_MUTANT_NOT_OWNED));
}

TEST(Faults, MessagesNameTheRoutineAndTheCause) {
  in_thread([] {
    KMutexObj m;
    auto f = fault_of([&] { KeReleaseMutex(&m.m, FALSE); });
    ASSERT_TRUE(f.has_value());
    EXPECT_NE(f->message.find("KeReleaseMutex"), std::string::npos) << f->message;
    EXPECT_NE(f->message.find("does not own"), std::string::npos) << f->message;
    EXPECT_STREQ(HwmxGetLastFaultMessage(), f->message.c_str());
  });
}

// With a handler that returns, every routine that detected a fault returns having changed
// nothing, with the documented return value.
TEST(Faults, ReturningHandlerRoutinesChangeNothing) {
  in_thread([] {
    KMutexObj km;
    FastMutexObj fm;
    GuardedMutexObj gm;
    ScopedHandler handler(&recording_handler);
    auto expect_one = [](ULONG kind, ULONG code) {
      const auto faults = FaultLog::get().take();
      ASSERT_EQ(faults.size(), 1u);
      EXPECT_EQ(faults[0].kind, kind);
      EXPECT_EQ(faults[0].code, code) << faults[0].message;
    };

    // KeReleaseMutex returns the current state.
    EXPECT_EQ(KeReleaseMutex(&km.m, FALSE), 1);
    expect_one(HWMX_FAULT_RAISE, static_cast<ULONG>(STATUS_MUTANT_NOT_OWNED));
    EXPECT_EQ(KeWaitForSingleObject(&km.m, Executive, KernelMode, FALSE, nullptr), STATUS_SUCCESS);
    KIRQL old;
    KeRaiseIrql(HIGH_LEVEL, &old);
    EXPECT_EQ(KeReleaseMutex(&km.m, FALSE), 0);
    expect_one(HWMX_FAULT_BUGCHECK, IRQL_NOT_LESS_OR_EQUAL);
    KeLowerIrql(old);
    EXPECT_EQ(KeReadStateMutex(&km.m), 0);
    EXPECT_TRUE(KeAreApcsDisabled());
    EXPECT_EQ(KeReleaseMutex(&km.m, FALSE), 0);

    // NTSTATUS routines return the raised status or STATUS_INVALID_PARAMETER.
    EXPECT_EQ(KeWaitForSingleObject(&km.m, Executive, UserMode, FALSE, nullptr),
              STATUS_INVALID_PARAMETER);
    expect_one(HWMX_FAULT_RAISE, static_cast<ULONG>(STATUS_INVALID_PARAMETER));
    KeRaiseIrql(DISPATCH_LEVEL, &old);
    EXPECT_EQ(KeWaitForSingleObject(&km.m, Executive, KernelMode, FALSE, nullptr),
              STATUS_INVALID_PARAMETER);
    expect_one(HWMX_FAULT_BUGCHECK, IRQL_NOT_LESS_OR_EQUAL);
    KeLowerIrql(old);
    EXPECT_EQ(KeReadStateMutex(&km.m), 1);
    EXPECT_EQ(KeWaitForSingleObject(&fm.m, Executive, KernelMode, FALSE, nullptr),
              STATUS_INVALID_PARAMETER);
    expect_one(HWMX_FAULT_RAISE, static_cast<ULONG>(STATUS_INVALID_PARAMETER));

    // BOOLEAN routines return FALSE.
    KeRaiseIrql(DISPATCH_LEVEL, &old);
    EXPECT_FALSE(ExTryToAcquireFastMutex(&fm.m));
    expect_one(HWMX_FAULT_BUGCHECK, IRQL_NOT_LESS_OR_EQUAL);
    EXPECT_FALSE(KeTryToAcquireGuardedMutex(&gm.m));
    expect_one(HWMX_FAULT_BUGCHECK, IRQL_NOT_LESS_OR_EQUAL);
    EXPECT_EQ(KeGetCurrentIrql(), DISPATCH_LEVEL);
    EXPECT_FALSE(KeAreApcsDisabled());
    KeLowerIrql(old);

    // VOID routines return with the mutex, IRQL and regions as they were.
    ExAcquireFastMutex(&fm.m);
    ExAcquireFastMutex(&fm.m);  // D5
    expect_one(HWMX_FAULT_BUGCHECK, MUTEX_ALREADY_OWNED);
    EXPECT_EQ(KeGetCurrentIrql(), APC_LEVEL);
    ExReleaseFastMutexUnsafe(&fm.m);  // mismatched pair
    expect_one(HWMX_FAULT_BUGCHECK, IRQL_NOT_LESS_OR_EQUAL);
    EXPECT_EQ(fm.m.Owner, KeGetCurrentThread());
    ExReleaseFastMutex(&fm.m);
    EXPECT_EQ(KeGetCurrentIrql(), PASSIVE_LEVEL);
    ExReleaseFastMutex(&fm.m);  // not at APC_LEVEL
    expect_one(HWMX_FAULT_BUGCHECK, IRQL_NOT_LESS_OR_EQUAL);

    KeAcquireGuardedMutex(&gm.m);
    KeAcquireGuardedMutex(&gm.m);  // D5
    expect_one(HWMX_FAULT_BUGCHECK, MUTEX_ALREADY_OWNED);
    KeReleaseGuardedMutex(&gm.m);
    EXPECT_FALSE(KeAreAllApcsDisabled());
    KeReleaseGuardedMutex(&gm.m);  // not owned
    expect_one(HWMX_FAULT_RAISE, static_cast<ULONG>(STATUS_MUTANT_NOT_OWNED));
    EXPECT_FALSE(KeAreAllApcsDisabled());
    KeAcquireGuardedMutexUnsafe(&gm.m);  // outside APC_LEVEL / a region
    expect_one(HWMX_FAULT_BUGCHECK, IRQL_NOT_LESS_OR_EQUAL);
    EXPECT_EQ(query(&gm.m).State, 1);
  });
}

TEST(Faults, AThrowingHandlerLeavesStateUnchanged) {
  in_thread([] {
    KMutexObj km;
    ASSERT_EQ(KeWaitForSingleObject(&km.m, Executive, KernelMode, FALSE, nullptr), STATUS_SUCCESS);
    EXPECT_RAISE(KeWaitForSingleObject(&km.m, Executive, UserMode, FALSE, nullptr),
                 STATUS_INVALID_PARAMETER);
    EXPECT_EQ(KeReadStateMutex(&km.m), 0);
    EXPECT_EQ(KeReleaseMutex(&km.m, FALSE), 0);
  });
}

TEST(Faults, RemainingArgumentChecksChangeNothing) {
  in_thread([] {
    EXPECT_RAISE(KeRaiseIrql(APC_LEVEL, nullptr), STATUS_INVALID_PARAMETER);
    EXPECT_EQ(KeGetCurrentIrql(), PASSIVE_LEVEL);
    EXPECT_RAISE(KeQuerySystemTime(nullptr), STATUS_INVALID_PARAMETER);
    // The combined routine leaves the critical region it entered when the acquire faults.
    FastMutexObj m;
    ExEnterCriticalRegionAndAcquireFastMutexUnsafe(&m.m);
    EXPECT_BUGCHECK(ExEnterCriticalRegionAndAcquireFastMutexUnsafe(&m.m), MUTEX_ALREADY_OWNED);
    ExReleaseFastMutexUnsafeAndLeaveCriticalRegion(&m.m);
    EXPECT_FALSE(KeAreApcsDisabled());
    // Releasing with the combined routine what nobody holds leaves the region count alone.
    KeEnterCriticalRegion();
    EXPECT_RAISE(ExReleaseFastMutexUnsafeAndLeaveCriticalRegion(&m.m), STATUS_MUTANT_NOT_OWNED);
    EXPECT_TRUE(KeAreApcsDisabled());
    KeLeaveCriticalRegion();
    EXPECT_FALSE(KeAreApcsDisabled());
  });
}
