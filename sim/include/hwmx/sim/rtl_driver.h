// Cycle-level AXI4-Lite driver for a Verilated hwmx_top, generic over the Verilated class so
// every configuration shares it. One transaction at a time, as the engine serves them.
#pragma once

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <type_traits>

#include "hwmx/sim/rtl_device.h"
#include "verilated.h"

namespace hwmx::sim {

template <class Top>
class RtlDriver : public RtlDevice {
 public:
  RtlDriver(unsigned num_mutex, unsigned num_ctx, std::string name)
      : num_mutex_(num_mutex), num_ctx_(num_ctx), name_(std::move(name)) {
    context_ = std::make_unique<VerilatedContext>();
    top_ = std::make_unique<Top>(context_.get(), "hwmx_top");
  }
  ~RtlDriver() override { top_->final(); }

  ReadResult read(std::uint32_t addr) override {
    Top& t = *top_;
    t.S_AXI_ARADDR = addr;
    t.S_AXI_ARVALID = 1;
    t.S_AXI_RREADY = 1;
    wait_handshake([&] { return t.S_AXI_ARREADY != 0; }, "ARREADY");
    t.S_AXI_ARVALID = 0;
    const std::uint64_t start = cycles_;
    take_response([&] { return t.S_AXI_RVALID != 0; }, t.S_AXI_RREADY, "RVALID");
    ReadResult r{static_cast<std::uint32_t>(t.S_AXI_RDATA), static_cast<AxiResp>(t.S_AXI_RRESP)};
    t.S_AXI_RREADY = 0;
    finish(start);
    return r;
  }

  AxiResp write(std::uint32_t addr, std::uint32_t data, std::uint8_t strb) override {
    Top& t = *top_;
    t.S_AXI_AWADDR = addr;
    t.S_AXI_AWVALID = 1;
    t.S_AXI_WDATA = data;
    t.S_AXI_WSTRB = strb;
    t.S_AXI_WVALID = 1;
    t.S_AXI_BREADY = 1;
    bool aw_done = false, w_done = false;
    std::uint64_t guard = 0;
    while (!aw_done || !w_done) {
      low();
      const bool aw = t.S_AXI_AWVALID && t.S_AXI_AWREADY;
      const bool w = t.S_AXI_WVALID && t.S_AXI_WREADY;
      high();
      if (aw) aw_done = true, t.S_AXI_AWVALID = 0;
      if (w) w_done = true, t.S_AXI_WVALID = 0;
      if (++guard > kTimeout) hang("AWREADY/WREADY");
    }
    const std::uint64_t start = cycles_;
    take_response([&] { return t.S_AXI_BVALID != 0; }, t.S_AXI_BREADY, "BVALID");
    const auto resp = static_cast<AxiResp>(t.S_AXI_BRESP);
    t.S_AXI_BREADY = 0;
    finish(start);
    return resp;
  }

  bool irq_ctx(unsigned ctx) const override {
    if (ctx >= num_ctx_) return false;
    return irq_bit(top_->irq_ctx, ctx);
  }
  bool irq() const override { return top_->irq != 0; }
  unsigned num_mutex() const override { return num_mutex_; }
  unsigned num_ctx() const override { return num_ctx_; }
  std::uint64_t cycles() const override { return cycles_; }
  std::uint64_t last_latency() const override { return last_latency_; }
  std::uint64_t last_response_cycle() const override { return last_response_cycle_; }
  std::string config_name() const override { return name_; }

  std::uint64_t run_until_irq(unsigned ctx, std::uint64_t limit) override {
    // The model is settled after every edge (high() evaluates), so the line is read directly.
    for (std::uint64_t n = 0; n <= limit; ++n) {
      if (irq_ctx(ctx)) return n;
      tick();
    }
    return limit + 1;
  }
  void idle(std::uint64_t n) override {
    for (std::uint64_t i = 0; i < n; ++i) tick();
  }

 protected:
  static constexpr std::uint64_t kTimeout = 1'000'000;  // cycles; an ABANDON scan is ~NUM_MUTEX

  Top& top() { return *top_; }
  VerilatedContext& context() { return *context_; }
  virtual void dump(std::uint64_t time) = 0;
  /// RtlOptions::response_stall_max.
  void set_response_stall(unsigned max) { stall_max_ = max; }

  void reset() {
    Top& t = *top_;
    t.clk = 0;
    t.rst_n = 0;
    t.S_AXI_ARVALID = t.S_AXI_AWVALID = t.S_AXI_WVALID = 0;
    t.S_AXI_RREADY = t.S_AXI_BREADY = 0;
    for (int i = 0; i < 4; ++i) tick();
    t.rst_n = 1;
    tick();
    cycles_ = 0;
  }

  // One full clock period: inputs set before the rising edge are sampled by it. Split in two
  // halves so that handshakes are sampled after the low-phase evaluation has settled the
  // combinational outputs for the current inputs: two evaluations per cycle, not three.
  void tick() {
    low();
    high();
  }
  void low() {
    top_->clk = 0;
    top_->eval();
    dump(2 * time_);
  }
  void high() {
    top_->clk = 1;
    top_->eval();
    dump(2 * time_ + 1);
    ++time_;
    ++cycles_;
  }

 private:
  template <class Ready>
  void wait_handshake(Ready ready, const char* what) {
    for (std::uint64_t guard = 0;; ++guard) {
      low();
      const bool hs = ready();
      high();
      if (hs) return;
      if (guard > kTimeout) hang(what);
    }
  }
  // The response handshake. With stalls enabled, READY is dropped for a pseudo-random 0..max
  // cycles of VALID first, so the slave must hold its response; 0 keeps READY high throughout.
  template <class Valid, class Ready>
  void take_response(Valid valid, Ready& ready, const char* what) {
    if (stall_max_ != 0) {
      stall_rng_ = stall_rng_ * 6364136223846793005ULL + 1442695040888963407ULL;
      const unsigned stall = static_cast<unsigned>((stall_rng_ >> 33) % (stall_max_ + 1));
      if (stall != 0) {
        ready = 0;
        wait_handshake(valid, what);  // the first cycle of VALID, not taken
        for (unsigned i = 1; i < stall; ++i) tick();
        ready = 1;
      }
    }
    wait_handshake(valid, what);
  }
  void finish(std::uint64_t start) {
    last_latency_ = cycles_ - start;
    last_response_cycle_ = cycles_;
  }
  [[noreturn]] void hang(const char* what) {
    throw std::runtime_error(std::string("hwmx RTL did not assert ") + what + " within " +
                             std::to_string(kTimeout) + " cycles (a bus hang in the engine)");
  }
  template <class V>
  static bool irq_bit(const V& v, unsigned i) {
    if constexpr (std::is_integral_v<V>) {
      return (static_cast<std::uint64_t>(v) >> i) & 1u;
    } else {  // VlWide<N>: array of 32-bit words
      return (v[i / 32] >> (i % 32)) & 1u;
    }
  }

  std::unique_ptr<VerilatedContext> context_;
  std::unique_ptr<Top> top_;
  unsigned num_mutex_, num_ctx_;
  std::string name_;
  std::uint64_t cycles_ = 0, time_ = 0;
  std::uint64_t last_latency_ = 0, last_response_cycle_ = 0;
  unsigned stall_max_ = 0;
  std::uint64_t stall_rng_ = 1;
};

}  // namespace hwmx::sim
