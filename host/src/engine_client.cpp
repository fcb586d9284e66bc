#include "engine_client.h"

#include "hwmx/hwmx_regmap.h"

namespace hwmx::host {
namespace {

constexpr std::uint32_t field(std::uint32_t word, std::uint32_t mask, std::uint32_t lsb) {
  return (word & mask) >> lsb;
}

constexpr std::uint32_t ctx_reg(unsigned ctx, std::uint32_t offset) {
  return HWMX_CTX_BASE + ctx * HWMX_CTX_STRIDE + offset;
}

Rc to_rc(std::uint32_t code) {
  switch (code) {
    case HWMX_RC_GRANTED:
      return Rc::Granted;
    case HWMX_RC_QUEUED:
      return Rc::Queued;
    case HWMX_RC_BUSY:
      return Rc::Busy;
    case HWMX_RC_RELEASED:
      return Rc::Released;
    case HWMX_RC_HANDOFF:
      return Rc::Handoff;
    case HWMX_RC_CANCELLED:
      return Rc::Cancelled;
    case HWMX_RC_ALREADY_GRANTED:
      return Rc::AlreadyGranted;
    case HWMX_RC_DONE:
      return Rc::Done;
    case HWMX_RC_NONE:
      return Rc::None;
    case HWMX_RC_ERR_BAD_SLOT:
      return Rc::ErrBadSlot;
    case HWMX_RC_ERR_NOT_OWNER:
      return Rc::ErrNotOwner;
    case HWMX_RC_ERR_ALREADY_OWNED:
      return Rc::ErrAlreadyOwned;
    case HWMX_RC_ERR_RECURSION_LIMIT:
      return Rc::ErrRecursionLimit;
    case HWMX_RC_ERR_ALREADY_WAITING:
      return Rc::ErrAlreadyWaiting;
    case HWMX_RC_ERR_NO_RESOURCE:
      return Rc::ErrNoResource;
    case HWMX_RC_ERR_BAD_CTX:
      return Rc::ErrBadCtx;
    case HWMX_RC_ERR_SLOT_BUSY:
      return Rc::ErrSlotBusy;
    case HWMX_RC_ERR_NOT_WAITING:
      return Rc::ErrNotWaiting;
    case HWMX_RC_ERR_CTX_BUSY:
      return Rc::ErrCtxBusy;
    default:
      return Rc::Unknown;
  }
}

}  // namespace

const char* rc_name(Rc rc) {
  switch (rc) {
    case Rc::Granted:
      return "GRANTED";
    case Rc::Queued:
      return "QUEUED";
    case Rc::Busy:
      return "BUSY";
    case Rc::Released:
      return "RELEASED";
    case Rc::Handoff:
      return "HANDOFF";
    case Rc::Cancelled:
      return "CANCELLED";
    case Rc::AlreadyGranted:
      return "ALREADY_GRANTED";
    case Rc::Done:
      return "DONE";
    case Rc::None:
      return "NONE";
    case Rc::ErrBadSlot:
      return "ERR_BAD_SLOT";
    case Rc::ErrNotOwner:
      return "ERR_NOT_OWNER";
    case Rc::ErrAlreadyOwned:
      return "ERR_ALREADY_OWNED";
    case Rc::ErrRecursionLimit:
      return "ERR_RECURSION_LIMIT";
    case Rc::ErrAlreadyWaiting:
      return "ERR_ALREADY_WAITING";
    case Rc::ErrNoResource:
      return "ERR_NO_RESOURCE";
    case Rc::ErrBadCtx:
      return "ERR_BAD_CTX";
    case Rc::ErrSlotBusy:
      return "ERR_SLOT_BUSY";
    case Rc::ErrNotWaiting:
      return "ERR_NOT_WAITING";
    case Rc::ErrCtxBusy:
      return "ERR_CTX_BUSY";
    case Rc::BusError:
      return "bus error (SLVERR)";
    case Rc::Unknown:
      break;
  }
  return "unknown result code";
}

OpResult EngineClient::decode(BusRead r) const {
  OpResult out;
  out.raw = r.data;
  if (r.error) {
    out.rc = Rc::BusError;
    return out;
  }
  out.rc = to_rc(field(r.data, HWMX_RESULT_CODE_MASK, HWMX_RESULT_CODE_LSB));
  out.abandoned = field(r.data, HWMX_RESULT_ABANDONED_MASK, HWMX_RESULT_ABANDONED_LSB) != 0;
  out.priority =
      static_cast<std::uint8_t>(field(r.data, HWMX_RESULT_PRIORITY_MASK, HWMX_RESULT_PRIORITY_LSB));
  out.value =
      static_cast<std::uint16_t>(field(r.data, HWMX_RESULT_VALUE_MASK, HWMX_RESULT_VALUE_LSB));
  return out;
}

bool EngineClient::probe() {
  const BusRead id = bus_.read32(HWMX_ID_OFFSET);
  if (id.error || id.data != kIdentity) return false;
  const BusRead cfg = bus_.read32(HWMX_CONFIG_OFFSET);
  if (cfg.error) return false;
  num_mutex_ = field(cfg.data, HWMX_CONFIG_NUM_MUTEX_MASK, HWMX_CONFIG_NUM_MUTEX_LSB);
  num_ctx_ = field(cfg.data, HWMX_CONFIG_NUM_CTX_MASK, HWMX_CONFIG_NUM_CTX_LSB);
  // The action windows address at most *_ENTRIES slots; a larger instance cannot be driven.
  if (num_mutex_ == 0 || num_mutex_ > HWMX_ACT_ACQUIRE_ENTRIES || num_ctx_ == 0 ||
      num_ctx_ > HWMX_INTR_SUMMARY_COUNT * 32) {
    return false;
  }
  bus_.attach_irq_registers(this);
  return true;
}

// The slot is the word index inside the operation's window of the context's action page, so one
// read both names the operation and carries its argument.
OpResult EngineClient::act(unsigned ctx, Window w, unsigned slot) {
  static constexpr std::uint32_t kOffsets[] = {HWMX_ACT_ACQUIRE_OFFSET, HWMX_ACT_TRY_OFFSET,
                                               HWMX_ACT_RELEASE_OFFSET};
  const std::uint32_t addr = HWMX_ACT_BASE + ctx * HWMX_ACT_STRIDE + kOffsets[w] + slot * 4u;
  return decode(bus_.read32(addr));
}

OpResult EngineClient::cancel(unsigned ctx) {
  return decode(bus_.read32(HWMX_ACT_BASE + ctx * HWMX_ACT_STRIDE + HWMX_ACT_CANCEL_OFFSET));
}

OpResult EngineClient::take_grant(unsigned ctx) {
  return decode(bus_.read32(HWMX_ACT_BASE + ctx * HWMX_ACT_STRIDE + HWMX_ACT_TAKE_GRANT_OFFSET));
}

OpResult EngineClient::ctrl(std::uint32_t window_offset, unsigned arg) {
  return decode(bus_.read32(HWMX_CTRL_ACT_BASE + window_offset + arg * 4u));
}

OpResult EngineClient::alloc_slot(SlotType type, QueuePolicy policy) {
  // The argument is {policy, recursive} as a word index.
  const unsigned arg =
      (policy == QueuePolicy::Priority ? 2u : 0u) | (type == SlotType::Recursive ? 1u : 0u);
  return ctrl(HWMX_CTRL_ACT_ALLOC_SLOT_OFFSET, arg);
}

OpResult EngineClient::init_slot(unsigned slot, SlotType type, QueuePolicy policy) {
  std::uint32_t window;
  if (type == SlotType::Recursive) {
    window = policy == QueuePolicy::Priority ? HWMX_CTRL_ACT_INIT_REC_PRIO_OFFSET
                                             : HWMX_CTRL_ACT_INIT_REC_FIFO_OFFSET;
  } else {
    window = policy == QueuePolicy::Priority ? HWMX_CTRL_ACT_INIT_EXCL_PRIO_OFFSET
                                             : HWMX_CTRL_ACT_INIT_EXCL_FIFO_OFFSET;
  }
  return ctrl(window, slot);
}

OpResult EngineClient::free_slot(unsigned slot) {
  return ctrl(HWMX_CTRL_ACT_FREE_SLOT_OFFSET, slot);
}
OpResult EngineClient::alloc_ctx() { return ctrl(HWMX_CTRL_ACT_ALLOC_CTX_OFFSET, 0); }
OpResult EngineClient::free_ctx(unsigned ctx) { return ctrl(HWMX_CTRL_ACT_FREE_CTX_OFFSET, ctx); }
OpResult EngineClient::abandon(unsigned ctx) { return ctrl(HWMX_CTRL_ACT_ABANDON_OFFSET, ctx); }

bool EngineClient::setup_ctx(unsigned ctx, unsigned priority) {
  return set_priority(ctx, priority) &&
         bus_.write32(ctx_reg(ctx, HWMX_CTX_INTR_ENABLE_OFFSET), HWMX_INTR_ENABLE_GRANT_MASK);
}

bool EngineClient::set_priority(unsigned ctx, unsigned priority) {
  return bus_.write32(
      ctx_reg(ctx, HWMX_CTX_PRIORITY_OFFSET),
      (priority << HWMX_CTX_PRIORITY_PRIORITY_LSB) & HWMX_CTX_PRIORITY_PRIORITY_MASK);
}

SlotInfo EngineClient::inspect(unsigned slot) {
  std::lock_guard lock(inspect_mu_);
  SlotInfo info;
  bus_.write32(HWMX_INSPECT_SLOT_OFFSET,
               (slot << HWMX_INSPECT_SLOT_SLOT_LSB) & HWMX_INSPECT_SLOT_SLOT_MASK);
  const std::uint32_t st = bus_.read32(HWMX_INSPECT_STATE_OFFSET).data;
  const std::uint32_t cnt = bus_.read32(HWMX_INSPECT_COUNT_OFFSET).data;
  const std::uint32_t q = bus_.read32(HWMX_INSPECT_QUEUE_OFFSET).data;
  info.allocated = field(st, HWMX_INSPECT_STATE_ALLOCATED_MASK, HWMX_INSPECT_STATE_ALLOCATED_LSB);
  info.recursive = field(st, HWMX_INSPECT_STATE_RECURSIVE_MASK, HWMX_INSPECT_STATE_RECURSIVE_LSB);
  info.priority_policy =
      field(st, HWMX_INSPECT_STATE_PRIORITY_POLICY_MASK, HWMX_INSPECT_STATE_PRIORITY_POLICY_LSB);
  info.owned = field(st, HWMX_INSPECT_STATE_OWNED_MASK, HWMX_INSPECT_STATE_OWNED_LSB);
  info.abandoned = field(st, HWMX_INSPECT_STATE_ABANDONED_MASK, HWMX_INSPECT_STATE_ABANDONED_LSB);
  info.owner = field(st, HWMX_INSPECT_STATE_OWNER_MASK, HWMX_INSPECT_STATE_OWNER_LSB);
  info.count = field(cnt, HWMX_INSPECT_COUNT_COUNT_MASK, HWMX_INSPECT_COUNT_COUNT_LSB);
  info.waiters = field(q, HWMX_INSPECT_QUEUE_LENGTH_MASK, HWMX_INSPECT_QUEUE_LENGTH_LSB);
  return info;
}

// HI, LO, HI until HI is stable: the engine's documented way to read a 64-bit counter that may
// carry between the two 32-bit reads.
std::uint64_t EngineClient::read_counter64(std::uint32_t lo, std::uint32_t hi) {
  std::uint32_t h1 = bus_.read32(hi).data;
  for (;;) {
    const std::uint32_t l = bus_.read32(lo).data;
    const std::uint32_t h2 = bus_.read32(hi).data;
    if (h1 == h2) return (static_cast<std::uint64_t>(h2) << 32) | l;
    h1 = h2;
  }
}

EngineCounters EngineClient::counters() {
  EngineCounters c;
  c.acquires = read_counter64(HWMX_STAT_ACQUIRES_LO_OFFSET, HWMX_STAT_ACQUIRES_HI_OFFSET);
  c.contended = read_counter64(HWMX_STAT_CONTENDED_LO_OFFSET, HWMX_STAT_CONTENDED_HI_OFFSET);
  c.handoffs = read_counter64(HWMX_STAT_HANDOFFS_LO_OFFSET, HWMX_STAT_HANDOFFS_HI_OFFSET);
  c.errors = read_counter64(HWMX_STAT_ERRORS_LO_OFFSET, HWMX_STAT_ERRORS_HI_OFFSET);
  c.max_queue_depth = field(bus_.read32(HWMX_STAT_MAX_QDEPTH_OFFSET).data,
                            HWMX_MAX_QDEPTH_DEPTH_MASK, HWMX_MAX_QDEPTH_DEPTH_LSB);
  return c;
}

void EngineClient::read_lines(std::uint32_t* lines, unsigned words) {
  for (unsigned w = 0; w < words; ++w) {
    lines[w] = w < HWMX_INTR_SUMMARY_COUNT
                   ? bus_.read32(HWMX_INTR_SUMMARY_OFFSET + w * HWMX_INTR_SUMMARY_STRIDE).data
                   : 0;
  }
}

bool EngineClient::irq_pending(unsigned ctx) {
  return (bus_.read32(ctx_reg(ctx, HWMX_CTX_INTR_STATE_OFFSET)).data &
          HWMX_INTR_STATE_GRANT_MASK) != 0;
}

void EngineClient::set_irq_enabled(unsigned ctx, bool enabled) {
  bus_.write32(ctx_reg(ctx, HWMX_CTX_INTR_ENABLE_OFFSET),
               enabled ? HWMX_INTR_ENABLE_GRANT_MASK : 0u);
}

}  // namespace hwmx::host
