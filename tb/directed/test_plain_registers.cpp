// Plain registers: reset values, writable fields and their masks, reads without side effects.
#include "device_test.h"

namespace hwmx::test {
namespace {

constexpr std::uint32_t kNoneWord = 0x08000000;  // CTX.GRANT with no grant (engine.md)

TEST_P(PlainRegisters, ResetValues) {
  EXPECT_EQ(rd(HWMX_ID_OFFSET), 0x484D5831u);
  EXPECT_EQ(rd(HWMX_VERSION_OFFSET), 1u << HWMX_VERSION_MAJOR_LSB);
  EXPECT_EQ(rd(HWMX_CONFIG_OFFSET),
            (nm() << HWMX_CONFIG_NUM_MUTEX_LSB) | (nc() << HWMX_CONFIG_NUM_CTX_LSB));
  EXPECT_EQ(rd(HWMX_FEATURES_OFFSET),
            HWMX_FEATURES_PRIORITY_POLICY_MASK | HWMX_FEATURES_BOOST_MASK |
                (16u << HWMX_FEATURES_COUNT_WIDTH_LSB) | (16u << HWMX_FEATURES_BOOST_PRIORITY_LSB));
  for (std::uint32_t off = HWMX_CTRL_LAST_ERROR_OFFSET; off <= HWMX_STAT_MAX_QDEPTH_OFFSET;
       off += 4) {
    if (off == 0x1C) continue;  // hole
    EXPECT_EQ(rd(off), 0u) << model::describe(off);
  }
  for (std::uint32_t off = HWMX_INSPECT_SLOT_OFFSET; off <= HWMX_INSPECT_QUEUE_OFFSET; off += 4) {
    EXPECT_EQ(rd(off), 0u) << model::describe(off);
  }
  for (unsigned w = 0; w < HWMX_INTR_SUMMARY_COUNT; ++w) {
    EXPECT_EQ(rd(HWMX_INTR_SUMMARY_OFFSET + w * HWMX_INTR_SUMMARY_STRIDE), 0u);
  }
  for (unsigned c = 0; c < nc(); ++c) {
    EXPECT_EQ(status(c), 0u);
    EXPECT_EQ(ctx_read(c, HWMX_CTX_PRIORITY_OFFSET), 0u);
    EXPECT_EQ(ctx_read(c, HWMX_CTX_GRANT_OFFSET), kNoneWord);
    EXPECT_EQ(last_error(c), 0u);
    EXPECT_EQ(intr_state(c), 0u);
    EXPECT_EQ(ctx_read(c, HWMX_CTX_INTR_ENABLE_OFFSET), 0u);
    EXPECT_EQ(ctx_read(c, HWMX_CTX_INTR_TEST_OFFSET), 0u);  // write-only: reads 0
    EXPECT_FALSE(dev().irq_ctx(c));
  }
  EXPECT_FALSE(dev().irq());
}

TEST_P(PlainRegisters, PriorityKeepsFiveBits) {
  const unsigned c = nc() - 1;  // writable whether or not the context is allocated
  set_priority(c, 0xFFFFFFFF);
  EXPECT_EQ(ctx_read(c, HWMX_CTX_PRIORITY_OFFSET), 31u);
  set_priority(c, 0x25);
  EXPECT_EQ(ctx_read(c, HWMX_CTX_PRIORITY_OFFSET), 5u);
  EXPECT_EQ(ctx_read(0, HWMX_CTX_PRIORITY_OFFSET), 0u) << "other pages untouched";
}

TEST_P(PlainRegisters, IntrEnableKeepsBitZero) {
  ctx_write(1, HWMX_CTX_INTR_ENABLE_OFFSET, 0xFFFFFFFE);
  EXPECT_EQ(ctx_read(1, HWMX_CTX_INTR_ENABLE_OFFSET), 0u);
  ctx_write(1, HWMX_CTX_INTR_ENABLE_OFFSET, 3);
  EXPECT_EQ(ctx_read(1, HWMX_CTX_INTR_ENABLE_OFFSET), 1u);
}

TEST_P(PlainRegisters, IntrTestSetsAndIntrStateIsWriteOneToClear) {
  ctx_write(1, HWMX_CTX_INTR_TEST_OFFSET, 0xFFFFFFFE);  // bit 0 clear: nothing
  EXPECT_EQ(intr_state(1), 0u);
  ctx_write(1, HWMX_CTX_INTR_TEST_OFFSET, 1);
  EXPECT_EQ(intr_state(1), 1u);
  EXPECT_EQ(ctx_read(1, HWMX_CTX_INTR_TEST_OFFSET), 0u);
  EXPECT_EQ(ctx_read(1, HWMX_CTX_GRANT_OFFSET), kNoneWord) << "INTR_TEST records no grant";
  ctx_write(1, HWMX_CTX_INTR_STATE_OFFSET, 0xFFFFFFFE);  // writing 0 to bit 0 keeps it
  EXPECT_EQ(intr_state(1), 1u);
  ctx_write(1, HWMX_CTX_INTR_STATE_OFFSET, 1);
  EXPECT_EQ(intr_state(1), 0u);
}

TEST_P(PlainRegisters, LastErrorsClearOnAnyWrite) {
  EXPECT_EQ(acquire(1, 0).code, Code::kErrBadCtx);
  EXPECT_NE(last_error(1), 0u);
  ctx_write(1, HWMX_CTX_LAST_ERROR_OFFSET, 0);
  EXPECT_EQ(last_error(1), 0u);
  EXPECT_EQ(free_slot(0).code, Code::kErrBadSlot);
  EXPECT_NE(rd(HWMX_CTRL_LAST_ERROR_OFFSET), 0u);
  wr(HWMX_CTRL_LAST_ERROR_OFFSET, 0x12345678);
  EXPECT_EQ(rd(HWMX_CTRL_LAST_ERROR_OFFSET), 0u);
}

TEST_P(PlainRegisters, InspectSlotKeepsTwelveBits) {
  wr(HWMX_INSPECT_SLOT_OFFSET, 0xFFFFF123);
  EXPECT_EQ(rd(HWMX_INSPECT_SLOT_OFFSET), 0x123u);
}

TEST_P(PlainRegisters, LowAddressBitsAreIgnored) {
  wr(ctx_reg(0, HWMX_CTX_PRIORITY_OFFSET) + 2, 7);
  EXPECT_EQ(rd(ctx_reg(0, HWMX_CTX_PRIORITY_OFFSET) + 3), 7u);
  EXPECT_EQ(rd(HWMX_ID_OFFSET + 1), 0x484D5831u);
  const unsigned c = new_ctx();
  const unsigned s = new_slot();
  EXPECT_EQ(op(acquire_addr(c, s) + 3), res(Code::kGranted));
}

TEST_P(PlainRegisters, ReadsHaveNoSideEffects) {
  const unsigned a = new_ctx(), b = new_ctx(), s = new_slot(kRecFifo);
  acquire(a, s);
  acquire(b, s);
  release(a, s);  // handoff: b has a pending grant and its interrupt state
  std::vector<std::uint32_t> first;
  auto snapshot = [&] {
    std::vector<std::uint32_t> v;
    for (std::uint32_t off = 0; off <= HWMX_INSPECT_QUEUE_OFFSET; off += 4) {
      if (model::decode(off).target != model::Target::kUnmapped) v.push_back(rd(off));
    }
    for (unsigned c : {a, b}) {
      for (std::uint32_t off = 0; off <= HWMX_CTX_INTR_TEST_OFFSET; off += 4) {
        v.push_back(ctx_read(c, off));
      }
    }
    return v;
  };
  first = snapshot();
  EXPECT_EQ(snapshot(), first);
  EXPECT_EQ(grant(b), res(Code::kGranted, s, 16)) << "reading GRANT does not consume it";
}

}  // namespace
}  // namespace hwmx::test
