// The hwmx inspection routines: HwmxQueryMutex (one slot, from the engine's inspection
// registers) and HwmxQueryStatistics (engine and bus counters since the device was opened).
#include "fault.h"
#include "object.h"
#include "thread_state.h"

using namespace hwmx::host;

extern "C" {

NTSTATUS HwmxQueryMutex(PVOID Object, PHWMX_MUTEX_INFO Info) {
  ObjectRef ref;
  if (!check_any_object("HwmxQueryMutex", Object, ref)) return STATUS_INVALID_PARAMETER;
  if (Info == nullptr) {
    fault::raise(STATUS_INVALID_PARAMETER, fault::Params{reinterpret_cast<ULONG_PTR>(Object)},
                 "HwmxQueryMutex(%p, NULL): Info must point to a HWMX_MUTEX_INFO", Object);
    return STATUS_INVALID_PARAMETER;
  }
  const SlotInfo i = ref.device->engine().inspect(ref.slot);
  HWMX_MUTEX_INFO out{};
  out.Slot = ref.slot;
  out.State = i.owned ? -static_cast<LONG>(i.count) : 1;
  KThread* owner = i.owned ? ref.device->ctx_thread(i.owner) : nullptr;
  out.Owner = owner ? owner->handle() : nullptr;
  out.RecursionCount = i.owned ? i.count + 1 : 0;
  out.Waiters = i.waiters;
  out.Abandoned = i.abandoned ? TRUE : FALSE;
  *Info = out;
  return STATUS_SUCCESS;
}

NTSTATUS HwmxQueryStatistics(PHWMX_STATISTICS Stats) {
  if (Stats == nullptr) {
    fault::raise(STATUS_INVALID_PARAMETER, fault::Params{},
                 "HwmxQueryStatistics(NULL): Stats must point to a HWMX_STATISTICS");
    return STATUS_INVALID_PARAMETER;
  }
  Device* dev = Device::get();
  if (dev == nullptr) return STATUS_DEVICE_NOT_CONNECTED;
  HWMX_STATISTICS s{};
  dev->statistics(s);
  *Stats = s;
  return STATUS_SUCCESS;
}

}  // extern "C"
