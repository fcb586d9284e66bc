// Addresses and fields of the engine, from the generated register map (never hard-coded), in the
// shapes the transaction tests use.
#pragma once

#include <cstdint>

#include "hwmx/hwmx_regmap.h"

namespace hwmx::sctest {

inline std::uint32_t ctx_reg(unsigned c, std::uint32_t offset) {
  return HWMX_CTX_BASE + c * HWMX_CTX_STRIDE + offset;
}
inline std::uint32_t act(unsigned c, std::uint32_t offset) {
  return HWMX_ACT_BASE + c * HWMX_ACT_STRIDE + offset;
}
inline std::uint32_t acquire_addr(unsigned c, unsigned s) {
  return act(c, HWMX_ACT_ACQUIRE_OFFSET + 4 * s);
}
inline std::uint32_t try_addr(unsigned c, unsigned s) {
  return act(c, HWMX_ACT_TRY_OFFSET + 4 * s);
}
inline std::uint32_t release_addr(unsigned c, unsigned s) {
  return act(c, HWMX_ACT_RELEASE_OFFSET + 4 * s);
}
inline std::uint32_t cancel_addr(unsigned c) { return act(c, HWMX_ACT_CANCEL_OFFSET); }
inline std::uint32_t take_grant_addr(unsigned c) { return act(c, HWMX_ACT_TAKE_GRANT_OFFSET); }
/// A control operation: `window` is one of HWMX_CTRL_ACT_*_OFFSET, `arg` the word index.
inline std::uint32_t ctrl(std::uint32_t window, unsigned arg) {
  return HWMX_CTRL_ACT_BASE + window + 4 * arg;
}

/// ALLOC_SLOT arguments {POLICY, RECURSIVE}.
enum SlotKind : unsigned { kExclFifo = 0, kRecFifo = 1, kExclPrio = 2, kRecPrio = 3 };

inline constexpr unsigned field(std::uint32_t word, std::uint32_t mask, unsigned lsb) {
  return (word & mask) >> lsb;
}
#define HWMX_SC_FIELD(word, reg) field((word), reg##_MASK, reg##_LSB)

/// CTX[c].STATUS.
struct CtxStatus {
  std::uint32_t word;
  bool allocated() const { return HWMX_SC_FIELD(word, HWMX_CTX_STATUS_ALLOCATED); }
  bool waiting() const { return HWMX_SC_FIELD(word, HWMX_CTX_STATUS_WAITING); }
  bool grant_pending() const { return HWMX_SC_FIELD(word, HWMX_CTX_STATUS_GRANT_PENDING); }
  unsigned owned() const { return HWMX_SC_FIELD(word, HWMX_CTX_STATUS_OWNED); }
  unsigned wait_slot() const { return HWMX_SC_FIELD(word, HWMX_CTX_STATUS_WAIT_SLOT); }
};

/// INSPECT_STATE / INSPECT_COUNT / INSPECT_QUEUE of one slot.
struct SlotView {
  std::uint32_t state = 0, count_word = 0, queue = 0;
  bool allocated() const { return HWMX_SC_FIELD(state, HWMX_INSPECT_STATE_ALLOCATED); }
  bool owned() const { return HWMX_SC_FIELD(state, HWMX_INSPECT_STATE_OWNED); }
  bool abandoned() const { return HWMX_SC_FIELD(state, HWMX_INSPECT_STATE_ABANDONED); }
  unsigned owner() const { return HWMX_SC_FIELD(state, HWMX_INSPECT_STATE_OWNER); }
  unsigned count() const { return HWMX_SC_FIELD(count_word, HWMX_INSPECT_COUNT_COUNT); }
  unsigned length() const { return HWMX_SC_FIELD(queue, HWMX_INSPECT_QUEUE_LENGTH); }
  unsigned head() const { return HWMX_SC_FIELD(queue, HWMX_INSPECT_QUEUE_HEAD); }
  unsigned tail() const { return HWMX_SC_FIELD(queue, HWMX_INSPECT_QUEUE_TAIL); }
};

}  // namespace hwmx::sctest
