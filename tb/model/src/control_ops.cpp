// Control operations (reads of CTRL_ACT): slot and context allocation, slot re-initialization and
// ABANDON. The argument is the word index in the window.
#include "hwmx/model/engine.h"
#include "hwmx/model/spec_choices.h"

namespace hwmx::model {

std::uint32_t Engine::control_op(const Access& a) {
  const unsigned arg = a.index;
  Op op = Op::kInitSlot;
  Result r;
  switch (a.target) {
    case Target::kAllocSlot:
      op = Op::kAllocSlot;
      r = alloc_slot(arg);
      break;
    case Target::kFreeSlot:
      op = Op::kFreeSlot;
      r = free_slot(arg);
      break;
    case Target::kInitExclFifo:
      r = init_slot(arg, false, false);
      break;
    case Target::kInitRecFifo:
      r = init_slot(arg, true, false);
      break;
    case Target::kInitExclPrio:
      r = init_slot(arg, false, true);
      break;
    case Target::kInitRecPrio:
      r = init_slot(arg, true, true);
      break;
    case Target::kAllocCtx:
      op = Op::kAllocCtx;
      r = alloc_ctx(arg);
      break;
    case Target::kFreeCtx:
      op = Op::kFreeCtx;
      r = free_ctx(arg);
      break;
    case Target::kAbandon:
      op = Op::kAbandon;
      r = abandon(arg);
      break;
    default:
      return 0;  // not a control operation: the bus layer never gets here
  }
  if (r.is_error()) {
    ++g_.errors;
    g_.ctrl_last_error = last_error_word(r.code, op, arg);
  }
  return r.word();
}

Result Engine::alloc_slot(unsigned arg) {
  // arg = {POLICY, RECURSIVE}; arguments above 3 never get here (SLVERR at the decoder).
  const auto id = slot_pool_.pop();
  if (!id) return Result::error(Code::kErrNoResource, arg);
  SlotState& sl = slots_[*id];
  sl = SlotState{};
  sl.allocated = true;
  sl.recursive = (arg & 1u) != 0;
  sl.prio_policy = (arg & 2u) != 0;
  return Result::of(Code::kDone, *id);
}

Result Engine::free_slot(unsigned s) {
  if (!slot_valid(s)) return Result::error(Code::kErrBadSlot, s);
  if (slots_[s].owned) return Result::error(Code::kErrSlotBusy, s);
  // The other fields stay as stored: INSPECT shows them with ALLOCATED = 0.
  slots_[s].allocated = false;
  slot_pool_.push(s);
  return Result::of(Code::kDone, s);
}

Result Engine::init_slot(unsigned s, bool recursive, bool prio_policy) {
  if (!slot_valid(s)) return Result::error(Code::kErrBadSlot, s);
  SlotState& sl = slots_[s];
  if (sl.owned) return Result::error(Code::kErrSlotBusy, s);
  sl.recursive = recursive;
  sl.prio_policy = prio_policy;
  sl.abandoned = false;
  return Result::of(Code::kDone, s);
}

Result Engine::alloc_ctx(unsigned arg) {
  // Only argument 0 gets here (others: SLVERR at the decoder).
  const auto id = ctx_pool_.pop();
  if (!id) return Result::error(Code::kErrNoResource, arg);
  ContextState& cx = ctxs_[*id];
  cx = ContextState{};  // priority, wait, grant, interrupt, last_error and owned_count reset
  cx.allocated = true;
  return Result::of(Code::kDone, *id);
}

Result Engine::free_ctx(unsigned c) {
  if (c >= num_ctx() || !ctxs_[c].allocated) return Result::error(Code::kErrBadCtx, c);
  ContextState& cx = ctxs_[c];
  if (cx.waiting || cx.owned_count > 0 || cx.grant_pending) {
    return Result::error(Code::kErrCtxBusy, c);
  }
  // Priority, enable and LAST_ERROR stay readable on the page until the next ALLOC_CTX.
  cx.allocated = false;
  cx.intr_state = false;
  ctx_pool_.push(c);
  return Result::of(Code::kDone, c);
}

Result Engine::abandon(unsigned c) {
  if (c >= num_ctx() || !ctxs_[c].allocated) return Result::error(Code::kErrBadCtx, c);
  ContextState& cx = ctxs_[c];
  if (cx.waiting) unlink(cx.wait_slot, c);
  // A pending grant is dropped; its slot is still owned by c and is abandoned by the scan.
  if (cx.grant_pending || choices::kAbandonAlwaysClearsIntr) cx.intr_state = false;
  cx.grant_pending = false;
  unsigned abandoned = 0;
  for (unsigned s = 0; s < num_mutex(); ++s) {  // ascending slot order, like the RTL's scan
    SlotState& sl = slots_[s];
    if (!sl.owned || sl.owner != c) continue;
    ++abandoned;
    sl.count = 0;
    if (sl.length == 0) {
      sl.owned = false;
      sl.abandoned = true;
      --cx.owned_count;
    } else {
      hand_off(s, true);  // the grant reports the abandonment; the slot's own flag stays 0
    }
  }
  return Result::of(Code::kDone, abandoned);
}

}  // namespace hwmx::model
