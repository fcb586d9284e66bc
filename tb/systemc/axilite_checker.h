// AXI4-Lite protocol checker on the pins between the TLM bridge and the Verilated engine, in the
// spirit of the checkers libsystemctlm-soc binds next to its Verilated AXI devices. It observes
// only (every port is an input), samples at each rising clock edge what both ends sample, and
// records every handshake violation with the rule name from ARM's AXI protocol assertions; the
// harness fails the test if any was recorded. Checked, for both directions of every channel:
//   *_STABLE      once VALID is high it stays high, with its payload unchanged, until READY;
//   *_RESET       no VALID during reset (master side at every reset edge, slave side from the
//                 second reset edge on, since a synchronous reset clears registers one edge late);
//   RVALID/BVALID only for an accepted request (R after its AR handshake, B after both AW and W);
//   no EXOKAY (AXI4-Lite has no exclusive access);
//   no VALID waits longer than `max_wait` cycles for READY, no request longer for its response.
// It also measures, per read and per write, the cycles from the address handshake to the
// response handshake.
#pragma once

#include <algorithm>
#include <cstdint>
#include <deque>
#include <iostream>
#include <sstream>
#include <string>
#include <systemc>
#include <vector>

namespace hwmx::sctest {

template <int ADDR_WIDTH, int DATA_WIDTH>
class AxiLiteChecker : public sc_core::sc_module {
 public:
  static constexpr int kStrbWidth = DATA_WIDTH / 8;

  sc_core::sc_in<bool> clk{"clk"};
  sc_core::sc_in<bool> resetn{"resetn"};

  sc_core::sc_in<sc_dt::sc_bv<ADDR_WIDTH>> awaddr{"awaddr"};
  sc_core::sc_in<bool> awvalid{"awvalid"}, awready{"awready"};
  sc_core::sc_in<sc_dt::sc_bv<DATA_WIDTH>> wdata{"wdata"};
  sc_core::sc_in<sc_dt::sc_bv<kStrbWidth>> wstrb{"wstrb"};
  sc_core::sc_in<bool> wvalid{"wvalid"}, wready{"wready"};
  sc_core::sc_in<sc_dt::sc_bv<2>> bresp{"bresp"};
  sc_core::sc_in<bool> bvalid{"bvalid"}, bready{"bready"};
  sc_core::sc_in<sc_dt::sc_bv<ADDR_WIDTH>> araddr{"araddr"};
  sc_core::sc_in<bool> arvalid{"arvalid"}, arready{"arready"};
  sc_core::sc_in<sc_dt::sc_bv<DATA_WIDTH>> rdata{"rdata"};
  sc_core::sc_in<sc_dt::sc_bv<2>> rresp{"rresp"};
  sc_core::sc_in<bool> rvalid{"rvalid"}, rready{"rready"};

  struct Stats {
    std::uint64_t reads = 0, writes = 0;  // completed (response handshakes)
    std::uint64_t read_min = ~0ull, read_max = 0, write_min = ~0ull, write_max = 0;  // cycles
  };

  SC_HAS_PROCESS(AxiLiteChecker);

  explicit AxiLiteChecker(sc_core::sc_module_name name, unsigned max_wait = 100000)
      : sc_module(name), max_wait_(max_wait) {
    SC_METHOD(on_edge);
    sensitive << clk.pos();
    dont_initialize();
  }

  const std::vector<std::string>& violations() const { return violations_; }
  const Stats& stats() const { return stats_; }

 private:
  // One channel's VALID/READY pair and payload as sampled at the previous edge.
  template <class Payload>
  struct Channel {
    bool valid = false, ready = false;
    Payload payload{};
    std::uint64_t waiting = 0;  // consecutive edges with VALID && !READY

    bool handshake() const { return valid && ready; }
  };

  void on_edge() {
    ++edge_;
    if (!resetn.read()) {
      check_reset();
      return;
    }
    in_reset_edges_ = 0;
    const bool ar_hs = arvalid.read() && arready.read();
    const bool r_hs = rvalid.read() && rready.read();
    const bool aw_hs = awvalid.read() && awready.read();
    const bool w_hs = wvalid.read() && wready.read();
    const bool b_hs = bvalid.read() && bready.read();

    step(aw_, awvalid.read(), awready.read(), awaddr.read(), "ERRM_AWVALID_STABLE",
         "ERRM_AWADDR_STABLE");
    step(w_, wvalid.read(), wready.read(), std::make_pair(wdata.read(), wstrb.read()),
         "ERRM_WVALID_STABLE", "ERRM_WDATA_WSTRB_STABLE");
    step(b_, bvalid.read(), bready.read(), bresp.read(), "ERRS_BVALID_STABLE", "ERRS_BRESP_STABLE");
    step(ar_, arvalid.read(), arready.read(), araddr.read(), "ERRM_ARVALID_STABLE",
         "ERRM_ARADDR_STABLE");
    step(r_, rvalid.read(), rready.read(), std::make_pair(rdata.read(), rresp.read()),
         "ERRS_RVALID_STABLE", "ERRS_RDATA_RRESP_STABLE");

    // A response needs its request accepted at an earlier edge (A3.3.1 dependencies).
    if (rvalid.read() && reads_.empty()) {
      violation("ERRS_RVALID_NO_AR", "RVALID high with no read address accepted");
    }
    if (bvalid.read() && (aw_edges_.empty() || w_count_ == 0)) {
      violation("ERRS_BVALID_NO_AW_W", "BVALID high before both AW and W handshakes");
    }
    if (r_hs && rresp.read().to_uint() == 1) violation("ERRS_RRESP_EXOKAY", "EXOKAY on AXI4-Lite");
    if (b_hs && bresp.read().to_uint() == 1) violation("ERRS_BRESP_EXOKAY", "EXOKAY on AXI4-Lite");

    // Outstanding requests that never get a response are a hang, not a slow slave.
    if (!reads_.empty() && edge_ - reads_.front() > max_wait_) {
      violation("RECS_RDATA_MAX_WAIT", "no read response within the cycle limit");
      reads_.pop_front();
    }
    if (!aw_edges_.empty() && edge_ - aw_edges_.front() > max_wait_) {
      violation("RECS_BRESP_MAX_WAIT", "no write response within the cycle limit");
      aw_edges_.pop_front();
    }

    // Account this edge's handshakes after the checks: a response may not share its edge with
    // the request it answers.
    if (r_hs && !reads_.empty()) {
      record(edge_ - reads_.front(), stats_.read_min, stats_.read_max);
      reads_.pop_front();
      ++stats_.reads;
    }
    if (b_hs && !aw_edges_.empty() && w_count_ > 0) {
      record(edge_ - aw_edges_.front(), stats_.write_min, stats_.write_max);
      aw_edges_.pop_front();
      --w_count_;
      ++stats_.writes;
    }
    if (ar_hs) reads_.push_back(edge_);
    if (aw_hs) aw_edges_.push_back(edge_);
    if (w_hs) ++w_count_;
  }

  template <class C, class P>
  void step(C& ch, bool valid, bool ready, const P& payload, const char* valid_rule,
            const char* payload_rule) {
    if (ch.valid && !ch.ready) {  // a transfer was pending at the previous edge
      if (!valid)
        violation(valid_rule, "VALID dropped before its handshake");
      else if (!(payload == ch.payload))
        violation(payload_rule, "payload changed while waiting");
    }
    ch.waiting = (valid && !ready) ? ch.waiting + 1 : 0;
    if (ch.waiting == max_wait_) violation(valid_rule, "VALID waited too long for READY");
    ch.valid = valid, ch.ready = ready, ch.payload = payload;
  }

  void check_reset() {
    ++in_reset_edges_;
    if (arvalid.read() || awvalid.read() || wvalid.read()) {
      violation("ERRM_xVALID_RESET", "master VALID high during reset");
    }
    if (in_reset_edges_ > 1 && (rvalid.read() || bvalid.read())) {
      violation("ERRS_xVALID_RESET", "slave VALID high during reset");
    }
    aw_ = {}, w_ = {}, b_ = {}, ar_ = {}, r_ = {};
    reads_.clear(), aw_edges_.clear(), w_count_ = 0;
  }

  static void record(std::uint64_t cycles, std::uint64_t& lo, std::uint64_t& hi) {
    lo = std::min(lo, cycles), hi = std::max(hi, cycles);
  }

  void violation(const char* rule, const char* what) {
    std::ostringstream msg;
    msg << "AXI4-Lite protocol violation " << rule << " at " << sc_core::sc_time_stamp()
        << " (edge " << edge_ << "): " << what;
    std::cerr << name() << ": " << msg.str() << "\n";
    violations_.push_back(msg.str());
  }

  using Addr = sc_dt::sc_bv<ADDR_WIDTH>;
  using DataStrb = std::pair<sc_dt::sc_bv<DATA_WIDTH>, sc_dt::sc_bv<kStrbWidth>>;
  using DataResp = std::pair<sc_dt::sc_bv<DATA_WIDTH>, sc_dt::sc_bv<2>>;

  std::uint64_t max_wait_;
  std::uint64_t edge_ = 0, in_reset_edges_ = 0;
  Channel<Addr> aw_, ar_;
  Channel<DataStrb> w_;
  Channel<sc_dt::sc_bv<2>> b_;
  Channel<DataResp> r_;
  std::deque<std::uint64_t> reads_, aw_edges_;  // edges of accepted, unanswered requests
  std::uint64_t w_count_ = 0;                   // accepted write data beats not yet answered
  std::vector<std::string> violations_;
  Stats stats_;
};

}  // namespace hwmx::sctest
