// "remote:PATH": the client of the hwmx-simd co-simulation daemon. The daemon and its protocol
// are not part of this build yet, so this backend only tells the user so, distinguishing a
// socket that is not there (daemon not running) from one that answers.
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "backend.h"

namespace hwmx::host {

BackendResult open_remote_backend(const std::string& socket_path) {
  BackendResult r;
  r.status = STATUS_DEVICE_NOT_CONNECTED;
  sockaddr_un addr{};
  if (socket_path.size() >= sizeof addr.sun_path) {
    r.status = STATUS_INVALID_PARAMETER;
    r.message = "socket path \"" + socket_path + "\" is too long for a Unix socket (at most " +
                std::to_string(sizeof addr.sun_path - 1) + " bytes)";
    return r;
  }
  addr.sun_family = AF_UNIX;
  std::memcpy(addr.sun_path, socket_path.c_str(), socket_path.size() + 1);
  const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) {
    r.message = std::string("cannot create a Unix socket: ") + std::strerror(errno);
    return r;
  }
  const int rc = ::connect(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr);
  const int err = errno;
  ::close(fd);
  if (rc != 0) {
    r.message = "cannot connect to the hwmx-simd co-simulation daemon at \"" + socket_path +
                "\" (" + std::strerror(err) +
                "): the daemon is not running there. Note that hwmx-simd and the remote backend "
                "are not part of this build yet; use HWMX_DEVICE=sim (the default).";
  } else {
    r.message = "\"" + socket_path +
                "\" accepts connections, but the remote (hwmx-simd) backend is not part of this "
                "build yet; use HWMX_DEVICE=sim (the default).";
  }
  return r;
}

}  // namespace hwmx::host
