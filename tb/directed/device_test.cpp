#include "device_test.h"

#include "hwmx/model/spec_choices.h"
#include "hwmx/sim/rtl_device.h"

namespace hwmx::test {

void DeviceTest::SetUp() {
  dev_ = GetParam().make();
  model_ = dynamic_cast<model::Engine*>(dev_.get());
}

void DeviceTest::TearDown() { check_model(); }

void DeviceTest::check_model() {
  if (model_ != nullptr) {
    const std::string violation = model_->check_invariants();
    ASSERT_TRUE(violation.empty()) << "model invariant: " << violation;
  }
}

std::uint32_t DeviceTest::rd(std::uint32_t addr) {
  const ReadResult r = dev_->read(addr);
  EXPECT_EQ(r.resp, AxiResp::Okay) << "read " << model::describe(addr);
  check_model();
  return r.data;
}

void DeviceTest::wr(std::uint32_t addr, std::uint32_t data) {
  EXPECT_EQ(dev_->write(addr, data), AxiResp::Okay) << "write " << model::describe(addr);
}

unsigned DeviceTest::new_slot(unsigned kind) {
  const Result r = alloc_slot(kind);
  EXPECT_EQ(r.code, Code::kDone) << "ALLOC_SLOT";
  return r.value;
}

unsigned DeviceTest::new_ctx(unsigned priority) {
  const Result r = alloc_ctx();
  EXPECT_EQ(r.code, Code::kDone) << "ALLOC_CTX";
  if (priority != 0) set_priority(r.value, priority);
  return r.value;
}

std::uint64_t DeviceTest::counter(std::uint32_t lo_offset) {
  const std::uint32_t hi_offset = lo_offset + 4;
  std::uint32_t hi = rd(hi_offset), lo = 0;
  for (;;) {
    lo = rd(lo_offset);
    const std::uint32_t again = rd(hi_offset);
    if (again == hi) break;
    hi = again;
  }
  return (std::uint64_t{hi} << 32) | lo;
}

DeviceTest::Inspect DeviceTest::inspect(unsigned s) {
  wr(HWMX_INSPECT_SLOT_OFFSET, s);
  return {rd(HWMX_INSPECT_STATE_OFFSET), rd(HWMX_INSPECT_COUNT_OFFSET),
          rd(HWMX_INSPECT_QUEUE_OFFSET)};
}

namespace {

std::uint32_t expected_error_addr(std::uint32_t addr, bool write) {
  const std::uint32_t a = model::choices::kBusErrorAddrKeepsLowBits ? addr : addr & ~3u;
  return (write ? HWMX_BUS_ERROR_ADDR_WRITE_MASK : 0u) | (a & HWMX_BUS_ERROR_ADDR_ADDR_MASK);
}

}  // namespace

void DeviceTest::expect_read_slverr(std::uint32_t addr) {
  SCOPED_TRACE("read " + model::describe(addr));
  const std::uint32_t before = bus_errors();
  const std::uint64_t errors = counter(HWMX_STAT_ERRORS_LO_OFFSET);
  const ReadResult r = dev_->read(addr);
  EXPECT_EQ(r.resp, AxiResp::SlvErr);
  EXPECT_EQ(r.data, 0u);
  EXPECT_EQ(bus_errors(), before + 1);
  EXPECT_EQ(rd(HWMX_BUS_ERROR_ADDR_OFFSET), expected_error_addr(addr, false));
  EXPECT_EQ(counter(HWMX_STAT_ERRORS_LO_OFFSET), errors) << "SLVERR is not an engine error";
}

void DeviceTest::expect_write_slverr(std::uint32_t addr, std::uint32_t data, std::uint8_t strb) {
  SCOPED_TRACE("write " + model::describe(addr) + " strb " + std::to_string(strb));
  const std::uint32_t before = bus_errors();
  EXPECT_EQ(dev_->write(addr, data, strb), AxiResp::SlvErr);
  EXPECT_EQ(bus_errors(), before + 1);
  EXPECT_EQ(rd(HWMX_BUS_ERROR_ADDR_OFFSET), expected_error_addr(addr, true));
}

std::vector<unsigned> DeviceTest::handoff_order(unsigned owner, unsigned s) {
  std::vector<unsigned> order;
  for (unsigned guard = 0; guard <= nc(); ++guard) {
    const Result r = release(owner, s);
    if (r.code != Code::kHandoff) {
      EXPECT_EQ(r, res(Code::kReleased, 0));
      break;
    }
    owner = r.value;
    EXPECT_EQ(take_grant(owner).code, Code::kGranted);
    order.push_back(owner);
  }
  return order;
}

void DeviceTest::settle() {
  // engine.md: the new owner's irq_ctx rises at most 4 cycles after the releasing response.
  if (auto* rtl = dynamic_cast<sim::RtlDevice*>(dev_.get())) rtl->idle(4);
}

}  // namespace hwmx::test
