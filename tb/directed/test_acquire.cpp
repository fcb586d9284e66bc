// ACQUIRE and TRY: every result code and the order of the checks (engine.md, ACQUIRE s / TRY s).
#include "device_test.h"

namespace hwmx::test {
namespace {

TEST_P(Acquire, FreeSlotIsGrantedAtCallerPriority) {
  const unsigned c = new_ctx(7), s = new_slot(kRecFifo);
  EXPECT_EQ(acquire(c, s), res(Code::kGranted, 0, 7)) << "no boost without waiting";
  EXPECT_EQ(status(c), status_word(true, false, false, 1, 0));
  EXPECT_EQ(counter(HWMX_STAT_ACQUIRES_LO_OFFSET), 1u);
  EXPECT_EQ(counter(HWMX_STAT_CONTENDED_LO_OFFSET), 0u);
}

TEST_P(Acquire, TryOnFreeSlotIsGranted) {
  const unsigned c = new_ctx(3), s = new_slot();
  EXPECT_EQ(try_acquire(c, s), res(Code::kGranted, 0, 3));
  EXPECT_EQ(release(c, s), res(Code::kReleased, 0));
}

TEST_P(Acquire, UnallocatedContextIsBadCtxBeforeEverything) {
  const unsigned s = new_slot();
  const unsigned c = nc() - 1;  // never allocated
  EXPECT_EQ(acquire(c, s), res(Code::kErrBadCtx, s));
  EXPECT_EQ(last_error(c), last_error_of(Code::kErrBadCtx, HWMX_OP_ACQUIRE, s));
  EXPECT_EQ(try_acquire(c, 4095), res(Code::kErrBadCtx, 4095)) << "context checked first";
  EXPECT_EQ(last_error(c), last_error_of(Code::kErrBadCtx, HWMX_OP_TRY, 4095));
  EXPECT_EQ(counter(HWMX_STAT_ERRORS_LO_OFFSET), 2u);
  EXPECT_EQ(rd(HWMX_CTRL_LAST_ERROR_OFFSET), 0u) << "context errors latch in the context page";
}

TEST_P(Acquire, BadSlot) {
  const unsigned c = new_ctx();
  const unsigned s = new_slot();
  if (nm() < 4096) {
    EXPECT_EQ(acquire(c, nm()), res(Code::kErrBadSlot, nm())) << "out of range";
    EXPECT_EQ(try_acquire(c, 4095), res(Code::kErrBadSlot, 4095));
    EXPECT_EQ(last_error(c), last_error_of(Code::kErrBadSlot, HWMX_OP_TRY, 4095));
  }
  EXPECT_EQ(acquire(c, s + 1), res(Code::kErrBadSlot, s + 1)) << "never allocated";
  EXPECT_EQ(free_slot(s), res(Code::kDone, s));
  EXPECT_EQ(acquire(c, s), res(Code::kErrBadSlot, s)) << "freed";
  EXPECT_EQ(last_error(c), last_error_of(Code::kErrBadSlot, HWMX_OP_ACQUIRE, s));
  EXPECT_EQ(status(c), status_word(true, false, false, 0, 0));
}

TEST_P(Acquire, AlreadyWaiting) {
  const unsigned a = new_ctx(), b = new_ctx();
  const unsigned s0 = new_slot(), s1 = new_slot();
  ASSERT_EQ(acquire(a, s0).code, Code::kGranted);
  ASSERT_EQ(acquire(b, s0), res(Code::kQueued, 1));
  EXPECT_EQ(acquire(b, s1), res(Code::kErrAlreadyWaiting, s1));
  EXPECT_EQ(try_acquire(b, s1), res(Code::kErrAlreadyWaiting, s1));
  EXPECT_EQ(last_error(b), last_error_of(Code::kErrAlreadyWaiting, HWMX_OP_TRY, s1));
  EXPECT_EQ(acquire(b, s0), res(Code::kErrAlreadyWaiting, s0)) << "also on the awaited slot";
  EXPECT_EQ(acquire(b, s1 + 1), res(Code::kErrBadSlot, s1 + 1)) << "slot checked before waiting";
  EXPECT_EQ(status(b), status_word(true, true, false, 0, s0));
  EXPECT_EQ(queue_length(s0), 1u);
  EXPECT_EQ(counter(HWMX_STAT_ERRORS_LO_OFFSET), 4u);
}

TEST_P(Acquire, ExclusiveReacquireByOwner) {
  const unsigned c = new_ctx(), s = new_slot(kExclFifo);
  ASSERT_EQ(acquire(c, s).code, Code::kGranted);
  EXPECT_EQ(acquire(c, s), res(Code::kErrAlreadyOwned, s));
  EXPECT_EQ(last_error(c), last_error_of(Code::kErrAlreadyOwned, HWMX_OP_ACQUIRE, s));
  ctx_write(c, HWMX_CTX_LAST_ERROR_OFFSET, 0);
  EXPECT_EQ(try_acquire(c, s), res(Code::kBusy)) << "TRY answers BUSY, not an error";
  EXPECT_EQ(last_error(c), 0u);
  EXPECT_EQ(counter(HWMX_STAT_ERRORS_LO_OFFSET), 1u);
  EXPECT_EQ(counter(HWMX_STAT_ACQUIRES_LO_OFFSET), 1u);
  EXPECT_EQ(inspect(s).count, 0u);
}

TEST_P(Acquire, RecursiveReacquireByOwner) {
  const unsigned c = new_ctx(5), s = new_slot(kRecPrio);
  EXPECT_EQ(acquire(c, s), res(Code::kGranted, 0, 5));
  EXPECT_EQ(acquire(c, s), res(Code::kGranted, 1, 5));
  EXPECT_EQ(try_acquire(c, s), res(Code::kGranted, 2, 5));
  set_priority(c, 20);
  EXPECT_EQ(acquire(c, s), res(Code::kGranted, 3, 20)) << "current priority";
  EXPECT_EQ(inspect(s).count, 3u);
  EXPECT_EQ(status(c), status_word(true, false, false, 1, 0)) << "one slot, however often held";
  EXPECT_EQ(counter(HWMX_STAT_ACQUIRES_LO_OFFSET), 4u);
}

TEST_P(Acquire, HeldByAnother) {
  const unsigned a = new_ctx(), b = new_ctx(), c = new_ctx();
  const unsigned s = new_slot();
  ASSERT_EQ(acquire(a, s).code, Code::kGranted);
  EXPECT_EQ(try_acquire(b, s), res(Code::kBusy));
  EXPECT_EQ(status(b), status_word(true, false, false, 0, 0)) << "TRY does not wait";
  EXPECT_EQ(acquire(b, s), res(Code::kQueued, 1));
  EXPECT_EQ(acquire(c, s), res(Code::kQueued, 2));
  EXPECT_EQ(status(b), status_word(true, true, false, 0, s));
  EXPECT_EQ(status(c), status_word(true, true, false, 0, s));
  EXPECT_EQ(rd(HWMX_STAT_MAX_QDEPTH_OFFSET), 2u);
  EXPECT_EQ(counter(HWMX_STAT_ACQUIRES_LO_OFFSET), 1u) << "queueing is not an acquire";
  EXPECT_EQ(counter(HWMX_STAT_ERRORS_LO_OFFSET), 0u);
}

TEST_P(Acquire, WaiterMayOwnOtherSlots) {
  const unsigned a = new_ctx(), b = new_ctx();
  const unsigned s0 = new_slot(), s1 = new_slot();
  ASSERT_EQ(acquire(a, s0).code, Code::kGranted);
  ASSERT_EQ(acquire(b, s1).code, Code::kGranted);
  EXPECT_EQ(acquire(b, s0), res(Code::kQueued, 1));
  EXPECT_EQ(status(b), status_word(true, true, false, 1, s0));
}

}  // namespace
}  // namespace hwmx::test
