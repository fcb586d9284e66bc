// "uio:/dev/uioN": an engine on a board, through Linux UIO.
#include <sys/stat.h>

#include <cerrno>
#include <cstring>

#include "backend.h"

namespace hwmx::host {

BackendResult open_uio_backend(const std::string& node) {
  BackendResult r;
  struct stat st {};
  if (::stat(node.c_str(), &st) != 0) {
    r.status = STATUS_NO_SUCH_DEVICE;
    r.message = "no UIO device node \"" + node + "\" (" + std::strerror(errno) +
                "): is the board's UIO driver loaded and the engine bound to it? "
                "(ls /sys/class/uio lists the nodes)";
    return r;
  }
  r.status = STATUS_DEVICE_NOT_CONNECTED;
  r.message = "\"" + node + "\" exists, but the UIO backend is not part of this build yet";
  return r;
}

}  // namespace hwmx::host
