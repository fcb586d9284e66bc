#include "rtl_target.h"

#include <ostream>

#include "Vhwmx_sc.h"

namespace hwmx::sctest {

RtlTarget::RtlTarget(sc_core::sc_module_name name, sc_core::sc_time period, const std::string& vcd)
    : EngineTarget(name, kNumMutex, kNumCtx, period),
      clk_("clk", period, 0.5, sc_core::SC_ZERO_TIME, true),
      dut_(std::make_unique<Vhwmx_sc>("dut")) {
  dut_->clk(clk_);
  dut_->rst_n(rst_n_);
  axi_.connect_s_axi(*dut_);
  dut_->irq(dut_irq_);
  dut_->irq_ctx(dut_irq_ctx_);

  bridge_.clk(clk_);
  bridge_.resetn(rst_n_);
  axi_.connect(bridge_);
  checker_.clk(clk_);
  checker_.resetn(rst_n_);
  axi_.connect(checker_);

  SC_THREAD(drive_reset);
  SC_METHOD(split_irq);
  sensitive << dut_irq_ << dut_irq_ctx_;
  dont_initialize();

  if (!vcd.empty()) {
    vcd_ = sc_core::sc_create_vcd_trace_file(vcd.c_str());
    vcd_->set_time_unit(1, sc_core::SC_NS);
    sc_core::sc_trace(vcd_, clk_, "clk");
    sc_core::sc_trace(vcd_, rst_n_, "rst_n");
    axi_.trace(vcd_, "s_axi_");
    sc_core::sc_trace(vcd_, dut_irq_, "irq");
    sc_core::sc_trace(vcd_, dut_irq_ctx_, "irq_ctx");
  }
}

RtlTarget::~RtlTarget() {
  if (vcd_ != nullptr) sc_core::sc_close_vcd_trace_file(vcd_);
}

void RtlTarget::drive_reset() {
  // rst_n is synchronous: hold it low across a few rising edges, then release it. The bridge
  // waits for it before driving any VALID.
  rst_n_.write(false);
  for (unsigned i = 0; i < kResetCycles; ++i) sc_core::wait(clk_.posedge_event());
  rst_n_.write(true);
}

void RtlTarget::split_irq() {
  const sc_dt::sc_bv<kNumCtx> lines = dut_irq_ctx_.read();
  bool any = false;
  for (unsigned c = 0; c < kNumCtx; ++c) {
    const bool v = lines[c].to_bool();
    irq_ctx[c].write(v);
    any = any || v;
  }
  irq.write(any);
  // docs/engine.md: irq = |irq_ctx. Both are registered outputs of the same eval.
  if (any != dut_irq_.read()) {
    own_faults_.push_back("irq (" + std::to_string(dut_irq_.read()) + ") != |irq_ctx (" +
                          lines.to_string() + ") at " + sc_core::sc_time_stamp().to_string());
  }
}

void RtlTarget::end_of_simulation() { dut_->final(); }

std::vector<std::string> RtlTarget::faults() const {
  std::vector<std::string> all = checker_.violations();
  all.insert(all.end(), own_faults_.begin(), own_faults_.end());
  const auto& st = checker_.stats();
  if (st.reads + st.writes != bridge_.pin_transactions()) {
    all.push_back("bridge issued " + std::to_string(bridge_.pin_transactions()) +
                  " transactions but the checker saw " + std::to_string(st.reads + st.writes) +
                  " responses");
  }
  return all;
}

void RtlTarget::report(std::ostream& os) const {
  const auto& st = checker_.stats();
  os << "rtl target: " << kNumMutex << " slots x " << kNumCtx << " contexts at " << clock_period()
     << " clock; " << st.reads << " reads (address to response handshake "
     << (st.reads ? st.read_min : 0) << ".." << st.read_max << " cycles), " << st.writes
     << " writes (" << (st.writes ? st.write_min : 0) << ".." << st.write_max << " cycles), "
     << checker_.violations().size() << " protocol violations\n";
}

}  // namespace hwmx::sctest
