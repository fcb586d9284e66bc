// The result_t word every operation answers (and CTX.GRANT shows): CODE, ABANDONED, PRIORITY and
// VALUE, packed with the generated field macros so the layout has a single source (the RDL).
#pragma once

#include <cstdint>
#include <string>

#include "hwmx/hwmx_regmap.h"

namespace hwmx::model {

/// Result codes (result_code_e); codes >= kFirstError are errors.
enum class Code : std::uint8_t {
  kGranted = HWMX_RC_GRANTED,
  kQueued = HWMX_RC_QUEUED,
  kBusy = HWMX_RC_BUSY,
  kReleased = HWMX_RC_RELEASED,
  kHandoff = HWMX_RC_HANDOFF,
  kCancelled = HWMX_RC_CANCELLED,
  kAlreadyGranted = HWMX_RC_ALREADY_GRANTED,
  kDone = HWMX_RC_DONE,
  kNone = HWMX_RC_NONE,
  kErrBadSlot = HWMX_RC_ERR_BAD_SLOT,
  kErrNotOwner = HWMX_RC_ERR_NOT_OWNER,
  kErrAlreadyOwned = HWMX_RC_ERR_ALREADY_OWNED,
  kErrRecursionLimit = HWMX_RC_ERR_RECURSION_LIMIT,
  kErrAlreadyWaiting = HWMX_RC_ERR_ALREADY_WAITING,
  kErrNoResource = HWMX_RC_ERR_NO_RESOURCE,
  kErrBadCtx = HWMX_RC_ERR_BAD_CTX,
  kErrSlotBusy = HWMX_RC_ERR_SLOT_BUSY,
  kErrNotWaiting = HWMX_RC_ERR_NOT_WAITING,
  kErrCtxBusy = HWMX_RC_ERR_CTX_BUSY,
};

inline constexpr std::uint8_t kFirstError = HWMX_RC_ERR_BAD_SLOT;

/// Operation numbers (op_e), as latched in LAST_ERROR.OP.
enum class Op : std::uint8_t {
  kAcquire = HWMX_OP_ACQUIRE,
  kTry = HWMX_OP_TRY,
  kRelease = HWMX_OP_RELEASE,
  kCancel = HWMX_OP_CANCEL,
  kTakeGrant = HWMX_OP_TAKE_GRANT,
  kAllocSlot = HWMX_OP_ALLOC_SLOT,
  kFreeSlot = HWMX_OP_FREE_SLOT,
  kInitSlot = HWMX_OP_INIT_SLOT,
  kAllocCtx = HWMX_OP_ALLOC_CTX,
  kFreeCtx = HWMX_OP_FREE_CTX,
  kAbandon = HWMX_OP_ABANDON,
};

struct Result {
  Code code = Code::kNone;
  bool abandoned = false;
  std::uint8_t priority = 0;
  std::uint16_t value = 0;

  bool is_error() const { return static_cast<std::uint8_t>(code) >= kFirstError; }
  std::uint32_t word() const;
  static Result from_word(std::uint32_t word);

  /// An error answers the slot or argument in VALUE (the same value LAST_ERROR.ARG latches).
  static Result error(Code code, unsigned arg) {
    return {code, false, 0, static_cast<std::uint16_t>(arg)};
  }
  static Result of(Code code, unsigned value = 0) {
    return {code, false, 0, static_cast<std::uint16_t>(value)};
  }
  bool operator==(const Result&) const = default;
};

/// LAST_ERROR / CTRL_LAST_ERROR word: {CODE, OP, ARG}.
std::uint32_t last_error_word(Code code, Op op, unsigned arg);

/// "GRANTED", "ERR_BAD_SLOT", ... ("0x1F" for an unknown code).
std::string code_name(std::uint8_t code);
/// Readable rendering of a result word, e.g. "GRANTED v=3 prio=16 abandoned".
std::string describe_result(std::uint32_t word);

}  // namespace hwmx::model
