// Id pools: after reset ids come in order 0, 1, 2, ...; a freed id is the next one handed out
// (LIFO), then never-used ids resume; an empty pool answers ERR_NO_RESOURCE.
#include <vector>

#include "device_test.h"

namespace hwmx::test {
namespace {

TEST_P(Pools, SlotOrderIsLifoThenNeverUsed) {
  for (unsigned i = 0; i < 4; ++i) EXPECT_EQ(alloc_slot(i % 4), res(Code::kDone, i));
  EXPECT_EQ(free_slot(1).code, Code::kDone);
  EXPECT_EQ(free_slot(3).code, Code::kDone);
  EXPECT_EQ(free_slot(0).code, Code::kDone);
  EXPECT_EQ(alloc_slot(), res(Code::kDone, 0));
  EXPECT_EQ(alloc_slot(), res(Code::kDone, 3));
  EXPECT_EQ(alloc_slot(), res(Code::kDone, 1));
  if (nm() > 4) {
    EXPECT_EQ(alloc_slot(), res(Code::kDone, 4));
  }
}

TEST_P(Pools, ContextOrderIsLifoThenNeverUsed) {
  for (unsigned i = 0; i < 3; ++i) EXPECT_EQ(alloc_ctx(), res(Code::kDone, i));
  EXPECT_EQ(free_ctx(0).code, Code::kDone);
  EXPECT_EQ(free_ctx(2).code, Code::kDone);
  EXPECT_EQ(alloc_ctx(), res(Code::kDone, 2));
  EXPECT_EQ(alloc_ctx(), res(Code::kDone, 0));
  EXPECT_EQ(alloc_ctx(), res(Code::kDone, 3));
}

TEST_P(Pools, SlotPoolExhaustion) {
  for (unsigned i = 0; i < nm(); ++i) ASSERT_EQ(alloc_slot(i % 4), res(Code::kDone, i));
  EXPECT_EQ(alloc_slot(kRecPrio), res(Code::kErrNoResource, kRecPrio));
  EXPECT_EQ(rd(HWMX_CTRL_LAST_ERROR_OFFSET),
            last_error_of(Code::kErrNoResource, HWMX_OP_ALLOC_SLOT, kRecPrio));
  EXPECT_EQ(counter(HWMX_STAT_ERRORS_LO_OFFSET), 1u);
  ASSERT_EQ(free_slot(nm() / 2).code, Code::kDone);
  EXPECT_EQ(alloc_slot(), res(Code::kDone, nm() / 2));
  EXPECT_EQ(alloc_slot().code, Code::kErrNoResource);
}

TEST_P(Pools, ContextPoolExhaustion) {
  for (unsigned i = 0; i < nc(); ++i) ASSERT_EQ(alloc_ctx(), res(Code::kDone, i));
  EXPECT_EQ(alloc_ctx(), res(Code::kErrNoResource, 0));
  EXPECT_EQ(rd(HWMX_CTRL_LAST_ERROR_OFFSET),
            last_error_of(Code::kErrNoResource, HWMX_OP_ALLOC_CTX, 0));
  ASSERT_EQ(free_ctx(1).code, Code::kDone);
  EXPECT_EQ(alloc_ctx(), res(Code::kDone, 1));
  EXPECT_EQ(alloc_ctx().code, Code::kErrNoResource);
}

}  // namespace
}  // namespace hwmx::test
