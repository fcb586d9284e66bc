#include "functional_coverage.h"

#include <algorithm>
#include <cstdio>
#include <iomanip>
#include <sstream>

#include "hwmx/model/decoder.h"
#include "hwmx/model/result.h"

namespace hwmx::difftest {
namespace {

using model::Code;
using model::Op;
using Outcome = FunctionalCoverage::Outcome;
using Policy = FunctionalCoverage::Policy;
using QClass = FunctionalCoverage::QClass;

// Which dimensions an (operation, outcome) pair is crossed with.
enum class Dims : std::uint8_t {
  kNone,      // one bin: decided before the slot's queue or policy matter (or no slot at all)
  kPolicy,    // FIFO / PRIORITY; the queue is empty by construction
  kBoth,      // FIFO / PRIORITY x the length classes within [lo, hi]
  kPrioBoth,  // PRIORITY only x the length classes within [lo, hi]
};

struct Rule {
  Op op;
  Outcome outcome;
  Dims dims;
  unsigned lo = 0, hi = 0;  // feasible queue lengths before the operation (kBoth, kPrioBoth)
};

// The reachable bins. L = NUM_CTX - 1 is the longest queue (every context but the owner waits);
// M = NUM_CTX - 2 the longest one when, besides the owner, the caller is not waiting either.
// An (operation, outcome) pair not listed cannot happen: engine.md gives each operation its own
// checks (e.g. TAKE_GRANT never answers ERR_NOT_WAITING; ALLOC_CTX never ERR_BAD_CTX, its
// argument is not a context; ALLOC_SLOT/ALLOC_CTX with a refused argument are bus errors, not
// operations).
std::vector<Rule> reachable_rules(unsigned num_ctx) {
  const unsigned L = num_ctx - 1, M = num_ctx - 2;
  using enum Outcome;
  std::vector<Rule> r;
  for (Op op : {Op::kAcquire, Op::kTry}) {
    // A free slot has an empty queue (invariant); abandoned is set only on a slot ABANDON freed.
    r.push_back({op, kGrantedFree, Dims::kBoth, 0, 0});
    r.push_back({op, kGrantedAbandoned, Dims::kBoth, 0, 0});
    // The owner never waits on its own slot, so any number of the others may.
    r.push_back({op, kGrantedRecursive, Dims::kBoth, 0, L});
    // Decided by the count alone (0xFFFF); the generator's one recursion burst per run reaches
    // it once, so it is not crossed.
    r.push_back({op, kErrRecursionLimit, Dims::kNone});
    // Decided on the context (or on a slot that does not exist) before the slot is looked at.
    r.push_back({op, kErrAlreadyWaiting, Dims::kNone});
    r.push_back({op, kErrBadSlot, Dims::kNone});
    r.push_back({op, kErrBadCtx, Dims::kNone});
  }
  // Queued: neither the owner nor the caller is in the queue before, so at most M waiters. FIFO
  // always appends; PRIORITY inserts at the head past >= 1 waiter, in the middle past >= 1 with
  // >= 1 left in front of it (>= 2 waiters).
  r.push_back({Op::kAcquire, kQueuedTail, Dims::kBoth, 0, M});
  r.push_back({Op::kAcquire, kQueuedHead, Dims::kPrioBoth, 1, M});
  r.push_back({Op::kAcquire, kQueuedMiddle, Dims::kPrioBoth, 2, M});
  r.push_back({Op::kAcquire, kErrAlreadyOwned, Dims::kBoth, 0, L});  // caller is the owner
  r.push_back({Op::kTry, kBusyHeld, Dims::kBoth, 0, M});             // caller not waiting
  r.push_back({Op::kTry, kBusySelf, Dims::kBoth, 0, L});             // caller is the owner

  r.push_back({Op::kRelease, kReleasedDecrement, Dims::kBoth, 0, L});
  r.push_back({Op::kRelease, kReleasedFree, Dims::kBoth, 0, 0});  // by definition no waiter
  r.push_back({Op::kRelease, kHandoff, Dims::kBoth, 1, L});       // by definition >= 1 waiter
  // A free slot (empty queue) or another's, whose queue may hold the caller as well.
  r.push_back({Op::kRelease, kErrNotOwner, Dims::kBoth, 0, L});
  r.push_back({Op::kRelease, kErrBadSlot, Dims::kNone});
  r.push_back({Op::kRelease, kErrBadCtx, Dims::kNone});

  // CANCEL of a waiter: the class is the length of its queue before; head/tail need a second
  // waiter, the middle a third.
  r.push_back({Op::kCancel, kCancelledOnly, Dims::kBoth, 1, 1});
  r.push_back({Op::kCancel, kCancelledHead, Dims::kBoth, 2, L});
  r.push_back({Op::kCancel, kCancelledTail, Dims::kBoth, 2, L});
  r.push_back({Op::kCancel, kCancelledMiddle, Dims::kBoth, 3, L});
  r.push_back({Op::kCancel, kAlreadyGranted, Dims::kNone});  // no queue involved
  r.push_back({Op::kCancel, kErrNotWaiting, Dims::kNone});
  r.push_back({Op::kCancel, kErrBadCtx, Dims::kNone});

  r.push_back({Op::kTakeGrant, kGrantTaken, Dims::kNone});
  r.push_back({Op::kTakeGrant, kNoGrant, Dims::kNone});
  r.push_back({Op::kTakeGrant, kErrBadCtx, Dims::kNone});

  // Slot control operations: DONE acts on a free slot (empty queue); the policy is the one the
  // slot has afterwards (ALLOC_SLOT / INIT_SLOT set it, FREE_SLOT keeps it). SLOT_BUSY: an owned
  // slot with any queue (engine.md: "queue then non-empty or empty").
  r.push_back({Op::kAllocSlot, kDone, Dims::kPolicy});
  r.push_back({Op::kAllocSlot, kErrNoResource, Dims::kNone});
  for (Op op : {Op::kFreeSlot, Op::kInitSlot}) {
    r.push_back({op, kDone, Dims::kPolicy});
    r.push_back({op, kErrSlotBusy, Dims::kBoth, 0, L});
    r.push_back({op, kErrBadSlot, Dims::kNone});
  }

  r.push_back({Op::kAllocCtx, kDone, Dims::kNone});
  r.push_back({Op::kAllocCtx, kErrNoResource, Dims::kNone});
  r.push_back({Op::kFreeCtx, kDone, Dims::kNone});
  r.push_back({Op::kFreeCtx, kErrCtxBusy, Dims::kNone});
  r.push_back({Op::kFreeCtx, kErrBadCtx, Dims::kNone});
  // ABANDON touches several slots: classified by what it did, not crossed.
  for (Outcome o : {kAbandonIdle, kAbandonUnqueued, kAbandonFreed, kAbandonHandoff, kErrBadCtx}) {
    r.push_back({Op::kAbandon, o, Dims::kNone});
  }
  return r;
}

const char* op_name(Op op) {
  switch (op) {
    case Op::kAcquire:
      return "ACQUIRE";
    case Op::kTry:
      return "TRY";
    case Op::kRelease:
      return "RELEASE";
    case Op::kCancel:
      return "CANCEL";
    case Op::kTakeGrant:
      return "TAKE_GRANT";
    case Op::kAllocSlot:
      return "ALLOC_SLOT";
    case Op::kFreeSlot:
      return "FREE_SLOT";
    case Op::kInitSlot:
      return "INIT_SLOT";
    case Op::kAllocCtx:
      return "ALLOC_CTX";
    case Op::kFreeCtx:
      return "FREE_CTX";
    case Op::kAbandon:
      return "ABANDON";
  }
  return "?";
}

const char* outcome_name(Outcome o) {
  static constexpr std::array<const char*, static_cast<std::size_t>(Outcome::kCount)> kNames = {
      "granted_free",
      "granted_abandoned",
      "granted_recursive",
      "queued_tail",
      "queued_middle",
      "queued_head",
      "busy_held",
      "busy_self",
      "released_decrement",
      "released_free",
      "handoff",
      "cancelled_only",
      "cancelled_head",
      "cancelled_middle",
      "cancelled_tail",
      "already_granted",
      "grant_taken",
      "no_grant",
      "done",
      "done_idle",
      "done_unqueued",
      "done_freed",
      "done_handoff",
      "ERR_BAD_SLOT",
      "ERR_NOT_OWNER",
      "ERR_ALREADY_OWNED",
      "ERR_RECURSION_LIMIT",
      "ERR_ALREADY_WAITING",
      "ERR_NO_RESOURCE",
      "ERR_BAD_CTX",
      "ERR_SLOT_BUSY",
      "ERR_NOT_WAITING",
      "ERR_CTX_BUSY"};
  const auto i = static_cast<std::size_t>(o);
  return i < kNames.size() ? kNames[i] : "?";
}

const char* policy_name(Policy p) {
  switch (p) {
    case Policy::kAny:
      return "-";
    case Policy::kFifo:
      return "FIFO";
    case Policy::kPriority:
      return "PRIORITY";
  }
  return "?";
}

std::optional<Op> op_of(model::Target t) {
  using model::Target;
  switch (t) {
    case Target::kAcquire:
      return Op::kAcquire;
    case Target::kTry:
      return Op::kTry;
    case Target::kRelease:
      return Op::kRelease;
    case Target::kCancel:
      return Op::kCancel;
    case Target::kTakeGrant:
      return Op::kTakeGrant;
    case Target::kAllocSlot:
      return Op::kAllocSlot;
    case Target::kFreeSlot:
      return Op::kFreeSlot;
    case Target::kInitExclFifo:
    case Target::kInitRecFifo:
    case Target::kInitExclPrio:
    case Target::kInitRecPrio:
      return Op::kInitSlot;
    case Target::kAllocCtx:
      return Op::kAllocCtx;
    case Target::kFreeCtx:
      return Op::kFreeCtx;
    case Target::kAbandon:
      return Op::kAbandon;
    default:
      return std::nullopt;
  }
}

std::optional<Outcome> error_outcome(Code c) {
  switch (c) {
    case Code::kErrBadSlot:
      return Outcome::kErrBadSlot;
    case Code::kErrNotOwner:
      return Outcome::kErrNotOwner;
    case Code::kErrAlreadyOwned:
      return Outcome::kErrAlreadyOwned;
    case Code::kErrRecursionLimit:
      return Outcome::kErrRecursionLimit;
    case Code::kErrAlreadyWaiting:
      return Outcome::kErrAlreadyWaiting;
    case Code::kErrNoResource:
      return Outcome::kErrNoResource;
    case Code::kErrBadCtx:
      return Outcome::kErrBadCtx;
    case Code::kErrSlotBusy:
      return Outcome::kErrSlotBusy;
    case Code::kErrNotWaiting:
      return Outcome::kErrNotWaiting;
    case Code::kErrCtxBusy:
      return Outcome::kErrCtxBusy;
    default:
      return std::nullopt;
  }
}

// Length classes as intervals (empty when hi < lo), consistent with classify_length().
struct Interval {
  unsigned lo, hi;
  bool empty() const { return hi < lo; }
};
Interval interval(QClass q, unsigned num_ctx) {
  const unsigned L = num_ctx - 1;
  switch (q) {
    case QClass::kEmpty:
      return {0, 0};
    case QClass::kOne:
      return {1, 1};
    case QClass::kMid:
      return L >= 4 ? Interval{2, L - 2} : Interval{1, 0};
    case QClass::kNearFull:
      return L >= 3 ? Interval{L - 1, L - 1} : Interval{1, 0};
    case QClass::kFull:
      return L >= 2 ? Interval{L, L} : Interval{1, 0};
    case QClass::kAny:
      break;
  }
  return {1, 0};
}

constexpr std::array<QClass, 5> kLengthClasses = {QClass::kEmpty, QClass::kOne, QClass::kMid,
                                                  QClass::kNearFull, QClass::kFull};

}  // namespace

FunctionalCoverage::FunctionalCoverage(unsigned num_ctx) : num_ctx_(num_ctx) {
  for (const Rule& r : reachable_rules(num_ctx)) {
    std::vector<Policy> policies;
    switch (r.dims) {
      case Dims::kNone:
        hits_[{r.op, r.outcome, Policy::kAny, QClass::kAny}] = 0;
        continue;
      case Dims::kPolicy:
        hits_[{r.op, r.outcome, Policy::kFifo, QClass::kAny}] = 0;
        hits_[{r.op, r.outcome, Policy::kPriority, QClass::kAny}] = 0;
        continue;
      case Dims::kBoth:
        policies = {Policy::kFifo, Policy::kPriority};
        break;
      case Dims::kPrioBoth:
        policies = {Policy::kPriority};
        break;
    }
    for (QClass q : kLengthClasses) {
      const Interval iv = interval(q, num_ctx);
      if (iv.empty() || iv.hi < r.lo || iv.lo > r.hi) continue;  // no feasible length in it
      for (Policy p : policies) hits_[{r.op, r.outcome, p, q}] = 0;
    }
  }
}

FunctionalCoverage::QClass FunctionalCoverage::classify_length(unsigned length) const {
  const unsigned L = num_ctx_ - 1;
  if (length == 0) return QClass::kEmpty;
  if (length == 1) return QClass::kOne;
  if (length == L) return QClass::kFull;
  if (length == L - 1) return QClass::kNearFull;
  return QClass::kMid;
}

std::string FunctionalCoverage::range(QClass q) const {
  const Interval iv = interval(q, num_ctx_);
  if (q == QClass::kAny) return "any";
  if (iv.empty()) return "";
  if (iv.lo == iv.hi) return std::to_string(iv.lo);
  return std::to_string(iv.lo) + ".." + std::to_string(iv.hi);
}

void FunctionalCoverage::before(const model::Engine& m, const BusOp& op) {
  pending_.reset();
  if (op.write) return;
  const model::Access a = model::decode(op.addr);
  if (!model::mapped_in_instance(a, m.num_ctx())) return;  // SLVERR: not an operation
  const auto kind = op_of(a.target);
  if (!kind) return;
  Pending p;
  p.op = *kind;
  const bool context_op = model::kind_of(a.target) == model::Kind::kContextOp;
  p.ctx = context_op ? a.ctx : a.index;
  p.slot = a.index;
  p.ctx_valid = p.ctx < m.num_ctx();
  if (p.ctx_valid) p.ctx_before = m.context(p.ctx);
  switch (p.op) {
    case Op::kAcquire:
    case Op::kTry:
    case Op::kRelease:
    case Op::kFreeSlot:
    case Op::kInitSlot:
      p.slot_valid = p.slot < m.num_mutex() && m.slot(p.slot).allocated;
      if (p.slot_valid) p.slot_before = m.slot(p.slot);
      break;
    case Op::kCancel:
      if (p.ctx_before.allocated && p.ctx_before.waiting) {
        p.slot = p.ctx_before.wait_slot;
        p.slot_valid = true;
        p.slot_before = m.slot(p.slot);
        const auto q = m.queue(p.slot);
        p.queue_pos = static_cast<int>(std::find(q.begin(), q.end(), p.ctx) - q.begin());
      }
      break;
    default:
      break;
  }
  p.handoffs_before = m.globals().handoffs;
  pending_ = p;
}

void FunctionalCoverage::after(const model::Engine& m, const ReadResult& answer) {
  if (!pending_) return;
  const Pending p = *pending_;
  pending_.reset();
  if (answer.resp != AxiResp::Okay) {
    unexpected_[std::string(op_name(p.op)) + " answered a bus error"]++;
    return;
  }
  const model::Result r = model::Result::from_word(answer.data);
  const model::SlotState* slot = p.slot_valid ? &p.slot_before : nullptr;
  if (auto err = error_outcome(r.code)) {
    record(p.op, *err, slot);
    return;
  }
  using enum Outcome;
  std::optional<Outcome> o;
  switch (p.op) {
    case Op::kAcquire:
    case Op::kTry:
      if (r.code == Code::kGranted) {
        if (slot && slot->owned && slot->owner == p.ctx) {
          o = kGrantedRecursive;
        } else {
          o = r.abandoned ? kGrantedAbandoned : kGrantedFree;
        }
      } else if (r.code == Code::kQueued && slot) {
        const auto q = m.queue(p.slot);  // after: where the caller went
        const auto pos = std::find(q.begin(), q.end(), p.ctx) - q.begin();
        if (pos + 1 == static_cast<long>(q.size())) {
          o = kQueuedTail;
        } else {
          o = pos == 0 ? kQueuedHead : kQueuedMiddle;
        }
      } else if (r.code == Code::kBusy) {
        o = (slot && slot->owned && slot->owner == p.ctx) ? kBusySelf : kBusyHeld;
      }
      break;
    case Op::kRelease:
      if (r.code == Code::kReleased && slot) {
        o = slot->count > 0 ? kReleasedDecrement : kReleasedFree;
      } else if (r.code == Code::kHandoff) {
        o = kHandoff;
      }
      break;
    case Op::kCancel:
      if (r.code == Code::kCancelled && slot) {
        const int last = static_cast<int>(slot->length) - 1;
        if (last == 0) {
          o = kCancelledOnly;
        } else if (p.queue_pos == 0) {
          o = kCancelledHead;
        } else {
          o = p.queue_pos == last ? kCancelledTail : kCancelledMiddle;
        }
      } else if (r.code == Code::kAlreadyGranted) {
        o = kAlreadyGranted;
      }
      break;
    case Op::kTakeGrant:
      if (r.code == Code::kGranted) o = kGrantTaken;
      if (r.code == Code::kNone) o = kNoGrant;
      break;
    case Op::kAllocSlot:
    case Op::kInitSlot:
      // The policy the slot has now (the one requested).
      if (r.code == Code::kDone && r.value < m.num_mutex()) {
        const model::SlotState now = m.slot(r.value);
        record(p.op, kDone, &now);
        return;
      }
      break;
    case Op::kFreeSlot:
    case Op::kAllocCtx:
    case Op::kFreeCtx:
      if (r.code == Code::kDone) o = kDone;
      break;
    case Op::kAbandon:
      if (r.code == Code::kDone) {
        if (m.globals().handoffs != p.handoffs_before) {
          o = kAbandonHandoff;
        } else if (r.value > 0) {
          o = kAbandonFreed;
        } else {
          o = p.ctx_before.waiting ? kAbandonUnqueued : kAbandonIdle;
        }
      }
      break;
  }
  if (!o) {
    unexpected_[std::string(op_name(p.op)) + " answered " +
                model::code_name(static_cast<std::uint8_t>(r.code))]++;
    return;
  }
  record(p.op, *o, slot);
}

void FunctionalCoverage::record(Op op, Outcome o, const model::SlotState* slot) {
  // The bin's dimensions are those of the reachable bins of (op, o): try the crossed forms.
  const Policy pol = slot ? (slot->prio_policy ? Policy::kPriority : Policy::kFifo) : Policy::kAny;
  const QClass q = slot ? classify_length(slot->length) : QClass::kAny;
  for (const Bin& b : {Bin{op, o, pol, q}, Bin{op, o, pol, QClass::kAny},
                       Bin{op, o, Policy::kAny, QClass::kAny}}) {
    if (auto it = hits_.find(b); it != hits_.end()) {
      ++it->second;
      return;
    }
  }
  std::string what = std::string(op_name(op)) + " " + outcome_name(o);
  if (slot) what += std::string(" ") + policy_name(pol) + " queue " + std::to_string(slot->length);
  unexpected_[what]++;
}

std::size_t FunctionalCoverage::bins_hit() const {
  return static_cast<std::size_t>(
      std::count_if(hits_.begin(), hits_.end(), [](const auto& kv) { return kv.second != 0; }));
}

void FunctionalCoverage::print(std::ostream& os) const {
  // Columns: "any" plus the length classes that exist for this NUM_CTX.
  std::vector<QClass> cols = {QClass::kAny};
  for (QClass q : kLengthClasses) {
    if (!interval(q, num_ctx_).empty()) cols.push_back(q);
  }
  os << "functional coverage (NUM_CTX " << num_ctx_ << "): operation x outcome x queue policy x "
     << "queue length before the operation\n(L = " << num_ctx_ - 1
     << ": every context but the owner waits; '-': not a bin, MISS: a bin never hit)\n";
  os << std::left << std::setw(11) << "operation" << std::setw(21) << "outcome" << std::setw(9)
     << "policy";
  for (QClass q : cols) {
    std::string label = range(q);
    if (q == QClass::kNearFull) label = "L-1=" + label;
    if (q == QClass::kFull) label = "L=" + label;
    os << std::right << std::setw(10) << label;
  }
  os << "\n";
  std::vector<std::string> missing;
  auto it = hits_.begin();
  while (it != hits_.end()) {
    const Bin row = it->first;
    os << std::left << std::setw(11) << op_name(row.op) << std::setw(21)
       << outcome_name(row.outcome) << std::setw(9) << policy_name(row.policy);
    std::map<QClass, std::uint64_t> cells;
    for (; it != hits_.end() && it->first.op == row.op && it->first.outcome == row.outcome &&
           it->first.policy == row.policy;
         ++it) {
      cells[it->first.qclass] = it->second;
      if (it->second == 0) {
        missing.push_back(std::string(op_name(row.op)) + " " + outcome_name(row.outcome) + " " +
                          policy_name(row.policy) + " " + range(it->first.qclass));
      }
    }
    for (QClass q : cols) {
      const auto c = cells.find(q);
      std::string cell = c == cells.end() ? "-"
                         : c->second == 0 ? "MISS"
                                          : std::to_string(c->second);
      os << std::right << std::setw(10) << cell;
    }
    os << "\n";
  }
  os << "functional coverage: " << bins_hit() << " of " << bins() << " bins hit";
  if (!missing.empty()) {
    os << "; never hit:\n";
    for (const auto& m : missing) os << "  " << m << "\n";
  } else {
    os << "\n";
  }
  for (const auto& [what, n] : unexpected_) {
    os << "UNEXPECTED (outside the reachable bins): " << what << " x" << n << "\n";
  }
}

}  // namespace hwmx::difftest
