// Control-page plain registers: identity and configuration, statistics counters, bus-error
// capture, CTRL_LAST_ERROR, INSPECT_SLOT and the interrupt summary. The engine sends events;
// this block only counts, latches and answers reads of its registers.
`default_nettype none

module hwmx_regs #(
  parameter int NUM_MUTEX = 256,
  parameter int NUM_CTX = 64
) (
  input  wire logic               clk_i,
  input  wire logic               rst_ni,
  input  hwmx_pkg::dec_req_t      req_i,         // the held request (for reads and writes)
  input  wire logic [24:0]        addr_i,        // its address (for BUS_ERROR_ADDR)
  input  wire logic               write_i,
  input  wire logic [31:0]        wdata_i,
  input  wire logic               wr_en_i,       // perform the REQ_WR_CTRL write now
  input  wire logic               bus_err_i,     // the request is answered SLVERR now
  input  wire logic               ev_acquire_i,  // statistics events, at most one each per cycle
  input  wire logic               ev_contended_i,
  input  wire logic               ev_handoff_i,
  input  wire logic               ev_error_i,
  input  wire logic               qdepth_valid_i,
  input  wire logic [8:0]         qdepth_i,
  input  wire logic               lerr_set_i,    // a control operation failed
  input  hwmx_pkg::lerr_t         lerr_i,
  input  wire logic [NUM_CTX-1:0] irq_ctx_i,
  output logic      [31:0]        rdata_o,       // register req_i.creg
  output hwmx_pkg::slot_id_t      inspect_slot_o
);

  logic [63:0]        acquires_q, contended_q, handoffs_q, errors_q;
  logic [15:0]        max_qdepth_q;
  logic [31:0]        bus_errors_q;
  logic [31:0]        bus_error_addr_q;
  hwmx_pkg::lerr_t    lerr_q;
  hwmx_pkg::slot_id_t inspect_slot_q;
  logic [hwmx_pkg::MAX_CTX-1:0] irq_all;

  // The events arrive late in the engine's cycle (they follow its decisions on the table data):
  // they are registered here first, so that no counter's carry chain or the MAX_QDEPTH compare
  // follows the decision logic in the same cycle. The counters therefore change one cycle after
  // the event, which no read can observe: the next transaction reads them at the earliest two
  // cycles after the answer.
  logic            ev_acquire_q, ev_contended_q, ev_handoff_q, ev_error_q;
  logic            qdepth_valid_q;
  logic [8:0]      qdepth_q;
  logic            lerr_set_q;
  hwmx_pkg::lerr_t lerr_in_q;

  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      {ev_acquire_q, ev_contended_q, ev_handoff_q, ev_error_q} <= '0;
      qdepth_valid_q <= 1'b0;
      lerr_set_q <= 1'b0;
    end else begin
      {ev_acquire_q, ev_contended_q, ev_handoff_q, ev_error_q} <=
          {ev_acquire_i, ev_contended_i, ev_handoff_i, ev_error_i};
      qdepth_valid_q <= qdepth_valid_i;
      lerr_set_q <= lerr_set_i;
    end
  end

  // Data of the events: no reset needed, used only with their valid bits.
  always_ff @(posedge clk_i) begin
    qdepth_q <= qdepth_i;
    lerr_in_q <= lerr_i;
  end

  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      acquires_q <= '0;
      contended_q <= '0;
      handoffs_q <= '0;
      errors_q <= '0;
      max_qdepth_q <= '0;
      bus_errors_q <= '0;
      bus_error_addr_q <= '0;
      lerr_q <= '0;
      inspect_slot_q <= '0;
    end else begin
      if (ev_acquire_q) acquires_q <= acquires_q + 64'd1;
      if (ev_contended_q) contended_q <= contended_q + 64'd1;
      if (ev_handoff_q) handoffs_q <= handoffs_q + 64'd1;
      if (ev_error_q) errors_q <= errors_q + 64'd1;
      if (qdepth_valid_q && 16'(qdepth_q) > max_qdepth_q) max_qdepth_q <= 16'(qdepth_q);
      if (bus_err_i) begin
        bus_errors_q <= bus_errors_q + 32'd1;
        bus_error_addr_q <= '0;
        bus_error_addr_q[hwmx_reg_pkg::BUS_ERROR_ADDR_ADDR_LSB+:25] <= addr_i;
        bus_error_addr_q[hwmx_reg_pkg::BUS_ERROR_ADDR_WRITE_LSB] <= write_i;
      end
      if (lerr_set_q) lerr_q <= lerr_in_q;
      if (wr_en_i) begin
        unique case (req_i.creg)
          hwmx_pkg::CR_CTRL_LAST_ERROR: lerr_q <= '0;  // any write clears
          hwmx_pkg::CR_INSPECT_SLOT:
              inspect_slot_q <= wdata_i[hwmx_reg_pkg::INSPECT_SLOT_SLOT_LSB+:12];
          default: ;
        endcase
      end
    end
  end

  assign inspect_slot_o = inspect_slot_q;
  // Contexts beyond NUM_CTX read 0 in INTR_SUMMARY.
  always_comb begin
    irq_all = '0;
    irq_all[NUM_CTX-1:0] = irq_ctx_i;
  end

  always_comb begin
    rdata_o = '0;
    unique case (req_i.creg)
      hwmx_pkg::CR_ID: rdata_o = hwmx_pkg::ID_VALUE;
      hwmx_pkg::CR_VERSION: begin
        rdata_o[hwmx_reg_pkg::VERSION_MAJOR_LSB+:16] = hwmx_pkg::VERSION_MAJOR;
        rdata_o[hwmx_reg_pkg::VERSION_MINOR_LSB+:16] = hwmx_pkg::VERSION_MINOR;
      end
      hwmx_pkg::CR_CONFIG: begin
        rdata_o[hwmx_reg_pkg::CONFIG_NUM_MUTEX_LSB+:16] = 16'(NUM_MUTEX);
        rdata_o[hwmx_reg_pkg::CONFIG_NUM_CTX_LSB+:16] = 16'(NUM_CTX);
      end
      hwmx_pkg::CR_FEATURES: begin
        rdata_o[hwmx_reg_pkg::FEATURES_PRIORITY_POLICY_LSB] = 1'b1;
        rdata_o[hwmx_reg_pkg::FEATURES_BOOST_LSB] = 1'b1;
        rdata_o[hwmx_reg_pkg::FEATURES_COUNT_WIDTH_LSB+:8] = hwmx_pkg::COUNT_WIDTH;
        rdata_o[hwmx_reg_pkg::FEATURES_BOOST_PRIORITY_LSB+:5] = hwmx_pkg::BOOST_PRIO;
      end
      hwmx_pkg::CR_CTRL_LAST_ERROR:
          rdata_o = hwmx_pkg::pack_lerr(lerr_q.code, lerr_q.op, lerr_q.arg);
      hwmx_pkg::CR_BUS_ERRORS: rdata_o = bus_errors_q;
      hwmx_pkg::CR_BUS_ERROR_ADDR: rdata_o = bus_error_addr_q;
      hwmx_pkg::CR_ACQUIRES_LO: rdata_o = acquires_q[31:0];
      hwmx_pkg::CR_ACQUIRES_HI: rdata_o = acquires_q[63:32];
      hwmx_pkg::CR_CONTENDED_LO: rdata_o = contended_q[31:0];
      hwmx_pkg::CR_CONTENDED_HI: rdata_o = contended_q[63:32];
      hwmx_pkg::CR_HANDOFFS_LO: rdata_o = handoffs_q[31:0];
      hwmx_pkg::CR_HANDOFFS_HI: rdata_o = handoffs_q[63:32];
      hwmx_pkg::CR_ERRORS_LO: rdata_o = errors_q[31:0];
      hwmx_pkg::CR_ERRORS_HI: rdata_o = errors_q[63:32];
      hwmx_pkg::CR_MAX_QDEPTH: rdata_o[hwmx_reg_pkg::MAX_QDEPTH_DEPTH_LSB+:16] = max_qdepth_q;
      hwmx_pkg::CR_INSPECT_SLOT:
          rdata_o[hwmx_reg_pkg::INSPECT_SLOT_SLOT_LSB+:12] = inspect_slot_q;
      hwmx_pkg::CR_INTR_SUMMARY: rdata_o = irq_all[{req_i.sum_idx, 5'd0}+:32];
      default: ;  // INSPECT_STATE/COUNT/QUEUE are answered by the engine
    endcase
  end

  logic unused_req;
  assign unused_req = ^{wdata_i, req_i.kind, req_i.kind_oh, req_i.xreg, req_i.ctx, req_i.ctx_ok,
                        req_i.slot, req_i.slot_ok, req_i.arg, req_i.mode};

endmodule

`default_nettype wire
