// The checks of every operation, in the order of docs/engine.md: given the decoded request and
// the table data read for it, decide the outcome (what the FSM must do) and the answer. Purely
// combinational; no state changes here.
`default_nettype none

module hwmx_op_check (
  input  hwmx_pkg::dec_req_t  req_i,
  input  hwmx_pkg::ctx_id_t   ctx_i,          // the request's context (req_i.ctx, registered)
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
  output hwmx_pkg::outcome_e  outcome_o,
  output hwmx_pkg::result_t   res_o
);

  logic        is_owner;
  logic        slot_bad;
  logic [7:0]  code;
  logic        abandoned;
  logic [4:0]  prio;
  logic [15:0] value;

  assign is_owner = row_i.owned && (row_i.owner == ctx_i);
  assign slot_bad = !req_i.slot_ok || !row_i.allocated;

  always_comb begin
    outcome_o = hwmx_pkg::OC_RESPOND;
    code = hwmx_reg_pkg::RC_NONE;
    abandoned = 1'b0;
    prio = '0;
    value = '0;
    unique case (req_i.kind)
      hwmx_pkg::REQ_ACQUIRE, hwmx_pkg::REQ_TRY: begin
        if (!alloc_i) begin
          code = hwmx_reg_pkg::RC_ERR_BAD_CTX;
        end else if (slot_bad) begin
          code = hwmx_reg_pkg::RC_ERR_BAD_SLOT;
        end else if (waiting_i) begin
          code = hwmx_reg_pkg::RC_ERR_ALREADY_WAITING;
        end else if (is_owner) begin
          if (!row_i.recursive) begin
            // An exclusive slot held by the caller: a self-deadlock.
            code = (req_i.kind == hwmx_pkg::REQ_ACQUIRE) ? hwmx_reg_pkg::RC_ERR_ALREADY_OWNED :
                                                           hwmx_reg_pkg::RC_BUSY;
          end else if (row_i.count == 16'hFFFF) begin
            code = hwmx_reg_pkg::RC_ERR_RECURSION_LIMIT;
          end else begin
            outcome_o = hwmx_pkg::OC_ACQ_RECURSE;
            code = hwmx_reg_pkg::RC_GRANTED;
            prio = prio_i;
            value = row_i.count + 16'd1;
          end
        end else if (!row_i.owned) begin
          outcome_o = hwmx_pkg::OC_ACQ_FREE;
          code = hwmx_reg_pkg::RC_GRANTED;
          abandoned = row_i.abandoned;
          prio = prio_i;  // no boost without waiting
        end else if (req_i.kind == hwmx_pkg::REQ_TRY) begin
          code = hwmx_reg_pkg::RC_BUSY;
        end else begin
          // Held by another: wait. An empty queue needs no walk whatever the policy.
          outcome_o = (row_i.prio_policy && row_i.length != '0) ? hwmx_pkg::OC_ENQ_WALK :
                                                                 hwmx_pkg::OC_ENQ_TAIL;
          code = hwmx_reg_pkg::RC_QUEUED;
          value = {7'd0, row_i.length} + 16'd1;
        end
      end

      hwmx_pkg::REQ_RELEASE: begin
        if (!alloc_i) begin
          code = hwmx_reg_pkg::RC_ERR_BAD_CTX;
        end else if (slot_bad) begin
          code = hwmx_reg_pkg::RC_ERR_BAD_SLOT;
        end else if (!is_owner) begin
          code = hwmx_reg_pkg::RC_ERR_NOT_OWNER;
          abandoned = row_i.abandoned;
        end else if (row_i.count != 16'd0) begin
          outcome_o = hwmx_pkg::OC_REL_DEC;
          code = hwmx_reg_pkg::RC_RELEASED;
          value = row_i.count;
        end else if (row_i.length == '0) begin
          outcome_o = hwmx_pkg::OC_REL_FREE;
          code = hwmx_reg_pkg::RC_RELEASED;
        end else begin
          outcome_o = hwmx_pkg::OC_REL_HANDOFF;
          code = hwmx_reg_pkg::RC_HANDOFF;
          value = {8'd0, row_i.head};
        end
      end

      hwmx_pkg::REQ_CANCEL, hwmx_pkg::REQ_TAKE_GRANT: begin
        if (!alloc_i) begin
          code = hwmx_reg_pkg::RC_ERR_BAD_CTX;
        end else if (waiting_i && req_i.kind == hwmx_pkg::REQ_CANCEL) begin
          outcome_o = hwmx_pkg::OC_CANCEL_WAIT;  // answered CANCELLED once unlinked
        end else if (gpend_i) begin
          outcome_o = hwmx_pkg::OC_CONSUME_GRANT;
          code = (req_i.kind == hwmx_pkg::REQ_CANCEL) ? hwmx_reg_pkg::RC_ALREADY_GRANTED :
                                                        hwmx_reg_pkg::RC_GRANTED;
          abandoned = grant_i.abandoned;
          prio = grant_i.prio;
          value = {4'd0, grant_i.slot};
        end else begin
          code = (req_i.kind == hwmx_pkg::REQ_CANCEL) ? hwmx_reg_pkg::RC_ERR_NOT_WAITING :
                                                        hwmx_reg_pkg::RC_NONE;
        end
      end

      hwmx_pkg::REQ_ALLOC_SLOT: begin
        if (slot_pool_empty_i) begin
          code = hwmx_reg_pkg::RC_ERR_NO_RESOURCE;
        end else begin
          outcome_o = hwmx_pkg::OC_ALLOC_SLOT;
          code = hwmx_reg_pkg::RC_DONE;
          value = {4'd0, slot_pool_id_i};
        end
      end

      hwmx_pkg::REQ_FREE_SLOT, hwmx_pkg::REQ_INIT_SLOT: begin
        if (slot_bad) begin
          code = hwmx_reg_pkg::RC_ERR_BAD_SLOT;
        end else if (row_i.owned) begin
          code = hwmx_reg_pkg::RC_ERR_SLOT_BUSY;  // owned, with or without waiters
        end else begin
          outcome_o = (req_i.kind == hwmx_pkg::REQ_FREE_SLOT) ? hwmx_pkg::OC_FREE_SLOT :
                                                                hwmx_pkg::OC_INIT_SLOT;
          code = hwmx_reg_pkg::RC_DONE;
          value = req_i.arg;
        end
      end

      hwmx_pkg::REQ_ALLOC_CTX: begin
        if (ctx_pool_empty_i) begin
          code = hwmx_reg_pkg::RC_ERR_NO_RESOURCE;
        end else begin
          outcome_o = hwmx_pkg::OC_ALLOC_CTX;
          code = hwmx_reg_pkg::RC_DONE;
          value = {8'd0, ctx_pool_id_i};
        end
      end

      hwmx_pkg::REQ_FREE_CTX: begin
        if (!req_i.ctx_ok || !alloc_i) begin
          code = hwmx_reg_pkg::RC_ERR_BAD_CTX;
        end else if (waiting_i || owned_i != '0 || gpend_i) begin
          code = hwmx_reg_pkg::RC_ERR_CTX_BUSY;
        end else begin
          outcome_o = hwmx_pkg::OC_FREE_CTX;
          code = hwmx_reg_pkg::RC_DONE;
          value = req_i.arg;
        end
      end

      hwmx_pkg::REQ_ABANDON: begin
        if (!req_i.ctx_ok || !alloc_i) begin
          code = hwmx_reg_pkg::RC_ERR_BAD_CTX;
        end else begin
          outcome_o = hwmx_pkg::OC_ABANDON;  // answered DONE after the scan
          code = hwmx_reg_pkg::RC_DONE;
        end
      end

      default: ;  // plain register accesses: not operations
    endcase

    // Every error answers the slot or argument in VALUE (0 for CANCEL / TAKE_GRANT).
    if (hwmx_pkg::is_error(code)) begin
      abandoned = abandoned && (code == hwmx_reg_pkg::RC_ERR_NOT_OWNER);
      value = req_i.arg;
    end
    res_o = {code, abandoned, prio, value};
  end

  logic unused_bits;
  assign unused_bits = ^{req_i, row_i};

endmodule

`default_nettype wire
