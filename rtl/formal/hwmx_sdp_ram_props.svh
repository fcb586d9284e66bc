// Formal properties of hwmx_sdp_ram (included at the bottom of the module under `ifdef FORMAL).
// Active in the RAM contract proof only (HWMX_FV_RAM; scripts/formal proof "ram").
//
// The read contract every table user relies on: the read data of a cycle is the memory word at
// the address read in the previous cycle, unless that address was written in that same cycle
// (then it is undefined: no_rw_check). The engine and pool proofs assume exactly this contract
// on their RAM outputs (against their own shadow copies of the tables), so this proof is the
// other half of that assume-guarantee pair.
`ifdef HWMX_FV_RAM
  logic          f_past_valid = 1'b0;
  logic [AW-1:0] f_raddr;
  logic          f_coll;
  logic [AW-1:0] f_waddr;
  logic          f_we;
  logic [Width-1:0] f_wdata;
  logic [Width-1:0] f_word;  // the word at f_raddr now
  logic [Width-1:0] f_wword;  // the word at f_waddr now

  always @(posedge clk_i) begin
    f_past_valid <= 1'b1;
    f_raddr <= raddr_i;
    f_coll <= we_i && (waddr_i == raddr_i);
    f_we <= we_i;
    f_waddr <= waddr_i;
    f_wdata <= wdata_i;
  end

  assign f_word = mem[f_raddr];
  assign f_wword = mem[f_waddr];

  always @* begin
    if (f_past_valid && !f_coll && 32'(f_raddr) < Depth) begin
      assert (rdata_o == f_word);  // read returns the word at last cycle's read address
    end
    if (f_past_valid && f_we && 32'(f_waddr) < Depth) begin
      assert (f_wword == f_wdata);  // a write lands at its address
    end
  end

  always @* begin
    cover (f_past_valid && !f_coll && f_we && f_raddr != f_waddr);
  end
`endif
