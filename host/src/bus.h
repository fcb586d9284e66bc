// The Bus: 32-bit register reads and writes plus per-context interrupt waits, as a CPU sees an
// AXI4-Lite slave. It knows nothing of mutexes; the engine client above it owns the register
// protocol. Implementations: SimBus (the simulated engine inside the process), UioBus (a board
// through Linux UIO).
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace hwmx::host {

/// Outcome of one read transaction. `error` is an AXI SLVERR/DECERR (the data is then meaningless).
struct BusRead {
  std::uint32_t data = 0;
  bool error = false;
};

/// Transactions issued through this bus since it was created, and simulated clock cycles
/// (0 on real hardware).
struct BusStats {
  std::uint64_t reads = 0;
  std::uint64_t writes = 0;
  std::uint64_t cycles = 0;
};

/// When a wait gives up. Relative timeouts run on the monotonic clock (they ignore changes to the
/// system clock); absolute ones on the system clock (they follow it), as KeWaitForSingleObject's.
class Deadline {
 public:
  using SteadyTime = std::chrono::steady_clock::time_point;
  using SystemTime = std::chrono::system_clock::time_point;

  static Deadline never() { return Deadline{}; }
  static Deadline at(SteadyTime t) {
    Deadline d;
    d.kind_ = Kind::Steady;
    d.steady_ = t;
    return d;
  }
  static Deadline at(SystemTime t) {
    Deadline d;
    d.kind_ = Kind::System;
    d.system_ = t;
    return d;
  }

  bool is_never() const { return kind_ == Kind::Never; }
  bool expired() const {
    switch (kind_) {
      case Kind::Steady:
        return std::chrono::steady_clock::now() >= steady_;
      case Kind::System:
        return std::chrono::system_clock::now() >= system_;
      case Kind::Never:
        break;
    }
    return false;
  }
  /// Waits on `cv` with `lock` until `pred()` or the deadline; returns pred().
  template <class CondVar, class Lock, class Pred>
  bool wait(CondVar& cv, Lock& lock, Pred pred) const {
    switch (kind_) {
      case Kind::Steady:
        return cv.wait_until(lock, steady_, pred);
      case Kind::System:
        return cv.wait_until(lock, system_, pred);
      case Kind::Never:
        break;
    }
    cv.wait(lock, pred);
    return true;
  }

 private:
  enum class Kind { Never, Steady, System };
  Kind kind_ = Kind::Never;
  SteadyTime steady_{};
  SystemTime system_{};
};

/// The engine's interrupt registers, for a bus that sees only the OR of the context lines (a
/// board's single IRQ through UIO). Provided by the engine client, which owns the register map.
class IrqRegisters {
 public:
  virtual ~IrqRegisters() = default;
  /// Number of contexts (bits) the lines cover.
  virtual unsigned irq_contexts() const = 0;
  /// Fills `lines` (one bit per context, 32 per word) with the contexts whose line is high.
  virtual void read_lines(std::uint32_t* lines, unsigned words) = 0;
  /// Whether the context has a grant interrupt pending, masked or not.
  virtual bool irq_pending(unsigned ctx) = 0;
  /// Masks or unmasks the context's line.
  virtual void set_irq_enabled(unsigned ctx, bool enabled) = 0;
};

class Bus {
 public:
  virtual ~Bus() = default;

  /// Called by the engine client once it knows the engine's configuration. Buses that see every
  /// context's line directly (SimBus) ignore it.
  virtual void attach_irq_registers(IrqRegisters* regs) { (void)regs; }

  virtual BusRead read32(std::uint32_t addr) = 0;
  /// Returns false on a bus error response.
  virtual bool write32(std::uint32_t addr, std::uint32_t data) = 0;

  /// Blocks the calling thread until the interrupt line of context `ctx` is high or `deadline`
  /// passes; returns whether the line is high. Returns at once if it already is. Spurious
  /// returns are not possible: true means the line was seen high.
  virtual bool wait_irq(unsigned ctx, const Deadline& deadline) = 0;

  virtual BusStats stats() const = 0;
  /// Human-readable name of the backend ("sim (Verilated RTL, 256 slots x 64 contexts)", ...).
  virtual std::string describe() const = 0;
};

}  // namespace hwmx::host
