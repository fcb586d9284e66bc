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

  // Cover runs (HWMX_FV_COVER_HINTS) narrow the inputs the search may choose: full-word writes
  // with only the priority field of the data, no control-page read data, INSPECT_SLOT 0. A
  // target reached with them is reachable without them (they only remove choices).
  logic [24:0] addr;
  logic        write;
  logic [3:0]  wstrb;
  logic [31:0] wdata, ctrl_rdata;
  logic [11:0] inspect_slot;
`ifdef HWMX_FV_COVER_HINTS
  assign wstrb = 4'hF;
  assign ctrl_rdata = '0;
  assign inspect_slot = '0;
`else
  assign wstrb = f_wstrb;
  assign ctrl_rdata = f_ctrl_rdata;
  assign inspect_slot = f_inspect_slot;
`endif

`ifdef HWMX_FV_COVER_SCRIPT
  // The deepest cover (a PRIORITY insert in the middle of a queue, 31 cycles from reset) is out
  // of reach of a free search (ABC bmc3: frame 27 after 450 s, the time doubling per frame), so
  // it is shown with a fixed sequence of accesses: the solver still chooses when each access is
  // taken, the ids the pools hand out and everything else the assumptions leave open, so a trace
  // found is a behaviour the proof's environment allows. Slot 0 PRIORITY, contexts 0..3,
  // priorities ctx1 = 2, ctx3 = 1; ctx0 owns, ctx1 and ctx2 wait, ctx3 goes between them.
  logic [3:0] script_q;
  always_ff @(posedge clk) begin
    if (!rst_n) script_q <= '0;
    else if (accept && script_q != 4'd15) script_q <= script_q + 4'd1;
  end
  always_comb begin
    write = 1'b0;
    wdata = '0;
    unique case (script_q)
      4'd0: addr = 25'h080_0008;                   // ALLOC_SLOT {PRIORITY, exclusive}
      4'd1, 4'd2, 4'd3, 4'd4: addr = 25'h086_0000; // ALLOC_CTX
      4'd5: begin addr = 25'h010_1004; write = 1'b1; wdata = 32'd2; end  // CTX[1].PRIORITY = 2
      4'd6: begin addr = 25'h010_3004; write = 1'b1; wdata = 32'd1; end  // CTX[3].PRIORITY = 1
      4'd7: addr = 25'h100_0000;                   // ACQUIRE slot 0 by ctx 0: owner
      4'd8: addr = 25'h101_0000;                   // ACQUIRE by ctx 1: queued
      4'd9: addr = 25'h102_0000;                   // ACQUIRE by ctx 2: queued behind ctx 1
      4'd10: addr = 25'h103_0000;                  // ACQUIRE by ctx 3: between ctx 1 and 2
      default: addr = 25'h000_0000;                // ID reads
    endcase
  end
`elsif HWMX_FV_COVER_HINTS
  assign addr = f_addr;
  assign write = f_write;
  assign wdata = {27'd0, f_wdata[4:0]};
`else
  assign addr = f_addr;
  assign write = f_write;
  assign wdata = f_wdata;
`endif

  always_ff @(posedge clk) begin
    if (!rst_n) begin
      h_addr <= '0;
      h_write <= 1'b0;
      h_wstrb <= '0;
      h_wdata <= '0;
    end else if (accept) begin
      h_addr <= addr;
      h_write <= write;
      h_wstrb <= wstrb;
      h_wdata <= wdata;
    end
  end

  hwmx_addr_decode #(.NUM_MUTEX(NUM_MUTEX), .NUM_CTX(NUM_CTX)) u_pre_decode (
    .addr_i(addr), .write_i(write), .wstrb_i(wstrb), .req_o(pre));
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

  // Reset in the first cycle (and whenever the solver likes afterwards).
  logic f_first = 1'b1;
  always_ff @(posedge clk) f_first <= 1'b0;
  always @* if (f_first) assume (!rst_n);

endmodule

`default_nettype wire
