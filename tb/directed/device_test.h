// Fixture of the directed tests: every test runs against a RegisterDevice made by a factory (the
// model, or an RTL configuration), through the bus only, so each check holds for both
// implementations. Helpers name operations and registers with the generated regmap macros.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "hwmx/hwmx_regmap.h"
#include "hwmx/model/decoder.h"
#include "hwmx/model/engine.h"
#include "hwmx/model/result.h"
#include "hwmx/sim/register_device.h"

namespace hwmx::model {
// Readable gtest failure messages.
inline void PrintTo(const Result& r, std::ostream* os) { *os << describe_result(r.word()); }
inline void PrintTo(Code c, std::ostream* os) { *os << code_name(static_cast<std::uint8_t>(c)); }
}  // namespace hwmx::model

namespace hwmx {
inline void PrintTo(AxiResp r, std::ostream* os) {
  static const char* const kNames[] = {"OKAY", "EXOKAY", "SLVERR", "DECERR"};
  *os << kNames[static_cast<unsigned>(r) & 3u];
}
}  // namespace hwmx

namespace hwmx::test {

using model::Code;
using model::Result;

struct DeviceParam {
  std::string name;
  std::function<std::unique_ptr<RegisterDevice>()> make;
};

inline void PrintTo(const DeviceParam& p, std::ostream* os) { *os << p.name; }

inline std::string param_name(const testing::TestParamInfo<DeviceParam>& info) {
  return info.param.name;
}

/// Shorthand for expected results.
inline Result res(Code code, unsigned value = 0, unsigned priority = 0, bool abandoned = false) {
  return {code, abandoned, static_cast<std::uint8_t>(priority), static_cast<std::uint16_t>(value)};
}

// Addresses.
inline std::uint32_t ctx_reg(unsigned c, std::uint32_t offset) {
  return HWMX_CTX_BASE + c * HWMX_CTX_STRIDE + offset;
}
inline std::uint32_t act(unsigned c, std::uint32_t offset) {
  return HWMX_ACT_BASE + c * HWMX_ACT_STRIDE + offset;
}
inline std::uint32_t acquire_addr(unsigned c, unsigned s) {
  return act(c, HWMX_ACT_ACQUIRE_OFFSET + 4 * s);
}
inline std::uint32_t try_addr(unsigned c, unsigned s) {
  return act(c, HWMX_ACT_TRY_OFFSET + 4 * s);
}
inline std::uint32_t release_addr(unsigned c, unsigned s) {
  return act(c, HWMX_ACT_RELEASE_OFFSET + 4 * s);
}
inline std::uint32_t cancel_addr(unsigned c) { return act(c, HWMX_ACT_CANCEL_OFFSET); }
inline std::uint32_t take_grant_addr(unsigned c) { return act(c, HWMX_ACT_TAKE_GRANT_OFFSET); }
inline std::uint32_t ctrl(std::uint32_t window, unsigned arg) {
  return HWMX_CTRL_ACT_BASE + window + 4 * arg;
}

/// ALLOC_SLOT arguments {POLICY, RECURSIVE}.
enum SlotKind : unsigned { kExclFifo = 0, kRecFifo = 1, kExclPrio = 2, kRecPrio = 3 };

class DeviceTest : public testing::TestWithParam<DeviceParam> {
 protected:
  void SetUp() override;
  void TearDown() override;

  RegisterDevice& dev() { return *dev_; }
  unsigned nm() const { return dev_->num_mutex(); }
  unsigned nc() const { return dev_->num_ctx(); }
  bool is_model() const { return model_ != nullptr; }

  /// A read that must answer OKAY.
  std::uint32_t rd(std::uint32_t addr);
  /// A write that must answer OKAY.
  void wr(std::uint32_t addr, std::uint32_t data);

  // Operations.
  Result op(std::uint32_t addr) { return Result::from_word(rd(addr)); }
  Result acquire(unsigned c, unsigned s) { return op(acquire_addr(c, s)); }
  Result try_acquire(unsigned c, unsigned s) { return op(try_addr(c, s)); }
  Result release(unsigned c, unsigned s) { return op(release_addr(c, s)); }
  Result cancel(unsigned c) { return op(cancel_addr(c)); }
  Result take_grant(unsigned c) { return op(take_grant_addr(c)); }
  Result alloc_slot(unsigned kind = kExclFifo) {
    return op(ctrl(HWMX_CTRL_ACT_ALLOC_SLOT_OFFSET, kind));
  }
  Result free_slot(unsigned s) { return op(ctrl(HWMX_CTRL_ACT_FREE_SLOT_OFFSET, s)); }
  Result alloc_ctx() { return op(ctrl(HWMX_CTRL_ACT_ALLOC_CTX_OFFSET, 0)); }
  Result free_ctx(unsigned c) { return op(ctrl(HWMX_CTRL_ACT_FREE_CTX_OFFSET, c)); }
  Result abandon(unsigned c) { return op(ctrl(HWMX_CTRL_ACT_ABANDON_OFFSET, c)); }

  /// ALLOC_SLOT / ALLOC_CTX that must succeed.
  unsigned new_slot(unsigned kind = kExclFifo);
  unsigned new_ctx(unsigned priority = 0);

  // Registers.
  std::uint32_t ctx_read(unsigned c, std::uint32_t offset) { return rd(ctx_reg(c, offset)); }
  void ctx_write(unsigned c, std::uint32_t offset, std::uint32_t v) { wr(ctx_reg(c, offset), v); }
  void set_priority(unsigned c, unsigned p) { ctx_write(c, HWMX_CTX_PRIORITY_OFFSET, p); }
  void enable_irq(unsigned c, bool on = true) {
    ctx_write(c, HWMX_CTX_INTR_ENABLE_OFFSET, on ? 1 : 0);
  }
  std::uint32_t status(unsigned c) { return ctx_read(c, HWMX_CTX_STATUS_OFFSET); }
  Result grant(unsigned c) { return Result::from_word(ctx_read(c, HWMX_CTX_GRANT_OFFSET)); }
  std::uint32_t last_error(unsigned c) { return ctx_read(c, HWMX_CTX_LAST_ERROR_OFFSET); }
  std::uint32_t intr_state(unsigned c) { return ctx_read(c, HWMX_CTX_INTR_STATE_OFFSET); }
  /// A 64-bit statistics counter read as software must: HI, LO, HI until HI is stable.
  std::uint64_t counter(std::uint32_t lo_offset);
  std::uint32_t bus_errors() { return rd(HWMX_STAT_BUS_ERRORS_OFFSET); }
  /// INSPECT_STATE / COUNT / QUEUE of slot s.
  struct Inspect {
    std::uint32_t state, count, queue;
  };
  Inspect inspect(unsigned s);
  unsigned queue_length(unsigned s) { return inspect(s).queue & HWMX_INSPECT_QUEUE_LENGTH_MASK; }

  /// Releases slot s from `owner`, then from each new owner in turn, until nobody waits; returns
  /// the contexts in the order they were handed the slot.
  std::vector<unsigned> handoff_order(unsigned owner, unsigned s);

  /// Lets level outputs settle (the RTL raises a grant interrupt a few cycles after the
  /// releasing read's response; the model is untimed).
  void settle();
  bool irq_line(unsigned c) {
    settle();
    return dev_->irq_ctx(c);
  }
  bool irq_any() {
    settle();
    return dev_->irq();
  }

  /// The access answers SLVERR with data 0, counts in STAT_BUS_ERRORS, is recorded in
  /// BUS_ERROR_ADDR and is not an engine error.
  void expect_read_slverr(std::uint32_t addr);
  void expect_write_slverr(std::uint32_t addr, std::uint32_t data = 0xFFFFFFFF,
                           std::uint8_t strb = 0xF);

  /// The model's invariants hold (no-op on the RTL).
  void check_model();

 private:
  std::unique_ptr<RegisterDevice> dev_;
  model::Engine* model_ = nullptr;
};

// STATUS fields.
inline std::uint32_t status_word(bool allocated, bool waiting, bool grant_pending, unsigned owned,
                                 unsigned wait_slot) {
  return (allocated ? HWMX_CTX_STATUS_ALLOCATED_MASK : 0u) |
         (waiting ? HWMX_CTX_STATUS_WAITING_MASK : 0u) |
         (grant_pending ? HWMX_CTX_STATUS_GRANT_PENDING_MASK : 0u) |
         (owned << HWMX_CTX_STATUS_OWNED_LSB) | (wait_slot << HWMX_CTX_STATUS_WAIT_SLOT_LSB);
}
inline std::uint32_t last_error_of(Code code, std::uint32_t op, unsigned arg) {
  return model::last_error_word(code, static_cast<model::Op>(op), arg);
}

// One fixture per area, so test names read "Area.Case/device".
#define HWMX_DEVICE_FIXTURES(X) \
  X(PlainRegisters)             \
  X(BusErrors)                  \
  X(Acquire)                    \
  X(Release)                    \
  X(CancelTakeGrant)            \
  X(Boost)                      \
  X(Queues)                     \
  X(Control)                    \
  X(Pools)                      \
  X(Abandon)                    \
  X(Interrupts)                 \
  X(Counters)                   \
  X(Inspect)                    \
  X(Recursion)

#define HWMX_DECLARE_FIXTURE(name) \
  class name : public DeviceTest {};
HWMX_DEVICE_FIXTURES(HWMX_DECLARE_FIXTURE)
#undef HWMX_DECLARE_FIXTURE

/// Instantiates every fixture over `devices` (a testing::Values(...) generator).
#define HWMX_INSTANTIATE_ONE(name) \
  INSTANTIATE_TEST_SUITE_P(HWMX_PREFIX, name, HWMX_DEVICES, ::hwmx::test::param_name);
#define HWMX_INSTANTIATE_ALL() HWMX_DEVICE_FIXTURES(HWMX_INSTANTIATE_ONE)

}  // namespace hwmx::test
