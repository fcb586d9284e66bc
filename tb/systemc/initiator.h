// A bus master on the engine's TLM socket: one blocking transaction at a time, as a CPU load or
// store stalls its thread. Loosely timed: the target annotates the delay, the initiator waits it
// out immediately, so sc_time_stamp() after each call is the transaction's response time (on the
// RTL, the clock edge of the R/B handshake). Provides every operation by address, on any page:
// the supervisor (the "OS") uses it as is; CPU threads (cpu.h) add their own context page.
#pragma once

#include <tlm_utils/simple_initiator_socket.h>

#include <cstdint>
#include <systemc>
#include <tlm>

#include "check.h"
#include "regs.h"

namespace hwmx::sctest {

class Initiator : public sc_core::sc_module {
 public:
  tlm_utils::simple_initiator_socket<Initiator, 32> socket{"socket"};

  struct Response {
    std::uint32_t data = 0;
    tlm::tlm_response_status status = tlm::TLM_INCOMPLETE_RESPONSE;
  };

  /// `period`: the engine clock, the unit of wait_cycles().
  Initiator(sc_core::sc_module_name name, sc_core::sc_time period);

  // Raw transactions: any address, length and byte enables; the TLM status is returned, not
  // checked (the error tests look at it).
  Response read(std::uint64_t addr, unsigned length = 4);
  Response write(std::uint64_t addr, std::uint32_t data, unsigned byte_enables = 0xF,
                 unsigned length = 4);

  // Transactions that must answer TLM_OK_RESPONSE.
  std::uint32_t rd(std::uint32_t addr, std::source_location loc = std::source_location::current());
  void wr(std::uint32_t addr, std::uint32_t data,
          std::source_location loc = std::source_location::current());
  Result op(std::uint32_t addr, std::source_location loc = std::source_location::current()) {
    return Result::from_word(rd(addr, loc));
  }

  // Context operations on context c's action window.
  Result acquire_on(unsigned c, unsigned s) { return op(acquire_addr(c, s)); }
  Result try_on(unsigned c, unsigned s) { return op(try_addr(c, s)); }
  Result release_on(unsigned c, unsigned s) { return op(release_addr(c, s)); }
  Result cancel_on(unsigned c) { return op(cancel_addr(c)); }
  Result take_grant_on(unsigned c) { return op(take_grant_addr(c)); }

  // Control operations.
  Result alloc_slot(SlotKind kind) { return op(ctrl(HWMX_CTRL_ACT_ALLOC_SLOT_OFFSET, kind)); }
  Result free_slot(unsigned s) { return op(ctrl(HWMX_CTRL_ACT_FREE_SLOT_OFFSET, s)); }
  Result alloc_ctx() { return op(ctrl(HWMX_CTRL_ACT_ALLOC_CTX_OFFSET, 0)); }
  Result free_ctx(unsigned c) { return op(ctrl(HWMX_CTRL_ACT_FREE_CTX_OFFSET, c)); }
  Result abandon(unsigned c) { return op(ctrl(HWMX_CTRL_ACT_ABANDON_OFFSET, c)); }
  /// ALLOC_SLOT that must answer DONE; returns the slot.
  unsigned new_slot(SlotKind kind, std::source_location loc = std::source_location::current());

  // Registers.
  CtxStatus status(unsigned c) { return {rd(ctx_reg(c, HWMX_CTX_STATUS_OFFSET))}; }
  Result grant_register(unsigned c) {
    return Result::from_word(rd(ctx_reg(c, HWMX_CTX_GRANT_OFFSET)));
  }
  /// INSPECT_SLOT = s, then the three INSPECT registers (INSPECT_SLOT is left at s).
  SlotView inspect(unsigned s);
  /// A 64-bit counter read as software must: HI, LO, HI until HI is stable.
  std::uint64_t counter(std::uint32_t lo_offset);

  // Time.
  void wait_cycles(unsigned n) { sc_core::wait(n * period_); }
  /// Sleeps until absolute simulated time t (no-op if it has passed).
  void wait_until(const sc_core::sc_time& t);
  sc_core::sc_time period() const { return period_; }
  /// Response time of the last transaction (see the file comment).
  sc_core::sc_time last_response() const { return last_response_; }
  std::uint64_t transactions() const { return transactions_; }

 private:
  Response transact(tlm::tlm_command cmd, std::uint64_t addr, std::uint32_t data,
                    unsigned byte_enables, unsigned length);

  sc_core::sc_time period_;
  sc_core::sc_time last_response_ = sc_core::SC_ZERO_TIME;
  std::uint64_t transactions_ = 0;
};

}  // namespace hwmx::sctest
