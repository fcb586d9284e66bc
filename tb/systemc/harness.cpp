#include "harness.h"

#include <iostream>
#include <stdexcept>

#if HWMX_SC_HAVE_RTL
#include "rtl_target.h"
#endif

namespace hwmx::sctest {

Harness::Harness(sc_core::sc_module_name name, const HarnessOptions& options)
    : sc_module(name), options_(options), os_("os", options.period) {
  if (options_.target == TargetKind::kRtl) {
#if HWMX_SC_HAVE_RTL
    target_ = std::make_unique<RtlTarget>("rtl", options_.period, options_.vcd);
#else
    throw std::runtime_error("this build has no Verilated RTL (rtl/hwmx.f was missing)");
#endif
  } else {
    target_ = std::make_unique<ModelTarget>("model", HWMX_SC_NUM_MUTEX, HWMX_SC_NUM_CTX,
                                            options_.period, options_.model_timing);
  }
  bus_.to_engine.bind(target_->socket());
  os_.socket.bind(bus_.targets);
  SC_THREAD(supervise);
}

Harness::~Harness() = default;

Cpu& Harness::add_cpu(const std::string& name, unsigned priority, Cpu::Script script) {
  const auto ctx = static_cast<unsigned>(cpus_.size());
  if (ctx >= target_->num_ctx()) {
    throw std::invalid_argument("more CPU threads than the engine has contexts");
  }
  cpus_.push_back(std::make_unique<Cpu>(name.c_str(), options_.period, ctx, priority,
                                        std::move(script), attach_cpus_, start_scripts_));
  Cpu& cpu = *cpus_.back();
  cpu.socket.bind(bus_.targets);
  cpu.irq.bind(target_->irq_ctx[ctx]);
  return cpu;
}

void Harness::supervise() {
  for (unsigned i = 0; i < cpus_.size(); ++i) {
    // docs/engine.md: after reset the pool hands out 0, 1, 2, ...; each CPU is wired to the
    // interrupt of the id it expects.
    expect_eq(os_.alloc_ctx(), res(Code::kDone, i),
              "boot: ALLOC_CTX for " + std::string(cpus_[i]->name()));
  }
  if (setup_) setup_(os_);
  const sc_core::sc_time deadline = sc_core::sc_time_stamp() + options_.watchdog;
  attach_cpus_.notify(sc_core::SC_ZERO_TIME);
  if (wait_all(&Cpu::ready, &Cpu::ready_event, deadline)) {
    started_at_ = sc_core::sc_time_stamp();
    start_scripts_.notify(sc_core::SC_ZERO_TIME);
    completed_ = wait_all(&Cpu::finished, &Cpu::finished_event, deadline);
  }
  if (completed_ && finish_) finish_(os_);
  for (const auto& cpu : cpus_) {
    expect_eq(cpu->spurious_wakeups(), 0u, std::string(cpu->name()) + " spurious wakeups");
  }
  for (const std::string& f : target_->faults()) fail(std::string(target_->kind()) + ": " + f);
  sc_core::sc_stop();
}

bool Harness::wait_all(bool (Cpu::*pred)() const, const sc_core::sc_event& (Cpu::*event)() const,
                       const sc_core::sc_time& deadline) {
  for (;;) {
    bool all = true;
    sc_core::sc_event_or_list any;
    for (const auto& cpu : cpus_) {
      if (!((*cpu).*pred)()) all = false, any |= ((*cpu).*event)();
    }
    if (all) return true;
    const sc_core::sc_time now = sc_core::sc_time_stamp();
    if (now >= deadline) break;
    sc_core::wait(deadline - now, any);
  }
  std::string stuck;
  for (const auto& cpu : cpus_) {
    if (!((*cpu).*pred)()) stuck += std::string(" ") + cpu->name() + " (" + cpu->activity() + ")";
  }
  fail("watchdog: CPU threads still busy after " + options_.watchdog.to_string() + ":" + stuck);
  return false;
}

unsigned Harness::run() {
  try {
    sc_core::sc_start();
  } catch (const std::exception& e) {
    fail(std::string("simulation aborted: ") + e.what());
  }
  if (!completed_) expect(false, "the test did not run to completion");
  target_->report(std::cout);
  for (const auto& cpu : cpus_) {
    std::cout << "  " << cpu->name() << ": ctx " << cpu->ctx() << ", priority " << cpu->priority()
              << ", " << cpu->transactions() << " bus transactions, " << cpu->wakeups()
              << " grant wakeups, " << cpu->timeouts() << " timeouts\n";
  }
  return failure_count();
}

}  // namespace hwmx::sctest
