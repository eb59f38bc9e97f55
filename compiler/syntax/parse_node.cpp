#include "compiler/syntax/parse_node.hpp"

#include <memory>
#include <new>
#include <vector>

// Under AddressSanitizer nodes come from the general allocator, so it still sees every
// use after free.
#if defined(__SANITIZE_ADDRESS__)
#define POLICYC_POOL_NODES 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define POLICYC_POOL_NODES 0
#endif
#endif
#ifndef POLICYC_POOL_NODES
#define POLICYC_POOL_NODES 1
#endif

namespace policyc {

namespace {

// Nodes freed by a thread are kept for its next ones; the memory goes back to the
// system when the thread ends. A parse holds at most a few thousand nodes at a time.
class NodePool {
 public:
  void* take() {
    if (!free_) refill();
    FreeSlot* slot = free_;
    free_ = slot->next;
    return slot;
  }
  void give_back(void* node) { free_ = new (node) FreeSlot{free_}; }

 private:
  struct FreeSlot {
    FreeSlot* next;
  };
  union Slot {
    FreeSlot free;
    alignas(ParseNode) unsigned char node[sizeof(ParseNode)];
  };
  static constexpr std::size_t kSlotsPerChunk = 256;

  void refill() {
    chunks_.push_back(std::make_unique<Slot[]>(kSlotsPerChunk));
    Slot* chunk = chunks_.back().get();
    for (std::size_t i = 0; i < kSlotsPerChunk; ++i) give_back(&chunk[i]);
  }

  std::vector<std::unique_ptr<Slot[]>> chunks_;
  FreeSlot* free_ = nullptr;
};

thread_local NodePool pool;

}  // namespace

void* ParseNode::operator new(std::size_t size) {
  if (!POLICYC_POOL_NODES || size != sizeof(ParseNode)) return ::operator new(size);
  return pool.take();
}

void ParseNode::operator delete(void* node, std::size_t size) {
  if (!POLICYC_POOL_NODES || size != sizeof(ParseNode)) return ::operator delete(node);
  pool.give_back(node);
}

}  // namespace policyc
