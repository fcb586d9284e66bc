// The host tests' main: every fault becomes a C++ exception (hwmx_test::FaultException), so an
// unexpected fault fails the test that caused it instead of aborting the whole binary.
#include <gtest/gtest.h>

#include "test_support.h"

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  HwmxSetFaultHandler(&hwmx_test::throwing_handler);
  return RUN_ALL_TESTS();
}
