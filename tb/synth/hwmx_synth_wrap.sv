// Pin-reduction wrapper for place-and-route estimates only (scripts/synth). hwmx_top has ~135
// AXI pins plus one interrupt per context, more than an iCE40 package offers (UP5K: 39 IOs).
// Every input is loaded from a shift register fed by one pin and every output is folded into
// one registered parity pin, so no logic of the engine can be optimized away and every path
// from and to the AXI pins stays register-to-register, as inside a real SoC.
`default_nettype none
module hwmx_synth_wrap #(
  parameter int NUM_MUTEX = 256,
  parameter int NUM_CTX   = 64
) (
  input  wire clk,
  input  wire rst_n,
  input  wire shift_in,
  output reg  parity_out
);
  localparam int InW = 25 + 1 + 32 + 4 + 1 + 1 + 25 + 1 + 1;
  reg [InW-1:0] in_q;
  always @(posedge clk) in_q <= {in_q[InW-2:0], shift_in};

  wire        awready, wready, bvalid, arready, rvalid, irq;
  wire [1:0]  bresp, rresp;
  wire [31:0] rdata;
  wire [NUM_CTX-1:0] irq_ctx;

  hwmx_top #(.NUM_MUTEX(NUM_MUTEX), .NUM_CTX(NUM_CTX)) u_top (
    .clk(clk), .rst_n(rst_n),
    .S_AXI_AWADDR(in_q[24:0]), .S_AXI_AWVALID(in_q[25]), .S_AXI_AWREADY(awready),
    .S_AXI_WDATA(in_q[57:26]), .S_AXI_WSTRB(in_q[61:58]), .S_AXI_WVALID(in_q[62]), .S_AXI_WREADY(wready),
    .S_AXI_BRESP(bresp), .S_AXI_BVALID(bvalid), .S_AXI_BREADY(in_q[63]),
    .S_AXI_ARADDR(in_q[88:64]), .S_AXI_ARVALID(in_q[89]), .S_AXI_ARREADY(arready),
    .S_AXI_RDATA(rdata), .S_AXI_RRESP(rresp), .S_AXI_RVALID(rvalid), .S_AXI_RREADY(in_q[90]),
    .irq(irq), .irq_ctx(irq_ctx));

  always @(posedge clk)
    parity_out <= ^{awready, wready, bvalid, arready, rvalid, irq, bresp, rresp, rdata, irq_ctx};
endmodule
