// Internal types and helpers of the hwmx engine (hand-written; the register map itself is the
// generated hwmx_reg_pkg). Ids are stored at their architectural widths (context 8 bits, slot
// 12 bits) so that the table row formats do not depend on the parameters.
`default_nettype none

package hwmx_pkg;

  // Architectural limits of the register map (RDL: N_CTX = 256 context pages, 4096-word slot
  // windows). hwmx_top checks them against hwmx_reg_pkg at elaboration.
  localparam int unsigned MAX_CTX = 256;
  localparam int unsigned MAX_MUTEX = 4096;

  // Constant register contents (RDL reset values of ID and VERSION; the generated package does
  // not carry reset values).
  localparam logic [31:0] ID_VALUE = 32'h484D_5831;  // 'HMX1'
  localparam logic [15:0] VERSION_MAJOR = 16'd1;
  localparam logic [15:0] VERSION_MINOR = 16'd0;
  localparam logic [7:0] COUNT_WIDTH = 8'd16;
  localparam logic [4:0] BOOST_PRIO = 5'd16;  // LOW_REALTIME_PRIORITY

  typedef logic [7:0] ctx_id_t;
  typedef logic [11:0] slot_id_t;
  typedef logic [12:0] own_cnt_t;  // slots owned by one context: 0..4096

  // One row of the slot table (slot RAM). head/tail/length describe the wait queue; the links
  // themselves are per context (next/prev RAMs).
  typedef struct packed {
    logic        allocated;
    logic        recursive;
    logic        prio_policy;
    logic        owned;
    logic        abandoned;
    ctx_id_t     owner;
    logic [15:0] count;
    ctx_id_t     head;
    ctx_id_t     tail;
    logic [8:0]  length;
  } slot_row_t;

  // Grant record of a context (grant RAM); grant_pending is a flop.
  typedef struct packed {
    slot_id_t   slot;
    logic       abandoned;
    logic [4:0] prio;
  } grant_t;

  // Latched error (per-context LAST_ERROR RAM and CTRL_LAST_ERROR).
  typedef struct packed {
    logic [7:0]  code;
    logic [3:0]  op;
    logic [15:0] arg;
  } lerr_t;

  // An operation's answer before packing into the result_t register format.
  typedef struct packed {
    logic [7:0]  code;
    logic        abandoned;
    logic [4:0]  prio;
    logic [15:0] value;
  } result_t;

  // What a decoded bus access is.
  typedef enum logic [4:0] {
    REQ_SLVERR,      // unmapped or illegal: SLVERR, counted in STAT_BUS_ERRORS
    REQ_RD_CTRL,     // control page register, answered by hwmx_regs
    REQ_RD_INSPECT,  // INSPECT_STATE/COUNT/QUEUE (slot RAM row)
    REQ_RD_CTX,      // context page register
    REQ_WR_CTRL,     // CTRL_LAST_ERROR / INSPECT_SLOT write
    REQ_WR_CTX,      // context page register write
    REQ_ACQUIRE,
    REQ_TRY,
    REQ_RELEASE,
    REQ_CANCEL,
    REQ_TAKE_GRANT,
    REQ_ALLOC_SLOT,
    REQ_FREE_SLOT,
    REQ_INIT_SLOT,
    REQ_ALLOC_CTX,
    REQ_FREE_CTX,
    REQ_ABANDON
  } req_kind_e;
  localparam int NumReqKinds = 17;

  typedef enum logic [4:0] {
    CR_ID,
    CR_VERSION,
    CR_CONFIG,
    CR_FEATURES,
    CR_CTRL_LAST_ERROR,
    CR_BUS_ERRORS,
    CR_BUS_ERROR_ADDR,
    CR_ACQUIRES_LO,
    CR_ACQUIRES_HI,
    CR_CONTENDED_LO,
    CR_CONTENDED_HI,
    CR_HANDOFFS_LO,
    CR_HANDOFFS_HI,
    CR_ERRORS_LO,
    CR_ERRORS_HI,
    CR_MAX_QDEPTH,
    CR_INSPECT_SLOT,
    CR_INSPECT_STATE,
    CR_INSPECT_COUNT,
    CR_INSPECT_QUEUE,
    CR_INTR_SUMMARY
  } ctrl_reg_e;

  typedef enum logic [2:0] {
    XR_STATUS,
    XR_PRIORITY,
    XR_GRANT,
    XR_LAST_ERROR,
    XR_INTR_STATE,
    XR_INTR_ENABLE,
    XR_INTR_TEST
  } ctx_reg_e;

  typedef struct packed {
    req_kind_e  kind;
    // The same, one-hot (kind_oh[k] == (kind == k)). The engine's selects at the accept and its
    // checks test one bit of it, not the five of kind after the whole address decode.
    logic [NumReqKinds-1:0] kind_oh;
    ctrl_reg_e  creg;     // REQ_*_CTRL / REQ_RD_INSPECT
    ctx_reg_e   xreg;     // REQ_*_CTX
    logic [2:0] sum_idx;  // INTR_SUMMARY word
    ctx_id_t    ctx;      // page/window context, or the CTRL_ACT argument of FREE_CTX/ABANDON
    logic       ctx_ok;   // ctx < NUM_CTX
    slot_id_t   slot;     // ACT window slot, or the CTRL_ACT argument of slot operations
    logic       slot_ok;  // slot (resp. the whole argument) < NUM_MUTEX
    logic [15:0] arg;     // LAST_ERROR.ARG and error VALUE: slot, argument, or 0
    logic [1:0] mode;     // ALLOC_SLOT / INIT_*: {prio_policy, recursive}
  } dec_req_t;

  // Outcome of an operation's checks (hwmx_op_check), acted on by the engine FSM.
  typedef enum logic [3:0] {
    OC_RESPOND,        // answer the result; nothing else changes (errors, BUSY, NONE)
    OC_ACQ_FREE,       // take a free slot
    OC_ACQ_RECURSE,    // recursive re-acquire: count += 1
    OC_ENQ_TAIL,       // wait: append at the tail (FIFO, or an empty PRIORITY queue)
    OC_ENQ_WALK,       // wait: PRIORITY queue, walk from the tail
    OC_REL_DEC,        // count -= 1
    OC_REL_FREE,       // slot becomes free
    OC_REL_HANDOFF,    // hand the slot to the head waiter
    OC_CANCEL_WAIT,    // leave the wait queue
    OC_CONSUME_GRANT,  // TAKE_GRANT / CANCEL lost the race
    OC_ALLOC_SLOT,
    OC_FREE_SLOT,
    OC_INIT_SLOT,
    OC_ALLOC_CTX,
    OC_FREE_CTX,
    OC_ABANDON
  } outcome_e;

  // result_t fields into the register format (also the CTX.GRANT format).
  function automatic logic [31:0] pack_result(input logic [7:0] code, input logic abandoned,
                                              input logic [4:0] prio, input logic [15:0] value);
    logic [31:0] w;
    w = '0;
    w[hwmx_reg_pkg::RESULT_CODE_LSB+:hwmx_reg_pkg::RESULT_CODE_WIDTH] = code;
    w[hwmx_reg_pkg::RESULT_ABANDONED_LSB] = abandoned;
    w[hwmx_reg_pkg::RESULT_PRIORITY_LSB+:hwmx_reg_pkg::RESULT_PRIORITY_WIDTH] = prio;
    w[hwmx_reg_pkg::RESULT_VALUE_LSB+:hwmx_reg_pkg::RESULT_VALUE_WIDTH] = value;
    pack_result = w;
  endfunction

  function automatic logic [31:0] pack_lerr(input logic [7:0] code, input logic [3:0] op,
                                            input logic [15:0] arg);
    logic [31:0] w;
    w = '0;
    w[hwmx_reg_pkg::LAST_ERROR_CODE_LSB+:hwmx_reg_pkg::LAST_ERROR_CODE_WIDTH] = code;
    w[hwmx_reg_pkg::LAST_ERROR_OP_LSB+:hwmx_reg_pkg::LAST_ERROR_OP_WIDTH] = op;
    w[hwmx_reg_pkg::LAST_ERROR_ARG_LSB+:hwmx_reg_pkg::LAST_ERROR_ARG_WIDTH] = arg;
    pack_lerr = w;
  endfunction

  // The kind of a one-hot kind vector (REQ_SLVERR if none is set).
  function automatic req_kind_e kind_of(input logic [NumReqKinds-1:0] oh);
    req_kind_e k;
    unique case (1'b1)
      oh[hwmx_pkg::REQ_SLVERR]:     k = hwmx_pkg::REQ_SLVERR;
      oh[hwmx_pkg::REQ_RD_CTRL]:    k = hwmx_pkg::REQ_RD_CTRL;
      oh[hwmx_pkg::REQ_RD_INSPECT]: k = hwmx_pkg::REQ_RD_INSPECT;
      oh[hwmx_pkg::REQ_RD_CTX]:     k = hwmx_pkg::REQ_RD_CTX;
      oh[hwmx_pkg::REQ_WR_CTRL]:    k = hwmx_pkg::REQ_WR_CTRL;
      oh[hwmx_pkg::REQ_WR_CTX]:     k = hwmx_pkg::REQ_WR_CTX;
      oh[hwmx_pkg::REQ_ACQUIRE]:    k = hwmx_pkg::REQ_ACQUIRE;
      oh[hwmx_pkg::REQ_TRY]:        k = hwmx_pkg::REQ_TRY;
      oh[hwmx_pkg::REQ_RELEASE]:    k = hwmx_pkg::REQ_RELEASE;
      oh[hwmx_pkg::REQ_CANCEL]:     k = hwmx_pkg::REQ_CANCEL;
      oh[hwmx_pkg::REQ_TAKE_GRANT]: k = hwmx_pkg::REQ_TAKE_GRANT;
      oh[hwmx_pkg::REQ_ALLOC_SLOT]: k = hwmx_pkg::REQ_ALLOC_SLOT;
      oh[hwmx_pkg::REQ_FREE_SLOT]:  k = hwmx_pkg::REQ_FREE_SLOT;
      oh[hwmx_pkg::REQ_INIT_SLOT]:  k = hwmx_pkg::REQ_INIT_SLOT;
      oh[hwmx_pkg::REQ_ALLOC_CTX]:  k = hwmx_pkg::REQ_ALLOC_CTX;
      oh[hwmx_pkg::REQ_FREE_CTX]:   k = hwmx_pkg::REQ_FREE_CTX;
      oh[hwmx_pkg::REQ_ABANDON]:    k = hwmx_pkg::REQ_ABANDON;
      default:              k = hwmx_pkg::REQ_SLVERR;
    endcase
    kind_of = k;
  endfunction

  // Codes 0x10 and above are errors.
  function automatic logic is_error(input logic [7:0] code);
    is_error = code >= hwmx_reg_pkg::RC_ERR_BAD_SLOT;
  endfunction

  // Priority the new owner runs at after a handoff: recursive slots boost to 16.
  function automatic logic [4:0] boost(input logic [4:0] prio, input logic recursive);
    boost = (recursive && prio < hwmx_pkg::BOOST_PRIO) ? hwmx_pkg::BOOST_PRIO : prio;
  endfunction

  // Context operations latch errors in CTX[c].LAST_ERROR, control operations in CTRL_LAST_ERROR.
  function automatic logic is_ctx_op(input req_kind_e k);
    is_ctx_op = (k == hwmx_pkg::REQ_ACQUIRE) || (k == hwmx_pkg::REQ_TRY) ||
                (k == hwmx_pkg::REQ_RELEASE) || (k == hwmx_pkg::REQ_CANCEL) ||
                (k == hwmx_pkg::REQ_TAKE_GRANT);
  endfunction

  function automatic logic [3:0] op_code(input req_kind_e k);
    logic [3:0] op;
    case (k)
      hwmx_pkg::REQ_ACQUIRE:    op = hwmx_reg_pkg::OP_ACQUIRE;
      hwmx_pkg::REQ_TRY:        op = hwmx_reg_pkg::OP_TRY;
      hwmx_pkg::REQ_RELEASE:    op = hwmx_reg_pkg::OP_RELEASE;
      hwmx_pkg::REQ_CANCEL:     op = hwmx_reg_pkg::OP_CANCEL;
      hwmx_pkg::REQ_TAKE_GRANT: op = hwmx_reg_pkg::OP_TAKE_GRANT;
      hwmx_pkg::REQ_ALLOC_SLOT: op = hwmx_reg_pkg::OP_ALLOC_SLOT;
      hwmx_pkg::REQ_FREE_SLOT:  op = hwmx_reg_pkg::OP_FREE_SLOT;
      hwmx_pkg::REQ_INIT_SLOT:  op = hwmx_reg_pkg::OP_INIT_SLOT;
      hwmx_pkg::REQ_ALLOC_CTX:  op = hwmx_reg_pkg::OP_ALLOC_CTX;
      hwmx_pkg::REQ_FREE_CTX:   op = hwmx_reg_pkg::OP_FREE_CTX;
      hwmx_pkg::REQ_ABANDON:    op = hwmx_reg_pkg::OP_ABANDON;
      default:        op = 4'h0;
    endcase
    op_code = op;
  endfunction

  // Word-aligned byte address a lies in [base, base + bytes).
  function automatic logic in_win(input logic [31:0] a, input logic [31:0] base,
                                  input logic [31:0] bytes);
    in_win = (a >= base) && ((a - base) < bytes);
  endfunction

endpackage

`default_nettype wire
