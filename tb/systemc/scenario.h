// The registry of transaction tests. A test is a function that builds its scenario on a Harness
// (CPU threads with their scripts, a setup and a finish step) before simulation starts; the same
// function serves both targets. Register one with HWMX_SC_TEST in its own file under scenarios/.
#pragma once

#include <string>
#include <vector>

#include "harness.h"

namespace hwmx::sctest {

struct Scenario {
  std::string name;
  std::string checks;  // one line: what the test asserts
  void (*build)(Harness&);
};

std::vector<Scenario>& scenarios();

struct RegisterScenario {
  RegisterScenario(const char* name, const char* checks, void (*build)(Harness&)) {
    scenarios().push_back({name, checks, build});
  }
};

}  // namespace hwmx::sctest

#define HWMX_SC_TEST(id, checks)                                                    \
  static void id(::hwmx::sctest::Harness& h);                                       \
  static const ::hwmx::sctest::RegisterScenario id##_registration{#id, checks, id}; \
  static void id(::hwmx::sctest::Harness& h)
