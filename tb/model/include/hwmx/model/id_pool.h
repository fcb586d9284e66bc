// A pool of ids 0..size-1 handed out in the engine's order: freed ids first, last freed first
// (LIFO), then the next never-used id. docs/engine.md "Pools and allocation" fixes this order.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace hwmx::model {

class IdPool {
 public:
  explicit IdPool(unsigned size) : size_(size) { freed_.reserve(size); }

  std::optional<unsigned> pop() {
    if (!freed_.empty()) {
      const unsigned id = freed_.back();
      freed_.pop_back();
      return id;
    }
    if (next_unused_ < size_) return next_unused_++;
    return std::nullopt;
  }
  void push(unsigned id) { freed_.push_back(id); }

  unsigned size() const { return size_; }
  unsigned next_unused() const { return next_unused_; }
  const std::vector<unsigned>& freed() const { return freed_; }

 private:
  unsigned size_;
  unsigned next_unused_ = 0;
  std::vector<unsigned> freed_;  // stack: back() is the next id handed out
};

}  // namespace hwmx::model
