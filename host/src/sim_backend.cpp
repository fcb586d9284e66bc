// The default backend: the Verilated RTL of the engine (256 slots x 64 contexts) inside the
// process, behind a SimBus.
#include <exception>
#include <string>

#include "backend.h"
#include "hwmx/sim/rtl_device.h"
#include "sim_bus.h"

namespace hwmx::host {
namespace {

// The engine raises a grant interrupt at most 4 cycles after the response of the releasing read
// (docs/engine.md, "Timing"); the bus clocks the model that long before it looks at the lines.
constexpr unsigned kIrqLatencyCycles = 4;

}  // namespace

BackendResult open_sim_backend() {
  BackendResult r;
  try {
    std::unique_ptr<sim::RtlDevice> rtl = sim::make_rtl_default();
    sim::RtlDevice* raw = rtl.get();
    const std::string name = "sim (Verilated RTL '" + rtl->config_name() + "', " +
                             std::to_string(rtl->num_mutex()) + " slots x " +
                             std::to_string(rtl->num_ctx()) + " contexts)";
    r.bus = std::make_unique<SimBus>(
        std::move(rtl), [raw](std::uint64_t n) { raw->idle(n); }, kIrqLatencyCycles, name);
  } catch (const std::exception& e) {
    r.status = STATUS_NO_SUCH_DEVICE;
    r.message = std::string("cannot start the simulated hwmx engine: ") + e.what();
  }
  return r;
}

}  // namespace hwmx::host
