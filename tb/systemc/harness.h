// The test bench of one transaction test: an engine target (RTL or model), the bus, a supervisor
// initiator (the "OS": allocates contexts and slots, inspects, checks at the end) and the CPU
// threads the test adds. Its own thread runs the test's phases:
//   boot    - ALLOC_CTX once per CPU, checking the engine hands out 0, 1, 2, ... (CPU i was bound
//             to irq_ctx[i] at elaboration);
//   setup   - the test's setup step on the supervisor (allocate slots, ...);
//   attach  - each CPU thread writes its CTX.PRIORITY and enables its grant interrupt;
//   run     - the CPU scripts, all started together once every thread is attached (so a
//             script's time 0, started_at(), is a quiet bus); a watchdog fails the test if they
//             do not all finish within the limit and says which thread is stuck where;
//   finish  - the test's final step on the supervisor (counters, final state);
// then it collects the target's own faults (protocol checker, model invariants) and stops.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <systemc>
#include <vector>

#include "bus.h"
#include "cpu.h"
#include "engine_target.h"
#include "initiator.h"
#include "model_target.h"

namespace hwmx::sctest {

enum class TargetKind { kRtl, kModel };

struct HarnessOptions {
  TargetKind target = TargetKind::kModel;
  sc_core::sc_time period{10, sc_core::SC_NS};  // 100 MHz engine clock
  std::string vcd;                              // RTL waveform file (empty: none)
  sc_core::sc_time watchdog{100, sc_core::SC_MS};
  ModelTiming model_timing{};
};

class Harness : public sc_core::sc_module {
 public:
  using Step = std::function<void(Initiator& os)>;

  SC_HAS_PROCESS(Harness);
  Harness(sc_core::sc_module_name name, const HarnessOptions& options);
  ~Harness() override;

  /// A CPU thread on the next context (0, 1, ... in call order) with this priority.
  Cpu& add_cpu(const std::string& name, unsigned priority, Cpu::Script script);
  void setup(Step step) { setup_ = std::move(step); }
  void finish(Step step) { finish_ = std::move(step); }

  EngineTarget& target() { return *target_; }
  Initiator& os() { return os_; }
  Cpu& cpu(unsigned i) { return *cpus_.at(i); }
  unsigned num_cpus() const { return static_cast<unsigned>(cpus_.size()); }
  bool is_rtl() const { return options_.target == TargetKind::kRtl; }
  sc_core::sc_time period() const { return options_.period; }
  sc_core::sc_time cycles(unsigned n) const { return n * options_.period; }
  /// Time the CPU scripts were started (the end of boot and setup).
  sc_core::sc_time started_at() const { return started_at_; }

  /// Simulates to the end; returns the number of failures (0 = pass).
  unsigned run();

 private:
  void supervise();
  /// Waits until pred(cpu) holds for every CPU (woken by the events it names) or the watchdog
  /// deadline passes; false on timeout.
  bool wait_all(bool (Cpu::*pred)() const, const sc_core::sc_event& (Cpu::*event)() const,
                const sc_core::sc_time& deadline);

  HarnessOptions options_;
  std::unique_ptr<EngineTarget> target_;
  Bus bus_{"bus"};
  Initiator os_;
  std::vector<std::unique_ptr<Cpu>> cpus_;
  sc_core::sc_event attach_cpus_, start_scripts_;
  Step setup_, finish_;
  sc_core::sc_time started_at_ = sc_core::SC_ZERO_TIME;
  bool completed_ = false;
};

}  // namespace hwmx::sctest
