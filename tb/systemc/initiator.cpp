#include "initiator.h"

#include <array>

#include "hwmx/model/decoder.h"

namespace hwmx::sctest {

Initiator::Initiator(sc_core::sc_module_name name, sc_core::sc_time period)
    : sc_module(name), period_(period) {}

Initiator::Response Initiator::transact(tlm::tlm_command cmd, std::uint64_t addr,
                                        std::uint32_t data, unsigned byte_enables,
                                        unsigned length) {
  std::array<unsigned char, 8> buf{};
  std::array<unsigned char, 8> be{};
  for (unsigned i = 0; i < buf.size(); ++i) {
    buf[i] = static_cast<unsigned char>(i < 4 ? data >> (8 * i) : 0);
    be[i] = ((byte_enables >> i) & 1u) ? TLM_BYTE_ENABLED : TLM_BYTE_DISABLED;
  }
  tlm::tlm_generic_payload t;
  t.set_command(cmd);
  t.set_address(addr);
  t.set_data_ptr(buf.data());
  t.set_data_length(length);
  t.set_streaming_width(length);
  t.set_byte_enable_ptr(byte_enables == 0xF && length == 4 ? nullptr : be.data());
  t.set_byte_enable_length(byte_enables == 0xF && length == 4 ? 0 : length);
  t.set_dmi_allowed(false);
  t.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);

  sc_core::sc_time delay = sc_core::SC_ZERO_TIME;
  socket->b_transport(t, delay);
  // The CPU stalls on the access: synchronise now rather than keep a local time offset, so the
  // order of transactions on the engine is the order of simulated time across all threads.
  sc_core::wait(delay);
  last_response_ = sc_core::sc_time_stamp();
  ++transactions_;
  Response r;
  r.status = t.get_response_status();
  std::uint32_t word = 0;
  for (unsigned i = 0; i < 4 && i < length; ++i) word |= std::uint32_t{buf[i]} << (8 * i);
  r.data = word;
  return r;
}

Initiator::Response Initiator::read(std::uint64_t addr, unsigned length) {
  return transact(tlm::TLM_READ_COMMAND, addr, 0, 0xF, length);
}

Initiator::Response Initiator::write(std::uint64_t addr, std::uint32_t data, unsigned byte_enables,
                                     unsigned length) {
  return transact(tlm::TLM_WRITE_COMMAND, addr, data, byte_enables, length);
}

std::uint32_t Initiator::rd(std::uint32_t addr, std::source_location loc) {
  const Response r = read(addr);
  expect_eq(r.status, tlm::TLM_OK_RESPONSE, std::string(name()) + " read " + model::describe(addr),
            loc);
  return r.data;
}

void Initiator::wr(std::uint32_t addr, std::uint32_t data, std::source_location loc) {
  expect_eq(write(addr, data).status, tlm::TLM_OK_RESPONSE,
            std::string(name()) + " write " + model::describe(addr), loc);
}

unsigned Initiator::new_slot(SlotKind kind, std::source_location loc) {
  const Result r = alloc_slot(kind);
  expect_eq(r.code, Code::kDone, "ALLOC_SLOT", loc);
  return r.value;
}

SlotView Initiator::inspect(unsigned s) {
  wr(HWMX_INSPECT_SLOT_OFFSET, s);
  SlotView v;
  v.state = rd(HWMX_INSPECT_STATE_OFFSET);
  v.count_word = rd(HWMX_INSPECT_COUNT_OFFSET);
  v.queue = rd(HWMX_INSPECT_QUEUE_OFFSET);
  return v;
}

std::uint64_t Initiator::counter(std::uint32_t lo_offset) {
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

void Initiator::wait_until(const sc_core::sc_time& t) {
  const sc_core::sc_time now = sc_core::sc_time_stamp();
  if (t > now) sc_core::wait(t - now);
}

}  // namespace hwmx::sctest
