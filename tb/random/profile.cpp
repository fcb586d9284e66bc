#include "profile.h"

#include <stdexcept>

namespace hwmx::difftest {
namespace {

#if HWMX_DIFFTEST_COVERAGE
// hwmx_difftest_cov links the line-coverage models of the tiny and default configurations
// only (a program cannot mix coverage and plain Verilator models).
std::unique_ptr<sim::RtlDevice> not_built(const sim::RtlOptions&) {
  throw std::invalid_argument("hwmx_difftest_cov has the tiny and default configurations only");
}
constexpr auto kTiny = &sim::make_rtl_tiny_cov;
constexpr auto kDefault = &sim::make_rtl_default_cov;
constexpr auto kLarge = &not_built;
#else
constexpr auto kTiny = &sim::make_rtl_tiny;
constexpr auto kDefault = &sim::make_rtl_default;
constexpr auto kLarge = &sim::make_rtl_large;
#endif

}  // namespace

Profile profile_for(const std::string& name) {
  Profile p;
  p.name = name;
  if (name == "tiny") {
    p.num_mutex = 4;
    p.num_ctx = 4;
    p.make_rtl = kTiny;
    p.ctx_targets = {2, 3, 4, 4};
    p.slot_targets = {1, 2, 4, 4};
    p.abandon_weight = 0.7;
    p.sweep_interval = 500;
    p.sweep_ctx = 4;
    p.sweep_slots = 4;
  } else if (name == "default") {
    p.num_mutex = 256;
    p.num_ctx = 64;
    p.make_rtl = kDefault;
    p.ctx_targets = {4, 16, 48, 64};
    p.slot_targets = {1, 4, 16, 64, 256};
    p.abandon_weight = 0.5;
    p.pileup_share = 0.15;
    p.sweep_interval = 1000;
    p.sweep_ctx = 64;
    p.sweep_slots = 32;
  } else if (name == "large") {
    p.num_mutex = 4096;
    p.num_ctx = 256;
    p.make_rtl = kLarge;
    p.ctx_targets = {8, 64, 192, 256};
    p.slot_targets = {2, 16, 128, 512};
    p.abandon_weight = 0.03;  // rare: a 4096-slot scan each
    p.pileup_share = 0.1;
    p.sweep_interval = 2000;
    p.sweep_ctx = 64;
    p.sweep_slots = 32;
  } else {
    throw std::invalid_argument("unknown config '" + name + "' (tiny, default or large)");
  }
  return p;
}

}  // namespace hwmx::difftest
