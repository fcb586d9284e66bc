// SLVERR: unmapped addresses, writes to read-only registers and action windows, partial strobes,
// context pages at or above NUM_CTX, refused allocation arguments. Each answers SLVERR with read
// data 0, counts in STAT_BUS_ERRORS, records BUS_ERROR_ADDR and changes nothing else.
#include <vector>

#include "device_test.h"

namespace hwmx::test {
namespace {

std::vector<std::uint32_t> unmapped(unsigned nc) {
  return {0x1C,
          0x44,
          0x48,
          0x4C,
          0x60,
          0x7C,
          0xA0,
          0xFFFFC,
          ctx_reg(0, 0x1C),
          ctx_reg(0, 0xFFC),
          ctx_reg(nc - 1, 0x20),
          HWMX_CTX_BASE + model::kArchMaxCtx * HWMX_CTX_STRIDE,  // beyond the architectural pages
          0x7FFFFC,
          HWMX_CTRL_ACT_BASE + 0x90000,  // beyond the control windows
          0xFFFFFC,
          act(0, 0xC008),
          act(0, 0xFFFC),
          act(nc - 1, 0xD000)};
}

TEST_P(BusErrors, UnmappedReads) {
  for (std::uint32_t a : unmapped(nc())) expect_read_slverr(a);
}
TEST_P(BusErrors, UnmappedWrites) {
  for (std::uint32_t a : unmapped(nc())) expect_write_slverr(a);
}

TEST_P(BusErrors, WritesToReadOnlyRegisters) {
  const std::vector<std::uint32_t> ro = {HWMX_ID_OFFSET,
                                         HWMX_VERSION_OFFSET,
                                         HWMX_CONFIG_OFFSET,
                                         HWMX_FEATURES_OFFSET,
                                         HWMX_STAT_BUS_ERRORS_OFFSET,
                                         HWMX_BUS_ERROR_ADDR_OFFSET,
                                         HWMX_STAT_ACQUIRES_LO_OFFSET,
                                         HWMX_STAT_ACQUIRES_HI_OFFSET,
                                         HWMX_STAT_CONTENDED_LO_OFFSET,
                                         HWMX_STAT_CONTENDED_HI_OFFSET,
                                         HWMX_STAT_HANDOFFS_LO_OFFSET,
                                         HWMX_STAT_HANDOFFS_HI_OFFSET,
                                         HWMX_STAT_ERRORS_LO_OFFSET,
                                         HWMX_STAT_ERRORS_HI_OFFSET,
                                         HWMX_STAT_MAX_QDEPTH_OFFSET,
                                         HWMX_INSPECT_STATE_OFFSET,
                                         HWMX_INSPECT_COUNT_OFFSET,
                                         HWMX_INSPECT_QUEUE_OFFSET,
                                         HWMX_INTR_SUMMARY_OFFSET,
                                         HWMX_INTR_SUMMARY_OFFSET + 7 * HWMX_INTR_SUMMARY_STRIDE,
                                         ctx_reg(0, HWMX_CTX_STATUS_OFFSET),
                                         ctx_reg(nc() - 1, HWMX_CTX_GRANT_OFFSET)};
  for (std::uint32_t a : ro) expect_write_slverr(a, 0x5A5A5A5A);
  EXPECT_EQ(rd(HWMX_ID_OFFSET), 0x484D5831u);
  EXPECT_EQ(status(0), 0u);
  EXPECT_EQ(counter(HWMX_STAT_ACQUIRES_LO_OFFSET), 0u);
}

TEST_P(BusErrors, WritesToActionWindowsPerformNothing) {
  const unsigned c = new_ctx(), s = new_slot();
  const std::vector<std::uint32_t> windows = {acquire_addr(c, s),
                                              try_addr(c, s),
                                              release_addr(c, s),
                                              cancel_addr(c),
                                              take_grant_addr(c),
                                              ctrl(HWMX_CTRL_ACT_ALLOC_SLOT_OFFSET, 0),
                                              ctrl(HWMX_CTRL_ACT_FREE_SLOT_OFFSET, s),
                                              ctrl(HWMX_CTRL_ACT_INIT_REC_PRIO_OFFSET, s),
                                              ctrl(HWMX_CTRL_ACT_ALLOC_CTX_OFFSET, 0),
                                              ctrl(HWMX_CTRL_ACT_FREE_CTX_OFFSET, c),
                                              ctrl(HWMX_CTRL_ACT_ABANDON_OFFSET, c)};
  for (std::uint32_t a : windows) expect_write_slverr(a, 0);
  EXPECT_EQ(status(c), status_word(true, false, false, 0, 0));
  EXPECT_EQ(inspect(s).state, HWMX_INSPECT_STATE_ALLOCATED_MASK) << "slot untouched";
  EXPECT_EQ(alloc_ctx(), res(Code::kDone, 1)) << "no context was allocated by the write";
  EXPECT_EQ(alloc_slot(), res(Code::kDone, 1)) << "no slot was allocated by the write";
  EXPECT_EQ(counter(HWMX_STAT_ERRORS_LO_OFFSET), 0u);
}

TEST_P(BusErrors, PartialStrobesChangeNothing) {
  for (std::uint8_t strb : {0x0, 0x1, 0x3, 0x7, 0xE, 0x8}) {
    expect_write_slverr(ctx_reg(0, HWMX_CTX_PRIORITY_OFFSET), 0x1F, strb);
    expect_write_slverr(ctx_reg(0, HWMX_CTX_INTR_TEST_OFFSET), 1, strb);
    expect_write_slverr(ctx_reg(0, HWMX_CTX_INTR_ENABLE_OFFSET), 1, strb);
    expect_write_slverr(HWMX_INSPECT_SLOT_OFFSET, 3, strb);
    expect_write_slverr(HWMX_ID_OFFSET, 3, strb);  // read-only and partial
  }
  EXPECT_EQ(ctx_read(0, HWMX_CTX_PRIORITY_OFFSET), 0u);
  EXPECT_EQ(intr_state(0), 0u);
  EXPECT_EQ(ctx_read(0, HWMX_CTX_INTR_ENABLE_OFFSET), 0u);
  EXPECT_EQ(rd(HWMX_INSPECT_SLOT_OFFSET), 0u);
  // A partial write to a clear-on-write register does not clear it either.
  EXPECT_EQ(free_slot(0).code, Code::kErrBadSlot);
  const std::uint32_t latched = rd(HWMX_CTRL_LAST_ERROR_OFFSET);
  expect_write_slverr(HWMX_CTRL_LAST_ERROR_OFFSET, 0, 0x1);
  EXPECT_EQ(rd(HWMX_CTRL_LAST_ERROR_OFFSET), latched);
}

TEST_P(BusErrors, ContextPagesAtOrAboveNumCtx) {
  if (nc() >= model::kArchMaxCtx) GTEST_SKIP() << "every architectural page exists";
  for (unsigned c : {nc(), model::kArchMaxCtx - 1}) {
    expect_read_slverr(ctx_reg(c, HWMX_CTX_STATUS_OFFSET));
    expect_read_slverr(ctx_reg(c, HWMX_CTX_PRIORITY_OFFSET));
    expect_write_slverr(ctx_reg(c, HWMX_CTX_PRIORITY_OFFSET), 3);
    expect_write_slverr(ctx_reg(c, HWMX_CTX_INTR_TEST_OFFSET), 1);
    expect_read_slverr(acquire_addr(c, 0));
    expect_read_slverr(release_addr(c, 0));
    expect_read_slverr(cancel_addr(c));
    expect_read_slverr(take_grant_addr(c));
  }
  EXPECT_EQ(counter(HWMX_STAT_ERRORS_LO_OFFSET), 0u) << "no engine operation ran";
  for (unsigned c = 0; c < nc(); ++c) EXPECT_EQ(last_error(c), 0u);
}

TEST_P(BusErrors, RefusedAllocationArguments) {
  expect_read_slverr(ctrl(HWMX_CTRL_ACT_ALLOC_SLOT_OFFSET, 4));
  expect_read_slverr(ctrl(HWMX_CTRL_ACT_ALLOC_SLOT_OFFSET, HWMX_CTRL_ACT_ALLOC_SLOT_ENTRIES - 1));
  expect_read_slverr(ctrl(HWMX_CTRL_ACT_ALLOC_CTX_OFFSET, 1));
  expect_read_slverr(ctrl(HWMX_CTRL_ACT_ALLOC_CTX_OFFSET, HWMX_CTRL_ACT_ALLOC_CTX_ENTRIES - 1));
  EXPECT_EQ(alloc_slot(), res(Code::kDone, 0)) << "nothing was allocated";
  EXPECT_EQ(alloc_ctx(), res(Code::kDone, 0)) << "nothing was allocated";
  EXPECT_EQ(rd(HWMX_CTRL_LAST_ERROR_OFFSET), 0u);
}

TEST_P(BusErrors, ErrorAddressRecordsReadOrWrite) {
  expect_read_slverr(0x1C);
  expect_write_slverr(0x1C);
  expect_read_slverr(0x1F);  // bits 1:0 as presented (spec_choices.h)
  expect_read_slverr(act(0, 0xFFFC));
  EXPECT_EQ(bus_errors(), 4u);
}

}  // namespace
}  // namespace hwmx::test
