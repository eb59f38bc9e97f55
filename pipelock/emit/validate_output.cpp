#include "pipelock/emit/validate_output.hpp"

#include <fmt/format.h>

#include <string_view>

#include "base/hostname.hpp"
#include "base/value_prefix.hpp"
#include "pipelock/emit/emit_scalars.hpp"
#include "pipelock/schema/field_rules.hpp"
#include "pipelock/schema/host_match.hpp"
#include "pipelock/schema/output_schema.hpp"
#include "runtime/input/params_reader.hpp"

namespace policyc {

namespace {

using Type = TargetField::Type;
using Kind = Value::Kind;

bool kind_fits(Type type, Kind kind) {
  switch (type) {
    case Type::Int:
    case Type::Number:
      return kind == Kind::Int;
    case Type::Bool:
      return kind == Kind::Bool;
    case Type::String:
    case Type::Enum:
      return kind == Kind::String;
    case Type::Section:
      return false;
    case Type::Record:
    case Type::Map:
      return kind == Kind::Record;
    default:
      return kind == Kind::List;
  }
}

const OutputNode* find_child(const std::vector<OutputNode>& nodes, const std::string& key) {
  for (const OutputNode& n : nodes) {
    if (n.key == key) return &n;
  }
  return nullptr;
}

const OutputNode* scalar_child(const std::vector<OutputNode>& nodes, const std::string& key,
                               Kind kind) {
  const OutputNode* n = find_child(nodes, key);
  return n && !n->is_section && n->value().kind == kind ? n : nullptr;
}

// Worded for the policy's author, who wrote the entry with its trailing dot.
std::string trusted_domain_message(const std::string& entry) {
  const TrustedDomainProblem problem = trusted_domain_problem(entry);
  if (problem == TrustedDomainProblem::Empty) return "it is empty without its trailing dot";
  if (problem == TrustedDomainProblem::BroadWildcard) {
    return "a wildcard must target a concrete domain like *.example.com";
  }
  return describe_trusted_domain_problem(problem);
}

struct Problem {
  std::string message;  // empty: no problem
  std::string suggestion;
};

// A view: this runs for every host of every list, and the hosts are shared text.
Problem host_problem(std::string_view host, const std::string& path, bool trusted_domains) {
  if (host.empty()) return {"empty hostname in " + path, ""};
  const char* what = text_problem(host);
  if (!what && host.find_first_of("\"'`") != std::string_view::npos) what = "a quote";
  if (!what && host.find(' ') != std::string_view::npos) what = "whitespace";
  if (what) {
    return {
        fmt::format("hostname '{}' in {} contains {}", printable(value_prefix(host)), path, what),
        ""};
  }
  if (!trusted_domains) return {};
  const std::string problem = trusted_domain_message(std::string(host));
  if (problem.empty()) return {};
  return {fmt::format("pipelock 2.3.0 refuses '{}' in {}: {}", value_prefix(host), path, problem),
          ""};
}

Problem cidr_problem(const std::string& cidr, const std::string& path) {
  if (const char* what = text_problem(cidr)) {
    return {fmt::format("'{}' in {} contains {}", printable(value_prefix(cidr)), path, what), ""};
  }
  // pipelock's `internal` list accepts a catch-all; only ssrf.ip_allowlist refuses it.
  if (path == "internal" && (cidr == "0.0.0.0/0" || cidr == "::/0")) return {};
  std::string canonical;
  std::optional<InputProblem> problem = check_cidr(cidr, canonical);
  if (!problem) return {};
  std::string message = fmt::format("invalid CIDR in {}: {}", path, problem->message);
  if (!problem->suggestion.empty()) {
    message += fmt::format("; did you mean '{}'?", problem->suggestion);
  }
  return {message, problem->suggestion};
}

class Validator {
 public:
  Validator(DiagnosticSink& diags, const SourceManager* sources)
      : diags_(diags), sources_(sources) {}

  void section(const std::vector<OutputNode>& nodes, const TargetField& schema,
               const std::string& parent) {
    for (std::size_t i = 0; i < nodes.size(); ++i) {
      const OutputNode& n = nodes[i];
      const std::string path = join_path(parent, n.key);
      for (std::size_t j = 0; j < i; ++j) {
        if (nodes[j].key != n.key) continue;
        error(n.origin, fmt::format("key '{}' is set twice", printable(path)))
            .notes.push_back({nodes[j].origin, "first set here"});
        break;
      }
      if (const TargetField* field = n.field ? n.field : find_target_field(schema, n.key)) {
        node(n, *field, path);
        continue;
      }
      Diagnostic& d = error(
          n.origin,
          parent.empty()
              ? fmt::format("pipelock 2.3.0 has no top-level field '{}'", printable(n.key))
              : fmt::format("pipelock 2.3.0 has no field '{}' in '{}'", printable(n.key), parent));
      d.suggestion = closest_name(n.key, target_field_names(schema));
      if (!d.suggestion.empty()) d.message += fmt::format("; did you mean '{}'?", d.suggestion);
    }
  }

  void strict_mode(const OutputDocument& document) {
    const OutputNode* mode = scalar_child(document, "mode", Kind::String);
    if (!mode || mode->value().string != "strict") return;
    const OutputNode* allowlist = find_child(document, "api_allowlist");
    // A value of the wrong kind has been reported by the type check already.
    if (allowlist && (allowlist->is_section || allowlist->value().kind != Kind::List ||
                      !allowlist->value().items.empty())) {
      return;
    }
    error(allowlist ? allowlist->origin : mode->origin,
          "pipelock 2.3.0 refuses strict mode with an empty api_allowlist; allow at least one "
          "host");
  }

 private:
  Diagnostic& error(SourceRange range, std::string message) {
    return diags_.error("E0501", range, std::move(message));
  }

  void node(const OutputNode& n, const TargetField& f, const std::string& path) {
    if (f.type == Type::Section && n.is_section) {
      section(n.children, f, path);
      if (path == "tls_interception") tls_paths(n);
      return;
    }
    if (f.type == Type::Section || n.is_section) {
      return mismatch(n, f, path, n.is_section ? "a section" : kind_name(n.value()));
    }
    value(n, n.value(), f, path);
  }

  void mismatch(const OutputNode& n, const TargetField& f, const std::string& path,
                const std::string& got) {
    std::string type = target_type_name(f);
    std::string want = f.type == Type::Enum
                           ? fmt::format("one of {}", fmt::join(f.enum_values, ", "))
                           : (type[0] == 'i' ? "an " : "a ") + type;
    error(n.origin, fmt::format("pipelock field '{}' expects {}, got {}", path, want, got));
  }

  // A value of node `n` (the whole, or one inside a record or list of it) against `f`.
  void value(const OutputNode& n, const Value& v, const TargetField& f, const std::string& path) {
    if (!kind_fits(f.type, v.kind)) return mismatch(n, f, path, kind_name(v));
    if (std::string problem = v.kind == Kind::Int ? pipelock_int_problem(f, path, v.integer)
                              : v.kind == Kind::String
                                  ? pipelock_text_problem(f, path, v.string.str())
                                  : std::string();
        !problem.empty()) {
      scalar_error(n, v, std::move(problem));
    } else if (v.kind == Kind::List) {
      for (std::size_t i = 0; i < v.items.size(); ++i) {
        if (f.element) {
          value(n, v.items[i], *f.element, fmt::format("{}[{}]", path, i));
        } else {
          item(n, v, f, path, i);
        }
      }
    } else if (v.kind == Kind::Record) {
      record(n, v, f, path);
    }
  }

  // The written fields of a record of the schema (or the entries of a map), and the
  // fields pipelock requires of it.
  void record(const OutputNode& n, const Value& v, const TargetField& f, const std::string& path) {
    for (const auto& [key, field_value] : v.fields) {
      if (field_value.is_null()) continue;
      const TargetField* field = f.type == Type::Map ? f.element.get() : find_target_field(f, key);
      if (!field) {
        error(n.origin, fmt::format("pipelock 2.3.0 has no field '{}' in '{}'", printable(key),
                                    path));
        continue;
      }
      value(n, field_value, *field, join_path(path, key));
    }
    if (f.type != Type::Record) return;
    for (const TargetField& field : f.children) {
      const Value* given = v.field(field.key);
      if (!field.required || (given && !given->is_null())) continue;
      error(n.origin, fmt::format("pipelock 2.3.0 refuses {} without {}", path, field.key));
    }
  }

  void item(const OutputNode& n, const Value& list, const TargetField& f, const std::string& path,
            std::size_t i) {
    const Value& v = list.items[i];
    Problem problem;
    if (v.kind != Kind::String) {
      problem.message =
          fmt::format("pipelock field '{}[{}]' expects a string, got {}", path, i, kind_name(v));
    } else if (f.type == Type::HostList) {
      problem = host_problem(v.string.view(), path, f.trusted_domains);
    } else if (f.type == Type::CidrList) {
      problem = cidr_problem(v.string.str(), path);
    } else if (const char* what = text_problem(v.string.view())) {
      problem.message =
          fmt::format("'{}' in {} contains {}", printable(value_prefix(v.string)), path, what);
    }
    if (problem.message.empty()) return;
    Diagnostic& d = error(n.origin, problem.message);
    d.suggestion = problem.suggestion;
    // The range points at the policy line that built the list; say which input entry.
    for (const Provenance& p : v.origins) {
      if (!p.input_range.valid()) continue;
      d.notes.push_back({p.input_range, "the entry comes from here"});
      break;
    }
  }

  // A value given as `--param` is wrong where it is given: E0404 on the command line, with
  // the policy line that put it into the field as a note, like every other bad parameter.
  void scalar_error(const OutputNode& n, const Value& v, std::string problem) {
    for (const Provenance& p : v.origins) {
      if (!p.input_range.valid() || !sources_ ||
          sources_->file(p.input_range.file).name() != kCommandLineSource) {
        continue;
      }
      Diagnostic& d =
          diags_.error("E0404", p.input_range, fmt::format("{}: {}", p.input_path.view(), problem));
      d.notes.push_back({n.origin, "the parameter sets the pipelock field here"});
      return;
    }
    error(n.origin, std::move(problem));
  }

  // pipelock falls back to ~/.pipelock when a CA path is empty; a generated config
  // must never depend on the sidecar's home directory, so both must be explicit.
  void tls_paths(const OutputNode& tls) {
    const OutputNode* enabled = scalar_child(tls.children, "enabled", Kind::Bool);
    if (!enabled || !enabled->value().boolean) return;
    for (const char* key : {"ca_cert", "ca_key"}) {
      const OutputNode* path = find_child(tls.children, key);
      if (!path) {
        error(tls.origin, fmt::format("tls_interception is enabled without {}; set both ca_cert "
                                      "and ca_key",
                                      key));
      } else if (scalar_child(tls.children, key, Kind::String) && path->value().string.empty()) {
        error(path->origin, fmt::format("tls_interception is enabled with an empty {}; set both "
                                        "ca_cert and ca_key",
                                        key));
      }
    }
  }

  DiagnosticSink& diags_;
  const SourceManager* sources_;
};

}  // namespace

bool validate_pipelock_output(const OutputDocument& document, DiagnosticSink& diags,
                              const SourceManager* sources) {
  const std::size_t before = diags.error_count();
  Validator validator(diags, sources);
  validator.section(document, pipelock_schema(), "");
  validator.strict_mode(document);
  return diags.error_count() == before;
}

}  // namespace policyc
