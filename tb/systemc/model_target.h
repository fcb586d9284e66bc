// The C++ reference model (hwmx::model::Engine) behind a loosely-timed TLM-2.0 target socket.
// The model itself is untimed; this wrapper annotates delays in cycles of the engine clock so
// that the same tests run at model speed with timing close to the RTL's:
//  - a transaction occupies the single bus port for read_cycles / write_cycles (plus the engine's
//    documented extra work: one cycle per waiter a PRIORITY enqueue walks past, NUM_MUTEX cycles
//    for an ABANDON scan); a transaction arriving while the port is busy waits for it;
//  - an interrupt line changes irq_cycles after the response of the transaction that changed it
//    (docs/engine.md bounds a handoff's at 4 cycles after the R handshake); a falling line never
//    changes later than the response, so a thread that consumed its grant never sees it high.
// The defaults are the RTL's figures as this bench measures them (the reads and writes of
// RtlTarget's report, the handoff_latency test), so tests see the same interleavings on both.
#pragma once

#include <tlm_utils/simple_target_socket.h>

#include <cstdint>
#include <deque>
#include <string>
#include <utility>
#include <vector>

#include "engine_target.h"
#include "hwmx/model/engine.h"

namespace hwmx::sctest {

struct ModelTiming {
  // Request to response of one access: the RTL takes 1 cycle to the address handshake, and
  // answers 2 cycles after it.
  unsigned read_cycles = 3;
  unsigned write_cycles = 3;
  // The RTL raises irq_ctx on the edge it raises RVALID, one cycle before the R handshake.
  int irq_cycles = -1;
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
