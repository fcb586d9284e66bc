// Proof top of the engine proof (scripts/formal proof "engine"): hwmx_engine with the decoders of
// hwmx_top and a free front end. Every cycle an arbitrary access (address, direction, strobes,
// data) is presented to the pre-read decoder; f_take decides whether it is accepted when the
// engine is ready; the accepted access is held, decoded, as the request until the next accept.
// This is the behaviour the AXI slave guarantees (proved in "axil": accept only when the engine
// is ready, the held request is the accepted address and changes only at an accept), minus its
// restrictions (here a new access may follow a response at once), so the engine is proved for
// every access stream the slave can produce. The control-page register block is replaced by free
// inputs (its read data and INSPECT_SLOT).
`default_nettype none

module hwmx_engine_fv #(
  parameter int NUM_MUTEX = 4,
  parameter int NUM_CTX = 4
) (
  input wire logic        clk,
  input wire logic        rst_n,
  input wire logic        f_take,
  input wire logic [24:0] f_addr,
  input wire logic        f_write,
  input wire logic [3:0]  f_wstrb,
  input wire logic [31:0] f_wdata,
  input wire logic [31:0] f_ctrl_rdata,
  input wire logic [11:0] f_inspect_slot
);

  logic               ready, accept;
  logic [24:0]        h_addr;
  logic               h_write;
  logic [3:0]         h_wstrb;
  logic [31:0]        h_wdata;
  hwmx_pkg::dec_req_t pre, req;
  logic               rsp_valid, rsp_slverr;
  logic [31:0]        rsp_data;
  logic               regs_wr, bus_err, ev_acquire, ev_contended, ev_handoff, ev_error;
  logic               qdepth_valid, lerr_set;
  logic [8:0]         qdepth;
  hwmx_pkg::lerr_t    lerr;
  logic [NUM_CTX-1:0] irq_ctx;

  assign accept = f_take && ready;

  always_ff @(posedge clk) begin
    if (!rst_n) begin
      h_addr <= '0;
      h_write <= 1'b0;
      h_wstrb <= '0;
      h_wdata <= '0;
    end else if (accept) begin
      h_addr <= f_addr;
      h_write <= f_write;
      h_wstrb <= f_wstrb;
      h_wdata <= f_wdata;
    end
  end

  hwmx_addr_decode #(.NUM_MUTEX(NUM_MUTEX), .NUM_CTX(NUM_CTX)) u_pre_decode (
    .addr_i(f_addr), .write_i(f_write), .wstrb_i(f_wstrb), .req_o(pre));
  hwmx_addr_decode #(.NUM_MUTEX(NUM_MUTEX), .NUM_CTX(NUM_CTX)) u_decode (
    .addr_i(h_addr), .write_i(h_write), .wstrb_i(h_wstrb), .req_o(req));

  hwmx_engine #(.NUM_MUTEX(NUM_MUTEX), .NUM_CTX(NUM_CTX)) u_engine (
    .clk_i         (clk),
    .rst_ni        (rst_n),
    .accept_i      (accept),
    .pre_i         (pre),
    .req_i         (req),
    .wdata_i       (h_wdata),
    .ready_o       (ready),
    .rsp_valid_o   (rsp_valid),
    .rsp_data_o    (rsp_data),
    .rsp_slverr_o  (rsp_slverr),
    .ctrl_rdata_i  (f_ctrl_rdata),
    .inspect_slot_i(f_inspect_slot),
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

  // Reset in the first cycle (and whenever the solver likes afterwards).
  logic f_first = 1'b1;
  always_ff @(posedge clk) f_first <= 1'b0;
  always @* if (f_first) assume (!rst_n);

endmodule

`default_nettype wire
