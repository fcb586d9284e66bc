#include "differ.h"

#include <cstdio>

#include "hwmx/model/decoder.h"
#include "hwmx/model/result.h"

namespace hwmx::difftest {
namespace {

// engine.md: a handoff raises the new owner's irq_ctx at most 4 cycles after the response; the
// untimed model raises it at once, so the RTL gets that long to agree.
constexpr unsigned kIrqSettleCycles = 4;

const char* resp_name(AxiResp r) {
  switch (r) {
    case AxiResp::Okay:
      return "OKAY";
    case AxiResp::ExOkay:
      return "EXOKAY";
    case AxiResp::SlvErr:
      return "SLVERR";
    case AxiResp::DecErr:
      return "DECERR";
  }
  return "?";
}

bool shows_result(const BusOp& op) {
  const auto t = model::decode(op.addr).target;
  const auto k = model::kind_of(t);
  return k == model::Kind::kContextOp || k == model::Kind::kControlOp ||
         t == model::Target::kCtxGrant;
}

std::string render(const BusOp& op, const ReadResult& r) {
  char buf[32];
  if (op.write) return resp_name(r.resp);
  std::snprintf(buf, sizeof buf, "0x%08X", r.data);
  std::string s = buf;
  if (r.resp == AxiResp::Okay && shows_result(op)) {
    s += ' ';
    s += model::describe_result(r.data);
  }
  if (r.resp != AxiResp::Okay) {
    s += ' ';
    s += resp_name(r.resp);
  }
  return s;
}

}  // namespace

std::string Differ::apply(const BusOp& op, std::uint64_t index) {
  Entry e{index, op, {}, {}};
  if (op.write) {
    e.model.resp = model_.write(op.addr, op.data, op.strb);
    e.rtl.resp = rtl_.write(op.addr, op.data, op.strb);
  } else {
    if (coverage_) coverage_->before(model_, op);
    e.model = model_.read(op.addr);
    if (coverage_) coverage_->after(model_, e.model);
    e.rtl = rtl_.read(op.addr);
  }
  ++accesses_;
  if (!op.write && e.model.resp == AxiResp::Okay) {
    const auto k = model::kind_of(model::decode(op.addr).target);
    if (k == model::Kind::kContextOp || k == model::Kind::kControlOp) {
      ++codes_[model::Result::from_word(e.model.data).word() >> HWMX_RESULT_CODE_LSB];
    }
  }
  history_.push_back(e);
  if (history_.size() > keep_) history_.pop_front();
  if (!(e.model == e.rtl)) {
    return format(op) + ": model " + render(op, e.model) + ", rtl " + render(op, e.rtl);
  }
  return compare_irqs();
}

std::string Differ::compare_irqs() {
  auto first_difference = [this]() -> std::string {
    for (unsigned c = 0; c < model_.num_ctx(); ++c) {
      if (model_.irq_ctx(c) != rtl_.irq_ctx(c)) {
        return "irq_ctx[" + std::to_string(c) + "]: model " + std::to_string(model_.irq_ctx(c)) +
               ", rtl " + std::to_string(rtl_.irq_ctx(c));
      }
    }
    if (model_.irq() != rtl_.irq()) {
      return "irq: model " + std::to_string(model_.irq()) + ", rtl " + std::to_string(rtl_.irq());
    }
    return {};
  };
  std::string diff = first_difference();
  for (unsigned n = 0; !diff.empty() && n < kIrqSettleCycles; ++n) {
    rtl_.idle(1);
    diff = first_difference();
  }
  if (!diff.empty()) diff += " (after " + std::to_string(kIrqSettleCycles) + " idle cycles)";
  return diff;
}

void Differ::print_history(std::ostream& os) const {
  for (const Entry& e : history_) {
    os << "  #" << e.index << "  " << format(e.op) << "  -> " << render(e.op, e.model);
    if (!(e.model == e.rtl)) os << "   | RTL: " << render(e.op, e.rtl);
    os << '\n';
  }
}

}  // namespace hwmx::difftest
