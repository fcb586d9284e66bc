// TLM-2.0 blocking target socket -> AXI4-Lite master pins, modelled on libsystemctlm-soc's
// tlm2axilite-bridge: a template on the address and data widths, one beat per transaction, bus
// responses mapped to TLM response status (axi_tlm_mapping.h).
//
// The pins are driven by one SC_THREAD (the bridge's own "bus master" process) rather than by the
// callers of b_transport: several initiator threads call b_transport, and an sc_signal may have
// only one writer. Callers queue on a mutex, hand their payload to the worker and sleep until the
// response handshake; one transaction at a time is exactly what the engine serves anyway.
//
// Timing: a transaction starts after the caller's annotated delay has elapsed (the bridge syncs,
// the pins live in simulated time) and b_transport returns at the clock edge of the R or B
// handshake with delay 0, so sc_time_stamp() on return is the response time of the transaction.
#pragma once

#include <tlm_utils/simple_target_socket.h>

#include <cstdint>
#include <sstream>
#include <systemc>
#include <tlm>

#include "axi_tlm_mapping.h"

namespace hwmx::sctest {

template <int ADDR_WIDTH, int DATA_WIDTH>
class Tlm2AxiLiteBridge : public sc_core::sc_module {
 public:
  static constexpr unsigned kBusBytes = DATA_WIDTH / 8;
  static_assert(DATA_WIDTH == 32 || DATA_WIDTH == 64, "AXI4-Lite data is 32 or 64 bits");

  tlm_utils::simple_target_socket<Tlm2AxiLiteBridge, DATA_WIDTH> tgt_socket{"tgt_socket"};

  sc_core::sc_in<bool> clk{"clk"};
  sc_core::sc_in<bool> resetn{"resetn"};

  sc_core::sc_out<sc_dt::sc_bv<ADDR_WIDTH>> awaddr{"awaddr"};
  sc_core::sc_out<bool> awvalid{"awvalid"};
  sc_core::sc_in<bool> awready{"awready"};
  sc_core::sc_out<sc_dt::sc_bv<DATA_WIDTH>> wdata{"wdata"};
  sc_core::sc_out<sc_dt::sc_bv<kBusBytes>> wstrb{"wstrb"};
  sc_core::sc_out<bool> wvalid{"wvalid"};
  sc_core::sc_in<bool> wready{"wready"};
  sc_core::sc_in<sc_dt::sc_bv<2>> bresp{"bresp"};
  sc_core::sc_in<bool> bvalid{"bvalid"};
  sc_core::sc_out<bool> bready{"bready"};
  sc_core::sc_out<sc_dt::sc_bv<ADDR_WIDTH>> araddr{"araddr"};
  sc_core::sc_out<bool> arvalid{"arvalid"};
  sc_core::sc_in<bool> arready{"arready"};
  sc_core::sc_in<sc_dt::sc_bv<DATA_WIDTH>> rdata{"rdata"};
  sc_core::sc_in<sc_dt::sc_bv<2>> rresp{"rresp"};
  sc_core::sc_in<bool> rvalid{"rvalid"};
  sc_core::sc_out<bool> rready{"rready"};

  SC_HAS_PROCESS(Tlm2AxiLiteBridge);

  /// `timeout_cycles`: a handshake that does not come within this many clock edges is a hung
  /// slave; it is reported as an SC_ERROR (which ends the simulation) rather than waited on.
  explicit Tlm2AxiLiteBridge(sc_core::sc_module_name name, unsigned timeout_cycles = 100000)
      : sc_module(name), timeout_cycles_(timeout_cycles) {
    tgt_socket.register_b_transport(this, &Tlm2AxiLiteBridge::b_transport);
    SC_THREAD(worker);
    // Masters drive VALID low out of reset (AXI A3.1.2); READYs are raised per transaction.
    awvalid.initialize(false), wvalid.initialize(false), arvalid.initialize(false);
    bready.initialize(false), rready.initialize(false);
  }

  /// Transactions that reached the pins (refused payloads are not counted).
  std::uint64_t pin_transactions() const { return pin_transactions_; }

 private:
  void b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay) {
    const tlm::tlm_response_status admissible = axilite_admissible(trans, ADDR_WIDTH, kBusBytes);
    if (admissible != tlm::TLM_INCOMPLETE_RESPONSE) {
      trans.set_response_status(admissible);
      return;
    }
    // Catch up with the caller's local time before touching the pins (not even a delta when
    // there is none: callers then contend for the pins in the order they called).
    if (delay != sc_core::SC_ZERO_TIME) sc_core::wait(delay);
    delay = sc_core::SC_ZERO_TIME;
    lock_.lock();
    request_ = &trans;
    start_.notify(sc_core::SC_ZERO_TIME);  // delta: the worker may not have reached its wait yet
    sc_core::wait(done_);
    request_ = nullptr;
    lock_.unlock();
  }

  void worker() {
    for (;;) {
      sc_core::wait(start_);
      while (!resetn.read()) sc_core::wait(resetn.posedge_event());
      tlm::tlm_generic_payload& t = *request_;
      ++pin_transactions_;
      if (t.is_read()) {
        do_read(t);
      } else {
        do_write(t);
      }
      done_.notify(sc_core::SC_ZERO_TIME);
    }
  }

  void do_read(tlm::tlm_generic_payload& t) {
    araddr.write(sc_dt::sc_bv<ADDR_WIDTH>(t.get_address()));
    arvalid.write(true);
    rready.write(true);  // ready for the data as soon as the address is out (allowed, A3.3.1)
    wait_for(arready, "ARREADY", t);
    arvalid.write(false);
    wait_for(rvalid, "RVALID", t);
    rready.write(false);
    const sc_dt::sc_bv<DATA_WIDTH> word = rdata.read();
    const unsigned first = static_cast<unsigned>(t.get_address() % kBusBytes);
    const unsigned char* be = t.get_byte_enable_ptr();
    const unsigned be_len = t.get_byte_enable_length();
    for (unsigned i = 0; i < t.get_data_length(); ++i) {
      if (be != nullptr && be_len != 0 && be[i % be_len] != TLM_BYTE_ENABLED) continue;
      const unsigned lane = first + i;
      t.get_data_ptr()[i] =
          static_cast<unsigned char>(word.range(8 * lane + 7, 8 * lane).to_uint());
    }
    t.set_response_status(axi_to_tlm(rresp.read().to_uint()));
  }

  void do_write(tlm::tlm_generic_payload& t) {
    sc_dt::sc_bv<DATA_WIDTH> word(0);
    const unsigned first = static_cast<unsigned>(t.get_address() % kBusBytes);
    for (unsigned i = 0; i < t.get_data_length(); ++i) {
      const unsigned lane = first + i;
      word.range(8 * lane + 7, 8 * lane) = static_cast<unsigned>(t.get_data_ptr()[i]);
    }
    awaddr.write(sc_dt::sc_bv<ADDR_WIDTH>(t.get_address()));
    wdata.write(word);
    wstrb.write(sc_dt::sc_bv<kBusBytes>(axilite_strobe(t, kBusBytes)));
    awvalid.write(true);
    wvalid.write(true);
    bready.write(true);
    // AW and W are independent channels: each VALID drops at its own handshake.
    bool aw_pending = true, w_pending = true;
    for (unsigned n = 0; aw_pending || w_pending; ++n) {
      sc_core::wait(clk.posedge_event());
      if (aw_pending && awready.read()) aw_pending = false, awvalid.write(false);
      if (w_pending && wready.read()) w_pending = false, wvalid.write(false);
      if (n > timeout_cycles_) hung(aw_pending ? "AWREADY" : "WREADY", t);
    }
    wait_for(bvalid, "BVALID", t);
    bready.write(false);
    t.set_response_status(axi_to_tlm(bresp.read().to_uint()));
  }

  // Waits for the clock edge at which `ready` (sampled before the edge, as the slave sees it)
  // completes a handshake whose VALID/READY we are driving.
  void wait_for(sc_core::sc_in<bool>& ready, const char* what, const tlm::tlm_generic_payload& t) {
    for (unsigned n = 0;; ++n) {
      sc_core::wait(clk.posedge_event());
      if (ready.read()) return;
      if (n > timeout_cycles_) hung(what, t);
    }
  }

  void hung(const char* what, const tlm::tlm_generic_payload& t) {
    std::ostringstream msg;
    msg << what << " not asserted within " << timeout_cycles_ << " cycles ("
        << (t.is_read() ? "read" : "write") << " of 0x" << std::hex << t.get_address()
        << "): the slave hangs";
    SC_REPORT_ERROR(name(), msg.str().c_str());
  }

  unsigned timeout_cycles_;
  sc_core::sc_mutex lock_;
  sc_core::sc_event start_, done_;
  tlm::tlm_generic_payload* request_ = nullptr;
  std::uint64_t pin_transactions_ = 0;
};

}  // namespace hwmx::sctest
