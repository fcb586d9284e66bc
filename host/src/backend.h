// Backend selection: turns a device spec ("sim", "remote:PATH", "uio:/dev/uioN") into a Bus, or
// into an error status with a message that says what was wrong and what to do.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "bus.h"
#include "hwmx/wdm.h"

namespace hwmx::host {

struct BackendResult {
  std::unique_ptr<Bus> bus;
  NTSTATUS status = STATUS_SUCCESS;
  std::string message;  // why it failed (empty on success)
};

/// The valid forms, for error messages.
inline constexpr const char* kDeviceSpecForms =
    "\"sim\" (the Verilated engine inside this process, the default), \"remote:/path/to/socket\" "
    "(the hwmx-simd co-simulation daemon) or \"uio:/dev/uioN\" (a board through Linux UIO)";

BackendResult open_backend(std::string_view spec);

// One factory per backend (sim_backend.cpp, uio_bus.cpp, remote_backend.cpp).
BackendResult open_sim_backend();
BackendResult open_uio_backend(const std::string& node);
BackendResult open_remote_backend(const std::string& socket_path);

}  // namespace hwmx::host
