#include "backend.h"

#include <cctype>

namespace hwmx::host {
namespace {

BackendResult invalid(std::string_view spec, const char* why) {
  BackendResult r;
  r.status = STATUS_INVALID_PARAMETER;
  r.message = "bad hwmx device spec \"" + std::string(spec) + "\": " + why +
              ". Valid forms: " + kDeviceSpecForms + ".";
  return r;
}

bool is_uio_node(std::string_view path) {
  constexpr std::string_view prefix = "/dev/uio";
  if (path.substr(0, prefix.size()) != prefix || path.size() == prefix.size()) return false;
  for (char c : path.substr(prefix.size())) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

}  // namespace

BackendResult open_backend(std::string_view spec) {
  if (spec == "sim") return open_sim_backend();
  if (spec.empty()) return invalid(spec, "the spec is empty");
  if (spec.substr(0, 7) == "remote:") {
    const std::string_view path = spec.substr(7);
    if (path.empty()) return invalid(spec, "\"remote:\" needs the daemon's socket path");
    return open_remote_backend(std::string(path));
  }
  if (spec.substr(0, 4) == "uio:") {
    const std::string_view node = spec.substr(4);
    if (!is_uio_node(node)) return invalid(spec, "\"uio:\" needs a node named /dev/uio<N>");
    return open_uio_backend(std::string(node));
  }
  return invalid(spec, "unknown backend");
}

}  // namespace hwmx::host
