// The Verilated hwmx_top (SystemC model, prefix Vhwmx_sc, HWMX_SC_NUM_MUTEX x HWMX_SC_NUM_CTX)
// behind a TLM-2.0 target socket: socket -> Tlm2AxiLiteBridge -> AXI4-Lite wires -> DUT, with an
// AxiLiteChecker on the same wires (libsystemctlm-soc's example-rtl-axi4lite arrangement). The
// target owns the engine clock and the synchronous active-low reset; the DUT's irq_ctx vector is
// split into one sc_signal<bool> per context.
#pragma once

#include <memory>
#include <string>
#include <systemc>

#include "axilite_checker.h"
#include "axilite_signals.h"
#include "engine_target.h"
#include "tlm2axilite_bridge.h"

class Vhwmx_sc;  // Verilator output; included only by rtl_target.cpp

namespace hwmx::sctest {

class RtlTarget final : public EngineTarget {
 public:
  static constexpr int kAddrWidth = 25;  // hwmx_top S_AXI_*ADDR[24:0]
  static constexpr int kDataWidth = 32;
  static constexpr unsigned kNumMutex = HWMX_SC_NUM_MUTEX;  // the -G values of the verilation
  static constexpr unsigned kNumCtx = HWMX_SC_NUM_CTX;
  static constexpr unsigned kResetCycles = 4;

  SC_HAS_PROCESS(RtlTarget);
  /// `vcd`: if not empty, the pins, reset and interrupts are traced to this file (.vcd added).
  RtlTarget(sc_core::sc_module_name name, sc_core::sc_time period, const std::string& vcd = "");
  ~RtlTarget() override;

  Socket& socket() override { return bridge_.tgt_socket; }
  const char* kind() const override { return "rtl"; }
  std::vector<std::string> faults() const override;
  void report(std::ostream& os) const override;

 private:
  void drive_reset();
  void split_irq();
  void end_of_simulation() override;

  sc_core::sc_clock clk_;
  sc_core::sc_signal<bool> rst_n_{"rst_n"};
  AxiLiteSignals<kAddrWidth, kDataWidth> axi_{"s_axi"};
  sc_core::sc_signal<bool> dut_irq_{"dut_irq"};
  sc_core::sc_signal<sc_dt::sc_bv<kNumCtx>> dut_irq_ctx_{"dut_irq_ctx"};
  std::unique_ptr<Vhwmx_sc> dut_;
  Tlm2AxiLiteBridge<kAddrWidth, kDataWidth> bridge_{"bridge"};
  AxiLiteChecker<kAddrWidth, kDataWidth> checker_{"checker"};
  std::vector<std::string> own_faults_;
  sc_core::sc_trace_file* vcd_ = nullptr;
};

}  // namespace hwmx::sctest
