#include "bus_op.h"

#include <cstdio>

#include "hwmx/model/decoder.h"

namespace hwmx::difftest {

std::string format(const BusOp& op) {
  if (!op.write) return "R " + model::describe(op.addr);
  char buf[48];
  std::snprintf(buf, sizeof buf, " = 0x%08X strb 0x%X", op.data, op.strb);
  return "W " + model::describe(op.addr) + buf;
}

}  // namespace hwmx::difftest
