// Stress: 8 threads per mutex kind, >= 100k acquisitions per kind, proving mutual exclusion with
// a non-atomic counter (lost updates would show) and an owner check inside the critical section.
#include <atomic>

#include "test_support.h"

using namespace hwmx_test;

namespace {

constexpr int kThreads = 8;
constexpr int kPerThread = 12'800;  // 8 x 12'800 = 102'400 acquisitions per kind

template <class Acquire, class Release, class Owner>
void stress(Acquire acquire, Release release, Owner owner) {
  long counter = 0;                       // deliberately not atomic
  std::atomic<PKTHREAD> inside{nullptr};  // who is in the critical section
  std::atomic<int> violations{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      const PKTHREAD self = KeGetCurrentThread();
      for (int i = 0; i < kPerThread; ++i) {
        acquire();
        if (inside.exchange(self) != nullptr) ++violations;
        if (owner() != self) ++violations;
        ++counter;
        inside.store(nullptr);
        release();
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(violations, 0);
  EXPECT_EQ(counter, static_cast<long>(kThreads) * kPerThread);
}

}  // namespace

TEST(Stress, KmutexMutualExclusion) {
  KMutexObj m;
  stress([&] { KeWaitForSingleObject(&m.m, Executive, KernelMode, FALSE, nullptr); },
         [&] { KeReleaseMutex(&m.m, FALSE); }, [&] { return query(&m.m).Owner; });
  EXPECT_EQ(KeReadStateMutex(&m.m), 1);
}

TEST(Stress, FastMutexMutualExclusion) {
  FastMutexObj m;
  stress([&] { ExAcquireFastMutex(&m.m); }, [&] { ExReleaseFastMutex(&m.m); },
         [&] { return m.m.Owner; });
  EXPECT_EQ(query(&m.m).State, 1);
  EXPECT_EQ(m.m.Count, 1);
}

TEST(Stress, GuardedMutexMutualExclusion) {
  GuardedMutexObj m;
  stress([&] { KeAcquireGuardedMutex(&m.m); }, [&] { KeReleaseGuardedMutex(&m.m); },
         [&] { return m.m.Owner; });
  EXPECT_EQ(query(&m.m).State, 1);
}

TEST(Stress, MixedTryAndTimeoutsKeepTheEngineConsistent) {
  KMutexObj k;
  FastMutexObj f;
  GuardedMutexObj g;
  long counter = 0;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 2000; ++i) {
        LARGE_INTEGER timeout;
        timeout.QuadPart = -((i + t) % 5) * 100;
        if (KeWaitForSingleObject(&k.m, Executive, KernelMode, FALSE, &timeout) == STATUS_SUCCESS) {
          if (ExTryToAcquireFastMutex(&f.m)) {
            KeAcquireGuardedMutex(&g.m);
            ++counter;
            KeReleaseGuardedMutex(&g.m);
            ExReleaseFastMutex(&f.m);
          }
          KeReleaseMutex(&k.m, FALSE);
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_GT(counter, 0);
  for (PVOID obj : {static_cast<PVOID>(&k.m), static_cast<PVOID>(&f.m), static_cast<PVOID>(&g.m)}) {
    const HWMX_MUTEX_INFO info = query(obj);
    EXPECT_EQ(info.State, 1);
    EXPECT_EQ(info.Waiters, 0u);
  }
}
