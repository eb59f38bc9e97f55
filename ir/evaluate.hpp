// Evaluation of a checked program against one manifest and its launch parameters.
#pragma once
#include <string>
#include <vector>

#include "ir/program.hpp"
#include "ir/eval_budget.hpp"
#include "ir/output.hpp"
#include "ir/value.hpp"

namespace policyc {

/// The `let` values of one evaluation, each computed when first read.
struct LetValues {
  std::vector<Value> values;  // per program.constants; only `let` entries are used
  std::vector<bool> done;
};

struct EvalEnv {
  const ir::Program& program;
  const Value* manifest = nullptr;
  const Value* params = nullptr;
  const std::vector<Value>* sets = nullptr;
  SharedText declaration;            // named in the provenance of literals
  std::vector<const Value*> locals;  // comprehension and quantifier variables
  EvalBudget* budget = nullptr;      // none: expressions already known to be cheap
  LetValues* lets = nullptr;         // none: each `let` is computed where it is read
};

/// The value of a checked expression. Literals carry `env.declaration` and their range
/// as provenance; values read from the manifest keep the manifest node's.
Value evaluate_expr(const ast::Expr& expr, EvalEnv& env);

/// The value of an expression that reads no manifest, parameter or set (a constant, a
/// field default, the constant part of a condition), within `budget`; its literals carry
/// `declaration` as provenance.
Value evaluate_constant(const ir::Program& program, const ast::Expr& expr,
                        const std::string& declaration, EvalBudget& budget);

struct Evaluation {
  std::vector<Value> sets;  // per program.sets: sorted by byte order, each element once
  OutputDocument output;    // shares the sets it names whole: moved, never copied
  std::uint64_t steps = 0;  // work done, as EvalBudget counts it
  std::uint64_t bytes_built = 0;  // values built, as EvalBudget counts them

  Evaluation() = default;
  Evaluation(Evaluation&&) = default;
  Evaluation& operator=(Evaluation&&) = default;
  Evaluation(const Evaluation&) = delete;
  Evaluation& operator=(const Evaluation&) = delete;
};

/// Runs every rule whose condition holds, then builds the output document. A policy
/// that needs more than `max_steps` for this manifest is reported [E0811]; the evaluation
/// returned then is incomplete and must not be used.
Evaluation evaluate_program(const ir::Program& program, const Value& manifest, const Value& params,
                            DiagnosticSink& diags, std::uint64_t max_steps = kMaxEvaluationSteps);

}  // namespace policyc
