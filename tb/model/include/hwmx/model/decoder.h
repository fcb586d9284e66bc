// Address decoder of the hwmx register map: bus address -> register or operation. It knows the
// architectural layout only (N_CTX = 256 pages); which of those an instance answers is
// mapped_in_instance(). Kept apart from the engine so tests and histories can name addresses.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace hwmx::model {

/// Architectural maximum of contexts (the RDL's N_CTX): one INTR_SUMMARY bit per context.
inline constexpr unsigned kArchMaxCtx = 256;
/// The bus address is 25 bits wide; bits 1:0 are ignored by the decoder.
inline constexpr std::uint32_t kAddrMask = 0x1FFFFFFu;

enum class Target : std::uint8_t {
  kUnmapped,
  // Control page (plain registers). INTR_SUMMARY: index = word.
  kId,
  kVersion,
  kConfig,
  kFeatures,
  kCtrlLastError,
  kBusErrors,
  kBusErrorAddr,
  kAcquiresLo,
  kAcquiresHi,
  kContendedLo,
  kContendedHi,
  kHandoffsLo,
  kHandoffsHi,
  kErrorsLo,
  kErrorsHi,
  kMaxQdepth,
  kInspectSlot,
  kInspectState,
  kInspectCount,
  kInspectQueue,
  kIntrSummary,
  // Context page CTX[ctx] (plain registers).
  kCtxStatus,
  kCtxPriority,
  kCtxGrant,
  kCtxLastError,
  kCtxIntrState,
  kCtxIntrEnable,
  kCtxIntrTest,
  // Context action window ACT[ctx]; index = slot (word in the window).
  kAcquire,
  kTry,
  kRelease,
  kCancel,
  kTakeGrant,
  // Control action window CTRL_ACT; index = argument (word in the window).
  kAllocSlot,
  kFreeSlot,
  kInitExclFifo,
  kInitRecFifo,
  kInitExclPrio,
  kInitRecPrio,
  kAllocCtx,
  kFreeCtx,
  kAbandon,
};

enum class Kind : std::uint8_t {
  kUnmapped,
  kControlRegister,
  kContextRegister,
  kContextOp,
  kControlOp
};

struct Access {
  Target target = Target::kUnmapped;
  unsigned ctx = 0;    // context page / action window
  unsigned index = 0;  // slot, argument or INTR_SUMMARY word
  bool operator==(const Access&) const = default;
};

/// Architectural decode of a byte address (bits above 24 and bits 1:0 are ignored).
Access decode(std::uint32_t addr);

Kind kind_of(Target t);
/// Plain registers software may write (every other write answers SLVERR).
bool is_writable(Target t);
/// Write-only registers (read as 0).
bool is_write_only(Target t);
/// False where an instance with `num_ctx` contexts answers SLVERR although the architectural map
/// names the address: unmapped holes, context pages and windows >= num_ctx, ALLOC_SLOT arguments
/// above 3 and ALLOC_CTX arguments other than 0.
bool mapped_in_instance(const Access& a, unsigned num_ctx);

/// Register / window name without indices, e.g. "RELEASE", "STAT_ACQUIRES_LO".
std::string_view target_name(Target t);
/// Readable rendering of an address, e.g. "ACT[3].RELEASE[17]", "CTX[0].PRIORITY",
/// "CTRL_ACT.ALLOC_SLOT[1]", "INTR_SUMMARY[2]", "unmapped@0x0000001C".
std::string describe(std::uint32_t addr);

}  // namespace hwmx::model
