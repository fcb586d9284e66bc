// The random stream of bus accesses. Mostly legal operations, biased by the reference model's
// current state (it is the oracle, and both implementations see the same stream) so that queues
// fill, ids are allocated and freed, pools run dry, recursion happens, cancels race handoffs and
// abandons happen; plus plain register traffic and a few illegal or unmapped accesses.
#pragma once

#include <cstdint>
#include <optional>
#include <random>
#include <vector>

#include "bus_op.h"
#include "hwmx/model/engine.h"
#include "profile.h"

namespace hwmx::difftest {

class Generator {
 public:
  Generator(const model::Engine& model, const Profile& profile, std::uint64_t seed);

  /// The next access; call after the previous one was applied to the model.
  BusOp next();

 private:
  enum Action : unsigned {
    kAcquire,
    kTry,
    kReleaseOwned,
    kRecurse,
    kCancel,
    kTakeGrant,
    kAllocCtx,
    kFreeCtx,
    kAllocSlot,
    kFreeSlot,
    kInitSlot,
    kAbandon,
    kSetPriority,
    kIntrRegister,
    kClearLastError,
    kInspect,
    kPlainRead,
    kRandomContextOp,
    kRandomControlOp,
    kIllegal,
    kActionCount
  };

  // One recursion burst per run (from a random point on): the owner of a recursive slot acquires
  // it up to the limit, ACQUIRE and TRY then answer ERR_RECURSION_LIMIT, and the owner is
  // abandoned (which also drops the huge count). ~65k operations, so only in long runs.
  struct Burst {
    bool active = false;
    unsigned ctx = 0, slot = 0, step = 0;
  };
  std::optional<BusOp> burst_op();

  Action pick_action();
  BusOp make(Action a);
  BusOp illegal();
  void refresh_ids();
  void maybe_change_regime();

  // Id choices (valid ids when any exist, else a random one).
  unsigned any_ctx() { return uniform(m_.num_ctx()); }
  unsigned some_ctx();   // allocated if any
  unsigned some_slot();  // allocated if any
  unsigned hot_slot();   // skewed towards a few allocated slots, so they are contended
  unsigned pile_slot();  // the slot of a pile-up regime (allocated if any)
  /// An allocated context satisfying `pred`, trying a few random ones; else some_ctx().
  template <class Pred>
  unsigned ctx_where(Pred pred);
  template <class Pred>
  unsigned slot_where(Pred pred);

  unsigned uniform(unsigned n) { return static_cast<unsigned>(rng_() % n); }
  bool chance(double p) { return std::uniform_real_distribution<double>(0, 1)(rng_) < p; }

  const model::Engine& m_;
  const Profile& p_;
  std::mt19937_64 rng_;
  std::vector<unsigned> ctxs_, slots_;  // allocated ids, refreshed after control operations
  bool dirty_ = true;
  unsigned ctx_target_ = 0, slot_target_ = 0;
  std::uint64_t regime_left_ = 0;
  bool pileup_ = false;  // a pile-up regime (Profile::pileup_share) on pile_slot_
  unsigned pile_slot_ = 0;
  std::uint64_t emitted_ = 0, burst_at_ = 0;
  Burst burst_;
};

}  // namespace hwmx::difftest
