// Functional coverage of the differential test: every operation the reference model answers is
// put in a bin operation x outcome x queue policy x queue-length class, classified from the
// model's state before and after the operation (so it does not depend on RTL internals). The
// set of bins that must be hit is explicit (reachable_bins() in the .cpp, with the reason for
// every restriction); a hit outside it means that reasoning or the classifier is wrong.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <tuple>
#include <vector>

#include "bus_op.h"
#include "hwmx/model/engine.h"

namespace hwmx::difftest {

class FunctionalCoverage {
 public:
  enum class Outcome : std::uint8_t {
    kGrantedFree,        // ACQUIRE/TRY of a free slot
    kGrantedAbandoned,   // ... whose abandoned flag was set (answer ABANDONED = 1)
    kGrantedRecursive,   // recursive slot already held by the caller
    kQueuedTail,         // ACQUIRE: queued last (every FIFO enqueue; PRIORITY: no one passed)
    kQueuedMiddle,       // PRIORITY: queued between two waiters
    kQueuedHead,         // PRIORITY: queued first (every waiter had a lower priority)
    kBusyHeld,           // TRY of a slot held by another context
    kBusySelf,           // TRY of an exclusive slot held by the caller
    kReleasedDecrement,  // RELEASE with count > 0
    kReleasedFree,       // RELEASE, count 0, no waiter: the slot becomes free
    kHandoff,            // RELEASE, count 0, waiters: the head becomes the owner
    kCancelledOnly,      // CANCEL of the only waiter
    kCancelledHead,      // CANCEL of the head / a middle / the tail waiter of a longer queue
    kCancelledMiddle,
    kCancelledTail,
    kAlreadyGranted,   // CANCEL that lost the race to a handoff
    kGrantTaken,       // TAKE_GRANT with a grant pending
    kNoGrant,          // TAKE_GRANT without one (NONE)
    kDone,             // control operation DONE (ALLOC/FREE/INIT slot, ALLOC/FREE context)
    kAbandonIdle,      // ABANDON of a context that owned nothing and was not waiting
    kAbandonUnqueued,  // ... that owned nothing and was waiting: taken out of the queue
    kAbandonFreed,     // ... that owned slots, all without waiters: freed (abandoned = 1)
    kAbandonHandoff,   // ... that owned at least one slot with waiters: handed off
    kErrBadSlot,
    kErrNotOwner,
    kErrAlreadyOwned,
    kErrRecursionLimit,
    kErrAlreadyWaiting,
    kErrNoResource,
    kErrBadCtx,
    kErrSlotBusy,
    kErrNotWaiting,
    kErrCtxBusy,
    kCount
  };
  enum class Policy : std::uint8_t { kAny, kFifo, kPriority };
  /// Queue length of the slot concerned, before the operation. L = NUM_CTX - 1 is the longest
  /// possible queue (every context but the owner). Classes are disjoint; for small NUM_CTX the
  /// upper ones are empty (NUM_CTX = 4: 0, 1, 2 = L-1, 3 = L).
  enum class QClass : std::uint8_t { kAny, kEmpty, kOne, kMid, kNearFull, kFull };

  struct Bin {
    model::Op op;
    Outcome outcome;
    Policy policy;
    QClass qclass;
    auto key() const { return std::tuple(op, outcome, policy, qclass); }
    bool operator<(const Bin& o) const { return key() < o.key(); }
  };

  explicit FunctionalCoverage(unsigned num_ctx);

  /// Call with the model before it executes `op`, then after() with the model's answer.
  void before(const model::Engine& m, const BusOp& op);
  void after(const model::Engine& m, const ReadResult& answer);

  std::size_t bins() const { return hits_.size(); }
  std::size_t bins_hit() const;
  /// Operations seen in a bin outside the reachable set (a classifier or reasoning error).
  const std::map<std::string, std::uint64_t>& unexpected() const { return unexpected_; }
  bool complete() const { return bins_hit() == bins() && unexpected_.empty(); }
  /// The bin table (hit counts; "-" where a combination is not a bin) and a summary.
  void print(std::ostream& os) const;

 private:
  struct Pending {
    model::Op op;
    unsigned ctx = 0, slot = 0;  // the access's context / slot (or argument)
    bool ctx_valid = false, slot_valid = false;
    model::SlotState slot_before;  // slot (ACQUIRE/TRY/RELEASE/FREE/INIT) or wait slot (CANCEL)
    model::ContextState ctx_before;
    int queue_pos = -1;  // CANCEL: position of the context in its wait queue before
    std::uint64_t handoffs_before = 0;
  };
  void record(model::Op op, Outcome o, const model::SlotState* slot);
  QClass classify_length(unsigned length) const;
  std::string range(QClass q) const;

  unsigned num_ctx_;
  std::optional<Pending> pending_;
  std::map<Bin, std::uint64_t> hits_;  // exactly the reachable bins
  std::map<std::string, std::uint64_t> unexpected_;
};

}  // namespace hwmx::difftest
