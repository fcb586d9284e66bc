#include "check.h"

#include <iostream>

namespace hwmx::sctest {

namespace {
unsigned g_failures = 0;
}

void fail(std::string_view what, std::source_location loc) {
  ++g_failures;
  std::cerr << "FAIL at " << sc_core::sc_time_stamp() << " [" << loc.file_name() << ":"
            << loc.line() << "] " << what << std::endl;
}

unsigned failure_count() { return g_failures; }

std::string to_text(const Result& r) { return model::describe_result(r.word()); }

std::string to_text(Code c) { return model::code_name(static_cast<std::uint8_t>(c)); }

std::string to_text(tlm::tlm_response_status s) {
  switch (s) {
    case tlm::TLM_OK_RESPONSE:
      return "TLM_OK_RESPONSE";
    case tlm::TLM_INCOMPLETE_RESPONSE:
      return "TLM_INCOMPLETE_RESPONSE";
    case tlm::TLM_GENERIC_ERROR_RESPONSE:
      return "TLM_GENERIC_ERROR_RESPONSE";
    case tlm::TLM_ADDRESS_ERROR_RESPONSE:
      return "TLM_ADDRESS_ERROR_RESPONSE";
    case tlm::TLM_COMMAND_ERROR_RESPONSE:
      return "TLM_COMMAND_ERROR_RESPONSE";
    case tlm::TLM_BURST_ERROR_RESPONSE:
      return "TLM_BURST_ERROR_RESPONSE";
    case tlm::TLM_BYTE_ENABLE_ERROR_RESPONSE:
      return "TLM_BYTE_ENABLE_ERROR_RESPONSE";
  }
  return "tlm_response_status(" + std::to_string(static_cast<int>(s)) + ")";
}

std::string to_text(const sc_core::sc_time& t) { return t.to_string(); }

}  // namespace hwmx::sctest
