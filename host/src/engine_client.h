// EngineClient: the hwmx register protocol, in one place. It turns slot and context ids into
// addresses of the generated register map, issues the one-transaction operations, decodes the
// result words and runs the multi-transaction sequences (inspection, 64-bit counters). Nothing
// above it knows an address; nothing below it (the Bus) knows what a mutex is.
#pragma once

#include <cstdint>
#include <mutex>

#include "bus.h"

namespace hwmx::host {

/// Result codes of the engine's operations (result_t.CODE), plus BusError for a transaction the
/// bus refused (SLVERR), which the engine never answers to a well-formed operation.
enum class Rc : std::uint8_t {
  Granted,
  Queued,
  Busy,
  Released,
  Handoff,
  Cancelled,
  AlreadyGranted,
  Done,
  None,
  ErrBadSlot,
  ErrNotOwner,
  ErrAlreadyOwned,
  ErrRecursionLimit,
  ErrAlreadyWaiting,
  ErrNoResource,
  ErrBadCtx,
  ErrSlotBusy,
  ErrNotWaiting,
  ErrCtxBusy,
  BusError,
  Unknown,
};

const char* rc_name(Rc rc);

/// A decoded result word.
struct OpResult {
  Rc rc = Rc::Unknown;
  bool abandoned = false;     // GRANTED/ALREADY_GRANTED: previous owner abandoned the slot
  std::uint8_t priority = 0;  // GRANTED/ALREADY_GRANTED: the priority the new owner runs at
  std::uint16_t value = 0;    // see the register map: count, length, context, slot or id
  std::uint32_t raw = 0;

  bool is_error() const { return rc >= Rc::ErrBadSlot; }
};

/// One slot as the inspection registers show it.
struct SlotInfo {
  bool allocated = false;
  bool recursive = false;
  bool priority_policy = false;
  bool owned = false;
  bool abandoned = false;
  unsigned owner = 0;  // context, when owned
  unsigned count = 0;  // recursion count (0 = held once)
  unsigned waiters = 0;
};

/// The engine's statistics counters.
struct EngineCounters {
  std::uint64_t acquires = 0, contended = 0, handoffs = 0, errors = 0;
  std::uint32_t max_queue_depth = 0;
};

enum class SlotType : std::uint8_t { Exclusive, Recursive };
enum class QueuePolicy : std::uint8_t { Fifo, Priority };

class EngineClient final : public IrqRegisters {
 public:
  static constexpr std::uint32_t kIdentity = 0x484D5831u;  // ASCII "HMX1"

  explicit EngineClient(Bus& bus) : bus_(bus) {}

  Bus& bus() { return bus_; }

  /// Reads ID and CONFIG. Returns false when the device does not answer as an hwmx engine.
  bool probe();
  unsigned num_mutex() const { return num_mutex_; }
  unsigned num_ctx() const { return num_ctx_; }
  /// Deepest recursion of a recursive slot: the engine's count width (16 bits: 65536 holds).
  static constexpr unsigned kMaxHolds = 0x10000;

  // Context operations: one read each.
  OpResult acquire(unsigned ctx, unsigned slot) { return act(ctx, kAcquire, slot); }
  OpResult try_acquire(unsigned ctx, unsigned slot) { return act(ctx, kTry, slot); }
  OpResult release(unsigned ctx, unsigned slot) { return act(ctx, kRelease, slot); }
  OpResult cancel(unsigned ctx);
  OpResult take_grant(unsigned ctx);
  /// Blocks until `ctx`'s grant interrupt is up or the deadline passes.
  bool wait_grant(unsigned ctx, const Deadline& deadline) { return bus_.wait_irq(ctx, deadline); }

  // Control operations.
  OpResult alloc_slot(SlotType type, QueuePolicy policy);
  OpResult init_slot(unsigned slot, SlotType type, QueuePolicy policy);
  OpResult free_slot(unsigned slot);
  OpResult alloc_ctx();
  OpResult free_ctx(unsigned ctx);
  OpResult abandon(unsigned ctx);

  /// Enables the context's grant interrupt and sets its priority: what a freshly allocated
  /// context needs before its first wait (ALLOC_CTX leaves both at 0).
  bool setup_ctx(unsigned ctx, unsigned priority);
  /// CTX.PRIORITY: the priority the engine uses for PRIORITY-policy queues and the boost rule.
  bool set_priority(unsigned ctx, unsigned priority);

  /// INSPECT_SLOT then the three inspection registers, atomically with respect to other
  /// inspections (the selector is global). Not atomic with respect to operations.
  SlotInfo inspect(unsigned slot);
  EngineCounters counters();

  // IrqRegisters (for buses that see only the OR of the lines).
  unsigned irq_contexts() const override { return num_ctx_; }
  void read_lines(std::uint32_t* lines, unsigned words) override;
  bool irq_pending(unsigned ctx) override;
  void set_irq_enabled(unsigned ctx, bool enabled) override;

 private:
  enum Window : std::uint8_t { kAcquire, kTry, kRelease };
  OpResult act(unsigned ctx, Window w, unsigned slot);
  OpResult ctrl(std::uint32_t window_offset, unsigned arg);
  OpResult decode(BusRead r) const;
  std::uint64_t read_counter64(std::uint32_t lo, std::uint32_t hi);

  Bus& bus_;
  unsigned num_mutex_ = 0;
  unsigned num_ctx_ = 0;
  std::mutex inspect_mu_;
};

}  // namespace hwmx::host
