// Every error answered without a state change. Four threads build a state with something in
// every corner (an exclusive slot owned with a waiter, a recursive slot held twice, a grant
// pending on an untaken handoff, a free slot, unallocated contexts); then a probe thread provokes
// each error code of docs/engine.md, each bus error (SLVERR) and each TLM-level refusal, taking a
// full Snapshot before and after. The only differences allowed are the documented ones:
//   operation error: ERRORS + 1 and LAST_ERROR (of the context page, or CTRL_LAST_ERROR) =
//                    {code, op, arg}, with the right result word;
//   bus error:       TLM_GENERIC_ERROR_RESPONSE (SLVERR), BUS_ERRORS + 1, BUS_ERROR_ADDR;
//   TLM refusal:     address / burst error status from the bridge, nothing at all changes;
//   BUSY / NONE:     not errors, nothing changes.
// ERR_RECURSION_LIMIT, which needs 65536 holds of one slot, is checked the same way in
// recursion.cpp.
#include <functional>
#include <memory>

#include "../scenario.h"
#include "../snapshot.h"

using namespace hwmx::sctest;
using hwmx::model::last_error_word;
using hwmx::model::Op;

namespace {
enum : unsigned { kA, kB, kC, kD, kProbe, kFree1, kFree2, kFree3 };  // contexts
constexpr unsigned kBuilt = 150;    // cycles: the state is built by then
constexpr unsigned kFarSlot = 100;  // >= NUM_MUTEX, inside the ACT window

struct State {
  unsigned s0 = 0, s1 = 0, s2 = 0, s3 = 0;  // excl-owned+waiter, rec x2, granted, free
};

class Prober {
 public:
  Prober(Cpu& cpu, EngineTarget& target) : c_(cpu), t_(target), now_(Snapshot::take(cpu, target)) {}

  // An operation error: result word, ERRORS + 1, the latch.
  void op_error(const std::string& what, std::uint32_t addr, Code code, unsigned value, Op op,
                const std::string& latch) {
    Snapshot want = now_;
    expect_eq(c_.op(addr), res(code, value), what);
    want["STAT_ERRORS"] += 1;
    want[latch] = last_error_word(code, op, value);
    compare(what, want);
    ++op_errors_;
  }
  void ctx_error(const std::string& what, std::uint32_t addr, unsigned page, Code code,
                 unsigned value, Op op) {
    op_error(what, addr, code, value, op, Snapshot::ctx_key(page, "LAST_ERROR"));
  }
  void ctrl_error(const std::string& what, std::uint32_t addr, Code code, unsigned value, Op op) {
    op_error(what, addr, code, value, op, "CTRL_LAST_ERROR");
  }
  // SLVERR: TLM_GENERIC_ERROR_RESPONSE, BUS_ERRORS + 1, BUS_ERROR_ADDR = {write, address}.
  void bus_error(const std::string& what, bool write, std::uint32_t addr, unsigned be = 0xF) {
    Snapshot want = now_;
    const auto r = write ? c_.write(addr, 0x1, be) : c_.read(addr);
    expect_eq(r.status, tlm::TLM_GENERIC_ERROR_RESPONSE, what + ": SLVERR");
    if (!write) expect_eq(r.data, 0u, what + ": SLVERR read data is 0");
    want["STAT_BUS_ERRORS"] += 1;
    want["BUS_ERROR_ADDR"] =
        (write ? HWMX_BUS_ERROR_ADDR_WRITE_MASK : 0u) | (addr & HWMX_BUS_ERROR_ADDR_ADDR_MASK);
    compare(what, want);
    ++bus_errors_;
  }
  // Something that must change nothing at all.
  void no_change(const std::string& what, const std::function<void()>& access) {
    Snapshot want = now_;
    access();
    compare(what, want);
  }
  // Plain state changes between groups of cases.
  void refresh() { now_ = Snapshot::take(c_, t_); }

  unsigned op_errors() const { return op_errors_; }
  unsigned bus_errors() const { return bus_errors_; }

 private:
  void compare(const std::string& what, const Snapshot& want) {
    now_ = Snapshot::take(c_, t_);
    for (const std::string& d : want.diff(now_)) fail(what + ": unexpected state change " + d);
  }

  Cpu& c_;
  EngineTarget& t_;
  Snapshot now_;
  unsigned op_errors_ = 0, bus_errors_ = 0;
};
}  // namespace

HWMX_SC_TEST(errors, "every error code, SLVERR and TLM refusal answered without a state change") {
  auto st = std::make_shared<State>();
  h.setup([st](Initiator& os) {
    st->s0 = os.new_slot(kExclFifo);
    st->s1 = os.new_slot(kRecPrio);
    st->s2 = os.new_slot(kExclFifo);
    st->s3 = os.new_slot(kExclPrio);
  });
  auto at = [&h](unsigned cycles) { return h.started_at() + h.cycles(cycles); };

  h.add_cpu("A", 6, [st](Cpu& c) {  // owns s0 (B waits on it) and s1 twice
    expect_eq(c.acquire(st->s0).code, Code::kGranted, "A ACQUIRE s0");
    expect_eq(c.acquire(st->s1).code, Code::kGranted, "A ACQUIRE s1");
    expect_eq(c.acquire(st->s1).code, Code::kGranted, "A ACQUIRE s1 again");
  });
  h.add_cpu("B", 7, [st, at](Cpu& c) {  // waits on s0 (and stays parked there)
    c.wait_until(at(40));
    expect_eq(c.acquire_nowait(st->s0), res(Code::kQueued, 1), "B queues on s0");
  });
  h.add_cpu("C", 8, [st, at](Cpu& c) {  // is handed s2 and leaves the grant untaken
    c.wait_until(at(40));
    expect_eq(c.acquire_nowait(st->s2), res(Code::kQueued, 1), "C queues on s2");
  });
  h.add_cpu("D", 9, [st, at](Cpu& c) {
    expect_eq(c.acquire(st->s2).code, Code::kGranted, "D ACQUIRE s2");
    c.wait_until(at(80));
    expect_eq(c.release(st->s2), res(Code::kHandoff, kC), "D hands s2 to C");
  });

  h.add_cpu("probe", 10, [st, at, &h](Cpu& c) {
    c.wait_until(at(kBuilt));
    expect(h.target().irq_ctx[kC].read(), "C's grant interrupt is pending throughout");
    Prober p(c, h.target());
    const unsigned me = c.ctx();
    const unsigned nm = h.target().num_mutex(), nc = h.target().num_ctx();
    auto ctrl_addr = [](std::uint32_t window, unsigned a) { return ctrl(window, a); };

    // ERR_BAD_CTX on a context page below NUM_CTX that is not allocated: latched in its page.
    p.ctx_error("ACQUIRE from an unallocated context", acquire_addr(kFree2, st->s3), kFree2,
                Code::kErrBadCtx, st->s3, Op::kAcquire);
    p.ctx_error("TRY from an unallocated context", try_addr(kFree2, st->s0), kFree2,
                Code::kErrBadCtx, st->s0, Op::kTry);
    p.ctx_error("RELEASE from an unallocated context", release_addr(kFree2, st->s0), kFree2,
                Code::kErrBadCtx, st->s0, Op::kRelease);
    p.ctx_error("CANCEL from an unallocated context", cancel_addr(kFree2), kFree2, Code::kErrBadCtx,
                0, Op::kCancel);
    p.ctx_error("TAKE_GRANT from an unallocated context", take_grant_addr(kFree2), kFree2,
                Code::kErrBadCtx, 0, Op::kTakeGrant);
    // ERR_BAD_SLOT: unallocated, and beyond NUM_MUTEX.
    p.ctx_error("ACQUIRE of an unallocated slot", acquire_addr(me, nm - 1), me, Code::kErrBadSlot,
                nm - 1, Op::kAcquire);
    p.ctx_error("ACQUIRE of a slot >= NUM_MUTEX", acquire_addr(me, kFarSlot), me, Code::kErrBadSlot,
                kFarSlot, Op::kAcquire);
    p.ctx_error("TRY of a slot >= NUM_MUTEX", try_addr(me, kFarSlot), me, Code::kErrBadSlot,
                kFarSlot, Op::kTry);
    p.ctx_error("RELEASE of the last slot of the window",
                release_addr(me, HWMX_ACT_RELEASE_ENTRIES - 1), me, Code::kErrBadSlot,
                HWMX_ACT_RELEASE_ENTRIES - 1, Op::kRelease);
    // ERR_ALREADY_WAITING: B sleeps in s0's queue; another access on its page.
    p.ctx_error("ACQUIRE by a waiting context", acquire_addr(kB, st->s3), kB,
                Code::kErrAlreadyWaiting, st->s3, Op::kAcquire);
    p.ctx_error("TRY by a waiting context", try_addr(kB, st->s1), kB, Code::kErrAlreadyWaiting,
                st->s1, Op::kTry);
    // ERR_NOT_OWNER: another's slot, a free slot, a slot granted to another.
    p.ctx_error("RELEASE of a slot another context owns", release_addr(me, st->s0), me,
                Code::kErrNotOwner, st->s0, Op::kRelease);
    p.ctx_error("RELEASE of a free slot", release_addr(me, st->s3), me, Code::kErrNotOwner, st->s3,
                Op::kRelease);
    p.ctx_error("RELEASE by the waiter of a slot", release_addr(kB, st->s0), kB, Code::kErrNotOwner,
                st->s0, Op::kRelease);
    // ERR_ALREADY_OWNED: exclusive re-ACQUIRE.
    p.ctx_error("ACQUIRE of an exclusive slot by its owner", acquire_addr(kA, st->s0), kA,
                Code::kErrAlreadyOwned, st->s0, Op::kAcquire);
    // ERR_NOT_WAITING.
    p.ctx_error("CANCEL by an idle context", cancel_addr(me), me, Code::kErrNotWaiting, 0,
                Op::kCancel);
    p.ctx_error("CANCEL by an owner that does not wait", cancel_addr(kA), kA, Code::kErrNotWaiting,
                0, Op::kCancel);

    // Control operations.
    p.ctrl_error("FREE_SLOT of an owned slot", ctrl_addr(HWMX_CTRL_ACT_FREE_SLOT_OFFSET, st->s0),
                 Code::kErrSlotBusy, st->s0, Op::kFreeSlot);
    p.ctrl_error("FREE_SLOT of a slot granted but untaken",
                 ctrl_addr(HWMX_CTRL_ACT_FREE_SLOT_OFFSET, st->s2), Code::kErrSlotBusy, st->s2,
                 Op::kFreeSlot);
    p.ctrl_error("INIT_EXCL_FIFO of an owned slot",
                 ctrl_addr(HWMX_CTRL_ACT_INIT_EXCL_FIFO_OFFSET, st->s1), Code::kErrSlotBusy, st->s1,
                 Op::kInitSlot);
    p.ctrl_error("INIT_REC_PRIO of an owned slot",
                 ctrl_addr(HWMX_CTRL_ACT_INIT_REC_PRIO_OFFSET, st->s0), Code::kErrSlotBusy, st->s0,
                 Op::kInitSlot);
    p.ctrl_error("FREE_SLOT of an unallocated slot",
                 ctrl_addr(HWMX_CTRL_ACT_FREE_SLOT_OFFSET, nm - 1), Code::kErrBadSlot, nm - 1,
                 Op::kFreeSlot);
    p.ctrl_error("FREE_SLOT beyond NUM_MUTEX", ctrl_addr(HWMX_CTRL_ACT_FREE_SLOT_OFFSET, kFarSlot),
                 Code::kErrBadSlot, kFarSlot, Op::kFreeSlot);
    p.ctrl_error("INIT_EXCL_PRIO beyond NUM_MUTEX",
                 ctrl_addr(HWMX_CTRL_ACT_INIT_EXCL_PRIO_OFFSET, kFarSlot), Code::kErrBadSlot,
                 kFarSlot, Op::kInitSlot);
    p.ctrl_error("FREE_CTX of an owner", ctrl_addr(HWMX_CTRL_ACT_FREE_CTX_OFFSET, kA),
                 Code::kErrCtxBusy, kA, Op::kFreeCtx);
    p.ctrl_error("FREE_CTX of a waiter", ctrl_addr(HWMX_CTRL_ACT_FREE_CTX_OFFSET, kB),
                 Code::kErrCtxBusy, kB, Op::kFreeCtx);
    p.ctrl_error("FREE_CTX with a grant pending", ctrl_addr(HWMX_CTRL_ACT_FREE_CTX_OFFSET, kC),
                 Code::kErrCtxBusy, kC, Op::kFreeCtx);
    p.ctrl_error("FREE_CTX of an unallocated context",
                 ctrl_addr(HWMX_CTRL_ACT_FREE_CTX_OFFSET, kFree1), Code::kErrBadCtx, kFree1,
                 Op::kFreeCtx);
    p.ctrl_error("FREE_CTX beyond NUM_CTX", ctrl_addr(HWMX_CTRL_ACT_FREE_CTX_OFFSET, 200),
                 Code::kErrBadCtx, 200, Op::kFreeCtx);
    p.ctrl_error("ABANDON of an unallocated context",
                 ctrl_addr(HWMX_CTRL_ACT_ABANDON_OFFSET, kFree3), Code::kErrBadCtx, kFree3,
                 Op::kAbandon);
    p.ctrl_error("ABANDON beyond NUM_CTX", ctrl_addr(HWMX_CTRL_ACT_ABANDON_OFFSET, nc),
                 Code::kErrBadCtx, nc, Op::kAbandon);

    // ERR_NO_RESOURCE: exhaust both pools (plain state changes), then ask once more.
    for (unsigned id = kFree1; id < nc; ++id) {
      expect_eq(c.alloc_ctx(), res(Code::kDone, id), "ALLOC_CTX of the remaining contexts");
    }
    for (unsigned s = st->s3 + 1; s < nm; ++s) {
      expect_eq(c.alloc_slot(kExclFifo), res(Code::kDone, s), "ALLOC_SLOT of the remaining slots");
    }
    p.refresh();
    p.ctrl_error("ALLOC_CTX with the pool empty", ctrl_addr(HWMX_CTRL_ACT_ALLOC_CTX_OFFSET, 0),
                 Code::kErrNoResource, 0, Op::kAllocCtx);
    p.ctrl_error("ALLOC_SLOT with the pool empty",
                 ctrl_addr(HWMX_CTRL_ACT_ALLOC_SLOT_OFFSET, kRecPrio), Code::kErrNoResource,
                 kRecPrio, Op::kAllocSlot);

    // Bus errors: SLVERR, mapped by the bridge (and the model target) to TLM_GENERIC_ERROR.
    p.bus_error("write to an action window", true, acquire_addr(me, st->s3));
    p.bus_error("read of ACT[NUM_CTX]", false, acquire_addr(nc, st->s3));
    p.bus_error("read of CTX[NUM_CTX].STATUS", false, ctx_reg(nc, HWMX_CTX_STATUS_OFFSET));
    p.bus_error("write with WSTRB != 1111", true, ctx_reg(me, HWMX_CTX_PRIORITY_OFFSET), 0x3);
    p.bus_error("write to read-only CONFIG", true, HWMX_CONFIG_OFFSET);
    p.bus_error("read of an unmapped hole", false, HWMX_STAT_MAX_QDEPTH_OFFSET + 4);
    p.bus_error("ALLOC_SLOT with an argument > 3", false,
                ctrl_addr(HWMX_CTRL_ACT_ALLOC_SLOT_OFFSET, 4));
    p.bus_error("ALLOC_CTX with an argument != 0", false,
                ctrl_addr(HWMX_CTRL_ACT_ALLOC_CTX_OFFSET, 1));
    p.bus_error("read beyond the control windows", false,
                ctrl_addr(HWMX_CTRL_ACT_ABANDON_OFFSET + 4 * HWMX_CTRL_ACT_ABANDON_ENTRIES, 0));

    // Refused before the pins: outside the 25-bit port, more than one beat.
    p.no_change("address beyond the 25-bit port", [&] {
      expect_eq(c.read(std::uint64_t{1} << 25).status, tlm::TLM_ADDRESS_ERROR_RESPONSE,
                "address beyond the port: TLM_ADDRESS_ERROR_RESPONSE");
    });
    p.no_change("8-byte burst", [&] {
      expect_eq(c.read(HWMX_ID_OFFSET, 8).status, tlm::TLM_BURST_ERROR_RESPONSE,
                "two beats: TLM_BURST_ERROR_RESPONSE");
    });
    p.no_change("access across a word boundary", [&] {
      expect_eq(c.read(HWMX_ID_OFFSET + 3, 2).status, tlm::TLM_BURST_ERROR_RESPONSE,
                "crossing a word: TLM_BURST_ERROR_RESPONSE");
    });
    // Not errors, and nothing changes: BUSY, NONE, a sub-word read.
    p.no_change("TRY of a held slot", [&] {
      expect_eq(c.try_acquire(st->s0), res(Code::kBusy), "TRY of another's slot: BUSY");
    });
    p.no_change("TRY of an exclusive slot by its owner", [&] {
      expect_eq(c.try_on(kA, st->s0), res(Code::kBusy), "TRY by the exclusive owner: BUSY");
    });
    p.no_change("TAKE_GRANT with no grant", [&] {
      expect_eq(c.take_grant(), res(Code::kNone), "TAKE_GRANT without a grant: NONE");
    });
    p.no_change("byte read", [&] {
      const std::uint32_t id = c.rd(HWMX_ID_OFFSET);
      const auto r = c.read(HWMX_ID_OFFSET + 1, 1);
      expect_eq(r.status, tlm::TLM_OK_RESPONSE, "byte read: OK");
      expect_eq(r.data, (id >> 8) & 0xFFu, "byte read: lane 1 of ID");
    });

    expect_eq(c.counter(HWMX_STAT_ERRORS_LO_OFFSET), std::uint64_t{p.op_errors()},
              "ERRORS counts every operation error");
    expect_eq(c.rd(HWMX_STAT_BUS_ERRORS_OFFSET), p.bus_errors(), "BUS_ERRORS counts every SLVERR");
  });
}
