// Property checker of hwmx_engine, instantiated inside the engine by hwmx_engine_props.svh
// (under `ifdef FORMAL and HWMX_FV_ENGINE), which connects it to the engine's state registers,
// flags, table ports, pools and decisions. It is a module of its own only because the yosys 0.23
// frontend re-simplifies the whole (large) engine module for every generate item: the same
// properties written inline take hours to read. Port names are the engine's signal names.
//
// What is proved (scripts/formal proof "engine", hwmx_engine_fv top, 4 slots x 4 contexts, BMC and
// k-induction; docs/verification.md lists every property):
//   - at most one owner per slot: a ghost relation built from the grant/release decisions (not
//     from the table) is always the table's owner, a free slot is granted only when nobody holds
//     it, and a handoff passes the slot from its holder;
//   - an owner never waits on a slot it owns; waiters, owners and grants are allocated contexts;
//   - a context is in the queue of s iff it is waiting on s (so in at most one queue);
//   - each queue is well formed: its first `length` elements from head along next are distinct
//     contexts, the last one is tail, prev mirrors next, length = the contexts waiting on s; a free
//     slot has an empty queue; FIFO queues are in arrival order;
//   - owned_count = slots owned; the free-id pools hold exactly the unallocated ids;
//   - RELEASE by the owner (count 0) frees the slot if nobody waits, else makes the head of the
//     queue the owner (no longer waiting, grant pending, interrupt raised);
//   - an enqueue links the new waiter in: FIFO at the tail; PRIORITY after the waiter found by the
//     walk (priority >= its own) and before every waiter it passed (lower priority);
//   - CANCEL (any answer) and ABANDON leave the context in no queue; ABANDON leaves it owning
//     nothing, with no grant pending;
//   - the engine answers only a transaction it was given, every one within 2*NUM_MUTEX+3 cycles.
`default_nettype none

module hwmx_engine_fv_check #(
  parameter int NUM_MUTEX = 4,
  parameter int NUM_CTX = 4,
  localparam int CW = $clog2(NUM_CTX),
  localparam int SW = (NUM_MUTEX > 1) ? $clog2(NUM_MUTEX) : 1
) (
  input wire logic               clk_i,
  input wire logic               rst_ni,
  // FSM state (decoded by the includer) and the registers of a multi-cycle operation
  input wire logic               st_legal,
  input wire logic               st_init,
  input wire logic               st_idle,
  input wire logic               st_exec,
  input wire logic               st_walk,
  input wire logic               st_link2,
  input wire logic               st_handoff,
  input wire logic               st_cancel,
  input wire logic               st_ab_start,
  input wire logic               st_ab_scan,
  input wire logic               st_ab_done,
  input wire logic [31:0]        init_idx,  // S_INIT: the table row being cleared
  input hwmx_pkg::slot_row_t     row_q,
  input hwmx_pkg::slot_id_t      slot_q,
  input hwmx_pkg::ctx_id_t       ctx_q,
  input hwmx_pkg::ctx_id_t       hid_q,
  input hwmx_pkg::ctx_id_t       cur_q,
  input hwmx_pkg::ctx_id_t       suc_q,
  input hwmx_pkg::ctx_id_t       nxt_q,
  input hwmx_pkg::ctx_id_t       prv_q,
  input wire logic [4:0]         pri_q,
  input wire logic               abd_q,
  input hwmx_pkg::own_cnt_t      abn_q,
  input hwmx_pkg::own_cnt_t      abo_q,
  // Per-context flags
  input wire logic [NUM_CTX-1:0] alloc_q,
  input wire logic [NUM_CTX-1:0] wait_q,
  input wire logic [NUM_CTX-1:0] gp_q,
  input wire logic [NUM_CTX-1:0] ist_q,
  // Tables: write and read ports
  input wire logic               sr_we,
  input wire logic [SW-1:0]      sr_waddr,
  input hwmx_pkg::slot_row_t     sr_wdata,
  input wire logic [SW-1:0]      sr_raddr,
  input hwmx_pkg::slot_row_t     sr_rdata,
  input wire logic               pr_we,
  input wire logic [CW-1:0]      pr_waddr,
  input wire logic [4:0]         pr_wdata,
  input wire logic [CW-1:0]      pr_raddr,
  input wire logic [4:0]         pr_rdata,
  input wire logic               nx_we,
  input wire logic [CW-1:0]      nx_waddr,
  input hwmx_pkg::ctx_id_t       nx_wdata,
  input wire logic [CW-1:0]      nx_raddr,
  input hwmx_pkg::ctx_id_t       nx_rdata,
  input wire logic               pv_we,
  input wire logic [CW-1:0]      pv_waddr,
  input hwmx_pkg::ctx_id_t       pv_wdata,
  input wire logic [CW-1:0]      pv_raddr,
  input hwmx_pkg::ctx_id_t       pv_rdata,
  input wire logic               ws_we,
  input wire logic [CW-1:0]      ws_waddr,
  input hwmx_pkg::slot_id_t      ws_wdata,
  input wire logic [CW-1:0]      ws_raddr,
  input hwmx_pkg::slot_id_t      ws_rdata,
  input wire logic               oc_we,
  input wire logic [CW-1:0]      oc_waddr,
  input hwmx_pkg::own_cnt_t      oc_wdata,
  input wire logic [CW-1:0]      oc_raddr,
  input hwmx_pkg::own_cnt_t      oc_rdata,
  // Free-id pools
  input wire logic               sp_empty,
  input wire logic [SW-1:0]      sp_id,
  input wire logic               sp_pop,
  input wire logic               sp_push,
  input wire logic [SW-1:0]      sp_push_id,
  input wire logic               cp_empty,
  input wire logic [CW-1:0]      cp_id,
  input wire logic               cp_pop,
  input wire logic               cp_push,
  input wire logic [CW-1:0]      cp_push_id,
  // Front end
  input wire logic               accept_i,
  input hwmx_pkg::dec_req_t      pre_i,
  input hwmx_pkg::dec_req_t      req_i,
  input wire logic [31:0]        wdata_i,
  input wire logic               ready_o,
  input wire logic               rsp_valid_o,
  // Decisions of the cycle
  input hwmx_pkg::outcome_e      outcome,
  input wire logic               do_ho,    // a handoff of slot_q starts (to h)
  input hwmx_pkg::ctx_id_t       h,
  input wire logic               do_enq    // ctx_q is linked into the queue of slot_q
);

  logic [CW-1:0]      rc;
  hwmx_pkg::slot_id_t sp_id_ext;
  hwmx_pkg::ctx_id_t  cp_id_ext;
  assign rc = ctx_q[CW-1:0];
  assign sp_id_ext = 12'(sp_id);
  assign cp_id_ext = 8'(cp_id);

  // ---- slot_row_t layout (checked against hwmx_pkg below) ----
  localparam int FR_W = 54;
  localparam int FR_LEN = 0;     // [8:0]
  localparam int FR_TAIL = 9;    // [16:9]
  localparam int FR_HEAD = 17;   // [24:17]
  localparam int FR_COUNT = 25;  // [40:25]
  localparam int FR_OWNER = 41;  // [48:41]
  localparam int FR_ABD = 49;
  localparam int FR_OWNED = 50;
  localparam int FR_POL = 51;
  localparam int FR_REC = 52;
  localparam int FR_ALLOC = 53;
  localparam int FM = NUM_MUTEX;
  localparam int FC = NUM_CTX;
  localparam int FInitN = (NUM_MUTEX > NUM_CTX) ? NUM_MUTEX : NUM_CTX;  // rows S_INIT clears
  localparam int FLatMax = 2 * NUM_MUTEX + 3;  // longest transaction (ABANDON), in cycles

  logic fv_past_valid = 1'b0;
  always @(posedge clk_i) fv_past_valid <= 1'b1;
  // The first cycle is a reset. Stated as an assumption (not left to the initial value) so that
  // the induction step, which starts from any state, cannot begin before the reset either.
  always @* if (!fv_past_valid) assume (!rst_ni);

  // ---------------------------------------------------------------------------------------
  // Shadow tables and the RAM read contract
  // ---------------------------------------------------------------------------------------
  logic [FM*FR_W-1:0] fv_sr;
  logic [FC*5-1:0]    fv_pr;
  logic [FC*8-1:0]    fv_nx, fv_pv;
  logic [FC*12-1:0]   fv_ws;
  logic [FC*13-1:0]   fv_oc;
  logic [SW-1:0]      fv_sr_ra;
  logic [CW-1:0]      fv_pr_ra, fv_nx_ra, fv_pv_ra, fv_ws_ra, fv_oc_ra;
  logic               fv_sr_ok, fv_pr_ok, fv_nx_ok, fv_pv_ok, fv_ws_ok, fv_oc_ok;

  always @(posedge clk_i) begin
    if (sr_we) fv_sr[sr_waddr*FR_W+:FR_W] <= sr_wdata;
    if (pr_we) fv_pr[pr_waddr*5+:5] <= pr_wdata;
    if (nx_we) fv_nx[nx_waddr*8+:8] <= nx_wdata;
    if (pv_we) fv_pv[pv_waddr*8+:8] <= pv_wdata;
    if (ws_we) fv_ws[ws_waddr*12+:12] <= ws_wdata;
    if (oc_we) fv_oc[oc_waddr*13+:13] <= oc_wdata;
    fv_sr_ra <= sr_raddr;
    fv_pr_ra <= pr_raddr;
    fv_nx_ra <= nx_raddr;
    fv_pv_ra <= pv_raddr;
    fv_ws_ra <= ws_raddr;
    fv_oc_ra <= oc_raddr;
    fv_sr_ok <= !(sr_we && sr_waddr == sr_raddr);
    fv_pr_ok <= !(pr_we && pr_waddr == pr_raddr);
    fv_nx_ok <= !(nx_we && nx_waddr == nx_raddr);
    fv_pv_ok <= !(pv_we && pv_waddr == pv_raddr);
    fv_ws_ok <= !(ws_we && ws_waddr == ws_raddr);
    fv_oc_ok <= !(oc_we && oc_waddr == oc_raddr);
  end

  always @* begin
    if (fv_past_valid) begin
      if (fv_sr_ok && 32'(fv_sr_ra) < FM) assume (sr_rdata == fv_sr[fv_sr_ra*FR_W+:FR_W]);
      if (fv_pr_ok && 32'(fv_pr_ra) < FC) assume (pr_rdata == fv_pr[fv_pr_ra*5+:5]);
      if (fv_nx_ok && 32'(fv_nx_ra) < FC) assume (nx_rdata == fv_nx[fv_nx_ra*8+:8]);
      if (fv_pv_ok && 32'(fv_pv_ra) < FC) assume (pv_rdata == fv_pv[fv_pv_ra*8+:8]);
      if (fv_ws_ok && 32'(fv_ws_ra) < FC) assume (ws_rdata == fv_ws[fv_ws_ra*12+:12]);
      if (fv_oc_ok && 32'(fv_oc_ra) < FC) assume (oc_rdata == fv_oc[fv_oc_ra*13+:13]);
    end
  end

  // The field offsets above are those of hwmx_pkg::slot_row_t.
  always @* begin
    assert ($bits(sr_rdata) == FR_W);
    assert (sr_rdata.allocated == sr_rdata[FR_ALLOC] && sr_rdata.recursive == sr_rdata[FR_REC] &&
            sr_rdata.prio_policy == sr_rdata[FR_POL] && sr_rdata.owned == sr_rdata[FR_OWNED] &&
            sr_rdata.abandoned == sr_rdata[FR_ABD] && sr_rdata.owner == sr_rdata[FR_OWNER+:8] &&
            sr_rdata.count == sr_rdata[FR_COUNT+:16] && sr_rdata.head == sr_rdata[FR_HEAD+:8] &&
            sr_rdata.tail == sr_rdata[FR_TAIL+:8] && sr_rdata.length == sr_rdata[FR_LEN+:9]);
  end

  // ---------------------------------------------------------------------------------------
  // Pool contract (free sets)
  // ---------------------------------------------------------------------------------------
  logic [FM-1:0] fv_sfree;
  logic [FC-1:0] fv_cfree;

  always @(posedge clk_i) begin
    if (!rst_ni) begin
      fv_sfree <= '1;
      fv_cfree <= '1;
    end else begin
      if (sp_pop) fv_sfree[sp_id] <= 1'b0;
      if (sp_push) fv_sfree[sp_push_id] <= 1'b1;
      if (cp_pop) fv_cfree[cp_id] <= 1'b0;
      if (cp_push) fv_cfree[cp_push_id] <= 1'b1;
    end
  end

  // A pool's outputs change only after a push, a pop or a reset (proved in "pool").
  logic          fv_sp_quiet, fv_cp_quiet, fv_sp_empty_past, fv_cp_empty_past;
  logic [SW-1:0] fv_sp_id_past;
  logic [CW-1:0] fv_cp_id_past;
  always @(posedge clk_i) begin
    fv_sp_quiet <= rst_ni && !sp_pop && !sp_push;
    fv_cp_quiet <= rst_ni && !cp_pop && !cp_push;
    fv_sp_empty_past <= sp_empty;
    fv_cp_empty_past <= cp_empty;
    fv_sp_id_past <= sp_id;
    fv_cp_id_past <= cp_id;
  end

  always @* begin
    if (fv_past_valid) begin
      if (fv_sp_quiet) assume (sp_empty == fv_sp_empty_past && (sp_empty || sp_id == fv_sp_id_past));
      if (fv_cp_quiet) assume (cp_empty == fv_cp_empty_past && (cp_empty || cp_id == fv_cp_id_past));
      if (!sp_empty) assume (32'(sp_id) < FM && fv_sfree[sp_id]);
      assume (sp_empty == (fv_sfree == '0));
      if (!cp_empty) assume (32'(cp_id) < FC && fv_cfree[cp_id]);
      assume (cp_empty == (fv_cfree == '0));
      // The engine's obligations towards the pools.
      assert (!(sp_pop && sp_push));
      assert (!(cp_pop && cp_push));
      if (sp_pop) assert (!sp_empty);
      if (cp_pop) assert (!cp_empty);
      if (sp_push) assert (32'(sp_push_id) < FM && !fv_sfree[sp_push_id]);
      if (cp_push) assert (32'(cp_push_id) < FC && !fv_cfree[cp_push_id]);
    end
  end

  // ---------------------------------------------------------------------------------------
  // Front end: what the engine relies on (the AXI slave guarantees it, proof "axil"), and the
  // engine's guarantee back (proof "axil" assumes it with the same definition of pending).
  // ---------------------------------------------------------------------------------------
  logic               fv_rst_past, fv_acc_past, fv_pending;
  hwmx_pkg::dec_req_t fv_pre_past, fv_req_past;
  logic [31:0]        fv_wdata_past;
  logic [4:0]         fv_lat;  // cycles since the accept while pending

  always @(posedge clk_i) begin
    fv_rst_past <= rst_ni;
    fv_acc_past <= accept_i;
    fv_pre_past <= pre_i;
    fv_req_past <= req_i;
    fv_wdata_past <= wdata_i;
    if (!rst_ni) begin
      fv_pending <= 1'b0;
      fv_lat <= '0;
    end else if (accept_i) begin
      fv_pending <= 1'b1;
      fv_lat <= '0;
    end else begin
      if (rsp_valid_o) fv_pending <= 1'b0;
      if (fv_pending && fv_lat != 5'h1F) fv_lat <= fv_lat + 1'b1;
    end
  end

  always @* begin
    if (fv_past_valid) begin
      if (accept_i) assert (ready_o && !fv_pending);  // accept only when idle
      if (fv_rst_past && rst_ni) begin
        if (fv_acc_past) assert (req_i == fv_pre_past);  // the request is the access accepted
        else assert (req_i == fv_req_past && wdata_i == fv_wdata_past);  // ... held until the next
      end
      if (rsp_valid_o) assert (fv_pending);  // the engine answers only what it was given
      if (fv_pending) assert (32'(fv_lat) <= FLatMax);  // ... and every access, in time
    end
  end

  // ---------------------------------------------------------------------------------------
  // Virtual tables (the current operation's committed writes applied)
  // ---------------------------------------------------------------------------------------
  logic               fv_ab_phase;  // ABANDON scan under way: ctx_q's count is being given up
  logic [FM*FR_W-1:0] fv_vsr;
  logic [FC*8-1:0]    fv_vnx, fv_vpv;
  logic [FC*12-1:0]   fv_vws;
  logic [FC*13-1:0]   fv_voc;
  logic [FC-1:0]      fv_vwait;
  logic [FR_W-1:0]    fv_ho_row;    // S_HANDOFF: the row as it will be written
  logic [7:0]         fv_hnext;     // next of the new owner

  assign fv_ab_phase = abd_q && (st_ab_start || st_ab_scan ||
                                 st_ab_done || st_handoff);
  assign fv_hnext = fv_nx[hid_q[CW-1:0]*8+:8];
  assign fv_ho_row = {row_q[FR_W-1:FR_OWNER+8], hid_q, 16'd0, fv_hnext, row_q[FR_TAIL+:8],
                      row_q[FR_LEN+:9] - 9'd1};

  for (genvar s = 0; s < FM; s++) begin : g_vs
    logic [FR_W-1:0] r;
    assign r = fv_sr[s*FR_W+:FR_W];
    assign fv_vsr[s*FR_W+:FR_W] =
        (st_link2 && 32'(slot_q) == s) ? {r[FR_W-1:9], r[FR_LEN+:9] + 9'd1} :
        (st_handoff && 32'(slot_q) == s) ? fv_ho_row : r;
  end

  for (genvar c = 0; c < FC; c++) begin : g_vc
    logic link;  // S_LINK2 on c
    assign link = st_link2 && 32'(ctx_q) == c;
    assign fv_vnx[c*8+:8] = link ? suc_q : fv_nx[c*8+:8];
    assign fv_vpv[c*8+:8] = link ? cur_q : fv_pv[c*8+:8];
    assign fv_vws[c*12+:12] = link ? slot_q : fv_ws[c*12+:12];
    assign fv_vwait[c] = link || wait_q[c];
    assign fv_voc[c*13+:13] =
        (st_handoff && 32'(hid_q) == c) ? fv_oc[c*13+:13] + 13'd1 :
        (fv_ab_phase && 32'(ctx_q) == c) ? fv_oc[c*13+:13] - abn_q : fv_oc[c*13+:13];
  end

  // ---------------------------------------------------------------------------------------
  // Queues as lists: element i of the queue of slot s, membership, counts
  // ---------------------------------------------------------------------------------------
  logic [FM*FC*8-1:0] fv_el;     // [(s*FC+i)*8 +: 8]: i-th waiter from the head
  logic [FM*FC-1:0]   fv_mem;    // [s*FC+c]: c is one of the first length elements of queue s
  logic [FM*FC-1:0]   fv_on;     // [s*FC+c]: c waits on s
  logic [FM*FC-1:0]   fv_own;    // [s*FC+c]: s is owned by c
  logic [FM*9-1:0]    fv_len;    // [s*9 +: 9]: queue length of s
  logic [FM*9-1:0]    fv_nwait;  // contexts waiting on s
  logic [FC*13-1:0]   fv_nown;   // slots owned by c

  for (genvar s = 0; s < FM; s++) begin : g_q
    assign fv_len[s*9+:9] = fv_vsr[s*FR_W+FR_LEN+:9];
    for (genvar i = 0; i < FC; i++) begin : g_el
      if (i == 0) begin : g_head
        assign fv_el[(s*FC)*8+:8] = fv_vsr[s*FR_W+FR_HEAD+:8];
      end else begin : g_next
        assign fv_el[(s*FC+i)*8+:8] = fv_vnx[fv_el[(s*FC+i-1)*8+:CW]*8+:8];
      end
    end
    for (genvar c = 0; c < FC; c++) begin : g_c
      logic [FC-1:0] hit;
      for (genvar i = 0; i < FC; i++) begin : g_hit
        assign hit[i] = (i < fv_len[s*9+:9]) && (32'(fv_el[(s*FC+i)*8+:8]) == c);
      end
      assign fv_mem[s*FC+c] = |hit;
      assign fv_on[s*FC+c] = fv_vwait[c] && 32'(fv_vws[c*12+:12]) == s;
      assign fv_own[s*FC+c] = fv_vsr[s*FR_W+FR_OWNED] && 32'(fv_vsr[s*FR_W+FR_OWNER+:8]) == c;
    end
    logic [FC*9-1:0] psum;  // running count of waiters
    for (genvar c = 0; c < FC; c++) begin : g_sum
      if (c == 0) begin : g_first
        assign psum[8:0] = 9'(fv_on[s*FC]);
      end else begin : g_more
        assign psum[c*9+:9] = psum[(c-1)*9+:9] + 9'(fv_on[s*FC+c]);
      end
    end
    assign fv_nwait[s*9+:9] = psum[(FC-1)*9+:9];
  end

  for (genvar c = 0; c < FC; c++) begin : g_nown
    logic [FM*13-1:0] psum;  // running count of owned slots
    for (genvar s = 0; s < FM; s++) begin : g_sum
      if (s == 0) begin : g_first
        assign psum[12:0] = 13'(fv_own[c]);
      end else begin : g_more
        assign psum[s*13+:13] = psum[(s-1)*13+:13] + 13'(fv_own[s*FC+c]);
      end
    end
    assign fv_nown[c*13+:13] = psum[(FM-1)*13+:13];
  end

  // ---------------------------------------------------------------------------------------
  // Ghost ownership from the grant/release decisions: "at most one owner per slot"
  // ---------------------------------------------------------------------------------------
  // fv_holds[c*FM+s]: c was granted s (ACQUIRE/TRY of a free slot, or a handoff to c) and has not
  // given it up (a release freeing it, a handoff from c, ABANDON of c). Updated from the
  // decisions only, never from the table.
  logic [FC*FM-1:0] fv_holds;
  logic             fv_acq_free, fv_rel_free, fv_ab_free;

  assign fv_acq_free = st_exec && outcome == hwmx_pkg::OC_ACQ_FREE;
  assign fv_rel_free = st_exec && outcome == hwmx_pkg::OC_REL_FREE;
  assign fv_ab_free = st_ab_scan && sr_rdata.owned && sr_rdata.owner == ctx_q &&
                      sr_rdata.length == '0;

  for (genvar c = 0; c < FC; c++) begin : g_holds_c
    for (genvar s = 0; s < FM; s++) begin : g_holds_s
      logic here;  // this slot, this (acting) context
      assign here = 32'(slot_q) == s && 32'(ctx_q) == c;
      always @(posedge clk_i) begin
        if (!rst_ni) fv_holds[c*FM+s] <= 1'b0;
        else if (do_ho && 32'(slot_q) == s && 32'(h) == c) fv_holds[c*FM+s] <= 1'b1;
        else if (here && (fv_acq_free)) fv_holds[c*FM+s] <= 1'b1;
        else if (here && (fv_rel_free || fv_ab_free || do_ho)) fv_holds[c*FM+s] <= 1'b0;
      end
      always @* begin
        if (fv_past_valid && 32'(slot_q) == s) begin
          // A free slot is granted only if nobody holds it; a handoff passes it from its holder.
          if (fv_acq_free) assert (!fv_holds[c*FM+s]);
          if (do_ho) assert (fv_holds[c*FM+s] == (32'(ctx_q) == c));
        end
      end
    end
  end

  // FIFO order: fv_older[a*FC+b] = a started waiting before b (written when b is linked in).
  logic [FC*FC-1:0] fv_older;
  for (genvar a = 0; a < FC; a++) begin : g_older_a
    for (genvar b = 0; b < FC; b++) begin : g_older_b
      always @(posedge clk_i) begin
        if (do_enq && 32'(ctx_q) == a) fv_older[a*FC+b] <= 1'b0;
        else if (do_enq && 32'(ctx_q) == b) fv_older[a*FC+b] <= 1'b1;
      end
    end
  end

  // ---------------------------------------------------------------------------------------
  // Invariants (every state but S_INIT)
  // ---------------------------------------------------------------------------------------
  logic fv_live;
  assign fv_live = fv_past_valid && !st_init;

  always @* begin
    if (fv_past_valid) assert (st_legal);  // a legal state
  end

  for (genvar s = 0; s < FM; s++) begin : g_inv_s
    logic [FR_W-1:0] r;
    logic [8:0]      len;
    assign r = fv_vsr[s*FR_W+:FR_W];
    assign len = r[FR_LEN+:9];
    always @* begin
      if (fv_live) begin
        if (r[FR_OWNED]) assert (r[FR_ALLOC]);           // an owned slot is allocated
        if (!r[FR_OWNED]) assert (len == '0);            // a free slot has an empty queue
        if (!r[FR_OWNED]) assert (r[FR_COUNT+:16] == '0);
        if (!r[FR_REC]) assert (r[FR_COUNT+:16] == '0);  // exclusive: never held twice
        if (r[FR_OWNED]) assert (32'(r[FR_OWNER+:8]) < FC && alloc_q[r[FR_OWNER+:CW]]);
        assert (len == fv_nwait[s*9+:9]);                // length = contexts waiting on s
        assert (fv_sfree[s] == !r[FR_ALLOC]);            // pool: free iff not allocated
      end
    end
    for (genvar i = 0; i < FC; i++) begin : g_i
      logic [7:0] e, e_prev;
      assign e = fv_el[(s*FC+i)*8+:8];
      if (i > 0) begin : g_prev
        assign e_prev = fv_el[(s*FC+i-1)*8+:8];
      end else begin : g_noprev
        assign e_prev = '0;
      end
      always @* begin
        if (fv_live && i < len) begin
          assert (32'(e) < FC);                                 // ids in range
          if (i + 1 == len) assert (e == r[FR_TAIL+:8]);        // the last one is the tail
          if (i > 0) assert (fv_vpv[e[CW-1:0]*8+:8] == e_prev);  // prev mirrors next
        end
      end
      for (genvar j = i + 1; j < FC; j++) begin : g_j
        always @* begin
          // FIFO slots: the queue is in arrival order (the head has waited longest).
          if (fv_live && !r[FR_POL] && j < len)
            assert (fv_older[e[CW-1:0]*FC+fv_el[(s*FC+j)*8+:CW]]);
        end
      end
    end
    for (genvar c = 0; c < FC; c++) begin : g_c
      always @* begin
        if (fv_live) begin
          assert (fv_mem[s*FC+c] == fv_on[s*FC+c]);        // in the queue of s iff waiting on s
          if (fv_own[s*FC+c]) assert (!fv_on[s*FC+c]);     // an owner never waits on its slot
          assert (fv_holds[c*FM+s] == fv_own[s*FC+c]);     // the ghost holder is the owner
        end
      end
    end
  end

  for (genvar c = 0; c < FC; c++) begin : g_inv_c
    always @* begin
      if (fv_live) begin
        if (fv_vwait[c]) assert (alloc_q[c] && 32'(fv_vws[c*12+:12]) < FM);  // waits on a slot
        if (gp_q[c]) assert (alloc_q[c]);
        assert (fv_voc[c*13+:13] == fv_nown[c*13+:13]);  // owned_count = slots owned
        assert (fv_cfree[c] == !alloc_q[c]);             // pool: free iff not allocated
      end
    end
  end

  // ---------------------------------------------------------------------------------------
  // State-specific invariants (what the registers of a multi-cycle operation hold)
  // ---------------------------------------------------------------------------------------
  logic [FR_W-1:0] fv_row;   // the virtual row of slot_q
  logic [8:0]      fv_qlen;  // its length
  logic [7:0]      fv_at;    // element fv_qlen - fv_lat of its queue (the walk position)
  logic [7:0]      fv_at1;   // the element after it
  logic [7:0]      fv_at2;   // and the one after that
  logic [FC*8-1:0] fv_qel;   // its elements
  assign fv_row = fv_vsr[slot_q[SW-1:0]*FR_W+:FR_W];
  assign fv_qlen = fv_row[FR_LEN+:9];
  assign fv_qel = fv_el[slot_q[SW-1:0]*FC*8+:FC*8];
  assign fv_at = fv_qel[(fv_qlen[CW:0] - fv_lat[CW:0])*8+:8];
  assign fv_at1 = fv_qel[(fv_qlen[CW:0] - fv_lat[CW:0] + 1'b1)*8+:8];
  assign fv_at2 = fv_qel[(fv_qlen[CW:0] - fv_lat[CW:0] + 2'd2)*8+:8];

  always @* begin
    if (fv_past_valid) begin
      if (!fv_rst_past) assert (st_init && init_idx == 0);  // a reset restarts the clearing
      if (st_init) begin
        assert (alloc_q == '0 && wait_q == '0 && gp_q == '0 && !fv_pending);
        assert (fv_sfree == '1 && fv_cfree == '1 && fv_holds == '0);
        assert (init_idx < 32'(FInitN));
      end
      if (st_idle || st_init || (st_handoff && !abd_q))
        assert (!fv_pending);
      else
        assert (fv_pending);
      if (st_exec) begin
        assert (fv_lat == '0);
        // (An allocation works on the id the pool offers; an empty pool offers none.)
        if (req_i.kind == hwmx_pkg::REQ_ALLOC_CTX) assert (cp_empty || ctx_q == cp_id_ext);
        else assert (ctx_q == req_i.ctx);
        if (req_i.kind == hwmx_pkg::REQ_ALLOC_SLOT) assert (sp_empty || slot_q == sp_id_ext);
        else assert (slot_q == req_i.slot);
        if (req_i.kind != hwmx_pkg::REQ_RD_INSPECT && req_i.kind != hwmx_pkg::REQ_ALLOC_SLOT &&
            32'(slot_q) < FM)
          assert (sr_rdata == fv_sr[slot_q[SW-1:0]*FR_W+:FR_W]);
        if (req_i.kind != hwmx_pkg::REQ_ALLOC_CTX && 32'(ctx_q) < FC) begin
          assert (pr_rdata == fv_pr[rc*5+:5]);
          assert (nx_rdata == fv_nx[rc*8+:8]);
          assert (pv_rdata == fv_pv[rc*8+:8]);
          assert (ws_rdata == fv_ws[rc*12+:12]);
          assert (oc_rdata == fv_oc[rc*13+:13]);
        end
      end
      if (st_walk || st_link2) begin
        // PRIORITY enqueue of ctx_q on slot_q: row_q is the slot's row.
        assert (req_i.kind == hwmx_pkg::REQ_ACQUIRE && ctx_q == req_i.ctx && slot_q == req_i.slot);
        assert (32'(slot_q) < FM && 32'(ctx_q) < FC && alloc_q[rc] && !wait_q[rc]);
        assert (row_q == fv_sr[slot_q[SW-1:0]*FR_W+:FR_W]);
        assert (row_q.allocated && row_q.owned && row_q.owner != ctx_q && row_q.prio_policy);
        assert (row_q.length != '0);
        assert (pri_q == fv_pr[rc*5+:5]);
      end
      if (st_walk) begin
        // cur_q is the fv_lat-th waiter from the tail, suc_q the one after it; pr/pv_rdata are
        // cur_q's (the waiters behind cur_q have a lower priority: g_walk below).
        assert (fv_lat != '0 && 32'(fv_lat) <= 32'(fv_qlen));
        assert (cur_q == fv_at);
        if (fv_lat != 5'd1) assert (suc_q == fv_at1);
        assert (pr_rdata == fv_pr[cur_q[CW-1:0]*5+:5]);
        assert (pv_rdata == fv_pv[cur_q[CW-1:0]*8+:8]);
      end
      if (st_link2) begin
        // Linked between cur_q and suc_q (both already point at it).
        assert (32'(fv_lat) <= 32'(fv_qlen));
        assert (fv_nx[cur_q[CW-1:0]*8+:8] == ctx_q && fv_pv[suc_q[CW-1:0]*8+:8] == ctx_q);
        assert (fv_pr[cur_q[CW-1:0]*5+:5] >= pri_q && fv_pr[suc_q[CW-1:0]*5+:5] < pri_q);
        // In the queue (virtually linked) between them, neither head nor tail: the walk passed
        // at least the tail (fv_lat - 1 >= 2 cycles in S_WALK).
        assert (32'(fv_lat) >= 3 && 32'(fv_lat) <= 32'(fv_qlen));
        assert (fv_at == cur_q && fv_at1 == ctx_q && fv_at2 == suc_q);
      end
      if (st_handoff) begin
        // hid_q was the head of slot_q (row_q, still in the table) and is its new owner.
        assert (32'(slot_q) < FM && 32'(hid_q) < FC);
        assert (row_q == fv_sr[slot_q[SW-1:0]*FR_W+:FR_W]);
        assert (row_q.owned && row_q.length != '0 && row_q.head == hid_q);
        assert (row_q.owner == ctx_q && hid_q != ctx_q);
        assert (!wait_q[hid_q[CW-1:0]] && gp_q[hid_q[CW-1:0]] && ist_q[hid_q[CW-1:0]]);
        assert (fv_ws[hid_q[CW-1:0]*12+:12] == slot_q);
        assert (nx_rdata == fv_nx[hid_q[CW-1:0]*8+:8]);
        assert (pr_rdata == fv_pr[hid_q[CW-1:0]*5+:5]);
        assert (oc_rdata == fv_oc[hid_q[CW-1:0]*13+:13]);
      end
      if (st_cancel) begin
        // ctx_q leaves the queue of slot_q; nxt_q/prv_q are its links.
        assert (32'(ctx_q) < FC && alloc_q[rc] && wait_q[rc]);
        assert (slot_q == fv_ws[rc*12+:12]);
        assert (nxt_q == fv_nx[rc*8+:8] && prv_q == fv_pv[rc*8+:8]);
        assert (32'(slot_q) < FM && sr_rdata == fv_sr[slot_q[SW-1:0]*FR_W+:FR_W]);
        assert (fv_lat == 5'd1);
        if (abd_q) assert (req_i.kind == hwmx_pkg::REQ_ABANDON && ctx_q == req_i.ctx);
        else assert (req_i.kind == hwmx_pkg::REQ_CANCEL && ctx_q == req_i.ctx);
      end
      if (fv_ab_phase || (st_cancel && abd_q)) begin
        // ABANDON of ctx_q: no grant left, abo_q slots owned at the start, abn_q given up.
        assert (req_i.kind == hwmx_pkg::REQ_ABANDON && ctx_q == req_i.ctx);
        assert (32'(ctx_q) < FC && alloc_q[rc] && !gp_q[rc]);
        assert (abo_q == fv_oc[rc*13+:13] && abn_q <= abo_q);
        if (!st_cancel) assert (!wait_q[rc]);
        if (st_cancel || st_ab_start) assert (abn_q == '0);
      end
      if (st_ab_start || st_ab_scan || st_ab_done) assert (abd_q);  // only inside ABANDON
      if (st_ab_start) assert (fv_lat == 5'd1 || fv_lat == 5'd2);
      if (st_ab_scan || (st_handoff && abd_q) ||
          (st_ab_done && abo_q != '0))
        assert (32'(slot_q) < FM);
      if (st_ab_scan) begin
        assert (abn_q < abo_q);
        assert (sr_rdata == fv_sr[slot_q[SW-1:0]*FR_W+:FR_W]);
        assert (32'(fv_lat) <= 3 + 2 * 32'(slot_q));
      end
      if (st_handoff && abd_q) begin
        assert (32'(fv_lat) <= 4 + 2 * 32'(slot_q));
        assert (abn_q != '0);  // the slot handed over is one given up
      end
      if (st_ab_done) begin
        assert (abn_q == abo_q);
        if (abo_q != '0) assert (32'(fv_lat) <= 5 + 2 * 32'(slot_q));
        else assert (32'(fv_lat) <= 3);
      end
    end
  end

  // S_INIT clears the slot rows, priorities and owned counts below init_idx.
  for (genvar s = 0; s < FM; s++) begin : g_init_s
    always @* if (fv_past_valid && st_init && s < init_idx) assert (fv_sr[s*FR_W+:FR_W] == '0);
  end
  for (genvar c = 0; c < FC; c++) begin : g_init_c
    always @* begin
      if (fv_past_valid && st_init && c < init_idx)
        assert (fv_pr[c*5+:5] == '0 && fv_oc[c*13+:13] == '0);
    end
  end

  for (genvar s = 0; s < FM; s++) begin : g_scan
    always @* begin
      // ABANDON scan: slots before slot_q (and slot_q once handled) are no longer ctx_q's.
      if (fv_past_valid && 32'(ctx_q) < FC &&
          (st_ab_scan || (st_handoff && abd_q) ||
           (st_ab_done && abo_q != '0))) begin
        if (s < slot_q || (s == slot_q && !st_ab_scan)) assert (!fv_own[s*FC+rc]);
      end
    end
  end

  for (genvar i = 0; i < FC; i++) begin : g_walk
    always @* begin
      // The waiters the walk has passed (behind cur_q; in S_LINK2 behind the new waiter) have a
      // lower priority than the new one.
      if (fv_past_valid && i < fv_qlen &&
          ((st_walk && 32'(i) + 32'(fv_lat) > 32'(fv_qlen)) ||
           (st_link2 && 32'(i) + 32'(fv_lat) > 32'(fv_qlen) + 1)))
        assert (fv_pr[fv_qel[i*8+:CW]*5+:5] < pri_q);
    end
  end

  // ---------------------------------------------------------------------------------------
  // Operation properties (checked in the cycle after the operation has completed)
  // ---------------------------------------------------------------------------------------
  logic          fv_rel_chk, fv_enq_chk, fv_cxl_chk, fv_ab_chk;
  logic [SW-1:0] fv_op_slot;
  logic [CW-1:0] fv_op_ctx;
  logic [7:0]    fv_rel_head;
  logic [8:0]    fv_rel_len;
  logic [4:0]    fv_enq_pri;
  logic          fv_enq_pol;

  always @(posedge clk_i) begin
    // RELEASE by the owner, count 0: the slot is freed or handed to the head of its queue.
    fv_rel_chk <= rst_ni && st_exec && req_i.kind == hwmx_pkg::REQ_RELEASE &&
                  (outcome == hwmx_pkg::OC_REL_FREE || outcome == hwmx_pkg::OC_REL_HANDOFF);
    fv_rel_head <= sr_rdata.head;
    fv_rel_len <= sr_rdata.length;
    // A new waiter has been linked in.
    fv_enq_chk <= rst_ni && do_enq;
    fv_enq_pri <= (st_exec) ? pr_rdata : pri_q;
    fv_enq_pol <= !st_exec;
    // CANCEL / ABANDON answered.
    fv_cxl_chk <= rst_ni && rsp_valid_o && req_i.kind == hwmx_pkg::REQ_CANCEL;
    fv_ab_chk <= rst_ni && rsp_valid_o && req_i.kind == hwmx_pkg::REQ_ABANDON &&
                 st_ab_done;
    fv_op_slot <= slot_q[SW-1:0];
    fv_op_ctx <= rc;
  end

  logic [FR_W-1:0] fv_orow;  // virtual row of fv_op_slot
  logic [FC*8-1:0] fv_oel;   // its queue
  assign fv_orow = fv_vsr[fv_op_slot*FR_W+:FR_W];
  assign fv_oel = fv_el[fv_op_slot*FC*8+:FC*8];

  always @* begin
    if (fv_past_valid && rst_ni) begin
      if (fv_rel_chk) begin
        if (fv_rel_len == '0) begin
          assert (!fv_orow[FR_OWNED]);  // freed
        end else begin
          // handed to the old head, which no longer waits and has its grant and interrupt
          assert (fv_orow[FR_OWNED] && fv_orow[FR_OWNER+:8] == fv_rel_head);
          assert (fv_orow[FR_LEN+:9] == fv_rel_len - 1'b1);
          assert (!fv_vwait[fv_rel_head[CW-1:0]] && gp_q[fv_rel_head[CW-1:0]] &&
                  ist_q[fv_rel_head[CW-1:0]]);
        end
      end
      if (fv_enq_chk) begin
        // The new waiter is in the queue; FIFO (or an empty queue): at the tail.
        assert (fv_vwait[fv_op_ctx] && fv_mem[fv_op_slot*FC+fv_op_ctx]);
        if (!fv_enq_pol) assert (fv_orow[FR_TAIL+:8] == 8'(fv_op_ctx));
      end
      if (fv_cxl_chk || fv_ab_chk) begin
        // CANCEL (whatever its answer) and ABANDON leave the context in no queue.
        assert (!fv_vwait[fv_op_ctx]);
        assert (fv_mem[fv_op_ctx] == 1'b0);  // slot 0 (all slots: g_left)
      end
      if (fv_ab_chk) begin
        // ABANDON leaves the context owning nothing, with no grant pending.
        assert (fv_oc[fv_op_ctx*13+:13] == '0 && !gp_q[fv_op_ctx]);
      end
    end
  end

  for (genvar s = 0; s < FM; s++) begin : g_left
    always @* begin
      if (fv_past_valid && rst_ni && (fv_cxl_chk || fv_ab_chk)) assert (!fv_mem[s*FC+fv_op_ctx]);
      if (fv_past_valid && rst_ni && fv_ab_chk) assert (!fv_own[s*FC+fv_op_ctx]);
    end
  end

  logic [FC-1:0] fv_enq_new;     // element i of the queue is the new waiter
  logic [FC-1:0] fv_enq_behind;  // element i is behind the new waiter
  for (genvar i = 0; i < FC; i++) begin : g_enq
    logic [7:0] e;
    assign e = fv_oel[i*8+:8];
    assign fv_enq_new[i] = i < fv_orow[FR_LEN+:9] && e == 8'(fv_op_ctx);
    if (i == 0) begin : g_first
      assign fv_enq_behind[0] = 1'b0;
    end else begin : g_more
      assign fv_enq_behind[i] = fv_enq_behind[i-1] || fv_enq_new[i-1];
    end
    always @* begin
      // PRIORITY: the waiter just ahead of the new one has a priority >= its own, every waiter
      // behind it a lower one.
      if (fv_past_valid && rst_ni && fv_enq_chk && fv_enq_pol && i < fv_orow[FR_LEN+:9]) begin
        if (i + 1 < FC && fv_enq_new[(i+1)%FC]) assert (fv_pr[e[CW-1:0]*5+:5] >= fv_enq_pri);
        if (fv_enq_behind[i]) assert (fv_pr[e[CW-1:0]*5+:5] < fv_enq_pri);
      end
    end
  end

  // ---------------------------------------------------------------------------------------
  // Reachability (proof "engine_cover"). Each target is a named wire (fv_cov_*) as well as a
  // cover property: scripts/formal exposes the wires as outputs and searches for a trace from
  // reset that sets each (ABC bmc3); the cover() statements serve tools that read them.
  // ---------------------------------------------------------------------------------------
  logic fv_cov_on;
  assign fv_cov_on = fv_past_valid && rst_ni;
  // handoff: RELEASE with waiters
  logic fv_cov_handoff;
  assign fv_cov_handoff = fv_cov_on && st_exec && outcome == hwmx_pkg::OC_REL_HANDOFF;
  // cancel-vs-grant: a CANCEL that comes after the handoff answers ALREADY_GRANTED
  logic fv_cov_cancel_late;
  assign fv_cov_cancel_late = fv_cov_on && st_exec && req_i.kind == hwmx_pkg::REQ_CANCEL &&
                              outcome == hwmx_pkg::OC_CONSUME_GRANT;
  // cancel-vs-grant: a CANCEL that comes first takes the waiter out of the queue
  logic fv_cov_cancel_wait;
  assign fv_cov_cancel_wait = fv_cov_on && st_cancel && !abd_q;
  // abandon: an owned slot handed to a waiter, an owned slot freed, a waiter abandoned
  logic fv_cov_ab_handoff, fv_cov_ab_free, fv_cov_ab_waiter;
  assign fv_cov_ab_handoff = fv_cov_on && st_handoff && abd_q;
  assign fv_cov_ab_free = fv_cov_on && fv_ab_free;
  assign fv_cov_ab_waiter = fv_cov_on && st_cancel && abd_q;
  // the next owner of an abandoned slot is told
  logic fv_cov_ab_told;
  assign fv_cov_ab_told = fv_cov_on && fv_acq_free && sr_rdata.abandoned;
  // PRIORITY insert in the middle of a queue, and at its head
  logic fv_cov_prio_mid, fv_cov_prio_head;
  assign fv_cov_prio_mid = fv_cov_on && st_link2;
  assign fv_cov_prio_head = fv_cov_on && st_walk && pr_rdata < pri_q && cur_q == row_q.head;
  // a full queue (every other context waits)
  logic fv_cov_full_queue;
  assign fv_cov_full_queue = fv_cov_on && st_idle && fv_len[8:0] == 9'(FC - 1);

  always @* begin
    cover (fv_cov_handoff);
    cover (fv_cov_cancel_late);
    cover (fv_cov_cancel_wait);
    cover (fv_cov_ab_handoff);
    cover (fv_cov_ab_free);
    cover (fv_cov_ab_waiter);
    cover (fv_cov_ab_told);
    cover (fv_cov_prio_mid);
    cover (fv_cov_prio_head);
    cover (fv_cov_full_queue);
  end

endmodule

`default_nettype wire
