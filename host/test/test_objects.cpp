// Mutex structures are never trusted blindly: uninitialized, corrupted, copied, freed, stale and
// wrong-kind structures are reported; re-initialization reuses the slot; HwmxQueryMutex and
// HwmxFreeMutex on all three kinds; slot exhaustion.
#include <cstring>
#include <memory>

#include "test_support.h"

using namespace hwmx_test;

namespace {

std::optional<Fault> wait_fault(PVOID obj) {
  return fault_of([&] { KeWaitForSingleObject(obj, Executive, KernelMode, FALSE, nullptr); });
}

void expect_invalid(const std::optional<Fault>& f, const char* text) {
  ASSERT_TRUE(f.has_value());
  EXPECT_EQ(f->kind, HWMX_FAULT_RAISE);
  EXPECT_EQ(f->code, static_cast<ULONG>(STATUS_INVALID_PARAMETER));
  EXPECT_NE(f->message.find(text), std::string::npos) << f->message;
}

}  // namespace

TEST(Objects, UninitializedStructuresAreReported) {
  in_thread([] {
    KMUTEX zeroed;
    std::memset(&zeroed, 0, sizeof zeroed);
    expect_invalid(wait_fault(&zeroed), "not an initialized");
    FAST_MUTEX garbage;
    std::memset(&garbage, 0xCD, sizeof garbage);
    expect_invalid(fault_of([&] { ExAcquireFastMutex(&garbage); }), "not an initialized");
    EXPECT_EQ(KeGetCurrentIrql(), PASSIVE_LEVEL);
    KGUARDED_MUTEX g;
    std::memset(&g, 0, sizeof g);
    expect_invalid(fault_of([&] { KeAcquireGuardedMutex(&g); }), "not an initialized");
    EXPECT_FALSE(KeAreApcsDisabled());
    expect_invalid(wait_fault(nullptr), "NULL");
    HWMX_MUTEX_INFO info;
    expect_invalid(fault_of([&] { HwmxQueryMutex(&zeroed, &info); }), "not an initialized");
  });
}

TEST(Objects, CorruptedStructuresAreReportedAndRestoringThemWorks) {
  in_thread([] {
    KMutexObj m;
    const ULONG slot = m.m.Hwmx.Slot;
    m.m.Hwmx.Slot = slot ^ 1;
    expect_invalid(wait_fault(&m.m), "corrupted");
    m.m.Hwmx.Slot = slot;
    m.m.Hwmx.Check ^= 0x100;
    expect_invalid(fault_of([&] { KeReadStateMutex(&m.m); }), "corrupted");
    m.m.Hwmx.Check ^= 0x100;
    EXPECT_EQ(KeReadStateMutex(&m.m), 1);
  });
}

TEST(Objects, CopiedStructuresAreReported) {
  in_thread([] {
    FastMutexObj m;
    FAST_MUTEX copy;
    std::memcpy(&copy, &m.m, sizeof copy);
    expect_invalid(fault_of([&] { ExAcquireFastMutex(&copy); }), "copy of");
    EXPECT_EQ(KeGetCurrentIrql(), PASSIVE_LEVEL);
  });
}

TEST(Objects, FreedAndStaleStructuresAreReported) {
  in_thread([] {
    KMUTEX a;
    KeInitializeMutex(&a, 0);
    KMUTEX saved;
    std::memcpy(&saved, &a, sizeof saved);
    HwmxFreeMutex(&a);
    expect_invalid(wait_fault(&a), "freed");
    // The old header put back after its slot went to another object: stale.
    KMutexObj b;
    std::memcpy(&a, &saved, sizeof a);
    expect_invalid(wait_fault(&a), "slot has since been freed or re-bound");
    // Initializing it again makes it usable.
    KeInitializeMutex(&a, 0);
    EXPECT_EQ(KeReadStateMutex(&a), 1);
    HwmxFreeMutex(&a);
  });
}

TEST(Objects, WrongKindsAreReported) {
  in_thread([] {
    KMutexObj km;
    FastMutexObj fm;
    expect_invalid(fault_of([&] { ExAcquireFastMutex(reinterpret_cast<PFAST_MUTEX>(&km.m)); }),
                   "is a KMUTEX, not a FAST_MUTEX");
    expect_invalid(wait_fault(&fm.m), "not a dispatcher object");
    expect_invalid(
        fault_of([&] { KeAcquireGuardedMutex(reinterpret_cast<PKGUARDED_MUTEX>(&fm.m)); }),
        "not a KGUARDED_MUTEX");
    EXPECT_FALSE(KeAreApcsDisabled());
  });
}

TEST(Objects, ReinitializingAtTheSameAddressReusesTheSlot) {
  in_thread([] {
    union {
      KMUTEX k;
      FAST_MUTEX f;
    } u;
    KeInitializeMutex(&u.k, 0);
    const ULONG slot = query(&u.k).Slot;
    KeInitializeMutex(&u.k, 0);
    EXPECT_EQ(query(&u.k).Slot, slot);
    // Even as another kind: the slot is re-typed (exclusive now).
    ExInitializeFastMutex(&u.f);
    EXPECT_EQ(query(&u.f).Slot, slot);
    ExAcquireFastMutex(&u.f);
    EXPECT_BUGCHECK(ExAcquireFastMutex(&u.f), MUTEX_ALREADY_OWNED);
    ExReleaseFastMutex(&u.f);
    HwmxFreeMutex(&u.f);
    expect_invalid(fault_of([&] { ExInitializeFastMutex(nullptr); }), "NULL");
  });
}

TEST(Objects, ReinitializingAnOwnedMutexIsRefused) {
  in_thread([] {
    KMutexObj m;
    ASSERT_EQ(KeWaitForSingleObject(&m.m, Executive, KernelMode, FALSE, nullptr), STATUS_SUCCESS);
    expect_invalid(fault_of([&] { KeInitializeMutex(&m.m, 0); }), "currently owned");
    expect_invalid(fault_of([&] { HwmxFreeMutex(&m.m); }), "release it first");
    EXPECT_EQ(KeReadStateMutex(&m.m), 0);
    EXPECT_EQ(KeReleaseMutex(&m.m, FALSE), 0);
  });
}

TEST(Objects, QueryMutexReportsAllThreeKinds) {
  in_thread([] {
    KMutexObj km;
    FastMutexObj fm;
    GuardedMutexObj gm;
    EXPECT_NE(query(&km.m).Slot, query(&fm.m).Slot);
    ASSERT_EQ(KeWaitForSingleObject(&km.m, Executive, KernelMode, FALSE, nullptr), STATUS_SUCCESS);
    ASSERT_EQ(KeWaitForSingleObject(&km.m, Executive, KernelMode, FALSE, nullptr), STATUS_SUCCESS);
    HWMX_MUTEX_INFO info = query(&km.m);
    EXPECT_EQ(info.State, -1);
    EXPECT_EQ(info.RecursionCount, 2u);
    EXPECT_EQ(info.Owner, KeGetCurrentThread());
    KeReleaseMutex(&km.m, FALSE);
    KeReleaseMutex(&km.m, FALSE);
    ExAcquireFastMutex(&fm.m);
    info = query(&fm.m);
    EXPECT_EQ(info.State, 0);
    EXPECT_EQ(info.RecursionCount, 1u);
    EXPECT_EQ(info.Owner, KeGetCurrentThread());
    ExReleaseFastMutex(&fm.m);
    KeAcquireGuardedMutex(&gm.m);
    EXPECT_EQ(query(&gm.m).Owner, KeGetCurrentThread());
    KeReleaseGuardedMutex(&gm.m);
    EXPECT_EQ(query(&gm.m).Owner, nullptr);
    expect_invalid(fault_of([&] { HwmxQueryMutex(&km.m, nullptr); }), "Info");
  });
}

TEST(Objects, SlotExhaustionIsReportedWithTheLimitAndFreeingRecovers) {
  in_thread([] {
    std::vector<std::unique_ptr<KMUTEX>> mutexes;
    std::optional<Fault> f;
    for (int i = 0; i < 5000 && !f; ++i) {
      auto m = std::make_unique<KMUTEX>();
      f = fault_of([&] { KeInitializeMutex(m.get(), 0); });
      if (!f) mutexes.push_back(std::move(m));
    }
    ASSERT_TRUE(f.has_value());
    EXPECT_EQ(f->code, static_cast<ULONG>(STATUS_INSUFFICIENT_RESOURCES));
    EXPECT_NE(f->message.find("all 256 slots"), std::string::npos) << f->message;
    EXPECT_GT(mutexes.size(), 200u);
    for (auto& m : mutexes) HwmxFreeMutex(m.get());
    KMutexObj again;
    EXPECT_EQ(KeReadStateMutex(&again.m), 1);
  });
}
