// Runs every directed test on the reference model, in the tiny and default configurations.
#include "device_test.h"

namespace hwmx::test {
namespace {

DeviceParam model_device(std::string name, unsigned num_mutex, unsigned num_ctx) {
  return {"model_" + name, [=] { return std::make_unique<model::Engine>(num_mutex, num_ctx); }};
}

}  // namespace

#define HWMX_PREFIX model
#define HWMX_DEVICES testing::Values(model_device("tiny", 4, 4), model_device("default", 256, 64))
HWMX_INSTANTIATE_ALL()

}  // namespace hwmx::test
