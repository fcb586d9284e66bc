#include "uio_bus.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>

#include "backend.h"

namespace hwmx::host {

UioBus::UioBus(int irq_fd, volatile std::uint32_t* regs, std::size_t size,
               std::function<void()> release, std::string name)
    : irq_fd_(irq_fd),
      stop_fd_(::eventfd(0, EFD_CLOEXEC)),
      regs_(regs),
      size_(size),
      release_(std::move(release)),
      name_(std::move(name)) {}

UioBus::~UioBus() {
  if (thread_.joinable()) {
    const std::uint64_t one = 1;
    (void)!::write(stop_fd_, &one, sizeof one);
    thread_.join();
  }
  if (stop_fd_ >= 0) ::close(stop_fd_);
  if (release_) release_();
}

// Device registers: every access is one volatile 32-bit load or store, fenced so that the
// memory the mutex protects is ordered with the acquire/release operation itself (the engine
// is the only synchronization between the threads).
BusRead UioBus::read32(std::uint32_t addr) {
  if (addr % 4 != 0 || std::size_t{addr} + 4 > size_) return BusRead{0, true};
  std::atomic_thread_fence(std::memory_order_seq_cst);
  const std::uint32_t v = regs_[addr / 4];
  std::atomic_thread_fence(std::memory_order_seq_cst);
  {
    std::lock_guard lock(stats_mu_);
    ++reads_;
  }
  return BusRead{v, false};
}

bool UioBus::write32(std::uint32_t addr, std::uint32_t data) {
  if (addr % 4 != 0 || std::size_t{addr} + 4 > size_) return false;
  std::atomic_thread_fence(std::memory_order_seq_cst);
  regs_[addr / 4] = data;
  std::atomic_thread_fence(std::memory_order_seq_cst);
  std::lock_guard lock(stats_mu_);
  ++writes_;
  return true;
}

BusStats UioBus::stats() const {
  std::lock_guard lock(stats_mu_);
  return BusStats{reads_, writes_, 0};
}

void UioBus::attach_irq_registers(IrqRegisters* regs) {
  std::lock_guard lock(mu_);
  if (irq_ != nullptr) return;
  irq_ = regs;
  num_ctx_ = regs->irq_contexts();
  waiters_ = std::make_unique<Waiter[]>(num_ctx_);
  lines_.assign((num_ctx_ + 31) / 32, 0);
  thread_ = std::thread([this] { dispatch(); });
}

void UioBus::enable_irq() {
  const std::uint32_t one = 1;
  (void)!::write(irq_fd_, &one, sizeof one);
}

void UioBus::dispatch() {
  enable_irq();
  for (;;) {
    pollfd fds[2] = {{irq_fd_, POLLIN, 0}, {stop_fd_, POLLIN, 0}};
    if (::poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      std::fprintf(stderr, "hwmx: %s: poll on the interrupt failed: %s\n", name_.c_str(),
                   std::strerror(errno));
      return;
    }
    if (fds[1].revents != 0) return;
    if (fds[0].revents & (POLLERR | POLLHUP | POLLNVAL)) {
      std::fprintf(stderr, "hwmx: %s: the interrupt file descriptor failed\n", name_.c_str());
      return;
    }
    std::uint32_t count = 0;
    if (::read(irq_fd_, &count, sizeof count) != static_cast<ssize_t>(sizeof count)) continue;
    {
      std::lock_guard lock(mu_);
      irq_->read_lines(lines_.data(), static_cast<unsigned>(lines_.size()));
      for (unsigned w = 0; w < lines_.size(); ++w) {
        for (std::uint32_t bits = lines_[w]; bits != 0; bits &= bits - 1) {
          const unsigned ctx = w * 32 + static_cast<unsigned>(__builtin_ctz(bits));
          if (ctx >= num_ctx_) break;
          // Masked until its thread waits again: the line stays high until that thread takes
          // the grant, and would otherwise interrupt again the moment it is re-enabled.
          irq_->set_irq_enabled(ctx, false);
          Waiter& wt = waiters_[ctx];
          wt.masked = true;
          if (wt.waiting) {
            wt.waiting = false;
            wt.raised = true;
            wt.cv.notify_one();
          }
        }
      }
    }
    enable_irq();
  }
}

bool UioBus::wait_irq(unsigned ctx, const Deadline& deadline) {
  std::unique_lock lock(mu_);
  if (irq_ == nullptr || ctx >= num_ctx_) return false;
  Waiter& w = waiters_[ctx];
  if (w.masked) {
    irq_->set_irq_enabled(ctx, true);
    w.masked = false;
  }
  if (irq_->irq_pending(ctx)) return true;
  w.raised = false;
  w.waiting = true;
  const bool raised = deadline.wait(w.cv, lock, [&] { return w.raised; });
  w.waiting = false;
  w.raised = false;
  return raised;
}

BackendResult open_uio_backend(const std::string& node) {
  BackendResult r;
  const int fd = ::open(node.c_str(), O_RDWR | O_CLOEXEC);
  if (fd < 0) {
    const int err = errno;
    r.status = err == ENOENT || err == ENXIO || err == ENODEV ? STATUS_NO_SUCH_DEVICE
                                                              : STATUS_DEVICE_NOT_CONNECTED;
    r.message = "no UIO device node \"" + node + "\" (" + std::strerror(err) + ")";
    r.message += err == EACCES ? ": run with access to the node (permissions / udev rule)"
                               : ": is the board's UIO driver loaded and the engine bound to "
                                 "it? (ls /sys/class/uio lists the nodes)";
    return r;
  }
  // The register window is the node's map0; its size is published in sysfs.
  const std::string name = node.substr(node.find_last_of('/') + 1);
  std::ifstream size_file("/sys/class/uio/" + name + "/maps/map0/size");
  unsigned long long size = 0;
  if (!(size_file >> std::hex >> size) || size == 0) {
    ::close(fd);
    r.status = STATUS_DEVICE_NOT_CONNECTED;
    r.message = "\"" + node + "\" has no memory map (/sys/class/uio/" + name +
                "/maps/map0/size): the UIO device does not expose the engine's registers";
    return r;
  }
  void* regs = ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  if (regs == MAP_FAILED) {
    const int err = errno;
    ::close(fd);
    r.status = STATUS_DEVICE_NOT_CONNECTED;
    r.message = "cannot map the registers of \"" + node + "\" (" + std::strerror(err) + ")";
    return r;
  }
  r.bus = std::make_unique<UioBus>(
      fd, static_cast<volatile std::uint32_t*>(regs), size,
      [fd, regs, size] {
        ::munmap(regs, size);
        ::close(fd);
      },
      "uio (" + node + ")");
  return r;
}

}  // namespace hwmx::host
