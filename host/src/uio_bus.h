// UioBus: the Bus over an engine on a board, through Linux UIO. The register window is mmap()ed
// from the UIO node; the engine's single IRQ is waited for with read() on the node's fd and
// re-enabled by writing 1 to it (the generic-uio protocol). An interrupt thread dispatches each
// interrupt to the threads waiting for the contexts whose lines are high. The library owns the
// ack/re-enable sequence: the lines it dispatched are masked in the engine until their thread
// waits again, so a level interrupt that nobody has consumed yet cannot fire in a loop.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "bus.h"

namespace hwmx::host {

class UioBus final : public Bus {
 public:
  /// `irq_fd`: read() blocks until the next interrupt (4-byte count); writing a 4-byte 1
  /// re-enables it. `regs`/`size`: the mapped register window. `release` unmaps and closes them
  /// when the bus is destroyed.
  UioBus(int irq_fd, volatile std::uint32_t* regs, std::size_t size, std::function<void()> release,
         std::string name);
  ~UioBus() override;

  BusRead read32(std::uint32_t addr) override;
  bool write32(std::uint32_t addr, std::uint32_t data) override;
  bool wait_irq(unsigned ctx, const Deadline& deadline) override;
  BusStats stats() const override;
  std::string describe() const override { return name_; }
  void attach_irq_registers(IrqRegisters* regs) override;

 private:
  struct Waiter {
    std::condition_variable cv;
    bool waiting = false;
    bool raised = false;
    bool masked = false;  // the dispatcher masked this context's line
  };

  void dispatch();  // the interrupt thread
  void enable_irq();

  int irq_fd_;
  int stop_fd_ = -1;
  volatile std::uint32_t* regs_;
  std::size_t size_;
  std::function<void()> release_;
  std::string name_;

  std::mutex mu_;  // waiters and the dispatcher
  IrqRegisters* irq_ = nullptr;
  std::unique_ptr<Waiter[]> waiters_;
  unsigned num_ctx_ = 0;
  std::vector<std::uint32_t> lines_;
  std::thread thread_;

  mutable std::mutex stats_mu_;
  std::uint64_t reads_ = 0, writes_ = 0;
};

}  // namespace hwmx::host
