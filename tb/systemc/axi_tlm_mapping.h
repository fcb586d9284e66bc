// What a TLM generic payload means on an AXI4-Lite port, shared by the pin-level bridge and the
// model target so that both targets refuse the same payloads with the same status and map bus
// responses identically (the libsystemctlm-soc convention: OKAY -> TLM_OK_RESPONSE, SLVERR ->
// TLM_GENERIC_ERROR_RESPONSE, DECERR -> TLM_ADDRESS_ERROR_RESPONSE).
#pragma once

#include <cstdint>
#include <tlm>

namespace hwmx::sctest {

/// AXI RRESP/BRESP encodings.
enum : unsigned { kAxiOkay = 0, kAxiExOkay = 1, kAxiSlvErr = 2, kAxiDecErr = 3 };

inline tlm::tlm_response_status axi_to_tlm(unsigned resp) {
  switch (resp & 3u) {
    case kAxiSlvErr:
      return tlm::TLM_GENERIC_ERROR_RESPONSE;
    case kAxiDecErr:
      return tlm::TLM_ADDRESS_ERROR_RESPONSE;
    default:  // OKAY; EXOKAY cannot occur on AXI4-Lite and is flagged by the protocol checker.
      return tlm::TLM_OK_RESPONSE;
  }
}

/// Checks that a payload is one AXI4-Lite beat: no burst (all bytes inside one bus word, no
/// streaming), an address that fits the port. Returns TLM_INCOMPLETE_RESPONSE when it may go to
/// the pins, else the error status to answer without any bus activity.
inline tlm::tlm_response_status axilite_admissible(const tlm::tlm_generic_payload& t,
                                                   unsigned addr_width, unsigned bus_bytes) {
  const std::uint64_t addr = t.get_address();
  const unsigned len = t.get_data_length();
  if (addr_width < 64 && (addr >> addr_width) != 0) return tlm::TLM_ADDRESS_ERROR_RESPONSE;
  if (len == 0 || t.get_streaming_width() < len) return tlm::TLM_BURST_ERROR_RESPONSE;
  if ((addr % bus_bytes) + len > bus_bytes) return tlm::TLM_BURST_ERROR_RESPONSE;
  if (t.get_command() == tlm::TLM_IGNORE_COMMAND) return tlm::TLM_COMMAND_ERROR_RESPONSE;
  return tlm::TLM_INCOMPLETE_RESPONSE;
}

/// Byte lanes a write touches: the payload's bytes inside the bus word, minus disabled bytes.
inline unsigned axilite_strobe(const tlm::tlm_generic_payload& t, unsigned bus_bytes) {
  const unsigned first = static_cast<unsigned>(t.get_address() % bus_bytes);
  const unsigned char* be = t.get_byte_enable_ptr();
  const unsigned be_len = t.get_byte_enable_length();
  unsigned strb = 0;
  for (unsigned i = 0; i < t.get_data_length(); ++i) {
    if (be != nullptr && be_len != 0 && be[i % be_len] != TLM_BYTE_ENABLED) continue;
    strb |= 1u << (first + i);
  }
  return strb;
}

}  // namespace hwmx::sctest
