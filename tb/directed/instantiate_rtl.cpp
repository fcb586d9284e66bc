// Runs every directed test on the Verilated RTL, in the tiny and default configurations.
#include "device_test.h"
#include "hwmx/sim/rtl_device.h"

namespace hwmx::test {

#define HWMX_PREFIX rtl
#define HWMX_DEVICES                                                                     \
  testing::Values(                                                                       \
      DeviceParam{"rtl_tiny",                                                            \
                  [] { return std::unique_ptr<RegisterDevice>(sim::make_rtl_tiny()); }}, \
      DeviceParam{"rtl_default",                                                         \
                  [] { return std::unique_ptr<RegisterDevice>(sim::make_rtl_default()); }})
HWMX_INSTANTIATE_ALL()

}  // namespace hwmx::test
