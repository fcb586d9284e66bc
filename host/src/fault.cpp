#include "fault.h"

#include <atomic>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace hwmx::host::fault {
namespace {

void default_handler(ULONG kind, ULONG code, ULONG_PTR p1, ULONG_PTR p2, ULONG_PTR p3,
                     ULONG_PTR p4);

std::atomic<HWMX_FAULT_HANDLER> g_handler{&default_handler};

// A plain buffer, not a std::string: faults are also reported from thread-exit processing,
// when other thread_local objects of the thread may already be destroyed.
thread_local char t_message[1024];

struct CodeInfo {
  ULONG code;
  const char* name;
  const char* cause;
};

constexpr CodeInfo kBugChecks[] = {
    {APC_INDEX_MISMATCH, "APC_INDEX_MISMATCH",
     "unbalanced KeEnter/KeLeave{Critical,Guarded}Region (or a guarded mutex acquired and released "
     "with mismatched safe/unsafe routines), or a thread that exited inside a region"},
    {IRQL_NOT_GREATER_OR_EQUAL, "IRQL_NOT_GREATER_OR_EQUAL",
     "KeRaiseIrql to an IRQL below the current one"},
    {IRQL_NOT_LESS_OR_EQUAL, "IRQL_NOT_LESS_OR_EQUAL",
     "a routine called at an IRQL its contract forbids (a blocking wait or a fast/guarded mutex "
     "above APC_LEVEL, ExReleaseFastMutex not at APC_LEVEL, an Unsafe routine outside APC_LEVEL "
     "or a critical/guarded region), a mismatched fast-mutex acquire/release pair, or "
     "KeLowerIrql to a higher IRQL"},
    {KERNEL_APC_PENDING_DURING_EXIT, "KERNEL_APC_PENDING_DURING_EXIT",
     "a thread exited inside a critical or guarded region (KeEnterCriticalRegion / "
     "KeEnterGuardedRegion without the matching leave)"},
    {MUTEX_ALREADY_OWNED, "MUTEX_ALREADY_OWNED",
     "a thread acquired a fast or guarded mutex it already holds; they are not recursive (on "
     "Windows the thread would hang)"},
    {THREAD_TERMINATE_HELD_MUTEX, "THREAD_TERMINATE_HELD_MUTEX",
     "a thread exited while it still held a mutex; release every mutex before the thread ends"},
};

constexpr CodeInfo kStatuses[] = {
    {static_cast<ULONG>(STATUS_SUCCESS), "STATUS_SUCCESS", ""},
    {static_cast<ULONG>(STATUS_ABANDONED), "STATUS_ABANDONED",
     "release of a mutex the thread does not own, while the mutex is marked abandoned"},
    {static_cast<ULONG>(STATUS_TIMEOUT), "STATUS_TIMEOUT", ""},
    {static_cast<ULONG>(STATUS_INVALID_PARAMETER), "STATUS_INVALID_PARAMETER",
     "a bad argument: an uninitialized, freed, copied or corrupted mutex structure, a mutex of "
     "the wrong kind, a NULL pointer or an out-of-range value"},
    {static_cast<ULONG>(STATUS_NO_SUCH_DEVICE), "STATUS_NO_SUCH_DEVICE",
     "the hwmx device named by HWMX_DEVICE / HwmxOpenDevice does not exist"},
    {static_cast<ULONG>(STATUS_MUTANT_NOT_OWNED), "STATUS_MUTANT_NOT_OWNED",
     "release of a mutex by a thread that does not own it (or of a free mutex)"},
    {static_cast<ULONG>(STATUS_INSUFFICIENT_RESOURCES), "STATUS_INSUFFICIENT_RESOURCES",
     "the engine ran out of slots (mutexes) or hardware contexts (threads)"},
    {static_cast<ULONG>(STATUS_DEVICE_NOT_CONNECTED), "STATUS_DEVICE_NOT_CONNECTED",
     "the hwmx device could not be reached"},
    {static_cast<ULONG>(STATUS_MUTANT_LIMIT_EXCEEDED), "STATUS_MUTANT_LIMIT_EXCEEDED",
     "a KMUTEX acquired recursively more often than the engine's recursion counter allows"},
};

const CodeInfo* find(const CodeInfo* begin, const CodeInfo* end, ULONG code) {
  for (const CodeInfo* i = begin; i != end; ++i) {
    if (i->code == code) return i;
  }
  return nullptr;
}

void default_handler(ULONG kind, ULONG code, ULONG_PTR p1, ULONG_PTR p2, ULONG_PTR p3,
                     ULONG_PTR p4) {
  const bool bc = kind == HWMX_FAULT_BUGCHECK;
  const CodeInfo* info = bc ? find(std::begin(kBugChecks), std::end(kBugChecks), code)
                            : find(std::begin(kStatuses), std::end(kStatuses), code);
  std::fprintf(stderr,
               "\n*** hwmx: %s 0x%08X (%s)\n"
               "    parameters: 0x%zX, 0x%zX, 0x%zX, 0x%zX\n",
               bc ? "BUG CHECK" : "unhandled exception raised:", static_cast<unsigned>(code),
               info ? info->name : "unknown code", static_cast<std::size_t>(p1),
               static_cast<std::size_t>(p2), static_cast<std::size_t>(p3),
               static_cast<std::size_t>(p4));
  if (t_message[0] != '\0') std::fprintf(stderr, "    detected: %s\n", t_message);
  if (info && info->cause[0] != '\0') std::fprintf(stderr, "    likely cause: %s\n", info->cause);
  std::fprintf(stderr,
               "    (install a handler with HwmxSetFaultHandler to intercept faults; this default "
               "one aborts)\n");
  std::fflush(stderr);
  std::abort();
}

void vformat(const char* fmt, va_list ap) { std::vsnprintf(t_message, sizeof t_message, fmt, ap); }

void call_handler(ULONG kind, ULONG code, const Params& p) {
  HWMX_FAULT_HANDLER h = g_handler.load(std::memory_order_acquire);
  h(kind, code, p.p1, p.p2, p.p3, p.p4);
}

}  // namespace

void bugcheck(ULONG code, Params params, const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vformat(fmt, ap);
  va_end(ap);
  call_handler(HWMX_FAULT_BUGCHECK, code, params);
}

void raise(NTSTATUS status, Params params, const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vformat(fmt, ap);
  va_end(ap);
  call_handler(HWMX_FAULT_RAISE, static_cast<ULONG>(status), params);
}

void report(ULONG kind, ULONG code, Params params, const char* detail) {
  std::snprintf(t_message, sizeof t_message, "%s", detail);
  call_handler(kind, code, params);
}

const char* bugcheck_name(ULONG code) {
  const CodeInfo* i = find(std::begin(kBugChecks), std::end(kBugChecks), code);
  return i ? i->name : "unknown bug check";
}

const char* status_name(NTSTATUS status) {
  const CodeInfo* i = find(std::begin(kStatuses), std::end(kStatuses), static_cast<ULONG>(status));
  return i ? i->name : "unknown status";
}

const char* last_message() { return t_message; }

HWMX_FAULT_HANDLER set_handler(HWMX_FAULT_HANDLER h) {
  return g_handler.exchange(h ? h : &default_handler, std::memory_order_acq_rel);
}

bool is_default(HWMX_FAULT_HANDLER h) { return h == &default_handler; }

}  // namespace hwmx::host::fault

using hwmx::host::fault::Params;

extern "C" {

HWMX_FAULT_HANDLER HwmxSetFaultHandler(HWMX_FAULT_HANDLER Handler) {
  HWMX_FAULT_HANDLER prev = hwmx::host::fault::set_handler(Handler);
  // The caller gets NULL back for "the default", so that restoring what it got is symmetric.
  return hwmx::host::fault::is_default(prev) ? nullptr : prev;
}

PCSTR HwmxGetLastFaultMessage(VOID) { return hwmx::host::fault::last_message(); }

VOID KeBugCheckEx(ULONG BugCheckCode, ULONG_PTR P1, ULONG_PTR P2, ULONG_PTR P3, ULONG_PTR P4) {
  hwmx::host::fault::report(HWMX_FAULT_BUGCHECK, BugCheckCode, Params{P1, P2, P3, P4},
                            "KeBugCheckEx called by the program");
  // A bug check stops the system: if the handler returns instead of throwing, stop here.
  std::fprintf(stderr, "*** hwmx: the fault handler returned from KeBugCheckEx(0x%08X); aborting\n",
               static_cast<unsigned>(BugCheckCode));
  std::abort();
}

VOID ExRaiseStatus(NTSTATUS Status) {
  hwmx::host::fault::report(HWMX_FAULT_RAISE, static_cast<ULONG>(Status), Params{},
                            "ExRaiseStatus called by the program");
}

}  // extern "C"
