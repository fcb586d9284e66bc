// AXI4-Lite slave front end: one transaction at a time. A read presented together with a write
// is taken first. The accepted address (and write data) are held in registers for the whole
// transaction; the response is registered and held until its handshake, and the next address is
// accepted only after that handshake and when the engine is idle.
`default_nettype none

module hwmx_axil_slave (
  input  wire logic        clk_i,
  input  wire logic        rst_ni,
  // AXI4-Lite
  input  wire logic [24:0] awaddr_i,
  input  wire logic        awvalid_i,
  output logic             awready_o,
  input  wire logic [31:0] wdata_i,
  input  wire logic [3:0]  wstrb_i,
  input  wire logic        wvalid_i,
  output logic             wready_o,
  output logic      [1:0]  bresp_o,
  output logic             bvalid_o,
  input  wire logic        bready_i,
  input  wire logic [24:0] araddr_i,
  input  wire logic        arvalid_i,
  output logic             arready_o,
  output logic      [31:0] rdata_o,
  output logic      [1:0]  rresp_o,
  output logic             rvalid_o,
  input  wire logic        rready_i,
  // Engine side
  input  wire logic        engine_ready_i,  // engine idle: a transaction may start
  output logic             accept_o,        // a transaction is accepted at this clock edge
  output logic             req_write_o,     // held request (valid from the next cycle)
  output logic      [24:0] req_addr_o,
  output logic      [31:0] req_wdata_o,
  output logic      [3:0]  req_wstrb_o,
  input  wire logic        rsp_valid_i,     // the engine answers in this cycle
  input  wire logic [31:0] rsp_data_i,
  input  wire logic        rsp_slverr_i
);

  localparam logic [1:0] RESP_OKAY = 2'b00;
  localparam logic [1:0] RESP_SLVERR = 2'b10;

  typedef enum logic [1:0] {
    FE_IDLE,  // waiting for an address
    FE_BUSY,  // the engine works on the transaction
    FE_RESP   // response presented, waiting for its handshake
  } fe_state_e;

  fe_state_e state_q;
  logic      can_accept;
  logic      ar_hs;
  logic      w_hs;
  logic      rsp_done;
  logic      busy_rd, busy_wr;  // the engine works on a read / a write

  assign can_accept = (state_q == FE_IDLE) && engine_ready_i;
  assign arready_o = can_accept;
  // AW and W are taken together (AXI lets the slave wait for both valids), never with AR.
  assign awready_o = can_accept && !arvalid_i && awvalid_i && wvalid_i;
  assign wready_o = awready_o;
  assign ar_hs = arvalid_i && arready_o;
  assign w_hs = awvalid_i && awready_o;
  assign accept_o = ar_hs || w_hs;
  assign rsp_done = (rvalid_o && rready_i) || (bvalid_o && bready_i);
  assign busy_rd = (state_q == FE_BUSY) && !req_write_o;
  assign busy_wr = (state_q == FE_BUSY) && req_write_o;

  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      state_q <= FE_IDLE;
      req_write_o <= 1'b0;
      req_addr_o <= '0;
      req_wdata_o <= '0;
      req_wstrb_o <= '0;
      rvalid_o <= 1'b0;
      rdata_o <= '0;
      rresp_o <= RESP_OKAY;
      bvalid_o <= 1'b0;
      bresp_o <= RESP_OKAY;
    end else begin
      unique case (state_q)
        FE_IDLE: begin
          if (accept_o) begin
            state_q <= FE_BUSY;
            req_write_o <= !ar_hs;
            req_addr_o <= ar_hs ? araddr_i : awaddr_i;
            req_wdata_o <= ar_hs ? '0 : wdata_i;
            req_wstrb_o <= ar_hs ? '0 : wstrb_i;
          end
        end
        FE_BUSY: begin
          // The response fields are taken in every busy cycle: they are seen only with
          // RVALID/BVALID, the last ones taken are those of the answer, and their enables do not
          // wait for the engine's decision to answer (only the valid bits and the state do).
          rdata_o <= rsp_slverr_i ? '0 : rsp_data_i;
          rresp_o <= rsp_slverr_i ? RESP_SLVERR : RESP_OKAY;
          bresp_o <= rsp_slverr_i ? RESP_SLVERR : RESP_OKAY;
          if (rsp_valid_i) state_q <= FE_RESP;
        end
        FE_RESP: begin
          if (rsp_done) state_q <= FE_IDLE;
        end
        default: state_q <= FE_IDLE;
      endcase
      // RVALID/BVALID: set with the engine's answer, held until their handshake. Written as
      // functions of their own (not under the state case) so that the answer, late in the
      // engine's cycle, is one LUT away from them.
      rvalid_o <= (rvalid_o && !rready_i) || (busy_rd && rsp_valid_i);
      bvalid_o <= (bvalid_o && !bready_i) || (busy_wr && rsp_valid_i);
    end
  end

`ifdef FORMAL
`include "formal/hwmx_axil_slave_props.svh"
`endif

endmodule

`default_nettype wire
