// Full address decoder: every word address maps to exactly one register or operation, or is
// SLVERR; there are no aliases. The context comes from the address only. Purely combinational;
// hwmx_top uses one instance for the held request and one on the address being accepted (table
// pre-read).
//
// Every window of the register map is a power-of-two size aligned to its size (checked at
// elaboration), so a window test is an equality on the upper address bits and an index is a
// bit field: no adders or magnitude comparators on the address.
`default_nettype none

module hwmx_addr_decode #(
  parameter int NUM_MUTEX = 256,
  parameter int NUM_CTX = 64
) (
  input  wire logic [24:0] addr_i,   // bits [1:0] ignored
  input  wire logic        write_i,
  input  wire logic [3:0]  wstrb_i,
  output hwmx_pkg::dec_req_t req_o
);

  localparam int unsigned CtxShift = $clog2(hwmx_reg_pkg::CTX_STRIDE);
  localparam int unsigned ActShift = $clog2(hwmx_reg_pkg::ACT_STRIDE);
  localparam int unsigned SumShift = $clog2(hwmx_reg_pkg::INTR_SUMMARY_STRIDE);
  localparam logic [31:0] CtxSpan = hwmx_pkg::MAX_CTX * hwmx_reg_pkg::CTX_STRIDE;
  localparam logic [31:0] ActSpan = hwmx_pkg::MAX_CTX * hwmx_reg_pkg::ACT_STRIDE;
  localparam logic [31:0] SumSpan =
      hwmx_reg_pkg::INTR_SUMMARY_COUNT * hwmx_reg_pkg::INTR_SUMMARY_STRIDE;
  localparam logic [31:0] CtrlWin = hwmx_reg_pkg::CTRL_ACT_ALLOC_SLOT_ENTRIES * 4;
  localparam logic [31:0] SlotWin = hwmx_reg_pkg::ACT_ACQUIRE_ENTRIES * 4;
  localparam logic [31:0] CtrlAct = hwmx_reg_pkg::CTRL_ACT_BASE;

  // Alignment of every window used below (see the header).
  localparam bit Aligned =
      (CtxSpan & (CtxSpan - 1)) == 0 && (hwmx_reg_pkg::CTX_BASE % CtxSpan) == 0 &&
      (ActSpan & (ActSpan - 1)) == 0 && (hwmx_reg_pkg::ACT_BASE % ActSpan) == 0 &&
      (SumSpan & (SumSpan - 1)) == 0 && (hwmx_reg_pkg::INTR_SUMMARY_OFFSET % SumSpan) == 0 &&
      (CtrlWin & (CtrlWin - 1)) == 0 && (CtrlAct % CtrlWin) == 0 &&
      (hwmx_reg_pkg::CTRL_ACT_FREE_SLOT_OFFSET % CtrlWin) == 0 &&
      (hwmx_reg_pkg::CTRL_ACT_INIT_EXCL_FIFO_OFFSET % CtrlWin) == 0 &&
      (hwmx_reg_pkg::CTRL_ACT_INIT_REC_FIFO_OFFSET % CtrlWin) == 0 &&
      (hwmx_reg_pkg::CTRL_ACT_INIT_EXCL_PRIO_OFFSET % CtrlWin) == 0 &&
      (hwmx_reg_pkg::CTRL_ACT_INIT_REC_PRIO_OFFSET % CtrlWin) == 0 &&
      (hwmx_reg_pkg::CTRL_ACT_ALLOC_CTX_OFFSET % CtrlWin) == 0 &&
      (hwmx_reg_pkg::CTRL_ACT_FREE_CTX_OFFSET % CtrlWin) == 0 &&
      (hwmx_reg_pkg::CTRL_ACT_ABANDON_OFFSET % CtrlWin) == 0 &&
      (SlotWin & (SlotWin - 1)) == 0 && (hwmx_reg_pkg::ACT_TRY_OFFSET % SlotWin) == 0 &&
      (hwmx_reg_pkg::ACT_RELEASE_OFFSET % SlotWin) == 0 &&
      hwmx_reg_pkg::CTRL_ACT_ALLOC_SLOT_ENTRIES == hwmx_reg_pkg::CTRL_ACT_ABANDON_ENTRIES &&
      hwmx_reg_pkg::ACT_ACQUIRE_ENTRIES == hwmx_reg_pkg::ACT_RELEASE_ENTRIES;
  if (!Aligned) begin : g_bad_map
    $error("hwmx_addr_decode: a register-map window is not aligned to its power-of-two size");
  end

  logic [31:0] a;          // word-aligned byte address
  logic        rd_ok;      // a read
  logic        wr_ok;      // a write with all byte strobes
  logic [7:0]  ctx_page;   // context of a CTX page / ACT window
  logic [7:0]  act_page;
  logic [31:0] ctx_off;    // offset in the CTX page
  logic [31:0] act_off;    // offset in the ACT window
  logic [31:0] cwin;       // word index in a CTRL_ACT window
  logic [31:0] swin;       // word index in an ACT slot window
  logic [31:0] word;       // argument of the selected action window
  logic        is_ctrl;    // a control-page register (creg)
  hwmx_pkg::ctrl_reg_e creg;
  logic        is_ctx;     // a context-page register (xreg; xwr: a writable one)
  hwmx_pkg::ctx_reg_e  xreg;
  logic        xwr;

  always_comb begin
    a = {7'b0, addr_i[24:2], 2'b00};
    rd_ok = !write_i;
    wr_ok = write_i && (wstrb_i == 4'hF);
    ctx_page = a[CtxShift+:8];
    act_page = a[ActShift+:8];
    ctx_off = a & (hwmx_reg_pkg::CTX_STRIDE - 1);
    act_off = a & (hwmx_reg_pkg::ACT_STRIDE - 1);
    cwin = (a & (CtrlWin - 1)) >> 2;
    swin = (act_off & (SlotWin - 1)) >> 2;
    word = '0;
    is_ctrl = 1'b1;
    creg = hwmx_pkg::CR_ID;
    is_ctx = 1'b0;
    xreg = hwmx_pkg::XR_STATUS;
    xwr = 1'b0;

    req_o = '0;
    req_o.kind = hwmx_pkg::REQ_SLVERR;

    unique case (a)
      // Control page: plain registers.
      hwmx_reg_pkg::ID_OFFSET:                creg = hwmx_pkg::CR_ID;
      hwmx_reg_pkg::VERSION_OFFSET:           creg = hwmx_pkg::CR_VERSION;
      hwmx_reg_pkg::CONFIG_OFFSET:            creg = hwmx_pkg::CR_CONFIG;
      hwmx_reg_pkg::FEATURES_OFFSET:          creg = hwmx_pkg::CR_FEATURES;
      hwmx_reg_pkg::CTRL_LAST_ERROR_OFFSET:   creg = hwmx_pkg::CR_CTRL_LAST_ERROR;
      hwmx_reg_pkg::STAT_BUS_ERRORS_OFFSET:   creg = hwmx_pkg::CR_BUS_ERRORS;
      hwmx_reg_pkg::BUS_ERROR_ADDR_OFFSET:    creg = hwmx_pkg::CR_BUS_ERROR_ADDR;
      hwmx_reg_pkg::STAT_ACQUIRES_LO_OFFSET:  creg = hwmx_pkg::CR_ACQUIRES_LO;
      hwmx_reg_pkg::STAT_ACQUIRES_HI_OFFSET:  creg = hwmx_pkg::CR_ACQUIRES_HI;
      hwmx_reg_pkg::STAT_CONTENDED_LO_OFFSET: creg = hwmx_pkg::CR_CONTENDED_LO;
      hwmx_reg_pkg::STAT_CONTENDED_HI_OFFSET: creg = hwmx_pkg::CR_CONTENDED_HI;
      hwmx_reg_pkg::STAT_HANDOFFS_LO_OFFSET:  creg = hwmx_pkg::CR_HANDOFFS_LO;
      hwmx_reg_pkg::STAT_HANDOFFS_HI_OFFSET:  creg = hwmx_pkg::CR_HANDOFFS_HI;
      hwmx_reg_pkg::STAT_ERRORS_LO_OFFSET:    creg = hwmx_pkg::CR_ERRORS_LO;
      hwmx_reg_pkg::STAT_ERRORS_HI_OFFSET:    creg = hwmx_pkg::CR_ERRORS_HI;
      hwmx_reg_pkg::STAT_MAX_QDEPTH_OFFSET:   creg = hwmx_pkg::CR_MAX_QDEPTH;
      hwmx_reg_pkg::INSPECT_SLOT_OFFSET:      creg = hwmx_pkg::CR_INSPECT_SLOT;
      hwmx_reg_pkg::INSPECT_STATE_OFFSET:     creg = hwmx_pkg::CR_INSPECT_STATE;
      hwmx_reg_pkg::INSPECT_COUNT_OFFSET:     creg = hwmx_pkg::CR_INSPECT_COUNT;
      hwmx_reg_pkg::INSPECT_QUEUE_OFFSET:     creg = hwmx_pkg::CR_INSPECT_QUEUE;
      default: begin
        is_ctrl = 1'b0;
        if (in_win(a, hwmx_reg_pkg::INTR_SUMMARY_OFFSET, SumSpan)) begin
          is_ctrl = 1'b1;
          creg = hwmx_pkg::CR_INTR_SUMMARY;
          req_o.sum_idx = a[SumShift+:3];
        end else if (in_win(a, hwmx_reg_pkg::CTX_BASE, CtxSpan)) begin
          // Context pages: writable registers whether or not the context is allocated.
          req_o.ctx = ctx_page;
          req_o.ctx_ok = {24'd0, ctx_page} < NUM_CTX;
          is_ctx = 1'b1;
          unique case (ctx_off)
            hwmx_reg_pkg::CTX_STATUS_OFFSET:      xreg = hwmx_pkg::XR_STATUS;
            hwmx_reg_pkg::CTX_PRIORITY_OFFSET:    xreg = hwmx_pkg::XR_PRIORITY;
            hwmx_reg_pkg::CTX_GRANT_OFFSET:       xreg = hwmx_pkg::XR_GRANT;
            hwmx_reg_pkg::CTX_LAST_ERROR_OFFSET:  xreg = hwmx_pkg::XR_LAST_ERROR;
            hwmx_reg_pkg::CTX_INTR_STATE_OFFSET:  xreg = hwmx_pkg::XR_INTR_STATE;
            hwmx_reg_pkg::CTX_INTR_ENABLE_OFFSET: xreg = hwmx_pkg::XR_INTR_ENABLE;
            hwmx_reg_pkg::CTX_INTR_TEST_OFFSET:   xreg = hwmx_pkg::XR_INTR_TEST;
            default:                              is_ctx = 1'b0;
          endcase
          is_ctx = is_ctx && req_o.ctx_ok;
          xwr = (xreg != hwmx_pkg::XR_STATUS) && (xreg != hwmx_pkg::XR_GRANT);  // read-only
        end else if (in_win(a, hwmx_reg_pkg::ACT_BASE, ActSpan)) begin
          // Context action windows: reads only; the slot is the word index.
          req_o.ctx = act_page;
          req_o.ctx_ok = {24'd0, act_page} < NUM_CTX;
          if (in_win(act_off, hwmx_reg_pkg::ACT_ACQUIRE_OFFSET, SlotWin)) begin
            req_o.kind = hwmx_pkg::REQ_ACQUIRE;
            word = swin;
          end else if (in_win(act_off, hwmx_reg_pkg::ACT_TRY_OFFSET, SlotWin)) begin
            req_o.kind = hwmx_pkg::REQ_TRY;
            word = swin;
          end else if (in_win(act_off, hwmx_reg_pkg::ACT_RELEASE_OFFSET, SlotWin)) begin
            req_o.kind = hwmx_pkg::REQ_RELEASE;
            word = swin;
          end else if (act_off == hwmx_reg_pkg::ACT_CANCEL_OFFSET) begin
            req_o.kind = hwmx_pkg::REQ_CANCEL;
          end else if (act_off == hwmx_reg_pkg::ACT_TAKE_GRANT_OFFSET) begin
            req_o.kind = hwmx_pkg::REQ_TAKE_GRANT;
          end
          req_o.arg = word[15:0];
          req_o.slot = word[11:0];
          req_o.slot_ok = word < NUM_MUTEX;
          if (!rd_ok || !req_o.ctx_ok) req_o.kind = hwmx_pkg::REQ_SLVERR;
        end else begin
          // Control action windows: reads only; the argument is the word index.
          word = cwin;
          if (in_win(a, CtrlAct + hwmx_reg_pkg::CTRL_ACT_ALLOC_SLOT_OFFSET, CtrlWin)) begin
            if (word < 4) req_o.kind = hwmx_pkg::REQ_ALLOC_SLOT;
            req_o.mode = word[1:0];  // {policy, recursive}
          end else if (in_win(a, CtrlAct + hwmx_reg_pkg::CTRL_ACT_FREE_SLOT_OFFSET, CtrlWin)) begin
            req_o.kind = hwmx_pkg::REQ_FREE_SLOT;
          end else if (in_win(a, CtrlAct + hwmx_reg_pkg::CTRL_ACT_INIT_EXCL_FIFO_OFFSET, CtrlWin))
          begin
            req_o.kind = hwmx_pkg::REQ_INIT_SLOT;
            req_o.mode = 2'b00;
          end else if (in_win(a, CtrlAct + hwmx_reg_pkg::CTRL_ACT_INIT_REC_FIFO_OFFSET, CtrlWin))
          begin
            req_o.kind = hwmx_pkg::REQ_INIT_SLOT;
            req_o.mode = 2'b01;
          end else if (in_win(a, CtrlAct + hwmx_reg_pkg::CTRL_ACT_INIT_EXCL_PRIO_OFFSET, CtrlWin))
          begin
            req_o.kind = hwmx_pkg::REQ_INIT_SLOT;
            req_o.mode = 2'b10;
          end else if (in_win(a, CtrlAct + hwmx_reg_pkg::CTRL_ACT_INIT_REC_PRIO_OFFSET, CtrlWin))
          begin
            req_o.kind = hwmx_pkg::REQ_INIT_SLOT;
            req_o.mode = 2'b11;
          end else if (in_win(a, CtrlAct + hwmx_reg_pkg::CTRL_ACT_ALLOC_CTX_OFFSET, CtrlWin)) begin
            if (word == 0) req_o.kind = hwmx_pkg::REQ_ALLOC_CTX;
          end else if (in_win(a, CtrlAct + hwmx_reg_pkg::CTRL_ACT_FREE_CTX_OFFSET, CtrlWin)) begin
            req_o.kind = hwmx_pkg::REQ_FREE_CTX;
          end else if (in_win(a, CtrlAct + hwmx_reg_pkg::CTRL_ACT_ABANDON_OFFSET, CtrlWin)) begin
            req_o.kind = hwmx_pkg::REQ_ABANDON;
          end else begin
            word = '0;  // unmapped
          end
          req_o.arg = word[15:0];
          req_o.slot = word[11:0];
          req_o.slot_ok = word < NUM_MUTEX;
          req_o.ctx = word[7:0];
          req_o.ctx_ok = word < NUM_CTX;
          if (!rd_ok) req_o.kind = hwmx_pkg::REQ_SLVERR;
        end
      end
    endcase

    if (is_ctrl) begin
      // Control-page registers: reads; writes only to CTRL_LAST_ERROR and INSPECT_SLOT.
      req_o.creg = creg;
      if (rd_ok) begin
        req_o.kind = (creg == hwmx_pkg::CR_INSPECT_STATE || creg == hwmx_pkg::CR_INSPECT_COUNT ||
                      creg == hwmx_pkg::CR_INSPECT_QUEUE) ? hwmx_pkg::REQ_RD_INSPECT :
                                                            hwmx_pkg::REQ_RD_CTRL;
      end else if (wr_ok && (creg == hwmx_pkg::CR_CTRL_LAST_ERROR ||
                             creg == hwmx_pkg::CR_INSPECT_SLOT)) begin
        req_o.kind = hwmx_pkg::REQ_WR_CTRL;
      end
    end
    if (is_ctx) begin
      req_o.xreg = xreg;
      if (rd_ok) req_o.kind = hwmx_pkg::REQ_RD_CTX;
      else if (wr_ok && xwr) req_o.kind = hwmx_pkg::REQ_WR_CTX;
    end
  end

  // Window test: equality on the bits above the (aligned, power-of-two) window size.
  function automatic logic in_win(input logic [31:0] addr, input logic [31:0] base,
                                  input logic [31:0] bytes);
    in_win = ((addr ^ base) & ~(bytes - 32'd1)) == 32'd0;
  endfunction

  logic unused_bits;
  assign unused_bits = ^{addr_i[1:0], ctx_off[31:12], act_off[31:16], cwin[31:16], swin[31:12],
                         word[31:16]};

endmodule

`default_nettype wire
