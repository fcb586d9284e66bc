// Threads and hardware contexts: thousands of short-lived threads reuse the engine's contexts;
// when every context is bound to a live thread, the next one gets a clear fault naming the limit.
#include <atomic>
#include <condition_variable>

#include "test_support.h"

using namespace hwmx_test;

TEST(Contexts, ThousandsOfShortLivedThreadsReuseContexts) {
  FastMutexObj m;
  long counter = 0;  // protected by m
  constexpr int kThreads = 2000;
  constexpr int kBatch = 16;
  for (int done = 0; done < kThreads; done += kBatch) {
    std::vector<std::thread> batch;
    for (int i = 0; i < kBatch; ++i) {
      batch.emplace_back([&] {
        ExAcquireFastMutex(&m.m);
        ++counter;
        ExReleaseFastMutex(&m.m);
      });
    }
    for (auto& t : batch) t.join();
  }
  EXPECT_EQ(counter, kThreads);
  EXPECT_EQ(query(&m.m).State, 1);
}

TEST(Contexts, AllContextsBoundGivesAFaultNamingTheLimit) {
  FastMutexObj m;
  std::mutex mu;
  std::condition_variable cv;
  bool release = false;
  std::atomic<int> bound{0};
  std::optional<Fault> failure;
  std::vector<std::thread> threads;
  // Bind threads one at a time until the engine runs out; all stay alive until the end.
  for (int i = 0; i < 300 && !failure; ++i) {
    std::atomic<int> state{0};  // 1 bound, 2 failed
    threads.emplace_back([&] {
      auto f = fault_of([&] {
        ExAcquireFastMutex(&m.m);
        ExReleaseFastMutex(&m.m);
      });
      if (f) {
        std::lock_guard lock(mu);
        failure = f;
        state = 2;
        return;
      }
      ++bound;
      state = 1;
      std::unique_lock lock(mu);
      cv.wait(lock, [&] { return release; });
    });
    while (state == 0) std::this_thread::yield();
  }
  {
    std::lock_guard lock(mu);
    release = true;
  }
  cv.notify_all();
  for (auto& t : threads) t.join();
  ASSERT_TRUE(failure.has_value());
  EXPECT_EQ(failure->code, static_cast<ULONG>(STATUS_INSUFFICIENT_RESOURCES));
  EXPECT_NE(failure->message.find("all 64 hardware contexts"), std::string::npos)
      << failure->message;
  EXPECT_LE(bound, 64);
  EXPECT_GE(bound, 60);  // a few may be bound to other live threads (the test's main thread)
  // Once they have exited, contexts are available again.
  in_thread([&] {
    ExAcquireFastMutex(&m.m);
    ExReleaseFastMutex(&m.m);
  });
}
