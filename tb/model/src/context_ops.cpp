// Context operations (reads of ACT[c]): ACQUIRE, TRY, RELEASE, CANCEL, TAKE_GRANT. Each function
// follows the numbered checks of docs/engine.md in order; the first failing check answers.
#include "hwmx/model/engine.h"
#include "hwmx/model/spec_choices.h"

namespace hwmx::model {

std::uint32_t Engine::context_op(const Access& a) {
  const unsigned c = a.ctx;
  Op op = Op::kAcquire;
  unsigned arg = a.index;  // LAST_ERROR.ARG: the slot, 0 for CANCEL / TAKE_GRANT
  Result r;
  switch (a.target) {
    case Target::kAcquire:
      r = acquire(c, a.index, false);
      break;
    case Target::kTry:
      op = Op::kTry;
      r = acquire(c, a.index, true);
      break;
    case Target::kRelease:
      op = Op::kRelease;
      r = release(c, a.index);
      break;
    case Target::kCancel:
      op = Op::kCancel;
      arg = 0;
      r = cancel(c);
      break;
    case Target::kTakeGrant:
      op = Op::kTakeGrant;
      arg = 0;
      r = take_grant(c);
      break;
    default:
      return 0;  // not a context operation: the bus layer never gets here
  }
  if (r.is_error()) {
    // Errors change nothing but the error counter and the context's latch (the page is valid
    // even when the context is not allocated).
    ++g_.errors;
    ctxs_[c].last_error = last_error_word(r.code, op, arg);
  }
  return r.word();
}

std::uint8_t Engine::boost(unsigned c, unsigned s) const {
  const std::uint8_t p = ctxs_[c].priority;
  return slots_[s].recursive && p < kBoostPriority ? kBoostPriority : p;
}

Result Engine::acquire(unsigned c, unsigned s, bool is_try) {
  ContextState& cx = ctxs_[c];
  if (!cx.allocated) return Result::error(Code::kErrBadCtx, s);
  if (!slot_valid(s)) return Result::error(Code::kErrBadSlot, s);
  if (cx.waiting) return Result::error(Code::kErrAlreadyWaiting, s);
  SlotState& sl = slots_[s];
  if (sl.owned && sl.owner == c) {
    if (!sl.recursive) {
      return is_try ? Result::of(Code::kBusy) : Result::error(Code::kErrAlreadyOwned, s);
    }
    if (sl.count == kCountMax) return Result::error(Code::kErrRecursionLimit, s);
    ++sl.count;
    ++g_.acquires;
    return {Code::kGranted, false, cx.priority, sl.count};
  }
  if (!sl.owned) {
    sl.owned = true;
    sl.owner = static_cast<std::uint16_t>(c);
    sl.count = 0;
    ++cx.owned_count;
    ++g_.acquires;
    const bool was_abandoned = sl.abandoned;
    sl.abandoned = false;
    return {Code::kGranted, was_abandoned, cx.priority, 0};  // no boost without waiting
  }
  if (is_try) return Result::of(Code::kBusy);
  enqueue(s, c);
  if (sl.length > g_.max_qdepth) g_.max_qdepth = sl.length;
  return Result::of(Code::kQueued, sl.length);
}

Result Engine::release(unsigned c, unsigned s) {
  if (!ctxs_[c].allocated) return Result::error(Code::kErrBadCtx, s);
  if (!slot_valid(s)) return Result::error(Code::kErrBadSlot, s);
  SlotState& sl = slots_[s];
  if (!sl.owned || sl.owner != c) {
    Result r = Result::error(Code::kErrNotOwner, s);
    r.abandoned = sl.abandoned;
    return r;
  }
  if (sl.count > 0) {
    const std::uint16_t before = sl.count--;
    return Result::of(Code::kReleased, before);
  }
  if (sl.length == 0) {
    sl.owned = false;
    --ctxs_[c].owned_count;
    return Result::of(Code::kReleased, 0);
  }
  const unsigned h = sl.head;
  hand_off(s, false);
  return Result::of(Code::kHandoff, h);
}

// RELEASE step 6 (and ABANDON with waiters): the head waiter becomes the owner and gets a grant
// record and its interrupt. The caller has checked the queue is not empty and count is 0.
void Engine::hand_off(unsigned s, bool abandoned) {
  SlotState& sl = slots_[s];
  const unsigned prev_owner = sl.owner;
  const unsigned h = pop_head(s);
  ContextState& hx = ctxs_[h];
  sl.owner = static_cast<std::uint16_t>(h);
  sl.count = 0;
  // A context can wait while holding an untaken grant of another slot; the new grant replaces
  // the record (the older slot stays owned, only its notification is lost).
  hx.grant_pending = true;
  hx.grant_slot = static_cast<std::uint16_t>(s);
  hx.grant_abandoned = abandoned;
  hx.grant_priority = boost(h, s);
  hx.intr_state = true;
  --ctxs_[prev_owner].owned_count;
  ++hx.owned_count;
  ++g_.handoffs;
  ++g_.acquires;
  ++g_.contended;
}

Result Engine::cancel(unsigned c) {
  ContextState& cx = ctxs_[c];
  if (!cx.allocated) return Result::error(Code::kErrBadCtx, 0);
  if (cx.waiting) {
    const unsigned s = cx.wait_slot;
    unlink(s, c);
    return Result::of(Code::kCancelled, s);
  }
  if (cx.grant_pending) return consume_grant(c, Code::kAlreadyGranted);
  return Result::error(Code::kErrNotWaiting, 0);
}

Result Engine::take_grant(unsigned c) {
  ContextState& cx = ctxs_[c];
  if (!cx.allocated) return Result::error(Code::kErrBadCtx, 0);
  if (cx.grant_pending) return consume_grant(c, Code::kGranted);
  if (choices::kTakeGrantNoneClearsIntr) cx.intr_state = false;
  return Result::of(Code::kNone);
}

Result Engine::consume_grant(unsigned c, Code code) {
  ContextState& cx = ctxs_[c];
  cx.grant_pending = false;
  cx.intr_state = false;
  return {code, cx.grant_abandoned, cx.grant_priority, cx.grant_slot};
}

}  // namespace hwmx::model
