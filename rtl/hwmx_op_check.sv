// The checks of every operation, in the order of docs/engine.md: given the decoded request and
// the table data read for it, decide the outcome (what the FSM must do) and the answer. Purely
// combinational; no state changes here.
//
// Timing. The S_EXEC cycle starts with the table read data (block RAM outputs, late) and must end
// at the table write ports, so the checks are arranged around the row:
//   - the checks that need no table data (the kind, from the decoder's one-hot, the range of the
//     argument, the context flags) are one or two LUT levels of registered signals, ready long
//     before the table data;
//   - each outcome is one AND of those and a few row bits, delivered one-hot (act_o) with a
//     separate error flag, so that the engine's write enables follow the table read by a few LUT
//     levels instead of a priority chain, an encoded outcome and its decode;
//   - likewise each answer code is decided by one condition, the first check that fails or the
//     outcome; the conditions are disjoint, so the code is their OR.
// outcome_o is act_o encoded, for the formal properties and for reading.
`default_nettype none

module hwmx_op_check #(
  parameter int NUM_CTX = 64,
  localparam int CW = $clog2(NUM_CTX)
) (
  input  hwmx_pkg::dec_req_t  req_i,          // the held request
  input  hwmx_pkg::ctx_id_t   ctx_i,          // its context (req_i.ctx, registered)
  input  hwmx_pkg::slot_row_t row_i,          // row of req_i.slot
  input  wire logic           alloc_i,        // flags, priority, owned count, grant of req_i.ctx
  input  wire logic           waiting_i,
  input  wire logic           gpend_i,
  input  wire logic [4:0]     prio_i,
  input  hwmx_pkg::own_cnt_t  owned_i,
  input  hwmx_pkg::grant_t    grant_i,
  input  wire logic           slot_pool_empty_i,
  input  hwmx_pkg::slot_id_t  slot_pool_id_i,
  input  wire logic           ctx_pool_empty_i,
  input  hwmx_pkg::ctx_id_t   ctx_pool_id_i,
  output logic [15:0]         act_o,          // the outcome, one-hot (indexed by outcome_e)
  output hwmx_pkg::outcome_e  outcome_o,      // the same, encoded
  output logic                error_o,        // the answer is an error (res_o.code >= 0x10)
  output hwmx_pkg::result_t   res_o
);

  // ---------------------------------------------------------------------------------------
  // Checks without table data
  // ---------------------------------------------------------------------------------------
  logic [hwmx_pkg::NumReqKinds-1:0] k;  // the kind, one-hot
  logic acq_try;   // ACQUIRE or TRY
  logic ctx_op;    // a context operation: its context must be allocated
  logic acq_go;    // ACQUIRE/TRY: context allocated and not waiting, slot in range
  logic enq_go;    // ... and ACQUIRE (TRY never waits)
  logic rel_go;    // RELEASE: context allocated, slot in range
  logic slot_go;   // FREE_SLOT/INIT_SLOT: slot in range
  logic fctx_ok;   // FREE_CTX/ABANDON: argument in range and allocated

  assign k = req_i.kind_oh;

  always_comb begin
    acq_try = k[hwmx_pkg::REQ_ACQUIRE] || k[hwmx_pkg::REQ_TRY];
    ctx_op = acq_try || k[hwmx_pkg::REQ_RELEASE] || k[hwmx_pkg::REQ_CANCEL] ||
             k[hwmx_pkg::REQ_TAKE_GRANT];
    acq_go = acq_try && req_i.slot_ok && alloc_i && !waiting_i;
    enq_go = k[hwmx_pkg::REQ_ACQUIRE] && req_i.slot_ok && alloc_i && !waiting_i;
    rel_go = k[hwmx_pkg::REQ_RELEASE] && req_i.slot_ok && alloc_i;
    slot_go = (k[hwmx_pkg::REQ_FREE_SLOT] || k[hwmx_pkg::REQ_INIT_SLOT]) && req_i.slot_ok;
    fctx_ok = req_i.ctx_ok && alloc_i;
  end

  // ---------------------------------------------------------------------------------------
  // The row
  // ---------------------------------------------------------------------------------------
  logic own;          // held by the request's context
  logic other;        // held by another context
  logic count_max;    // the recursion counter is at its limit
  logic count_zero;
  logic queue_empty;

  // Owners and acting contexts are < NUM_CTX, so the compare needs only CW bits.
  assign own = row_i.owned && (row_i.owner[CW-1:0] == ctx_i[CW-1:0]);
  assign other = row_i.owned && !own;
  assign count_max = row_i.count == 16'hFFFF;
  assign count_zero = row_i.count == 16'd0;
  assign queue_empty = row_i.length == '0;

  // ---------------------------------------------------------------------------------------
  // Outcome (one-hot)
  // ---------------------------------------------------------------------------------------
  logic enq;  // ACQUIRE of a slot held by another: wait

  always_comb begin
    enq = enq_go && row_i.allocated && other;
    act_o = '0;
    act_o[hwmx_pkg::OC_ACQ_RECURSE] = acq_go && row_i.allocated && own && row_i.recursive &&
                                      !count_max;
    act_o[hwmx_pkg::OC_ACQ_FREE] = acq_go && row_i.allocated && !row_i.owned;
    // An empty queue needs no walk whatever the policy.
    act_o[hwmx_pkg::OC_ENQ_WALK] = enq && row_i.prio_policy && !queue_empty;
    act_o[hwmx_pkg::OC_ENQ_TAIL] = enq && !(row_i.prio_policy && !queue_empty);
    act_o[hwmx_pkg::OC_REL_DEC] = rel_go && row_i.allocated && own && !count_zero;
    act_o[hwmx_pkg::OC_REL_FREE] = rel_go && row_i.allocated && own && count_zero &&
                                   queue_empty;
    act_o[hwmx_pkg::OC_REL_HANDOFF] = rel_go && row_i.allocated && own && count_zero &&
                                      !queue_empty;
    act_o[hwmx_pkg::OC_CANCEL_WAIT] = k[hwmx_pkg::REQ_CANCEL] && alloc_i && waiting_i;
    act_o[hwmx_pkg::OC_CONSUME_GRANT] = (k[hwmx_pkg::REQ_TAKE_GRANT] ||
                                         (k[hwmx_pkg::REQ_CANCEL] && !waiting_i)) &&
                                        alloc_i && gpend_i;
    act_o[hwmx_pkg::OC_ALLOC_SLOT] = k[hwmx_pkg::REQ_ALLOC_SLOT] && !slot_pool_empty_i;
    act_o[hwmx_pkg::OC_FREE_SLOT] = k[hwmx_pkg::REQ_FREE_SLOT] && slot_go && row_i.allocated &&
                                    !row_i.owned;
    act_o[hwmx_pkg::OC_INIT_SLOT] = k[hwmx_pkg::REQ_INIT_SLOT] && slot_go && row_i.allocated &&
                                    !row_i.owned;
    act_o[hwmx_pkg::OC_ALLOC_CTX] = k[hwmx_pkg::REQ_ALLOC_CTX] && !ctx_pool_empty_i;
    act_o[hwmx_pkg::OC_FREE_CTX] = k[hwmx_pkg::REQ_FREE_CTX] && fctx_ok && !waiting_i &&
                                   !gpend_i && owned_i == '0;
    act_o[hwmx_pkg::OC_ABANDON] = k[hwmx_pkg::REQ_ABANDON] && fctx_ok;
    act_o[hwmx_pkg::OC_RESPOND] = act_o[15:1] == '0;
  end

  always_comb begin
    unique case (1'b1)
      act_o[hwmx_pkg::OC_ACQ_FREE]:      outcome_o = hwmx_pkg::OC_ACQ_FREE;
      act_o[hwmx_pkg::OC_ACQ_RECURSE]:   outcome_o = hwmx_pkg::OC_ACQ_RECURSE;
      act_o[hwmx_pkg::OC_ENQ_TAIL]:      outcome_o = hwmx_pkg::OC_ENQ_TAIL;
      act_o[hwmx_pkg::OC_ENQ_WALK]:      outcome_o = hwmx_pkg::OC_ENQ_WALK;
      act_o[hwmx_pkg::OC_REL_DEC]:       outcome_o = hwmx_pkg::OC_REL_DEC;
      act_o[hwmx_pkg::OC_REL_FREE]:      outcome_o = hwmx_pkg::OC_REL_FREE;
      act_o[hwmx_pkg::OC_REL_HANDOFF]:   outcome_o = hwmx_pkg::OC_REL_HANDOFF;
      act_o[hwmx_pkg::OC_CANCEL_WAIT]:   outcome_o = hwmx_pkg::OC_CANCEL_WAIT;
      act_o[hwmx_pkg::OC_CONSUME_GRANT]: outcome_o = hwmx_pkg::OC_CONSUME_GRANT;
      act_o[hwmx_pkg::OC_ALLOC_SLOT]:    outcome_o = hwmx_pkg::OC_ALLOC_SLOT;
      act_o[hwmx_pkg::OC_FREE_SLOT]:     outcome_o = hwmx_pkg::OC_FREE_SLOT;
      act_o[hwmx_pkg::OC_INIT_SLOT]:     outcome_o = hwmx_pkg::OC_INIT_SLOT;
      act_o[hwmx_pkg::OC_ALLOC_CTX]:     outcome_o = hwmx_pkg::OC_ALLOC_CTX;
      act_o[hwmx_pkg::OC_FREE_CTX]:      outcome_o = hwmx_pkg::OC_FREE_CTX;
      act_o[hwmx_pkg::OC_ABANDON]:       outcome_o = hwmx_pkg::OC_ABANDON;
      default:                           outcome_o = hwmx_pkg::OC_RESPOND;
    endcase
  end

  // ---------------------------------------------------------------------------------------
  // The answer
  // ---------------------------------------------------------------------------------------
  // The condition deciding each code: the first failing check of docs/engine.md (each one
  // includes "the checks before it pass"), or the outcome. At most one holds.
  logic e_bad_ctx, e_bad_slot, e_waiting, e_owned, e_limit, e_not_owner, e_not_waiting;
  logic e_no_resource, e_slot_busy, e_ctx_busy;
  logic c_granted, c_already_granted, c_queued, c_busy, c_released, c_handoff, c_done, c_none;
  logic [7:0]  code;
  logic        abandoned;
  logic [4:0]  prio;
  logic [15:0] value;

  always_comb begin
    e_bad_ctx = (ctx_op && !alloc_i) ||
                ((k[hwmx_pkg::REQ_FREE_CTX] || k[hwmx_pkg::REQ_ABANDON]) && !fctx_ok);
    e_bad_slot = (((acq_try || k[hwmx_pkg::REQ_RELEASE]) && alloc_i) ||
                  k[hwmx_pkg::REQ_FREE_SLOT] || k[hwmx_pkg::REQ_INIT_SLOT]) &&
                 (!req_i.slot_ok || !row_i.allocated);
    e_waiting = acq_try && alloc_i && req_i.slot_ok && row_i.allocated && waiting_i;
    e_owned = enq_go && row_i.allocated && own && !row_i.recursive;
    e_limit = acq_go && row_i.allocated && own && row_i.recursive && count_max;
    e_not_owner = rel_go && row_i.allocated && !own;
    e_not_waiting = k[hwmx_pkg::REQ_CANCEL] && alloc_i && !waiting_i && !gpend_i;
    e_no_resource = (k[hwmx_pkg::REQ_ALLOC_SLOT] && slot_pool_empty_i) ||
                    (k[hwmx_pkg::REQ_ALLOC_CTX] && ctx_pool_empty_i);
    e_slot_busy = slot_go && row_i.allocated && row_i.owned;  // with or without waiters
    e_ctx_busy = k[hwmx_pkg::REQ_FREE_CTX] && fctx_ok &&
                 (waiting_i || gpend_i || owned_i != '0);
    error_o = e_bad_ctx || e_bad_slot || e_waiting || e_owned || e_limit || e_not_owner ||
              e_not_waiting || e_no_resource || e_slot_busy || e_ctx_busy;

    // TRY of a slot held by another, or of an exclusive slot held by the caller, is BUSY; a
    // waiting context's CANCEL is answered CANCELLED once unlinked (S_CANCEL).
    c_busy = acq_go && k[hwmx_pkg::REQ_TRY] && row_i.allocated &&
             (other || (own && !row_i.recursive));
    c_granted = act_o[hwmx_pkg::OC_ACQ_FREE] || act_o[hwmx_pkg::OC_ACQ_RECURSE] ||
                (act_o[hwmx_pkg::OC_CONSUME_GRANT] && k[hwmx_pkg::REQ_TAKE_GRANT]);
    c_already_granted = act_o[hwmx_pkg::OC_CONSUME_GRANT] && k[hwmx_pkg::REQ_CANCEL];
    c_queued = act_o[hwmx_pkg::OC_ENQ_TAIL] || act_o[hwmx_pkg::OC_ENQ_WALK];
    c_released = act_o[hwmx_pkg::OC_REL_DEC] || act_o[hwmx_pkg::OC_REL_FREE];
    c_handoff = act_o[hwmx_pkg::OC_REL_HANDOFF];
    c_done = act_o[hwmx_pkg::OC_ALLOC_SLOT] || act_o[hwmx_pkg::OC_FREE_SLOT] ||
             act_o[hwmx_pkg::OC_INIT_SLOT] || act_o[hwmx_pkg::OC_ALLOC_CTX] ||
             act_o[hwmx_pkg::OC_FREE_CTX] || act_o[hwmx_pkg::OC_ABANDON];
    c_none = (k[hwmx_pkg::REQ_TAKE_GRANT] && alloc_i && !gpend_i) ||
             act_o[hwmx_pkg::OC_CANCEL_WAIT];

    code = ({8{e_bad_ctx}} & hwmx_reg_pkg::RC_ERR_BAD_CTX) |
           ({8{e_bad_slot}} & hwmx_reg_pkg::RC_ERR_BAD_SLOT) |
           ({8{e_waiting}} & hwmx_reg_pkg::RC_ERR_ALREADY_WAITING) |
           ({8{e_owned}} & hwmx_reg_pkg::RC_ERR_ALREADY_OWNED) |
           ({8{e_limit}} & hwmx_reg_pkg::RC_ERR_RECURSION_LIMIT) |
           ({8{e_not_owner}} & hwmx_reg_pkg::RC_ERR_NOT_OWNER) |
           ({8{e_not_waiting}} & hwmx_reg_pkg::RC_ERR_NOT_WAITING) |
           ({8{e_no_resource}} & hwmx_reg_pkg::RC_ERR_NO_RESOURCE) |
           ({8{e_slot_busy}} & hwmx_reg_pkg::RC_ERR_SLOT_BUSY) |
           ({8{e_ctx_busy}} & hwmx_reg_pkg::RC_ERR_CTX_BUSY) |
           ({8{c_granted}} & hwmx_reg_pkg::RC_GRANTED) |
           ({8{c_already_granted}} & hwmx_reg_pkg::RC_ALREADY_GRANTED) |
           ({8{c_queued}} & hwmx_reg_pkg::RC_QUEUED) |
           ({8{c_busy}} & hwmx_reg_pkg::RC_BUSY) |
           ({8{c_released}} & hwmx_reg_pkg::RC_RELEASED) |
           ({8{c_handoff}} & hwmx_reg_pkg::RC_HANDOFF) |
           ({8{c_done}} & hwmx_reg_pkg::RC_DONE) |
           ({8{c_none}} & hwmx_reg_pkg::RC_NONE);

    // Every error answers the slot or argument in VALUE (0 for CANCEL / TAKE_GRANT, whose
    // argument is 0), BUSY and NONE answer 0; only ERR_NOT_OWNER and a free slot's GRANTED carry
    // the slot's abandoned flag. (An error's outcome is OC_RESPOND: the default below.)
    abandoned = ((act_o[hwmx_pkg::OC_ACQ_FREE] || e_not_owner) && row_i.abandoned) ||
                (act_o[hwmx_pkg::OC_CONSUME_GRANT] && grant_i.abandoned);
    prio = '0;
    value = '0;
    unique case (1'b1)
      act_o[hwmx_pkg::OC_ACQ_RECURSE]: begin
        prio = prio_i;
        value = row_i.count + 16'd1;
      end
      act_o[hwmx_pkg::OC_ACQ_FREE]: prio = prio_i;  // no boost without waiting
      act_o[hwmx_pkg::OC_ENQ_WALK], act_o[hwmx_pkg::OC_ENQ_TAIL]:
          value = {7'd0, row_i.length} + 16'd1;
      act_o[hwmx_pkg::OC_REL_DEC]: value = row_i.count;
      act_o[hwmx_pkg::OC_REL_HANDOFF]: value = {8'd0, row_i.head};
      act_o[hwmx_pkg::OC_CONSUME_GRANT]: begin
        prio = grant_i.prio;
        value = {4'd0, grant_i.slot};
      end
      act_o[hwmx_pkg::OC_ALLOC_SLOT]: value = {4'd0, slot_pool_id_i};
      act_o[hwmx_pkg::OC_ALLOC_CTX]: value = {8'd0, ctx_pool_id_i};
      act_o[hwmx_pkg::OC_REL_FREE]: ;
      default: value = c_busy ? 16'd0 : req_i.arg;  // OC_RESPOND, FREE/INIT_SLOT, FREE_CTX
    endcase
    res_o = {code, abandoned, prio, value};
  end

  logic unused_bits;
  assign unused_bits = ^{req_i, row_i, ctx_i, k};  // k: the plain accesses' bits

endmodule

`default_nettype wire
