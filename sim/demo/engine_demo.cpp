// hwmx-engine-demo: several hardware contexts contend for mutexes on the Verilated engine.
// Every line is one bus transaction or interrupt, stamped with the simulated clock cycle.
#include <CLI/CLI.hpp>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <string>

#include "hwmx/hwmx_regmap.h"
#include "hwmx/sim/rtl_device.h"

namespace {

struct Result {
  unsigned code, abandoned, priority, value;
};

Result decode(std::uint32_t w) {
  return {(w & HWMX_RESULT_CODE_MASK) >> HWMX_RESULT_CODE_LSB,
          (w & HWMX_RESULT_ABANDONED_MASK) >> HWMX_RESULT_ABANDONED_LSB,
          (w & HWMX_RESULT_PRIORITY_MASK) >> HWMX_RESULT_PRIORITY_LSB,
          (w & HWMX_RESULT_VALUE_MASK) >> HWMX_RESULT_VALUE_LSB};
}

const char* code_name(unsigned c) {
  switch (c) {
    case HWMX_RC_GRANTED: return "GRANTED";
    case HWMX_RC_QUEUED: return "QUEUED";
    case HWMX_RC_BUSY: return "BUSY";
    case HWMX_RC_RELEASED: return "RELEASED";
    case HWMX_RC_HANDOFF: return "HANDOFF";
    case HWMX_RC_CANCELLED: return "CANCELLED";
    case HWMX_RC_ALREADY_GRANTED: return "ALREADY_GRANTED";
    case HWMX_RC_DONE: return "DONE";
    case HWMX_RC_NONE: return "NONE";
    case HWMX_RC_ERR_NOT_OWNER: return "ERR_NOT_OWNER";
    case HWMX_RC_ERR_ALREADY_OWNED: return "ERR_ALREADY_OWNED";
    default: return "ERROR";
  }
}

class Demo {
 public:
  explicit Demo(hwmx::sim::RtlDevice& dev) : dev_(dev) {}

  unsigned alloc_ctx(const char* name, unsigned priority) {
    Result r = ctrl(HWMX_CTRL_ACT_ALLOC_CTX_OFFSET, 0);
    unsigned c = r.value;
    dev_.write(ctx_reg(c, HWMX_CTX_PRIORITY_OFFSET), priority);
    dev_.write(ctx_reg(c, HWMX_CTX_INTR_ENABLE_OFFSET), 1);
    names_[c] = name;
    std::printf("[cycle %6llu] thread %-6s bound to hardware context %u, priority %u\n", now(), name,
                c, priority);
    return c;
  }
  unsigned alloc_slot(bool recursive, bool priority_policy, const char* what) {
    Result r = ctrl(HWMX_CTRL_ACT_ALLOC_SLOT_OFFSET, (priority_policy ? 2u : 0u) | (recursive ? 1u : 0u));
    std::printf("[cycle %6llu] slot %u allocated: %s\n", now(), r.value, what);
    return r.value;
  }
  Result op(unsigned ctx, unsigned offset, unsigned slot, const char* verb) {
    auto rr = dev_.read(HWMX_ACT_BASE + ctx * HWMX_ACT_STRIDE + offset + slot * 4);
    Result r = decode(rr.data);
    std::printf("[cycle %6llu] %-6s %-7s slot %u -> %-8s", now(), names_[ctx].c_str(), verb, slot,
                code_name(r.code));
    switch (r.code) {
      case HWMX_RC_GRANTED: std::printf(" (recursion count %u)", r.value); break;
      case HWMX_RC_QUEUED: std::printf(" (queue length %u, waits for its interrupt)", r.value); break;
      case HWMX_RC_RELEASED: std::printf(" (KeReleaseMutex would return %d)", -static_cast<int>(r.value)); break;
      case HWMX_RC_HANDOFF: std::printf(" to %s", names_[r.value].c_str()); break;
      default: break;
    }
    std::printf("   [%llu cycles]\n", static_cast<unsigned long long>(dev_.last_latency()));
    if (r.code == HWMX_RC_HANDOFF) wake(r.value);
    return r;
  }
  Result acquire(unsigned c, unsigned s) { return op(c, HWMX_ACT_ACQUIRE_OFFSET, s, "ACQUIRE"); }
  Result release(unsigned c, unsigned s) { return op(c, HWMX_ACT_RELEASE_OFFSET, s, "RELEASE"); }
  Result try_acquire(unsigned c, unsigned s) { return op(c, HWMX_ACT_TRY_OFFSET, s, "TRY"); }

  void cancel(unsigned c) {
    Result r = decode(dev_.read(HWMX_ACT_BASE + c * HWMX_ACT_STRIDE + HWMX_ACT_CANCEL_OFFSET).data);
    std::printf("[cycle %6llu] %-6s CANCEL (timeout)  -> %s (slot %u)\n", now(), names_[c].c_str(),
                code_name(r.code), r.value);
  }
  // The control CPU abandons context c (its thread died); `waiter` is the context expected to
  // inherit the slot.
  void abandon(unsigned c, unsigned waiter) {
    std::printf("[cycle %6llu] %-6s exits holding its mutexes: ABANDON\n", now(), names_[c].c_str());
    Result r = ctrl(HWMX_CTRL_ACT_ABANDON_OFFSET, c);
    std::printf("[cycle %6llu]        %u slot(s) abandoned   [%llu cycles]\n", now(), r.value,
                static_cast<unsigned long long>(dev_.last_latency()));
    wake(waiter);
  }
  void stats() {
    auto rd = [&](unsigned off) { return dev_.read(off).data; };
    std::printf("\nengine counters: acquires %u, contended %u, handoffs %u, errors %u, max queue %u; "
                "%llu cycles simulated\n",
                rd(HWMX_STAT_ACQUIRES_LO_OFFSET), rd(HWMX_STAT_CONTENDED_LO_OFFSET),
                rd(HWMX_STAT_HANDOFFS_LO_OFFSET), rd(HWMX_STAT_ERRORS_LO_OFFSET),
                rd(HWMX_STAT_MAX_QDEPTH_OFFSET), now());
  }

 private:
  unsigned long long now() const { return static_cast<unsigned long long>(dev_.cycles()); }
  static std::uint32_t ctx_reg(unsigned c, unsigned off) {
    return HWMX_CTX_BASE + c * HWMX_CTX_STRIDE + off;
  }
  Result ctrl(unsigned window, unsigned arg) {
    return decode(dev_.read(HWMX_CTRL_ACT_BASE + window + arg * 4).data);
  }
  // The new owner's interrupt line: how long after the releasing read it rose.
  void wake(unsigned c) {
    const std::uint64_t released = dev_.last_response_cycle();
    dev_.run_until_irq(c, 16);
    const std::uint64_t rose = dev_.cycles() - released;
    Result g = decode(dev_.read(HWMX_ACT_BASE + c * HWMX_ACT_STRIDE + HWMX_ACT_TAKE_GRANT_OFFSET).data);
    std::printf("[cycle %6llu] %-6s interrupt (%llu cycles after the release): owns slot %u, "
                "runs at priority %u%s%s\n",
                now(), names_[c].c_str(), static_cast<unsigned long long>(rose), g.value, g.priority,
                boosted(c, g.priority) ? " (boosted)" : "", g.abandoned ? ", ABANDONED" : "");
  }
  bool boosted(unsigned c, unsigned granted) {
    return dev_.read(ctx_reg(c, HWMX_CTX_PRIORITY_OFFSET)).data != granted;
  }

  hwmx::sim::RtlDevice& dev_;
  std::string names_[256];
};

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"hwmx engine demo: contexts contending for mutexes on the Verilated RTL"};
  std::string trace;
  app.add_option("--trace", trace, "write a VCD waveform of the run to FILE");
  CLI11_PARSE(app, argc, argv);
  try {
    hwmx::sim::RtlOptions options;
    options.trace_file = trace;
    auto dev = hwmx::sim::make_rtl_default(options);
    std::printf("hwmx engine (RTL, %u slots x %u contexts)%s\n\n", dev->num_mutex(), dev->num_ctx(),
                trace.empty() ? "" : (", waveform: " + trace).c_str());
    Demo d(*dev);
    unsigned a = d.alloc_ctx("A", 8), b = d.alloc_ctx("B", 4), c = d.alloc_ctx("C", 20),
             e = d.alloc_ctx("E", 12);
    unsigned m = d.alloc_slot(true, false, "recursive (KMUTEX), FIFO queue");
    std::printf("\n-- FIFO handoff and priority boost on a KMUTEX slot\n");
    d.acquire(a, m);
    d.acquire(a, m);
    d.acquire(b, m);
    d.acquire(c, m);
    d.try_acquire(e, m);
    d.release(a, m);
    d.release(a, m);  // hands off to B (priority 4 < 16: boosted to 16)
    d.release(b, m);  // hands off to C (priority 20: not boosted)
    d.release(c, m);

    unsigned p = d.alloc_slot(false, true, "exclusive (FAST_MUTEX), PRIORITY queue");
    std::printf("\n-- PRIORITY queue: highest priority first, FIFO among equals\n");
    d.acquire(a, p);
    d.acquire(b, p);
    d.acquire(e, p);
    d.acquire(c, p);
    d.release(a, p);  // C (20) first
    d.release(c, p);  // then E (12)
    std::printf("\n-- timeout: B gives up waiting\n");
    d.cancel(b);
    d.release(e, p);

    std::printf("\n-- abandonment: A dies holding the KMUTEX while E waits\n");
    d.acquire(a, m);
    d.acquire(e, m);
    d.abandon(a, e);
    d.stats();
  } catch (const std::exception& ex) {
    std::fprintf(stderr, "hwmx-engine-demo: %s\n", ex.what());
    return 1;
  }
  return 0;
}
