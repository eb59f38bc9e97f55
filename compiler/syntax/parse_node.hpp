// The parse-tree node of the policy grammar. PEGTL allocates a node each time it tries a
// kept rule and frees it when the attempt fails, so nodes come from a per-thread free
// list: with the general allocator, that churn was half of parsing the shipped policies.
#pragma once
#include <cstddef>
#include <tao/pegtl/contrib/parse_tree.hpp>

namespace policyc {

struct ParseNode : tao::pegtl::parse_tree::basic_node<ParseNode> {
  static void* operator new(std::size_t size);
  static void operator delete(void* node, std::size_t size);
};

}  // namespace policyc
