// The mutex structures' common header (HWMX_OBJECT_HEADER): which kind of object it is, the
// engine slot bound to it, and a checksum over both and the object's own address. Every routine
// checks it before touching the engine, so a structure that was never initialized, was freed,
// copied, or overwritten is reported as such instead of being trusted.
#pragma once

#include <cstdint>

#include "device.h"
#include "hwmx/wdm.h"

namespace hwmx::host {

enum class Kind : ULONG {
  KMutex = 0x4B786D48u,        // "HmxK"
  FastMutex = 0x46786D48u,     // "HmxF"
  GuardedMutex = 0x47786D48u,  // "HmxG"
};
/// What HwmxFreeMutex leaves in the header, so a later use says "freed", not "uninitialized".
inline constexpr ULONG kFreedSignature = 0x2D786D48u;  // "Hmx-"

const char* kind_name(Kind k);
const char* init_routine(Kind k);

/// A validated object: its device, slot and kind.
struct ObjectRef {
  Device* device = nullptr;
  unsigned slot = 0;
  Kind kind = Kind::KMutex;
};

/// Checks `obj` as an object of kind `expected` (any of the three when `any_kind`). On success
/// fills `out` and returns true; otherwise reports a raised STATUS_INVALID_PARAMETER naming
/// `routine` and what is wrong, and returns false (if the handler returns).
bool check_object(const char* routine, const void* obj, Kind expected, ObjectRef& out);
bool check_any_object(const char* routine, const void* obj, ObjectRef& out);

/// The initialize routines: binds `obj` to a slot of the right type, reusing the slot it is
/// already bound to when it is a valid object that is not owned (INIT_*), else allocating one.
/// Returns false after reporting a fault (no device, slot pool exhausted, object owned).
bool initialize_object(const char* routine, void* obj, Kind kind);

/// HwmxFreeMutex.
void free_object(void* obj);

/// HwmxSetQueuePolicy.
NTSTATUS set_queue_policy(void* obj, ULONG policy);

inline HWMX_OBJECT_HEADER& header(void* obj) { return *static_cast<HWMX_OBJECT_HEADER*>(obj); }

}  // namespace hwmx::host
