// Bus layer of the model: decode, SLVERR rules, dispatch to registers and operations.
#include "hwmx/model/engine.h"

#include <stdexcept>
#include <string>

#include "hwmx/model/spec_choices.h"

namespace hwmx::model {

Engine::Engine(unsigned num_mutex, unsigned num_ctx)
    : slots_(num_mutex), ctxs_(num_ctx), slot_pool_(num_mutex), ctx_pool_(num_ctx) {
  if (num_mutex < 1 || num_mutex > 4096 || num_ctx < 2 || num_ctx > kArchMaxCtx) {
    throw std::invalid_argument("hwmx model: NUM_MUTEX must be 1..4096 and NUM_CTX 2..256, got " +
                                std::to_string(num_mutex) + " x " + std::to_string(num_ctx));
  }
}

ReadResult Engine::read(std::uint32_t addr) {
  const Access a = decode(addr);
  if (!mapped_in_instance(a, num_ctx())) return bus_error(addr, false);
  if (choices::kReadOfWriteOnlyIsSlvErr && is_write_only(a.target)) return bus_error(addr, false);
  switch (kind_of(a.target)) {
    case Kind::kControlRegister:
    case Kind::kContextRegister:
      return {read_register(a), AxiResp::Okay};
    case Kind::kContextOp:
      return {context_op(a), AxiResp::Okay};
    case Kind::kControlOp:
      return {control_op(a), AxiResp::Okay};
    case Kind::kUnmapped:
      break;
  }
  return bus_error(addr, false);
}

AxiResp Engine::write(std::uint32_t addr, std::uint32_t data, std::uint8_t strb) {
  const Access a = decode(addr);
  // Partial strobes are refused everywhere: no register merges byte lanes.
  if (strb != 0xF || !mapped_in_instance(a, num_ctx()) || !is_writable(a.target)) {
    return bus_error(addr, true).resp;
  }
  write_register(a, data);
  return AxiResp::Okay;
}

ReadResult Engine::bus_error(std::uint32_t addr, bool is_write) {
  ++g_.bus_errors;
  const std::uint32_t recorded =
      (addr & kAddrMask) & (choices::kBusErrorAddrKeepsLowBits ? ~0u : ~3u);
  g_.bus_error_addr = ((is_write ? 1u : 0u) << HWMX_BUS_ERROR_ADDR_WRITE_LSB) |
                      ((recorded << HWMX_BUS_ERROR_ADDR_ADDR_LSB) & HWMX_BUS_ERROR_ADDR_ADDR_MASK);
  return {0, AxiResp::SlvErr};
}

bool Engine::irq_ctx(unsigned ctx) const {
  if (ctx >= ctxs_.size()) return false;
  return ctxs_[ctx].intr_state && ctxs_[ctx].intr_enable;
}

bool Engine::irq() const {
  for (unsigned c = 0; c < ctxs_.size(); ++c) {
    if (irq_ctx(c)) return true;
  }
  return false;
}

}  // namespace hwmx::model
