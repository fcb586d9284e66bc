// Formal properties of hwmx_id_pool (included at the bottom of the module under `ifdef FORMAL).
// Active in the pool proof only (HWMX_FV_POOL; scripts/formal proof "pool").
//
// Contract (what the engine proof assumes of both pools, against its own copy of the free set):
//   given: never push and pop together, pop only when not empty, push only an id that is not free
//   then:  the id offered (id_o) is free whenever the pool is not empty, and the pool is empty
//          exactly when no id is free; both change only after a push, a pop or a reset.
// The free set f_free is a shadow: all ids after reset, pop removes id_o, push adds push_id_i.
// The stack RAM is used through the RAM read contract (proof "ram"), against a shadow f_stk.
`ifdef HWMX_FV_POOL
  logic             f_past_valid = 1'b0;
  logic [N-1:0]     f_free;
  logic [N*IdW-1:0] f_stk;       // shadow of the stack RAM
  logic [IdW-1:0]   f_ra;        // RAM read address of the previous cycle
  logic             f_ra_ok;     // ... not written in that cycle
  logic [IdW-1:0]   f_top;       // stack[sp_q - 1]
  logic [CntW-1:0]  f_nfree;     // |f_free|
  logic [IdW-1:0]   f_top_idx;   // sp_q - 1 (mod 2^IdW)

  always @(posedge clk_i) begin
    f_past_valid <= 1'b1;
    f_ra <= top_idx[IdW-1:0];
    f_ra_ok <= !(push_i && sp_q[IdW-1:0] == top_idx[IdW-1:0]);
    if (push_i) f_stk[sp_q[IdW-1:0]*IdW+:IdW] <= push_id_i;
    if (!rst_ni) begin
      f_free <= '1;
    end else begin
      if (pop_i) f_free[id_o] <= 1'b0;
      if (push_i) f_free[push_id_i] <= 1'b1;
    end
  end

  // Environment (the engine's obligations, asserted by the engine proof).
  always @* begin
    if (!f_past_valid) assume (!rst_ni);
    assume (!(push_i && pop_i));
    if (pop_i) assume (!empty_o);
    if (push_i) assume (32'(push_id_i) < N && !f_free[push_id_i]);
  end

  // RAM read contract (proved in "ram").
  always @* begin
    if (f_past_valid && f_ra_ok) assume (ram_rdata == f_stk[f_ra*IdW+:IdW]);
  end

  always @* begin
    f_nfree = '0;
    for (int i = 0; i < N; i++) f_nfree = f_nfree + CntW'(f_free[i]);
    f_top_idx = sp_q[IdW-1:0] - 1'b1;
    f_top = f_stk[f_top_idx*IdW+:IdW];
  end

  // Stable outputs: they change only after a push, a pop or a reset.
  logic           f_quiet, f_empty_past;
  logic [IdW-1:0] f_id_past;
  always @(posedge clk_i) begin
    f_quiet <= rst_ni && !push_i && !pop_i;
    f_empty_past <= empty_o;
    f_id_past <= id_o;
  end

  always @* begin
    if (f_past_valid) begin
      // The contract.
      if (f_quiet) assert (empty_o == f_empty_past && (empty_o || id_o == f_id_past));
      if (!empty_o) assert (32'(id_o) < N && f_free[id_o]);  // the id offered is free
      assert (empty_o == (f_free == '0));                      // empty exactly when none is free
      // Inductive invariants: the free set is the stack plus the never-used ids.
      assert (32'(fresh_q) <= N);
      assert (32'(sp_q) <= 32'(fresh_q));
      assert (f_nfree == sp_q + (CntW'(N) - fresh_q));
      for (int i = 0; i < N; i++) begin
        if (i >= fresh_q) assert (f_free[i]);                  // never used: free
        if (i < sp_q) begin
          assert (32'(f_stk[i*IdW+:IdW]) < 32'(fresh_q));      // stacked ids were used once
          assert (f_free[f_stk[i*IdW+:IdW]]);                  // stacked ids are free
          for (int j = 0; j < N; j++) begin
            if (j < i) assert (f_stk[i*IdW+:IdW] != f_stk[j*IdW+:IdW]);  // no id twice
          end
        end
      end
      if (sp_q != '0) begin
        if (byp_q) assert (byp_id_q == f_top);                 // bypass holds the top
        else assert (ram_rdata == f_top);                      // else the RAM read does
      end
    end
  end

  always @* begin
    cover (f_past_valid && rst_ni && empty_o);
    cover (f_past_valid && rst_ni && sp_q == CntW'(2) && fresh_q == CntW'(N));
  end
`endif
