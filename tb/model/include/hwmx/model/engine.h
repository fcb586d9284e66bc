// Untimed C++ reference model of the hwmx engine: the executable form of docs/engine.md behind
// the same RegisterDevice interface as the Verilated RTL. Every read, write, SLVERR, counter and
// interrupt line is exact; cycles() is 0.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "hwmx/model/decoder.h"
#include "hwmx/model/id_pool.h"
#include "hwmx/model/result.h"
#include "hwmx/sim/register_device.h"

namespace hwmx::model {

inline constexpr std::uint16_t kCountMax = 0xFFFF;
inline constexpr std::uint8_t kBoostPriority = 16;  // LOW_REALTIME_PRIORITY
inline constexpr std::uint8_t kMaxPriority = 31;
inline constexpr std::uint16_t kNil = 0xFFFF;  // end of a wait-queue link

struct SlotState {
  bool allocated = false;
  bool recursive = false;
  bool prio_policy = false;  // 1 = PRIORITY queue, 0 = FIFO
  bool owned = false;
  bool abandoned = false;
  std::uint16_t owner = 0;
  std::uint16_t count = 0;  // recursion count, 0 = held once
  std::uint16_t head = kNil, tail = kNil, length = 0;
};

struct ContextState {
  bool allocated = false;
  std::uint8_t priority = 0;
  bool waiting = false;
  std::uint16_t wait_slot = 0;
  std::uint16_t next = kNil, prev = kNil;  // links in the queue of wait_slot
  std::uint16_t owned_count = 0;
  bool grant_pending = false;
  std::uint16_t grant_slot = 0;
  bool grant_abandoned = false;
  std::uint8_t grant_priority = 0;
  bool intr_state = false;
  bool intr_enable = false;
  std::uint32_t last_error = 0;
};

struct Globals {
  std::uint64_t acquires = 0, contended = 0, handoffs = 0, errors = 0;
  std::uint16_t max_qdepth = 0;
  std::uint32_t bus_errors = 0;
  std::uint32_t bus_error_addr = 0;
  std::uint32_t ctrl_last_error = 0;
  std::uint32_t inspect_slot = 0;
};

class Engine final : public hwmx::RegisterDevice {
 public:
  /// Throws std::invalid_argument outside NUM_MUTEX 1..4096, NUM_CTX 2..256.
  Engine(unsigned num_mutex, unsigned num_ctx);

  // RegisterDevice
  ReadResult read(std::uint32_t addr) override;
  AxiResp write(std::uint32_t addr, std::uint32_t data, std::uint8_t strb = 0xF) override;
  bool irq_ctx(unsigned ctx) const override;
  bool irq() const override;
  unsigned num_mutex() const override { return static_cast<unsigned>(slots_.size()); }
  unsigned num_ctx() const override { return static_cast<unsigned>(ctxs_.size()); }
  std::uint64_t cycles() const override { return 0; }

  // Views for tests (no bus access, no side effects).
  const SlotState& slot(unsigned s) const { return slots_.at(s); }
  const ContextState& context(unsigned c) const { return ctxs_.at(c); }
  const Globals& globals() const { return g_; }
  /// Waiters of slot s, head first.
  std::vector<unsigned> queue(unsigned s) const;
  /// The invariants of docs/engine.md plus the model's own bookkeeping (pools, links, counters);
  /// empty when all hold, else a description of the first violation.
  std::string check_invariants() const;

 private:
  // Bus layer (engine.cpp).
  ReadResult bus_error(std::uint32_t addr, bool is_write);

  // Plain registers (registers.cpp).
  std::uint32_t read_register(const Access& a) const;
  void write_register(const Access& a, std::uint32_t data);
  std::uint32_t ctx_status(unsigned c) const;
  std::uint32_t ctx_grant(unsigned c) const;
  std::uint32_t inspect_state() const;
  std::uint32_t inspect_count() const;
  std::uint32_t inspect_queue() const;
  std::uint32_t intr_summary(unsigned word) const;

  // Context operations (context_ops.cpp).
  std::uint32_t context_op(const Access& a);
  Result acquire(unsigned c, unsigned s, bool is_try);
  Result release(unsigned c, unsigned s);
  Result cancel(unsigned c);
  Result take_grant(unsigned c);
  Result consume_grant(unsigned c, Code code);
  bool slot_valid(unsigned s) const { return s < slots_.size() && slots_[s].allocated; }
  std::uint8_t boost(unsigned c, unsigned s) const;
  void hand_off(unsigned s, bool abandoned);

  // Control operations (control_ops.cpp).
  std::uint32_t control_op(const Access& a);
  Result alloc_slot(unsigned arg);
  Result free_slot(unsigned s);
  Result init_slot(unsigned s, bool recursive, bool prio_policy);
  Result alloc_ctx(unsigned arg);
  Result free_ctx(unsigned c);
  Result abandon(unsigned c);

  // Wait queues (wait_queue.cpp): doubly linked through the contexts.
  void enqueue(unsigned s, unsigned c);
  void unlink(unsigned s, unsigned c);
  unsigned pop_head(unsigned s);
  void link_after(unsigned s, unsigned c, std::uint16_t after);

  std::vector<SlotState> slots_;
  std::vector<ContextState> ctxs_;
  IdPool slot_pool_, ctx_pool_;
  Globals g_;
};

}  // namespace hwmx::model
