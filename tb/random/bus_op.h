// One bus access of the random stream, as applied to both implementations.
#pragma once

#include <cstdint>
#include <string>

namespace hwmx::difftest {

struct BusOp {
  bool write = false;
  std::uint32_t addr = 0;
  std::uint32_t data = 0;   // writes only
  std::uint8_t strb = 0xF;  // writes only
};

inline BusOp read_op(std::uint32_t addr) { return {false, addr, 0, 0xF}; }
inline BusOp write_op(std::uint32_t addr, std::uint32_t data, std::uint8_t strb = 0xF) {
  return {true, addr, data, strb};
}

/// "R ACT[3].RELEASE[17]" / "W CTX[1].PRIORITY = 0x00000005 strb 0xF".
std::string format(const BusOp& op);

}  // namespace hwmx::difftest
