// The default backend: the Verilated RTL of the engine (256 slots x 64 contexts) inside the
// process, behind a SimBus. HWMX_TRACE=FILE writes a VCD waveform of the whole run.
#include <cstdlib>
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

// The device lives until the process ends and is never destroyed (threads exiting late still
// return their contexts through it), so a waveform would never be flushed: with tracing on, the
// model is closed at exit instead.
SimBus* g_traced_bus = nullptr;
void close_traced_bus() {
  if (g_traced_bus) g_traced_bus->close();
}

}  // namespace

BackendResult open_sim_backend() {
  BackendResult r;
  sim::RtlOptions options;
  if (const char* trace = std::getenv("HWMX_TRACE"); trace && *trace) options.trace_file = trace;
  try {
    std::unique_ptr<sim::RtlDevice> rtl = sim::make_rtl_default(options);
    sim::RtlDevice* raw = rtl.get();
    std::string name = "sim (Verilated RTL '" + rtl->config_name() + "', " +
                       std::to_string(rtl->num_mutex()) + " slots x " +
                       std::to_string(rtl->num_ctx()) + " contexts)";
    if (!options.trace_file.empty()) name += ", waveform " + options.trace_file;
    auto bus = std::make_unique<SimBus>(
        std::move(rtl), [raw](std::uint64_t n) { raw->idle(n); }, kIrqLatencyCycles, name);
    if (!options.trace_file.empty()) {
      g_traced_bus = bus.get();
      std::atexit(&close_traced_bus);
    }
    r.bus = std::move(bus);
  } catch (const std::exception& e) {
    r.status = options.trace_file.empty() ? STATUS_NO_SUCH_DEVICE : STATUS_INVALID_PARAMETER;
    r.message = std::string("cannot start the simulated hwmx engine: ") + e.what();
  }
  return r;
}

}  // namespace hwmx::host
