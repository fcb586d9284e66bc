// What every test sees of an engine: one TLM-2.0 target socket (32-bit bus) and the interrupt
// lines as sc_signals. Two implementations: RtlTarget (the Verilated hwmx_top behind an AXI4-Lite
// bridge, cycle accurate) and ModelTarget (the C++ reference model, loosely timed). Tests are
// written against this interface only, so each runs unchanged on both.
#pragma once

#include <ostream>
#include <string>
#include <systemc>
#include <tlm>
#include <vector>

namespace hwmx::sctest {

class EngineTarget : public sc_core::sc_module {
 public:
  static constexpr unsigned kBusWidth = 32;
  using Socket = tlm::tlm_target_socket<kBusWidth>;

  /// irq_ctx[c] = INTR_STATE[c] & INTR_ENABLE[c] (level); irq = OR of them. Initiators sleep on
  /// these: they are the only way a waiting thread learns of its grant.
  sc_core::sc_vector<sc_core::sc_signal<bool>> irq_ctx;
  sc_core::sc_signal<bool> irq{"irq"};

  virtual Socket& socket() = 0;
  /// "rtl" or "model".
  virtual const char* kind() const = 0;
  /// Faults the target detected in itself: AXI protocol violations on the pins (RTL), broken
  /// invariants (model). Any entry fails the test.
  virtual std::vector<std::string> faults() const = 0;
  /// Statistics for the log (transactions, measured bus latencies).
  virtual void report(std::ostream& os) const = 0;

  unsigned num_mutex() const { return num_mutex_; }
  unsigned num_ctx() const { return num_ctx_; }
  /// The engine clock (the RTL's; the model's delays are annotated in cycles of it).
  sc_core::sc_time clock_period() const { return period_; }

 protected:
  EngineTarget(sc_core::sc_module_name name, unsigned num_mutex, unsigned num_ctx,
               sc_core::sc_time period)
      : sc_module(name),
        irq_ctx("irq_ctx", num_ctx),
        num_mutex_(num_mutex),
        num_ctx_(num_ctx),
        period_(period) {}

 private:
  unsigned num_mutex_, num_ctx_;
  sc_core::sc_time period_;
};

}  // namespace hwmx::sctest
