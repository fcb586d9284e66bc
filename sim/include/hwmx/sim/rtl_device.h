// The Verilated hwmx_top behind the RegisterDevice interface: a cycle-accurate AXI4-Lite driver.
// Each compiled configuration (sim/CMakeLists.txt: hwmx_add_rtl_model) provides a factory.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "hwmx/sim/register_device.h"

namespace hwmx::sim {

struct RtlOptions {
  /// Write a VCD waveform of the whole run to this file (empty: no waveform). Only models built
  /// with TRACE support it; others throw std::runtime_error when asked.
  std::string trace_file;
};

class RtlDevice : public RegisterDevice {
 public:
  /// Cycles from the address handshake to the response handshake of the last transaction.
  virtual std::uint64_t last_latency() const = 0;
  /// Cycle number (since construction) of the last transaction's response handshake.
  virtual std::uint64_t last_response_cycle() const = 0;
  /// Runs idle clock cycles until irq_ctx(ctx) is high, at most `limit`; returns the number of
  /// cycles run, or `limit + 1` if the line never rose.
  virtual std::uint64_t run_until_irq(unsigned ctx, std::uint64_t limit) = 0;
  /// Runs `n` idle clock cycles.
  virtual void idle(std::uint64_t n) = 0;
  /// Name of the configuration ("default", "tiny", "large").
  virtual std::string config_name() const = 0;
};

// Factories of the configurations built by sim/CMakeLists.txt (link hwmx_rtl_<name>).
std::unique_ptr<RtlDevice> make_rtl_default(const RtlOptions& options = {});  // 256 x 64, TRACE
std::unique_ptr<RtlDevice> make_rtl_tiny(const RtlOptions& options = {});     // 4 x 4
std::unique_ptr<RtlDevice> make_rtl_large(const RtlOptions& options = {});    // 4096 x 256

}  // namespace hwmx::sim
