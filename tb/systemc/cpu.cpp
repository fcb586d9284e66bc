#include "cpu.h"

#include <utility>

namespace hwmx::sctest {

Cpu::Cpu(sc_core::sc_module_name name, sc_core::sc_time period, unsigned ctx, unsigned priority,
         Script script, const sc_core::sc_event& start, const sc_core::sc_event& go)
    : Initiator(name, period),
      ctx_(ctx),
      priority_(priority),
      script_(std::move(script)),
      start_(start),
      go_(go) {
  SC_THREAD(run);
}

void Cpu::run() {
  activity_ = "waiting for boot";
  sc_core::wait(start_);
  set_priority(priority_);
  wr(ctx_reg(ctx_, HWMX_CTX_INTR_ENABLE_OFFSET), HWMX_INTR_ENABLE_GRANT_MASK);
  ready_ = true;
  ready_event_.notify(sc_core::SC_ZERO_TIME);
  activity_ = "ready";
  sc_core::wait(go_);
  activity_ = "running";
  if (script_) script_(*this);
  activity_ = "finished";
  finished_ = true;
  finished_event_.notify(sc_core::SC_ZERO_TIME);
}

void Cpu::set_priority(unsigned p) {
  priority_ = p;
  wr(ctx_reg(ctx_, HWMX_CTX_PRIORITY_OFFSET), p);
}

Result Cpu::acquire(unsigned s) {
  const Result r = acquire_nowait(s);
  if (r.code != Code::kQueued) return r;
  return wait_grant();
}

bool Cpu::sleep_on_irq(const sc_core::sc_time* deadline) {
  bool slept = false;
  while (!irq.read()) {
    const sc_core::sc_time now = sc_core::sc_time_stamp();
    if (deadline != nullptr) {
      if (*deadline <= now) return false;
      sc_core::wait(*deadline - now, irq.posedge_event());
    } else {
      sc_core::wait(irq.posedge_event());
    }
    slept = true;
  }
  if (slept) last_wake_ = sc_core::sc_time_stamp();
  ++wakeups_;
  return true;
}

Result Cpu::take_after_wake() {
  const Result r = take_grant();
  if (r.code != Code::kGranted) {
    ++spurious_;
    fail(std::string(name()) + ": woken by irq_ctx[" + std::to_string(ctx_) +
         "] but TAKE_GRANT answered " + to_text(r));
  }
  return r;
}

void Cpu::sleep() {
  activity_ = "asleep on irq_ctx[" + std::to_string(ctx_) + "]";
  sleep_on_irq(nullptr);
  activity_ = "running";
}

Result Cpu::wait_grant() {
  sleep();
  return take_after_wake();
}

Result Cpu::wait_grant_until(const sc_core::sc_time& deadline) {
  activity_ = "asleep on irq_ctx[" + std::to_string(ctx_) + "] with a timeout";
  const bool woken = sleep_on_irq(&deadline);
  activity_ = "running";
  if (woken) return take_after_wake();
  ++timeouts_;
  return cancel();
}

}  // namespace hwmx::sctest
