// The parser is recursive descent, so nesting costs stack: every rule that opens a
// nested level counts against one limit, and going past it raises a nesting_error
// instead of overflowing the stack.
#pragma once
#include <cstddef>
#include <type_traits>
#include <utility>

#include <tao/pegtl.hpp>

#include "grammar/policy_grammar.hpp"

namespace policyc::grammar {

/// Levels of expressions, types and output sections inside one another.
inline constexpr std::size_t kMaxNesting = 100;

// clang-format off
template< typename Rule > inline constexpr bool opens_nesting = false;
template<> inline constexpr bool opens_nesting< expr > = true;          // ( [ calls, quantifiers
template<> inline constexpr bool opens_nesting< negation > = true;      // not not not ...
template<> inline constexpr bool opens_nesting< type > = true;          // list<list<...>>
template<> inline constexpr bool opens_nesting< output_block > = true;  // section { section { ... } }
// clang-format on

inline constexpr const char* kNestingMessage =
    "expressions, types and output sections nest deeper than 100 levels (limit); split the "
    "expression with constants";

/// Counts one level for as long as the rule is being matched.
class NestingGuard {
 public:
  explicit NestingGuard(std::size_t& depth) : depth_(depth) { ++depth_; }
  ~NestingGuard() { --depth_; }
  NestingGuard(const NestingGuard&) = delete;
  NestingGuard& operator=(const NestingGuard&) = delete;

 private:
  std::size_t& depth_;
};

/// An input that remembers where a level past kMaxNesting was refused. Refusing (the
/// rule fails) rather than throwing keeps the limit exact: a rule that is only tried,
/// such as `not` before a plain operand, is not held against the text. When the text
/// does need the level, the parse fails right there, and the parser reports the limit.
template <typename Base = tao::pegtl::memory_input<>>
struct NestingInput : Base {
  using Base::Base;
  const char* nesting_refused_at = nullptr;
};

template <typename Input, typename = void>
inline constexpr bool marks_nesting = false;
template <typename Input>
inline constexpr bool
    marks_nesting<Input, std::void_t<decltype(std::declval<Input&>().nesting_refused_at)>> = true;

}  // namespace policyc::grammar
