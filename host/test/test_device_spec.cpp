// Device selection and the default fault handler. The device is chosen once per process, so every
// case runs in a child process of its own (gtest death-test machinery, "threadsafe" style: the
// child re-executes the binary and runs only that statement).
#include <gtest/gtest.h>

#include <cstdlib>

#include "hwmx/wdm.h"

namespace {

// Exits with 0 when `status` is `expected`, else with 1, so the parent can check both the status
// and what was printed to stderr.
[[noreturn]] void exit_if(NTSTATUS status, NTSTATUS expected) {
  std::exit(status == expected ? 0 : 1);
}

class DeviceSpec : public ::testing::Test {
 protected:
  void SetUp() override { GTEST_FLAG_SET(death_test_style, "threadsafe"); }
};

}  // namespace

TEST_F(DeviceSpec, SimIsTheDefaultAndOpensOnce) {
  EXPECT_EXIT(
      {
        if (HwmxOpenDevice("sim") != STATUS_SUCCESS) std::exit(1);
        if (HwmxOpenDevice("sim") != STATUS_SUCCESS) std::exit(2);  // the same one again
        // A different one after first use is refused.
        exit_if(HwmxOpenDevice("remote:/tmp/hwmx-test.sock"), STATUS_INVALID_PARAMETER);
      },
      ::testing::ExitedWithCode(0), "already open");
}

TEST_F(DeviceSpec, UnknownSpecsListTheValidForms) {
  EXPECT_EXIT(exit_if(HwmxOpenDevice("bogus"), STATUS_INVALID_PARAMETER),
              ::testing::ExitedWithCode(0), "Valid forms: \"sim\".*remote:.*uio:/dev/uioN");
  EXPECT_EXIT(exit_if(HwmxOpenDevice(""), STATUS_INVALID_PARAMETER), ::testing::ExitedWithCode(0),
              "empty");
  EXPECT_EXIT(exit_if(HwmxOpenDevice(nullptr), STATUS_INVALID_PARAMETER),
              ::testing::ExitedWithCode(0), "spec is required");
  EXPECT_EXIT(exit_if(HwmxOpenDevice("remote:"), STATUS_INVALID_PARAMETER),
              ::testing::ExitedWithCode(0), "socket path");
  EXPECT_EXIT(exit_if(HwmxOpenDevice("uio:/tmp/x"), STATUS_INVALID_PARAMETER),
              ::testing::ExitedWithCode(0), "/dev/uio<N>");
}

TEST_F(DeviceSpec, MissingUioNodeIsNoSuchDevice) {
  EXPECT_EXIT(exit_if(HwmxOpenDevice("uio:/dev/uio987"), STATUS_NO_SUCH_DEVICE),
              ::testing::ExitedWithCode(0), "no UIO device node \"/dev/uio987\"");
}

TEST_F(DeviceSpec, UnreachableDaemonIsDeviceNotConnected) {
  EXPECT_EXIT(
      exit_if(HwmxOpenDevice("remote:/tmp/hwmx-no-such-daemon.sock"), STATUS_DEVICE_NOT_CONNECTED),
      ::testing::ExitedWithCode(0), "daemon is not running");
}

TEST_F(DeviceSpec, FailedOpenCanBeRetriedWithAnotherSpec) {
  EXPECT_EXIT(
      {
        if (HwmxOpenDevice("uio:/dev/uio987") != STATUS_NO_SUCH_DEVICE) std::exit(1);
        exit_if(HwmxOpenDevice("sim"), STATUS_SUCCESS);
      },
      ::testing::ExitedWithCode(0), "");
}

TEST_F(DeviceSpec, BadHwmxDeviceIsReportedAtFirstUse) {
  EXPECT_DEATH(
      {
        setenv("HWMX_DEVICE", "remote:/tmp/hwmx-no-such-daemon.sock", 1);
        KMUTEX m;
        KeInitializeMutex(&m, 0);
      },
      "STATUS_DEVICE_NOT_CONNECTED.*\n.*\n.*from HWMX_DEVICE.*daemon is not running");
}

TEST_F(DeviceSpec, HwmxDeviceSelectsTheBackend) {
  EXPECT_EXIT(
      {
        setenv("HWMX_DEVICE", "sim", 1);
        KMUTEX m;
        KeInitializeMutex(&m, 0);
        std::exit(KeReadStateMutex(&m) == 1 ? 0 : 1);
      },
      ::testing::ExitedWithCode(0), "");
}

TEST_F(DeviceSpec, DefaultHandlerPrintsTheBugCheckAndAborts) {
  EXPECT_DEATH(KeBugCheckEx(IRQL_NOT_LESS_OR_EQUAL, 1, 2, 3, 4),
               "BUG CHECK 0x0000000A \\(IRQL_NOT_LESS_OR_EQUAL\\)");
  EXPECT_DEATH(
      {
        KMUTEX m;
        KeInitializeMutex(&m, 0);
        KeReleaseMutex(&m, FALSE);
      },
      "STATUS_MUTANT_NOT_OWNED.*\n.*\n.*KeReleaseMutex.*does not own.*\n.*likely cause");
}

VOID returning_handler(ULONG, ULONG, ULONG_PTR, ULONG_PTR, ULONG_PTR, ULONG_PTR) {}

TEST_F(DeviceSpec, KeBugCheckExAbortsWhenTheHandlerReturns) {
  EXPECT_DEATH(
      {
        HwmxSetFaultHandler(&returning_handler);
        KeBugCheckEx(0x1234, 0, 0, 0, 0);
      },
      "returned from KeBugCheckEx");
}
