// Simple dual-port RAM: one synchronous read port, one write port, one clock. Written so that the
// simulator models it as an array and yosys infers block RAM (SB_RAM40_4K, RAMB18/36) or, for
// tiny tables on Xilinx, distributed RAM. No reset: the engine clears the tables it needs after
// reset. A read of the address being written in the same cycle returns the old data; the engine
// never relies on that case.
`default_nettype none

module hwmx_sdp_ram #(
  parameter int Depth = 256,
  parameter int Width = 8,
  localparam int AW = (Depth > 1) ? $clog2(Depth) : 1
) (
  input  wire logic             clk_i,
  input  wire logic [AW-1:0]    raddr_i,
  output logic      [Width-1:0] rdata_o,
  input  wire logic             we_i,
  input  wire logic [AW-1:0]    waddr_i,
  input  wire logic [Width-1:0] wdata_i
);

  logic [Width-1:0] mem [0:Depth-1];

  always_ff @(posedge clk_i) begin
    if (we_i) mem[waddr_i] <= wdata_i;
    rdata_o <= mem[raddr_i];
  end

endmodule

`default_nettype wire
