// The built-in functions: the one table the checker resolves calls from, and the
// language server offers, signs and documents them from, so neither can drift.
#pragma once
#include <string_view>

#include "ir/ast.hpp"

namespace policyc {

struct BuiltinFunction {
  std::string_view name;
  ast::Builtin builtin;
  std::string_view signature;  // as a hover shows it
  std::string_view doc;        // one line, for a hover
};

inline constexpr BuiltinFunction kBuiltins[] = {
    {"sorted", ast::Builtin::Sorted, "sorted(list<T>) -> list<T>",
     "The list in byte order, T a string type or int."},
    {"len", ast::Builtin::Len, "len(list<T> | map<T> | string) -> int",
     "The number of elements, entries or bytes."},
    {"present", ast::Builtin::Present, "present(T?) -> bool",
     "Whether an optional value is there."},
    {"flatten", ast::Builtin::Flatten, "flatten(list<list<T>>) -> list<T>",
     "One list of the inner lists' elements, in order."},
    {"keys", ast::Builtin::Keys, "keys(map<T>) -> list<string>",
     "The map's keys, in the order the bottle wrote them."},
    {"values", ast::Builtin::Values, "values(map<T>) -> list<T>",
     "The map's values, in the order the bottle wrote them."}};

/// The built-in named `name`, or nullptr.
inline const BuiltinFunction* find_builtin(std::string_view name) {
  for (const BuiltinFunction& entry : kBuiltins) {
    if (entry.name == name) return &entry;
  }
  return nullptr;
}

}  // namespace policyc
