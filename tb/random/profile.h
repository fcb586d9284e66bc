// Per-configuration parameters of the differential test: which RTL to build, how the random
// stream is biased for that size, and how often the full-state sweeps run.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "hwmx/sim/rtl_device.h"

namespace hwmx::difftest {

struct Profile {
  std::string name;
  unsigned num_mutex = 0, num_ctx = 0;
  std::unique_ptr<sim::RtlDevice> (*make_rtl)(const sim::RtlOptions&) = nullptr;
  /// Working-set sizes the stream moves between (allocated contexts / slots it aims for); the
  /// largest ones exhaust the pools.
  std::vector<unsigned> ctx_targets, slot_targets;
  /// Relative weight of ABANDON (each one scans NUM_MUTEX slots in the RTL).
  double abandon_weight = 0.7;
  /// Share of regimes that are pile-ups: every context allocated, most operations on one slot,
  /// few releases and cancels, so its queue fills to NUM_CTX - 1 waiters (full) and operations
  /// run at near-full and full queues. 0: none (the tiny configuration fills queues anyway).
  double pileup_share = 0;
  /// Random operations between two sweeps (counters, context pages, inspected slots).
  unsigned sweep_interval = 1000;
  /// Contexts and slots read per sweep (a rotating window over all ids).
  unsigned sweep_ctx = 64, sweep_slots = 32;
};

/// "tiny", "default" or "large"; throws std::invalid_argument otherwise.
Profile profile_for(const std::string& name);

}  // namespace hwmx::difftest
