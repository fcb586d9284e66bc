// Cycle figures of the hwmx RTL, default configuration (256 x 64), measured with the Verilated
// model and its AXI4-Lite driver:
//   latency  = RtlDevice::last_latency(): cycles from the address handshake to the response
//              handshake (the driver keeps RREADY/BREADY high);
//   irq      = cycles from the releasing read's response handshake until irq_ctx of the new
//              owner is high (RtlDevice::run_until_irq; 0 = already high at the handshake).
// Prints a Markdown table; the figures are copied into docs/performance.md.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "hwmx/hwmx_regmap.h"
#include "hwmx/sim/rtl_device.h"

namespace {

using hwmx::sim::RtlDevice;

constexpr unsigned kFifoExcl = 0;  // ALLOC_SLOT argument {policy, recursive}
constexpr unsigned kPrioExcl = 2;

unsigned code_of(std::uint32_t d) { return d >> HWMX_RESULT_CODE_LSB & 0xFFu; }

std::uint32_t ctrl(RtlDevice& d, std::uint32_t window, unsigned arg) {
  return d.read(HWMX_CTRL_ACT_BASE + window + 4 * arg).data;
}
std::uint32_t act(RtlDevice& d, unsigned c, std::uint32_t window, unsigned slot = 0) {
  return d.read(HWMX_ACT_BASE + c * HWMX_ACT_STRIDE + window + 4 * slot).data;
}
void fail(const char* what) {
  std::fprintf(stderr, "bench_cycles: unexpected result: %s\n", what);
  std::exit(EXIT_FAILURE);
}

// A fresh device with every context allocated (interrupts enabled) and one slot.
std::unique_ptr<RtlDevice> setup(unsigned slot_kind) {
  auto d = hwmx::sim::make_rtl_default();
  for (unsigned c = 0; c < d->num_ctx(); ++c) {
    ctrl(*d, HWMX_CTRL_ACT_ALLOC_CTX_OFFSET, 0);
    d->write(HWMX_CTX_BASE + c * HWMX_CTX_STRIDE + HWMX_CTX_INTR_ENABLE_OFFSET, 1);
  }
  ctrl(*d, HWMX_CTRL_ACT_ALLOC_SLOT_OFFSET, slot_kind);
  return d;
}

struct Row {
  std::string what;
  std::uint64_t cycles;
};
std::vector<Row> rows;
void add(std::string what, std::uint64_t cycles) { rows.push_back({std::move(what), cycles}); }

void uncontended() {
  auto d = setup(kFifoExcl);
  if (code_of(act(*d, 0, HWMX_ACT_ACQUIRE_OFFSET, 0)) != HWMX_RC_GRANTED) fail("acquire");
  add("ACQUIRE, uncontended (read latency)", d->last_latency());
  if (code_of(act(*d, 0, HWMX_ACT_TRY_OFFSET, 0)) != HWMX_RC_BUSY) fail("try");
  add("TRY of an exclusive slot held by the caller (BUSY)", d->last_latency());
  if (code_of(act(*d, 0, HWMX_ACT_RELEASE_OFFSET, 0)) != HWMX_RC_RELEASED) fail("release");
  add("RELEASE, no waiters (read latency)", d->last_latency());
  d->read(HWMX_CTX_BASE + HWMX_CTX_STATUS_OFFSET);
  add("plain register read (CTX.STATUS)", d->last_latency());
  d->write(HWMX_CTX_BASE + HWMX_CTX_PRIORITY_OFFSET, 3);
  add("plain register write (CTX.PRIORITY)", d->last_latency());
  act(*d, 0, HWMX_ACT_TAKE_GRANT_OFFSET);
  add("TAKE_GRANT, none pending", d->last_latency());
  act(*d, 1, HWMX_ACT_ACQUIRE_OFFSET, 0);
  act(*d, 2, HWMX_ACT_ACQUIRE_OFFSET, 0);
  add("ACQUIRE, contended (FIFO enqueue)", d->last_latency());
  if (code_of(act(*d, 2, HWMX_ACT_CANCEL_OFFSET)) != HWMX_RC_CANCELLED) fail("cancel");
  add("CANCEL of a waiter", d->last_latency());
  d->read(HWMX_CTRL_ACT_BASE + HWMX_CTRL_ACT_ABANDON_OFFSET + 4 * 1);
  add("ABANDON of a context owning 1 slot (slot 0 of 256)", d->last_latency());

  // Back-to-back uncontended pairs, as the driver issues them.
  constexpr unsigned kPairs = 1000;
  const std::uint64_t start = d->cycles();
  for (unsigned i = 0; i < kPairs; ++i) {
    act(*d, 3, HWMX_ACT_ACQUIRE_OFFSET, 0);
    act(*d, 3, HWMX_ACT_RELEASE_OFFSET, 0);
  }
  add("throughput: cycles per uncontended ACQUIRE + RELEASE pair", (d->cycles() - start) / kPairs);
}

// ABANDON scans the slot table up to the last slot the context owns.
void abandon_scan() {
  auto d = hwmx::sim::make_rtl_default();
  ctrl(*d, HWMX_CTRL_ACT_ALLOC_CTX_OFFSET, 0);
  for (unsigned s = 0; s < d->num_mutex(); ++s)
    ctrl(*d, HWMX_CTRL_ACT_ALLOC_SLOT_OFFSET, kFifoExcl);
  act(*d, 0, HWMX_ACT_ACQUIRE_OFFSET, d->num_mutex() - 1);
  if (code_of(ctrl(*d, HWMX_CTRL_ACT_ABANDON_OFFSET, 0)) != HWMX_RC_DONE) fail("abandon");
  add("ABANDON of a context owning the last slot (scan of 256 slots)", d->last_latency());
}

// Release with `waiters` contexts queued: latency of the releasing read, and of the grant irq.
void handoff(unsigned slot_kind, unsigned waiters, const char* policy) {
  auto d = setup(slot_kind);
  if (code_of(act(*d, 0, HWMX_ACT_ACQUIRE_OFFSET, 0)) != HWMX_RC_GRANTED) fail("acquire");
  std::uint64_t enq = 0;
  for (unsigned c = 1; c <= waiters; ++c) {
    if (code_of(act(*d, c, HWMX_ACT_ACQUIRE_OFFSET, 0)) != HWMX_RC_QUEUED) fail("queued");
    enq = d->last_latency();
  }
  if (code_of(act(*d, 0, HWMX_ACT_RELEASE_OFFSET, 0)) != HWMX_RC_HANDOFF) fail("handoff");
  const std::uint64_t rel = d->last_latency();
  const std::uint64_t irq = d->run_until_irq(1, 1000);
  if (irq > 1000) fail("no grant interrupt");
  const std::string n = std::to_string(waiters);
  add(std::string(policy) + ", " + n + " waiter(s): RELEASE with handoff (read latency)", rel);
  add(std::string(policy) + ", " + n + " waiter(s): release response -> irq_ctx of new owner", irq);
  add(std::string(policy) + ", " + n + " waiter(s): last enqueue (read latency)", enq);
}

// PRIORITY enqueue that walks past every waiter (the new one has the highest priority).
void priority_walk(unsigned waiters) {
  auto d = setup(kPrioExcl);
  act(*d, 0, HWMX_ACT_ACQUIRE_OFFSET, 0);
  for (unsigned c = 1; c <= waiters; ++c) act(*d, c, HWMX_ACT_ACQUIRE_OFFSET, 0);
  const unsigned top = waiters + 1;
  d->write(HWMX_CTX_BASE + top * HWMX_CTX_STRIDE + HWMX_CTX_PRIORITY_OFFSET, 31);
  if (code_of(act(*d, top, HWMX_ACT_ACQUIRE_OFFSET, 0)) != HWMX_RC_QUEUED) fail("walk");
  add("PRIORITY enqueue passing " + std::to_string(waiters) + " lower-priority waiter(s)",
      d->last_latency());
}

}  // namespace

int main() {
  uncontended();
  abandon_scan();
  const unsigned max_waiters = hwmx::sim::make_rtl_default()->num_ctx() - 1;
  for (unsigned w : {1u, 16u, max_waiters}) handoff(kFifoExcl, w, "FIFO");
  for (unsigned w : {1u, 16u, max_waiters}) handoff(kPrioExcl, w, "PRIORITY");
  for (unsigned w : {1u, 16u, max_waiters - 1}) priority_walk(w);

  std::printf("| measurement (default 256 x 64) | cycles |\n|---|---:|\n");
  for (const auto& r : rows) {
    std::printf("| %s | %llu |\n", r.what.c_str(), static_cast<unsigned long long>(r.cycles));
  }
  return EXIT_SUCCESS;
}
