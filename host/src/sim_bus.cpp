#include "sim_bus.h"

#include <algorithm>
#include <utility>

namespace hwmx::host {

SimBus::SimBus(std::unique_ptr<RegisterDevice> device, IdleFn idle, unsigned irq_latency,
               std::string name)
    : device_(std::move(device)),
      idle_(std::move(idle)),
      irq_latency_(irq_latency),
      name_(std::move(name)),
      waiters_(std::make_unique<Waiter[]>(device_->num_ctx())),
      num_ctx_(device_->num_ctx()) {
  // Reserved once so that registering a waiter never allocates.
  waiting_.reserve(num_ctx_);
}

SimBus::~SimBus() = default;

BusRead SimBus::read32(std::uint32_t addr) {
  std::lock_guard lock(mu_);
  if (!device_) return BusRead{0, true};
  const ReadResult r = device_->read(addr);
  ++reads_;
  after_transaction();
  return BusRead{r.data, r.resp != AxiResp::Okay};
}

bool SimBus::write32(std::uint32_t addr, std::uint32_t data) {
  std::lock_guard lock(mu_);
  if (!device_) return false;
  const AxiResp resp = device_->write(addr, data, 0xF);
  ++writes_;
  after_transaction();
  return resp == AxiResp::Okay;
}

void SimBus::settle() {
  if (!settled_) {
    if (idle_ && irq_latency_ > 0) idle_(irq_latency_);
    settled_ = true;
  }
}

// The uncontended path pays nothing here: with nobody waiting, the lines are not looked at and
// the clock is not run. Only when threads wait does a transaction (typically the release that
// hands a mutex over) clock the device until its interrupt must be visible, then wake the
// threads whose lines are high.
void SimBus::after_transaction() {
  settled_ = false;
  if (waiting_.empty()) return;
  settle();
  for (std::size_t i = 0; i < waiting_.size();) {
    const unsigned ctx = waiting_[i];
    if (device_->irq_ctx(ctx)) {
      Waiter& w = waiters_[ctx];
      w.waiting = false;
      w.raised = true;
      w.cv.notify_one();
      waiting_[i] = waiting_.back();
      waiting_.pop_back();
    } else {
      ++i;
    }
  }
}

bool SimBus::wait_irq(unsigned ctx, const Deadline& deadline) {
  if (ctx >= num_ctx_) return false;
  std::unique_lock lock(mu_);
  // The transaction that raised the line may have finished before this thread registered, with
  // nobody waiting and therefore no settling: settle now so the line is up to date.
  if (!device_) return false;
  settle();
  if (device_->irq_ctx(ctx)) return true;
  Waiter& w = waiters_[ctx];
  w.raised = false;
  w.waiting = true;
  waiting_.push_back(ctx);
  deadline.wait(w.cv, lock, [&] { return w.raised || !device_; });
  const bool raised = w.raised;
  if (!raised && device_) {
    // Timed out: deregister. The caller resolves the race with a late grant through the
    // engine (CANCEL answers ALREADY_GRANTED), not through the line.
    w.waiting = false;
    waiting_.erase(std::find(waiting_.begin(), waiting_.end(), ctx));
  }
  w.raised = false;
  return raised;
}

BusStats SimBus::stats() const {
  std::lock_guard lock(mu_);
  return BusStats{reads_, writes_, device_ ? device_->cycles() : closed_cycles_};
}

void SimBus::close() {
  std::lock_guard lock(mu_);
  if (!device_) return;
  closed_cycles_ = device_->cycles();
  device_.reset();
  // Threads still waiting would never be woken by a transaction again.
  for (unsigned ctx : waiting_) {
    waiters_[ctx].waiting = false;
    waiters_[ctx].cv.notify_one();
  }
  waiting_.clear();
}

}  // namespace hwmx::host
