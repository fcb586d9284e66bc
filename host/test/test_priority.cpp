// Thread priorities, the KMUTEX handoff boost (fact 13, D3) and the queue policies (fact 15, D2).
#include <atomic>

#include "test_support.h"

using namespace hwmx_test;

namespace {

NTSTATUS wait(PRKMUTEX m) {
  return KeWaitForSingleObject(m, Executive, KernelMode, FALSE, nullptr);
}

// Runs `waiter_body` on a thread that first blocks on `m` (held by the calling thread), then
// releases `m` so that the engine hands it over.
template <class F>
void handoff_to_waiter(PRKMUTEX m, F waiter_body) {
  ASSERT_EQ(wait(m), STATUS_SUCCESS);
  std::thread waiter(waiter_body);
  ASSERT_TRUE(wait_for_waiters(m, 1));
  EXPECT_EQ(KeReleaseMutex(m, FALSE), 0);
  waiter.join();
}

}  // namespace

TEST(Priority, SetReturnsThePreviousPriorityAndQueryReadsIt) {
  in_thread([] {
    PKTHREAD self = KeGetCurrentThread();
    EXPECT_EQ(KeSetPriorityThread(self, 12), 8);
    EXPECT_EQ(KeQueryPriorityThread(self), 12);
    EXPECT_EQ(KeSetPriorityThread(self, LOW_PRIORITY), 12);
    EXPECT_EQ(KeSetPriorityThread(self, HIGH_PRIORITY), LOW_PRIORITY);
    EXPECT_EQ(KeQueryPriorityThread(self), HIGH_PRIORITY);
  });
}

TEST(Priority, OutOfRangeOrUnknownThreadRaisesAndChangesNothing) {
  in_thread([] {
    PKTHREAD self = KeGetCurrentThread();
    EXPECT_RAISE(KeSetPriorityThread(self, 32), STATUS_INVALID_PARAMETER);
    EXPECT_RAISE(KeSetPriorityThread(self, -1), STATUS_INVALID_PARAMETER);
    EXPECT_EQ(KeQueryPriorityThread(self), 8);
    int not_a_thread = 0;
    EXPECT_RAISE(KeQueryPriorityThread(reinterpret_cast<PKTHREAD>(&not_a_thread)),
                 STATUS_INVALID_PARAMETER);
    EXPECT_RAISE(KeSetPriorityThread(nullptr, 5), STATUS_INVALID_PARAMETER);
  });
}

TEST(Priority, AnotherThreadsPriorityCanBeQueriedAndSet) {
  std::atomic<PKTHREAD> other{nullptr};
  std::atomic<bool> done{false};
  std::thread t([&] {
    other = KeGetCurrentThread();
    while (!done) std::this_thread::yield();
    EXPECT_EQ(KeQueryPriorityThread(KeGetCurrentThread()), 20);
  });
  while (!other) std::this_thread::yield();
  in_thread([&] {
    EXPECT_EQ(KeQueryPriorityThread(other), 8);
    EXPECT_EQ(KeSetPriorityThread(other, 20), 8);
  });
  done = true;
  t.join();
}

TEST(D3, AWaiterHandedAKmutexRunsAtLowRealtimePriorityWhileHoldingIt) {
  in_thread([] {
    KMutexObj m;
    handoff_to_waiter(&m.m, [&] {
      EXPECT_EQ(KeQueryPriorityThread(KeGetCurrentThread()), 8);  // before the wait
      ASSERT_EQ(wait(&m.m), STATUS_SUCCESS);
      EXPECT_EQ(KeQueryPriorityThread(KeGetCurrentThread()), LOW_REALTIME_PRIORITY);
      ASSERT_EQ(wait(&m.m), STATUS_SUCCESS);  // recursion keeps it
      EXPECT_EQ(KeReleaseMutex(&m.m, FALSE), -1);
      EXPECT_EQ(KeQueryPriorityThread(KeGetCurrentThread()), LOW_REALTIME_PRIORITY);
      EXPECT_EQ(KeReleaseMutex(&m.m, FALSE), 0);
      EXPECT_EQ(KeQueryPriorityThread(KeGetCurrentThread()), 8);
    });
  });
}

TEST(D3, AnImmediateAcquisitionIsNotBoosted) {
  in_thread([] {
    KMutexObj m;
    ASSERT_EQ(wait(&m.m), STATUS_SUCCESS);
    EXPECT_EQ(KeQueryPriorityThread(KeGetCurrentThread()), 8);
    KeReleaseMutex(&m.m, FALSE);
  });
}

TEST(D3, PriorityReturnsOnlyWhenTheLastHeldKmutexIsReleased) {
  in_thread([] {
    KMutexObj a, b;
    handoff_to_waiter(&a.m, [&] {
      ASSERT_EQ(wait(&a.m), STATUS_SUCCESS);
      ASSERT_EQ(wait(&b.m), STATUS_SUCCESS);  // free: no boost of its own
      EXPECT_EQ(KeQueryPriorityThread(KeGetCurrentThread()), LOW_REALTIME_PRIORITY);
      KeReleaseMutex(&a.m, FALSE);
      EXPECT_EQ(KeQueryPriorityThread(KeGetCurrentThread()), LOW_REALTIME_PRIORITY);
      KeReleaseMutex(&b.m, FALSE);
      EXPECT_EQ(KeQueryPriorityThread(KeGetCurrentThread()), 8);
    });
  });
}

TEST(D3, SetPriorityWhileBoostedTakesEffectWhenTheBoostEnds) {
  in_thread([] {
    KMutexObj m;
    handoff_to_waiter(&m.m, [&] {
      ASSERT_EQ(wait(&m.m), STATUS_SUCCESS);
      EXPECT_EQ(KeSetPriorityThread(KeGetCurrentThread(), 5), LOW_REALTIME_PRIORITY);
      EXPECT_EQ(KeQueryPriorityThread(KeGetCurrentThread()), LOW_REALTIME_PRIORITY);
      KeReleaseMutex(&m.m, FALSE);
      EXPECT_EQ(KeQueryPriorityThread(KeGetCurrentThread()), 5);
    });
  });
}

TEST(D3, ThreadsAtOrAboveSixteenAreNotChanged) {
  in_thread([] {
    KMutexObj m;
    handoff_to_waiter(&m.m, [&] {
      KeSetPriorityThread(KeGetCurrentThread(), 20);
      ASSERT_EQ(wait(&m.m), STATUS_SUCCESS);
      EXPECT_EQ(KeQueryPriorityThread(KeGetCurrentThread()), 20);
      KeReleaseMutex(&m.m, FALSE);
      EXPECT_EQ(KeQueryPriorityThread(KeGetCurrentThread()), 20);
    });
  });
}

TEST(D3, FastAndGuardedMutexesDoNotBoost) {
  in_thread([] {
    FastMutexObj f;
    GuardedMutexObj g;
    ExAcquireFastMutex(&f.m);
    KeAcquireGuardedMutex(&g.m);
    std::thread waiter([&] {
      ExAcquireFastMutex(&f.m);
      EXPECT_EQ(KeQueryPriorityThread(KeGetCurrentThread()), 8);
      ExReleaseFastMutex(&f.m);
      KeAcquireGuardedMutex(&g.m);
      EXPECT_EQ(KeQueryPriorityThread(KeGetCurrentThread()), 8);
      KeReleaseGuardedMutex(&g.m);
    });
    ASSERT_TRUE(wait_for_waiters(&f.m, 1));
    ExReleaseFastMutex(&f.m);
    ASSERT_TRUE(wait_for_waiters(&g.m, 1));
    KeReleaseGuardedMutex(&g.m);
    waiter.join();
  });
}

namespace {

// Queues threads of the given priorities on `m` (held by the caller) in that order, releases,
// and returns the order in which they got it.
std::vector<int> grant_order(PRKMUTEX m, const std::vector<KPRIORITY>& priorities) {
  std::vector<int> order;
  std::mutex mu;
  std::vector<std::thread> threads;
  EXPECT_EQ(wait(m), STATUS_SUCCESS);
  for (std::size_t i = 0; i < priorities.size(); ++i) {
    threads.emplace_back([&, i] {
      KeSetPriorityThread(KeGetCurrentThread(), priorities[i]);
      EXPECT_EQ(wait(m), STATUS_SUCCESS);
      {
        std::lock_guard lock(mu);
        order.push_back(static_cast<int>(i));
      }
      KeReleaseMutex(m, FALSE);
    });
    EXPECT_TRUE(wait_for_waiters(m, static_cast<ULONG>(i + 1)));
  }
  KeReleaseMutex(m, FALSE);
  for (auto& t : threads) t.join();
  return order;
}

}  // namespace

TEST(Fact15, WaitersAreGrantedInFifoOrderWhateverTheirPriorityD2) {
  in_thread([] {
    KMutexObj m;
    EXPECT_EQ(grant_order(&m.m, {5, 20, 10, 20, 1}), (std::vector<int>{0, 1, 2, 3, 4}));
  });
}

TEST(D2, PriorityPolicyGrantsHighestFirstAndFifoAmongEquals) {
  in_thread([] {
    KMutexObj m;
    ASSERT_EQ(HwmxSetQueuePolicy(&m.m, HWMX_QUEUE_PRIORITY), STATUS_SUCCESS);
    EXPECT_EQ(grant_order(&m.m, {5, 20, 10, 20, 1}), (std::vector<int>{1, 3, 2, 0, 4}));
    // Re-initializing restores the default FIFO policy.
    KeInitializeMutex(&m.m, 0);
    EXPECT_EQ(grant_order(&m.m, {5, 20, 10}), (std::vector<int>{0, 1, 2}));
  });
}

TEST(D2, QueuePolicyCannotChangeWhileOwned) {
  in_thread([] {
    KMutexObj m;
    ASSERT_EQ(wait(&m.m), STATUS_SUCCESS);
    EXPECT_RAISE(HwmxSetQueuePolicy(&m.m, HWMX_QUEUE_PRIORITY), STATUS_INVALID_PARAMETER);
    EXPECT_RAISE(HwmxSetQueuePolicy(&m.m, 7), STATUS_INVALID_PARAMETER);
    KeReleaseMutex(&m.m, FALSE);
  });
}
