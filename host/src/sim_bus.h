// SimBus: the Bus over a simulated engine (a hwmx::RegisterDevice) inside the process. One model,
// one bus: transactions are serialized by a mutex and driven by the calling thread (there is no
// free-running clock thread). After each transaction the interrupt lines of the contexts that
// threads are waiting for are checked, and those threads are woken at once.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "bus.h"
#include "hwmx/sim/register_device.h"

namespace hwmx::host {

class SimBus final : public Bus {
 public:
  /// Runs `n` idle clock cycles of the device (empty for untimed models).
  using IdleFn = std::function<void(std::uint64_t n)>;

  /// `irq_latency` bounds the cycles between a transaction's response and the interrupt it
  /// raises (the engine's handoff latency); the bus clocks the device that long before it looks at
  /// the interrupt lines, but only when some thread is waiting for one.
  SimBus(std::unique_ptr<RegisterDevice> device, IdleFn idle, unsigned irq_latency,
         std::string name);
  ~SimBus() override;

  BusRead read32(std::uint32_t addr) override;
  bool write32(std::uint32_t addr, std::uint32_t data) override;
  bool wait_irq(unsigned ctx, const Deadline& deadline) override;
  BusStats stats() const override;
  std::string describe() const override { return name_; }

  /// Destroys the device (which flushes and closes a waveform being written). Later
  /// transactions answer bus errors. For process exit only.
  void close();

 private:
  struct Waiter {
    std::condition_variable cv;
    bool waiting = false;  // registered: the bus checks this context's line after transactions
    bool raised = false;   // the line was seen high while waiting
  };

  void after_transaction();  // mu_ held
  void settle();             // mu_ held

  mutable std::mutex mu_;
  std::unique_ptr<RegisterDevice> device_;
  IdleFn idle_;
  unsigned irq_latency_;
  std::string name_;
  std::unique_ptr<Waiter[]> waiters_;
  unsigned num_ctx_;
  std::vector<unsigned> waiting_;  // contexts with waiting == true (small, unordered)
  bool settled_ = true;            // irq_latency_ cycles have run since the last transaction
  std::uint64_t reads_ = 0, writes_ = 0;
  std::uint64_t closed_cycles_ = 0;
};

}  // namespace hwmx::host
