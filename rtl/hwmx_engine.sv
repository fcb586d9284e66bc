// The hwmx engine: slot and context tables, free-id pools, and the FSM that performs one bus
// transaction at a time (docs/engine.md).
//
// Tables (all hwmx_sdp_ram: one sync read port, one write port):
//   slot RAM  [NUM_MUTEX] slot_row_t: allocation, type, owner, count, queue head/tail/length
//   prio, next, prev, wait_slot, owned_count, grant, last_error RAMs [NUM_CTX]
// Per-context flags (allocated, waiting, grant_pending, intr_state, intr_enable) are flops
// (hwmx_ctx_flags).
//
// Timing. In S_IDLE every table is read at the address being accepted (pre-read), so in the
// cycle after the handshake (S_EXEC) the row of the slot and the data of the context are there:
// most transactions decide, write back and answer in S_EXEC (response registered at its end).
// A handoff answers in S_EXEC too and raises the new owner's intr_state at the same edge (the
// head is in the slot row); S_HANDOFF then reads next/prio/owned_count of the new owner and
// writes the new head, the grant record and the owned count, before the next transaction can be
// accepted. Multi-cycle: PRIORITY enqueue walk (S_WALK, one cycle per waiter passed), CANCEL
// (S_CANCEL: the slot is known only from wait_slot), ABANDON (S_AB_*: scan of the slot table).
//
// The S_EXEC cycle is the critical one: it starts at the block RAM outputs (late) and ends at the
// table write ports, the flags and the registered response. So the decision is kept to a few LUT
// levels (hwmx_op_check: one-hot outcome `act`, each one AND of registered request bits and row
// bits) and drives only enables: sr_we, the other write enables, the flag commands, rsp_valid_o.
// What is written is computed in parallel with it, whatever the outcome: the new row (row_x),
// the owned count +/- 1, the links of an append, the answer word and the error record; the read
// addresses of a walk or a handoff and the registers they load are also set in every S_EXEC.
// Likewise the accept edge: the decoder delivers the kind one-hot, and the flags of the request's
// context are selected in two steps (below).
`default_nettype none

module hwmx_engine #(
  parameter int NUM_MUTEX = 256,
  parameter int NUM_CTX = 64
) (
  input  wire logic               clk_i,
  input  wire logic               rst_ni,
  // Front end
  input  wire logic               accept_i,      // a transaction is accepted at this edge
  input  hwmx_pkg::dec_req_t      pre_i,         // decode of the address being accepted
  input  hwmx_pkg::dec_req_t      req_i,         // decode of the held request
  input  wire logic [31:0]        wdata_i,
  output logic                    ready_o,
  output logic                    rsp_valid_o,
  output logic      [31:0]        rsp_data_o,
  output logic                    rsp_slverr_o,
  // Control-page register block
  input  wire logic [31:0]        ctrl_rdata_i,
  input  hwmx_pkg::slot_id_t      inspect_slot_i,
  output logic                    regs_wr_o,
  output logic                    bus_err_o,
  output logic                    ev_acquire_o,
  output logic                    ev_contended_o,
  output logic                    ev_handoff_o,
  output logic                    ev_error_o,
  output logic                    qdepth_valid_o,
  output logic      [8:0]         qdepth_o,
  output logic                    lerr_set_o,
  output hwmx_pkg::lerr_t         lerr_o,
  // Interrupts
  output logic      [NUM_CTX-1:0] irq_ctx_o
);

  localparam int CW = $clog2(NUM_CTX);  // NUM_CTX >= 2
  localparam int SW = (NUM_MUTEX > 1) ? $clog2(NUM_MUTEX) : 1;
  localparam int InitN = (NUM_MUTEX > NUM_CTX) ? NUM_MUTEX : NUM_CTX;
  localparam int InitW = $clog2(InitN);
  localparam int unsigned LastSlotI = NUM_MUTEX - 1;
  localparam logic [11:0] LastSlot = LastSlotI[11:0];

  typedef enum logic [3:0] {
    S_INIT,      // clear the tables after reset
    S_IDLE,      // pre-read at the address being accepted; wait for a transaction
    S_EXEC,      // decide, write back, answer (most transactions end here)
    S_WALK,      // PRIORITY enqueue: one waiter per cycle from the tail
    S_LINK2,     // PRIORITY enqueue in the middle: the links of the new waiter
    S_HANDOFF,   // new head, grant record, owned count of the new owner
    S_CANCEL,    // unlink a waiter (CANCEL, or ABANDON of a waiting context)
    S_AB_START,  // ABANDON: start the slot scan
    S_AB_SCAN,   // ABANDON: one slot per cycle
    S_AB_DONE    // ABANDON: owned_count = 0, answer
  } state_e;

  // ---------------------------------------------------------------------------------------
  // State
  // ---------------------------------------------------------------------------------------
  state_e              state_q, state_d;
  logic [InitW-1:0]    init_q, init_d;
  hwmx_pkg::slot_row_t row_q, row_d;    // row being worked on
  hwmx_pkg::slot_id_t  slot_q, slot_d;  // its slot (also the ABANDON scan index)
  hwmx_pkg::ctx_id_t   ctx_q, ctx_d;    // acting context (ABANDON: the abandoned one)
  hwmx_pkg::ctx_id_t   hid_q, hid_d;    // new owner of a handoff
  hwmx_pkg::ctx_id_t   cur_q, cur_d;    // walk: waiter being compared
  hwmx_pkg::ctx_id_t   suc_q, suc_d;    // walk: its successor
  hwmx_pkg::ctx_id_t   nxt_q, nxt_d;    // cancel: links of the leaving waiter
  hwmx_pkg::ctx_id_t   prv_q, prv_d;
  logic [4:0]          pri_q, pri_d;    // walk: priority of the new waiter
  logic                abd_q, abd_d;    // inside ABANDON
  hwmx_pkg::own_cnt_t  abn_q, abn_d;    // ABANDON: slots abandoned so far
  hwmx_pkg::own_cnt_t  abo_q, abo_d;    // ABANDON: slots owned at the start

  // Per-context flags (hwmx_ctx_flags): commands on the request's context c (= ctx_q) and on
  // the new owner h of a handoff (the head in the slot row just read).
  logic [NUM_CTX-1:0] alloc_q, wait_q, gp_q, ist_q, ien_q;
  logic c_alloc, c_wait, c_gp, c_ist, c_ien;  // flags of c (S_EXEC)
  logic f_alloc_set, f_alloc_clr, f_wait_set, f_wait_clr, f_gp_clr, f_ist_set, f_ist_clr;
  logic f_ien_wr, f_ien, f_grant_h;

  // ---------------------------------------------------------------------------------------
  // Tables
  // ---------------------------------------------------------------------------------------
  logic [SW-1:0]       sr_raddr, sr_waddr;
  hwmx_pkg::slot_row_t sr_rdata, sr_wdata;
  logic                sr_we;
  logic [CW-1:0]       pr_raddr, pr_waddr, nx_raddr, nx_waddr, pv_raddr, pv_waddr;
  logic [CW-1:0]       ws_raddr, ws_waddr, oc_raddr, oc_waddr, gr_raddr, gr_waddr;
  logic [CW-1:0]       le_raddr, le_waddr;
  logic [4:0]          pr_rdata, pr_wdata;
  hwmx_pkg::ctx_id_t   nx_rdata, nx_wdata, pv_rdata, pv_wdata;
  hwmx_pkg::slot_id_t  ws_rdata, ws_wdata;
  hwmx_pkg::own_cnt_t  oc_rdata, oc_wdata;
  hwmx_pkg::grant_t    gr_rdata, gr_wdata;
  hwmx_pkg::lerr_t     le_rdata, le_wdata;
  logic                pr_we, nx_we, pv_we, ws_we, oc_we, gr_we, le_we;

  hwmx_sdp_ram #(.Depth(NUM_MUTEX), .Width($bits(sr_rdata))) u_slot_ram (
    .clk_i(clk_i), .raddr_i(sr_raddr), .rdata_o(sr_rdata),
    .we_i(sr_we), .waddr_i(sr_waddr), .wdata_i(sr_wdata));
  hwmx_sdp_ram #(.Depth(NUM_CTX), .Width(5)) u_prio_ram (
    .clk_i(clk_i), .raddr_i(pr_raddr), .rdata_o(pr_rdata),
    .we_i(pr_we), .waddr_i(pr_waddr), .wdata_i(pr_wdata));
  hwmx_sdp_ram #(.Depth(NUM_CTX), .Width(8)) u_next_ram (
    .clk_i(clk_i), .raddr_i(nx_raddr), .rdata_o(nx_rdata),
    .we_i(nx_we), .waddr_i(nx_waddr), .wdata_i(nx_wdata));
  hwmx_sdp_ram #(.Depth(NUM_CTX), .Width(8)) u_prev_ram (
    .clk_i(clk_i), .raddr_i(pv_raddr), .rdata_o(pv_rdata),
    .we_i(pv_we), .waddr_i(pv_waddr), .wdata_i(pv_wdata));
  hwmx_sdp_ram #(.Depth(NUM_CTX), .Width(12)) u_wslot_ram (
    .clk_i(clk_i), .raddr_i(ws_raddr), .rdata_o(ws_rdata),
    .we_i(ws_we), .waddr_i(ws_waddr), .wdata_i(ws_wdata));
  hwmx_sdp_ram #(.Depth(NUM_CTX), .Width(13)) u_owned_ram (
    .clk_i(clk_i), .raddr_i(oc_raddr), .rdata_o(oc_rdata),
    .we_i(oc_we), .waddr_i(oc_waddr), .wdata_i(oc_wdata));
  hwmx_sdp_ram #(.Depth(NUM_CTX), .Width($bits(gr_rdata))) u_grant_ram (
    .clk_i(clk_i), .raddr_i(gr_raddr), .rdata_o(gr_rdata),
    .we_i(gr_we), .waddr_i(gr_waddr), .wdata_i(gr_wdata));
  hwmx_sdp_ram #(.Depth(NUM_CTX), .Width($bits(le_rdata))) u_lerr_ram (
    .clk_i(clk_i), .raddr_i(le_raddr), .rdata_o(le_rdata),
    .we_i(le_we), .waddr_i(le_waddr), .wdata_i(le_wdata));

  hwmx_ctx_flags #(.NUM_CTX(NUM_CTX)) u_flags (
    .clk_i      (clk_i),
    .rst_ni     (rst_ni),
    .c_i        (ctx_q[CW-1:0]),
    .h_i        (sr_rdata.head[CW-1:0]),
    .alloc_set_i(f_alloc_set),
    .alloc_clr_i(f_alloc_clr),
    .wait_set_i (f_wait_set),
    .wait_clr_i (f_wait_clr),
    .gp_clr_i   (f_gp_clr),
    .ist_set_i  (f_ist_set),
    .ist_clr_i  (f_ist_clr),
    .ien_wr_i   (f_ien_wr),
    .ien_i      (f_ien),
    .grant_h_i  (f_grant_h),
    .alloc_o    (alloc_q),
    .wait_o     (wait_q),
    .gp_o       (gp_q),
    .ist_o      (ist_q),
    .ien_o      (ien_q)
  );

  // The flags of c are sampled while the request is accepted (they do not change in S_IDLE) and
  // used in S_EXEC. The selection is split in two: at the accept the group of FG flags that holds
  // c's (by the upper bits of its id), in S_EXEC c's flag in the group (by the low bits of ctx_q).
  // A whole NUM_CTX:1 selection after the address decode would set the depth of the accept edge;
  // an FG:1 selection from registers is ready long before the table data in S_EXEC.
  localparam int GW = (CW < 2) ? CW : 2;         // low id bits resolved in S_EXEC
  localparam int FG = 1 << GW;                   // flags per group
  localparam int NG = (NUM_CTX + FG - 1) / FG;   // groups
  logic [NG*FG-1:0] alloc_x, wait_x, gp_x, ist_x, ien_x;  // the vectors in whole groups
  logic [FG-1:0]    g_alloc, g_wait, g_gp, g_ist, g_ien;  // the group of c, registered

  always_comb begin
    {alloc_x, wait_x, gp_x, ist_x, ien_x} = '0;
    alloc_x[NUM_CTX-1:0] = alloc_q;
    wait_x[NUM_CTX-1:0] = wait_q;
    gp_x[NUM_CTX-1:0] = gp_q;
    ist_x[NUM_CTX-1:0] = ist_q;
    ien_x[NUM_CTX-1:0] = ien_q;
  end

  if (NG > 1) begin : g_groups
    logic [CW-GW-1:0] pre_g;  // group of the context being accepted
    assign pre_g = pre_i.ctx[CW-1:GW];
    always_ff @(posedge clk_i) begin
      if (state_q == S_IDLE) begin
        g_alloc <= alloc_x[{pre_g, GW'(0)}+:FG];
        g_wait <= wait_x[{pre_g, GW'(0)}+:FG];
        g_gp <= gp_x[{pre_g, GW'(0)}+:FG];
        g_ist <= ist_x[{pre_g, GW'(0)}+:FG];
        g_ien <= ien_x[{pre_g, GW'(0)}+:FG];
      end
    end
  end else begin : g_one_group
    always_ff @(posedge clk_i) begin
      if (state_q == S_IDLE) {g_alloc, g_wait, g_gp, g_ist, g_ien} <=
          {alloc_x, wait_x, gp_x, ist_x, ien_x};
    end
  end

  always_comb begin
    c_alloc = g_alloc[ctx_q[GW-1:0]];
    c_wait = g_wait[ctx_q[GW-1:0]];
    c_gp = g_gp[ctx_q[GW-1:0]];
    c_ist = g_ist[ctx_q[GW-1:0]];
    c_ien = g_ien[ctx_q[GW-1:0]];
  end

  assign irq_ctx_o = ist_q & ien_q;

  // ---------------------------------------------------------------------------------------
  // Free-id pools
  // ---------------------------------------------------------------------------------------
  logic          sp_empty, sp_pop, sp_push;
  logic [SW-1:0] sp_id, sp_push_id;
  logic          cp_empty, cp_pop, cp_push;
  logic [CW-1:0] cp_id, cp_push_id;

  hwmx_id_pool #(.N(NUM_MUTEX)) u_slot_pool (
    .clk_i(clk_i), .rst_ni(rst_ni), .empty_o(sp_empty), .id_o(sp_id),
    .pop_i(sp_pop), .push_i(sp_push), .push_id_i(sp_push_id));
  hwmx_id_pool #(.N(NUM_CTX)) u_ctx_pool (
    .clk_i(clk_i), .rst_ni(rst_ni), .empty_o(cp_empty), .id_o(cp_id),
    .pop_i(cp_pop), .push_i(cp_push), .push_id_i(cp_push_id));

  // ---------------------------------------------------------------------------------------
  // The request's context and the checks (valid in S_EXEC)
  // ---------------------------------------------------------------------------------------
  logic [CW-1:0]        rc;  // table index of ctx_q
  logic [15:0]          act;      // the outcome, one-hot (indexed by outcome_e)
  hwmx_pkg::outcome_e   outcome;  // the same, encoded (formal properties)
  logic                 chk_err;  // chk_res is an error
  hwmx_pkg::result_t    chk_res;

  hwmx_pkg::slot_id_t   sp_id_ext;
  hwmx_pkg::ctx_id_t    cp_id_ext;

  assign rc = ctx_q[CW-1:0];

  // The held request's kind, one-hot (decoded with the address; see dec_req_t), and whether it
  // is a context operation (its errors are latched in CTX[c].LAST_ERROR).
  logic [hwmx_pkg::NumReqKinds-1:0] kind;
  logic                             ctx_op;
  assign kind = req_i.kind_oh;
  assign ctx_op = kind[hwmx_pkg::REQ_ACQUIRE] || kind[hwmx_pkg::REQ_TRY] ||
                  kind[hwmx_pkg::REQ_RELEASE] || kind[hwmx_pkg::REQ_CANCEL] ||
                  kind[hwmx_pkg::REQ_TAKE_GRANT];

  always_comb begin
    sp_id_ext = '0;
    sp_id_ext[SW-1:0] = sp_id;
    cp_id_ext = '0;
    cp_id_ext[CW-1:0] = cp_id;
  end

  hwmx_op_check #(.NUM_CTX(NUM_CTX)) u_check (
    .req_i            (req_i),
    .ctx_i            (ctx_q),
    .row_i            (sr_rdata),
    .alloc_i          (c_alloc),
    .waiting_i        (c_wait),
    .gpend_i          (c_gp),
    .prio_i           (pr_rdata),
    .owned_i          (oc_rdata),
    .grant_i          (gr_rdata),
    .slot_pool_empty_i(sp_empty),
    .slot_pool_id_i   (sp_id_ext),
    .ctx_pool_empty_i (cp_empty),
    .ctx_pool_id_i    (cp_id_ext),
    .act_o            (act),
    .outcome_o        (outcome),
    .error_o          (chk_err),
    .res_o            (chk_res)
  );

  // ---------------------------------------------------------------------------------------
  // Plain register reads that need table data (valid in S_EXEC)
  // ---------------------------------------------------------------------------------------
  logic [31:0] inspect_word, ctx_word;

  always_comb begin
    inspect_word = '0;
    if (32'(inspect_slot_i) < NUM_MUTEX) begin
      unique case (req_i.creg)
        hwmx_pkg::CR_INSPECT_STATE: begin
          inspect_word[hwmx_reg_pkg::INSPECT_STATE_ALLOCATED_LSB] = sr_rdata.allocated;
          inspect_word[hwmx_reg_pkg::INSPECT_STATE_RECURSIVE_LSB] = sr_rdata.recursive;
          inspect_word[hwmx_reg_pkg::INSPECT_STATE_PRIORITY_POLICY_LSB] = sr_rdata.prio_policy;
          inspect_word[hwmx_reg_pkg::INSPECT_STATE_OWNED_LSB] = sr_rdata.owned;
          inspect_word[hwmx_reg_pkg::INSPECT_STATE_ABANDONED_LSB] = sr_rdata.abandoned;
          if (sr_rdata.owned) begin
            inspect_word[hwmx_reg_pkg::INSPECT_STATE_OWNER_LSB+:8] = sr_rdata.owner;
          end
        end
        hwmx_pkg::CR_INSPECT_COUNT:
            inspect_word[hwmx_reg_pkg::INSPECT_COUNT_COUNT_LSB+:16] = sr_rdata.count;
        hwmx_pkg::CR_INSPECT_QUEUE: begin
          inspect_word[hwmx_reg_pkg::INSPECT_QUEUE_LENGTH_LSB+:9] = sr_rdata.length;
          if (sr_rdata.length != '0) begin
            inspect_word[hwmx_reg_pkg::INSPECT_QUEUE_HEAD_LSB+:8] = sr_rdata.head;
            inspect_word[hwmx_reg_pkg::INSPECT_QUEUE_TAIL_LSB+:8] = sr_rdata.tail;
          end
        end
        default: ;
      endcase
    end
  end

  always_comb begin
    ctx_word = '0;
    unique case (req_i.xreg)
      hwmx_pkg::XR_STATUS: begin
        ctx_word[hwmx_reg_pkg::CTX_STATUS_ALLOCATED_LSB] = c_alloc;
        ctx_word[hwmx_reg_pkg::CTX_STATUS_WAITING_LSB] = c_wait;
        ctx_word[hwmx_reg_pkg::CTX_STATUS_GRANT_PENDING_LSB] = c_gp;
        ctx_word[hwmx_reg_pkg::CTX_STATUS_OWNED_LSB+:13] = oc_rdata;
        if (c_wait) ctx_word[hwmx_reg_pkg::CTX_STATUS_WAIT_SLOT_LSB+:12] = ws_rdata;
      end
      hwmx_pkg::XR_PRIORITY: ctx_word[hwmx_reg_pkg::CTX_PRIORITY_PRIORITY_LSB+:5] = pr_rdata;
      hwmx_pkg::XR_GRANT: begin
        if (c_gp) begin
          ctx_word = hwmx_pkg::pack_result(hwmx_reg_pkg::RC_GRANTED, gr_rdata.abandoned,
                                           gr_rdata.prio, {4'd0, gr_rdata.slot});
        end else begin
          ctx_word = hwmx_pkg::pack_result(hwmx_reg_pkg::RC_NONE, 1'b0, 5'd0, 16'd0);
        end
      end
      hwmx_pkg::XR_LAST_ERROR:
          ctx_word = hwmx_pkg::pack_lerr(le_rdata.code, le_rdata.op, le_rdata.arg);
      hwmx_pkg::XR_INTR_STATE: ctx_word[hwmx_reg_pkg::INTR_STATE_GRANT_LSB] = c_ist;
      hwmx_pkg::XR_INTR_ENABLE: ctx_word[hwmx_reg_pkg::INTR_ENABLE_GRANT_LSB] = c_ien;
      default: ;  // INTR_TEST is write-only: reads 0
    endcase
  end

  // ---------------------------------------------------------------------------------------
  // S_EXEC: the row as the operation changes it
  // ---------------------------------------------------------------------------------------
  // A function of the request kind and a few row bits, computed in parallel with the checks.
  // Every outcome that writes the row in S_EXEC writes row_x: the checks only decide whether it
  // is written, so the write data does not wait for them. (Rows no outcome writes are don't
  // care: e.g. an exclusive slot held by c, or a RELEASE by another context.)
  hwmx_pkg::slot_row_t row_x;
  logic                x_own;  // the row's owner is the request's context (if owned)

  // Owners and acting contexts are < NUM_CTX: CW bits compare.
  assign x_own = sr_rdata.owner[CW-1:0] == rc;

  always_comb begin
    row_x = sr_rdata;
    unique case (1'b1)
      kind[hwmx_pkg::REQ_ACQUIRE], kind[hwmx_pkg::REQ_TRY]: begin
        row_x.owned = 1'b1;
        if (!sr_rdata.owned) begin
          // OC_ACQ_FREE: taken by c.
          row_x.owner = ctx_q;
          row_x.count = '0;
          row_x.abandoned = 1'b0;
        end else if (x_own) begin
          row_x.count = sr_rdata.count + 1'b1;  // OC_ACQ_RECURSE
        end else begin
          // OC_ENQ_TAIL: c at the tail (and the head of an empty queue).
          if (sr_rdata.length == '0) row_x.head = ctx_q;
          row_x.tail = ctx_q;
          row_x.length = sr_rdata.length + 1'b1;
        end
      end
      kind[hwmx_pkg::REQ_RELEASE]: begin
        if (sr_rdata.count != '0) begin
          row_x.count = sr_rdata.count - 1'b1;  // OC_REL_DEC
        end else begin
          row_x.owned = 1'b0;  // OC_REL_FREE
          row_x.owner = '0;
        end
      end
      kind[hwmx_pkg::REQ_ALLOC_SLOT]: begin
        row_x = '0;
        row_x.allocated = 1'b1;
        row_x.recursive = req_i.mode[0];
        row_x.prio_policy = req_i.mode[1];
      end
      kind[hwmx_pkg::REQ_FREE_SLOT]: row_x.allocated = 1'b0;
      kind[hwmx_pkg::REQ_INIT_SLOT]: begin
        row_x.recursive = req_i.mode[0];
        row_x.prio_policy = req_i.mode[1];
        row_x.abandoned = 1'b0;
      end
      default: ;
    endcase
  end

  // ABANDON scan: one more slot given up is the last one ctx_q owned (from registers only, so
  // that the scan's decision on the row in hand is a select, not a count and a compare).
  logic ab_next_last;
  assign ab_next_last = (abn_q + 1'b1) == abo_q;

  // ---------------------------------------------------------------------------------------
  // FSM
  // ---------------------------------------------------------------------------------------
  // Shared actions requested by the states (applied after the state case):
  logic                plain;    // S_EXEC of a plain register access (not an operation)
  logic                do_resp;  // answer an operation with res
  hwmx_pkg::result_t   res;
  logic                res_err;  // res is an error (answered now): counted and latched
  logic                wr_row;   // write row_n to the slot table at slot_q
  logic                do_enq;   // a new waiter is linked (row_n): waiting, wait_slot, answer
  logic                do_ho;    // start a handoff of slot_q (row sr_rdata) to its head
  logic                do_scan;  // ABANDON: next slot, or done (scan_last, or the last slot)
  logic                scan_last;  // the slots given up are all that ctx_q owned
  hwmx_pkg::slot_row_t row_n;    // the row written (sr_wdata) when wr_row
  hwmx_pkg::ctx_id_t   h;        // the new owner of a handoff started now

  always_comb begin
    state_d = state_q;
    init_d = init_q;
    row_d = row_q;
    slot_d = slot_q;
    ctx_d = ctx_q;
    hid_d = hid_q;
    cur_d = cur_q;
    suc_d = suc_q;
    nxt_d = nxt_q;
    prv_d = prv_q;
    pri_d = pri_q;
    abd_d = abd_q;
    abn_d = abn_q;
    abo_d = abo_q;
    {f_alloc_set, f_alloc_clr, f_wait_set, f_wait_clr, f_gp_clr, f_ist_set, f_ist_clr} = '0;
    {f_ien_wr, f_ien, f_grant_h} = '0;

    // Table ports: read the working slot / the request's context unless a state says otherwise.
    sr_raddr = slot_q[SW-1:0];
    sr_we = 1'b0;
    sr_waddr = slot_q[SW-1:0];
    {pr_raddr, nx_raddr, pv_raddr, ws_raddr, oc_raddr, gr_raddr, le_raddr} = {7{rc}};
    {pr_we, nx_we, pv_we, ws_we, oc_we, gr_we, le_we} = '0;
    {pr_waddr, nx_waddr, pv_waddr, ws_waddr, oc_waddr, gr_waddr, le_waddr} = {7{rc}};
    pr_wdata = '0;
    nx_wdata = '0;
    pv_wdata = '0;
    ws_wdata = slot_q;  // the wait slot of a new waiter
    oc_wdata = '0;
    gr_wdata = '0;
    le_wdata = '0;
    sp_pop = 1'b0;
    sp_push = 1'b0;
    sp_push_id = slot_q[SW-1:0];
    cp_pop = 1'b0;
    cp_push = 1'b0;
    cp_push_id = rc;

    rsp_valid_o = 1'b0;
    rsp_data_o = '0;
    rsp_slverr_o = 1'b0;
    regs_wr_o = 1'b0;
    bus_err_o = 1'b0;
    ev_acquire_o = 1'b0;
    ev_contended_o = 1'b0;
    ev_handoff_o = 1'b0;
    ev_error_o = 1'b0;
    qdepth_valid_o = 1'b0;
    lerr_set_o = 1'b0;

    plain = 1'b0;
    do_resp = 1'b0;
    res = chk_res;
    res_err = 1'b0;
    wr_row = 1'b0;
    do_enq = 1'b0;
    do_ho = 1'b0;
    do_scan = 1'b0;
    scan_last = (abn_q == abo_q);
    row_n = sr_rdata;
    h = '0;

    unique case (state_q)
      S_INIT: begin
        if (32'(init_q) < NUM_MUTEX) begin
          sr_we = 1'b1;
          sr_waddr = init_q[SW-1:0];
        end
        row_n = '0;
        if (32'(init_q) < NUM_CTX) begin
          {pr_we, oc_we, le_we} = '1;
          {pr_waddr, oc_waddr, le_waddr} = {3{init_q[CW-1:0]}};
        end
        init_d = init_q + 1'b1;
        if (32'(init_q) == InitN - 1) state_d = S_IDLE;
      end

      S_IDLE: begin
        sr_raddr = pre_i.kind_oh[hwmx_pkg::REQ_RD_INSPECT] ? inspect_slot_i[SW-1:0] :
                                                             pre_i.slot[SW-1:0];
        {pr_raddr, nx_raddr, pv_raddr, ws_raddr, oc_raddr, gr_raddr, le_raddr} =
            {7{pre_i.ctx[CW-1:0]}};
        // The request's context and slot; an allocation works on the id it will get.
        ctx_d = pre_i.kind_oh[hwmx_pkg::REQ_ALLOC_CTX] ? cp_id_ext : pre_i.ctx;
        slot_d = pre_i.kind_oh[hwmx_pkg::REQ_ALLOC_SLOT] ? sp_id_ext : pre_i.slot;
        if (accept_i) state_d = S_EXEC;
      end

      S_EXEC: begin
        state_d = S_IDLE;
        unique case (1'b1)
          kind[hwmx_pkg::REQ_SLVERR]: begin
            plain = 1'b1;
            rsp_valid_o = 1'b1;
            rsp_slverr_o = 1'b1;
            bus_err_o = 1'b1;
          end
          kind[hwmx_pkg::REQ_RD_CTRL]: begin
            plain = 1'b1;
            rsp_valid_o = 1'b1;
            rsp_data_o = ctrl_rdata_i;
          end
          kind[hwmx_pkg::REQ_RD_INSPECT]: begin
            plain = 1'b1;
            rsp_valid_o = 1'b1;
            rsp_data_o = inspect_word;
          end
          kind[hwmx_pkg::REQ_RD_CTX]: begin
            plain = 1'b1;
            rsp_valid_o = 1'b1;
            rsp_data_o = ctx_word;
          end
          kind[hwmx_pkg::REQ_WR_CTRL]: begin
            plain = 1'b1;
            rsp_valid_o = 1'b1;
            regs_wr_o = 1'b1;
          end
          kind[hwmx_pkg::REQ_WR_CTX]: begin
            plain = 1'b1;
            rsp_valid_o = 1'b1;
            unique case (req_i.xreg)
              hwmx_pkg::XR_PRIORITY: begin
                pr_we = 1'b1;
                pr_wdata = wdata_i[hwmx_reg_pkg::CTX_PRIORITY_PRIORITY_LSB+:5];
              end
              hwmx_pkg::XR_LAST_ERROR: le_we = 1'b1;  // any write clears
              hwmx_pkg::XR_INTR_STATE: begin
                f_ist_clr = wdata_i[hwmx_reg_pkg::INTR_STATE_GRANT_LSB];  // write 1 to clear
              end
              hwmx_pkg::XR_INTR_ENABLE: begin
                f_ien_wr = 1'b1;
                f_ien = wdata_i[hwmx_reg_pkg::INTR_ENABLE_GRANT_LSB];
              end
              hwmx_pkg::XR_INTR_TEST: begin
                f_ist_set = wdata_i[hwmx_reg_pkg::INTR_TEST_GRANT_LSB];
              end
              default: ;
            endcase
          end
          default: begin
            // Operations (ACT and CTRL_ACT windows). The checks decide (act, one-hot) only
            // which writes happen; what is written does not wait for them: the row is row_x,
            // the owned count moves by one in the direction of the kind, the queue links are
            // those of an append at the tail.
            row_n = row_x;
            res_err = chk_err;  // errors answer now
            oc_wdata = kind[hwmx_pkg::REQ_RELEASE] ? oc_rdata - 1'b1 : oc_rdata + 1'b1;
            nx_waddr = sr_rdata.tail[CW-1:0];  // next[tail] = c
            nx_wdata = ctx_q;
            pv_wdata = sr_rdata.tail;          // prev[c] = tail
            // The operands of a walk (the tail's priority and predecessor, with the row and c's
            // priority) or of a handoff (the head's next, priority and owned count), loaded
            // and read whatever the outcome: S_WALK and S_HANDOFF use them.
            row_d = sr_rdata;
            pri_d = pr_rdata;
            cur_d = sr_rdata.tail;
            hid_d = sr_rdata.head;
            pr_raddr = kind[hwmx_pkg::REQ_RELEASE] ? sr_rdata.head[CW-1:0] : sr_rdata.tail[CW-1:0];
            pv_raddr = sr_rdata.tail[CW-1:0];
            nx_raddr = sr_rdata.head[CW-1:0];
            oc_raddr = sr_rdata.head[CW-1:0];
            abd_d = act[hwmx_pkg::OC_ABANDON];
            // Every outcome answers now but a walk, a cancel and an abandon (when done).
            do_resp = 1'b1;
            unique case (1'b1)
              act[hwmx_pkg::OC_ACQ_FREE]: begin
                wr_row = 1'b1;
                oc_we = 1'b1;
                ev_acquire_o = 1'b1;
              end
              act[hwmx_pkg::OC_ACQ_RECURSE]: begin
                wr_row = 1'b1;
                ev_acquire_o = 1'b1;
              end
              act[hwmx_pkg::OC_ENQ_TAIL]: begin
                // A new head needs no prev write, a tail no next.
                nx_we = sr_rdata.length != '0;
                pv_we = 1'b1;
                do_enq = 1'b1;
              end
              act[hwmx_pkg::OC_ENQ_WALK]: begin
                do_resp = 1'b0;
                state_d = S_WALK;
              end
              act[hwmx_pkg::OC_REL_DEC]: wr_row = 1'b1;
              act[hwmx_pkg::OC_REL_FREE]: begin
                wr_row = 1'b1;
                oc_we = 1'b1;
              end
              act[hwmx_pkg::OC_REL_HANDOFF]: begin
                oc_we = 1'b1;
                do_ho = 1'b1;
              end
              act[hwmx_pkg::OC_CANCEL_WAIT]: begin
                // The wait slot is known only now: read its row.
                slot_d = ws_rdata;
                nxt_d = nx_rdata;
                prv_d = pv_rdata;
                sr_raddr = ws_rdata[SW-1:0];
                do_resp = 1'b0;
                state_d = S_CANCEL;
              end
              act[hwmx_pkg::OC_CONSUME_GRANT]: {f_gp_clr, f_ist_clr} = '1;
              act[hwmx_pkg::OC_ALLOC_SLOT]: begin
                sp_pop = 1'b1;
                wr_row = 1'b1;
              end
              act[hwmx_pkg::OC_FREE_SLOT]: begin
                wr_row = 1'b1;
                sp_push = 1'b1;
              end
              act[hwmx_pkg::OC_INIT_SLOT]: wr_row = 1'b1;
              act[hwmx_pkg::OC_ALLOC_CTX]: begin
                // The context page starts from its reset values.
                cp_pop = 1'b1;
                {f_alloc_set, f_wait_clr, f_gp_clr, f_ist_clr, f_ien_wr} = '1;
                {pr_we, le_we, oc_we} = '1;
                oc_wdata = '0;
              end
              act[hwmx_pkg::OC_FREE_CTX]: begin
                {f_alloc_clr, f_ist_clr} = '1;
                cp_push = 1'b1;
              end
              act[hwmx_pkg::OC_ABANDON]: begin
                // Drop the grant (its slot is owned and abandoned by the scan), leave the
                // queue if waiting, then scan.
                abn_d = '0;
                abo_d = oc_rdata;
                {f_gp_clr, f_ist_clr} = '1;
                do_resp = 1'b0;
                if (c_wait) begin
                  slot_d = ws_rdata;
                  nxt_d = nx_rdata;
                  prv_d = pv_rdata;
                  sr_raddr = ws_rdata[SW-1:0];
                  state_d = S_CANCEL;
                end else begin
                  state_d = S_AB_START;
                end
              end
              default: ;  // OC_RESPOND: errors, BUSY, NONE
            endcase
          end
        endcase
      end
      S_WALK: begin
        // cur_q is compared; pr_rdata/pv_rdata are its priority and predecessor. The row and
        // the answer once the new waiter is linked in: QUEUED with the new length.
        row_n = row_q;
        row_n.length = row_q.length + 1'b1;
        res = {hwmx_reg_pkg::RC_QUEUED, 1'b0, 5'd0, 7'd0, row_n.length};
        if (pr_rdata >= pri_q) begin
          // Insert after cur_q.
          nx_we = 1'b1;
          nx_waddr = cur_q[CW-1:0];
          nx_wdata = ctx_q;
          pv_we = 1'b1;
          if (cur_q == row_q.tail) begin
            pv_waddr = ctx_q[CW-1:0];
            pv_wdata = cur_q;
            row_n.tail = ctx_q;
            do_enq = 1'b1;
          end else begin
            pv_waddr = suc_q[CW-1:0];
            pv_wdata = ctx_q;
            state_d = S_LINK2;
          end
        end else if (cur_q == row_q.head) begin
          // Every waiter has a lower priority: new head.
          nx_we = 1'b1;
          nx_waddr = ctx_q[CW-1:0];
          nx_wdata = cur_q;
          pv_we = 1'b1;
          pv_waddr = cur_q[CW-1:0];
          pv_wdata = ctx_q;
          row_n.head = ctx_q;
          do_enq = 1'b1;
        end else begin
          suc_d = cur_q;
          cur_d = pv_rdata;
          pr_raddr = pv_rdata[CW-1:0];
          pv_raddr = pv_rdata[CW-1:0];
        end
      end

      S_LINK2: begin
        // cur_q <-> ctx_q <-> suc_q: the new waiter's own links.
        nx_we = 1'b1;
        nx_waddr = ctx_q[CW-1:0];
        nx_wdata = suc_q;
        pv_we = 1'b1;
        pv_waddr = ctx_q[CW-1:0];
        pv_wdata = cur_q;
        row_n = row_q;
        row_n.length = row_q.length + 1'b1;
        res = {hwmx_reg_pkg::RC_QUEUED, 1'b0, 5'd0, 7'd0, row_n.length};
        do_enq = 1'b1;
      end

      S_HANDOFF: begin
        // nx/pr/oc_rdata: next, priority and owned count of the new owner hid_q.
        row_n = row_q;
        row_n.owner = hid_q;
        row_n.count = '0;
        row_n.head = nx_rdata;
        row_n.length = row_q.length - 1'b1;
        wr_row = 1'b1;
        gr_we = 1'b1;
        gr_waddr = hid_q[CW-1:0];
        gr_wdata.slot = slot_q;
        gr_wdata.abandoned = abd_q;
        gr_wdata.prio = hwmx_pkg::boost(pr_rdata, row_q.recursive);
        oc_we = 1'b1;
        oc_waddr = hid_q[CW-1:0];
        oc_wdata = oc_rdata + 1'b1;
        sr_raddr = slot_q[SW-1:0] + 1'b1;  // ABANDON: the next slot of the scan
        if (abd_q) do_scan = 1'b1;
        else state_d = S_IDLE;
      end

      S_CANCEL: begin
        // sr_rdata: the row of the wait slot; ctx_q leaves, nxt_q/prv_q are its links.
        row_n.length = sr_rdata.length - 1'b1;
        if (sr_rdata.head == ctx_q) begin
          row_n.head = nxt_q;
        end else begin
          nx_we = 1'b1;
          nx_waddr = prv_q[CW-1:0];
          nx_wdata = nxt_q;
        end
        if (sr_rdata.tail == ctx_q) begin
          row_n.tail = prv_q;
        end else begin
          pv_we = 1'b1;
          pv_waddr = nxt_q[CW-1:0];
          pv_wdata = prv_q;
        end
        wr_row = 1'b1;
        f_wait_clr = 1'b1;
        if (abd_q) begin
          state_d = S_AB_START;
        end else begin
          do_resp = 1'b1;
          res = {hwmx_reg_pkg::RC_CANCELLED, 1'b0, 5'd0, 4'd0, slot_q};
            state_d = S_IDLE;
        end
      end

      S_AB_START: begin
        if (abo_q == '0) begin
          state_d = S_AB_DONE;
        end else begin
          slot_d = '0;
          sr_raddr = '0;
          state_d = S_AB_SCAN;
        end
      end

      S_AB_SCAN: begin
        // sr_rdata: row of slot_q. Read whatever is decided: the next slot (a wrap after the
        // last one is not used), and the operands of a handoff (also loaded).
        sr_raddr = slot_q[SW-1:0] + 1'b1;
        row_d = sr_rdata;
        hid_d = sr_rdata.head;
        {nx_raddr, pr_raddr, oc_raddr} = {3{sr_rdata.head[CW-1:0]}};
        if (sr_rdata.owned && x_own) begin
          abn_d = abn_q + 1'b1;
          scan_last = ab_next_last;
          if (sr_rdata.length == '0) begin
            row_n.owned = 1'b0;
            row_n.owner = '0;
            row_n.count = '0;
            row_n.abandoned = 1'b1;
            wr_row = 1'b1;
            do_scan = 1'b1;
          end else begin
            do_ho = 1'b1;
          end
        end else begin
          do_scan = 1'b1;
        end
      end

      S_AB_DONE: begin
        oc_we = 1'b1;
        oc_waddr = ctx_q[CW-1:0];
        oc_wdata = '0;
        do_resp = 1'b1;
        res = {hwmx_reg_pkg::RC_DONE, 1'b0, 5'd0, 3'd0, abn_q};
        state_d = S_IDLE;
      end

      default: state_d = S_IDLE;
    endcase

    // A new waiter is linked in: the row, its waiting state, the answer.
    qdepth_o = row_n.length;
    if (do_enq) begin
      wr_row = 1'b1;
      f_wait_set = 1'b1;
      ws_we = 1'b1;
      qdepth_valid_o = 1'b1;
      do_resp = 1'b1;
      state_d = S_IDLE;
    end

    // Handoff, first cycle: the head becomes the owner and is interrupted now; S_HANDOFF
    // writes the row, grant record and owned count with the head's next/priority/count (the
    // states starting a handoff read those and load row_q, hid_q whatever they decide).
    if (do_ho) begin
      h = sr_rdata.head;
      f_grant_h = 1'b1;  // waiting = 0, grant_pending = 1, intr_state = 1
      ev_acquire_o = 1'b1;
      ev_contended_o = 1'b1;
      ev_handoff_o = 1'b1;
      state_d = S_HANDOFF;
    end

    // ABANDON scan: stop after the last owned slot (or the last slot); the next slot's row is
    // being read (S_AB_SCAN, S_HANDOFF).
    if (do_scan) begin
      if (scan_last || slot_q == LastSlot) begin
        state_d = S_AB_DONE;
      end else begin
        slot_d = slot_q + 1'b1;
        state_d = S_AB_SCAN;
      end
    end

    // The answer of an operation; errors are counted and latched.
    // The answer of an operation; errors are counted and latched. The answer word, the error
    // record and the row are driven whatever the decision (they are used only with rsp_valid_o,
    // the latch enables and sr_we): only those wait for the checks.
    if (!plain) rsp_data_o = hwmx_pkg::pack_result(res.code, res.abandoned, res.prio, res.value);
    lerr_o.code = res.code;
    lerr_o.op = hwmx_pkg::op_code(req_i.kind);
    lerr_o.arg = req_i.arg;
    if (state_q != S_INIT && ctx_op) le_wdata = lerr_o;
    if (do_resp) rsp_valid_o = 1'b1;
    if (res_err) begin
      ev_error_o = 1'b1;
      if (ctx_op) le_we = 1'b1;
      else lerr_set_o = 1'b1;
    end

    sr_wdata = row_n;
    if (wr_row) sr_we = 1'b1;
  end

  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      state_q <= S_INIT;
      init_q <= '0;
      row_q <= '0;
      slot_q <= '0;
      ctx_q <= '0;
      hid_q <= '0;
      cur_q <= '0;
      suc_q <= '0;
      nxt_q <= '0;
      prv_q <= '0;
      pri_q <= '0;
      abd_q <= 1'b0;
      abn_q <= '0;
      abo_q <= '0;
    end else begin
      state_q <= state_d;
      init_q <= init_d;
      row_q <= row_d;
      slot_q <= slot_d;
      ctx_q <= ctx_d;
      hid_q <= hid_d;
      cur_q <= cur_d;
      suc_q <= suc_d;
      nxt_q <= nxt_d;
      prv_q <= prv_d;
      pri_q <= pri_d;
      abd_q <= abd_d;
      abn_q <= abn_d;
      abo_q <= abo_d;
    end
  end

  assign ready_o = (state_q == S_IDLE);

  // Only some fields of the pre-decode and bits of kind are used; the encoded outcome and h (the
  // new owner of a handoff) are decisions named for the formal properties, act[OC_RESPOND] is
  // implied.
  logic unused_bits;
  assign unused_bits = ^{pre_i, kind, outcome, h, act[hwmx_pkg::OC_RESPOND]};

`ifdef FORMAL
`include "formal/hwmx_engine_props.svh"
`endif

endmodule

`default_nettype wire
