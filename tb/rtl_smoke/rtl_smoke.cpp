// Smoke test of the hwmx RTL: identity, pools, acquire/release, handoff with its interrupt,
// PRIORITY queues, cancel, recursion, abandon, errors and bus errors, on the default, tiny and
// large configurations. The full behaviour is checked by tb/directed and tb/random.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "Vhwmx_tiny.h"
#include "hwmx/hwmx_regmap.h"
#include "hwmx/sim/rtl_device.h"
#include "verilated.h"

namespace {

using hwmx::AxiResp;
using hwmx::sim::RtlDevice;

int g_failures = 0;

#define CHECK(cond)                                                                 \
  do {                                                                              \
    if (!(cond)) {                                                                  \
      std::fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
      ++g_failures;                                                                 \
    }                                                                               \
  } while (0)

#define CHECK_EQ(a, b)                                                                     \
  do {                                                                                     \
    const auto va_ = (a);                                                                  \
    const auto vb_ = (b);                                                                  \
    if (!(va_ == vb_)) {                                                                   \
      std::fprintf(stderr, "%s:%d: CHECK_EQ failed: %s = 0x%llx, %s = 0x%llx\n", __FILE__, \
                   __LINE__, #a, static_cast<unsigned long long>(va_), #b,                 \
                   static_cast<unsigned long long>(vb_));                                  \
      ++g_failures;                                                                        \
    }                                                                                      \
  } while (0)

struct Result {
  unsigned code, abandoned, prio, value;
};
Result decode(std::uint32_t d) {
  return {d >> HWMX_RESULT_CODE_LSB & 0xFFu, d >> HWMX_RESULT_ABANDONED_LSB & 1u,
          d >> HWMX_RESULT_PRIORITY_LSB & 0x1Fu, d >> HWMX_RESULT_VALUE_LSB & 0xFFFFu};
}

class Dev {
 public:
  explicit Dev(RtlDevice& d) : d_(d) {}
  std::uint32_t rd(std::uint32_t addr) {
    const auto r = d_.read(addr);
    CHECK(r.resp == AxiResp::Okay);
    return r.data;
  }
  void wr(std::uint32_t addr, std::uint32_t data) { CHECK(d_.write(addr, data) == AxiResp::Okay); }
  Result ctrl(std::uint32_t window, std::uint32_t arg) {
    return decode(rd(HWMX_CTRL_ACT_BASE + window + 4 * arg));
  }
  Result act(unsigned c, std::uint32_t window, std::uint32_t slot = 0) {
    return decode(rd(HWMX_ACT_BASE + c * HWMX_ACT_STRIDE + window + 4 * slot));
  }
  Result acquire(unsigned c, unsigned s) { return act(c, HWMX_ACT_ACQUIRE_OFFSET, s); }
  Result release(unsigned c, unsigned s) { return act(c, HWMX_ACT_RELEASE_OFFSET, s); }
  Result take(unsigned c) { return act(c, HWMX_ACT_TAKE_GRANT_OFFSET); }
  Result cancel(unsigned c) { return act(c, HWMX_ACT_CANCEL_OFFSET); }
  std::uint32_t ctx_addr(unsigned c, std::uint32_t off) {
    return HWMX_CTX_BASE + c * HWMX_CTX_STRIDE + off;
  }
  std::uint32_t inspect(unsigned s, std::uint32_t reg) {
    wr(HWMX_INSPECT_SLOT_OFFSET, s);
    return rd(reg);
  }
  RtlDevice& raw() { return d_; }

 private:
  RtlDevice& d_;
};

void expect(const Result& r, unsigned code, unsigned value, int line) {
  if (r.code != code || r.value != value) {
    std::fprintf(stderr,
                 "rtl_smoke.cpp:%d: result code 0x%02x value %u, expected 0x%02x value %u\n", line,
                 r.code, r.value, code, value);
    ++g_failures;
  }
}
#define EXPECT(r, code, value) expect((r), (code), (value), __LINE__)

// The full sequence needs 4 contexts and 3 slots.
void full_sequence(RtlDevice& raw) {
  Dev d(raw);
  const unsigned nm = raw.num_mutex(), nc = raw.num_ctx();
  CHECK_EQ(d.rd(HWMX_ID_OFFSET), 0x484D5831u);
  CHECK_EQ(d.rd(HWMX_CONFIG_OFFSET), (nc << 16) | nm);
  CHECK_EQ(d.rd(HWMX_FEATURES_OFFSET), 0x00101003u);

  for (unsigned c = 0; c < 4; ++c)
    EXPECT(d.ctrl(HWMX_CTRL_ACT_ALLOC_CTX_OFFSET, 0), HWMX_RC_DONE, c);
  EXPECT(d.ctrl(HWMX_CTRL_ACT_ALLOC_SLOT_OFFSET, 0), HWMX_RC_DONE, 0u);  // exclusive FIFO
  EXPECT(d.ctrl(HWMX_CTRL_ACT_ALLOC_SLOT_OFFSET, 1), HWMX_RC_DONE, 1u);  // recursive FIFO
  EXPECT(d.ctrl(HWMX_CTRL_ACT_ALLOC_SLOT_OFFSET, 2), HWMX_RC_DONE, 2u);  // exclusive PRIORITY

  // Uncontended acquire, two waiters, handoff with the interrupt of the new owner.
  EXPECT(d.acquire(0, 0), HWMX_RC_GRANTED, 0u);
  CHECK(raw.last_latency() <= 2);
  EXPECT(d.acquire(1, 0), HWMX_RC_QUEUED, 1u);
  EXPECT(d.acquire(2, 0), HWMX_RC_QUEUED, 2u);
  CHECK_EQ(d.inspect(0, HWMX_INSPECT_QUEUE_OFFSET), (2u << 24) | (1u << 16) | 2u);
  d.wr(d.ctx_addr(1, HWMX_CTX_INTR_ENABLE_OFFSET), 1);
  CHECK(!raw.irq());
  EXPECT(d.release(0, 0), HWMX_RC_HANDOFF, 1u);
  CHECK(raw.run_until_irq(1, 4) <= 4);
  CHECK(raw.irq_ctx(1) && raw.irq() && !raw.irq_ctx(2));
  CHECK_EQ(d.rd(HWMX_INTR_SUMMARY_OFFSET), 2u);
  {
    const auto g = decode(d.rd(d.ctx_addr(1, HWMX_CTX_GRANT_OFFSET)));
    CHECK_EQ(g.code, HWMX_RC_GRANTED + 0u);
    const auto t = d.take(1);
    EXPECT(t, HWMX_RC_GRANTED, 0u);
    CHECK_EQ(t.prio, 0u);
  }
  CHECK(!raw.irq());
  EXPECT(d.take(1), HWMX_RC_NONE, 0u);
  CHECK_EQ(d.inspect(0, HWMX_INSPECT_STATE_OFFSET), (1u << 8) | 0x9u);  // owner 1, owned, allocated
  CHECK_EQ(d.rd(d.ctx_addr(2, HWMX_CTX_STATUS_OFFSET)), 0x3u);          // allocated, waiting on 0
  EXPECT(d.cancel(2), HWMX_RC_CANCELLED, 0u);
  CHECK_EQ(d.inspect(0, HWMX_INSPECT_QUEUE_OFFSET), 0u);
  EXPECT(d.cancel(2), HWMX_RC_ERR_NOT_WAITING, 0u);

  // Errors: answered, counted, latched.
  EXPECT(d.release(0, 0), HWMX_RC_ERR_NOT_OWNER, 0u);
  CHECK_EQ(d.rd(d.ctx_addr(0, HWMX_CTX_LAST_ERROR_OFFSET)),
           (HWMX_RC_ERR_NOT_OWNER << 24) | (2u << 20));
  CHECK_EQ(d.rd(HWMX_STAT_ERRORS_LO_OFFSET), 2u);
  d.wr(d.ctx_addr(0, HWMX_CTX_LAST_ERROR_OFFSET), 0);
  CHECK_EQ(d.rd(d.ctx_addr(0, HWMX_CTX_LAST_ERROR_OFFSET)), 0u);
  EXPECT(d.ctrl(HWMX_CTRL_ACT_FREE_SLOT_OFFSET, 0), HWMX_RC_ERR_SLOT_BUSY, 0u);
  CHECK_EQ(d.rd(HWMX_CTRL_LAST_ERROR_OFFSET), (HWMX_RC_ERR_SLOT_BUSY << 24) | (0x9u << 20));

  // Recursion.
  EXPECT(d.acquire(0, 1), HWMX_RC_GRANTED, 0u);
  EXPECT(d.acquire(0, 1), HWMX_RC_GRANTED, 1u);
  EXPECT(d.acquire(0, 1), HWMX_RC_GRANTED, 2u);
  EXPECT(d.release(0, 1), HWMX_RC_RELEASED, 2u);
  EXPECT(d.release(0, 1), HWMX_RC_RELEASED, 1u);
  EXPECT(d.release(0, 1), HWMX_RC_RELEASED, 0u);

  // PRIORITY queue: highest first, FIFO among equals.
  d.wr(d.ctx_addr(1, HWMX_CTX_PRIORITY_OFFSET), 5);
  d.wr(d.ctx_addr(2, HWMX_CTX_PRIORITY_OFFSET), 10);
  d.wr(d.ctx_addr(3, HWMX_CTX_PRIORITY_OFFSET), 5);
  CHECK_EQ(d.rd(d.ctx_addr(2, HWMX_CTX_PRIORITY_OFFSET)), 10u);
  EXPECT(d.acquire(0, 2), HWMX_RC_GRANTED, 0u);
  EXPECT(d.acquire(1, 2), HWMX_RC_QUEUED, 1u);
  EXPECT(d.acquire(2, 2), HWMX_RC_QUEUED, 2u);
  EXPECT(d.acquire(3, 2), HWMX_RC_QUEUED, 3u);
  CHECK_EQ(d.inspect(2, HWMX_INSPECT_QUEUE_OFFSET), (3u << 24) | (2u << 16) | 3u);
  EXPECT(d.release(0, 2), HWMX_RC_HANDOFF, 2u);
  EXPECT(d.release(2, 2), HWMX_RC_HANDOFF, 1u);
  EXPECT(d.release(1, 2), HWMX_RC_HANDOFF, 3u);
  EXPECT(d.release(3, 2), HWMX_RC_RELEASED, 0u);
  for (unsigned c : {1u, 2u, 3u}) CHECK_EQ(d.take(c).code, HWMX_RC_GRANTED + 0u);

  // Abandon: slot 0 freed abandoned, slot 1 handed to the waiter with the abandoned grant.
  EXPECT(d.release(1, 0), HWMX_RC_RELEASED, 0u);
  EXPECT(d.acquire(0, 0), HWMX_RC_GRANTED, 0u);
  EXPECT(d.acquire(0, 1), HWMX_RC_GRANTED, 0u);
  EXPECT(d.acquire(1, 1), HWMX_RC_QUEUED, 1u);
  EXPECT(d.ctrl(HWMX_CTRL_ACT_ABANDON_OFFSET, 0), HWMX_RC_DONE, 2u);
  {
    const auto t = d.take(1);
    EXPECT(t, HWMX_RC_GRANTED, 1u);
    CHECK_EQ(t.abandoned, 1u);
    CHECK_EQ(t.prio, 16u);  // recursive slot: boosted
  }
  CHECK_EQ(d.inspect(0, HWMX_INSPECT_STATE_OFFSET), 0x11u);  // allocated, abandoned
  {
    const auto g = d.acquire(2, 0);
    EXPECT(g, HWMX_RC_GRANTED, 0u);
    CHECK_EQ(g.abandoned, 1u);
  }
  CHECK_EQ(d.rd(d.ctx_addr(0, HWMX_CTX_STATUS_OFFSET)), 0x1u);
  EXPECT(d.ctrl(HWMX_CTRL_ACT_FREE_CTX_OFFSET, 0), HWMX_RC_DONE, 0u);
  EXPECT(d.ctrl(HWMX_CTRL_ACT_ALLOC_CTX_OFFSET, 0), HWMX_RC_DONE, 0u);  // LIFO reuse

  // Bus errors: write to a read-only register, a context page beyond NUM_CTX, partial strobe.
  CHECK(raw.write(HWMX_ID_OFFSET, 0) == AxiResp::SlvErr);
  CHECK(raw.read(HWMX_CTX_BASE + nc * HWMX_CTX_STRIDE).resp == AxiResp::SlvErr);
  CHECK(raw.write(d.ctx_addr(0, HWMX_CTX_PRIORITY_OFFSET), 1, 0x1) == AxiResp::SlvErr);
  CHECK(raw.read(HWMX_CTRL_ACT_BASE + HWMX_CTRL_ACT_ALLOC_SLOT_OFFSET + 16).resp ==
        AxiResp::SlvErr);
  CHECK_EQ(d.rd(HWMX_STAT_BUS_ERRORS_OFFSET), 4u);
  CHECK_EQ(d.rd(HWMX_BUS_ERROR_ADDR_OFFSET), HWMX_CTRL_ACT_BASE + 16u);
  CHECK_EQ(d.rd(HWMX_STAT_HANDOFFS_LO_OFFSET), 5u);
  CHECK_EQ(d.rd(HWMX_STAT_MAX_QDEPTH_OFFSET), 3u);
}

// Pool order and exhaustion (tiny: 4 x 4).
void pool_sequence(RtlDevice& raw) {
  Dev d(raw);
  const unsigned nm = raw.num_mutex();
  for (unsigned s = 0; s < nm; ++s)
    EXPECT(d.ctrl(HWMX_CTRL_ACT_ALLOC_SLOT_OFFSET, 0), HWMX_RC_DONE, s);
  EXPECT(d.ctrl(HWMX_CTRL_ACT_ALLOC_SLOT_OFFSET, 0), HWMX_RC_ERR_NO_RESOURCE, 0u);
  EXPECT(d.ctrl(HWMX_CTRL_ACT_FREE_SLOT_OFFSET, 1), HWMX_RC_DONE, 1u);
  EXPECT(d.ctrl(HWMX_CTRL_ACT_FREE_SLOT_OFFSET, 2), HWMX_RC_DONE, 2u);
  EXPECT(d.ctrl(HWMX_CTRL_ACT_FREE_SLOT_OFFSET, 2), HWMX_RC_ERR_BAD_SLOT, 2u);
  EXPECT(d.ctrl(HWMX_CTRL_ACT_FREE_SLOT_OFFSET, nm), HWMX_RC_ERR_BAD_SLOT, nm);
  EXPECT(d.ctrl(HWMX_CTRL_ACT_ALLOC_SLOT_OFFSET, 3), HWMX_RC_DONE, 2u);
  EXPECT(d.ctrl(HWMX_CTRL_ACT_ALLOC_SLOT_OFFSET, 0), HWMX_RC_DONE, 1u);
  CHECK_EQ(d.inspect(2, HWMX_INSPECT_STATE_OFFSET), 0x7u);
}

// Large: the last slot and context work; ABANDON scans to the last slot.
void large_sequence(RtlDevice& raw) {
  Dev d(raw);
  const unsigned nm = raw.num_mutex(), nc = raw.num_ctx();
  for (unsigned c = 0; c < nc; ++c)
    EXPECT(d.ctrl(HWMX_CTRL_ACT_ALLOC_CTX_OFFSET, 0), HWMX_RC_DONE, c);
  EXPECT(d.ctrl(HWMX_CTRL_ACT_ALLOC_CTX_OFFSET, 0), HWMX_RC_ERR_NO_RESOURCE, 0u);
  for (unsigned s = 0; s < nm; ++s) d.ctrl(HWMX_CTRL_ACT_ALLOC_SLOT_OFFSET, 0);
  EXPECT(d.acquire(nc - 1, nm - 1), HWMX_RC_GRANTED, 0u);
  for (unsigned c = 0; c + 1 < nc; ++c) EXPECT(d.acquire(c, nm - 1), HWMX_RC_QUEUED, c + 1);
  EXPECT(d.ctrl(HWMX_CTRL_ACT_ABANDON_OFFSET, nc - 1), HWMX_RC_DONE, 1u);
  EXPECT(d.release(0, nm - 1), HWMX_RC_HANDOFF, 1u);
  CHECK_EQ(d.inspect(nm - 1, HWMX_INSPECT_QUEUE_OFFSET), ((nc - 2) << 24) | (2u << 16) | (nc - 3));
}

// AXI4-Lite corner cases the RtlDevice driver never produces, on the pins of the tiny model:
// a read and a write presented together (the read goes first), response back-pressure, AW
// before W.
void axi_pins() {
  VerilatedContext ctx;
  Vhwmx_tiny t(&ctx, "hwmx_top");
  auto tick = [&] {
    t.clk = 0;
    t.eval();
    t.clk = 1;
    t.eval();
  };
  t.rst_n = 0;
  t.S_AXI_ARVALID = t.S_AXI_AWVALID = t.S_AXI_WVALID = t.S_AXI_RREADY = t.S_AXI_BREADY = 0;
  for (int i = 0; i < 4; ++i) tick();
  t.rst_n = 1;
  int guard = 0;
  for (t.eval(); !t.S_AXI_ARREADY && guard < 100; ++guard) tick(), t.eval();  // table clear
  CHECK(t.S_AXI_ARREADY);

  // Read ID and write INSPECT_SLOT = 3 together: the read is taken first.
  t.S_AXI_ARADDR = HWMX_ID_OFFSET;
  t.S_AXI_ARVALID = 1;
  t.S_AXI_AWADDR = HWMX_INSPECT_SLOT_OFFSET;
  t.S_AXI_AWVALID = 1;
  t.S_AXI_WDATA = 3;
  t.S_AXI_WSTRB = 0xF;
  t.S_AXI_WVALID = 1;
  t.eval();
  CHECK(t.S_AXI_ARREADY && !t.S_AXI_AWREADY && !t.S_AXI_WREADY);
  tick();
  t.S_AXI_ARVALID = 0;
  for (int i = 0; i < 6; ++i) {  // RREADY low: the response waits, the write is not taken
    t.eval();
    CHECK(!t.S_AXI_AWREADY && !t.S_AXI_ARREADY);
    tick();
  }
  t.eval();
  CHECK(t.S_AXI_RVALID && t.S_AXI_RDATA == 0x484D5831u && t.S_AXI_RRESP == 0);
  t.S_AXI_RREADY = 1;
  tick();
  t.S_AXI_RREADY = 0;
  t.eval();
  CHECK(!t.S_AXI_RVALID);
  for (guard = 0; !t.S_AXI_AWREADY && guard < 10; ++guard) tick(), t.eval();
  CHECK(t.S_AXI_AWREADY && t.S_AXI_WREADY);
  tick();
  t.S_AXI_AWVALID = t.S_AXI_WVALID = 0;
  for (guard = 0; !t.S_AXI_BVALID && guard < 10; ++guard) tick(), t.eval();
  CHECK(t.S_AXI_BVALID && t.S_AXI_BRESP == 0);
  tick();
  tick();
  t.eval();
  CHECK(t.S_AXI_BVALID);  // held until BREADY
  t.S_AXI_BREADY = 1;
  tick();
  t.S_AXI_BREADY = 0;
  t.eval();
  CHECK(!t.S_AXI_BVALID);

  // AW alone is not taken; W arriving later completes the write (INSPECT_SLOT = 2).
  t.S_AXI_AWADDR = HWMX_INSPECT_SLOT_OFFSET;
  t.S_AXI_AWVALID = 1;
  t.S_AXI_WDATA = 2;
  for (int i = 0; i < 3; ++i) {
    t.eval();
    CHECK(!t.S_AXI_AWREADY);
    tick();
  }
  t.S_AXI_WVALID = 1;
  t.eval();
  CHECK(t.S_AXI_AWREADY && t.S_AXI_WREADY);
  tick();
  t.S_AXI_AWVALID = t.S_AXI_WVALID = 0;
  t.S_AXI_BREADY = 1;
  for (guard = 0; !t.S_AXI_BVALID && guard < 10; ++guard) tick(), t.eval();
  tick();
  t.S_AXI_BREADY = 0;

  // Read it back.
  t.S_AXI_ARADDR = HWMX_INSPECT_SLOT_OFFSET;
  t.S_AXI_ARVALID = 1;
  t.S_AXI_RREADY = 1;
  for (guard = 0, t.eval(); !t.S_AXI_ARREADY && guard < 10; ++guard) tick(), t.eval();
  tick();
  t.S_AXI_ARVALID = 0;
  for (guard = 0, t.eval(); !t.S_AXI_RVALID && guard < 10; ++guard) tick(), t.eval();
  CHECK(t.S_AXI_RVALID && t.S_AXI_RDATA == 2u);
  tick();
  t.final();
  std::printf("%-8s pins: %s\n", "tiny", g_failures == 0 ? "ok" : "FAILED");
}

void run(const char* name, std::unique_ptr<RtlDevice> dev, void (*seq)(RtlDevice&)) {
  const int before = g_failures;
  seq(*dev);
  std::printf("%-8s %ux%u: %s (%llu cycles)\n", name, dev->num_mutex(), dev->num_ctx(),
              g_failures == before ? "ok" : "FAILED",
              static_cast<unsigned long long>(dev->cycles()));
}

}  // namespace

int main() {
  axi_pins();
  run("default", hwmx::sim::make_rtl_default(), full_sequence);
  run("tiny", hwmx::sim::make_rtl_tiny(), full_sequence);
  run("tiny", hwmx::sim::make_rtl_tiny(), pool_sequence);
  run("large", hwmx::sim::make_rtl_large(), full_sequence);
  run("large", hwmx::sim::make_rtl_large(), large_sequence);
  if (g_failures != 0) {
    std::fprintf(stderr, "%d check(s) failed\n", g_failures);
    return EXIT_FAILURE;
  }
  return EXIT_SUCCESS;
}
