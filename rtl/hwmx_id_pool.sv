// Free-id pool: a LIFO stack of freed ids (in RAM) in front of the never-used ids 0, 1, 2, ...
// (a counter). The next id handed out is the most recently freed one, else the lowest never
// used one: exactly the allocation order of docs/engine.md.
//
// The stack RAM is read at the top index of the *next* cycle, so id_o is valid in every cycle;
// after a push the RAM read collides with the write, so the pushed id is bypassed.
`default_nettype none

module hwmx_id_pool #(
  parameter int N = 4,
  localparam int IdW = (N > 1) ? $clog2(N) : 1,
  localparam int CntW = $clog2(N + 1)
) (
  input  wire logic           clk_i,
  input  wire logic           rst_ni,
  output logic                empty_o,
  output logic      [IdW-1:0] id_o,       // the id the next pop returns (when !empty_o)
  input  wire logic           pop_i,
  input  wire logic           push_i,
  input  wire logic [IdW-1:0] push_id_i
);

  logic [CntW-1:0] sp_q, sp_d;      // stack depth
  logic [CntW-1:0] fresh_q, fresh_d;  // never-used ids handed out so far
  logic            byp_q;           // top of stack is the id pushed last (RAM read not yet valid)
  logic [IdW-1:0]  byp_id_q;
  logic [IdW-1:0]  top;
  logic [IdW-1:0]  ram_rdata;
  logic [CntW-1:0] top_idx;

  always_comb begin
    sp_d = sp_q;
    fresh_d = fresh_q;
    if (push_i) begin
      sp_d = sp_q + 1'b1;
    end else if (pop_i) begin
      if (sp_q != '0) sp_d = sp_q - 1'b1;
      else fresh_d = fresh_q + 1'b1;
    end
  end

  // Keep reading the top of the stack as it will be after this cycle (sp_d - 1). The index is
  // selected among precomputed ones rather than computed from sp_d: push and pop are decided late
  // in the engine's cycle and then only select. (A pop from an empty stack takes a never-used id;
  // the index read then is not used.)
  always_comb begin
    if (push_i) top_idx = sp_q;
    else if (pop_i) top_idx = sp_q - CntW'(2);
    else top_idx = sp_q - 1'b1;
  end

  hwmx_sdp_ram #(
    .Depth(N),
    .Width(IdW)
  ) u_stack (
    .clk_i  (clk_i),
    .raddr_i(top_idx[IdW-1:0]),
    .rdata_o(ram_rdata),
    .we_i   (push_i),
    .waddr_i(sp_q[IdW-1:0]),
    .wdata_i(push_id_i)
  );

  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      sp_q <= '0;
      fresh_q <= '0;
      byp_q <= 1'b0;
      byp_id_q <= '0;
    end else begin
      sp_q <= sp_d;
      fresh_q <= fresh_d;
      if (push_i) begin
        byp_q <= 1'b1;
        byp_id_q <= push_id_i;
      end else if (pop_i) begin
        byp_q <= 1'b0;
      end
    end
  end

  assign top = byp_q ? byp_id_q : ram_rdata;
`ifdef HWMX_FV_ABSTRACT_POOL
  // The engine proof: the outputs are free here, and the engine proof assumes the pool contract
  // against its own free set; proof "pool" proves the contract on the logic below.
  assign empty_o = $anyseq;
  assign id_o = $anyseq;
`else
  assign empty_o = (sp_q == '0) && (fresh_q == CntW'(N));
  assign id_o = (sp_q != '0) ? top : fresh_q[IdW-1:0];
`endif

  logic unused_bits;
  assign unused_bits = ^top_idx;

`ifdef FORMAL
`include "formal/hwmx_id_pool_props.svh"
`endif

endmodule

`default_nettype wire
