// Threads that exit holding mutexes: fact 11 (THREAD_TERMINATE_HELD_MUTEX), fact 12 and D6
// (abandonment), and exit inside a region.
#include <atomic>

#include "test_support.h"

using namespace hwmx_test;

namespace {

NTSTATUS wait(PRKMUTEX m, PLARGE_INTEGER timeout = nullptr) {
  return KeWaitForSingleObject(m, Executive, KernelMode, FALSE, timeout);
}

}  // namespace

TEST(Fact11, AThreadExitingWithAKmutexIsThreadTerminateHeldMutex) {
  ScopedHandler handler(&recording_handler);
  KMutexObj m;
  std::atomic<PKTHREAD> thread{nullptr};
  std::thread([&] {
    thread = KeGetCurrentThread();
    ASSERT_EQ(wait(&m.m), STATUS_SUCCESS);
  }).join();
  const auto faults = FaultLog::get().take();
  ASSERT_EQ(faults.size(), 1u);
  EXPECT_EQ(faults[0].kind, HWMX_FAULT_BUGCHECK);
  EXPECT_EQ(faults[0].code, THREAD_TERMINATE_HELD_MUTEX);
  EXPECT_EQ(faults[0].p1, reinterpret_cast<ULONG_PTR>(thread.load()));
  EXPECT_EQ(faults[0].p2, reinterpret_cast<ULONG_PTR>(&m.m));
  EXPECT_NE(faults[0].message.find("exited while holding"), std::string::npos);
  // D6: the handler returned, so the mutex was abandoned: free, flagged.
  const HWMX_MUTEX_INFO info = query(&m.m);
  EXPECT_EQ(info.State, 1);
  EXPECT_TRUE(info.Abandoned);
  // Fact 12 semantics: the next acquisition returns STATUS_ABANDONED, later ones STATUS_SUCCESS.
  in_thread([&] {
    EXPECT_EQ(wait(&m.m), STATUS_ABANDONED);
    EXPECT_EQ(KeReadStateMutex(&m.m), 0);
    EXPECT_FALSE(query(&m.m).Abandoned);
    EXPECT_EQ(KeReleaseMutex(&m.m, FALSE), 0);
    EXPECT_EQ(wait(&m.m), STATUS_SUCCESS);
    EXPECT_EQ(KeReleaseMutex(&m.m, FALSE), 0);
  });
}

TEST(D6, AQueuedWaiterReceivesTheAbandonedMutex) {
  ScopedHandler handler(&recording_handler);
  KMutexObj m;
  std::atomic<bool> held{false}, go{false};
  std::thread owner([&] {
    EXPECT_EQ(wait(&m.m), STATUS_SUCCESS);
    EXPECT_EQ(wait(&m.m), STATUS_SUCCESS);  // held twice: abandonment drops every hold
    held = true;
    while (!go) std::this_thread::yield();
  });
  while (!held) std::this_thread::yield();
  std::thread waiter([&] {
    EXPECT_EQ(wait(&m.m), STATUS_ABANDONED);
    EXPECT_EQ(KeReadStateMutex(&m.m), 0);
    EXPECT_EQ(KeReleaseMutex(&m.m, FALSE), 0);
    EXPECT_EQ(wait(&m.m), STATUS_SUCCESS);
    EXPECT_EQ(KeReleaseMutex(&m.m, FALSE), 0);
  });
  EXPECT_TRUE(wait_for_waiters(&m.m, 1));
  go = true;
  owner.join();
  waiter.join();
  const auto faults = FaultLog::get().take();
  ASSERT_EQ(faults.size(), 1u);
  EXPECT_EQ(faults[0].code, THREAD_TERMINATE_HELD_MUTEX);
  EXPECT_EQ(query(&m.m).State, 1);
  EXPECT_FALSE(query(&m.m).Abandoned);
}

TEST(Fact07, ReleasingAnAbandonedMutexOneDoesNotOwnRaisesStatusAbandoned) {
  ScopedHandler handler(&recording_handler);
  KMutexObj m;
  std::thread([&] { ASSERT_EQ(wait(&m.m), STATUS_SUCCESS); }).join();
  FaultLog::get().take();
  ASSERT_TRUE(query(&m.m).Abandoned);
  in_thread([&] {
    EXPECT_EQ(KeReleaseMutex(&m.m, FALSE), 1);  // the handler returns: current state
    const auto faults = FaultLog::get().take();
    ASSERT_EQ(faults.size(), 1u);
    EXPECT_EQ(faults[0].kind, HWMX_FAULT_RAISE);
    EXPECT_EQ(faults[0].code, static_cast<ULONG>(STATUS_ABANDONED));
    EXPECT_EQ(wait(&m.m), STATUS_ABANDONED);
    KeReleaseMutex(&m.m, FALSE);
  });
}

TEST(D6, FastAndGuardedMutexesHeldAtExitAreReportedAndPassedOn) {
  ScopedHandler handler(&recording_handler);
  FastMutexObj f;
  GuardedMutexObj g;
  std::thread([&] {
    ExAcquireFastMutex(&f.m);
    KeLowerIrql(PASSIVE_LEVEL);  // keep the exit check to the held mutexes
    KeAcquireGuardedMutex(&g.m);
  }).join();
  const auto faults = FaultLog::get().take();
  ASSERT_EQ(faults.size(), 1u);
  EXPECT_EQ(faults[0].code, THREAD_TERMINATE_HELD_MUTEX);
  EXPECT_EQ(faults[0].p3, 2u);  // number of mutexes held
  EXPECT_EQ(query(&f.m).State, 1);
  EXPECT_EQ(query(&g.m).State, 1);
  in_thread([&] {
    // The stale Owner fields of the abandoned structures do not stand in the way.
    ExAcquireFastMutex(&f.m);
    EXPECT_EQ(f.m.Owner, KeGetCurrentThread());
    ExReleaseFastMutex(&f.m);
    KeAcquireGuardedMutex(&g.m);
    KeReleaseGuardedMutex(&g.m);
  });
}

TEST(ThreadExit, InsideARegionIsKernelApcPendingDuringExit) {
  ScopedHandler handler(&recording_handler);
  std::thread([] { KeEnterCriticalRegion(); }).join();
  const auto faults = FaultLog::get().take();
  ASSERT_EQ(faults.size(), 1u);
  EXPECT_EQ(faults[0].code, KERNEL_APC_PENDING_DURING_EXIT);
}

TEST(ThreadExit, AThrowingHandlerCannotEscapeThreadExit) {
  // The test binary's handler throws; thread exit must still return the context and abandon.
  KMutexObj m;
  std::thread([&] { ASSERT_EQ(wait(&m.m), STATUS_SUCCESS); }).join();
  EXPECT_TRUE(query(&m.m).Abandoned);
  in_thread([&] {
    EXPECT_EQ(wait(&m.m), STATUS_ABANDONED);
    KeReleaseMutex(&m.m, FALSE);
  });
}
