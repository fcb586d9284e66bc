// UioBus without a board: the register window is plain memory and the UIO fd one end of a
// socket pair, so the test plays the kernel (delivering interrupt counts, reading re-enables).
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <thread>

#include "uio_bus.h"

using namespace hwmx::host;
using namespace std::chrono_literals;

namespace {

// The engine's interrupt registers, as the engine client would present them.
struct FakeIrqRegisters : IrqRegisters {
  static constexpr unsigned kContexts = 40;  // two summary words
  std::mutex mu;
  bool pending[kContexts] = {};
  bool enabled[kContexts] = {};
  FakeIrqRegisters() { std::fill(std::begin(enabled), std::end(enabled), true); }
  unsigned irq_contexts() const override { return kContexts; }
  void read_lines(std::uint32_t* lines, unsigned words) override {
    std::lock_guard lock(mu);
    for (unsigned w = 0; w < words; ++w) lines[w] = 0;
    for (unsigned c = 0; c < kContexts; ++c) {
      if (pending[c] && enabled[c]) lines[c / 32] |= 1u << (c % 32);
    }
  }
  bool irq_pending(unsigned ctx) override {
    std::lock_guard lock(mu);
    return pending[ctx];
  }
  void set_irq_enabled(unsigned ctx, bool e) override {
    std::lock_guard lock(mu);
    enabled[ctx] = e;
  }
  void raise(unsigned ctx) {
    std::lock_guard lock(mu);
    pending[ctx] = true;
  }
  bool is_enabled(unsigned ctx) {
    std::lock_guard lock(mu);
    return enabled[ctx];
  }
};

struct UioFixture : ::testing::Test {
  UioFixture() {
    EXPECT_EQ(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv), 0);
    bus = std::make_unique<UioBus>(
        sv[0], mem.data(), mem.size() * 4, [this] { ::close(sv[0]); }, "uio (test)");
    bus->attach_irq_registers(&irq);
    EXPECT_EQ(kernel_reads_enable(), 1u);  // the dispatcher enables the interrupt first
  }
  ~UioFixture() override {
    bus.reset();
    ::close(sv[1]);
  }
  // The "kernel" side: an interrupt arrives / a re-enable is written.
  void deliver_interrupt() {
    const std::uint32_t count = ++interrupts;
    ASSERT_EQ(::write(sv[1], &count, sizeof count), static_cast<ssize_t>(sizeof count));
  }
  std::uint32_t kernel_reads_enable() {
    std::uint32_t v = 0;
    EXPECT_EQ(::read(sv[1], &v, sizeof v), static_cast<ssize_t>(sizeof v));
    return v;
  }

  int sv[2] = {-1, -1};
  std::vector<std::uint32_t> mem = std::vector<std::uint32_t>(1024);
  FakeIrqRegisters irq;
  std::unique_ptr<UioBus> bus;
  std::uint32_t interrupts = 0;
};

}  // namespace

TEST_F(UioFixture, RegistersAreWordsOfTheMapping) {
  EXPECT_TRUE(bus->write32(8, 0x12345678));
  EXPECT_EQ(mem[2], 0x12345678u);
  mem[5] = 0xCAFE;
  const BusRead r = bus->read32(20);
  EXPECT_FALSE(r.error);
  EXPECT_EQ(r.data, 0xCAFEu);
  EXPECT_TRUE(bus->read32(4096).error);  // beyond the window
  EXPECT_TRUE(bus->read32(2).error);     // unaligned
  EXPECT_FALSE(bus->write32(0xFFFFFFFC, 0));
  EXPECT_EQ(bus->stats().reads, 1u);
  EXPECT_EQ(bus->stats().writes, 1u);
  EXPECT_EQ(bus->stats().cycles, 0u);
}

TEST_F(UioFixture, WaitTimesOutWithoutAnInterrupt) {
  const auto t0 = std::chrono::steady_clock::now();
  EXPECT_FALSE(bus->wait_irq(3, Deadline::at(t0 + 20ms)));
  EXPECT_GE(std::chrono::steady_clock::now() - t0, 20ms);
}

TEST_F(UioFixture, AnInterruptWakesTheWaiterOfTheRaisedLineAndMasksIt) {
  std::atomic<int> woke{-1};
  std::thread w35([&] { woke = bus->wait_irq(35, Deadline::never()) ? 35 : -2; });
  std::thread w3([&] {
    EXPECT_FALSE(bus->wait_irq(3, Deadline::at(std::chrono::steady_clock::now() + 200ms)));
  });
  std::this_thread::sleep_for(20ms);
  EXPECT_EQ(woke, -1);
  irq.raise(35);
  deliver_interrupt();
  w35.join();
  EXPECT_EQ(woke, 35);
  EXPECT_EQ(kernel_reads_enable(), 1u);  // re-enabled after the dispatch
  EXPECT_FALSE(irq.is_enabled(35));      // masked until its thread waits again
  // The next wait unmasks it and sees the still-pending grant at once.
  EXPECT_TRUE(bus->wait_irq(35, Deadline::never()));
  EXPECT_TRUE(irq.is_enabled(35));
  w3.join();
}

TEST_F(UioFixture, ALineRaisedBeforeTheWaitIsSeenWithoutAnInterrupt) {
  irq.raise(7);
  EXPECT_TRUE(bus->wait_irq(7, Deadline::never()));
  EXPECT_FALSE(bus->wait_irq(FakeIrqRegisters::kContexts, Deadline::never()));  // no such ctx
}
