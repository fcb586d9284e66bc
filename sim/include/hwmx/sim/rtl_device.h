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
  /// Write the Verilator coverage data of the run (verilator_coverage's input) to this file when
  /// the device is destroyed (empty: none). Only models built with COVERAGE (the *_cov models of
  /// an HWMX_COVERAGE build) support it; others throw std::runtime_error when asked.
  std::string coverage_file;
  /// Response backpressure: after RVALID/BVALID rises, RREADY/BREADY stay low for a
  /// pseudo-random 0..response_stall_max cycles (a fixed sequence), so the slave must hold its
  /// response. 0 (default): READY is high throughout, like a master that never stalls.
  /// last_latency() includes the stall.
  unsigned response_stall_max = 0;
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
// Line-coverage builds (only with -DHWMX_COVERAGE=ON; link hwmx_rtl_<name>_cov and no plain
// model: the Verilator runtime is compiled differently).
std::unique_ptr<RtlDevice> make_rtl_tiny_cov(const RtlOptions& options = {});     // 4 x 4
std::unique_ptr<RtlDevice> make_rtl_default_cov(const RtlOptions& options = {});  // 256 x 64

}  // namespace hwmx::sim
