// CANCEL racing a handoff. Each round: the owner holds an exclusive FIFO slot; waiter B queues,
// then waiter C behind it. B waits for its grant with a timeout (KeWaitForSingleObject with a
// timeout): if the interrupt has not come by the deadline it issues CANCEL. The owner releases
// at the deadline plus an offset swept across rounds from well before to just after it, so that
// the release and the cancel meet in every order the bus allows. Exactly one must take effect:
//   - B cancelled (CANCELLED, VALUE = slot): the owner's RELEASE hands off to C, B owns nothing;
//   - the handoff won (RELEASE answers HANDOFF to B): B's wait ends GRANTED (woken in time) or
//     its CANCEL answers ALREADY_GRANTED with the grant record (it then owns the slot and its
//     interrupt is clear); B releases to C.
// Both race outcomes (CANCELLED and ALREADY_GRANTED) must occur across the sweep, and the
// HANDOFFS counter must equal the handoffs the outcomes imply.
#include <iostream>
#include <memory>
#include <vector>

#include "../scenario.h"

using namespace hwmx::sctest;

namespace {
constexpr int kFirstOffset = -12, kLastOffset = 6;  // owner's RELEASE relative to B's deadline
constexpr unsigned kRounds = kLastOffset - kFirstOffset + 1;
constexpr unsigned kRoundCycles = 300;
constexpr unsigned kBQueues = 20, kCQueues = 40, kDeadline = 100;  // cycles into the round
constexpr unsigned kPriority = 5;
constexpr unsigned kOwner = 0, kB = 1, kC = 2;  // contexts

struct Round {
  Result release;  // the owner's RELEASE
  Result b;        // how B's timed wait ended (TAKE_GRANT or CANCEL answer)
};

struct State {
  unsigned slot = 0;
  std::vector<Round> rounds = std::vector<Round>(kRounds);
};
}  // namespace

HWMX_SC_TEST(cancel_race,
             "CANCEL vs handoff swept over offsets: exactly one takes effect, both seen") {
  auto st = std::make_shared<State>();
  h.setup([st](Initiator& os) { st->slot = os.new_slot(kExclFifo); });
  auto round_start = [&h](unsigned k) { return h.started_at() + h.cycles(k * kRoundCycles); };

  h.add_cpu("owner", kPriority, [st, &h, round_start](Cpu& c) {
    for (unsigned k = 0; k < kRounds; ++k) {
      c.wait_until(round_start(k));
      expect_eq(c.acquire(st->slot), res(Code::kGranted, 0, kPriority), "owner ACQUIRE");
      const int offset = kFirstOffset + static_cast<int>(k);
      c.wait_until(round_start(k) + h.cycles(static_cast<unsigned>(int{kDeadline} + offset)));
      st->rounds[k].release = c.release(st->slot);
    }
  });

  h.add_cpu("B", kPriority, [st, &h, round_start](Cpu& c) {
    for (unsigned k = 0; k < kRounds; ++k) {
      c.wait_until(round_start(k) + h.cycles(kBQueues));
      expect_eq(c.acquire_nowait(st->slot), res(Code::kQueued, 1), "B QUEUED first");
      const Result r = c.wait_grant_until(round_start(k) + h.cycles(kDeadline));
      st->rounds[k].b = r;
      if (r.code == Code::kGranted || r.code == Code::kAlreadyGranted) {
        // The handoff took effect: B owns the slot (the grant record says so), the cancel did not.
        expect_eq(r, res(r.code, st->slot, kPriority), "B's grant record");
        c.wait_cycles(6);  // past the interrupt bound: the consumed grant leaves the line low
        expect(!c.irq.read(), "B's interrupt low once its grant is consumed");
        const SlotView v = c.inspect(st->slot);
        expect(v.owned() && v.owner() == kB, "B owns the slot after its grant");
        expect_eq(c.release(st->slot), res(Code::kHandoff, kC), "B releases to C");
      } else {
        expect_eq(r, res(Code::kCancelled, st->slot), "B's CANCEL took effect");
        c.wait_cycles(6);
        const CtxStatus s = c.status(kB);
        expect(!s.waiting() && !s.grant_pending() && s.owned() == 0 && !c.irq.read(),
               "a cancelled B neither waits, nor owns, nor has a grant or interrupt");
      }
    }
  });

  h.add_cpu("C", kPriority, [st, &h, round_start](Cpu& c) {
    for (unsigned k = 0; k < kRounds; ++k) {
      c.wait_until(round_start(k) + h.cycles(kCQueues));
      expect_eq(c.acquire_nowait(st->slot), res(Code::kQueued, 2), "C QUEUED behind B");
      expect_eq(c.wait_grant(), res(Code::kGranted, st->slot, kPriority), "C granted");
      expect_eq(c.release(st->slot), res(Code::kReleased, 0), "C releases; the slot is free");
    }
  });

  h.finish([st, &h](Initiator& os) {
    unsigned cancelled = 0, already = 0, in_time = 0;
    std::uint64_t handoffs = 0;
    std::cout << "cancel race [" << h.target().kind()
              << "] (owner RELEASE at B's deadline + n cycles):";
    for (unsigned k = 0; k < kRounds; ++k) {
      const Round& r = st->rounds[k];
      const int offset = kFirstOffset + static_cast<int>(k);
      const bool b_won_cancel = r.b.code == Code::kCancelled;
      const bool handoff_to_b = r.release == res(Code::kHandoff, kB);
      // Exactly one of the two took effect, and they agree with each other.
      if (b_won_cancel) {
        expect_eq(r.release, res(Code::kHandoff, kC),
                  "offset " + std::to_string(offset) + ": B cancelled, so RELEASE hands to C");
        ++cancelled, handoffs += 1;
      } else {
        expect(handoff_to_b, "offset " + std::to_string(offset) +
                                 ": B got the slot, so RELEASE handed off to B, got " +
                                 to_text(r.release));
        (r.b.code == Code::kAlreadyGranted ? already : in_time) += 1;
        handoffs += 2;
      }
      std::cout << " " << offset << ":"
                << (b_won_cancel                        ? "CANCELLED"
                    : r.b.code == Code::kAlreadyGranted ? "ALREADY_GRANTED"
                                                        : "GRANTED");
    }
    std::cout << "\n";
    expect(cancelled > 0, "some round had CANCEL win the race");
    expect(already > 0, "some round had the handoff win the race (ALREADY_GRANTED)");
    expect(in_time > 0, "some round had the grant arrive before the deadline");
    expect_eq(os.counter(HWMX_STAT_HANDOFFS_LO_OFFSET), handoffs,
              "HANDOFFS = the handoffs the outcomes imply (none twice, none lost)");
    expect_eq(os.counter(HWMX_STAT_ERRORS_LO_OFFSET), std::uint64_t{0}, "ERRORS");
    const SlotView v = os.inspect(st->slot);
    expect(!v.owned() && v.length() == 0, "slot free, queue empty after all rounds");
  });
}
