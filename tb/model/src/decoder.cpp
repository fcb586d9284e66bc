#include "hwmx/model/decoder.h"

#include <array>
#include <cstdio>

#include "hwmx/hwmx_regmap.h"

namespace hwmx::model {
namespace {

static_assert(HWMX_INTR_SUMMARY_COUNT * 32 == kArchMaxCtx, "one summary bit per context");

struct Fixed {
  std::uint32_t offset;
  Target target;
};

constexpr std::array<Fixed, 20> kControlPage{{
    {HWMX_ID_OFFSET, Target::kId},
    {HWMX_VERSION_OFFSET, Target::kVersion},
    {HWMX_CONFIG_OFFSET, Target::kConfig},
    {HWMX_FEATURES_OFFSET, Target::kFeatures},
    {HWMX_CTRL_LAST_ERROR_OFFSET, Target::kCtrlLastError},
    {HWMX_STAT_BUS_ERRORS_OFFSET, Target::kBusErrors},
    {HWMX_BUS_ERROR_ADDR_OFFSET, Target::kBusErrorAddr},
    {HWMX_STAT_ACQUIRES_LO_OFFSET, Target::kAcquiresLo},
    {HWMX_STAT_ACQUIRES_HI_OFFSET, Target::kAcquiresHi},
    {HWMX_STAT_CONTENDED_LO_OFFSET, Target::kContendedLo},
    {HWMX_STAT_CONTENDED_HI_OFFSET, Target::kContendedHi},
    {HWMX_STAT_HANDOFFS_LO_OFFSET, Target::kHandoffsLo},
    {HWMX_STAT_HANDOFFS_HI_OFFSET, Target::kHandoffsHi},
    {HWMX_STAT_ERRORS_LO_OFFSET, Target::kErrorsLo},
    {HWMX_STAT_ERRORS_HI_OFFSET, Target::kErrorsHi},
    {HWMX_STAT_MAX_QDEPTH_OFFSET, Target::kMaxQdepth},
    {HWMX_INSPECT_SLOT_OFFSET, Target::kInspectSlot},
    {HWMX_INSPECT_STATE_OFFSET, Target::kInspectState},
    {HWMX_INSPECT_COUNT_OFFSET, Target::kInspectCount},
    {HWMX_INSPECT_QUEUE_OFFSET, Target::kInspectQueue},
}};

constexpr std::array<Fixed, 7> kContextPage{{
    {HWMX_CTX_STATUS_OFFSET, Target::kCtxStatus},
    {HWMX_CTX_PRIORITY_OFFSET, Target::kCtxPriority},
    {HWMX_CTX_GRANT_OFFSET, Target::kCtxGrant},
    {HWMX_CTX_LAST_ERROR_OFFSET, Target::kCtxLastError},
    {HWMX_CTX_INTR_STATE_OFFSET, Target::kCtxIntrState},
    {HWMX_CTX_INTR_ENABLE_OFFSET, Target::kCtxIntrEnable},
    {HWMX_CTX_INTR_TEST_OFFSET, Target::kCtxIntrTest},
}};

struct Window {
  std::uint32_t offset;
  std::uint32_t entries;
  Target target;
};

constexpr std::array<Window, 3> kContextWindows{{
    {HWMX_ACT_ACQUIRE_OFFSET, HWMX_ACT_ACQUIRE_ENTRIES, Target::kAcquire},
    {HWMX_ACT_TRY_OFFSET, HWMX_ACT_TRY_ENTRIES, Target::kTry},
    {HWMX_ACT_RELEASE_OFFSET, HWMX_ACT_RELEASE_ENTRIES, Target::kRelease},
}};

constexpr std::array<Window, 9> kControlWindows{{
    {HWMX_CTRL_ACT_ALLOC_SLOT_OFFSET, HWMX_CTRL_ACT_ALLOC_SLOT_ENTRIES, Target::kAllocSlot},
    {HWMX_CTRL_ACT_FREE_SLOT_OFFSET, HWMX_CTRL_ACT_FREE_SLOT_ENTRIES, Target::kFreeSlot},
    {HWMX_CTRL_ACT_INIT_EXCL_FIFO_OFFSET, HWMX_CTRL_ACT_INIT_EXCL_FIFO_ENTRIES,
     Target::kInitExclFifo},
    {HWMX_CTRL_ACT_INIT_REC_FIFO_OFFSET, HWMX_CTRL_ACT_INIT_REC_FIFO_ENTRIES, Target::kInitRecFifo},
    {HWMX_CTRL_ACT_INIT_EXCL_PRIO_OFFSET, HWMX_CTRL_ACT_INIT_EXCL_PRIO_ENTRIES,
     Target::kInitExclPrio},
    {HWMX_CTRL_ACT_INIT_REC_PRIO_OFFSET, HWMX_CTRL_ACT_INIT_REC_PRIO_ENTRIES, Target::kInitRecPrio},
    {HWMX_CTRL_ACT_ALLOC_CTX_OFFSET, HWMX_CTRL_ACT_ALLOC_CTX_ENTRIES, Target::kAllocCtx},
    {HWMX_CTRL_ACT_FREE_CTX_OFFSET, HWMX_CTRL_ACT_FREE_CTX_ENTRIES, Target::kFreeCtx},
    {HWMX_CTRL_ACT_ABANDON_OFFSET, HWMX_CTRL_ACT_ABANDON_ENTRIES, Target::kAbandon},
}};

constexpr std::uint32_t kCtxPagesEnd = HWMX_CTX_BASE + kArchMaxCtx * HWMX_CTX_STRIDE;
constexpr std::uint32_t kActWindowsEnd = HWMX_ACT_BASE + kArchMaxCtx * HWMX_ACT_STRIDE;
static_assert(kActWindowsEnd - 1 <= kAddrMask, "the ACT windows fill the top of the 25-bit space");

Access find_fixed(auto const& table, std::uint32_t offset, unsigned ctx) {
  for (const Fixed& f : table) {
    if (f.offset == offset) return {f.target, ctx, 0};
  }
  return {};
}

Access find_window(auto const& table, std::uint32_t offset, unsigned ctx) {
  for (const Window& w : table) {
    if (offset >= w.offset && offset < w.offset + 4 * w.entries) {
      return {w.target, ctx, (offset - w.offset) / 4};
    }
  }
  return {};
}

Access decode_control_page(std::uint32_t a) {
  if (a >= HWMX_INTR_SUMMARY_OFFSET &&
      a < HWMX_INTR_SUMMARY_OFFSET + HWMX_INTR_SUMMARY_COUNT * HWMX_INTR_SUMMARY_STRIDE) {
    return {Target::kIntrSummary, 0, (a - HWMX_INTR_SUMMARY_OFFSET) / HWMX_INTR_SUMMARY_STRIDE};
  }
  return find_fixed(kControlPage, a, 0);
}

}  // namespace

Access decode(std::uint32_t addr) {
  const std::uint32_t a = addr & kAddrMask & ~3u;
  if (a >= HWMX_ACT_BASE && a < kActWindowsEnd) {
    const unsigned ctx = (a - HWMX_ACT_BASE) / HWMX_ACT_STRIDE;
    const std::uint32_t off = (a - HWMX_ACT_BASE) % HWMX_ACT_STRIDE;
    if (off == HWMX_ACT_CANCEL_OFFSET) return {Target::kCancel, ctx, 0};
    if (off == HWMX_ACT_TAKE_GRANT_OFFSET) return {Target::kTakeGrant, ctx, 0};
    return find_window(kContextWindows, off, ctx);
  }
  if (a >= HWMX_CTRL_ACT_BASE && a < HWMX_ACT_BASE) {
    return find_window(kControlWindows, a - HWMX_CTRL_ACT_BASE, 0);
  }
  if (a >= HWMX_CTX_BASE && a < kCtxPagesEnd) {
    const unsigned ctx = (a - HWMX_CTX_BASE) / HWMX_CTX_STRIDE;
    return find_fixed(kContextPage, (a - HWMX_CTX_BASE) % HWMX_CTX_STRIDE, ctx);
  }
  if (a < HWMX_CTX_BASE) return decode_control_page(a);
  return {};
}

Kind kind_of(Target t) {
  if (t == Target::kUnmapped) return Kind::kUnmapped;
  if (t < Target::kCtxStatus) return Kind::kControlRegister;
  if (t < Target::kAcquire) return Kind::kContextRegister;
  if (t < Target::kAllocSlot) return Kind::kContextOp;
  return Kind::kControlOp;
}

bool is_writable(Target t) {
  switch (t) {
    case Target::kCtrlLastError:
    case Target::kInspectSlot:
    case Target::kCtxPriority:
    case Target::kCtxLastError:
    case Target::kCtxIntrState:
    case Target::kCtxIntrEnable:
    case Target::kCtxIntrTest:
      return true;
    default:
      return false;
  }
}

bool is_write_only(Target t) { return t == Target::kCtxIntrTest; }

bool mapped_in_instance(const Access& a, unsigned num_ctx) {
  switch (kind_of(a.target)) {
    case Kind::kUnmapped:
      return false;
    case Kind::kContextRegister:
    case Kind::kContextOp:
      return a.ctx < num_ctx;
    case Kind::kControlOp:
      // The argument of the allocations is encoded in the word index; words that encode no valid
      // argument are refused at the bus, not by the engine.
      if (a.target == Target::kAllocSlot) return a.index <= 3;
      if (a.target == Target::kAllocCtx) return a.index == 0;
      return true;
    case Kind::kControlRegister:
      return true;
  }
  return false;
}

std::string_view target_name(Target t) {
  switch (t) {
    case Target::kUnmapped:
      return "unmapped";
    case Target::kId:
      return "ID";
    case Target::kVersion:
      return "VERSION";
    case Target::kConfig:
      return "CONFIG";
    case Target::kFeatures:
      return "FEATURES";
    case Target::kCtrlLastError:
      return "CTRL_LAST_ERROR";
    case Target::kBusErrors:
      return "STAT_BUS_ERRORS";
    case Target::kBusErrorAddr:
      return "BUS_ERROR_ADDR";
    case Target::kAcquiresLo:
      return "STAT_ACQUIRES_LO";
    case Target::kAcquiresHi:
      return "STAT_ACQUIRES_HI";
    case Target::kContendedLo:
      return "STAT_CONTENDED_LO";
    case Target::kContendedHi:
      return "STAT_CONTENDED_HI";
    case Target::kHandoffsLo:
      return "STAT_HANDOFFS_LO";
    case Target::kHandoffsHi:
      return "STAT_HANDOFFS_HI";
    case Target::kErrorsLo:
      return "STAT_ERRORS_LO";
    case Target::kErrorsHi:
      return "STAT_ERRORS_HI";
    case Target::kMaxQdepth:
      return "STAT_MAX_QDEPTH";
    case Target::kInspectSlot:
      return "INSPECT_SLOT";
    case Target::kInspectState:
      return "INSPECT_STATE";
    case Target::kInspectCount:
      return "INSPECT_COUNT";
    case Target::kInspectQueue:
      return "INSPECT_QUEUE";
    case Target::kIntrSummary:
      return "INTR_SUMMARY";
    case Target::kCtxStatus:
      return "STATUS";
    case Target::kCtxPriority:
      return "PRIORITY";
    case Target::kCtxGrant:
      return "GRANT";
    case Target::kCtxLastError:
      return "LAST_ERROR";
    case Target::kCtxIntrState:
      return "INTR_STATE";
    case Target::kCtxIntrEnable:
      return "INTR_ENABLE";
    case Target::kCtxIntrTest:
      return "INTR_TEST";
    case Target::kAcquire:
      return "ACQUIRE";
    case Target::kTry:
      return "TRY";
    case Target::kRelease:
      return "RELEASE";
    case Target::kCancel:
      return "CANCEL";
    case Target::kTakeGrant:
      return "TAKE_GRANT";
    case Target::kAllocSlot:
      return "ALLOC_SLOT";
    case Target::kFreeSlot:
      return "FREE_SLOT";
    case Target::kInitExclFifo:
      return "INIT_EXCL_FIFO";
    case Target::kInitRecFifo:
      return "INIT_REC_FIFO";
    case Target::kInitExclPrio:
      return "INIT_EXCL_PRIO";
    case Target::kInitRecPrio:
      return "INIT_REC_PRIO";
    case Target::kAllocCtx:
      return "ALLOC_CTX";
    case Target::kFreeCtx:
      return "FREE_CTX";
    case Target::kAbandon:
      return "ABANDON";
  }
  return "?";
}

std::string describe(std::uint32_t addr) {
  const Access a = decode(addr);
  const std::string_view name = target_name(a.target);
  auto indexed = [](std::string& out, unsigned i) {
    out += '[';
    out += std::to_string(i);
    out += ']';
  };
  std::string s;
  switch (kind_of(a.target)) {
    case Kind::kUnmapped: {
      char buf[32];
      std::snprintf(buf, sizeof buf, "unmapped@0x%08X", addr);
      return buf;
    }
    case Kind::kControlRegister:
      s = name;
      if (a.target == Target::kIntrSummary) indexed(s, a.index);
      break;
    case Kind::kContextRegister:
      s = "CTX";
      indexed(s, a.ctx);
      s += '.';
      s += name;
      break;
    case Kind::kContextOp:
      s = "ACT";
      indexed(s, a.ctx);
      s += '.';
      s += name;
      if (a.target != Target::kCancel && a.target != Target::kTakeGrant) indexed(s, a.index);
      break;
    case Kind::kControlOp:
      s = "CTRL_ACT.";
      s += name;
      indexed(s, a.index);
      break;
  }
  // Addresses the decoder folds onto a register are shown as such, so a history is unambiguous.
  if ((addr & 3u) != 0) {
    s += '+';
    s += std::to_string(addr & 3u);
  }
  if ((addr & ~kAddrMask) != 0) s += " (high bits ignored)";
  return s;
}

}  // namespace hwmx::model
