#include "hwmx/model/result.h"

#include <array>
#include <cstdio>

namespace hwmx::model {
namespace {

template <unsigned Lsb, std::uint32_t Mask>
constexpr std::uint32_t put(std::uint32_t v) {
  return (v << Lsb) & Mask;
}
template <unsigned Lsb, std::uint32_t Mask>
constexpr std::uint32_t get(std::uint32_t w) {
  return (w & Mask) >> Lsb;
}

}  // namespace

std::uint32_t Result::word() const {
  return put<HWMX_RESULT_CODE_LSB, HWMX_RESULT_CODE_MASK>(static_cast<std::uint32_t>(code)) |
         put<HWMX_RESULT_ABANDONED_LSB, HWMX_RESULT_ABANDONED_MASK>(abandoned ? 1u : 0u) |
         put<HWMX_RESULT_PRIORITY_LSB, HWMX_RESULT_PRIORITY_MASK>(priority) |
         put<HWMX_RESULT_VALUE_LSB, HWMX_RESULT_VALUE_MASK>(value);
}

Result Result::from_word(std::uint32_t w) {
  Result r;
  r.code = static_cast<Code>(get<HWMX_RESULT_CODE_LSB, HWMX_RESULT_CODE_MASK>(w));
  r.abandoned = get<HWMX_RESULT_ABANDONED_LSB, HWMX_RESULT_ABANDONED_MASK>(w) != 0;
  r.priority =
      static_cast<std::uint8_t>(get<HWMX_RESULT_PRIORITY_LSB, HWMX_RESULT_PRIORITY_MASK>(w));
  r.value = static_cast<std::uint16_t>(get<HWMX_RESULT_VALUE_LSB, HWMX_RESULT_VALUE_MASK>(w));
  return r;
}

std::uint32_t last_error_word(Code code, Op op, unsigned arg) {
  return put<HWMX_LAST_ERROR_CODE_LSB, HWMX_LAST_ERROR_CODE_MASK>(
             static_cast<std::uint32_t>(code)) |
         put<HWMX_LAST_ERROR_OP_LSB, HWMX_LAST_ERROR_OP_MASK>(static_cast<std::uint32_t>(op)) |
         put<HWMX_LAST_ERROR_ARG_LSB, HWMX_LAST_ERROR_ARG_MASK>(arg);
}

std::string code_name(std::uint8_t code) {
  struct Entry {
    std::uint8_t code;
    const char* name;
  };
  static constexpr std::array<Entry, 19> kNames{{
      {HWMX_RC_GRANTED, "GRANTED"},
      {HWMX_RC_QUEUED, "QUEUED"},
      {HWMX_RC_BUSY, "BUSY"},
      {HWMX_RC_RELEASED, "RELEASED"},
      {HWMX_RC_HANDOFF, "HANDOFF"},
      {HWMX_RC_CANCELLED, "CANCELLED"},
      {HWMX_RC_ALREADY_GRANTED, "ALREADY_GRANTED"},
      {HWMX_RC_DONE, "DONE"},
      {HWMX_RC_NONE, "NONE"},
      {HWMX_RC_ERR_BAD_SLOT, "ERR_BAD_SLOT"},
      {HWMX_RC_ERR_NOT_OWNER, "ERR_NOT_OWNER"},
      {HWMX_RC_ERR_ALREADY_OWNED, "ERR_ALREADY_OWNED"},
      {HWMX_RC_ERR_RECURSION_LIMIT, "ERR_RECURSION_LIMIT"},
      {HWMX_RC_ERR_ALREADY_WAITING, "ERR_ALREADY_WAITING"},
      {HWMX_RC_ERR_NO_RESOURCE, "ERR_NO_RESOURCE"},
      {HWMX_RC_ERR_BAD_CTX, "ERR_BAD_CTX"},
      {HWMX_RC_ERR_SLOT_BUSY, "ERR_SLOT_BUSY"},
      {HWMX_RC_ERR_NOT_WAITING, "ERR_NOT_WAITING"},
      {HWMX_RC_ERR_CTX_BUSY, "ERR_CTX_BUSY"},
  }};
  for (const Entry& e : kNames) {
    if (e.code == code) return e.name;
  }
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02X", code);
  return buf;
}

std::string describe_result(std::uint32_t word) {
  const Result r = Result::from_word(word);
  std::string s = code_name(static_cast<std::uint8_t>(r.code));
  s += " v=" + std::to_string(r.value);
  if (r.priority != 0) s += " prio=" + std::to_string(r.priority);
  if (r.abandoned) s += " abandoned";
  // Bits outside the defined fields must be 0; show them if an implementation sets any.
  const std::uint32_t stray = word & ~(HWMX_RESULT_CODE_MASK | HWMX_RESULT_ABANDONED_MASK |
                                       HWMX_RESULT_PRIORITY_MASK | HWMX_RESULT_VALUE_MASK);
  if (stray != 0) {
    char buf[24];
    std::snprintf(buf, sizeof buf, " stray=0x%08X", stray);
    s += buf;
  }
  return s;
}

}  // namespace hwmx::model
