// Threads and time: KeGetCurrentThread, thread priorities, KeDelayExecutionThread and
// KeQuerySystemTime (host clock, Windows units).
#include <condition_variable>
#include <mutex>
#include <thread>

#include "acquire.h"
#include "fault.h"
#include "thread_state.h"

using namespace hwmx::host;

extern "C" {

PKTHREAD KeGetCurrentThread(VOID) { return KThread::current().handle(); }

KPRIORITY KeQueryPriorityThread(PKTHREAD Thread) {
  KPRIORITY p = 0;
  if (!KThread::query_priority(Thread, p)) {
    fault::raise(STATUS_INVALID_PARAMETER, fault::Params{reinterpret_cast<ULONG_PTR>(Thread)},
                 "KeQueryPriorityThread(%p): not the handle of a live thread (use "
                 "KeGetCurrentThread in the thread itself)",
                 static_cast<void*>(Thread));
    return 0;
  }
  return p;
}

KPRIORITY KeSetPriorityThread(PKTHREAD Thread, KPRIORITY Priority) {
  if (Priority < LOW_PRIORITY || Priority > HIGH_PRIORITY) {
    KPRIORITY current = 0;
    KThread::query_priority(Thread, current);
    fault::raise(
        STATUS_INVALID_PARAMETER,
        fault::Params{reinterpret_cast<ULONG_PTR>(Thread), static_cast<ULONG_PTR>(Priority)},
        "KeSetPriorityThread(%p, %d): the priority must be in LOW_PRIORITY (0) .. "
        "HIGH_PRIORITY (31)",
        static_cast<void*>(Thread), static_cast<int>(Priority));
    return current;
  }
  KPRIORITY old = 0;
  if (!KThread::set_priority(Thread, Priority, old)) {
    fault::raise(STATUS_INVALID_PARAMETER, fault::Params{reinterpret_cast<ULONG_PTR>(Thread)},
                 "KeSetPriorityThread(%p): not the handle of a live thread",
                 static_cast<void*>(Thread));
    return 0;
  }
  return old;
}

NTSTATUS KeDelayExecutionThread(KPROCESSOR_MODE WaitMode, BOOLEAN Alertable,
                                PLARGE_INTEGER Interval) {
  (void)WaitMode;  // nothing can be delivered to a hwmx thread: the delay always runs out
  (void)Alertable;
  KThread& t = KThread::current();
  if (t.wait_next) {  // the KeWaitXxx after KeReleaseMutex(Wait=TRUE), fact 14
    t.wait_next = false;
    t.irql = t.wait_irql;
  }
  if (t.irql > APC_LEVEL) {
    fault::bugcheck(IRQL_NOT_LESS_OR_EQUAL, fault::Params{0, t.irql, 0, 0},
                    "KeDelayExecutionThread at IRQL %u: it requires IRQL <= APC_LEVEL", t.irql);
    return STATUS_INVALID_PARAMETER;
  }
  if (Interval == nullptr) {
    fault::raise(STATUS_INVALID_PARAMETER, fault::Params{},
                 "KeDelayExecutionThread: Interval must not be NULL");
    return STATUS_INVALID_PARAMETER;
  }
  bool zero = false;
  const Deadline d = deadline_from_timeout(Interval, zero);
  if (zero) {
    std::this_thread::yield();
    return STATUS_SUCCESS;
  }
  std::mutex mu;
  std::condition_variable cv;
  std::unique_lock lock(mu);
  d.wait(cv, lock, [] { return false; });
  return STATUS_SUCCESS;
}

VOID KeQuerySystemTime(PLARGE_INTEGER CurrentTime) {
  if (CurrentTime == nullptr) {
    fault::raise(STATUS_INVALID_PARAMETER, fault::Params{},
                 "KeQuerySystemTime: CurrentTime must not be NULL");
    return;
  }
  CurrentTime->QuadPart = system_time_now();
}

}  // extern "C"
