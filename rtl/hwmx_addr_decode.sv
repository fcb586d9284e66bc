// Full address decoder: every word address maps to exactly one register or operation, or is
// SLVERR; there are no aliases. The context comes from the address only. Purely combinational;
// hwmx_top uses one instance for the held request and one on the AR channel (table pre-read).
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
  localparam logic [31:0] CactSpan = hwmx_reg_pkg::CTRL_ACT_ABANDON_OFFSET + CtrlWin;

  logic [31:0] a;         // word-aligned byte address
  logic        wr_ok;     // a write with all byte strobes
  logic [31:0] ctx_rel;   // offset into the CTX pages
  logic [31:0] ctx_page;
  logic [31:0] ctx_off;
  logic [31:0] act_rel;   // offset into the ACT windows
  logic [31:0] act_page;
  logic [31:0] act_off;
  logic [31:0] cact_off;  // offset into CTRL_ACT
  logic [31:0] word;      // word index inside the selected action window
  logic [31:0] sum_rel;
  logic        rd_ok;

  always_comb begin
    a = {7'b0, addr_i[24:2], 2'b00};
    wr_ok = write_i && (wstrb_i == 4'hF);
    rd_ok = !write_i;
    ctx_rel = a - hwmx_reg_pkg::CTX_BASE;
    ctx_page = ctx_rel >> CtxShift;
    ctx_off = ctx_rel & (hwmx_reg_pkg::CTX_STRIDE - 1);
    act_rel = a - hwmx_reg_pkg::ACT_BASE;
    act_page = act_rel >> ActShift;
    act_off = act_rel & (hwmx_reg_pkg::ACT_STRIDE - 1);
    cact_off = a - hwmx_reg_pkg::CTRL_ACT_BASE;
    sum_rel = a - hwmx_reg_pkg::INTR_SUMMARY_OFFSET;
    word = '0;

    req_o = '0;
    req_o.kind = hwmx_pkg::REQ_SLVERR;

    if (a < hwmx_reg_pkg::CTX_BASE) begin
      // Control page: plain registers.
      req_o.kind = rd_ok ? hwmx_pkg::REQ_RD_CTRL : hwmx_pkg::REQ_SLVERR;
      unique case (a)
        hwmx_reg_pkg::ID_OFFSET:               req_o.creg = hwmx_pkg::CR_ID;
        hwmx_reg_pkg::VERSION_OFFSET:          req_o.creg = hwmx_pkg::CR_VERSION;
        hwmx_reg_pkg::CONFIG_OFFSET:           req_o.creg = hwmx_pkg::CR_CONFIG;
        hwmx_reg_pkg::FEATURES_OFFSET:         req_o.creg = hwmx_pkg::CR_FEATURES;
        hwmx_reg_pkg::CTRL_LAST_ERROR_OFFSET: begin
          req_o.creg = hwmx_pkg::CR_CTRL_LAST_ERROR;
          if (wr_ok) req_o.kind = hwmx_pkg::REQ_WR_CTRL;
        end
        hwmx_reg_pkg::STAT_BUS_ERRORS_OFFSET:  req_o.creg = hwmx_pkg::CR_BUS_ERRORS;
        hwmx_reg_pkg::BUS_ERROR_ADDR_OFFSET:   req_o.creg = hwmx_pkg::CR_BUS_ERROR_ADDR;
        hwmx_reg_pkg::STAT_ACQUIRES_LO_OFFSET: req_o.creg = hwmx_pkg::CR_ACQUIRES_LO;
        hwmx_reg_pkg::STAT_ACQUIRES_HI_OFFSET: req_o.creg = hwmx_pkg::CR_ACQUIRES_HI;
        hwmx_reg_pkg::STAT_CONTENDED_LO_OFFSET: req_o.creg = hwmx_pkg::CR_CONTENDED_LO;
        hwmx_reg_pkg::STAT_CONTENDED_HI_OFFSET: req_o.creg = hwmx_pkg::CR_CONTENDED_HI;
        hwmx_reg_pkg::STAT_HANDOFFS_LO_OFFSET: req_o.creg = hwmx_pkg::CR_HANDOFFS_LO;
        hwmx_reg_pkg::STAT_HANDOFFS_HI_OFFSET: req_o.creg = hwmx_pkg::CR_HANDOFFS_HI;
        hwmx_reg_pkg::STAT_ERRORS_LO_OFFSET:   req_o.creg = hwmx_pkg::CR_ERRORS_LO;
        hwmx_reg_pkg::STAT_ERRORS_HI_OFFSET:   req_o.creg = hwmx_pkg::CR_ERRORS_HI;
        hwmx_reg_pkg::STAT_MAX_QDEPTH_OFFSET:  req_o.creg = hwmx_pkg::CR_MAX_QDEPTH;
        hwmx_reg_pkg::INSPECT_SLOT_OFFSET: begin
          req_o.creg = hwmx_pkg::CR_INSPECT_SLOT;
          if (wr_ok) req_o.kind = hwmx_pkg::REQ_WR_CTRL;
        end
        hwmx_reg_pkg::INSPECT_STATE_OFFSET, hwmx_reg_pkg::INSPECT_COUNT_OFFSET,
        hwmx_reg_pkg::INSPECT_QUEUE_OFFSET: begin
          req_o.creg = (a == hwmx_reg_pkg::INSPECT_STATE_OFFSET) ? hwmx_pkg::CR_INSPECT_STATE :
                       (a == hwmx_reg_pkg::INSPECT_COUNT_OFFSET) ? hwmx_pkg::CR_INSPECT_COUNT :
                                                                  hwmx_pkg::CR_INSPECT_QUEUE;
          if (rd_ok) req_o.kind = hwmx_pkg::REQ_RD_INSPECT;
        end
        default: begin
          if (hwmx_pkg::in_win(a, hwmx_reg_pkg::INTR_SUMMARY_OFFSET, SumSpan)) begin
            req_o.creg = hwmx_pkg::CR_INTR_SUMMARY;
            req_o.sum_idx = sum_rel[SumShift+:3];
          end else begin
            req_o.kind = hwmx_pkg::REQ_SLVERR;
          end
        end
      endcase
    end else if (hwmx_pkg::in_win(a, hwmx_reg_pkg::CTX_BASE, CtxSpan)) begin
      // Context pages: plain per-context registers, writable ones whether or not allocated.
      req_o.ctx = ctx_page[7:0];
      req_o.ctx_ok = ctx_page < NUM_CTX;
      req_o.kind = rd_ok ? hwmx_pkg::REQ_RD_CTX : (wr_ok ? hwmx_pkg::REQ_WR_CTX :
                                                            hwmx_pkg::REQ_SLVERR);
      unique case (ctx_off)
        hwmx_reg_pkg::CTX_STATUS_OFFSET: begin
          req_o.xreg = hwmx_pkg::XR_STATUS;
          if (!rd_ok) req_o.kind = hwmx_pkg::REQ_SLVERR;
        end
        hwmx_reg_pkg::CTX_PRIORITY_OFFSET:    req_o.xreg = hwmx_pkg::XR_PRIORITY;
        hwmx_reg_pkg::CTX_GRANT_OFFSET: begin
          req_o.xreg = hwmx_pkg::XR_GRANT;
          if (!rd_ok) req_o.kind = hwmx_pkg::REQ_SLVERR;
        end
        hwmx_reg_pkg::CTX_LAST_ERROR_OFFSET:  req_o.xreg = hwmx_pkg::XR_LAST_ERROR;
        hwmx_reg_pkg::CTX_INTR_STATE_OFFSET:  req_o.xreg = hwmx_pkg::XR_INTR_STATE;
        hwmx_reg_pkg::CTX_INTR_ENABLE_OFFSET: req_o.xreg = hwmx_pkg::XR_INTR_ENABLE;
        hwmx_reg_pkg::CTX_INTR_TEST_OFFSET:   req_o.xreg = hwmx_pkg::XR_INTR_TEST;
        default:                              req_o.kind = hwmx_pkg::REQ_SLVERR;
      endcase
      if (!req_o.ctx_ok) req_o.kind = hwmx_pkg::REQ_SLVERR;
    end else if (hwmx_pkg::in_win(a, hwmx_reg_pkg::CTRL_ACT_BASE, CactSpan)) begin
      // Control action window: reads only; the word index is the argument.
      req_o.kind = hwmx_pkg::REQ_SLVERR;
      if (hwmx_pkg::in_win(cact_off, hwmx_reg_pkg::CTRL_ACT_ALLOC_SLOT_OFFSET, CtrlWin)) begin
        word = (cact_off - hwmx_reg_pkg::CTRL_ACT_ALLOC_SLOT_OFFSET) >> 2;
        if (word < 4) req_o.kind = hwmx_pkg::REQ_ALLOC_SLOT;
        req_o.mode = word[1:0];
      end else if (hwmx_pkg::in_win(cact_off, hwmx_reg_pkg::CTRL_ACT_FREE_SLOT_OFFSET, CtrlWin))
      begin
        word = (cact_off - hwmx_reg_pkg::CTRL_ACT_FREE_SLOT_OFFSET) >> 2;
        req_o.kind = hwmx_pkg::REQ_FREE_SLOT;
      end else if (hwmx_pkg::in_win(cact_off, hwmx_reg_pkg::CTRL_ACT_INIT_EXCL_FIFO_OFFSET,
                                    CtrlWin)) begin
        word = (cact_off - hwmx_reg_pkg::CTRL_ACT_INIT_EXCL_FIFO_OFFSET) >> 2;
        req_o.kind = hwmx_pkg::REQ_INIT_SLOT;
        req_o.mode = 2'b00;
      end else if (hwmx_pkg::in_win(cact_off, hwmx_reg_pkg::CTRL_ACT_INIT_REC_FIFO_OFFSET,
                                    CtrlWin)) begin
        word = (cact_off - hwmx_reg_pkg::CTRL_ACT_INIT_REC_FIFO_OFFSET) >> 2;
        req_o.kind = hwmx_pkg::REQ_INIT_SLOT;
        req_o.mode = 2'b01;
      end else if (hwmx_pkg::in_win(cact_off, hwmx_reg_pkg::CTRL_ACT_INIT_EXCL_PRIO_OFFSET,
                                    CtrlWin)) begin
        word = (cact_off - hwmx_reg_pkg::CTRL_ACT_INIT_EXCL_PRIO_OFFSET) >> 2;
        req_o.kind = hwmx_pkg::REQ_INIT_SLOT;
        req_o.mode = 2'b10;
      end else if (hwmx_pkg::in_win(cact_off, hwmx_reg_pkg::CTRL_ACT_INIT_REC_PRIO_OFFSET,
                                    CtrlWin)) begin
        word = (cact_off - hwmx_reg_pkg::CTRL_ACT_INIT_REC_PRIO_OFFSET) >> 2;
        req_o.kind = hwmx_pkg::REQ_INIT_SLOT;
        req_o.mode = 2'b11;
      end else if (hwmx_pkg::in_win(cact_off, hwmx_reg_pkg::CTRL_ACT_ALLOC_CTX_OFFSET, CtrlWin))
      begin
        word = (cact_off - hwmx_reg_pkg::CTRL_ACT_ALLOC_CTX_OFFSET) >> 2;
        if (word == 0) req_o.kind = hwmx_pkg::REQ_ALLOC_CTX;
      end else if (hwmx_pkg::in_win(cact_off, hwmx_reg_pkg::CTRL_ACT_FREE_CTX_OFFSET, CtrlWin))
      begin
        word = (cact_off - hwmx_reg_pkg::CTRL_ACT_FREE_CTX_OFFSET) >> 2;
        req_o.kind = hwmx_pkg::REQ_FREE_CTX;
      end else if (hwmx_pkg::in_win(cact_off, hwmx_reg_pkg::CTRL_ACT_ABANDON_OFFSET, CtrlWin))
      begin
        word = (cact_off - hwmx_reg_pkg::CTRL_ACT_ABANDON_OFFSET) >> 2;
        req_o.kind = hwmx_pkg::REQ_ABANDON;
      end
      req_o.arg = word[15:0];
      req_o.slot = word[11:0];
      req_o.slot_ok = word < NUM_MUTEX;
      req_o.ctx = word[7:0];
      req_o.ctx_ok = word < NUM_CTX;
      if (!rd_ok) req_o.kind = hwmx_pkg::REQ_SLVERR;
    end else if (hwmx_pkg::in_win(a, hwmx_reg_pkg::ACT_BASE, ActSpan)) begin
      // Context action windows: reads only; slot from the word index.
      req_o.ctx = act_page[7:0];
      req_o.ctx_ok = act_page < NUM_CTX;
      req_o.kind = hwmx_pkg::REQ_SLVERR;
      if (hwmx_pkg::in_win(act_off, hwmx_reg_pkg::ACT_ACQUIRE_OFFSET, SlotWin)) begin
        word = (act_off - hwmx_reg_pkg::ACT_ACQUIRE_OFFSET) >> 2;
        req_o.kind = hwmx_pkg::REQ_ACQUIRE;
      end else if (hwmx_pkg::in_win(act_off, hwmx_reg_pkg::ACT_TRY_OFFSET, SlotWin)) begin
        word = (act_off - hwmx_reg_pkg::ACT_TRY_OFFSET) >> 2;
        req_o.kind = hwmx_pkg::REQ_TRY;
      end else if (hwmx_pkg::in_win(act_off, hwmx_reg_pkg::ACT_RELEASE_OFFSET, SlotWin)) begin
        word = (act_off - hwmx_reg_pkg::ACT_RELEASE_OFFSET) >> 2;
        req_o.kind = hwmx_pkg::REQ_RELEASE;
      end else if (act_off == hwmx_reg_pkg::ACT_CANCEL_OFFSET) begin
        req_o.kind = hwmx_pkg::REQ_CANCEL;
      end else if (act_off == hwmx_reg_pkg::ACT_TAKE_GRANT_OFFSET) begin
        req_o.kind = hwmx_pkg::REQ_TAKE_GRANT;
      end
      req_o.arg = word[15:0];
      req_o.slot = word[11:0];
      req_o.slot_ok = word < NUM_MUTEX;
      if (!rd_ok || !req_o.ctx_ok) req_o.kind = hwmx_pkg::REQ_SLVERR;
    end
  end

  logic unused_bits;
  assign unused_bits = ^{addr_i[1:0], ctx_page[31:8], act_page[31:8], word[31:16], sum_rel};

endmodule

`default_nettype wire
