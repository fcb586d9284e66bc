// Faults: where Windows bug-checks or raises an exception, hwmx calls the process's fault
// handler (HwmxSetFaultHandler). Routines detect a fault before acting, call one of these with
// an explanation of what was detected and what to do, and, if the handler returns, return having
// changed nothing. The handler may throw: callers hold no internal lock when they report.
#pragma once

#include "hwmx/wdm.h"

namespace hwmx::host::fault {

struct Params {
  ULONG_PTR p1 = 0, p2 = 0, p3 = 0, p4 = 0;
};

/// Reports bug check `code`. Returns if the handler returns.
void bugcheck(ULONG code, Params params, const char* fmt, ...)
    __attribute__((format(printf, 3, 4)));
/// Reports a raised exception with `status`. Returns if the handler returns.
void raise(NTSTATUS status, Params params, const char* fmt, ...)
    __attribute__((format(printf, 3, 4)));

/// Calls the handler without an explanation of hwmx's own (KeBugCheckEx, ExRaiseStatus).
void report(ULONG kind, ULONG code, Params params, const char* detail);

/// Name and a one-line likely cause of a bug-check code or status, for messages.
const char* bugcheck_name(ULONG code);
const char* status_name(NTSTATUS status);

/// The calling thread's last explanation ("" if none).
const char* last_message();

/// Installs `h` (nullptr: the default handler) and returns the previous one.
HWMX_FAULT_HANDLER set_handler(HWMX_FAULT_HANDLER h);
bool is_default(HWMX_FAULT_HANDLER h);

}  // namespace hwmx::host::fault
