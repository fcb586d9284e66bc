// Consistency check of the model state: the invariants listed in docs/engine.md plus the model's
// own bookkeeping (queue links, pools). Used by tests after every step and by the difftest
// periodically, so a model bug shows up where it happens rather than as a later mismatch.
#include <sstream>
#include <vector>

#include "hwmx/model/engine.h"

namespace hwmx::model {
namespace {

class Report {
 public:
  template <class... Args>
  bool fail(const Args&... args) {
    if (!first_.empty()) return false;
    std::ostringstream os;
    (os << ... << args);
    first_ = os.str();
    return false;
  }
  bool ok() const { return first_.empty(); }
  std::string take() { return std::move(first_); }

 private:
  std::string first_;
};

}  // namespace

std::string Engine::check_invariants() const {
  Report r;
  const unsigned nm = num_mutex(), nc = num_ctx();
  std::vector<unsigned> owned_by(nc, 0);
  std::vector<unsigned> queued_in(nc, 0);  // number of queues a context was found in
  unsigned queued_total = 0;

  for (unsigned s = 0; s < nm && r.ok(); ++s) {
    const SlotState& sl = slots_[s];
    if (!sl.allocated && (sl.owned || sl.length != 0)) {
      r.fail("slot ", s, ": unallocated but owned or with waiters");
    }
    if (!sl.owned && sl.length != 0) r.fail("slot ", s, ": free with ", sl.length, " waiters");
    if (!sl.owned && sl.count != 0) r.fail("slot ", s, ": free with count ", sl.count);
    if (sl.owned && sl.abandoned) r.fail("slot ", s, ": owned with the abandoned flag set");
    if (sl.owned) {
      if (sl.owner >= nc) {
        r.fail("slot ", s, ": owner ", sl.owner, " out of range");
        break;
      }
      if (!ctxs_[sl.owner].allocated) r.fail("slot ", s, ": owner ", sl.owner, " not allocated");
      ++owned_by[sl.owner];
    }
    if (sl.length > g_.max_qdepth) r.fail("slot ", s, ": length above max_qdepth");
    // Walk the queue: links agree both ways, members wait on this slot, length and tail match.
    std::uint16_t prev = kNil, c = sl.head;
    unsigned n = 0;
    for (; c != kNil && n <= nc; prev = c, c = ctxs_[c].next, ++n) {
      if (c >= nc) {
        r.fail("slot ", s, ": queue link ", c, " out of range");
        break;
      }
      const ContextState& cx = ctxs_[c];
      if (cx.prev != prev) r.fail("slot ", s, ": ctx ", c, " prev link ", cx.prev, " != ", prev);
      if (!cx.waiting || cx.wait_slot != s) {
        r.fail("slot ", s, ": ctx ", c, " queued but not waiting on it");
      }
      if (sl.owned && sl.owner == c) r.fail("slot ", s, ": owner ", c, " waits on its own slot");
      ++queued_in[c];
    }
    if (!r.ok()) break;
    if (n != sl.length) r.fail("slot ", s, ": length ", sl.length, " but ", n, " linked waiters");
    if (sl.length > 0 && sl.tail != prev) r.fail("slot ", s, ": tail ", sl.tail, " != ", prev);
    queued_total += n;
  }

  unsigned waiting_total = 0;
  for (unsigned c = 0; c < nc && r.ok(); ++c) {
    const ContextState& cx = ctxs_[c];
    if (cx.waiting) ++waiting_total;
    if (!cx.allocated && (cx.waiting || cx.grant_pending || cx.owned_count != 0)) {
      r.fail("ctx ", c, ": unallocated but waiting, granted or owning");
    }
    if (cx.waiting && (cx.wait_slot >= nm || queued_in[c] != 1)) {
      r.fail("ctx ", c, ": waiting on ", cx.wait_slot, " but found in ", queued_in[c], " queues");
    }
    if (!cx.waiting && queued_in[c] != 0) r.fail("ctx ", c, ": queued but not waiting");
    if (cx.owned_count != owned_by[c]) {
      r.fail("ctx ", c, ": owned_count ", cx.owned_count, " but owns ", owned_by[c], " slots");
    }
    if (cx.priority > kMaxPriority) r.fail("ctx ", c, ": priority ", int{cx.priority});
  }
  if (r.ok() && waiting_total != queued_total) {
    r.fail(waiting_total, " waiting contexts but ", queued_total, " queue entries");
  }

  // Pools: every id below next_unused is either allocated or on the free stack (once); ids from
  // next_unused on were never handed out.
  auto check_pool = [&r](const char* what, const IdPool& pool, auto allocated) {
    std::vector<unsigned> seen(pool.size(), 0);
    for (unsigned id : pool.freed()) {
      if (id >= pool.next_unused()) return r.fail(what, " pool: freed id ", id, " never used");
      if (seen[id]++) return r.fail(what, " pool: id ", id, " freed twice");
      if (allocated(id)) return r.fail(what, " pool: id ", id, " allocated and free");
    }
    for (unsigned id = 0; id < pool.size(); ++id) {
      const bool expect = id < pool.next_unused() && seen[id] == 0;
      if (allocated(id) != expect) return r.fail(what, " pool: id ", id, " allocation mismatch");
    }
    return true;
  };
  if (r.ok()) check_pool("slot", slot_pool_, [this](unsigned s) { return slots_[s].allocated; });
  if (r.ok()) check_pool("ctx", ctx_pool_, [this](unsigned c) { return ctxs_[c].allocated; });
  return r.take();
}

}  // namespace hwmx::model
