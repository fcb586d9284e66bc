// The periodic full-state comparison: reads of every statistics counter and control-page
// register, of a rotating window of context pages, and INSPECT of a rotating window of slots plus
// some allocated ones. They run through the same checked path as the random stream.
#pragma once

#include <cstdint>
#include <vector>

#include "bus_op.h"
#include "hwmx/model/engine.h"
#include "profile.h"

namespace hwmx::difftest {

class Sweeper {
 public:
  explicit Sweeper(const Profile& profile) : p_(profile) {}
  /// The accesses of the next sweep (the windows advance each call).
  std::vector<BusOp> next(const model::Engine& model);

 private:
  const Profile& p_;
  unsigned next_ctx_ = 0, next_slot_ = 0;
};

}  // namespace hwmx::difftest
