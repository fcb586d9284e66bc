// The register-level view of an hwmx engine: 32-bit AXI4-Lite reads and writes plus the interrupt
// lines. Implemented by the Verilated RTL (sim/) and by the C++ reference model (tb/model/), so
// the same tests, the differential checker and the host's simulation bus run against either.
#pragma once

#include <cstdint>

namespace hwmx {

/// AXI4-Lite response codes (AXI encoding).
enum class AxiResp : std::uint8_t { Okay = 0, ExOkay = 1, SlvErr = 2, DecErr = 3 };

struct ReadResult {
  std::uint32_t data = 0;
  AxiResp resp = AxiResp::Okay;
  bool operator==(const ReadResult&) const = default;
};

class RegisterDevice {
 public:
  virtual ~RegisterDevice() = default;

  /// One complete AXI4-Lite read transaction (address handshake to response handshake).
  virtual ReadResult read(std::uint32_t addr) = 0;
  /// One complete AXI4-Lite write transaction; `strb` is WSTRB.
  virtual AxiResp write(std::uint32_t addr, std::uint32_t data, std::uint8_t strb = 0xF) = 0;

  /// Level interrupt of one context (INTR_STATE & INTR_ENABLE) and their OR.
  virtual bool irq_ctx(unsigned ctx) const = 0;
  virtual bool irq() const = 0;

  virtual unsigned num_mutex() const = 0;
  virtual unsigned num_ctx() const = 0;

  /// Clock cycles simulated since construction; 0 for untimed implementations.
  virtual std::uint64_t cycles() const = 0;
};

}  // namespace hwmx
