// Control operations: ALLOC/FREE/INIT of slots, ALLOC/FREE of contexts, and their errors.
#include "device_test.h"

namespace hwmx::test {
namespace {

constexpr std::uint32_t kAllocated = HWMX_INSPECT_STATE_ALLOCATED_MASK;
constexpr std::uint32_t kRecursive = HWMX_INSPECT_STATE_RECURSIVE_MASK;
constexpr std::uint32_t kPrioPolicy = HWMX_INSPECT_STATE_PRIORITY_POLICY_MASK;
constexpr std::uint32_t kAbandoned = HWMX_INSPECT_STATE_ABANDONED_MASK;

TEST_P(Control, AllocSlotArgumentSelectsKind) {
  const std::uint32_t expect[4] = {kAllocated, kAllocated | kRecursive, kAllocated | kPrioPolicy,
                                   kAllocated | kRecursive | kPrioPolicy};
  for (unsigned kind = 0; kind < 4; ++kind) {
    EXPECT_EQ(alloc_slot(kind), res(Code::kDone, kind)) << "ids in order";
    EXPECT_EQ(inspect(kind).state, expect[kind]);
    EXPECT_EQ(inspect(kind).count, 0u);
    EXPECT_EQ(inspect(kind).queue, 0u);
  }
}

TEST_P(Control, FreeSlot) {
  const unsigned c = new_ctx(), s = new_slot(kRecPrio);
  EXPECT_EQ(free_slot(s), res(Code::kDone, s));
  EXPECT_EQ(inspect(s).state, kRecursive | kPrioPolicy) << "fields as stored, ALLOCATED = 0";
  EXPECT_EQ(free_slot(s), res(Code::kErrBadSlot, s)) << "already free";
  EXPECT_EQ(rd(HWMX_CTRL_LAST_ERROR_OFFSET),
            last_error_of(Code::kErrBadSlot, HWMX_OP_FREE_SLOT, s));
  const unsigned beyond = HWMX_CTRL_ACT_FREE_SLOT_ENTRIES - 1;  // last word of the window
  if (nm() <= beyond) {
    EXPECT_EQ(free_slot(beyond), res(Code::kErrBadSlot, beyond));
  }
  EXPECT_EQ(acquire(c, s), res(Code::kErrBadSlot, s));
}

TEST_P(Control, FreeSlotThatIsOwnedOrWaitedOnIsBusy) {
  const unsigned a = new_ctx(), b = new_ctx(), s = new_slot();
  ASSERT_EQ(acquire(a, s).code, Code::kGranted);
  EXPECT_EQ(free_slot(s), res(Code::kErrSlotBusy, s));
  ASSERT_EQ(acquire(b, s).code, Code::kQueued);
  EXPECT_EQ(free_slot(s), res(Code::kErrSlotBusy, s));
  EXPECT_EQ(rd(HWMX_CTRL_LAST_ERROR_OFFSET),
            last_error_of(Code::kErrSlotBusy, HWMX_OP_FREE_SLOT, s));
  EXPECT_EQ(counter(HWMX_STAT_ERRORS_LO_OFFSET), 2u);
  EXPECT_EQ(last_error(a), 0u) << "control errors latch in CTRL_LAST_ERROR only";
}

TEST_P(Control, InitSlotVariants) {
  const unsigned s = new_slot(kExclFifo);
  struct Variant {
    std::uint32_t window, state;
  };
  for (const Variant& v :
       {Variant{HWMX_CTRL_ACT_INIT_REC_FIFO_OFFSET, kAllocated | kRecursive},
        Variant{HWMX_CTRL_ACT_INIT_EXCL_PRIO_OFFSET, kAllocated | kPrioPolicy},
        Variant{HWMX_CTRL_ACT_INIT_REC_PRIO_OFFSET, kAllocated | kRecursive | kPrioPolicy},
        Variant{HWMX_CTRL_ACT_INIT_EXCL_FIFO_OFFSET, kAllocated}}) {
    EXPECT_EQ(op(ctrl(v.window, s)), res(Code::kDone, s));
    EXPECT_EQ(inspect(s).state, v.state);
  }
}

TEST_P(Control, InitSlotErrors) {
  const unsigned c = new_ctx(), s = new_slot();
  EXPECT_EQ(op(ctrl(HWMX_CTRL_ACT_INIT_REC_FIFO_OFFSET, s + 1)), res(Code::kErrBadSlot, s + 1));
  EXPECT_EQ(rd(HWMX_CTRL_LAST_ERROR_OFFSET),
            last_error_of(Code::kErrBadSlot, HWMX_OP_INIT_SLOT, s + 1));
  ASSERT_EQ(acquire(c, s).code, Code::kGranted);
  EXPECT_EQ(op(ctrl(HWMX_CTRL_ACT_INIT_EXCL_PRIO_OFFSET, s)), res(Code::kErrSlotBusy, s));
  EXPECT_EQ(rd(HWMX_CTRL_LAST_ERROR_OFFSET),
            last_error_of(Code::kErrSlotBusy, HWMX_OP_INIT_SLOT, s));
  EXPECT_EQ(inspect(s).state & (kRecursive | kPrioPolicy), 0u) << "unchanged";
  const unsigned beyond = HWMX_CTRL_ACT_INIT_REC_PRIO_ENTRIES - 1;
  if (nm() <= beyond) {
    EXPECT_EQ(op(ctrl(HWMX_CTRL_ACT_INIT_REC_PRIO_OFFSET, beyond)), res(Code::kErrBadSlot, beyond));
  }
}

TEST_P(Control, AllocCtxResetsThePage) {
  // Pages are writable while unallocated; ALLOC_CTX resets what software left there.
  set_priority(0, 9);
  enable_irq(0);
  ctx_write(0, HWMX_CTX_INTR_TEST_OFFSET, 1);
  EXPECT_EQ(acquire(0, 0).code, Code::kErrBadCtx);
  EXPECT_TRUE(irq_line(0));
  EXPECT_EQ(alloc_ctx(), res(Code::kDone, 0));
  EXPECT_EQ(ctx_read(0, HWMX_CTX_PRIORITY_OFFSET), 0u);
  EXPECT_EQ(ctx_read(0, HWMX_CTX_INTR_ENABLE_OFFSET), 0u);
  EXPECT_EQ(intr_state(0), 0u);
  EXPECT_EQ(last_error(0), 0u);
  EXPECT_EQ(status(0), status_word(true, false, false, 0, 0));
  EXPECT_FALSE(irq_line(0));
}

TEST_P(Control, FreeCtx) {
  const unsigned a = new_ctx(), b = new_ctx(12);
  enable_irq(b);
  ctx_write(b, HWMX_CTX_INTR_TEST_OFFSET, 1);
  EXPECT_TRUE(irq_line(b));
  EXPECT_EQ(free_ctx(b), res(Code::kDone, b));
  EXPECT_EQ(status(b), 0u);
  EXPECT_EQ(intr_state(b), 0u) << "FREE_CTX clears the interrupt state";
  EXPECT_FALSE(irq_line(b));
  EXPECT_EQ(ctx_read(b, HWMX_CTX_PRIORITY_OFFSET), 12u) << "the rest of the page as stored";
  EXPECT_EQ(free_ctx(b), res(Code::kErrBadCtx, b));
  EXPECT_EQ(rd(HWMX_CTRL_LAST_ERROR_OFFSET), last_error_of(Code::kErrBadCtx, HWMX_OP_FREE_CTX, b));
  const unsigned beyond = HWMX_CTRL_ACT_FREE_CTX_ENTRIES - 1;
  EXPECT_EQ(free_ctx(beyond), res(Code::kErrBadCtx, beyond));
  EXPECT_EQ(free_ctx(nc()), res(Code::kErrBadCtx, nc()));
  EXPECT_EQ(acquire(b, 0).code, Code::kErrBadCtx);
  EXPECT_EQ(status(a), status_word(true, false, false, 0, 0));
}

TEST_P(Control, FreeCtxRefusesBusyContexts) {
  const unsigned a = new_ctx(), b = new_ctx(), s = new_slot();
  ASSERT_EQ(acquire(a, s).code, Code::kGranted);
  EXPECT_EQ(free_ctx(a), res(Code::kErrCtxBusy, a)) << "owns a slot";
  ASSERT_EQ(acquire(b, s).code, Code::kQueued);
  EXPECT_EQ(free_ctx(b), res(Code::kErrCtxBusy, b)) << "waits";
  ASSERT_EQ(release(a, s), res(Code::kHandoff, b));
  ASSERT_EQ(release(b, s), res(Code::kReleased, 0));
  EXPECT_EQ(status(b), status_word(true, false, true, 0, 0));
  EXPECT_EQ(free_ctx(b), res(Code::kErrCtxBusy, b)) << "untaken grant";
  EXPECT_EQ(rd(HWMX_CTRL_LAST_ERROR_OFFSET), last_error_of(Code::kErrCtxBusy, HWMX_OP_FREE_CTX, b));
  ASSERT_EQ(take_grant(b).code, Code::kGranted);
  EXPECT_EQ(free_ctx(b), res(Code::kDone, b));
  EXPECT_EQ(free_ctx(a), res(Code::kDone, a));
  EXPECT_EQ(counter(HWMX_STAT_ERRORS_LO_OFFSET), 3u);
}

}  // namespace
}  // namespace hwmx::test
