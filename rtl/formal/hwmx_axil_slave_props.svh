// Formal properties of hwmx_axil_slave (included at the bottom of the module under `ifdef FORMAL).
// Active in the AXI proof (HWMX_FV_AXIL; scripts/formal proof "axil": the slave on its own) and in
// the top-level bounded check (proof "top": hwmx_top 4x4 behind the same AXI master).
//
// Environment: an AXI4-Lite master (assumed): no VALID in or right after reset, VALID held with
// stable address/data until its READY. Engine side: in the proof "axil" (HWMX_FV_AXIL_ALONE) the
// engine is free except that it answers only a transaction it was given (rsp_valid_i only while
// f_eng_pending, set by accept_o and cleared by rsp_valid_i). That is the engine's guarantee,
// proved by the engine proof on exactly the same definition (hwmx_engine_props.svh f_pending).
// In the proof "top" the engine is real and this is asserted instead.
//
// Slave properties (asserted): responses only for accepted requests (no response without a
// request), at most one transaction outstanding, RVALID/BVALID held with stable RDATA/RRESP/BRESP
// until READY, no response in or right after reset, only OKAY/SLVERR, AW and W taken together and
// never with AR, a read presented with a write is taken first, the response carries the engine's
// answer; towards the engine: accept only when the engine is ready and nothing is outstanding, the
// held request is the accepted address and changes only at an accept.
`ifdef HWMX_FV_AXIL
`ifdef HWMX_FV_AXIL_ALONE
`define HWMX_FV_AXIL_ENG assume
`else
`define HWMX_FV_AXIL_ENG assert
`endif
  logic        f_past_valid = 1'b0;
  logic        f_rst_past;        // rst_ni of the previous cycle
  logic [1:0]  f_rd_out;          // AR handshakes not yet answered on R
  logic [1:0]  f_aw_out;          // AW handshakes not yet answered on B
  logic [1:0]  f_w_out;           // W handshakes not yet answered on B
  logic        f_eng_pending;     // accepted, the engine has not answered yet
  logic        f_p_arvalid, f_p_arready, f_p_awvalid, f_p_awready, f_p_wvalid, f_p_wready;
  logic [24:0] f_p_araddr, f_p_awaddr;
  logic [31:0] f_p_wdata, f_p_rdata;
  logic [3:0]  f_p_wstrb;
  logic        f_p_rvalid, f_p_rready, f_p_bvalid, f_p_bready;
  logic [1:0]  f_p_rresp, f_p_bresp;
  logic        f_p_accept, f_p_ar_hs;
  logic        f_p_req_write;
  logic [24:0] f_p_req_addr;
  logic [31:0] f_p_req_wdata;
  logic [3:0]  f_p_req_wstrb;
  logic        f_p_answer;        // the engine answered in the previous cycle
  logic        f_p_slverr;
  logic [31:0] f_p_rsp_data;

  always @(posedge clk_i) begin
    f_past_valid <= 1'b1;
    f_rst_past <= rst_ni;
    {f_p_arvalid, f_p_arready, f_p_awvalid, f_p_awready, f_p_wvalid, f_p_wready} <=
        {arvalid_i, arready_o, awvalid_i, awready_o, wvalid_i, wready_o};
    {f_p_araddr, f_p_awaddr, f_p_wdata, f_p_wstrb} <= {araddr_i, awaddr_i, wdata_i, wstrb_i};
    {f_p_rvalid, f_p_rready, f_p_bvalid, f_p_bready} <= {rvalid_o, rready_i, bvalid_o, bready_i};
    {f_p_rdata, f_p_rresp, f_p_bresp} <= {rdata_o, rresp_o, bresp_o};
    {f_p_accept, f_p_ar_hs} <= {accept_o, ar_hs};
    {f_p_req_write, f_p_req_addr, f_p_req_wdata, f_p_req_wstrb} <=
        {req_write_o, req_addr_o, req_wdata_o, req_wstrb_o};
    f_p_answer <= rsp_valid_i && state_q == FE_BUSY;
    f_p_slverr <= rsp_slverr_i;
    f_p_rsp_data <= rsp_data_i;
    if (!rst_ni) begin
      f_rd_out <= '0;
      f_aw_out <= '0;
      f_w_out <= '0;
      f_eng_pending <= 1'b0;
    end else begin
      f_rd_out <= f_rd_out + 2'(arvalid_i && arready_o) - 2'(rvalid_o && rready_i);
      f_aw_out <= f_aw_out + 2'(awvalid_i && awready_o) - 2'(bvalid_o && bready_i);
      f_w_out <= f_w_out + 2'(wvalid_i && wready_o) - 2'(bvalid_o && bready_i);
      if (accept_o) f_eng_pending <= 1'b1;
      else if (rsp_valid_i) f_eng_pending <= 1'b0;
    end
  end

  // ---- AXI4-Lite master (environment) ----
  always @* begin
    if (!f_past_valid) assume (!rst_ni);
    if (!f_past_valid || !f_rst_past || !rst_ni) begin  // no VALID in or right after reset
      assume (!arvalid_i);
      assume (!awvalid_i);
      assume (!wvalid_i);
    end else begin
      if (f_p_arvalid && !f_p_arready) assume (arvalid_i && araddr_i == f_p_araddr);
      if (f_p_awvalid && !f_p_awready) assume (awvalid_i && awaddr_i == f_p_awaddr);
      if (f_p_wvalid && !f_p_wready) assume (wvalid_i && wdata_i == f_p_wdata && wstrb_i == f_p_wstrb);
    end
  end

  // ---- engine side ----
  always @* begin
    if (f_past_valid && rsp_valid_i) `HWMX_FV_AXIL_ENG (f_eng_pending);  // engine answers only what it was given
  end

  // ---- slave properties ----
  always @* begin
    if (f_past_valid) begin
      if (!f_rst_past) begin
        assert (!rvalid_o);  // no response right after reset
        assert (!bvalid_o);
      end else begin
        // A response is held, unchanged, until its handshake.
        if (f_p_rvalid && !f_p_rready) assert (rvalid_o && rdata_o == f_p_rdata && rresp_o == f_p_rresp);
        if (f_p_bvalid && !f_p_bready) assert (bvalid_o && bresp_o == f_p_bresp);
        // The response carries the engine's answer (SLVERR reads return 0).
        if (f_p_answer && !f_p_req_write) begin
          assert (rvalid_o && rresp_o == (f_p_slverr ? 2'b10 : 2'b00));
          assert (rdata_o == (f_p_slverr ? 32'd0 : f_p_rsp_data));
        end
        if (f_p_answer && f_p_req_write) assert (bvalid_o && bresp_o == (f_p_slverr ? 2'b10 : 2'b00));
        // The held request is the accepted address and changes only at an accept.
        if (f_p_accept) begin
          assert (req_write_o == !f_p_ar_hs);
          assert (req_addr_o == (f_p_ar_hs ? f_p_araddr : f_p_awaddr));
          if (!f_p_ar_hs) assert (req_wdata_o == f_p_wdata && req_wstrb_o == f_p_wstrb);
        end else begin
          assert (req_write_o == f_p_req_write && req_addr_o == f_p_req_addr);
          assert (req_wdata_o == f_p_req_wdata && req_wstrb_o == f_p_req_wstrb);
        end
      end
      // No response without a request; at most one transaction outstanding.
      if (rvalid_o) assert (f_rd_out != 2'd0);
      if (bvalid_o) assert (f_aw_out != 2'd0 && f_w_out != 2'd0);
      assert (f_rd_out + f_aw_out <= 2'd1);
      assert (f_aw_out == f_w_out);
      assert (!(rvalid_o && bvalid_o));
      // Only OKAY or SLVERR.
      if (rvalid_o) assert (rresp_o == 2'b00 || rresp_o == 2'b10);
      if (bvalid_o) assert (bresp_o == 2'b00 || bresp_o == 2'b10);
      // Accept rules.
      assert (awready_o == wready_o);
      if (arvalid_i && arready_o) assert (!awready_o);  // a read presented with a write goes first
      if (accept_o) assert (engine_ready_i && f_rd_out == 2'd0 && f_aw_out == 2'd0 && !f_eng_pending);
      // Inductive invariants: the outstanding transaction is the front end's state.
      assert (state_q != 2'd3);
      assert (f_rd_out == 2'((state_q != FE_IDLE) && !req_write_o));
      assert (f_aw_out == 2'((state_q != FE_IDLE) && req_write_o));
      assert (f_eng_pending == (state_q == FE_BUSY));
      assert ((rvalid_o || bvalid_o) == (state_q == FE_RESP));
      if (rvalid_o) assert (!req_write_o);
      if (bvalid_o) assert (req_write_o);
    end
  end

  // ---- reachability ----
  always @* begin
    if (f_past_valid && f_rst_past) begin
      cover (rvalid_o && rready_i);                                 // a read completes
      cover (bvalid_o && bready_i && bresp_o == 2'b10);             // a rejected write completes
      cover (f_p_rvalid && f_p_rready && accept_o);                 // back-to-back transactions
      cover (arvalid_i && awvalid_i && wvalid_i && arready_o);      // read and write race
    end
  end
`undef HWMX_FV_AXIL_ENG
`endif
