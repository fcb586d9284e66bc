#include "thread_state.h"

#include <algorithm>
#include <unordered_set>

#include "fault.h"

namespace hwmx::host {
namespace {

// Live threads, so that a PKTHREAD from the user can be checked before it is used, and so that a
// thread cannot finish exiting while another thread works on its state. Leaked on purpose: the
// main thread's state is destroyed during process exit, after static objects may be gone.
struct Registry {
  std::mutex mu;
  std::unordered_set<const KThread*> live;
};
Registry& registry() {
  static Registry* r = new Registry;
  return *r;
}

}  // namespace

KThread::KThread() {
  held_.reserve(16);  // so that the acquire/release paths do not allocate in practice
  Registry& r = registry();
  std::lock_guard lock(r.mu);
  r.live.insert(this);
}

KThread::~KThread() {
  {
    // Leave the registry first: from here on no other thread can reach this state.
    Registry& r = registry();
    std::lock_guard lock(r.mu);
    r.live.erase(this);
  }
  exit_thread();
}

bool KThread::query_priority(PKTHREAD h, KPRIORITY& out) {
  KThread& self = current();
  if (h == self.handle()) {
    out = self.priority();
    return true;
  }
  Registry& r = registry();
  std::lock_guard lock(r.mu);
  if (r.live.count(reinterpret_cast<const KThread*>(h)) == 0) return false;
  out = reinterpret_cast<KThread*>(h)->priority();
  return true;
}

bool KThread::set_priority(PKTHREAD h, KPRIORITY p, KPRIORITY& old) {
  KThread& self = current();
  if (h == self.handle()) {
    old = self.set_priority(p);
    return true;
  }
  Registry& r = registry();
  std::lock_guard lock(r.mu);
  if (r.live.count(reinterpret_cast<const KThread*>(h)) == 0) return false;
  old = reinterpret_cast<KThread*>(h)->set_priority(p);
  return true;
}

KPRIORITY KThread::set_priority(KPRIORITY p) {
  std::lock_guard lock(prio_mu_);
  const KPRIORITY old = priority();
  base_priority_ = p;
  write_priority_locked();
  return old;
}

void KThread::boost(KPRIORITY p) {
  std::lock_guard lock(prio_mu_);
  if (p > boost_priority_) boost_priority_ = p;
  write_priority_locked();
}

void KThread::end_boost() {
  std::lock_guard lock(prio_mu_);
  if (boost_priority_ == 0) return;
  boost_priority_ = 0;
  write_priority_locked();
}

// The thread runs at the higher of its base priority and its boost; a KeSetPriorityThread below
// the boost made while boosted therefore takes effect when the boost ends (D3).
void KThread::write_priority_locked() {
  const KPRIORITY now = std::max(base_priority_, boost_priority_);
  if (now == priority()) return;
  current_priority_.store(now, std::memory_order_relaxed);
  // The engine orders PRIORITY-policy queues and computes boosts from CTX.PRIORITY.
  if (ctx_ >= 0)
    dev_->engine().set_priority(static_cast<unsigned>(ctx_), static_cast<unsigned>(now));
}

int KThread::bind(const char* routine, Device* dev) {
  if (ctx_ >= 0) return ctx_;
  EngineClient& eng = dev->engine();
  const OpResult r = eng.alloc_ctx();
  if (r.rc != Rc::Done) {
    if (r.rc == Rc::ErrNoResource) {
      fault::raise(STATUS_INSUFFICIENT_RESOURCES,
                   fault::Params{reinterpret_cast<ULONG_PTR>(this), dev->num_ctx(), 0, 0},
                   "%s: all %u hardware contexts of the hwmx engine are bound to live threads. "
                   "hwmx binds one context to each thread that uses a mutex, from its first "
                   "mutex operation until it exits; at most %u such threads can exist at once.",
                   routine, dev->num_ctx(), dev->num_ctx());
    } else {
      fault::raise(
          STATUS_INSUFFICIENT_RESOURCES, fault::Params{reinterpret_cast<ULONG_PTR>(this), r.raw},
          "%s: the engine refused to allocate a hardware context (%s)", routine, rc_name(r.rc));
    }
    return -1;
  }
  const unsigned c = r.value;
  std::lock_guard lock(prio_mu_);
  eng.setup_ctx(c, static_cast<unsigned>(priority()));
  dev->set_ctx_thread(c, this);
  dev_ = dev;
  ctx_ = static_cast<int>(c);
  return ctx_;
}

void KThread::add_held(void* obj, Kind kind) {
  held_.push_back(Held{obj, kind});
  if (kind == Kind::KMutex) ++held_kmutexes_;
}

bool KThread::remove_held(void* obj) {
  // Mutexes are usually released in the reverse order of acquisition: search from the back.
  for (auto it = held_.rbegin(); it != held_.rend(); ++it) {
    if (it->obj == obj) {
      if (it->kind == Kind::KMutex) --held_kmutexes_;
      held_.erase(std::next(it).base());
      return true;
    }
  }
  return false;
}

bool KThread::holds(const void* obj) const {
  for (auto it = held_.rbegin(); it != held_.rend(); ++it) {
    if (it->obj == obj) return true;
  }
  return false;
}

void KThread::exit_thread() {
  // A fault handler may throw; nothing may escape a thread-exit destructor, so a throw counts
  // as a return here.
  auto report = [](auto&& fn) {
    try {
      fn();
    } catch (...) {
    }
  };
  if (!held_.empty()) {
    const auto first = std::find_if(held_.begin(), held_.end(),
                                    [](const Held& h) { return h.kind == Kind::KMutex; });
    const Held& h = first != held_.end() ? *first : held_.front();
    const auto count = static_cast<unsigned>(held_.size());
    report([&] {
      fault::bugcheck(THREAD_TERMINATE_HELD_MUTEX,
                      fault::Params{reinterpret_cast<ULONG_PTR>(this),
                                    reinterpret_cast<ULONG_PTR>(h.obj), count, 0},
                      "thread %p exited while holding %u mutex(es), among them the %s at %p; "
                      "the engine abandons them (the next owner's wait returns STATUS_ABANDONED)",
                      static_cast<void*>(this), count, kind_name(h.kind), h.obj);
    });
  } else if (apcs_disabled()) {
    const int combined = kernel_apc_disable + special_apc_disable;
    report([&] {
      fault::bugcheck(
          KERNEL_APC_PENDING_DURING_EXIT,
          fault::Params{0, static_cast<ULONG_PTR>(static_cast<ULONG>(combined)), irql, 0},
          "thread %p exited inside a critical or guarded region (KernelApcDisable "
          "%d, SpecialApcDisable %d): every KeEnter*Region needs its KeLeave*Region",
          static_cast<void*>(this), kernel_apc_disable, special_apc_disable);
    });
  }
  if (ctx_ < 0) return;
  EngineClient& eng = dev_->engine();
  const auto c = static_cast<unsigned>(ctx_);
  // ABANDON hands every slot the context still owns to its next waiter (or frees it) with the
  // abandoned flag, and drops a grant it never took; then the context can go back to the pool.
  // The table entry goes first: once the context is back in the pool another thread may bind it.
  dev_->set_ctx_thread(c, nullptr);
  if (!held_.empty()) eng.abandon(c);
  if (eng.free_ctx(c).rc == Rc::ErrCtxBusy) {
    eng.abandon(c);
    eng.free_ctx(c);
  }
  held_.clear();
  held_kmutexes_ = 0;
  std::lock_guard lock(prio_mu_);
  ctx_ = -1;
}

}  // namespace hwmx::host
