// Wait queues: doubly linked lists threaded through the contexts (next/prev), so CANCEL and the
// dequeue of a handoff are O(1) like the RTL's; only the PRIORITY enqueue walks.
#include "hwmx/model/engine.h"

namespace hwmx::model {

void Engine::enqueue(unsigned s, unsigned c) {
  SlotState& sl = slots_[s];
  std::uint16_t after = sl.tail;
  if (sl.prio_policy) {
    // Walk from the tail toward the head past every waiter whose *current* priority is lower
    // (priorities may have changed since those waiters were queued, so the queue need not be
    // sorted: the walk stops at the first waiter with priority >= ours). kNil = insert at head.
    const std::uint8_t p = ctxs_[c].priority;
    while (after != kNil && ctxs_[after].priority < p) after = ctxs_[after].prev;
  }
  link_after(s, c, after);
  ContextState& cx = ctxs_[c];
  cx.waiting = true;
  cx.wait_slot = static_cast<std::uint16_t>(s);
  ++sl.length;
}

void Engine::link_after(unsigned s, unsigned c, std::uint16_t after) {
  SlotState& sl = slots_[s];
  ContextState& cx = ctxs_[c];
  const auto id = static_cast<std::uint16_t>(c);
  cx.prev = after;
  cx.next = after == kNil ? sl.head : ctxs_[after].next;
  if (cx.next == kNil) {
    sl.tail = id;
  } else {
    ctxs_[cx.next].prev = id;
  }
  if (after == kNil) {
    sl.head = id;
  } else {
    ctxs_[after].next = id;
  }
}

void Engine::unlink(unsigned s, unsigned c) {
  SlotState& sl = slots_[s];
  ContextState& cx = ctxs_[c];
  if (cx.prev == kNil) {
    sl.head = cx.next;
  } else {
    ctxs_[cx.prev].next = cx.next;
  }
  if (cx.next == kNil) {
    sl.tail = cx.prev;
  } else {
    ctxs_[cx.next].prev = cx.prev;
  }
  cx.next = cx.prev = kNil;
  cx.waiting = false;
  --sl.length;
}

unsigned Engine::pop_head(unsigned s) {
  const unsigned h = slots_[s].head;
  unlink(s, h);
  return h;
}

std::vector<unsigned> Engine::queue(unsigned s) const {
  std::vector<unsigned> q;
  const SlotState& sl = slots_.at(s);
  for (std::uint16_t c = sl.head; c != kNil && q.size() < ctxs_.size(); c = ctxs_[c].next) {
    q.push_back(c);
  }
  return q;
}

}  // namespace hwmx::model
