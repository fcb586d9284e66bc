// Model-only unit tests: the decoder and describe() used by every history, result rendering, and
// the invariant checker (which must notice a broken state, not just pass on good ones).
#include <gtest/gtest.h>

#include "hwmx/hwmx_regmap.h"
#include "hwmx/model/decoder.h"
#include "hwmx/model/engine.h"
#include "hwmx/model/result.h"

namespace hwmx::model {
namespace {

TEST(Decoder, DescribesEveryRegion) {
  EXPECT_EQ(describe(HWMX_ID_OFFSET), "ID");
  EXPECT_EQ(describe(HWMX_STAT_ACQUIRES_LO_OFFSET), "STAT_ACQUIRES_LO");
  EXPECT_EQ(describe(HWMX_INTR_SUMMARY_OFFSET + 2 * HWMX_INTR_SUMMARY_STRIDE), "INTR_SUMMARY[2]");
  EXPECT_EQ(describe(HWMX_CTX_BASE + 3 * HWMX_CTX_STRIDE + HWMX_CTX_PRIORITY_OFFSET),
            "CTX[3].PRIORITY");
  EXPECT_EQ(describe(HWMX_ACT_BASE + 3 * HWMX_ACT_STRIDE + HWMX_ACT_RELEASE_OFFSET + 4 * 17),
            "ACT[3].RELEASE[17]");
  EXPECT_EQ(describe(HWMX_ACT_BASE + 255 * HWMX_ACT_STRIDE + HWMX_ACT_ACQUIRE_OFFSET + 4 * 4095),
            "ACT[255].ACQUIRE[4095]");
  EXPECT_EQ(describe(HWMX_ACT_BASE + HWMX_ACT_CANCEL_OFFSET), "ACT[0].CANCEL");
  EXPECT_EQ(describe(HWMX_ACT_BASE + HWMX_ACT_TAKE_GRANT_OFFSET), "ACT[0].TAKE_GRANT");
  EXPECT_EQ(describe(HWMX_CTRL_ACT_BASE + HWMX_CTRL_ACT_ALLOC_SLOT_OFFSET + 4),
            "CTRL_ACT.ALLOC_SLOT[1]");
  EXPECT_EQ(describe(HWMX_CTRL_ACT_BASE + HWMX_CTRL_ACT_ABANDON_OFFSET + 4 * 16383),
            "CTRL_ACT.ABANDON[16383]");
  EXPECT_EQ(describe(0x1C), "unmapped@0x0000001C");
  EXPECT_EQ(describe(HWMX_ACT_BASE + 0xC008), "unmapped@0x0100C008");
  EXPECT_EQ(describe(HWMX_CTX_BASE + HWMX_CTX_PRIORITY_OFFSET + 2), "CTX[0].PRIORITY+2");
}

TEST(Decoder, InstanceMapping) {
  const Access page = decode(HWMX_CTX_BASE + 4 * HWMX_CTX_STRIDE);
  EXPECT_EQ(page.target, Target::kCtxStatus);
  EXPECT_EQ(page.ctx, 4u);
  EXPECT_TRUE(mapped_in_instance(page, 5));
  EXPECT_FALSE(mapped_in_instance(page, 4));
  EXPECT_FALSE(mapped_in_instance(decode(HWMX_CTRL_ACT_BASE + 16), 4)) << "ALLOC_SLOT[4]";
  EXPECT_TRUE(mapped_in_instance(decode(HWMX_CTRL_ACT_BASE + 12), 4)) << "ALLOC_SLOT[3]";
  EXPECT_FALSE(
      mapped_in_instance(decode(HWMX_CTRL_ACT_BASE + HWMX_CTRL_ACT_ALLOC_CTX_OFFSET + 4), 4));
  EXPECT_TRUE(
      mapped_in_instance(decode(HWMX_CTRL_ACT_BASE + HWMX_CTRL_ACT_FREE_CTX_OFFSET + 4 * 9999), 4));
  EXPECT_EQ(decode(0x1FFFFFC).target, Target::kUnmapped) << "ACT[255] above TAKE_GRANT";
  EXPECT_EQ(decode(0x2000000 | HWMX_ID_OFFSET).target, Target::kId) << "bits above 24 ignored";
}

TEST(Result, WordLayoutAndRendering) {
  const Result r{Code::kAlreadyGranted, true, 16, 42};
  EXPECT_EQ(r.word(), 0x06C0002Au);
  EXPECT_EQ(Result::from_word(r.word()), r);
  EXPECT_EQ(describe_result(r.word()), "ALREADY_GRANTED v=42 prio=16 abandoned");
  EXPECT_EQ(describe_result(0x08000000), "NONE v=0");
  EXPECT_EQ(describe_result(0x1F010000), "0x1F v=0 stray=0x00010000");
  EXPECT_EQ(last_error_word(Code::kErrBadSlot, Op::kInitSlot, 7), 0x10A00007u);
}

TEST(Engine, RejectsOutOfRangeParameters) {
  EXPECT_THROW(Engine(0, 4), std::invalid_argument);
  EXPECT_THROW(Engine(4097, 4), std::invalid_argument);
  EXPECT_THROW(Engine(4, 1), std::invalid_argument);
  EXPECT_THROW(Engine(4, 257), std::invalid_argument);
  EXPECT_NO_THROW(Engine(4096, 256));
}

TEST(Engine, QueueViewAndInvariantsAfterTraffic) {
  Engine e(8, 6);
  auto rd = [&e](std::uint32_t a) { return Result::from_word(e.read(a).data); };
  for (int i = 0; i < 6; ++i) rd(HWMX_CTRL_ACT_BASE + HWMX_CTRL_ACT_ALLOC_CTX_OFFSET);
  rd(HWMX_CTRL_ACT_BASE + HWMX_CTRL_ACT_ALLOC_SLOT_OFFSET + 4 * 2);  // slot 0, PRIORITY policy
  for (unsigned c = 0; c < 6; ++c) {
    e.write(HWMX_CTX_BASE + c * HWMX_CTX_STRIDE + HWMX_CTX_PRIORITY_OFFSET, c % 3);
    rd(HWMX_ACT_BASE + c * HWMX_ACT_STRIDE + HWMX_ACT_ACQUIRE_OFFSET);
  }
  // Owner 0; waiters by priority (2, 2, 1, 1, 0 -> contexts 2, 5, 1, 4, 3).
  EXPECT_EQ(e.queue(0), (std::vector<unsigned>{2, 5, 1, 4, 3}));
  EXPECT_EQ(e.check_invariants(), "");
  EXPECT_EQ(e.globals().max_qdepth, 5u);
  EXPECT_EQ(e.context(2).wait_slot, 0u);
  EXPECT_TRUE(e.slot(0).owned);
}

}  // namespace
}  // namespace hwmx::model
