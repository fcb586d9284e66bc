#include "snapshot.h"

#include <sstream>

namespace hwmx::sctest {

std::string Snapshot::ctx_key(unsigned c, const char* reg) {
  return "CTX[" + std::to_string(c) + "]." + reg;
}

std::string Snapshot::slot_key(unsigned s, const char* reg) {
  return "SLOT[" + std::to_string(s) + "]." + reg;
}

Snapshot Snapshot::take(Initiator& bus, const EngineTarget& target) {
  Snapshot s;
  const struct {
    const char* name;
    std::uint32_t offset;
  } plain[] = {
      {"ID", HWMX_ID_OFFSET},
      {"VERSION", HWMX_VERSION_OFFSET},
      {"CONFIG", HWMX_CONFIG_OFFSET},
      {"FEATURES", HWMX_FEATURES_OFFSET},
      {"CTRL_LAST_ERROR", HWMX_CTRL_LAST_ERROR_OFFSET},
      {"STAT_BUS_ERRORS", HWMX_STAT_BUS_ERRORS_OFFSET},
      {"BUS_ERROR_ADDR", HWMX_BUS_ERROR_ADDR_OFFSET},
      {"STAT_MAX_QDEPTH", HWMX_STAT_MAX_QDEPTH_OFFSET},
      {"INSPECT_SLOT", HWMX_INSPECT_SLOT_OFFSET},
  };
  for (const auto& r : plain) s[r.name] = bus.rd(r.offset);
  s["STAT_ACQUIRES"] = bus.counter(HWMX_STAT_ACQUIRES_LO_OFFSET);
  s["STAT_CONTENDED"] = bus.counter(HWMX_STAT_CONTENDED_LO_OFFSET);
  s["STAT_HANDOFFS"] = bus.counter(HWMX_STAT_HANDOFFS_LO_OFFSET);
  s["STAT_ERRORS"] = bus.counter(HWMX_STAT_ERRORS_LO_OFFSET);
  for (unsigned w = 0; w < HWMX_INTR_SUMMARY_COUNT; ++w) {
    s["INTR_SUMMARY[" + std::to_string(w) + "]"] =
        bus.rd(HWMX_INTR_SUMMARY_OFFSET + w * HWMX_INTR_SUMMARY_STRIDE);
  }
  const struct {
    const char* name;
    std::uint32_t offset;
  } page[] = {
      {"STATUS", HWMX_CTX_STATUS_OFFSET},         {"PRIORITY", HWMX_CTX_PRIORITY_OFFSET},
      {"GRANT", HWMX_CTX_GRANT_OFFSET},           {"LAST_ERROR", HWMX_CTX_LAST_ERROR_OFFSET},
      {"INTR_STATE", HWMX_CTX_INTR_STATE_OFFSET}, {"INTR_ENABLE", HWMX_CTX_INTR_ENABLE_OFFSET},
  };
  for (unsigned c = 0; c < target.num_ctx(); ++c) {
    for (const auto& r : page) s[ctx_key(c, r.name)] = bus.rd(ctx_reg(c, r.offset));
  }
  for (unsigned slot = 0; slot < target.num_mutex(); ++slot) {
    const SlotView v = bus.inspect(slot);
    s[slot_key(slot, "STATE")] = v.state;
    s[slot_key(slot, "COUNT")] = v.count_word;
    s[slot_key(slot, "QUEUE")] = v.queue;
  }
  bus.wr(HWMX_INSPECT_SLOT_OFFSET, static_cast<std::uint32_t>(s.at("INSPECT_SLOT")));
  // The lines last: by now any change from before the snapshot has reached them.
  for (unsigned c = 0; c < target.num_ctx(); ++c) s[ctx_key(c, "irq")] = target.irq_ctx[c].read();
  s["irq"] = target.irq.read();
  return s;
}

std::vector<std::string> Snapshot::diff(const Snapshot& other) const {
  std::vector<std::string> out;
  for (const auto& [key, value] : values_) {
    const auto it = other.values_.find(key);
    const std::uint64_t theirs = it == other.values_.end() ? ~0ull : it->second;
    if (theirs != value) {
      std::ostringstream os;
      os << key << ": 0x" << std::hex << value << " -> 0x" << theirs;
      out.push_back(os.str());
    }
  }
  return out;
}

}  // namespace hwmx::sctest
