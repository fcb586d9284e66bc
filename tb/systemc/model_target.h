// The C++ reference model (hwmx::model::Engine) behind a loosely-timed TLM-2.0 target socket.
// The model itself is untimed; this wrapper annotates delays in cycles of the engine clock so
// that the same tests run at model speed with timing close to the RTL's:
//  - a transaction occupies the single bus port for read_cycles / write_cycles (plus the engine's
//    documented extra work: one cycle per waiter a PRIORITY enqueue walks past, NUM_MUTEX cycles
//    for an ABANDON scan); a transaction arriving while the port is busy waits for it;
//  - an interrupt line rises irq_rise_cycles after the response of the transaction that set it
//    (docs/engine.md: at most 4 cycles, goal 2) and falls when the clearing operation executes.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <tlm_utils/simple_target_socket.h>
#include <utility>
#include <vector>

#include "engine_target.h"
#include "hwmx/model/engine.h"

namespace hwmx::sctest {

struct ModelTiming {
  unsigned read_cycles = 4;   // request to response of one read (the RTL's, see rtl_target.h)
  unsigned write_cycles = 4;  // request to response of one write
  unsigned irq_rise_cycles = 2;
  unsigned walk_cycles_per_waiter = 1;
  unsigned abandon_cycles_per_slot = 1;
};

class ModelTarget final : public EngineTarget {
 public:
  SC_HAS_PROCESS(ModelTarget);
  ModelTarget(sc_core::sc_module_name name, unsigned num_mutex, unsigned num_ctx,
              sc_core::sc_time period, ModelTiming timing = {});

  Socket& socket() override { return socket_; }
  const char* kind() const override { return "model"; }
  std::vector<std::string> faults() const override { return faults_; }
  void report(std::ostream& os) const override;
  const ModelTiming& timing() const { return timing_; }

 private:
  void b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay);
  /// Cycles the engine spends beyond a plain access on the operation at `addr`, from the state
  /// before it executes (the walk depends on the queue as it is).
  unsigned extra_cycles(std::uint64_t addr) const;
  void schedule_irqs(const sc_core::sc_time& executed, const sc_core::sc_time& responded);
  void apply_irqs();

  tlm_utils::simple_target_socket<ModelTarget, kBusWidth> socket_{"socket"};
  hwmx::model::Engine engine_;
  ModelTiming timing_;
  sc_core::sc_time busy_until_ = sc_core::SC_ZERO_TIME;
  // Per context: line changes not yet applied, in time order; the value the line will settle to.
  std::vector<std::deque<std::pair<sc_core::sc_time, bool>>> pending_;
  std::vector<bool> settles_to_;
  std::vector<bool> line_;
  sc_core::sc_event irq_event_;
  std::vector<std::string> faults_;
  std::uint64_t transactions_ = 0, busy_waits_ = 0;
};

}  // namespace hwmx::sctest
