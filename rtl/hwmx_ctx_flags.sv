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
  logic [NUM_CTX-1:0] alloc_d, wait_d, gp_d, ist_d, ien_d;

  // One-hot decodes as shifts (an index >= NUM_CTX selects nothing, as a compare would). The
  // updates are whole-vector masks rather than per-bit writes: the same flops and next-state
  // functions, but a simulator evaluates a few word operations instead of NUM_CTX bit updates.
  assign sel_c = NUM_CTX'(1) << c_i;
  assign sel_h = NUM_CTX'(1) << h_i;

  // Later commands win, as in a sequence of non-blocking writes: clr after set, then the
  // handoff to h (h is never c: the releasing owner does not wait on its own slot).
  always_comb begin
    alloc_d = alloc_q;
    wait_d = wait_q;
    gp_d = gp_q;
    ist_d = ist_q;
    ien_d = ien_q;
    if (alloc_set_i) alloc_d = alloc_d | sel_c;
    if (alloc_clr_i) alloc_d = alloc_d & ~sel_c;
    if (wait_set_i) wait_d = wait_d | sel_c;
    if (wait_clr_i) wait_d = wait_d & ~sel_c;
    if (gp_clr_i) gp_d = gp_d & ~sel_c;
    if (ist_set_i) ist_d = ist_d | sel_c;
    if (ist_clr_i) ist_d = ist_d & ~sel_c;
    if (ien_wr_i) ien_d = (ien_d & ~sel_c) | (ien_i ? sel_c : '0);
    if (grant_h_i) begin
      wait_d = wait_d & ~sel_h;
      gp_d = gp_d | sel_h;
      ist_d = ist_d | sel_h;
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
      alloc_q <= alloc_d;
      wait_q <= wait_d;
      gp_q <= gp_d;
      ist_q <= ist_d;
      ien_q <= ien_d;
    end
  end

  assign alloc_o = alloc_q;
  assign wait_o = wait_q;
  assign gp_o = gp_q;
  assign ist_o = ist_q;
  assign ien_o = ien_q;

endmodule

`default_nettype wire
