// The internal layers against the C++ reference model: the SimBus (serialized transactions,
// per-context interrupt waits, counters) and the EngineClient (addresses, result decoding,
// the grant/cancel protocol, inspection and 64-bit counters).
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "engine_client.h"
#include "hwmx/hwmx_regmap.h"
#include "hwmx/model/engine.h"
#include "sim_bus.h"

using namespace hwmx::host;
using namespace std::chrono_literals;

namespace {

struct Fixture : ::testing::Test {
  Fixture()
      : bus(std::make_unique<hwmx::model::Engine>(16, 8), nullptr, 0, "model 16x8"), eng(bus) {}
  unsigned ctx() {
    const OpResult r = eng.alloc_ctx();
    EXPECT_EQ(r.rc, Rc::Done);
    EXPECT_TRUE(eng.setup_ctx(r.value, 8));
    return r.value;
  }
  SimBus bus;
  EngineClient eng;
};

}  // namespace

TEST_F(Fixture, ProbeReadsIdentityAndConfig) {
  ASSERT_TRUE(eng.probe());
  EXPECT_EQ(eng.num_mutex(), 16u);
  EXPECT_EQ(eng.num_ctx(), 8u);
  EXPECT_EQ(bus.stats().reads, 2u);
  EXPECT_EQ(bus.stats().writes, 0u);
  EXPECT_EQ(bus.stats().cycles, 0u);  // untimed model
}

TEST_F(Fixture, OneTransactionPerAcquireAndRelease) {
  ASSERT_TRUE(eng.probe());
  const unsigned c = ctx();
  const OpResult s = eng.alloc_slot(SlotType::Recursive, QueuePolicy::Fifo);
  ASSERT_EQ(s.rc, Rc::Done);
  const auto reads = bus.stats().reads;
  OpResult r = eng.acquire(c, s.value);
  EXPECT_EQ(r.rc, Rc::Granted);
  EXPECT_EQ(r.value, 0u);
  r = eng.acquire(c, s.value);
  EXPECT_EQ(r.rc, Rc::Granted);
  EXPECT_EQ(r.value, 1u);  // recursion count after
  EXPECT_EQ(eng.release(c, s.value).value, 1u);
  EXPECT_EQ(eng.release(c, s.value).rc, Rc::Released);
  EXPECT_EQ(bus.stats().reads - reads, 4u);
  EXPECT_EQ(eng.release(c, s.value).rc, Rc::ErrNotOwner);
}

TEST_F(Fixture, HandoffWakesTheWaitingThreadAndTheGrantCarriesTheBoost) {
  ASSERT_TRUE(eng.probe());
  const unsigned a = ctx(), b = ctx();
  const unsigned s = eng.alloc_slot(SlotType::Recursive, QueuePolicy::Fifo).value;
  ASSERT_EQ(eng.acquire(a, s).rc, Rc::Granted);
  ASSERT_EQ(eng.acquire(b, s).rc, Rc::Queued);
  std::atomic<bool> woke{false};
  std::thread waiter([&] {
    EXPECT_TRUE(eng.wait_grant(b, Deadline::never()));
    woke = true;
    const OpResult g = eng.take_grant(b);
    EXPECT_EQ(g.rc, Rc::Granted);
    EXPECT_EQ(g.value, s);
    EXPECT_EQ(g.priority, 16u);  // boost(b, recursive slot) with priority 8
  });
  std::this_thread::sleep_for(20ms);
  EXPECT_FALSE(woke);
  const SlotInfo before = eng.inspect(s);
  EXPECT_EQ(before.waiters, 1u);
  EXPECT_EQ(before.owner, a);
  const OpResult h = eng.release(a, s);
  EXPECT_EQ(h.rc, Rc::Handoff);
  EXPECT_EQ(h.value, b);
  waiter.join();
  EXPECT_TRUE(woke);
  EXPECT_EQ(eng.inspect(s).owner, b);
}

TEST_F(Fixture, WaitTimesOutAndCancelResolvesTheRace) {
  ASSERT_TRUE(eng.probe());
  const unsigned a = ctx(), b = ctx();
  const unsigned s = eng.alloc_slot(SlotType::Exclusive, QueuePolicy::Fifo).value;
  ASSERT_EQ(eng.acquire(a, s).rc, Rc::Granted);
  ASSERT_EQ(eng.acquire(b, s).rc, Rc::Queued);
  const auto t0 = std::chrono::steady_clock::now();
  EXPECT_FALSE(eng.wait_grant(b, Deadline::at(t0 + 20ms)));
  EXPECT_GE(std::chrono::steady_clock::now() - t0, 20ms);
  EXPECT_EQ(eng.cancel(b).rc, Rc::Cancelled);
  EXPECT_EQ(eng.inspect(s).waiters, 0u);
  // Granted before the cancel: ALREADY_GRANTED and the grant is consumed.
  ASSERT_EQ(eng.acquire(b, s).rc, Rc::Queued);
  ASSERT_EQ(eng.release(a, s).rc, Rc::Handoff);
  const OpResult c = eng.cancel(b);
  EXPECT_EQ(c.rc, Rc::AlreadyGranted);
  EXPECT_EQ(c.value, s);
  EXPECT_EQ(eng.take_grant(b).rc, Rc::None);
  EXPECT_EQ(eng.release(b, s).rc, Rc::Released);
}

TEST_F(Fixture, AbandonHandsOnWithTheFlagAndCountersAdd) {
  ASSERT_TRUE(eng.probe());
  const unsigned a = ctx(), b = ctx();
  const unsigned s = eng.alloc_slot(SlotType::Recursive, QueuePolicy::Fifo).value;
  const EngineCounters c0 = eng.counters();
  ASSERT_EQ(eng.acquire(a, s).rc, Rc::Granted);
  ASSERT_EQ(eng.acquire(b, s).rc, Rc::Queued);
  EXPECT_EQ(eng.abandon(a).rc, Rc::Done);
  EXPECT_TRUE(eng.wait_grant(b, Deadline::never()));
  const OpResult g = eng.take_grant(b);
  EXPECT_EQ(g.rc, Rc::Granted);
  EXPECT_TRUE(g.abandoned);
  const EngineCounters c1 = eng.counters();
  EXPECT_EQ(c1.acquires - c0.acquires, 2u);
  EXPECT_EQ(c1.handoffs - c0.handoffs, 1u);
  EXPECT_EQ(c1.contended - c0.contended, 1u);
  EXPECT_EQ(c1.max_queue_depth, 1u);
  EXPECT_EQ(eng.free_ctx(a).rc, Rc::Done);
  EXPECT_EQ(eng.free_ctx(b).rc, Rc::ErrCtxBusy);  // owns the slot
}

TEST_F(Fixture, PoolsAndControlErrors) {
  ASSERT_TRUE(eng.probe());
  for (unsigned i = 0; i < 16; ++i) {
    ASSERT_EQ(eng.alloc_slot(SlotType::Exclusive, QueuePolicy::Fifo).rc, Rc::Done);
  }
  EXPECT_EQ(eng.alloc_slot(SlotType::Exclusive, QueuePolicy::Fifo).rc, Rc::ErrNoResource);
  EXPECT_EQ(eng.free_slot(3).rc, Rc::Done);
  EXPECT_EQ(eng.free_slot(3).rc, Rc::ErrBadSlot);
  EXPECT_EQ(eng.alloc_slot(SlotType::Recursive, QueuePolicy::Priority).value, 3u);
  EXPECT_TRUE(eng.inspect(3).recursive);
  EXPECT_TRUE(eng.inspect(3).priority_policy);
  EXPECT_EQ(eng.init_slot(3, SlotType::Exclusive, QueuePolicy::Fifo).rc, Rc::Done);
  EXPECT_FALSE(eng.inspect(3).recursive);
  for (unsigned i = 0; i < 8; ++i) ASSERT_EQ(eng.alloc_ctx().rc, Rc::Done);
  EXPECT_EQ(eng.alloc_ctx().rc, Rc::ErrNoResource);
}

TEST(SimBusTest, BusErrorsAreReportedNotDecodedAsGrants) {
  SimBus bus(std::make_unique<hwmx::model::Engine>(4, 2), nullptr, 0, "model");
  EngineClient eng(bus);
  ASSERT_TRUE(eng.probe());
  // Context 1 exists; context 5 is beyond NUM_CTX: its action page answers SLVERR.
  EXPECT_EQ(eng.acquire(5, 0).rc, Rc::BusError);
  EXPECT_EQ(eng.acquire(1, 0).rc, Rc::ErrBadCtx);
  EXPECT_FALSE(bus.write32(HWMX_ID_OFFSET, 0));
  EXPECT_EQ(bus.stats().writes, 1u);
}

TEST(SimBusTest, CloseReleasesWaitersAndRefusesLaterTransactions) {
  SimBus bus(std::make_unique<hwmx::model::Engine>(4, 2), nullptr, 0, "model");
  std::atomic<int> result{-1};
  std::thread waiter([&] { result = bus.wait_irq(1, Deadline::never()) ? 1 : 0; });
  std::this_thread::sleep_for(20ms);
  bus.close();
  waiter.join();
  EXPECT_EQ(result, 0);
  EXPECT_TRUE(bus.read32(HWMX_ID_OFFSET).error);
  EXPECT_FALSE(bus.write32(HWMX_CTX_BASE, 0));
}
