// Priority reported with a grant: boost(c, s) = 16 for a recursive slot handed to a waiter below
// 16, else the waiter's priority at the time of the handoff.
#include "device_test.h"

namespace hwmx::test {
namespace {

TEST_P(Boost, RecursiveHandoffBoostsBelowSixteen) {
  const unsigned a = new_ctx(), b = new_ctx(3), s = new_slot(kRecFifo);
  ASSERT_EQ(acquire(a, s).code, Code::kGranted);
  ASSERT_EQ(acquire(b, s).code, Code::kQueued);
  ASSERT_EQ(release(a, s), res(Code::kHandoff, b));
  EXPECT_EQ(take_grant(b), res(Code::kGranted, s, 16));
  EXPECT_EQ(ctx_read(b, HWMX_CTX_PRIORITY_OFFSET), 3u) << "the engine never changes PRIORITY";
  EXPECT_EQ(acquire(b, s), res(Code::kGranted, 1, 3)) << "a recursive re-acquire is not boosted";
}

TEST_P(Boost, BoostDependsOnPolicyAndPriority) {
  struct Case {
    unsigned kind, priority, expect;
  };
  for (const Case& k : {Case{kRecFifo, 0, 16}, Case{kRecPrio, 15, 16}, Case{kRecFifo, 16, 16},
                        Case{kRecPrio, 31, 31}, Case{kExclFifo, 3, 3}, Case{kExclPrio, 20, 20}}) {
    SCOPED_TRACE("kind " + std::to_string(k.kind) + " priority " + std::to_string(k.priority));
    const unsigned a = new_ctx(), b = new_ctx(k.priority), s = new_slot(k.kind);
    ASSERT_EQ(acquire(a, s).code, Code::kGranted);
    ASSERT_EQ(acquire(b, s).code, Code::kQueued);
    ASSERT_EQ(release(a, s), res(Code::kHandoff, b));
    EXPECT_EQ(take_grant(b), res(Code::kGranted, s, k.expect));
    // Clean up so tiny's pools last through all cases.
    ASSERT_EQ(release(b, s).code, Code::kReleased);
    ASSERT_EQ(free_slot(s).code, Code::kDone);
    ASSERT_EQ(free_ctx(a).code, Code::kDone);
    ASSERT_EQ(free_ctx(b).code, Code::kDone);
  }
}

TEST_P(Boost, UsesThePriorityAtHandoffTime) {
  const unsigned a = new_ctx(), b = new_ctx(20), s = new_slot(kRecFifo);
  ASSERT_EQ(acquire(a, s).code, Code::kGranted);
  ASSERT_EQ(acquire(b, s).code, Code::kQueued);
  set_priority(b, 2);  // lowered while waiting
  ASSERT_EQ(release(a, s), res(Code::kHandoff, b));
  EXPECT_EQ(grant(b), res(Code::kGranted, s, 16));
  set_priority(b, 25);  // changing it later does not change the recorded grant
  EXPECT_EQ(take_grant(b), res(Code::kGranted, s, 16));
}

TEST_P(Boost, ImmediateGrantIsNotBoosted) {
  const unsigned a = new_ctx(1), s = new_slot(kRecPrio);
  EXPECT_EQ(acquire(a, s), res(Code::kGranted, 0, 1));
}

}  // namespace
}  // namespace hwmx::test
