// hwmx_difftest: a seeded random stream of bus accesses applied to the Verilated RTL and to the
// reference model, compared after every access; the first difference prints the recent history
// and the command that replays it, and exits 1.
//   --coverage-report: also bins every operation (functional_coverage.h), prints the bin table and
//   exits 3 when a reachable bin was never hit (or a bin thought unreachable was).
//   --line-coverage FILE: the RTL's Verilator line-coverage data is written to FILE at the end
//   (hwmx_difftest_cov only: its tiny and default models are built with coverage; see
//   scripts/coverage).
//   --stall N: the bus master stalls each response 0..N cycles (the RTL must hold it).
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdint>
#include <exception>
#include <iostream>
#include <optional>
#include <random>
#include <string>

#include "differ.h"
#include "functional_coverage.h"
#include "generator.h"
#include "hwmx/model/engine.h"
#include "hwmx/model/result.h"
#include "profile.h"
#include "sweep.h"

namespace hwmx::difftest {
namespace {

struct Options {
  std::string config = "tiny";
  std::optional<std::uint64_t> seed;
  std::uint64_t ops = 100000;
  std::size_t history = 50;
  std::string trace;
  bool coverage_report = false;
  std::string line_coverage;
  unsigned stall = 0;
};

int fail(const Options& o, std::uint64_t seed, std::uint64_t index, const std::string& what,
         const Differ& differ) {
  std::cout << "\nMISMATCH at random operation #" << index << " (config " << o.config << ", seed "
            << seed << ")\n  " << what << "\n\nlast " << o.history << " accesses (oldest first):\n";
  differ.print_history(std::cout);
  std::cout << "\nreplay: hwmx_difftest --config " << o.config << " --seed " << seed << " --ops "
            << index + 1 << (o.stall ? " --stall " + std::to_string(o.stall) : "") << "\n";
  return 1;
}

int run(const Options& o) {
  std::random_device entropy;
  const std::uint64_t seed =
      o.seed ? *o.seed : (std::uint64_t{entropy()} << 32) | std::uint64_t{entropy()};
  std::cout << "seed " << seed << std::endl;  // first, so even a crash can be replayed
  const Profile profile = profile_for(o.config);
  model::Engine model(profile.num_mutex, profile.num_ctx);
  sim::RtlOptions rtl_options;
  rtl_options.trace_file = o.trace;
  rtl_options.coverage_file = o.line_coverage;
  rtl_options.response_stall_max = o.stall;
  const auto rtl = profile.make_rtl(rtl_options);
  Differ differ(model, *rtl, o.history);
  FunctionalCoverage coverage(profile.num_ctx);
  if (o.coverage_report) differ.set_coverage(&coverage);
  Generator gen(model, profile, seed);
  Sweeper sweeper(profile);

  const auto start = std::chrono::steady_clock::now();
  std::uint64_t i = 0;
  try {
    for (; i < o.ops; ++i) {
      if (auto diff = differ.apply(gen.next(), i); !diff.empty()) {
        return fail(o, seed, i, diff, differ);
      }
      if ((i + 1) % profile.sweep_interval == 0 || i + 1 == o.ops) {
        for (const BusOp& op : sweeper.next(model)) {
          if (auto diff = differ.apply(op, i); !diff.empty()) {
            return fail(o, seed, i, "(sweep) " + diff, differ);
          }
        }
        if (auto bad = model.check_invariants(); !bad.empty()) {
          return fail(o, seed, i, "model invariant broken (a model bug): " + bad, differ);
        }
      }
    }
  } catch (const std::exception& e) {
    return fail(o, seed, i, std::string("exception: ") + e.what(), differ);
  }
  const double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const auto& g = model.globals();
  std::cout << "PASS config " << o.config << " seed " << seed << ": " << o.ops << " operations, "
            << differ.accesses() << " accesses, " << rtl->cycles() << " cycles in " << secs
            << " s\n  acquires " << g.acquires << ", handoffs " << g.handoffs << ", errors "
            << g.errors << ", bus errors " << g.bus_errors << ", max queue " << g.max_qdepth
            << "\n  results:";
  for (unsigned code = 0; code < differ.result_codes().size(); ++code) {
    if (const auto n = differ.result_codes()[code]; n != 0) {
      std::cout << " " << model::code_name(static_cast<std::uint8_t>(code)) << "=" << n;
    }
  }
  std::cout << "\n";
  if (o.coverage_report) {
    std::cout << "\n";
    coverage.print(std::cout);
    if (!coverage.complete()) {
      std::cout << "FAIL functional coverage (config " << o.config << ", seed " << seed << ", "
                << o.ops << " operations)\n";
      return 3;
    }
  }
  return 0;
}

}  // namespace
}  // namespace hwmx::difftest

int main(int argc, char** argv) {
  hwmx::difftest::Options o;
  CLI::App app{"hwmx randomized differential test: RTL vs reference model"};
  app.add_option("--config", o.config, "RTL configuration")
      ->check(CLI::IsMember({"tiny", "default", "large"}));
  app.add_option("--seed", o.seed, "random seed (default: from std::random_device)");
  app.add_option("--ops", o.ops, "number of random operations")->capture_default_str();
  app.add_option("--history", o.history, "accesses shown on a mismatch")->capture_default_str();
  app.add_option("--trace", o.trace, "VCD waveform file (default config only)");
  app.add_flag("--coverage-report", o.coverage_report,
               "print the functional-coverage bins; exit 3 if a reachable bin was not hit");
  app.add_option("--line-coverage", o.line_coverage,
                 "write the RTL's Verilator coverage data to FILE (hwmx_difftest_cov only)");
  app.add_option("--stall", o.stall,
                 "hold RREADY/BREADY low 0..N cycles after each response appears (backpressure)")
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  try {
    return hwmx::difftest::run(o);
  } catch (const std::exception& e) {
    std::cerr << "hwmx_difftest: " << e.what() << "\n";
    return 2;
  }
}
