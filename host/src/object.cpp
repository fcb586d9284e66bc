#include "object.h"

#include <random>

#include "fault.h"

namespace hwmx::host {
namespace {

// A per-process key mixed into every checksum, so that stale memory from another process or run
// (or a structure copied between processes through shared memory) never looks initialized.
std::uint64_t process_key() {
  static const std::uint64_t key = [] {
    std::random_device rd;
    return (static_cast<std::uint64_t>(rd()) << 32) ^ rd() ^ 0x9E3779B97F4A7C15ull;
  }();
  return key;
}

std::uint64_t mix(std::uint64_t x) {  // splitmix64 finalizer
  x ^= x >> 30;
  x *= 0xBF58476D1CE4E5B9ull;
  x ^= x >> 27;
  x *= 0x94D049BB133111EBull;
  x ^= x >> 31;
  return x;
}

std::uint64_t checksum(ULONG signature, ULONG slot, std::uintptr_t addr) {
  return mix((static_cast<std::uint64_t>(signature) << 32 | slot) ^ mix(addr ^ process_key()));
}

bool is_kind(ULONG signature) {
  return signature == static_cast<ULONG>(Kind::KMutex) ||
         signature == static_cast<ULONG>(Kind::FastMutex) ||
         signature == static_cast<ULONG>(Kind::GuardedMutex);
}

void bad(const char* routine, const void* obj, ULONG reason, const char* what) {
  fault::raise(STATUS_INVALID_PARAMETER,
               fault::Params{reinterpret_cast<ULONG_PTR>(obj), reason, 0, 0}, "%s(%p): %s", routine,
               obj, what);
}

enum Reason : ULONG {
  kNull = 1,
  kUninitialized,
  kFreed,
  kCorrupted,
  kCopied,
  kStale,
  kWrongKind,
  kNoDevice,
};

// The shared part of check_object / check_any_object: the header is self-consistent and its
// slot is bound to this very address.
bool check_header(const char* routine, const void* obj, ObjectRef& out) {
  if (obj == nullptr) {
    bad(routine, obj, kNull, "the mutex pointer is NULL");
    return false;
  }
  const auto& h = *static_cast<const HWMX_OBJECT_HEADER*>(obj);
  const auto addr = reinterpret_cast<std::uintptr_t>(obj);
  if (h.Signature == kFreedSignature) {
    bad(routine, obj, kFreed,
        "the mutex was freed with HwmxFreeMutex; initialize it again before using it");
    return false;
  }
  Device* dev = Device::get_if_open();
  if (!is_kind(h.Signature) || dev == nullptr) {
    bad(routine, obj, dev ? kUninitialized : kNoDevice,
        "the structure is not an initialized hwmx mutex (no valid signature): call "
        "KeInitializeMutex / ExInitializeFastMutex / KeInitializeGuardedMutex first");
    return false;
  }
  if (h.Check != checksum(h.Signature, h.Slot, addr)) {
    const std::uintptr_t bound = dev->slot_object(h.Slot);
    if (bound != 0 && bound != addr && h.Check == checksum(h.Signature, h.Slot, bound)) {
      fault::raise(STATUS_INVALID_PARAMETER,
                   fault::Params{reinterpret_cast<ULONG_PTR>(obj), kCopied, bound, h.Slot},
                   "%s(%p): the structure is a copy of the mutex at %p (a mutex must not be "
                   "copied or moved after initialization; pass a pointer to the original)",
                   routine, obj, reinterpret_cast<void*>(bound));
    } else {
      bad(routine, obj, kCorrupted,
          "the mutex structure is corrupted (its checksum does not match): memory overwritten, "
          "or the structure was never initialized");
    }
    return false;
  }
  if (dev->slot_object(h.Slot) != addr) {
    bad(routine, obj, kStale,
        "the structure looks like a mutex whose slot has since been freed or re-bound (memory "
        "left over from an earlier object); initialize it before use");
    return false;
  }
  out.device = dev;
  out.slot = h.Slot;
  out.kind = static_cast<Kind>(h.Signature);
  return true;
}

}  // namespace

const char* kind_name(Kind k) {
  switch (k) {
    case Kind::KMutex:
      return "KMUTEX";
    case Kind::FastMutex:
      return "FAST_MUTEX";
    case Kind::GuardedMutex:
      return "KGUARDED_MUTEX";
  }
  return "?";
}

const char* init_routine(Kind k) {
  switch (k) {
    case Kind::KMutex:
      return "KeInitializeMutex";
    case Kind::FastMutex:
      return "ExInitializeFastMutex";
    case Kind::GuardedMutex:
      return "KeInitializeGuardedMutex";
  }
  return "?";
}

bool check_any_object(const char* routine, const void* obj, ObjectRef& out) {
  return check_header(routine, obj, out);
}

bool check_object(const char* routine, const void* obj, Kind expected, ObjectRef& out) {
  if (!check_header(routine, obj, out)) return false;
  if (out.kind != expected) {
    fault::raise(STATUS_INVALID_PARAMETER,
                 fault::Params{reinterpret_cast<ULONG_PTR>(obj), kWrongKind,
                               static_cast<ULONG>(out.kind), static_cast<ULONG>(expected)},
                 "%s(%p): the object is a %s, not a %s", routine, obj, kind_name(out.kind),
                 kind_name(expected));
    return false;
  }
  return true;
}

bool initialize_object(const char* routine, void* obj, Kind kind) {
  if (obj == nullptr) {
    bad(routine, obj, kNull, "the mutex pointer is NULL");
    return false;
  }
  Device* dev = Device::get();
  if (dev == nullptr) return false;
  EngineClient& eng = dev->engine();
  const SlotType type = kind == Kind::KMutex ? SlotType::Recursive : SlotType::Exclusive;
  auto& h = header(obj);
  const auto addr = reinterpret_cast<std::uintptr_t>(obj);

  // Re-initialization at the same address: reuse the slot (the WDK has no destroy routine, so
  // this is how drivers recycle their mutexes). Only a header that is fully valid counts; any
  // other content is garbage and gets a fresh slot.
  if (is_kind(h.Signature) && h.Check == checksum(h.Signature, h.Slot, addr) &&
      dev->slot_object(h.Slot) == addr) {
    const OpResult r = eng.init_slot(h.Slot, type, QueuePolicy::Fifo);
    if (r.rc == Rc::Done) {
      h.Signature = static_cast<ULONG>(kind);
      h.Check = checksum(h.Signature, h.Slot, addr);
      return true;
    }
    if (r.rc == Rc::ErrSlotBusy) {
      fault::raise(STATUS_INVALID_PARAMETER,
                   fault::Params{reinterpret_cast<ULONG_PTR>(obj), h.Slot, 0, 0},
                   "%s(%p): the %s is currently owned (or waited for); re-initializing it would "
                   "take it away from its owner. Release it first.",
                   routine, obj, kind_name(static_cast<Kind>(h.Signature)));
      return false;
    }
    // Any other answer means the engine no longer has the slot: fall through to a fresh one.
    dev->set_slot_object(h.Slot, 0);
  }

  const OpResult r = eng.alloc_slot(type, QueuePolicy::Fifo);
  if (r.rc != Rc::Done) {
    if (r.rc == Rc::ErrNoResource) {
      fault::raise(STATUS_INSUFFICIENT_RESOURCES,
                   fault::Params{reinterpret_cast<ULONG_PTR>(obj), dev->num_mutex(), 0, 0},
                   "%s(%p): all %u slots of the hwmx engine are bound to mutexes. Each "
                   "initialized mutex holds a slot until HwmxFreeMutex (re-initializing one at "
                   "the same address reuses its slot); free mutexes you no longer use.",
                   routine, obj, dev->num_mutex());
    } else {
      fault::raise(STATUS_INSUFFICIENT_RESOURCES,
                   fault::Params{reinterpret_cast<ULONG_PTR>(obj), r.raw, 0, 0},
                   "%s(%p): the engine refused to allocate a slot (%s)", routine, obj,
                   rc_name(r.rc));
    }
    return false;
  }
  const unsigned slot = r.value;
  dev->set_slot_object(slot, addr);
  h.Signature = static_cast<ULONG>(kind);
  h.Slot = slot;
  h.Check = checksum(h.Signature, h.Slot, addr);
  return true;
}

void free_object(void* obj) {
  ObjectRef ref;
  if (!check_any_object("HwmxFreeMutex", obj, ref)) return;
  const OpResult r = ref.device->engine().free_slot(ref.slot);
  if (r.rc != Rc::Done) {
    fault::raise(STATUS_INVALID_PARAMETER,
                 fault::Params{reinterpret_cast<ULONG_PTR>(obj), ref.slot, r.raw, 0},
                 "HwmxFreeMutex(%p): the %s cannot be freed (%s): %s", obj, kind_name(ref.kind),
                 rc_name(r.rc),
                 r.rc == Rc::ErrSlotBusy ? "it is owned or waited for; release it first"
                                         : "the engine does not know its slot");
    return;
  }
  ref.device->set_slot_object(ref.slot, 0);
  auto& h = header(obj);
  h.Signature = kFreedSignature;
  h.Check = 0;
}

NTSTATUS set_queue_policy(void* obj, ULONG policy) {
  ObjectRef ref;
  if (!check_any_object("HwmxSetQueuePolicy", obj, ref)) return STATUS_INVALID_PARAMETER;
  if (policy != HWMX_QUEUE_FIFO && policy != HWMX_QUEUE_PRIORITY) {
    fault::raise(STATUS_INVALID_PARAMETER, fault::Params{reinterpret_cast<ULONG_PTR>(obj), policy},
                 "HwmxSetQueuePolicy(%p, %u): the policy must be HWMX_QUEUE_FIFO or "
                 "HWMX_QUEUE_PRIORITY",
                 obj, static_cast<unsigned>(policy));
    return STATUS_INVALID_PARAMETER;
  }
  const SlotType type = ref.kind == Kind::KMutex ? SlotType::Recursive : SlotType::Exclusive;
  const OpResult r = ref.device->engine().init_slot(
      ref.slot, type, policy == HWMX_QUEUE_PRIORITY ? QueuePolicy::Priority : QueuePolicy::Fifo);
  if (r.rc != Rc::Done) {
    fault::raise(STATUS_INVALID_PARAMETER, fault::Params{reinterpret_cast<ULONG_PTR>(obj), r.raw},
                 "HwmxSetQueuePolicy(%p): the queue policy can only change while the %s is not "
                 "owned (%s)",
                 obj, kind_name(ref.kind), rc_name(r.rc));
    return STATUS_INVALID_PARAMETER;
  }
  return STATUS_SUCCESS;
}

}  // namespace hwmx::host

extern "C" {
VOID HwmxFreeMutex(PVOID Object) { hwmx::host::free_object(Object); }
NTSTATUS HwmxSetQueuePolicy(PVOID Object, ULONG Policy) {
  return hwmx::host::set_queue_policy(Object, Policy);
}
}
