// The recursion limit: a recursive slot can be held 65536 times (count 0xFFFF); one more
// ACQUIRE or TRY answers ERR_RECURSION_LIMIT and changes nothing.
#include "device_test.h"

namespace hwmx::test {
namespace {

TEST_P(Recursion, LimitIsCountMax) {
  const unsigned c = new_ctx(4), s = new_slot(kRecFifo);
  ASSERT_EQ(acquire(c, s), res(Code::kGranted, 0, 4));
  // The fast path: raw bus reads without the per-access checks of the fixture.
  const std::uint32_t addr = acquire_addr(c, s);
  for (unsigned n = 1; n < model::kCountMax; ++n) {
    const ReadResult r = dev().read(addr);
    ASSERT_EQ(r.data, res(Code::kGranted, n, 4).word()) << "acquire " << n;
  }
  EXPECT_EQ(acquire(c, s), res(Code::kGranted, model::kCountMax, 4));
  EXPECT_EQ(inspect(s).count, model::kCountMax);
  EXPECT_EQ(acquire(c, s), res(Code::kErrRecursionLimit, s));
  EXPECT_EQ(last_error(c), last_error_of(Code::kErrRecursionLimit, HWMX_OP_ACQUIRE, s));
  EXPECT_EQ(try_acquire(c, s), res(Code::kErrRecursionLimit, s));
  EXPECT_EQ(last_error(c), last_error_of(Code::kErrRecursionLimit, HWMX_OP_TRY, s));
  EXPECT_EQ(inspect(s).count, model::kCountMax) << "unchanged";
  EXPECT_EQ(counter(HWMX_STAT_ACQUIRES_LO_OFFSET), 65536u);
  EXPECT_EQ(counter(HWMX_STAT_ERRORS_LO_OFFSET), 2u);
  EXPECT_EQ(release(c, s), res(Code::kReleased, model::kCountMax));
  EXPECT_EQ(acquire(c, s), res(Code::kGranted, model::kCountMax, 4)) << "room for one again";
}

TEST_P(Recursion, LimitDoesNotApplyToOtherContexts) {
  // A waiter on a recursive slot queues normally; the count of the handed-off slot restarts.
  const unsigned a = new_ctx(), b = new_ctx(), s = new_slot(kRecFifo);
  for (unsigned n = 0; n < 10; ++n) ASSERT_EQ(acquire(a, s), res(Code::kGranted, n));
  ASSERT_EQ(acquire(b, s).code, Code::kQueued);
  for (unsigned n = 9; n > 0; --n) ASSERT_EQ(release(a, s), res(Code::kReleased, n));
  EXPECT_EQ(release(a, s), res(Code::kHandoff, b));
  EXPECT_EQ(inspect(s).count, 0u);
}

}  // namespace
}  // namespace hwmx::test
