/*
 * hwmx/wdm.h - the Windows kernel mutex routines of the WDK's wdm.h, implemented over the hwmx
 * hardware mutex engine. Valid C11 and C++17 (and later); every routine has C linkage.
 *
 * Names, signatures and values are the WDK's, so driver-style code compiles unchanged. The
 * behaviour is specified in SEMANTICS.md; the Hwmx* extensions at the end are hwmx's own.
 *
 * The mutex structures are hwmx's own layout (not the WDK's): treat them as opaque, allocate them
 * where you like (stack, heap, global), initialize them with the matching routine before use and
 * never copy an initialized one. They carry the engine slot they are bound to plus a signature and
 * checksum, so an uninitialized, freed, copied or corrupted structure is reported through the
 * fault handler instead of being trusted.
 */
#ifndef HWMX_WDM_H
#define HWMX_WDM_H

#include <stddef.h>
#include <stdint.h>

#if defined(_WIN32)
#error "hwmx/wdm.h emulates the WDK on other platforms; on Windows use the real WDK."
#endif

/* Symbols of the shared library: everything else in it is hidden. */
#if defined(HWMX_BUILDING_LIBRARY)
#define HWMX_API __attribute__((visibility("default")))
#else
#define HWMX_API
#endif

#ifdef __cplusplus
#define HWMX_EXTERN_C_BEGIN extern "C" {
#define HWMX_EXTERN_C_END }
#else
#define HWMX_EXTERN_C_BEGIN
#define HWMX_EXTERN_C_END
#endif

/* KeBugCheckEx never returns; tell the compiler so in both languages. */
#if defined(__cplusplus)
#define HWMX_NORETURN [[noreturn]]
#elif defined(__GNUC__)
#define HWMX_NORETURN __attribute__((noreturn))
#else
#define HWMX_NORETURN _Noreturn
#endif

/* Anonymous structs in unions, as the WDK's LARGE_INTEGER has them (standard C11, a widely
 * supported extension in C++: marked so -pedantic builds of consumers stay quiet). */
#if defined(__GNUC__)
#define HWMX_EXTENSION __extension__
#else
#define HWMX_EXTENSION
#endif

HWMX_EXTERN_C_BEGIN

/* ------------------------------------------------------------------------------------------ */
/* Basic types (Windows LLP64 sizes: LONG and ULONG are 32-bit)                                  */
/* ------------------------------------------------------------------------------------------ */
#ifndef VOID
#define VOID void
#endif
typedef void* PVOID;
typedef char CHAR;
typedef unsigned char UCHAR;
typedef signed char CCHAR;
typedef int16_t SHORT;
typedef uint16_t USHORT;
typedef int32_t LONG;
typedef uint32_t ULONG;
typedef int64_t LONGLONG;
typedef uint64_t ULONGLONG;
typedef intptr_t LONG_PTR;
typedef uintptr_t ULONG_PTR;
typedef UCHAR BOOLEAN;
typedef BOOLEAN* PBOOLEAN;
typedef const char* PCSTR;
typedef LONG* PLONG;
typedef ULONG* PULONG;
typedef LONG NTSTATUS;

#ifndef TRUE
#define TRUE 1
#endif
#ifndef FALSE
#define FALSE 0
#endif

#define NT_SUCCESS(Status) (((NTSTATUS)(Status)) >= 0)

typedef union _LARGE_INTEGER {
  HWMX_EXTENSION struct {
    ULONG LowPart;
    LONG HighPart;
  };
  struct {
    ULONG LowPart;
    LONG HighPart;
  } u;
  LONGLONG QuadPart;
} LARGE_INTEGER, *PLARGE_INTEGER;

typedef UCHAR KIRQL;
typedef KIRQL* PKIRQL;
typedef LONG KPRIORITY;

typedef CCHAR KPROCESSOR_MODE;
typedef enum _MODE { KernelMode = 0, UserMode = 1, MaximumMode } MODE;

typedef enum _KWAIT_REASON {
  Executive = 0,
  FreePage = 1,
  PageIn = 2,
  PoolAllocation = 3,
  DelayExecution = 4,
  Suspended = 5,
  UserRequest = 6,
  WrExecutive = 7,
  WrFreePage = 8,
  WrPageIn = 9,
  WrPoolAllocation = 10,
  WrDelayExecution = 11,
  WrSuspended = 12,
  WrUserRequest = 13,
  WrEventPair = 14,
  WrQueue = 15,
  WrLpcReceive = 16,
  WrLpcReply = 17,
  WrVirtualMemory = 18,
  WrPageOut = 19,
  WrRendezvous = 20,
  WrKeyedEvent = 21,
  WrTerminated = 22,
  WrProcessInSwap = 23,
  WrCpuRateControl = 24,
  WrCalloutStack = 25,
  WrKernel = 26,
  WrResource = 27,
  WrPushLock = 28,
  WrMutex = 29,
  WrQuantumEnd = 30,
  WrDispatchInt = 31,
  WrPreempted = 32,
  WrYieldExecution = 33,
  WrFastMutex = 34,
  WrGuardedMutex = 35,
  WrRundown = 36,
  MaximumWaitReason = 37
} KWAIT_REASON;

/* ------------------------------------------------------------------------------------------ */
/* IRQLs and priorities (x64 values)                                                            */
/* ------------------------------------------------------------------------------------------ */
#define PASSIVE_LEVEL 0
#define LOW_LEVEL 0
#define APC_LEVEL 1
#define DISPATCH_LEVEL 2
#define SYNCH_LEVEL 12
#define HIGH_LEVEL 15

#define LOW_PRIORITY 0
#define LOW_REALTIME_PRIORITY 16
#define HIGH_PRIORITY 31
#define MAXIMUM_PRIORITY 32

#define MUTANT_INCREMENT 1
#define IO_NO_INCREMENT 0

/* ------------------------------------------------------------------------------------------ */
/* Status codes (Windows values)                                                                */
/* ------------------------------------------------------------------------------------------ */
#define STATUS_SUCCESS ((NTSTATUS)0x00000000L)
#define STATUS_WAIT_0 ((NTSTATUS)0x00000000L)
#define STATUS_ABANDONED ((NTSTATUS)0x00000080L)
#define STATUS_ABANDONED_WAIT_0 ((NTSTATUS)0x00000080L)
#define STATUS_USER_APC ((NTSTATUS)0x000000C0L)
#define STATUS_KERNEL_APC ((NTSTATUS)0x00000100L)
#define STATUS_ALERTED ((NTSTATUS)0x00000101L)
#define STATUS_TIMEOUT ((NTSTATUS)0x00000102L)
#define STATUS_INVALID_PARAMETER ((NTSTATUS)0xC000000DL)
#define STATUS_NO_SUCH_DEVICE ((NTSTATUS)0xC000000EL)
#define STATUS_MUTANT_NOT_OWNED ((NTSTATUS)0xC0000046L)
#define STATUS_INSUFFICIENT_RESOURCES ((NTSTATUS)0xC000009AL)
#define STATUS_DEVICE_NOT_CONNECTED ((NTSTATUS)0xC000009DL)
#define STATUS_MUTANT_LIMIT_EXCEEDED ((NTSTATUS)0xC0000191L)

/* ------------------------------------------------------------------------------------------ */
/* Bug-check codes (Windows values)                                                             */
/* ------------------------------------------------------------------------------------------ */
#define APC_INDEX_MISMATCH ((ULONG)0x00000001UL)
#define IRQL_NOT_GREATER_OR_EQUAL ((ULONG)0x00000009UL)
#define IRQL_NOT_LESS_OR_EQUAL ((ULONG)0x0000000AUL)
#define KERNEL_APC_PENDING_DURING_EXIT ((ULONG)0x00000020UL)
#define MUTEX_ALREADY_OWNED ((ULONG)0x000000BFUL)
#define THREAD_TERMINATE_HELD_MUTEX ((ULONG)0x4000008AUL)

/* ------------------------------------------------------------------------------------------ */
/* Objects                                                                                      */
/* ------------------------------------------------------------------------------------------ */

/* Opaque kernel thread: one per OS thread that has called hwmx. */
typedef struct _KTHREAD KTHREAD;
typedef struct _KTHREAD* PKTHREAD;
typedef struct _KTHREAD* PRKTHREAD;

/* What every hwmx mutex structure starts with. Set by the initialize routines; hwmx checks it on
 * every call. Do not touch. */
typedef struct _HWMX_OBJECT_HEADER {
  ULONG Signature; /* kind of object, or 0 / a "freed" marker */
  ULONG Slot;      /* engine slot bound to this object */
  ULONGLONG Check; /* checksum of signature, slot and the object's own address */
} HWMX_OBJECT_HEADER;

/* A kernel mutex (dispatcher object; wait for it with KeWaitForSingleObject). */
typedef struct _KMUTEX {
  HWMX_OBJECT_HEADER Hwmx;
  ULONG Level;              /* KeInitializeMutex's Level, kept for inspection only */
  UCHAR AcquiredAtDispatch; /* owner's first acquisition was at DISPATCH_LEVEL */
  UCHAR Reserved[3];
} KMUTEX, *PKMUTEX, *PRKMUTEX;

/* A fast mutex. Count/Owner/Contention/OldIrql follow the WDK's meaning (Count 1 free, 0 held;
 * Owner the holding thread; Contention the acquisitions that had to wait; OldIrql the IRQL
 * ExAcquireFastMutex raised from). */
typedef struct _FAST_MUTEX {
  HWMX_OBJECT_HEADER Hwmx;
  LONG Count;
  ULONG Contention;
  PKTHREAD Owner;
  ULONG OldIrql;
  ULONG Flags; /* how the owner acquired it (checked on release) */
} FAST_MUTEX, *PFAST_MUTEX;

/* A guarded mutex (Windows Server 2003 - Windows 7 semantics: a guarded region, no IRQL change).
 */
typedef struct _KGUARDED_MUTEX {
  HWMX_OBJECT_HEADER Hwmx;
  LONG Count;
  ULONG Contention;
  PKTHREAD Owner;
  ULONG Flags; /* how the owner acquired it (checked on release) */
  ULONG Reserved;
} KGUARDED_MUTEX, *PKGUARDED_MUTEX;

/* ------------------------------------------------------------------------------------------ */
/* Mutex objects                                                                                */
/* ------------------------------------------------------------------------------------------ */
/* Threads: every OS thread is a kernel thread from its first call (PASSIVE_LEVEL, no APC
 * disabled, priority 8) and is bound to one of the engine's hardware contexts from its first
 * mutex operation until it exits (at most NUM_CTX = 64 such threads at once; one more is a raised
 * STATUS_INSUFFICIENT_RESOURCES). A thread that exits holding any mutex (KMUTEX, fast or guarded)
 * is bug check THREAD_TERMINATE_HELD_MUTEX (P1 thread, P2 a mutex, P3 how many); if the handler
 * returns (a throw counts as a return there), the engine abandons them: each goes to its next
 * waiter, or becomes free, and the next KMUTEX acquisition returns STATUS_ABANDONED. A thread
 * that exits inside a critical or guarded region is bug check KERNEL_APC_PENDING_DURING_EXIT. */

HWMX_API VOID KeInitializeMutex(PRKMUTEX Mutex, ULONG Level);
HWMX_API LONG KeReadStateMutex(PRKMUTEX Mutex);
/* Wait = TRUE: returns "without lowering IRQL", i.e. at DISPATCH_LEVEL (where Windows holds the
 * dispatcher lock); the next KeWaitForSingleObject or KeDelayExecutionThread first restores the
 * IRQL this call started at. */
HWMX_API LONG KeReleaseMutex(PRKMUTEX Mutex, BOOLEAN Wait);
/* Object must be a KMUTEX (the only dispatcher object), WaitMode KernelMode; Alertable has no
 * effect (nothing can alert or deliver an APC to a hwmx thread). Timeouts run on the host clock:
 * NULL forever, 0 a test, negative relative (monotonic), positive absolute system time. */
HWMX_API NTSTATUS KeWaitForSingleObject(PVOID Object, KWAIT_REASON WaitReason,
                                        KPROCESSOR_MODE WaitMode, BOOLEAN Alertable,
                                        PLARGE_INTEGER Timeout);
#define KeWaitForMutexObject KeWaitForSingleObject

/* ------------------------------------------------------------------------------------------ */
/* Fast mutexes                                                                                 */
/* ------------------------------------------------------------------------------------------ */
HWMX_API VOID ExInitializeFastMutex(PFAST_MUTEX FastMutex);
HWMX_API VOID ExAcquireFastMutex(PFAST_MUTEX FastMutex);
HWMX_API VOID ExReleaseFastMutex(PFAST_MUTEX FastMutex);
HWMX_API BOOLEAN ExTryToAcquireFastMutex(PFAST_MUTEX FastMutex);
HWMX_API VOID ExAcquireFastMutexUnsafe(PFAST_MUTEX FastMutex);
HWMX_API VOID ExReleaseFastMutexUnsafe(PFAST_MUTEX FastMutex);
HWMX_API VOID ExEnterCriticalRegionAndAcquireFastMutexUnsafe(PFAST_MUTEX FastMutex);
HWMX_API VOID ExReleaseFastMutexUnsafeAndLeaveCriticalRegion(PFAST_MUTEX FastMutex);

/* ------------------------------------------------------------------------------------------ */
/* Guarded mutexes                                                                              */
/* ------------------------------------------------------------------------------------------ */
HWMX_API VOID KeInitializeGuardedMutex(PKGUARDED_MUTEX Mutex);
HWMX_API VOID KeAcquireGuardedMutex(PKGUARDED_MUTEX Mutex);
HWMX_API VOID KeAcquireGuardedMutexUnsafe(PKGUARDED_MUTEX Mutex);
HWMX_API VOID KeReleaseGuardedMutex(PKGUARDED_MUTEX Mutex);
HWMX_API VOID KeReleaseGuardedMutexUnsafe(PKGUARDED_MUTEX Mutex);
HWMX_API BOOLEAN KeTryToAcquireGuardedMutex(PKGUARDED_MUTEX Mutex);

/* ------------------------------------------------------------------------------------------ */
/* Regions, IRQL, threads, time                                                                 */
/* ------------------------------------------------------------------------------------------ */
HWMX_API VOID KeEnterCriticalRegion(VOID);
HWMX_API VOID KeLeaveCriticalRegion(VOID);
HWMX_API VOID KeEnterGuardedRegion(VOID);
HWMX_API VOID KeLeaveGuardedRegion(VOID);
HWMX_API BOOLEAN KeAreApcsDisabled(VOID);
HWMX_API BOOLEAN KeAreAllApcsDisabled(VOID);

HWMX_API KIRQL KeGetCurrentIrql(VOID);
HWMX_API VOID KeRaiseIrql(KIRQL NewIrql, PKIRQL OldIrql);
HWMX_API VOID KeLowerIrql(KIRQL NewIrql);

HWMX_API PKTHREAD KeGetCurrentThread(VOID);
HWMX_API KPRIORITY KeQueryPriorityThread(PKTHREAD Thread);
HWMX_API KPRIORITY KeSetPriorityThread(PKTHREAD Thread, KPRIORITY Priority);
HWMX_API NTSTATUS KeDelayExecutionThread(KPROCESSOR_MODE WaitMode, BOOLEAN Alertable,
                                         PLARGE_INTEGER Interval);
HWMX_API VOID KeQuerySystemTime(PLARGE_INTEGER CurrentTime);

HWMX_NORETURN HWMX_API VOID KeBugCheckEx(ULONG BugCheckCode, ULONG_PTR BugCheckParameter1,
                                         ULONG_PTR BugCheckParameter2, ULONG_PTR BugCheckParameter3,
                                         ULONG_PTR BugCheckParameter4);
/* Raises Status through the fault handler; returns only if the handler returns. */
HWMX_API VOID ExRaiseStatus(NTSTATUS Status);

/* ------------------------------------------------------------------------------------------ */
/* hwmx extensions                                                                              */
/* ------------------------------------------------------------------------------------------ */

/* Faults. Where Windows bug-checks or raises an exception, hwmx calls the fault handler with
 * Kind HWMX_FAULT_BUGCHECK (Code = bug-check code) or HWMX_FAULT_RAISE (Code = NTSTATUS raised).
 * The default handler prints the fault and its likely cause to stderr and aborts. A handler may
 * throw a C++ exception. If it returns from a fault a routine detected before acting, the routine
 * returns having changed nothing (KeReleaseMutex: the current state; BOOLEAN routines: FALSE;
 * NTSTATUS routines: the raised status or STATUS_INVALID_PARAMETER). */
#define HWMX_FAULT_BUGCHECK ((ULONG)1)
#define HWMX_FAULT_RAISE ((ULONG)2)
typedef VOID (*HWMX_FAULT_HANDLER)(ULONG Kind, ULONG Code, ULONG_PTR P1, ULONG_PTR P2, ULONG_PTR P3,
                                   ULONG_PTR P4);
/* Installs Handler for the whole process and returns the previous one; NULL restores the default.
 */
HWMX_API HWMX_FAULT_HANDLER HwmxSetFaultHandler(HWMX_FAULT_HANDLER Handler);
/* The explanation hwmx composed for the calling thread's most recent fault (what was detected
 * and what to do about it); "" if the thread has had none. Valid until the thread's next fault. */
HWMX_API PCSTR HwmxGetLastFaultMessage(VOID);

/* Devices. Selects the backend before first use: "sim" (the default: the Verilated engine inside
 * the process), "remote:/path/to/socket" (the hwmx-simd co-simulation daemon) or "uio:/dev/uioN"
 * (a board through Linux UIO). Without a call, the HWMX_DEVICE environment variable is read at
 * first use ("sim" when unset). Errors: STATUS_INVALID_PARAMETER (bad spec, or a different device
 * is already open), STATUS_NO_SUCH_DEVICE, STATUS_DEVICE_NOT_CONNECTED; the reason is printed to
 * stderr. Opening the device that is already open returns STATUS_SUCCESS. */
HWMX_API NTSTATUS HwmxOpenDevice(PCSTR Spec);

/* Inspection of any of the three mutex kinds, read from the engine's registers. State is what
 * KeReadStateMutex would return (1 free, 0 owned once, -n owned n+1 times); RecursionCount is
 * the number of times the owner holds it (0 when free); Waiters the length of its wait queue;
 * Abandoned whether the next acquisition will report STATUS_ABANDONED. */
typedef struct _HWMX_MUTEX_INFO {
  ULONG Slot;
  LONG State;
  PKTHREAD Owner;
  ULONG RecursionCount;
  ULONG Waiters;
  BOOLEAN Abandoned;
} HWMX_MUTEX_INFO, *PHWMX_MUTEX_INFO;
HWMX_API NTSTATUS HwmxQueryMutex(PVOID Object, PHWMX_MUTEX_INFO Info);

/* Returns the engine slot of any of the three kinds (the WDK has no destroy routine; slots are a
 * finite hardware resource). The object must not be owned; it must be initialized again before
 * any further use. */
HWMX_API VOID HwmxFreeMutex(PVOID Object);

/* Wait-queue order of a mutex (D2): FIFO (Windows' order, the default after every initialize
 * routine) or PRIORITY (highest current thread priority first, FIFO among equals). Only while the
 * mutex is not owned. */
#define HWMX_QUEUE_FIFO ((ULONG)0)
#define HWMX_QUEUE_PRIORITY ((ULONG)1)
HWMX_API NTSTATUS HwmxSetQueuePolicy(PVOID Object, ULONG Policy);

/* Statistics since the device was opened (MaxQueueDepth: since the engine's reset). */
typedef struct _HWMX_STATISTICS {
  ULONGLONG Acquires;          /* acquisitions granted, immediate or by handoff */
  ULONGLONG ContendedAcquires; /* acquisitions that had to wait in a queue */
  ULONGLONG Handoffs;          /* releases that passed ownership to a waiter */
  ULONGLONG Errors;            /* operations the engine refused */
  ULONG MaxQueueDepth;         /* longest wait queue seen */
  ULONGLONG BusReads;          /* bus read transactions issued by this process */
  ULONGLONG BusWrites;         /* bus write transactions issued by this process */
  ULONGLONG SimCycles;         /* simulated clock cycles; 0 on real hardware */
} HWMX_STATISTICS, *PHWMX_STATISTICS;
HWMX_API NTSTATUS HwmxQueryStatistics(PHWMX_STATISTICS Stats);

HWMX_EXTERN_C_END

#endif /* HWMX_WDM_H */
