// Full address decoder: every word address maps to exactly one register or operation, or is
// SLVERR; there are no aliases. The context comes from the address only. Purely combinational;
// hwmx_top uses one instance for the held request and one on the address being accepted (table
// pre-read).
//
// Every window of the register map is a power-of-two size aligned to its size (checked at
// elaboration), so a window test is an equality on the upper address bits and an index is a
// bit field: no adders or magnitude comparators on the address.
//
// The decode sits on the accept edge (it addresses the table pre-read and the context flags), so
// it is kept shallow: the kind is produced one-hot (kind_oh, one AND per kind of disjoint window
// tests) and encoded from that; the fields that only some kinds use (context, slot, their range
// checks, the argument, the register selectors) are taken from the window the address is in
// without waiting for the full window decode; other kinds ignore them.
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
  // The ACT words past the three slot windows (CANCEL, TAKE_GRANT).
  localparam logic [31:0] ActOpWin = hwmx_reg_pkg::ACT_RELEASE_OFFSET + SlotWin;
  // The CTRL_ACT windows lie in [CTRL_ACT_BASE, 2 * CTRL_ACT_BASE), with nothing else but the ACT
  // windows above: a one-bit test tells a CTRL_ACT argument from a CTX page (field selects).
  localparam logic [31:0] CtrlActRegion = CtrlAct;

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
      (CtrlActRegion & (CtrlActRegion - 1)) == 0 && CtxSpan <= CtrlAct &&
      hwmx_reg_pkg::CTX_BASE + CtxSpan <= CtrlAct &&
      CtrlAct + hwmx_reg_pkg::CTRL_ACT_ABANDON_OFFSET + CtrlWin <= 2 * CtrlAct &&
      hwmx_reg_pkg::ACT_BASE >= 2 * CtrlAct &&
      (ActOpWin % SlotWin) == 0 && ActOpWin + SlotWin <= hwmx_reg_pkg::ACT_STRIDE &&
      hwmx_reg_pkg::ACT_ACQUIRE_OFFSET < ActOpWin && hwmx_reg_pkg::ACT_TRY_OFFSET < ActOpWin &&
      hwmx_reg_pkg::ACT_CANCEL_OFFSET >= ActOpWin &&
      hwmx_reg_pkg::ACT_TAKE_GRANT_OFFSET < ActOpWin + SlotWin &&
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
  logic        is_creg;    // a control-page register (creg) other than INTR_SUMMARY
  hwmx_pkg::ctrl_reg_e creg;
  logic        is_xreg;    // a context-page register offset (xreg; xwr: a writable one)
  hwmx_pkg::ctx_reg_e  xreg;
  logic        xwr;
  // Windows, disjoint (each an equality on upper address bits):
  logic        in_sum, in_ctx, in_act;             // INTR_SUMMARY, CTX pages, ACT windows
  logic        w_acq, w_try, w_rel, w_cxl, w_tg;   // ... the operation windows of an ACT page
  logic        w_aslot, w_fslot, w_actx, w_fctx, w_ab;  // CTRL_ACT windows
  logic [3:0]  w_init;     // CTRL_ACT INIT_{EXCL,REC}_{FIFO,PRIO} (index = mode)
  logic        in_cact_region;  // in the region of the CTRL_ACT windows (or unmapped there)
  logic        ctx_ok_act, ctx_ok_ctx, ctx_ok_cact;
  logic        inspect;    // creg is INSPECT_STATE/COUNT/QUEUE
  logic [hwmx_pkg::NumReqKinds-1:0] oh;  // the kind, one-hot

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

    // Control page: plain registers.
    is_creg = 1'b1;
    creg = hwmx_pkg::CR_ID;
    unique case (a)
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
      default:                                is_creg = 1'b0;
    endcase

    // Context page registers.
    is_xreg = 1'b1;
    xreg = hwmx_pkg::XR_STATUS;
    unique case (ctx_off)
      hwmx_reg_pkg::CTX_STATUS_OFFSET:      xreg = hwmx_pkg::XR_STATUS;
      hwmx_reg_pkg::CTX_PRIORITY_OFFSET:    xreg = hwmx_pkg::XR_PRIORITY;
      hwmx_reg_pkg::CTX_GRANT_OFFSET:       xreg = hwmx_pkg::XR_GRANT;
      hwmx_reg_pkg::CTX_LAST_ERROR_OFFSET:  xreg = hwmx_pkg::XR_LAST_ERROR;
      hwmx_reg_pkg::CTX_INTR_STATE_OFFSET:  xreg = hwmx_pkg::XR_INTR_STATE;
      hwmx_reg_pkg::CTX_INTR_ENABLE_OFFSET: xreg = hwmx_pkg::XR_INTR_ENABLE;
      hwmx_reg_pkg::CTX_INTR_TEST_OFFSET:   xreg = hwmx_pkg::XR_INTR_TEST;
      default:                              is_xreg = 1'b0;
    endcase
    xwr = (xreg != hwmx_pkg::XR_STATUS) && (xreg != hwmx_pkg::XR_GRANT);  // read-only
    inspect = creg == hwmx_pkg::CR_INSPECT_STATE || creg == hwmx_pkg::CR_INSPECT_COUNT ||
              creg == hwmx_pkg::CR_INSPECT_QUEUE;

    // Windows.
    in_sum = in_win(a, hwmx_reg_pkg::INTR_SUMMARY_OFFSET, SumSpan);
    in_ctx = in_win(a, hwmx_reg_pkg::CTX_BASE, CtxSpan);
    in_act = in_win(a, hwmx_reg_pkg::ACT_BASE, ActSpan);
    w_acq = in_act && in_win(act_off, hwmx_reg_pkg::ACT_ACQUIRE_OFFSET, SlotWin);
    w_try = in_act && in_win(act_off, hwmx_reg_pkg::ACT_TRY_OFFSET, SlotWin);
    w_rel = in_act && in_win(act_off, hwmx_reg_pkg::ACT_RELEASE_OFFSET, SlotWin);
    w_cxl = in_act && act_off == hwmx_reg_pkg::ACT_CANCEL_OFFSET;
    w_tg = in_act && act_off == hwmx_reg_pkg::ACT_TAKE_GRANT_OFFSET;
    w_aslot = in_win(a, CtrlAct + hwmx_reg_pkg::CTRL_ACT_ALLOC_SLOT_OFFSET, CtrlWin);
    w_fslot = in_win(a, CtrlAct + hwmx_reg_pkg::CTRL_ACT_FREE_SLOT_OFFSET, CtrlWin);
    w_init[0] = in_win(a, CtrlAct + hwmx_reg_pkg::CTRL_ACT_INIT_EXCL_FIFO_OFFSET, CtrlWin);
    w_init[1] = in_win(a, CtrlAct + hwmx_reg_pkg::CTRL_ACT_INIT_REC_FIFO_OFFSET, CtrlWin);
    w_init[2] = in_win(a, CtrlAct + hwmx_reg_pkg::CTRL_ACT_INIT_EXCL_PRIO_OFFSET, CtrlWin);
    w_init[3] = in_win(a, CtrlAct + hwmx_reg_pkg::CTRL_ACT_INIT_REC_PRIO_OFFSET, CtrlWin);
    w_actx = in_win(a, CtrlAct + hwmx_reg_pkg::CTRL_ACT_ALLOC_CTX_OFFSET, CtrlWin);
    w_fctx = in_win(a, CtrlAct + hwmx_reg_pkg::CTRL_ACT_FREE_CTX_OFFSET, CtrlWin);
    w_ab = in_win(a, CtrlAct + hwmx_reg_pkg::CTRL_ACT_ABANDON_OFFSET, CtrlWin);
    in_cact_region = in_win(a, CtrlAct, CtrlActRegion);

    req_o = '0;

    // The fields of the window the address is in. The context and slot fields and their range
    // checks are not gated by the window decode: they address the table pre-read and the context
    // flags while the address is accepted, and only the kinds that use them look at them. (Both
    // kinds of slot window hold the slot in the same address bits.)
    ctx_ok_act = {24'd0, act_page} < NUM_CTX;
    ctx_ok_ctx = {24'd0, ctx_page} < NUM_CTX;
    ctx_ok_cact = cwin < NUM_CTX;
    req_o.ctx = in_act ? act_page : (in_cact_region ? cwin[7:0] : ctx_page);
    req_o.ctx_ok = in_act ? ctx_ok_act : (in_cact_region ? ctx_ok_cact : ctx_ok_ctx);
    req_o.slot = in_act ? swin[11:0] : cwin[11:0];
    req_o.slot_ok = in_act ? (swin < NUM_MUTEX) : (cwin < NUM_MUTEX);
    // The argument (LAST_ERROR.ARG, error VALUE of an operation): the word index of a slot or
    // control window, 0 for CANCEL and TAKE_GRANT (the ACT window words past the slot windows).
    // Like the fields above it is not gated by the full window decode: other kinds do not use it.
    if (in_act) req_o.arg = in_win(act_off, ActOpWin, SlotWin) ? 16'd0 : swin[15:0];
    else req_o.arg = cwin[15:0];
    req_o.mode = w_aslot ? cwin[1:0] :
                 {w_init[3] || w_init[2], w_init[3] || w_init[1]};  // {policy, recursive}
    req_o.sum_idx = a[SumShift+:3];
    req_o.creg = in_sum ? hwmx_pkg::CR_INTR_SUMMARY : creg;
    req_o.xreg = xreg;

    // The kind, one-hot first: the windows are disjoint, so each kind is one AND of a window
    // and its conditions. The encoded kind follows from it.
    oh = '0;
    if (rd_ok) begin
      oh[hwmx_pkg::REQ_RD_INSPECT] = is_creg && inspect;
      oh[hwmx_pkg::REQ_RD_CTRL] = (is_creg && !inspect) || in_sum;
      oh[hwmx_pkg::REQ_RD_CTX] = in_ctx && is_xreg && ctx_ok_ctx;
      oh[hwmx_pkg::REQ_ACQUIRE] = w_acq && ctx_ok_act;
      oh[hwmx_pkg::REQ_TRY] = w_try && ctx_ok_act;
      oh[hwmx_pkg::REQ_RELEASE] = w_rel && ctx_ok_act;
      oh[hwmx_pkg::REQ_CANCEL] = w_cxl && ctx_ok_act;
      oh[hwmx_pkg::REQ_TAKE_GRANT] = w_tg && ctx_ok_act;
      oh[hwmx_pkg::REQ_ALLOC_SLOT] = w_aslot && cwin < 4;
      oh[hwmx_pkg::REQ_FREE_SLOT] = w_fslot;
      oh[hwmx_pkg::REQ_INIT_SLOT] = w_init != '0;
      oh[hwmx_pkg::REQ_ALLOC_CTX] = w_actx && cwin == 0;
      oh[hwmx_pkg::REQ_FREE_CTX] = w_fctx;
      oh[hwmx_pkg::REQ_ABANDON] = w_ab;
    end else if (wr_ok) begin
      // Writes only to CTRL_LAST_ERROR, INSPECT_SLOT and the writable context registers.
      oh[hwmx_pkg::REQ_WR_CTRL] = is_creg && (creg == hwmx_pkg::CR_CTRL_LAST_ERROR ||
                                              creg == hwmx_pkg::CR_INSPECT_SLOT);
      oh[hwmx_pkg::REQ_WR_CTX] = in_ctx && is_xreg && ctx_ok_ctx && xwr;
    end
    oh[hwmx_pkg::REQ_SLVERR] = oh[hwmx_pkg::NumReqKinds-1:1] == '0;  // unmapped or illegal
    req_o.kind_oh = oh;

    req_o.kind = hwmx_pkg::kind_of(oh);
  end

  // Window test: equality on the bits above the (aligned, power-of-two) window size.
  function automatic logic in_win(input logic [31:0] addr, input logic [31:0] base,
                                  input logic [31:0] bytes);
    in_win = ((addr ^ base) & ~(bytes - 32'd1)) == 32'd0;
  endfunction

  logic unused_bits;
  assign unused_bits = ^{addr_i[1:0], ctx_off[31:12], act_off[31:16], cwin[31:16], swin[31:16]};

endmodule

`default_nettype wire
