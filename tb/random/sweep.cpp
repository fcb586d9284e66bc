#include "sweep.h"

#include "hwmx/hwmx_regmap.h"

namespace hwmx::difftest {

std::vector<BusOp> Sweeper::next(const model::Engine& model) {
  std::vector<BusOp> ops;
  for (std::uint32_t off = HWMX_ID_OFFSET; off <= HWMX_INSPECT_SLOT_OFFSET; off += 4) {
    const auto t = model::decode(off).target;
    if (t != model::Target::kUnmapped) ops.push_back(read_op(off));
  }
  for (unsigned w = 0; w < HWMX_INTR_SUMMARY_COUNT; ++w) {
    ops.push_back(read_op(HWMX_INTR_SUMMARY_OFFSET + w * HWMX_INTR_SUMMARY_STRIDE));
  }
  const unsigned nc = model.num_ctx(), nm = model.num_mutex();
  for (unsigned i = 0; i < p_.sweep_ctx && i < nc; ++i) {
    const unsigned c = (next_ctx_ + i) % nc;
    for (std::uint32_t off = HWMX_CTX_STATUS_OFFSET; off <= HWMX_CTX_INTR_ENABLE_OFFSET; off += 4) {
      ops.push_back(read_op(HWMX_CTX_BASE + c * HWMX_CTX_STRIDE + off));
    }
  }
  next_ctx_ = (next_ctx_ + p_.sweep_ctx) % nc;

  auto inspect = [&ops](unsigned s) {
    ops.push_back(write_op(HWMX_INSPECT_SLOT_OFFSET, s));
    ops.push_back(read_op(HWMX_INSPECT_STATE_OFFSET));
    ops.push_back(read_op(HWMX_INSPECT_COUNT_OFFSET));
    ops.push_back(read_op(HWMX_INSPECT_QUEUE_OFFSET));
  };
  for (unsigned i = 0; i < p_.sweep_slots && i < nm; ++i) inspect((next_slot_ + i) % nm);
  next_slot_ = (next_slot_ + p_.sweep_slots) % nm;
  // Owned slots are the interesting ones (owner, count, queue): the first few of them, too.
  unsigned extra = 0;
  for (unsigned s = 0; s < nm && extra < p_.sweep_slots; ++s) {
    if (model.slot(s).owned) {
      inspect(s);
      ++extra;
    }
  }
  if (nm < 4096) inspect(4095);  // out of range: reads 0
  return ops;
}

}  // namespace hwmx::difftest
