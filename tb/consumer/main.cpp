// WDK-style driver code, unchanged: a KMUTEX shared by two threads on the simulated engine.
#include <hwmx/wdm.h>

#include <cstdio>
#include <cstdlib>
#include <thread>

static KMUTEX g_mutex;
static LONG g_counter;

static void worker() {
  for (int i = 0; i < 1000; ++i) {
    NTSTATUS status = KeWaitForSingleObject(&g_mutex, Executive, KernelMode, FALSE, NULL);
    if (status != STATUS_SUCCESS) {
      std::printf("wait failed: 0x%08lx\n", static_cast<unsigned long>(status));
      std::exit(1);
    }
    LONG seen = g_counter;
    g_counter = seen + 1;
    KeReleaseMutex(&g_mutex, FALSE);
  }
}

int main() {
  KeInitializeMutex(&g_mutex, 0);
  std::thread a(worker), b(worker);
  a.join();
  b.join();
  if (g_counter != 2000 || KeReadStateMutex(&g_mutex) != 1) {
    std::printf("consumer: wrong result: counter %ld, state %ld\n", static_cast<long>(g_counter),
                static_cast<long>(KeReadStateMutex(&g_mutex)));
    return 1;
  }
  std::printf("consumer: 2000 increments under a KMUTEX on the hwmx engine, state back to 1\n");
  return 0;
}
