// Plain registers: the control page and the context pages. Reads never change state.
#include "hwmx/model/engine.h"
#include "hwmx/model/spec_choices.h"

namespace hwmx::model {
namespace {

constexpr std::uint32_t field(std::uint32_t value, unsigned lsb, std::uint32_t mask) {
  return (value << lsb) & mask;
}

constexpr std::uint32_t kId = 0x484D5831;  // 'HMX1' (RDL reset value of ID)
constexpr std::uint32_t kVersion = field(1, HWMX_VERSION_MAJOR_LSB, HWMX_VERSION_MAJOR_MASK) |
                                   field(0, HWMX_VERSION_MINOR_LSB, HWMX_VERSION_MINOR_MASK);
constexpr std::uint32_t kFeatures =
    field(1, HWMX_FEATURES_PRIORITY_POLICY_LSB, HWMX_FEATURES_PRIORITY_POLICY_MASK) |
    field(1, HWMX_FEATURES_BOOST_LSB, HWMX_FEATURES_BOOST_MASK) |
    field(16, HWMX_FEATURES_COUNT_WIDTH_LSB, HWMX_FEATURES_COUNT_WIDTH_MASK) |
    field(kBoostPriority, HWMX_FEATURES_BOOST_PRIORITY_LSB, HWMX_FEATURES_BOOST_PRIORITY_MASK);

std::uint32_t lo(std::uint64_t v) { return static_cast<std::uint32_t>(v); }
std::uint32_t hi(std::uint64_t v) { return static_cast<std::uint32_t>(v >> 32); }

}  // namespace

std::uint32_t Engine::read_register(const Access& a) const {
  switch (a.target) {
    case Target::kId:
      return kId;
    case Target::kVersion:
      return kVersion;
    case Target::kConfig:
      return field(num_mutex(), HWMX_CONFIG_NUM_MUTEX_LSB, HWMX_CONFIG_NUM_MUTEX_MASK) |
             field(num_ctx(), HWMX_CONFIG_NUM_CTX_LSB, HWMX_CONFIG_NUM_CTX_MASK);
    case Target::kFeatures:
      return kFeatures;
    case Target::kCtrlLastError:
      return g_.ctrl_last_error;
    case Target::kBusErrors:
      return g_.bus_errors;
    case Target::kBusErrorAddr:
      return g_.bus_error_addr;
    case Target::kAcquiresLo:
      return lo(g_.acquires);
    case Target::kAcquiresHi:
      return hi(g_.acquires);
    case Target::kContendedLo:
      return lo(g_.contended);
    case Target::kContendedHi:
      return hi(g_.contended);
    case Target::kHandoffsLo:
      return lo(g_.handoffs);
    case Target::kHandoffsHi:
      return hi(g_.handoffs);
    case Target::kErrorsLo:
      return lo(g_.errors);
    case Target::kErrorsHi:
      return hi(g_.errors);
    case Target::kMaxQdepth:
      return g_.max_qdepth;
    case Target::kInspectSlot:
      return g_.inspect_slot;
    case Target::kInspectState:
      return inspect_state();
    case Target::kInspectCount:
      return inspect_count();
    case Target::kInspectQueue:
      return inspect_queue();
    case Target::kIntrSummary:
      return intr_summary(a.index);
    case Target::kCtxStatus:
      return ctx_status(a.ctx);
    case Target::kCtxPriority:
      return ctxs_[a.ctx].priority;
    case Target::kCtxGrant:
      return ctx_grant(a.ctx);
    case Target::kCtxLastError:
      return ctxs_[a.ctx].last_error;
    case Target::kCtxIntrState:
      return ctxs_[a.ctx].intr_state ? 1u : 0u;
    case Target::kCtxIntrEnable:
      return ctxs_[a.ctx].intr_enable ? 1u : 0u;
    case Target::kCtxIntrTest:
      return 0;  // write-only
    default:
      return 0;  // not a plain register: the bus layer never gets here
  }
}

void Engine::write_register(const Access& a, std::uint32_t data) {
  switch (a.target) {
    case Target::kCtrlLastError:
      g_.ctrl_last_error = 0;
      break;  // any write clears
    case Target::kInspectSlot:
      g_.inspect_slot = data & HWMX_INSPECT_SLOT_SLOT_MASK;
      break;
    case Target::kCtxPriority:
      ctxs_[a.ctx].priority = static_cast<std::uint8_t>(data & HWMX_CTX_PRIORITY_PRIORITY_MASK);
      break;
    case Target::kCtxLastError:
      ctxs_[a.ctx].last_error = 0;
      break;  // any write clears
    case Target::kCtxIntrState:
      if (data & HWMX_INTR_STATE_GRANT_MASK) ctxs_[a.ctx].intr_state = false;  // W1C
      break;
    case Target::kCtxIntrEnable:
      ctxs_[a.ctx].intr_enable = (data & HWMX_INTR_ENABLE_GRANT_MASK) != 0;
      break;
    case Target::kCtxIntrTest:
      if (data & HWMX_INTR_TEST_GRANT_MASK) ctxs_[a.ctx].intr_state = true;  // no grant recorded
      break;
    default:
      break;  // read-only: the bus layer answers SLVERR before getting here
  }
}

std::uint32_t Engine::ctx_status(unsigned c) const {
  const ContextState& x = ctxs_[c];
  const bool show_slot = x.waiting || !choices::kMaskWaitSlotWhenNotWaiting;
  return field(x.allocated, HWMX_CTX_STATUS_ALLOCATED_LSB, HWMX_CTX_STATUS_ALLOCATED_MASK) |
         field(x.waiting, HWMX_CTX_STATUS_WAITING_LSB, HWMX_CTX_STATUS_WAITING_MASK) |
         field(x.grant_pending, HWMX_CTX_STATUS_GRANT_PENDING_LSB,
               HWMX_CTX_STATUS_GRANT_PENDING_MASK) |
         field(x.owned_count, HWMX_CTX_STATUS_OWNED_LSB, HWMX_CTX_STATUS_OWNED_MASK) |
         field(show_slot ? x.wait_slot : 0u, HWMX_CTX_STATUS_WAIT_SLOT_LSB,
               HWMX_CTX_STATUS_WAIT_SLOT_MASK);
}

std::uint32_t Engine::ctx_grant(unsigned c) const {
  const ContextState& x = ctxs_[c];
  if (!x.grant_pending) return Result::of(Code::kNone).word();
  return Result{Code::kGranted, x.grant_abandoned, x.grant_priority, x.grant_slot}.word();
}

std::uint32_t Engine::inspect_state() const {
  if (g_.inspect_slot >= num_mutex()) return 0;
  const SlotState& s = slots_[g_.inspect_slot];
  const bool show_owner = s.owned || !choices::kMaskOwnerWhenFree;
  return field(s.allocated, HWMX_INSPECT_STATE_ALLOCATED_LSB, HWMX_INSPECT_STATE_ALLOCATED_MASK) |
         field(s.recursive, HWMX_INSPECT_STATE_RECURSIVE_LSB, HWMX_INSPECT_STATE_RECURSIVE_MASK) |
         field(s.prio_policy, HWMX_INSPECT_STATE_PRIORITY_POLICY_LSB,
               HWMX_INSPECT_STATE_PRIORITY_POLICY_MASK) |
         field(s.owned, HWMX_INSPECT_STATE_OWNED_LSB, HWMX_INSPECT_STATE_OWNED_MASK) |
         field(s.abandoned, HWMX_INSPECT_STATE_ABANDONED_LSB, HWMX_INSPECT_STATE_ABANDONED_MASK) |
         field(show_owner ? s.owner : 0u, HWMX_INSPECT_STATE_OWNER_LSB,
               HWMX_INSPECT_STATE_OWNER_MASK);
}

std::uint32_t Engine::inspect_count() const {
  if (g_.inspect_slot >= num_mutex()) return 0;
  return field(slots_[g_.inspect_slot].count, HWMX_INSPECT_COUNT_COUNT_LSB,
               HWMX_INSPECT_COUNT_COUNT_MASK);
}

std::uint32_t Engine::inspect_queue() const {
  if (g_.inspect_slot >= num_mutex()) return 0;
  const SlotState& s = slots_[g_.inspect_slot];
  const bool show_ends = s.length > 0 || !choices::kMaskQueueEndsWhenEmpty;
  const unsigned head = show_ends && s.head != kNil ? s.head : 0u;
  const unsigned tail = show_ends && s.tail != kNil ? s.tail : 0u;
  return field(s.length, HWMX_INSPECT_QUEUE_LENGTH_LSB, HWMX_INSPECT_QUEUE_LENGTH_MASK) |
         field(head, HWMX_INSPECT_QUEUE_HEAD_LSB, HWMX_INSPECT_QUEUE_HEAD_MASK) |
         field(tail, HWMX_INSPECT_QUEUE_TAIL_LSB, HWMX_INSPECT_QUEUE_TAIL_MASK);
}

std::uint32_t Engine::intr_summary(unsigned word) const {
  std::uint32_t bits = 0;
  for (unsigned i = 0; i < 32; ++i) {
    if (irq_ctx(32 * word + i)) bits |= 1u << i;  // irq_ctx is false beyond NUM_CTX
  }
  return bits;
}

}  // namespace hwmx::model
