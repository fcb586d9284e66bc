// Per-context flag vectors (flops): allocated, waiting, grant_pending, intr_state, intr_enable.
// The engine changes them for at most two contexts per cycle: the request's context c and the
// new owner h of a handoff. Both indices are decoded once (one-hot) and every flag bit is a small
// set/clear function of them, instead of a dynamic bit write per command. The engine reads the
// vectors.
`default_nettype none

module hwmx_ctx_flags #(
  parameter int NUM_CTX = 64,
  localparam int CW = $clog2(NUM_CTX)
) (
  input  wire logic               clk_i,
  input  wire logic               rst_ni,
  input  wire logic [CW-1:0]      c_i,           // the request's context
  input  wire logic [CW-1:0]      h_i,           // the new owner of a handoff
  // Commands on c
  input  wire logic               alloc_set_i,
  input  wire logic               alloc_clr_i,
  input  wire logic               wait_set_i,
  input  wire logic               wait_clr_i,
  input  wire logic               gp_clr_i,
  input  wire logic               ist_set_i,
  input  wire logic               ist_clr_i,
  input  wire logic               ien_wr_i,
  input  wire logic               ien_i,
  // Handoff to h: waiting = 0, grant_pending = 1, intr_state = 1
  input  wire logic               grant_h_i,
  output logic      [NUM_CTX-1:0] alloc_o,
  output logic      [NUM_CTX-1:0] wait_o,
  output logic      [NUM_CTX-1:0] gp_o,
  output logic      [NUM_CTX-1:0] ist_o,
  output logic      [NUM_CTX-1:0] ien_o
);

  logic [NUM_CTX-1:0] sel_c, sel_h;
  logic [NUM_CTX-1:0] alloc_q, wait_q, gp_q, ist_q, ien_q;

  always_comb begin
    for (int i = 0; i < NUM_CTX; i++) begin
      sel_c[i] = (32'(c_i) == i);
      sel_h[i] = (32'(h_i) == i);
    end
  end

  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      alloc_q <= '0;
      wait_q <= '0;
      gp_q <= '0;
      ist_q <= '0;
      ien_q <= '0;
    end else begin
      for (int i = 0; i < NUM_CTX; i++) begin
        if (sel_c[i]) begin
          if (alloc_set_i) alloc_q[i] <= 1'b1;
          if (alloc_clr_i) alloc_q[i] <= 1'b0;
          if (wait_set_i) wait_q[i] <= 1'b1;
          if (wait_clr_i) wait_q[i] <= 1'b0;
          if (gp_clr_i) gp_q[i] <= 1'b0;
          if (ist_set_i) ist_q[i] <= 1'b1;
          if (ist_clr_i) ist_q[i] <= 1'b0;
          if (ien_wr_i) ien_q[i] <= ien_i;
        end
        // h is never c (the releasing owner does not wait on its own slot).
        if (grant_h_i && sel_h[i]) begin
          wait_q[i] <= 1'b0;
          gp_q[i] <= 1'b1;
          ist_q[i] <= 1'b1;
        end
      end
    end
  end

  assign alloc_o = alloc_q;
  assign wait_o = wait_q;
  assign gp_o = gp_q;
  assign ist_o = ist_q;
  assign ien_o = ien_q;

endmodule

`default_nettype wire
