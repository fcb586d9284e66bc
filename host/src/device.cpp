#include "device.h"

#include <cstdio>
#include <cstdlib>
#include <mutex>

#include "backend.h"
#include "fault.h"

namespace hwmx::host {
namespace {

// Serializes opening. Leaked on purpose, like the device itself: threads exiting during process
// exit still return their contexts, so nothing the device needs may be destroyed before them.
std::mutex& open_mutex() {
  static std::mutex* m = new std::mutex;
  return *m;
}

}  // namespace

std::atomic<Device*> Device::instance_{nullptr};

Device::Device(std::unique_ptr<Bus> bus, std::string spec)
    : bus_(std::move(bus)), engine_(*bus_), spec_(std::move(spec)) {}

NTSTATUS Device::open_locked(const std::string& spec, std::string& message) {
  BackendResult b = open_backend(spec);
  if (!NT_SUCCESS(b.status)) {
    message = std::move(b.message);
    return b.status;
  }
  std::unique_ptr<Device> d(new Device(std::move(b.bus), spec));
  if (!d->engine_.probe()) {
    message = "the device \"" + spec + "\" (" + d->bus_->describe() +
              ") does not identify as an hwmx engine (ID register is not 'HMX1' or its "
              "configuration is unusable)";
    return STATUS_NO_SUCH_DEVICE;
  }
  d->slot_objects_ = std::make_unique<std::atomic<std::uintptr_t>[]>(d->num_mutex());
  d->ctx_threads_ = std::make_unique<std::atomic<KThread*>[]>(d->num_ctx());
  d->base_counters_ = d->engine_.counters();
  d->base_bus_ = d->bus_->stats();
  instance_.store(d.release(), std::memory_order_release);
  return STATUS_SUCCESS;
}

Device* Device::open_default() {
  std::string message;
  NTSTATUS status;
  std::string spec;
  {
    std::lock_guard lock(open_mutex());
    if (Device* d = instance_.load(std::memory_order_acquire)) return d;
    const char* env = std::getenv("HWMX_DEVICE");
    spec = env ? env : "sim";
    status = open_locked(spec, message);
    if (NT_SUCCESS(status)) return instance_.load(std::memory_order_acquire);
  }
  fault::raise(status, fault::Params{}, "cannot open the hwmx device \"%s\"%s: %s", spec.c_str(),
               std::getenv("HWMX_DEVICE") ? " (from HWMX_DEVICE)" : "", message.c_str());
  return nullptr;
}

NTSTATUS Device::open(const char* spec_c) {
  if (spec_c == nullptr) {
    std::fprintf(stderr,
                 "hwmx: HwmxOpenDevice(NULL): a device spec is required. Valid forms: %s.\n",
                 kDeviceSpecForms);
    return STATUS_INVALID_PARAMETER;
  }
  const std::string spec = spec_c;
  std::string message;
  NTSTATUS status;
  {
    std::lock_guard lock(open_mutex());
    if (Device* d = instance_.load(std::memory_order_acquire)) {
      if (d->spec_ == spec) return STATUS_SUCCESS;
      message = "the device \"" + d->spec_ +
                "\" is already open in this process (the device is chosen once, before first "
                "use: call HwmxOpenDevice before any other hwmx routine)";
      status = STATUS_INVALID_PARAMETER;
    } else {
      status = open_locked(spec, message);
      if (NT_SUCCESS(status)) return status;
    }
  }
  std::fprintf(stderr, "hwmx: HwmxOpenDevice(\"%s\") failed (0x%08X, %s): %s\n", spec.c_str(),
               static_cast<unsigned>(status), fault::status_name(status), message.c_str());
  return status;
}

void Device::statistics(HWMX_STATISTICS& out) {
  const EngineCounters c = engine_.counters();
  const BusStats b = bus_->stats();
  out.Acquires = c.acquires - base_counters_.acquires;
  out.ContendedAcquires = c.contended - base_counters_.contended;
  out.Handoffs = c.handoffs - base_counters_.handoffs;
  out.Errors = c.errors - base_counters_.errors;
  out.MaxQueueDepth = c.max_queue_depth;
  out.BusReads = b.reads - base_bus_.reads;
  out.BusWrites = b.writes - base_bus_.writes;
  out.SimCycles = b.cycles - base_bus_.cycles;
}

}  // namespace hwmx::host

extern "C" NTSTATUS HwmxOpenDevice(PCSTR Spec) { return hwmx::host::Device::open(Spec); }
