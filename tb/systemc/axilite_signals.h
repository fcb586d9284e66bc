// The wires of one AXI4-Lite link, in the style of libsystemctlm-soc's AXILiteSignals: one bundle
// of sc_signals that the TLM bridge (master side), the protocol checker (observer) and the
// Verilated slave are all bound to, so the checker sees exactly the pins the DUT sees.
#pragma once

#include <string>
#include <systemc>

namespace hwmx::sctest {

template <int ADDR_WIDTH, int DATA_WIDTH>
class AxiLiteSignals : public sc_core::sc_module {
 public:
  static constexpr int kStrbWidth = DATA_WIDTH / 8;
  using Addr = sc_dt::sc_bv<ADDR_WIDTH>;
  using Data = sc_dt::sc_bv<DATA_WIDTH>;
  using Strb = sc_dt::sc_bv<kStrbWidth>;
  using Resp = sc_dt::sc_bv<2>;

  // Write address, write data, write response.
  sc_core::sc_signal<Addr> awaddr{"awaddr"};
  sc_core::sc_signal<bool> awvalid{"awvalid"}, awready{"awready"};
  sc_core::sc_signal<Data> wdata{"wdata"};
  sc_core::sc_signal<Strb> wstrb{"wstrb"};
  sc_core::sc_signal<bool> wvalid{"wvalid"}, wready{"wready"};
  sc_core::sc_signal<Resp> bresp{"bresp"};
  sc_core::sc_signal<bool> bvalid{"bvalid"}, bready{"bready"};
  // Read address, read data.
  sc_core::sc_signal<Addr> araddr{"araddr"};
  sc_core::sc_signal<bool> arvalid{"arvalid"}, arready{"arready"};
  sc_core::sc_signal<Data> rdata{"rdata"};
  sc_core::sc_signal<Resp> rresp{"rresp"};
  sc_core::sc_signal<bool> rvalid{"rvalid"}, rready{"rready"};

  // A module only to name its signals hierarchically (two links in one parent do not clash).
  explicit AxiLiteSignals(sc_core::sc_module_name name) : sc_module(name) {}

  /// Binds a module whose ports carry the lower-case channel names (the bridge, the checker).
  template <class M>
  void connect(M& m) {
    m.awaddr(awaddr), m.awvalid(awvalid), m.awready(awready);
    m.wdata(wdata), m.wstrb(wstrb), m.wvalid(wvalid), m.wready(wready);
    m.bresp(bresp), m.bvalid(bvalid), m.bready(bready);
    m.araddr(araddr), m.arvalid(arvalid), m.arready(arready);
    m.rdata(rdata), m.rresp(rresp), m.rvalid(rvalid), m.rready(rready);
  }

  /// Binds a slave with the Xilinx/Verilog S_AXI_* port names (the Verilated hwmx_top).
  template <class D>
  void connect_s_axi(D& d) {
    d.S_AXI_AWADDR(awaddr), d.S_AXI_AWVALID(awvalid), d.S_AXI_AWREADY(awready);
    d.S_AXI_WDATA(wdata), d.S_AXI_WSTRB(wstrb), d.S_AXI_WVALID(wvalid), d.S_AXI_WREADY(wready);
    d.S_AXI_BRESP(bresp), d.S_AXI_BVALID(bvalid), d.S_AXI_BREADY(bready);
    d.S_AXI_ARADDR(araddr), d.S_AXI_ARVALID(arvalid), d.S_AXI_ARREADY(arready);
    d.S_AXI_RDATA(rdata), d.S_AXI_RRESP(rresp), d.S_AXI_RVALID(rvalid), d.S_AXI_RREADY(rready);
  }

  /// Adds every wire to a waveform (prefix distinguishes several links in one file).
  void trace(sc_core::sc_trace_file* tf, const std::string& prefix) const {
    auto t = [&](const auto& s, const char* n) { sc_core::sc_trace(tf, s, prefix + n); };
    t(awaddr, "awaddr"), t(awvalid, "awvalid"), t(awready, "awready");
    t(wdata, "wdata"), t(wstrb, "wstrb"), t(wvalid, "wvalid"), t(wready, "wready");
    t(bresp, "bresp"), t(bvalid, "bvalid"), t(bready, "bready");
    t(araddr, "araddr"), t(arvalid, "arvalid"), t(arready, "arready");
    t(rdata, "rdata"), t(rresp, "rresp"), t(rvalid, "rvalid"), t(rready, "rready");
  }
};

}  // namespace hwmx::sctest
