// hwmx_sc_tests: runs one transaction test against one target.
//   hwmx_sc_tests --test <name> --target rtl|model [--vcd <file>] [--period-ns <n>]
//                 [--model-irq-cycles <n>]   (architecture experiments: e.g. 4, the spec bound)
//   hwmx_sc_tests --list
// One test per process: a SystemC simulation elaborates once, and ctest runs each (test, target)
// pair as its own entry.
#include <cstdlib>
#include <iostream>
#include <string>
#include <systemc>

#include "harness.h"
#include "scenario.h"

namespace hwmx::sctest {

std::vector<Scenario>& scenarios() {
  static std::vector<Scenario> all;
  return all;
}

namespace {

int usage(const char* argv0) {
  std::cerr << "usage: " << argv0
            << " --test <name> --target rtl|model [--vcd <file>] [--period-ns <n>]"
               " [--model-irq-cycles <n>] | --list\n";
  return 2;
}

}  // namespace
}  // namespace hwmx::sctest

int sc_main(int argc, char* argv[]) {
  using namespace hwmx::sctest;
  std::string test, target;
  HarnessOptions options;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const bool has_value = i + 1 < argc;
    if (arg == "--list") {
      for (const Scenario& s : scenarios()) std::cout << s.name << "\t" << s.checks << "\n";
      return 0;
    } else if (arg == "--test" && has_value) {
      test = argv[++i];
    } else if (arg == "--target" && has_value) {
      target = argv[++i];
    } else if (arg == "--vcd" && has_value) {
      options.vcd = argv[++i];
    } else if (arg == "--model-irq-cycles" && has_value) {
      options.model_timing.irq_cycles = std::atoi(argv[++i]);
    } else if (arg == "--period-ns" && has_value) {
      options.period = sc_core::sc_time(std::atof(argv[++i]), sc_core::SC_NS);
    } else {
      return usage(argv[0]);
    }
  }
  if (target == "rtl") {
    options.target = TargetKind::kRtl;
  } else if (target == "model") {
    options.target = TargetKind::kModel;
  } else {
    return usage(argv[0]);
  }
  const Scenario* scenario = nullptr;
  for (const Scenario& s : scenarios()) {
    if (s.name == test) scenario = &s;
  }
  if (scenario == nullptr) {
    std::cerr << "unknown test '" << test << "' (--list shows them)\n";
    return 2;
  }

  // sc_stop() is how every test ends; its info message is noise in the log.
  sc_core::sc_report_handler::set_actions("/OSCI/SystemC", sc_core::SC_INFO,
                                          sc_core::SC_DO_NOTHING);
  std::cout << "== " << scenario->name << " on the " << target << " target, " << options.period
            << " clock: " << scenario->checks << "\n";
  unsigned failures = 0;
  try {
    Harness harness("tb", options);
    scenario->build(harness);
    failures = harness.run();
  } catch (const std::exception& e) {
    std::cerr << "FAIL: " << e.what() << "\n";
    failures = failure_count() + 1;
  }
  std::cout << (failures == 0 ? "PASS " : "FAIL ") << scenario->name << " [" << target << "]";
  if (failures != 0) std::cout << ": " << failures << " failed expectation(s)";
  std::cout << std::endl;
  return failures == 0 ? 0 : 1;
}
