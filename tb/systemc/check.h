// Expectations of the transaction tests. A failed one is printed at once, with the simulated time
// and the source line, and counted; the test binary exits non-zero if any failed. Tests keep
// going after a failure (the rest of the log helps), except where noted.
#pragma once

#include <cstdint>
#include <source_location>
#include <sstream>
#include <string>
#include <string_view>
#include <tlm>
#include <type_traits>
#include <vector>

#include "hwmx/model/result.h"

namespace hwmx::sctest {

using model::Code;
using model::Result;

void fail(std::string_view what, std::source_location loc = std::source_location::current());
unsigned failure_count();

// Readable values in failure messages.
std::string to_text(const Result& r);
std::string to_text(Code c);
std::string to_text(tlm::tlm_response_status s);
std::string to_text(const sc_core::sc_time& t);
inline std::string to_text(bool b) { return b ? "true" : "false"; }
inline std::string to_text(const std::string& s) { return s; }
template <class T>
requires std::is_integral_v<T> std::string to_text(T v) {
  std::ostringstream os;
  os << +v;
  if (v > 9) os << " (0x" << std::hex << +v << ")";
  return os.str();
}

template <class T>
std::string to_text(const std::vector<T>& v) {
  std::string s = "[";
  for (std::size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + to_text(v[i]);
  return s + "]";
}

inline bool expect(bool ok, std::string_view what,
                   std::source_location loc = std::source_location::current()) {
  if (!ok) fail(what, loc);
  return ok;
}

template <class A, class B>
bool expect_eq(const A& actual, const B& expected, std::string_view what,
               std::source_location loc = std::source_location::current()) {
  if (actual == expected) return true;
  fail(std::string(what) + ": expected " + to_text(expected) + ", got " + to_text(actual), loc);
  return false;
}

/// Shorthand for an expected result word.
inline Result res(Code code, unsigned value = 0, unsigned priority = 0, bool abandoned = false) {
  return {code, abandoned, static_cast<std::uint8_t>(priority), static_cast<std::uint16_t>(value)};
}

}  // namespace hwmx::sctest
