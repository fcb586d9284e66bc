/* The same API from C11: a fast mutex and a guarded mutex. */
#include <hwmx/wdm.h>
#include <stdio.h>

int main(void) {
  FAST_MUTEX fast;
  KGUARDED_MUTEX guarded;
  ExInitializeFastMutex(&fast);
  KeInitializeGuardedMutex(&guarded);
  ExAcquireFastMutex(&fast);
  if (KeGetCurrentIrql() != APC_LEVEL) return 1;
  ExReleaseFastMutex(&fast);
  KeAcquireGuardedMutex(&guarded);
  if (!KeAreAllApcsDisabled()) return 2;
  if (KeTryToAcquireGuardedMutex(&guarded)) return 3;
  KeReleaseGuardedMutex(&guarded);
  printf("consumer_c: fast and guarded mutexes from C11\n");
  return 0;
}
