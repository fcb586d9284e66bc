// Every piece of engine state software can observe, read through the bus: the control page, the
// 64-bit counters, every context page, the INSPECT view of every slot, plus the interrupt lines.
// The error test takes one before and after an erroneous access and requires that the only
// differences are the documented ones (ERRORS + 1 and the latched LAST_ERROR, or BUS_ERRORS + 1
// and BUS_ERROR_ADDR): "every error answered without a state change".
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "engine_target.h"
#include "initiator.h"

namespace hwmx::sctest {

class Snapshot {
 public:
  /// Reads everything through `bus` (INSPECT_SLOT is restored afterwards).
  static Snapshot take(Initiator& bus, const EngineTarget& target);

  std::uint64_t& operator[](const std::string& key) { return values_[key]; }
  std::uint64_t at(const std::string& key) const { return values_.at(key); }
  /// "KEY: this -> other" for every difference.
  std::vector<std::string> diff(const Snapshot& other) const;

  static std::string ctx_key(unsigned c, const char* reg);
  static std::string slot_key(unsigned s, const char* reg);

 private:
  std::map<std::string, std::uint64_t> values_;
};

}  // namespace hwmx::sctest
