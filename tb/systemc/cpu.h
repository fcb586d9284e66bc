// A CPU thread: an SC_THREAD with its own context page (ACT[ctx], CTX[ctx]) and priority, whose
// behaviour is a script written by the test. A thread that has to wait for a mutex sleeps on its
// grant interrupt line (irq_ctx[ctx]) and is woken only by it: it never polls STATUS or GRANT.
// On start it writes its priority to CTX.PRIORITY and enables its grant interrupt, as a driver's
// thread-attach would.
#pragma once

#include <functional>
#include <string>
#include <systemc>

#include "initiator.h"

namespace hwmx::sctest {

class Cpu final : public Initiator {
 public:
  using Script = std::function<void(Cpu&)>;

  sc_core::sc_in<bool> irq{"irq"};  // irq_ctx[ctx] of the engine

  SC_HAS_PROCESS(Cpu);
  /// Writes its priority and interrupt enable once `start` is notified (the supervisor has
  /// allocated the contexts), reports ready(), and runs `script` once `go` is notified (all
  /// threads are ready: scripts start together on a quiet bus).
  Cpu(sc_core::sc_module_name name, sc_core::sc_time period, unsigned ctx, unsigned priority,
      Script script, const sc_core::sc_event& start, const sc_core::sc_event& go);

  unsigned ctx() const { return ctx_; }
  unsigned priority() const { return priority_; }

  // Operations on the own context page.
  /// KeWaitForSingleObject without timeout: ACQUIRE, and if QUEUED sleep until the grant
  /// interrupt and take the grant. Returns the GRANTED result (VALUE = count, or the slot for a
  /// grant taken after a handoff, with ABANDONED and the boosted PRIORITY).
  Result acquire(unsigned s);
  /// The ACQUIRE operation alone (QUEUED leaves the thread in the queue, not asleep).
  Result acquire_nowait(unsigned s) { return acquire_on(ctx_, s); }
  /// Sleeps until the grant interrupt line is high (returns at once if it is).
  void sleep();
  /// sleep(), then TAKE_GRANT, which must answer GRANTED.
  Result wait_grant();
  /// As wait_grant(), but gives up at absolute time `deadline`: then CANCEL, which answers
  /// CANCELLED, or ALREADY_GRANTED if a handoff won the race (the grant is consumed and owned).
  Result wait_grant_until(const sc_core::sc_time& deadline);
  Result try_acquire(unsigned s) { return try_on(ctx_, s); }
  Result release(unsigned s) { return release_on(ctx_, s); }
  Result cancel() { return cancel_on(ctx_); }
  Result take_grant() { return take_grant_on(ctx_); }
  void set_priority(unsigned p);

  /// Time the grant interrupt last woke the thread from sleep (the rise of irq_ctx[ctx]);
  /// unchanged by a wait that found the line already high.
  sc_core::sc_time last_wake() const { return last_wake_; }
  unsigned wakeups() const { return wakeups_; }
  /// Wakeups after which TAKE_GRANT found no grant (must stay 0).
  unsigned spurious_wakeups() const { return spurious_; }
  unsigned timeouts() const { return timeouts_; }
  bool ready() const { return ready_; }
  const sc_core::sc_event& ready_event() const { return ready_event_; }
  bool finished() const { return finished_; }
  const sc_core::sc_event& finished_event() const { return finished_event_; }
  /// What the thread is doing now, for the watchdog's report of a hung test.
  const std::string& activity() const { return activity_; }

 private:
  void run();
  /// Returns once irq is high; true if it had to sleep for it.
  bool sleep_on_irq(const sc_core::sc_time* deadline);
  Result take_after_wake();

  unsigned ctx_, priority_;
  Script script_;
  const sc_core::sc_event& start_;
  const sc_core::sc_event& go_;
  sc_core::sc_time last_wake_ = sc_core::SC_ZERO_TIME;
  unsigned wakeups_ = 0, spurious_ = 0, timeouts_ = 0;
  bool ready_ = false, finished_ = false;
  sc_core::sc_event ready_event_, finished_event_;
  std::string activity_ = "not started";
};

}  // namespace hwmx::sctest
