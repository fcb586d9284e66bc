#include "model_target.h"

#include <algorithm>
#include <ostream>

#include "axi_tlm_mapping.h"
#include "hwmx/model/decoder.h"
#include "hwmx/model/result.h"

namespace hwmx::sctest {

using sc_core::sc_time;

namespace {
constexpr unsigned kAddrWidth = 25;  // the engine's byte address (docs/engine.md "Bus")
constexpr unsigned kBusBytes = 4;
}  // namespace

ModelTarget::ModelTarget(sc_core::sc_module_name name, unsigned num_mutex, unsigned num_ctx,
                         sc_time period, ModelTiming timing)
    : EngineTarget(name, num_mutex, num_ctx, period),
      engine_(num_mutex, num_ctx),
      timing_(timing),
      pending_(num_ctx),
      settles_to_(num_ctx, false),
      line_(num_ctx, false) {
  socket_.register_b_transport(this, &ModelTarget::b_transport);
  SC_METHOD(apply_irqs);
  sensitive << irq_event_;
  dont_initialize();
}

void ModelTarget::b_transport(tlm::tlm_generic_payload& t, sc_time& delay) {
  const tlm::tlm_response_status admissible = axilite_admissible(t, kAddrWidth, kBusBytes);
  if (admissible != tlm::TLM_INCOMPLETE_RESPONSE) {
    t.set_response_status(admissible);  // refused before the bus, as the bridge does
    return;
  }
  const sc_time now = sc_core::sc_time_stamp();
  const sc_time period = clock_period();
  // One port, one transaction at a time: a request arriving while the port is busy waits.
  sc_time start = now + delay;
  if (start < busy_until_) start = busy_until_, ++busy_waits_;
  const std::uint32_t addr = static_cast<std::uint32_t>(t.get_address());
  const unsigned first = addr % kBusBytes;
  unsigned cycles = 0;
  if (t.is_read()) {
    const unsigned extra = extra_cycles(addr);
    const ReadResult r = engine_.read(addr);
    const unsigned char* be = t.get_byte_enable_ptr();
    const unsigned be_len = t.get_byte_enable_length();
    for (unsigned i = 0; i < t.get_data_length(); ++i) {
      if (be != nullptr && be_len != 0 && be[i % be_len] != TLM_BYTE_ENABLED) continue;
      t.get_data_ptr()[i] = static_cast<unsigned char>(r.data >> (8 * (first + i)));
    }
    t.set_response_status(axi_to_tlm(static_cast<unsigned>(r.resp)));
    // The walk and the scan cost cycles only when they happen (QUEUED, DONE).
    const auto code = static_cast<std::uint8_t>(r.data >> HWMX_RESULT_CODE_LSB);
    const bool walked = code == HWMX_RC_QUEUED || code == HWMX_RC_DONE;
    cycles = timing_.read_cycles + (r.resp == AxiResp::Okay && walked ? extra : 0);
  } else {
    std::uint32_t word = 0;
    for (unsigned i = 0; i < t.get_data_length(); ++i) {
      word |= std::uint32_t{t.get_data_ptr()[i]} << (8 * (first + i));
    }
    const auto strb = static_cast<std::uint8_t>(axilite_strobe(t, kBusBytes));
    t.set_response_status(axi_to_tlm(static_cast<unsigned>(engine_.write(addr, word, strb))));
    cycles = timing_.write_cycles;
  }
  ++transactions_;
  const sc_time end = start + cycles * period;
  busy_until_ = end;
  delay = end - now;
  if (const std::string broken = engine_.check_invariants(); !broken.empty()) {
    faults_.push_back("model invariant broken after " + model::describe(addr) + ": " + broken);
  }
  schedule_irqs(start, end);
}

unsigned ModelTarget::extra_cycles(std::uint64_t addr) const {
  const model::Access a = model::decode(static_cast<std::uint32_t>(addr));
  if (a.target == model::Target::kAbandon) {
    return timing_.abandon_cycles_per_slot * num_mutex();
  }
  if (a.target != model::Target::kAcquire || a.index >= num_mutex() || a.ctx >= num_ctx()) {
    return 0;
  }
  const model::SlotState& s = engine_.slot(a.index);
  if (!s.allocated || !s.prio_policy) return 0;
  // docs/engine.md: the PRIORITY enqueue walks from the tail past every lower-priority waiter.
  const std::uint8_t mine = engine_.context(a.ctx).priority;
  const std::vector<unsigned> q = engine_.queue(a.index);
  unsigned passed = 0;
  for (auto it = q.rbegin(); it != q.rend() && engine_.context(*it).priority < mine; ++it) {
    ++passed;
  }
  return passed * timing_.walk_cycles_per_waiter;
}

void ModelTarget::schedule_irqs(const sc_time& executed, const sc_time& responded) {
  const sc_time now = sc_core::sc_time_stamp();
  for (unsigned c = 0; c < num_ctx(); ++c) {
    const bool v = engine_.irq_ctx(c);
    if (v == settles_to_[c]) continue;
    // A fixed offset from the response (never before the operation executed); a fall never
    // after the response, so a thread that consumed its grant never sees a stale high line.
    const int offset = v ? timing_.irq_cycles : std::min(timing_.irq_cycles, 0);
    sc_time at =
        offset >= 0 ? responded + offset * clock_period()
                    : responded - std::min<sc_time>(responded - executed, -offset * clock_period());
    auto& q = pending_[c];
    while (!q.empty() && q.back().first > at) q.pop_back();  // superseded by the newer state
    q.emplace_back(at, v);
    settles_to_[c] = v;
    irq_event_.notify(at - now);
  }
}

void ModelTarget::apply_irqs() {
  const sc_time now = sc_core::sc_time_stamp();
  bool any = false, more = false;
  sc_time next = sc_core::SC_ZERO_TIME;
  for (unsigned c = 0; c < num_ctx(); ++c) {
    auto& q = pending_[c];
    while (!q.empty() && q.front().first <= now) {
      line_[c] = q.front().second;
      q.pop_front();
    }
    irq_ctx[c].write(line_[c]);
    any = any || line_[c];
    if (!q.empty() && (!more || q.front().first < next)) next = q.front().first, more = true;
  }
  irq.write(any);
  if (more) irq_event_.notify(next - now);
}

void ModelTarget::report(std::ostream& os) const {
  os << "model target: " << transactions_ << " transactions (" << busy_waits_
     << " waited for the port), read " << timing_.read_cycles << " / write " << timing_.write_cycles
     << " cycles, irq lines move " << timing_.irq_cycles << " cycle(s) after the response\n";
}

}  // namespace hwmx::sctest
