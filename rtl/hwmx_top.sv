// hwmx: hardware mutex engine. AXI4-Lite slave; register map in docs/registers.md (generated
// from rtl/data/hwmx.rdl), behaviour in docs/engine.md.
`default_nettype none

module hwmx_top #(
  parameter int NUM_MUTEX = 256,  // slots, 1..4096
  parameter int NUM_CTX = 64      // contexts, 2..256
) (
  input  wire logic               clk,
  input  wire logic               rst_n,  // active-low synchronous reset
  input  wire logic [24:0]        S_AXI_AWADDR,
  input  wire logic               S_AXI_AWVALID,
  output logic                    S_AXI_AWREADY,
  input  wire logic [31:0]        S_AXI_WDATA,
  input  wire logic [3:0]         S_AXI_WSTRB,
  input  wire logic               S_AXI_WVALID,
  output logic                    S_AXI_WREADY,
  output logic      [1:0]         S_AXI_BRESP,
  output logic                    S_AXI_BVALID,
  input  wire logic               S_AXI_BREADY,
  input  wire logic [24:0]        S_AXI_ARADDR,
  input  wire logic               S_AXI_ARVALID,
  output logic                    S_AXI_ARREADY,
  output logic      [31:0]        S_AXI_RDATA,
  output logic      [1:0]         S_AXI_RRESP,
  output logic                    S_AXI_RVALID,
  input  wire logic               S_AXI_RREADY,
  output logic                    irq,
  output logic      [NUM_CTX-1:0] irq_ctx
);

  // ---------------------------------------------------------------------------------------
  // Elaboration-time checks
  // ---------------------------------------------------------------------------------------
  if (NUM_MUTEX < 1 || NUM_MUTEX > 4096) begin : g_bad_num_mutex
    $error("hwmx_top: parameter NUM_MUTEX must be in 1..4096");
  end
  if (NUM_CTX < 2 || NUM_CTX > 256) begin : g_bad_num_ctx
    $error("hwmx_top: parameter NUM_CTX must be in 2..256");
  end
  // The decoder relies on these properties of the generated register map.
  if (hwmx_reg_pkg::INTR_SUMMARY_COUNT * 32 != hwmx_pkg::MAX_CTX ||
      hwmx_reg_pkg::ACT_ACQUIRE_ENTRIES != hwmx_pkg::MAX_MUTEX ||
      (hwmx_reg_pkg::CTX_STRIDE & (hwmx_reg_pkg::CTX_STRIDE - 1)) != 0 ||
      (hwmx_reg_pkg::ACT_STRIDE & (hwmx_reg_pkg::ACT_STRIDE - 1)) != 0) begin : g_bad_regmap
    $error("hwmx_top: rtl/hwmx_reg_pkg.sv does not match the layout the decoder expects");
  end
`ifndef SYNTHESIS
  // Verilated builds run with -Wno-fatal, which turns the checks above into warnings.
  initial begin
    if (NUM_MUTEX < 1 || NUM_MUTEX > 4096 || NUM_CTX < 2 || NUM_CTX > 256) begin
      $fatal(1, "hwmx_top: NUM_MUTEX must be in 1..4096 and NUM_CTX in 2..256");
    end
  end
`endif

  // ---------------------------------------------------------------------------------------
  // Front end and decode
  // ---------------------------------------------------------------------------------------
  logic               engine_ready;
  logic               accept;
  logic               req_write;
  logic [24:0]        req_addr;
  logic [31:0]        req_wdata;
  logic [3:0]         req_wstrb;
  logic               rsp_valid;
  logic [31:0]        rsp_data;
  logic               rsp_slverr;
  hwmx_pkg::dec_req_t req;
  hwmx_pkg::dec_req_t pre;

  hwmx_axil_slave u_axil (
    .clk_i         (clk),
    .rst_ni        (rst_n),
    .awaddr_i      (S_AXI_AWADDR),
    .awvalid_i     (S_AXI_AWVALID),
    .awready_o     (S_AXI_AWREADY),
    .wdata_i       (S_AXI_WDATA),
    .wstrb_i       (S_AXI_WSTRB),
    .wvalid_i      (S_AXI_WVALID),
    .wready_o      (S_AXI_WREADY),
    .bresp_o       (S_AXI_BRESP),
    .bvalid_o      (S_AXI_BVALID),
    .bready_i      (S_AXI_BREADY),
    .araddr_i      (S_AXI_ARADDR),
    .arvalid_i     (S_AXI_ARVALID),
    .arready_o     (S_AXI_ARREADY),
    .rdata_o       (S_AXI_RDATA),
    .rresp_o       (S_AXI_RRESP),
    .rvalid_o      (S_AXI_RVALID),
    .rready_i      (S_AXI_RREADY),
    .engine_ready_i(engine_ready),
    .accept_o      (accept),
    .req_write_o   (req_write),
    .req_addr_o    (req_addr),
    .req_wdata_o   (req_wdata),
    .req_wstrb_o   (req_wstrb),
    .rsp_valid_i   (rsp_valid),
    .rsp_data_i    (rsp_data),
    .rsp_slverr_i  (rsp_slverr)
  );

  // The address being accepted (the read first) is decoded once: its table fields address the
  // pre-read, and the decode is held as the request for the whole transaction (registered, so
  // the decoder is not on the engine's decision path).
  hwmx_addr_decode #(.NUM_MUTEX(NUM_MUTEX), .NUM_CTX(NUM_CTX)) u_decode (
    .addr_i (S_AXI_ARVALID ? S_AXI_ARADDR : S_AXI_AWADDR),
    .write_i(!S_AXI_ARVALID),
    .wstrb_i(S_AXI_WSTRB),
    .req_o  (pre)
  );

  // The held request is the decode registered at the accept, with its kind encoded again from
  // the registered one-hot kind: the register then does not wait for that encoding after the
  // whole decode.
  hwmx_pkg::dec_req_t req_q;

  always_ff @(posedge clk) begin
    if (!rst_n) begin
      req_q <= '0;
      req_q.kind_oh[hwmx_pkg::REQ_SLVERR] <= 1'b1;
    end else if (accept) begin
      req_q <= pre;
    end
  end

  always_comb begin
    req = req_q;
    req.kind = hwmx_pkg::kind_of(req_q.kind_oh);
  end

  // The strobe check is part of the decode (partial writes are SLVERR).
  logic unused_bits;
  assign unused_bits = ^{req_wstrb, req_q.kind};

  // ---------------------------------------------------------------------------------------
  // Engine and control-page registers
  // ---------------------------------------------------------------------------------------
  logic               regs_wr, bus_err;
  logic               ev_acquire, ev_contended, ev_handoff, ev_error;
  logic               qdepth_valid;
  logic [8:0]         qdepth;
  logic               lerr_set;
  hwmx_pkg::lerr_t    lerr;
  logic [31:0]        ctrl_rdata;
  hwmx_pkg::slot_id_t inspect_slot;

  hwmx_engine #(.NUM_MUTEX(NUM_MUTEX), .NUM_CTX(NUM_CTX)) u_engine (
    .clk_i         (clk),
    .rst_ni        (rst_n),
    .accept_i      (accept),
    .pre_i         (pre),
    .req_i         (req),
    .wdata_i       (req_wdata),
    .ready_o       (engine_ready),
    .rsp_valid_o   (rsp_valid),
    .rsp_data_o    (rsp_data),
    .rsp_slverr_o  (rsp_slverr),
    .ctrl_rdata_i  (ctrl_rdata),
    .inspect_slot_i(inspect_slot),
    .regs_wr_o     (regs_wr),
    .bus_err_o     (bus_err),
    .ev_acquire_o  (ev_acquire),
    .ev_contended_o(ev_contended),
    .ev_handoff_o  (ev_handoff),
    .ev_error_o    (ev_error),
    .qdepth_valid_o(qdepth_valid),
    .qdepth_o      (qdepth),
    .lerr_set_o    (lerr_set),
    .lerr_o        (lerr),
    .irq_ctx_o     (irq_ctx)
  );

  hwmx_regs #(.NUM_MUTEX(NUM_MUTEX), .NUM_CTX(NUM_CTX)) u_regs (
    .clk_i         (clk),
    .rst_ni        (rst_n),
    .req_i         (req),
    .addr_i        (req_addr),
    .write_i       (req_write),
    .wdata_i       (req_wdata),
    .wr_en_i       (regs_wr),
    .bus_err_i     (bus_err),
    .ev_acquire_i  (ev_acquire),
    .ev_contended_i(ev_contended),
    .ev_handoff_i  (ev_handoff),
    .ev_error_i    (ev_error),
    .qdepth_valid_i(qdepth_valid),
    .qdepth_i      (qdepth),
    .lerr_set_i    (lerr_set),
    .lerr_i        (lerr),
    .irq_ctx_i     (irq_ctx),
    .rdata_o       (ctrl_rdata),
    .inspect_slot_o(inspect_slot)
  );

  assign irq = |irq_ctx;

endmodule

`default_nettype wire
