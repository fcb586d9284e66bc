// KeWaitForSingleObject timeouts and IRQL rules (facts 17-21, D7, D8), KeDelayExecutionThread
// and KeQuerySystemTime.
#include <atomic>
#include <chrono>
#include <ctime>

#include "test_support.h"

using namespace hwmx_test;
using Clock = std::chrono::steady_clock;

namespace {

NTSTATUS wait(PRKMUTEX m, PLARGE_INTEGER timeout, BOOLEAN alertable = FALSE) {
  return KeWaitForSingleObject(m, Executive, KernelMode, alertable, timeout);
}

// Holds `m` on another thread until released.
class Holder {
 public:
  explicit Holder(PRKMUTEX m) : m_(m) {
    thread_ = std::thread([this] {
      EXPECT_EQ(wait(m_, nullptr), STATUS_SUCCESS);
      held_ = true;
      while (!release_) std::this_thread::yield();
      KeReleaseMutex(m_, FALSE);
    });
    while (!held_) std::this_thread::yield();
  }
  void release() {
    release_ = true;
    if (thread_.joinable()) thread_.join();
  }
  ~Holder() { release(); }

 private:
  PRKMUTEX m_;
  std::atomic<bool> held_{false}, release_{false};
  std::thread thread_;
};

}  // namespace

TEST(Fact17, NullTimeoutWaitsUntilTheMutexIsReleased) {
  KMutexObj m;
  Holder holder(&m.m);
  std::atomic<bool> done{false};
  std::thread waiter([&] {
    EXPECT_EQ(wait(&m.m, nullptr), STATUS_SUCCESS);
    done = true;
    KeReleaseMutex(&m.m, FALSE);
  });
  ASSERT_TRUE(wait_for_waiters(&m.m, 1));
  std::this_thread::sleep_for(std::chrono::milliseconds(30));
  EXPECT_FALSE(done);
  holder.release();
  waiter.join();
  EXPECT_TRUE(done);
}

TEST(Fact17, ZeroTimeoutTestsTheObjectAndReturnsAtOnce) {
  KMutexObj m;
  Holder holder(&m.m);
  in_thread([&] {
    LARGE_INTEGER zero = zero_timeout();
    const auto t0 = Clock::now();
    EXPECT_EQ(wait(&m.m, &zero), STATUS_TIMEOUT);
    EXPECT_LT(Clock::now() - t0, std::chrono::seconds(1));  // no wait (generous: shared CPUs)
    EXPECT_NE(query(&m.m).Owner, KeGetCurrentThread());
    EXPECT_EQ(query(&m.m).Waiters, 0u);
    EXPECT_FALSE(KeAreApcsDisabled());
  });
}

TEST(Fact17, RelativeTimeoutExpiresAndLeavesNoWaiterD8) {
  KMutexObj m;
  Holder holder(&m.m);
  in_thread([&] {
    LARGE_INTEGER timeout = relative_ms(40);
    const auto t0 = Clock::now();
    EXPECT_EQ(wait(&m.m, &timeout), STATUS_TIMEOUT);
    EXPECT_GE(Clock::now() - t0, std::chrono::milliseconds(40));
    EXPECT_EQ(query(&m.m).Waiters, 0u);
    EXPECT_FALSE(KeAreApcsDisabled());
  });
}

TEST(Fact17, AbsoluteTimeoutExpiresAtTheSystemTime) {
  KMutexObj m;
  Holder holder(&m.m);
  in_thread([&] {
    LARGE_INTEGER deadline;
    KeQuerySystemTime(&deadline);
    deadline.QuadPart += 40 * 10'000;  // 40 ms from now
    const auto t0 = Clock::now();
    EXPECT_EQ(wait(&m.m, &deadline), STATUS_TIMEOUT);
    EXPECT_GE(Clock::now() - t0, std::chrono::milliseconds(35));
    EXPECT_EQ(query(&m.m).Waiters, 0u);
    // An absolute time in the past is an immediate expiry.
    KeQuerySystemTime(&deadline);
    deadline.QuadPart -= 10'000'000;
    EXPECT_EQ(wait(&m.m, &deadline), STATUS_TIMEOUT);
  });
}

TEST(Fact18, AFreeOrSelfOwnedMutexWinsOverAZeroOrExpiredTimeout) {
  in_thread([] {
    KMutexObj m;
    LARGE_INTEGER zero = zero_timeout();
    EXPECT_EQ(wait(&m.m, &zero), STATUS_SUCCESS);
    LARGE_INTEGER past;
    KeQuerySystemTime(&past);
    past.QuadPart -= 10'000'000;
    EXPECT_EQ(wait(&m.m, &past), STATUS_SUCCESS);
    LARGE_INTEGER tiny;
    tiny.QuadPart = -1;
    EXPECT_EQ(wait(&m.m, &tiny), STATUS_SUCCESS);
    EXPECT_EQ(KeReadStateMutex(&m.m), -2);
    for (int i = 0; i < 3; ++i) KeReleaseMutex(&m.m, FALSE);
  });
}

TEST(Fact18, ZeroTimeoutOnAMutexHeldByAnotherThreadDoesNotTakeOwnership) {
  KMutexObj m;
  Holder holder(&m.m);
  in_thread([&] {
    LARGE_INTEGER zero = zero_timeout();
    for (int i = 0; i < 10; ++i) EXPECT_EQ(wait(&m.m, &zero), STATUS_TIMEOUT);
    EXPECT_EQ(KeReadStateMutex(&m.m), 0);
  });
}

TEST(Fact19, AlertableKernelModeWaitsAreNotCutShortD7) {
  KMutexObj m;
  Holder holder(&m.m);
  in_thread([&] {
    LARGE_INTEGER timeout = relative_ms(20);
    EXPECT_EQ(wait(&m.m, &timeout, TRUE), STATUS_TIMEOUT);  // never STATUS_ALERTED/USER_APC
  });
}

TEST(Fact20, UserModeWaitOnAMutexIsRefusedD7) {
  in_thread([] {
    KMutexObj m;
    LARGE_INTEGER zero = zero_timeout();
    EXPECT_RAISE(KeWaitForSingleObject(&m.m, UserRequest, UserMode, TRUE, &zero),
                 STATUS_INVALID_PARAMETER);
  });
}

TEST(Fact21, BlockingWaitsNeedApcLevelOrBelow) {
  in_thread([] {
    KMutexObj m;
    KIRQL old;
    KeRaiseIrql(DISPATCH_LEVEL, &old);
    EXPECT_BUGCHECK(wait(&m.m, nullptr), IRQL_NOT_LESS_OR_EQUAL);
    LARGE_INTEGER timeout = relative_ms(1);
    EXPECT_BUGCHECK(wait(&m.m, &timeout), IRQL_NOT_LESS_OR_EQUAL);
    // A zero timeout is fine at DISPATCH_LEVEL.
    LARGE_INTEGER zero = zero_timeout();
    EXPECT_EQ(wait(&m.m, &zero), STATUS_SUCCESS);
    EXPECT_EQ(KeReleaseMutex(&m.m, FALSE), 0);
    KeRaiseIrql(HIGH_LEVEL, &old);
    EXPECT_BUGCHECK(wait(&m.m, &zero), IRQL_NOT_LESS_OR_EQUAL);
    KeLowerIrql(PASSIVE_LEVEL);
    EXPECT_EQ(KeReadStateMutex(&m.m), 1);
  });
}

TEST(D8, TimeoutsRacingWithHandoffsEitherOwnOrLeaveNoTrace) {
  KMutexObj m;
  std::atomic<bool> stop{false};
  std::atomic<int> owned{0}, timeouts{0};
  std::thread churn([&] {
    while (!stop) {
      ASSERT_EQ(wait(&m.m, nullptr), STATUS_SUCCESS);
      std::this_thread::yield();
      KeReleaseMutex(&m.m, FALSE);
    }
  });
  std::vector<std::thread> racers;
  for (int r = 0; r < 2; ++r) {
    racers.emplace_back([&] {
      for (int i = 0; i < 300; ++i) {
        LARGE_INTEGER timeout;
        timeout.QuadPart = -(i % 7) * 50;  // 0..30 us: expiries land right around handoffs
        const NTSTATUS s = wait(&m.m, &timeout);
        if (s == STATUS_SUCCESS) {
          EXPECT_EQ(KeReadStateMutex(&m.m), 0);
          ++owned;
          KeReleaseMutex(&m.m, FALSE);
        } else {
          EXPECT_EQ(s, STATUS_TIMEOUT);
          ++timeouts;
        }
        EXPECT_FALSE(KeAreApcsDisabled());
      }
    });
  }
  for (auto& t : racers) t.join();
  stop = true;
  churn.join();
  EXPECT_EQ(owned + timeouts, 600);
  const HWMX_MUTEX_INFO info = query(&m.m);
  EXPECT_EQ(info.Waiters, 0u);
  EXPECT_EQ(info.State, 1);
}

TEST(DelayExecution, RelativeAndAbsoluteIntervals) {
  in_thread([] {
    LARGE_INTEGER interval = relative_ms(20);
    auto t0 = Clock::now();
    EXPECT_EQ(KeDelayExecutionThread(KernelMode, FALSE, &interval), STATUS_SUCCESS);
    EXPECT_GE(Clock::now() - t0, std::chrono::milliseconds(20));
    LARGE_INTEGER when;
    KeQuerySystemTime(&when);
    when.QuadPart += 20 * 10'000;
    t0 = Clock::now();
    EXPECT_EQ(KeDelayExecutionThread(KernelMode, TRUE, &when), STATUS_SUCCESS);
    EXPECT_GE(Clock::now() - t0, std::chrono::milliseconds(15));
    LARGE_INTEGER zero = zero_timeout();
    EXPECT_EQ(KeDelayExecutionThread(UserMode, FALSE, &zero), STATUS_SUCCESS);
  });
}

TEST(DelayExecution, AboveApcLevelBugChecksAndNullIntervalRaises) {
  in_thread([] {
    LARGE_INTEGER interval = relative_ms(1);
    KIRQL old;
    KeRaiseIrql(DISPATCH_LEVEL, &old);
    EXPECT_BUGCHECK(KeDelayExecutionThread(KernelMode, FALSE, &interval), IRQL_NOT_LESS_OR_EQUAL);
    KeLowerIrql(old);
    EXPECT_RAISE(KeDelayExecutionThread(KernelMode, FALSE, nullptr), STATUS_INVALID_PARAMETER);
  });
}

TEST(SystemTime, CountsHundredsOfNanosecondsSince1601) {
  LARGE_INTEGER now;
  KeQuerySystemTime(&now);
  const LONGLONG unix_seconds = now.QuadPart / 10'000'000 - 11644473600LL;
  EXPECT_LE(std::abs(unix_seconds - static_cast<LONGLONG>(std::time(nullptr))), 2);
}
