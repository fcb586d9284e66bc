// Applies each access to the reference model and the RTL and compares everything observable:
// read data and response, write response, every irq_ctx line and irq. Keeps the recent history
// for the mismatch report.
#pragma once

#include <array>
#include <cstdint>
#include <deque>
#include <ostream>
#include <string>

#include "bus_op.h"
#include "functional_coverage.h"
#include "hwmx/model/engine.h"
#include "hwmx/sim/rtl_device.h"

namespace hwmx::difftest {

class Differ {
 public:
  Differ(model::Engine& model, sim::RtlDevice& rtl, std::size_t history = 50)
      : model_(model), rtl_(rtl), keep_(history) {}

  /// Applies `op` (random operation number `index`) to both; returns "" when they agree, else a
  /// description of the difference.
  std::string apply(const BusOp& op, std::uint64_t index);
  /// The last accesses, oldest first.
  void print_history(std::ostream& os) const;
  std::uint64_t accesses() const { return accesses_; }
  /// How often each result code was answered by an operation (model side): stream coverage.
  const std::array<std::uint64_t, 256>& result_codes() const { return codes_; }
  /// Bin every operation into `coverage` (classified on the model's state around it); nullptr
  /// turns it off.
  void set_coverage(FunctionalCoverage* coverage) { coverage_ = coverage; }

 private:
  struct Entry {
    std::uint64_t index;
    BusOp op;
    ReadResult model, rtl;
  };
  std::string compare_irqs();

  model::Engine& model_;
  sim::RtlDevice& rtl_;
  std::size_t keep_;
  std::deque<Entry> history_;
  std::uint64_t accesses_ = 0;
  std::array<std::uint64_t, 256> codes_{};
  FunctionalCoverage* coverage_ = nullptr;
};

}  // namespace hwmx::difftest
