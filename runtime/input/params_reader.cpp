#include "runtime/input/params_reader.hpp"

#include <fmt/format.h>

#include <map>
#include <set>

#include "runtime/input/manifest_reader.hpp"
#include "runtime/input/scalar_convert.hpp"
#include "base/value_prefix.hpp"

namespace policyc {

std::vector<SourceRange> add_command_line_source(SourceManager& sources,
                                                 const std::vector<std::string>& params) {
  std::string text;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> spans;
  for (const std::string& param : params) {
    if (!text.empty()) text += ' ';
    text += "--param ";
    spans.emplace_back(static_cast<std::uint32_t>(text.size()),
                       static_cast<std::uint32_t>(text.size() + param.size()));
    text += param;
  }
  FileId file = sources.add(kCommandLineSource, text);
  std::vector<SourceRange> ranges;
  for (auto [begin, end] : spans) ranges.push_back({file, begin, end});
  return ranges;
}

namespace {

struct GivenParam {
  const FieldType* field;
  std::vector<Value> values;
  SourceRange first;
};

}  // namespace

Value read_params(const std::vector<SourceRange>& params, const RecordType& schema,
                  const SourceManager& sources, DiagnosticSink& diags) {
  std::map<std::string, GivenParam> given;
  std::set<std::string> given_invalid;
  for (const SourceRange& range : params) {
    const std::string arg(sources.text(range));
    std::size_t equals = arg.find('=');
    if (equals == std::string::npos || equals == 0) {
      diags.error("E0401", range,
                  fmt::format("expected NAME=VALUE after --param, got '{}'", value_prefix(arg)));
      continue;
    }
    const std::string name = arg.substr(0, equals);
    const std::string text = arg.substr(equals + 1);
    const SourceRange name_range{range.file, range.begin,
                                 range.begin + static_cast<std::uint32_t>(equals)};
    const SourceRange value_range{range.file, name_range.end + 1, range.end};
    const RenamedKeyRule* rename = schema.find_renamed(name);
    const FieldType* field = schema.find(rename ? rename->target : name);
    if (!field) {
      Diagnostic& d = diags.error("E0402", name_range,
                                  fmt::format("unknown parameter '{}'", value_prefix(name)));
      add_suggestion(d, name, schema.field_names());
      if (d.suggestion.empty()) {
        d.notes.push_back({schema.range, schema.fields.empty()
                                             ? std::string("the policy declares no parameters")
                                             : fmt::format("the parameters are {}",
                                                           fmt::join(schema.field_names(), ", "))});
      }
      continue;
    }
    if (rename) {
      Diagnostic& d = diags.warning(
          "W0330", name_range,
          fmt::format("parameter '{}' is now called '{}'; pass --param {}=VALUE", name,
                      field->name, field->name));
      d.notes.push_back({rename->range, "renamed by the policy here"});
      d.suggestion = field->name;
      d.fixes.push_back({name_range, field->name});
    }
    const bool is_list = field->type->kind == Type::Kind::List;
    auto [it, inserted] = given.emplace(field->name, GivenParam{field, {}, range});
    if (!inserted && !is_list) {
      Diagnostic& d = diags.error("E0403", range,
                                  fmt::format("parameter '{}' is given twice", field->name));
      d.notes.push_back({it->second.first, "first given here"});
      continue;
    }
    const Type& type = is_list ? *field->type->element : *field->type;
    InputProblem problem;
    std::optional<Value> value = convert_scalar(text, ScalarStyle::Plain, type, problem);
    if (!value) {
      report_input_problem(diags, "E0404", problem_range(value_range, text, text, problem), name,
                           problem);
      given_invalid.insert(field->name);
      continue;
    }
    value->origins.push_back({"", {}, name, value_range});
    it->second.values.push_back(std::move(*value));
  }
  Value record = Value::of_record();
  for (const FieldType& field : schema.fields) {
    auto it = given.find(field.name);
    if (it != given.end() && !it->second.values.empty()) {
      if (field.type->kind == Type::Kind::List && field.type->element->kind == Type::Kind::Cidr) {
        check_cidr_union(it->second.values, field.name, "E0404", diags);
      }
      Value value = field.type->kind == Type::Kind::List ? Value::of_list(it->second.values)
                                                         : it->second.values.front();
      value.origins.push_back({"", {}, field.name, it->second.first});
      record.fields.emplace_back(field.name, std::move(value));
    } else if (field.has_default) {
      record.fields.emplace_back(field.name, field.default_value);
    } else {
      if (field.required() && it == given.end()) {
        Diagnostic& d = diags.error("E0405", {},
                                    fmt::format("missing required parameter '{}'; pass "
                                                "--param {}=VALUE",
                                                field.name, field.name));
        d.notes.push_back({field.range, "declared here"});
      }
      record.fields.emplace_back(field.name, Value::null());
    }
  }
  check_together(schema, record, "", given_invalid, "E0406", diags);
  return record;
}

}  // namespace policyc
