/* Compiled as strict C11 (-std=c11 -pedantic-errors): proves <hwmx/wdm.h> is valid C and that
 * the routines link with C linkage. Called from test_c_header.cpp. */
#include <hwmx/wdm.h>
#include <stddef.h>

_Static_assert(sizeof(LONG) == 4 && sizeof(ULONG) == 4, "LONG/ULONG are 32-bit, as on Windows");
_Static_assert(sizeof(LONGLONG) == 8 && sizeof(LARGE_INTEGER) == 8, "64-bit integers");
_Static_assert(sizeof(ULONG_PTR) == sizeof(void*), "pointer-sized integers");
_Static_assert(sizeof(BOOLEAN) == 1 && sizeof(KIRQL) == 1, "byte-sized BOOLEAN and KIRQL");
_Static_assert(offsetof(HWMX_STATISTICS, Acquires) == 0, "statistics layout");
_Static_assert(offsetof(HWMX_STATISTICS, ContendedAcquires) == 8, "statistics layout");
_Static_assert(offsetof(HWMX_STATISTICS, Handoffs) == 16, "statistics layout");
_Static_assert(offsetof(HWMX_STATISTICS, Errors) == 24, "statistics layout");
_Static_assert(offsetof(HWMX_STATISTICS, MaxQueueDepth) == 32, "statistics layout");
_Static_assert(offsetof(HWMX_STATISTICS, BusReads) == 40, "statistics layout");
_Static_assert(offsetof(HWMX_STATISTICS, BusWrites) == 48, "statistics layout");
_Static_assert(offsetof(HWMX_STATISTICS, SimCycles) == 56, "statistics layout");
_Static_assert(STATUS_MUTANT_NOT_OWNED == (NTSTATUS)0xC0000046L, "Windows value");
_Static_assert(THREAD_TERMINATE_HELD_MUTEX == 0x4000008AUL, "Windows value");

/* Exercises the API the way a C driver would. Returns 0 when every check holds, else the number
 * of the first failed check. */
int hwmx_c11_exercise(void) {
  KMUTEX km;
  FAST_MUTEX fm;
  KGUARDED_MUTEX gm;
  LARGE_INTEGER timeout;
  HWMX_MUTEX_INFO info;
  NTSTATUS status;
  KIRQL old;

  KeInitializeMutex(&km, 0);
  ExInitializeFastMutex(&fm);
  KeInitializeGuardedMutex(&gm);

  timeout.QuadPart = 0;
  status = KeWaitForMutexObject(&km, Executive, KernelMode, FALSE, &timeout);
  if (status != STATUS_SUCCESS || !NT_SUCCESS(status)) return 1;
  if (KeReadStateMutex(&km) != 0) return 2;
  if (KeReleaseMutex(&km, FALSE) != 0) return 3;

  ExAcquireFastMutex(&fm);
  if (KeGetCurrentIrql() != APC_LEVEL) return 4;
  ExReleaseFastMutex(&fm);
  if (KeGetCurrentIrql() != PASSIVE_LEVEL) return 5;

  KeAcquireGuardedMutex(&gm);
  if (!KeAreAllApcsDisabled()) return 6;
  KeReleaseGuardedMutex(&gm);
  if (KeTryToAcquireGuardedMutex(&gm) != TRUE) return 7;
  KeReleaseGuardedMutex(&gm);

  KeRaiseIrql(APC_LEVEL, &old);
  if (old != PASSIVE_LEVEL) return 8;
  KeLowerIrql(old);

  if (HwmxQueryMutex(&km, &info) != STATUS_SUCCESS || info.State != 1 || info.Owner != NULL) {
    return 9;
  }
  if (KeQueryPriorityThread(KeGetCurrentThread()) != 8) return 10;

  HwmxFreeMutex(&km);
  HwmxFreeMutex(&fm);
  HwmxFreeMutex(&gm);
  return 0;
}
