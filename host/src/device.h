// The process's hwmx device: the Bus chosen once per process (HwmxOpenDevice, else HWMX_DEVICE at
// first use, else "sim"), its EngineClient, and the host-side tables that tie engine ids to host
// objects: which mutex structure each slot is bound to, which thread each context is bound to.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

#include "bus.h"
#include "engine_client.h"
#include "hwmx/wdm.h"

namespace hwmx::host {

class KThread;

class Device {
 public:
  /// The open device, opening the default one on first use. nullptr if that fails; the failure
  /// has then been reported through the fault handler (a raised status naming the cause).
  static Device* get() {
    Device* d = instance_.load(std::memory_order_acquire);
    return d ? d : open_default();
  }
  /// The device if it is already open, without opening it.
  static Device* get_if_open() { return instance_.load(std::memory_order_acquire); }
  /// HwmxOpenDevice.
  static NTSTATUS open(const char* spec);

  EngineClient& engine() { return engine_; }
  unsigned num_mutex() const { return engine_.num_mutex(); }
  unsigned num_ctx() const { return engine_.num_ctx(); }
  const std::string& spec() const { return spec_; }

  /// The object a slot is bound to (its address), 0 when none. Written by the initialize and
  /// free routines only.
  std::uintptr_t slot_object(unsigned slot) const {
    return slot < num_mutex() ? slot_objects_[slot].load(std::memory_order_acquire) : 0;
  }
  void set_slot_object(unsigned slot, std::uintptr_t obj) {
    slot_objects_[slot].store(obj, std::memory_order_release);
  }

  /// The thread a context is bound to, nullptr when none.
  KThread* ctx_thread(unsigned ctx) const {
    return ctx < num_ctx() ? ctx_threads_[ctx].load(std::memory_order_acquire) : nullptr;
  }
  void set_ctx_thread(unsigned ctx, KThread* t) {
    ctx_threads_[ctx].store(t, std::memory_order_release);
  }

  /// HwmxQueryStatistics: engine and bus counters minus their values at open.
  void statistics(HWMX_STATISTICS& out);

 private:
  Device(std::unique_ptr<Bus> bus, std::string spec);
  static Device* open_default();
  static NTSTATUS open_locked(const std::string& spec, std::string& message);

  static std::atomic<Device*> instance_;

  std::unique_ptr<Bus> bus_;
  EngineClient engine_;
  std::string spec_;
  std::unique_ptr<std::atomic<std::uintptr_t>[]> slot_objects_;
  std::unique_ptr<std::atomic<KThread*>[]> ctx_threads_;
  EngineCounters base_counters_;
  BusStats base_bus_;
};

}  // namespace hwmx::host
