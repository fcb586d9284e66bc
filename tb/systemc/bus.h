// N initiators to one engine target: a pass-through interconnect. TLM sockets are point to
// point, and several CPU threads share the engine's single bus port. It adds no delay and no
// arbitration of its own: the targets serialize (the RTL bridge owns the pins one transaction at
// a time; the model target books its port), which is where the real system serializes too.
#pragma once

#include <tlm_utils/multi_passthrough_target_socket.h>
#include <tlm_utils/simple_initiator_socket.h>

#include <systemc>
#include <tlm>

namespace hwmx::sctest {

class Bus : public sc_core::sc_module {
 public:
  tlm_utils::multi_passthrough_target_socket<Bus, 32> targets{"targets"};
  tlm_utils::simple_initiator_socket<Bus, 32> to_engine{"to_engine"};

  explicit Bus(sc_core::sc_module_name name) : sc_module(name) {
    targets.register_b_transport(this, &Bus::b_transport);
    targets.register_transport_dbg(this, &Bus::transport_dbg);
  }

 private:
  void b_transport(int /*initiator*/, tlm::tlm_generic_payload& t, sc_core::sc_time& delay) {
    to_engine->b_transport(t, delay);
  }
  unsigned transport_dbg(int /*initiator*/, tlm::tlm_generic_payload& t) {
    return to_engine->transport_dbg(t);
  }
};

}  // namespace hwmx::sctest
