// Readings of docs/engine.md where the text leaves a choice. They are collected here, and only
// here, so that when the spec owner settles one (or the RTL turns out to read it differently and
// is right) the model changes in exactly one place.
#pragma once

namespace hwmx::model::choices {

// "Valid when ..." fields read 0 when they are not valid, instead of exposing whatever a stale
// register still holds: STATUS.WAIT_SLOT while not waiting, INSPECT_STATE.OWNER while the slot is
// free, INSPECT_QUEUE.HEAD/TAIL while the queue is empty. The spec defines no stale value, so 0 is
// the only value both implementations can agree on without sharing internals.
inline constexpr bool kMaskWaitSlotWhenNotWaiting = true;
inline constexpr bool kMaskOwnerWhenFree = true;
inline constexpr bool kMaskQueueEndsWhenEmpty = true;

// TAKE_GRANT answering NONE changes nothing (engine.md step 3 and the RDL tie the INTR_STATE
// clear to GRANTED); the Interrupts section's unqualified "TAKE_GRANT" is read as the summary of
// that step, so an INTR_TEST-raised state survives a TAKE_GRANT that finds no grant.
inline constexpr bool kTakeGrantNoneClearsIntr = false;

// ABANDON clears intr_state of the abandoned context even when no grant was pending (the
// Interrupts section lists ABANDON next to ALLOC_CTX/FREE_CTX, which clear unconditionally).
inline constexpr bool kAbandonAlwaysClearsIntr = true;

// BUS_ERROR_ADDR.ADDR records the 25-bit byte address as presented, bits 1:0 included ("bits 1:0
// ignored" is read as a decode rule, not as a rule for the error record).
inline constexpr bool kBusErrorAddrKeepsLowBits = true;

// A read of the write-only CTX.INTR_TEST answers OKAY with data 0 (it is a mapped register and
// the SLVERR list of engine.md does not include reads of write-only registers).
inline constexpr bool kReadOfWriteOnlyIsSlvErr = false;

}  // namespace hwmx::model::choices
