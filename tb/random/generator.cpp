#include "generator.h"

#include <array>

#include "hwmx/hwmx_regmap.h"
#include "hwmx/model/decoder.h"

namespace hwmx::difftest {
namespace {

using model::kArchMaxCtx;

std::uint32_t ctx_reg(unsigned c, std::uint32_t off) {
  return HWMX_CTX_BASE + c * HWMX_CTX_STRIDE + off;
}
std::uint32_t act(unsigned c, std::uint32_t off) {
  return HWMX_ACT_BASE + c * HWMX_ACT_STRIDE + off;
}
std::uint32_t ctrl(std::uint32_t window, unsigned arg) {
  return HWMX_CTRL_ACT_BASE + window + 4 * arg;
}

constexpr std::array<std::uint32_t, 4> kInitWindows = {
    HWMX_CTRL_ACT_INIT_EXCL_FIFO_OFFSET, HWMX_CTRL_ACT_INIT_REC_FIFO_OFFSET,
    HWMX_CTRL_ACT_INIT_EXCL_PRIO_OFFSET, HWMX_CTRL_ACT_INIT_REC_PRIO_OFFSET};

constexpr std::array<std::uint32_t, 9> kControlWindows = {
    HWMX_CTRL_ACT_ALLOC_SLOT_OFFSET,     HWMX_CTRL_ACT_FREE_SLOT_OFFSET,
    HWMX_CTRL_ACT_INIT_EXCL_FIFO_OFFSET, HWMX_CTRL_ACT_INIT_REC_FIFO_OFFSET,
    HWMX_CTRL_ACT_INIT_EXCL_PRIO_OFFSET, HWMX_CTRL_ACT_INIT_REC_PRIO_OFFSET,
    HWMX_CTRL_ACT_ALLOC_CTX_OFFSET,      HWMX_CTRL_ACT_FREE_CTX_OFFSET,
    HWMX_CTRL_ACT_ABANDON_OFFSET};

// Control-page registers, readable and (for the read-only ones) targets of refused writes.
constexpr std::array<std::uint32_t, 20> kControlRegs = {HWMX_ID_OFFSET,
                                                        HWMX_VERSION_OFFSET,
                                                        HWMX_CONFIG_OFFSET,
                                                        HWMX_FEATURES_OFFSET,
                                                        HWMX_CTRL_LAST_ERROR_OFFSET,
                                                        HWMX_STAT_BUS_ERRORS_OFFSET,
                                                        HWMX_BUS_ERROR_ADDR_OFFSET,
                                                        HWMX_STAT_ACQUIRES_LO_OFFSET,
                                                        HWMX_STAT_ACQUIRES_HI_OFFSET,
                                                        HWMX_STAT_CONTENDED_LO_OFFSET,
                                                        HWMX_STAT_CONTENDED_HI_OFFSET,
                                                        HWMX_STAT_HANDOFFS_LO_OFFSET,
                                                        HWMX_STAT_HANDOFFS_HI_OFFSET,
                                                        HWMX_STAT_ERRORS_LO_OFFSET,
                                                        HWMX_STAT_ERRORS_HI_OFFSET,
                                                        HWMX_STAT_MAX_QDEPTH_OFFSET,
                                                        HWMX_INSPECT_SLOT_OFFSET,
                                                        HWMX_INSPECT_STATE_OFFSET,
                                                        HWMX_INSPECT_COUNT_OFFSET,
                                                        HWMX_INSPECT_QUEUE_OFFSET};

constexpr std::array<std::uint32_t, 7> kCtxRegs = {
    HWMX_CTX_STATUS_OFFSET,     HWMX_CTX_PRIORITY_OFFSET,   HWMX_CTX_GRANT_OFFSET,
    HWMX_CTX_LAST_ERROR_OFFSET, HWMX_CTX_INTR_STATE_OFFSET, HWMX_CTX_INTR_ENABLE_OFFSET,
    HWMX_CTX_INTR_TEST_OFFSET};

}  // namespace

Generator::Generator(const model::Engine& model, const Profile& profile, std::uint64_t seed)
    : m_(model), p_(profile), rng_(seed) {
  burst_at_ = 100000 + uniform(100000);
}

void Generator::refresh_ids() {
  if (!dirty_) return;
  ctxs_.clear();
  slots_.clear();
  for (unsigned c = 0; c < m_.num_ctx(); ++c) {
    if (m_.context(c).allocated) ctxs_.push_back(c);
  }
  for (unsigned s = 0; s < m_.num_mutex(); ++s) {
    if (m_.slot(s).allocated) slots_.push_back(s);
  }
  dirty_ = false;
}

void Generator::maybe_change_regime() {
  if (regime_left_ > 0) {
    --regime_left_;
    return;
  }
  ctx_target_ = p_.ctx_targets[uniform(static_cast<unsigned>(p_.ctx_targets.size()))];
  slot_target_ = p_.slot_targets[uniform(static_cast<unsigned>(p_.slot_targets.size()))];
  regime_left_ = 2000 + uniform(18000);
  // (No random draw when the profile has no pile-ups: the stream stays as it was.)
  pileup_ = p_.pileup_share > 0 && chance(p_.pileup_share);
  if (pileup_) {
    ctx_target_ = m_.num_ctx();
    pile_slot_ = slots_.empty() ? 0 : slots_[uniform(static_cast<unsigned>(slots_.size()))];
  }
}

unsigned Generator::pile_slot() {
  // Freed meanwhile: the lowest allocated slot takes over.
  if (!m_.slot(pile_slot_).allocated && !slots_.empty()) pile_slot_ = slots_[0];
  return pile_slot_;
}

unsigned Generator::some_ctx() {
  return ctxs_.empty() ? any_ctx() : ctxs_[uniform(static_cast<unsigned>(ctxs_.size()))];
}

unsigned Generator::some_slot() {
  return slots_.empty() ? uniform(m_.num_mutex())
                        : slots_[uniform(static_cast<unsigned>(slots_.size()))];
}

unsigned Generator::hot_slot() {
  if (slots_.empty()) return uniform(m_.num_mutex());
  // Most traffic goes to the first few allocated slots, so even large working sets contend.
  const auto n = static_cast<unsigned>(slots_.size());
  return chance(0.7) ? slots_[uniform(n < 4 ? n : 4)] : slots_[uniform(n)];
}

template <class Pred>
unsigned Generator::ctx_where(Pred pred) {
  for (int i = 0; i < 8 && !ctxs_.empty(); ++i) {
    const unsigned c = some_ctx();
    if (pred(m_.context(c))) return c;
  }
  return some_ctx();
}

template <class Pred>
unsigned Generator::slot_where(Pred pred) {
  for (int i = 0; i < 8 && !slots_.empty(); ++i) {
    const unsigned s = i < 4 ? hot_slot() : some_slot();
    if (pred(m_.slot(s))) return s;
  }
  return hot_slot();
}

Generator::Action Generator::pick_action() {
  const auto nctx = static_cast<unsigned>(ctxs_.size());
  const auto nslot = static_cast<unsigned>(slots_.size());
  std::array<double, kActionCount> w{};
  w[kAcquire] = 20;
  w[kTry] = 5;
  w[kReleaseOwned] = 20;
  w[kRecurse] = 4;
  w[kCancel] = 4;
  w[kTakeGrant] = 6;
  // Allocation drifts towards the regime's working set; attempts beyond it exhaust the pools.
  w[kAllocCtx] = nctx < ctx_target_ ? 4 : 0.3;
  w[kFreeCtx] = nctx > ctx_target_ ? 4 : 0.6;
  w[kAllocSlot] = nslot < slot_target_ ? 4 : 0.3;
  w[kFreeSlot] = nslot > slot_target_ ? 4 : 0.6;
  w[kInitSlot] = 1;
  w[kAbandon] = p_.abandon_weight;
  if (pileup_) {  // let the pile slot's queue grow: fewer ways out of it
    w[kReleaseOwned] = 4;
    w[kCancel] = 3;
    w[kAbandon] = p_.abandon_weight / 4;
  }
  w[kSetPriority] = 3;
  w[kIntrRegister] = 3;
  w[kClearLastError] = 0.5;
  w[kInspect] = 2;
  w[kPlainRead] = 3;
  w[kRandomContextOp] = 2;
  w[kRandomControlOp] = 1;
  w[kIllegal] = 1.5;
  double total = 0;
  for (double x : w) total += x;
  double r = std::uniform_real_distribution<double>(0, total)(rng_);
  for (unsigned a = 0; a < kActionCount; ++a) {
    if (r < w[a]) return static_cast<Action>(a);
    r -= w[a];
  }
  return kAcquire;
}

std::optional<BusOp> Generator::burst_op() {
  if (!burst_.active) {
    if (emitted_ < burst_at_) return std::nullopt;
    // The owner must not be waiting on another slot: its ACQUIREs would answer
    // ERR_ALREADY_WAITING and never reach the limit.
    auto suitable = [this](const model::SlotState& x) {
      return x.owned && x.recursive && !m_.context(x.owner).waiting;
    };
    const unsigned s = slot_where(suitable);
    if (!suitable(m_.slot(s))) {
      burst_at_ += 1000;  // nothing suitable held right now: try again later
      return std::nullopt;
    }
    burst_ = {true, m_.slot(s).owner, s, 0};
    burst_at_ = ~std::uint64_t{0};  // once per run
  }
  const model::SlotState& x = m_.slot(burst_.slot);
  // Lost it, or waiting (neither can happen while only the burst runs).
  if (!x.owned || x.owner != burst_.ctx || m_.context(burst_.ctx).waiting) {
    burst_.active = false;
    return std::nullopt;
  }
  const std::uint32_t acquire = act(burst_.ctx, HWMX_ACT_ACQUIRE_OFFSET + 4 * burst_.slot);
  if (x.count < model::kCountMax) return read_op(acquire);
  switch (burst_.step++) {
    case 0:
      return read_op(acquire);  // ERR_RECURSION_LIMIT
    case 1:
      return read_op(act(burst_.ctx, HWMX_ACT_TRY_OFFSET + 4 * burst_.slot));  // the same
    default:
      burst_.active = false;
      dirty_ = true;
      return read_op(ctrl(HWMX_CTRL_ACT_ABANDON_OFFSET, burst_.ctx));
  }
}

BusOp Generator::next() {
  refresh_ids();
  maybe_change_regime();
  ++emitted_;
  if (auto op = burst_op()) return *op;
  const BusOp op = make(pick_action());
  if (!op.write && model::kind_of(model::decode(op.addr).target) == model::Kind::kControlOp) {
    dirty_ = true;  // may allocate or free ids
  }
  return op;
}

BusOp Generator::make(Action a) {
  using model::ContextState;
  using model::SlotState;
  switch (a) {
    case kAcquire:
    case kTry: {
      unsigned c = ctx_where([](const ContextState& x) { return !x.waiting; });
      if (pileup_) {
        // The few contexts not yet queued are hard to find by chance: pick among them.
        std::vector<unsigned> idle;
        for (unsigned x : ctxs_) {
          if (!m_.context(x).waiting) idle.push_back(x);
        }
        if (!idle.empty()) c = idle[uniform(static_cast<unsigned>(idle.size()))];
      }
      const unsigned s = pileup_ && chance(0.9) ? pile_slot() : hot_slot();
      return read_op(
          act(c, (a == kAcquire ? HWMX_ACT_ACQUIRE_OFFSET : HWMX_ACT_TRY_OFFSET) + 4 * s));
    }
    case kReleaseOwned: {
      // Pile-up: mostly other slots, whose handoffs free their waiters to join the pile.
      const SlotState* pile = pileup_ && chance(0.7) ? &m_.slot(pile_slot()) : nullptr;
      const unsigned s = slot_where([pile](const SlotState& x) { return x.owned && &x != pile; });
      const SlotState& x = m_.slot(s);
      const unsigned c = x.owned && chance(0.97) ? x.owner : some_ctx();
      return read_op(act(c, HWMX_ACT_RELEASE_OFFSET + 4 * s));
    }
    case kRecurse: {
      const unsigned s = slot_where([](const SlotState& x) { return x.owned && x.recursive; });
      const SlotState& x = m_.slot(s);
      const unsigned c = x.owned ? x.owner : some_ctx();
      const std::uint32_t window = chance(0.7) ? HWMX_ACT_ACQUIRE_OFFSET : HWMX_ACT_TRY_OFFSET;
      return read_op(act(c, window + 4 * s));
    }
    case kCancel: {
      // Waiters cancel (CANCELLED), or contexts whose grant came first (the lost race).
      unsigned c = ctx_where([](const ContextState& x) { return x.waiting || x.grant_pending; });
      if (pileup_) {  // waiters of other slots, so they can join the pile
        const unsigned pile = pile_slot();
        c = ctx_where([pile](const ContextState& x) { return x.waiting && x.wait_slot != pile; });
      }
      return read_op(act(c, HWMX_ACT_CANCEL_OFFSET));
    }
    case kTakeGrant: {
      const unsigned c = ctx_where([](const ContextState& x) { return x.grant_pending; });
      return read_op(act(c, HWMX_ACT_TAKE_GRANT_OFFSET));
    }
    case kAllocCtx:
      return read_op(ctrl(HWMX_CTRL_ACT_ALLOC_CTX_OFFSET, 0));
    case kFreeCtx: {
      const unsigned c = ctx_where([](const ContextState& x) {
        return !x.waiting && !x.grant_pending && x.owned_count == 0;
      });
      return read_op(ctrl(HWMX_CTRL_ACT_FREE_CTX_OFFSET, chance(0.95) ? c : any_ctx()));
    }
    case kAllocSlot:
      return read_op(ctrl(HWMX_CTRL_ACT_ALLOC_SLOT_OFFSET, uniform(4)));
    case kFreeSlot: {
      const unsigned s = slot_where([](const SlotState& x) { return !x.owned; });
      return read_op(ctrl(HWMX_CTRL_ACT_FREE_SLOT_OFFSET, s));
    }
    case kInitSlot: {
      const unsigned s = slot_where([](const SlotState& x) { return !x.owned; });
      return read_op(ctrl(kInitWindows[uniform(4)], s));
    }
    case kAbandon: {
      const unsigned c = ctx_where(
          [](const ContextState& x) { return x.owned_count > 0 || x.waiting || x.grant_pending; });
      return read_op(ctrl(HWMX_CTRL_ACT_ABANDON_OFFSET, c));
    }
    case kSetPriority: {
      const unsigned c = chance(0.9) ? some_ctx() : any_ctx();
      std::uint32_t v = uniform(32);
      if (chance(0.1)) v |= static_cast<std::uint32_t>(rng_()) & ~0x1Fu;  // ignored bits
      return write_op(ctx_reg(c, HWMX_CTX_PRIORITY_OFFSET), v);
    }
    case kIntrRegister: {
      const unsigned c = chance(0.8) ? some_ctx() : any_ctx();
      const unsigned which = uniform(10);
      if (which < 6) {  // mostly enable, so grants show on the lines
        return write_op(ctx_reg(c, HWMX_CTX_INTR_ENABLE_OFFSET), chance(0.8) ? 1 : 0);
      }
      if (which < 9) {
        return write_op(ctx_reg(c, HWMX_CTX_INTR_STATE_OFFSET), uniform(4));
      }
      return write_op(ctx_reg(c, HWMX_CTX_INTR_TEST_OFFSET), uniform(4));
    }
    case kClearLastError:
      if (chance(0.3))
        return write_op(HWMX_CTRL_LAST_ERROR_OFFSET, static_cast<std::uint32_t>(rng_()));
      return write_op(ctx_reg(any_ctx(), HWMX_CTX_LAST_ERROR_OFFSET),
                      static_cast<std::uint32_t>(rng_()));
    case kInspect: {
      if (chance(0.4)) {
        const unsigned s = chance(0.9) ? some_slot() : uniform(4096) | (uniform(2) << 12);
        return write_op(HWMX_INSPECT_SLOT_OFFSET, s);
      }
      return read_op(HWMX_INSPECT_STATE_OFFSET + 4 * uniform(3));
    }
    case kPlainRead: {
      const unsigned which = uniform(10);
      if (which < 4) return read_op(kControlRegs[uniform(kControlRegs.size())]);
      if (which < 5)
        return read_op(HWMX_INTR_SUMMARY_OFFSET + 4 * uniform(HWMX_INTR_SUMMARY_COUNT));
      return read_op(
          ctx_reg(chance(0.8) ? some_ctx() : any_ctx(), kCtxRegs[uniform(kCtxRegs.size())]));
    }
    case kRandomContextOp: {
      const unsigned c = chance(0.5) ? some_ctx() : any_ctx();
      const unsigned s = chance(0.5) ? some_slot() : uniform(HWMX_ACT_ACQUIRE_ENTRIES);
      switch (uniform(5)) {
        case 0:
          return read_op(act(c, HWMX_ACT_ACQUIRE_OFFSET + 4 * s));
        case 1:
          return read_op(act(c, HWMX_ACT_TRY_OFFSET + 4 * s));
        case 2:
          return read_op(act(c, HWMX_ACT_RELEASE_OFFSET + 4 * s));
        case 3:
          return read_op(act(c, HWMX_ACT_CANCEL_OFFSET));
        default:
          return read_op(act(c, HWMX_ACT_TAKE_GRANT_OFFSET));
      }
    }
    case kRandomControlOp: {
      const std::uint32_t window = kControlWindows[uniform(kControlWindows.size())];
      // Small arguments mostly (valid ids), some beyond NUM_MUTEX / NUM_CTX.
      const unsigned arg =
          chance(0.8) ? uniform(m_.num_ctx() + 2) : uniform(HWMX_CTRL_ACT_FREE_SLOT_ENTRIES);
      return read_op(ctrl(window, arg));
    }
    case kIllegal:
    case kActionCount:
      break;
  }
  return illegal();
}

BusOp Generator::illegal() {
  static constexpr std::array<std::uint32_t, 8> kHoles = {0x1C, 0x44, 0x48, 0x4C,
                                                          0x60, 0x7C, 0xA0, 0xFFFFC};
  const unsigned which = uniform(10);
  switch (which) {
    case 0:  // unmapped control-page hole, read or write
      return chance(0.5)
                 ? read_op(kHoles[uniform(kHoles.size())])
                 : write_op(kHoles[uniform(kHoles.size())], static_cast<std::uint32_t>(rng_()));
    case 1:  // unmapped inside a context page or action window
      return chance(0.5) ? read_op(ctx_reg(any_ctx(), 0x1C + 4 * uniform(0x3F9)))
                         : read_op(act(any_ctx(), 0xC008 + 4 * uniform(0xFFE)));
    case 2:  // write to a read-only register
      return chance(0.5) ? write_op(kControlRegs[uniform(kControlRegs.size())],
                                    static_cast<std::uint32_t>(rng_()))
                         : write_op(ctx_reg(any_ctx(), chance(0.5) ? HWMX_CTX_STATUS_OFFSET
                                                                   : HWMX_CTX_GRANT_OFFSET),
                                    1);
    case 3: {  // write to an action window
      const std::uint32_t a =
          chance(0.5) ? act(some_ctx(), uniform(0xC008) & ~3u)
                      : ctrl(kControlWindows[uniform(kControlWindows.size())], uniform(8));
      return write_op(a, static_cast<std::uint32_t>(rng_()));
    }
    case 4: {  // partial strobe on a writable register
      const std::uint32_t regs[] = {ctx_reg(some_ctx(), HWMX_CTX_PRIORITY_OFFSET),
                                    ctx_reg(some_ctx(), HWMX_CTX_INTR_TEST_OFFSET),
                                    ctx_reg(some_ctx(), HWMX_CTX_INTR_ENABLE_OFFSET),
                                    HWMX_INSPECT_SLOT_OFFSET, HWMX_CTRL_LAST_ERROR_OFFSET};
      return write_op(regs[uniform(5)], static_cast<std::uint32_t>(rng_()),
                      static_cast<std::uint8_t>(uniform(15)));
    }
    case 5: {  // context page or window at or above NUM_CTX
      if (m_.num_ctx() >= kArchMaxCtx) return read_op(0x1C);
      const unsigned c = m_.num_ctx() + uniform(kArchMaxCtx - m_.num_ctx());
      switch (uniform(3)) {
        case 0:
          return read_op(ctx_reg(c, 4 * uniform(7)));
        case 1:
          return write_op(ctx_reg(c, HWMX_CTX_PRIORITY_OFFSET), 3);
        default:
          return read_op(act(c, HWMX_ACT_ACQUIRE_OFFSET + 4 * uniform(16)));
      }
    }
    case 6:  // refused allocation arguments
      return chance(0.5) ? read_op(ctrl(HWMX_CTRL_ACT_ALLOC_SLOT_OFFSET,
                                        4 + uniform(HWMX_CTRL_ACT_ALLOC_SLOT_ENTRIES - 4)))
                         : read_op(ctrl(HWMX_CTRL_ACT_ALLOC_CTX_OFFSET,
                                        1 + uniform(HWMX_CTRL_ACT_ALLOC_CTX_ENTRIES - 1)));
    case 7: {  // a register or operation address with bits 1:0 set (ignored by the decoder)
      const std::uint32_t lo = 1 + uniform(3);
      return chance(0.5)
                 ? read_op(act(some_ctx(), HWMX_ACT_ACQUIRE_OFFSET + 4 * hot_slot()) | lo)
                 : write_op(ctx_reg(some_ctx(), HWMX_CTX_PRIORITY_OFFSET) | lo, uniform(32));
    }
    case 8:  // anywhere in the 25-bit space; reads of action windows are operations
      return read_op(static_cast<std::uint32_t>(rng_()) & model::kAddrMask);
    default:
      return write_op(static_cast<std::uint32_t>(rng_()) & model::kAddrMask,
                      static_cast<std::uint32_t>(rng_()), static_cast<std::uint8_t>(uniform(16)));
  }
}

}  // namespace hwmx::difftest
