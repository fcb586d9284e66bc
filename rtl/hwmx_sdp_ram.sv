// Simple dual-port RAM: one synchronous read port, one write port, one clock. Written so that the
// simulator models it as an array and yosys infers block RAM (SB_RAM40_4K, RAMB18/36) or, for
// tiny tables on Xilinx, distributed RAM. No reset: the engine clears the tables it needs after
// reset. The engine never uses the read data of an address written in the same cycle, so the
// collision is left undefined (no_rw_check): yosys then needs no bypass logic around the BRAM.
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

`ifdef HWMX_FV_ABSTRACT_RAM
  // Proofs of the RAM's users (engine, pool): the read data is free here, and each user assumes
  // the read contract against its own shadow of the table; proof "ram" proves the contract on
  // the real RAM below. This keeps each table's contents once in the proof, not twice.
  assign rdata_o = $anyseq;
`else
  (* no_rw_check *) logic [Width-1:0] mem [0:Depth-1];

  always_ff @(posedge clk_i) begin
    if (we_i) mem[waddr_i] <= wdata_i;
    rdata_o <= mem[raddr_i];
  end
`endif

`ifdef FORMAL
`include "formal/hwmx_sdp_ram_props.svh"
`endif

endmodule

`default_nettype wire
