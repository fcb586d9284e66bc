// Formal properties of hwmx_engine (included at the bottom of the module under `ifdef FORMAL).
// Active in the engine proofs (HWMX_FV_ENGINE: scripts/formal proofs "engine", "engine_cover" and
// the bounded top-level check "top"). The properties themselves are in hwmx_engine_fv_check.sv
// (see its header for the list and for why it is a module); this block connects it to the
// engine's state, flags, table ports, free-id pools, front end and decisions.
`ifdef HWMX_FV_ENGINE
  hwmx_engine_fv_check #(.NUM_MUTEX(NUM_MUTEX), .NUM_CTX(NUM_CTX)) u_fv_check (
    .clk_i, .rst_ni,
    .st_legal   (state_q <= S_AB_DONE),
    .st_init    (state_q == S_INIT),
    .st_idle    (state_q == S_IDLE),
    .st_exec    (state_q == S_EXEC),
    .st_walk    (state_q == S_WALK),
    .st_link2   (state_q == S_LINK2),
    .st_handoff (state_q == S_HANDOFF),
    .st_cancel  (state_q == S_CANCEL),
    .st_ab_start(state_q == S_AB_START),
    .st_ab_scan (state_q == S_AB_SCAN),
    .st_ab_done (state_q == S_AB_DONE),
    .init_idx   (32'(init_q)),
    .row_q, .slot_q, .ctx_q, .hid_q, .cur_q, .suc_q, .nxt_q, .prv_q, .pri_q, .abd_q, .abn_q,
    .abo_q, .alloc_q, .wait_q, .gp_q, .ist_q,
    .sr_we, .sr_waddr, .sr_wdata, .sr_raddr, .sr_rdata,
    .pr_we, .pr_waddr, .pr_wdata, .pr_raddr, .pr_rdata,
    .nx_we, .nx_waddr, .nx_wdata, .nx_raddr, .nx_rdata,
    .pv_we, .pv_waddr, .pv_wdata, .pv_raddr, .pv_rdata,
    .ws_we, .ws_waddr, .ws_wdata, .ws_raddr, .ws_rdata,
    .oc_we, .oc_waddr, .oc_wdata, .oc_raddr, .oc_rdata,
    .sp_empty, .sp_id, .sp_pop, .sp_push, .sp_push_id,
    .cp_empty, .cp_id, .cp_pop, .cp_push, .cp_push_id,
    .accept_i, .pre_i, .req_i, .wdata_i, .ready_o, .rsp_valid_o,
    .outcome, .do_ho, .h, .do_enq
  );

  // The flag group registered at the accept is the group of the request's context: the flags do
  // not change in S_IDLE, so in S_EXEC it is still the flags' current value (needed by the
  // induction: g_* are state of their own).
  logic fv_eng_past_valid = 1'b0;
  always @(posedge clk_i) fv_eng_past_valid <= 1'b1;
  int fv_grp_lsb;  // the request's context's group in the flag vectors
  assign fv_grp_lsb = (32'(req_i.ctx[CW-1:0]) >> GW) * FG;
  always @* begin
    if (fv_eng_past_valid && state_q == S_EXEC) begin
      assert (g_alloc == alloc_x[fv_grp_lsb+:FG]);
      assert (g_wait == wait_x[fv_grp_lsb+:FG]);
      assert (g_gp == gp_x[fv_grp_lsb+:FG]);
      assert (g_ist == ist_x[fv_grp_lsb+:FG]);
      assert (g_ien == ien_x[fv_grp_lsb+:FG]);
    end
  end
`endif
