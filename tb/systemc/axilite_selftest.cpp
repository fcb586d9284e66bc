// Self-test of the AXI4-Lite pieces the RTL target is built from, without the engine:
//  1. bridge: TLM reads and writes through Tlm2AxiLiteBridge to a well-behaved scripted slave
//     that answers OKAY, SLVERR or DECERR by address; the TLM status must follow the mapping
//     (OKAY -> OK, SLVERR -> GENERIC_ERROR, DECERR -> ADDRESS_ERROR), read data and write strobes
//     must land in the right byte lanes, refused payloads must not reach the pins, and the
//     checker on those wires must stay silent;
//  2. checker: a script drives both ends of a second link through deliberate violations, one at
//     a time; the checker must flag each with the expected rule, and nothing on a clean sequence.
// A checker that never fires would pass every engine test; this is what shows it can fail one.
#include <functional>
#include <iostream>
#include <string>
#include <systemc>
#include <vector>

#include "axi_tlm_mapping.h"
#include "axilite_checker.h"
#include "axilite_signals.h"
#include "check.h"
#include "initiator.h"
#include "tlm2axilite_bridge.h"

using namespace hwmx::sctest;
using sc_core::SC_NS;
using sc_core::sc_time;

namespace {

constexpr int kAw = 16, kDw = 32;
using Link = AxiLiteSignals<kAw, kDw>;

// A correct AXI4-Lite slave with one register file word per address; the response code is
// chosen by the word index: 0 OKAY, 1 SLVERR, 2 DECERR, 3 OKAY (repeating).
class FakeSlave : public sc_core::sc_module {
 public:
  sc_core::sc_in<bool> clk{"clk"}, resetn{"resetn"};
  sc_core::sc_in<sc_dt::sc_bv<kAw>> awaddr{"awaddr"}, araddr{"araddr"};
  sc_core::sc_in<bool> awvalid{"awvalid"}, wvalid{"wvalid"}, bready{"bready"};
  sc_core::sc_in<bool> arvalid{"arvalid"}, rready{"rready"};
  sc_core::sc_out<bool> awready{"awready"}, wready{"wready"}, bvalid{"bvalid"};
  sc_core::sc_out<bool> arready{"arready"}, rvalid{"rvalid"};
  sc_core::sc_in<sc_dt::sc_bv<kDw>> wdata{"wdata"};
  sc_core::sc_in<sc_dt::sc_bv<kDw / 8>> wstrb{"wstrb"};
  sc_core::sc_out<sc_dt::sc_bv<kDw>> rdata{"rdata"};
  sc_core::sc_out<sc_dt::sc_bv<2>> bresp{"bresp"}, rresp{"rresp"};

  unsigned last_strb = 0, last_wdata = 0, last_waddr = 0;

  SC_HAS_PROCESS(FakeSlave);
  explicit FakeSlave(sc_core::sc_module_name n) : sc_module(n) {
    SC_METHOD(on_edge);
    sensitive << clk.pos();
    dont_initialize();
  }

  static unsigned resp_for(unsigned addr) {
    static const unsigned kResp[4] = {kAxiOkay, kAxiSlvErr, kAxiDecErr, kAxiOkay};
    return kResp[(addr >> 2) & 3];
  }

 private:
  void on_edge() {
    if (!resetn.read()) {
      awready.write(false), wready.write(false), bvalid.write(false);
      arready.write(false), rvalid.write(false);
      return;
    }
    // Read: ARREADY one cycle, then RVALID until taken.
    if (rvalid.read() && rready.read()) rvalid.write(false);
    if (arvalid.read() && arready.read()) {
      const unsigned a = araddr.read().to_uint();
      arready.write(false);
      rvalid.write(true);
      rdata.write(0xA5000000u | a);
      rresp.write(resp_for(a));
    } else if (!rvalid.read() || rready.read()) {
      arready.write(!arready.read() && arvalid.read());
    }
    // Write: take AW and W (in any order), then answer on B.
    if (bvalid.read() && bready.read()) bvalid.write(false);
    if (awvalid.read() && awready.read()) have_aw_ = true, last_waddr = awaddr.read().to_uint();
    if (wvalid.read() && wready.read()) {
      have_w_ = true, last_wdata = wdata.read().to_uint(), last_strb = wstrb.read().to_uint();
    }
    awready.write(!have_aw_ && awvalid.read() && !awready.read());
    wready.write(!have_w_ && wvalid.read() && !wready.read());
    if (have_aw_ && have_w_ && !bvalid.read()) {
      bvalid.write(true);
      bresp.write(resp_for(last_waddr));
      have_aw_ = have_w_ = false;
    }
  }
  bool have_aw_ = false, have_w_ = false;
};

class Top : public sc_core::sc_module {
 public:
  SC_HAS_PROCESS(Top);
  explicit Top(sc_core::sc_module_name n) : sc_module(n) {
    bridge.clk(clk), bridge.resetn(resetn), link.connect(bridge);
    slave.clk(clk), slave.resetn(resetn), link.connect(slave);
    checker.clk(clk), checker.resetn(resetn), link.connect(checker);
    init.socket.bind(bridge.tgt_socket);
    probe.clk(clk), probe.resetn(resetn2), link2.connect(probe);
    SC_THREAD(test_bridge);
    SC_THREAD(test_checker);
  }

  sc_core::sc_clock clk{"clk", sc_time(10, SC_NS)};
  sc_core::sc_signal<bool> resetn{"resetn"}, resetn2{"resetn2"};
  Link link{"link"}, link2{"link2"};
  Tlm2AxiLiteBridge<kAw, kDw> bridge{"bridge"};
  FakeSlave slave{"slave"};
  AxiLiteChecker<kAw, kDw> checker{"checker"};
  AxiLiteChecker<kAw, kDw> probe{"probe", 20};  // short max wait, to test the hang rule
  Initiator init{"init", sc_time(10, SC_NS)};
  bool bridge_done = false, checker_done = false;

 private:
  void test_bridge() {
    resetn.write(false);
    wait(sc_time(45, SC_NS));
    resetn.write(true);
    for (unsigned word = 0; word < 4; ++word) {
      const unsigned addr = 0x100 + 4 * word;
      const Initiator::Response r = init.read(addr);
      expect_eq(r.status, axi_to_tlm(FakeSlave::resp_for(addr)),
                "read response mapping for word " + std::to_string(word));
      expect_eq(r.data, 0xA5000000u | addr, "read data");
    }
    expect_eq(init.read(0x100, 4).status, tlm::TLM_OK_RESPONSE, "OKAY -> TLM_OK_RESPONSE");
    expect_eq(init.read(0x104).status, tlm::TLM_GENERIC_ERROR_RESPONSE,
              "SLVERR -> TLM_GENERIC_ERROR_RESPONSE");
    expect_eq(init.read(0x108).status, tlm::TLM_ADDRESS_ERROR_RESPONSE,
              "DECERR -> TLM_ADDRESS_ERROR_RESPONSE");
    expect_eq(init.write(0x104, 1).status, tlm::TLM_GENERIC_ERROR_RESPONSE, "write SLVERR");
    expect_eq(init.write(0x108, 1).status, tlm::TLM_ADDRESS_ERROR_RESPONSE, "write DECERR");

    expect_eq(init.write(0x200, 0x11223344u, 0x6).status, tlm::TLM_OK_RESPONSE, "strobed write");
    expect_eq(slave.last_strb, 0x6u, "byte enables 0110 -> WSTRB 0110");
    expect_eq(slave.last_wdata & 0x00FFFF00u, 0x00223300u, "enabled lanes carry the data");
    expect_eq(init.write(0x211, 0xAB, 0xF, 1).status, tlm::TLM_OK_RESPONSE, "byte write");
    expect_eq(slave.last_strb, 0x2u, "a byte at offset 1 -> WSTRB 0010");
    expect_eq((slave.last_wdata >> 8) & 0xFFu, 0xABu, "a byte at offset 1 -> lane 1");
    expect_eq(init.read(0x101, 1).data, (0xA5000101u >> 8) & 0xFFu, "byte read lane");

    const std::uint64_t before = bridge.pin_transactions();
    expect_eq(init.read(0x10000).status, tlm::TLM_ADDRESS_ERROR_RESPONSE, "beyond the port");
    expect_eq(init.read(0x100, 8).status, tlm::TLM_BURST_ERROR_RESPONSE, "two beats");
    expect_eq(bridge.pin_transactions(), before, "refused payloads never reach the pins");
    bridge_done = true;
  }

  // Drives link2 from both ends; each case leaves the link idle and in reset-free state.
  void test_checker() {
    Link& l = link2;
    auto edge = [this] { wait(clk.negedge_event()); };  // change inputs away from the edge
    auto idle = [&] {
      l.arvalid.write(false), l.arready.write(false), l.rvalid.write(false);
      l.rready.write(false), l.awvalid.write(false), l.awready.write(false);
      l.wvalid.write(false), l.wready.write(false), l.bvalid.write(false);
      l.bready.write(false), l.rresp.write(0), l.bresp.write(0);
      for (int i = 0; i < 3; ++i) edge();
    };
    std::size_t seen = 0;
    auto expect_rule = [&](const std::string& rule) {
      const auto& v = probe.violations();
      bool found = false;
      for (std::size_t i = seen; i < v.size(); ++i)
        found = found || v[i].find(rule) != std::string::npos;
      expect(found, "checker flags " + rule);
      seen = v.size();
    };
    auto expect_clean = [&](const std::string& what) {
      expect_eq(probe.violations().size(), seen, "no violation on " + what);
      seen = probe.violations().size();
    };

    resetn2.write(false);
    idle();
    resetn2.write(true);
    idle();

    // A clean read and write.
    l.araddr.write(0x10), l.arvalid.write(true), l.rready.write(true);
    edge();
    l.arready.write(true);
    edge();
    l.arvalid.write(false), l.arready.write(false), l.rvalid.write(true);
    edge();
    l.rvalid.write(false);
    l.awaddr.write(0x20), l.awvalid.write(true), l.wvalid.write(true), l.bready.write(true);
    l.awready.write(true), l.wready.write(true);
    edge();
    l.awvalid.write(false), l.wvalid.write(false), l.awready.write(false), l.wready.write(false);
    l.bvalid.write(true);
    edge();
    idle();
    expect_clean("a clean read and write");

    l.arvalid.write(true);  // ARVALID withdrawn before ARREADY
    edge();
    l.arvalid.write(false);
    edge();
    idle();
    expect_rule("ERRM_ARVALID_STABLE");

    l.araddr.write(0x30), l.arvalid.write(true);  // ARADDR changes while waiting
    edge();
    l.araddr.write(0x34);
    edge();
    idle();
    expect_rule("ERRM_ARADDR_STABLE");

    l.wdata.write(1), l.wvalid.write(true);  // WDATA changes while waiting
    edge();
    l.wdata.write(2);
    edge();
    l.wready.write(true);
    edge();
    idle();
    expect_rule("ERRM_WDATA_WSTRB_STABLE");
    resetn2.write(false);  // (the beat above was accepted without AW: clear the bookkeeping)
    idle();
    resetn2.write(true);
    idle();
    seen = probe.violations().size();

    l.rvalid.write(true);  // a read response nobody asked for
    edge();
    idle();
    expect_rule("ERRS_RVALID_NO_AR");

    l.awvalid.write(true), l.awready.write(true);  // BVALID after AW but before W
    edge();
    l.awvalid.write(false), l.awready.write(false), l.bvalid.write(true), l.bready.write(true);
    edge();
    idle();
    expect_rule("ERRS_BVALID_NO_AW_W");
    resetn2.write(false);
    idle();
    resetn2.write(true);
    idle();
    seen = probe.violations().size();

    l.arvalid.write(true), l.arready.write(true), l.rready.write(true);  // EXOKAY on R
    edge();
    l.arvalid.write(false), l.arready.write(false), l.rvalid.write(true), l.rresp.write(1);
    edge();
    idle();
    expect_rule("ERRS_RRESP_EXOKAY");

    l.arvalid.write(true), l.arready.write(true);  // accepted, never answered
    edge();
    l.arvalid.write(false), l.arready.write(false);
    for (int i = 0; i < 25; ++i) edge();
    idle();
    expect_rule("RECS_RDATA_MAX_WAIT");

    resetn2.write(false);  // a master VALID during reset
    edge();
    l.awvalid.write(true);
    edge();
    idle();
    expect_rule("ERRM_xVALID_RESET");
    resetn2.write(true);
    idle();
    expect_clean("idle after reset");
    checker_done = true;
  }
};

}  // namespace

int sc_main(int, char*[]) {
  Top top("top");
  sc_core::sc_start(sc_time(20, sc_core::SC_US));
  expect(top.bridge_done, "bridge self-test ran to the end");
  expect(top.checker_done, "checker self-test ran to the end");
  expect(top.checker.violations().empty(), "no violation between the bridge and a correct slave");
  const auto& st = top.checker.stats();
  expect_eq(st.reads + st.writes, top.bridge.pin_transactions(),
            "every bridged transaction seen as one response handshake");
  std::cout << "bridge: " << top.bridge.pin_transactions() << " transactions; checker: " << st.reads
            << " reads (" << st.read_min << ".." << st.read_max << " cycles), " << st.writes
            << " writes; probe flagged " << top.probe.violations().size()
            << " deliberate violations\n";
  const unsigned failures = failure_count();
  std::cout << (failures == 0 ? "PASS" : "FAIL") << " axilite_selftest\n";
  return failures == 0 ? 0 : 1;
}
