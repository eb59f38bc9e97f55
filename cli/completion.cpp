#include "cli/completion.hpp"

#include <algorithm>
#include <cctype>

namespace policyc {

namespace {

bool starts_with(const std::string& s, const std::string& prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

bool contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

bool visible(const CLI::Option* option) { return !option->get_group().empty(); }
bool takes_value(const CLI::Option* option) { return option->get_items_expected_max() > 0; }
bool repeatable(const CLI::Option* option) { return option->get_items_expected_max() > 1; }

const CLI::Option* find_option(const CLI::App& app, const std::string& word) {
  const std::string name = word.substr(0, word.find('='));
  for (const CLI::Option* option : app.get_options()) {
    if (option->get_positional()) continue;
    for (const std::string& l : option->get_lnames()) {
      if (name == "--" + l) return option;
    }
    for (const std::string& s : option->get_snames()) {
      if (name == "-" + s) return option;
    }
  }
  return nullptr;
}

// The values CLI::IsMember allows, as its description shows them: `TEXT:{a,b,c}`.
std::vector<std::string> member_values(const CLI::Option* option) {
  const std::string type = option->get_type_name();
  const std::size_t open = type.find('{'), close = type.rfind('}');
  std::vector<std::string> values;
  if (open == std::string::npos || close == std::string::npos || close < open) return values;
  std::string item;
  for (char c : type.substr(open + 1, close - open - 1)) {
    if (c != ',') {
      item += c;
      continue;
    }
    values.push_back(item);
    item.clear();
  }
  values.push_back(item);
  return values;
}

std::string upper(const std::string& s) {
  std::string u;
  for (char ch : s) u += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  return u;
}

// What an option value or a positional is, from what its help says of it: its name
// (BOTTLE, --out-dir), its type name (DIR) and its description ("folder of ...").
void complete_argument(const CLI::Option* option, const CompletionSources& sources, Completion& c) {
  const std::string name = upper(option->get_name() + " " + option->get_type_name());
  const std::string description = option->get_description();
  if (contains(name, "CODE")) {
    if (sources.error_codes) c.candidates = sources.error_codes();
  } else if (contains(name, "DIR") || starts_with(description, "folder")) {
    c.files = Completion::Files::Dirs;
  } else if (contains(name, "BOTTLE")) {
    c.files = Completion::Files::Any;
    c.extensions = {"yaml", "yml", "md", "markdown"};
  } else if (contains(name, "POLICY") || contains(description, "policy files")) {
    c.files = Completion::Files::Any;
    c.extensions = {"policy"};
  } else if (contains(name, "FILE") || contains(name, "PATH") || contains(name, "OUTPUT") ||
             contains(upper(description), "FILE")) {
    c.files = Completion::Files::Any;
  }
  // Anything else (a host name, say) has no candidates to offer.
}

void complete_param(const std::string& current, const std::vector<CompletionParam>& params,
                    Completion& c) {
  const std::size_t equals = current.find('=');
  if (equals == std::string::npos) {
    for (const CompletionParam& p : params) c.candidates.push_back({p.name + "=", p.type});
    c.no_space = true;
    return;
  }
  const std::string name = current.substr(0, equals);
  for (const CompletionParam& p : params) {
    if (p.name != name) continue;
    for (const std::string& v : p.values) c.candidates.push_back({name + "=" + v, p.type});
    if (p.is_path) {
      c.files = Completion::Files::Any;
      c.prefix = name + "=";
    }
  }
}

struct LineState {
  const CLI::App* command = nullptr;      // the subcommand, once given
  const CLI::Option* pending = nullptr;   // an option whose value comes next
  std::vector<const CLI::Option*> given;  // options already on the line
  std::size_t positionals = 0;            // positional words already on the line
  bool only_positionals = false;          // after `--`
  std::string policy;                     // the --policy given, for its parameters
};

void read_word(const CLI::App& root, const std::string& word, LineState& s) {
  if (s.command == nullptr) {
    for (const CLI::App* sub : root.get_subcommands({})) {
      if (sub->get_name() == word) s.command = sub;
    }
    return;
  }
  if (s.pending != nullptr) {
    if (s.pending->check_lname("policy")) s.policy = word;
    s.pending = nullptr;
  } else if (word == "--" && !s.only_positionals) {
    s.only_positionals = true;
  } else if (starts_with(word, "-") && word != "-" && !s.only_positionals) {
    const CLI::Option* option = find_option(*s.command, word);
    if (option == nullptr) return;
    s.given.push_back(option);
    const std::size_t equals = word.find('=');
    if (takes_value(option) && equals == std::string::npos) s.pending = option;
    if (option->check_lname("policy") && equals != std::string::npos) {
      s.policy = word.substr(equals + 1);
    }
  } else {
    ++s.positionals;
  }
}

void complete_value(const CLI::Option* option, const std::string& current, const LineState& s,
                    const CompletionSources& sources, Completion& c) {
  std::vector<std::string> members = member_values(option);
  if (!members.empty()) {
    for (const std::string& m : members) c.candidates.push_back({m, ""});
  } else if (option->check_lname("param")) {
    if (sources.params) complete_param(current, sources.params(s.policy), c);
  } else {
    complete_argument(option, sources, c);
  }
}

void complete_options(const CLI::App& app, const LineState& s, Completion& c) {
  for (const CLI::Option* option : app.get_options()) {
    if (option->get_positional() || !visible(option)) continue;
    bool used = std::find(s.given.begin(), s.given.end(), option) != s.given.end();
    if (used && !repeatable(option)) continue;
    for (const std::string& l : option->get_lnames()) {
      c.candidates.push_back({"--" + l, option->get_description()});
    }
    for (const std::string& n : option->get_snames()) {
      c.candidates.push_back({"-" + n, option->get_description()});
    }
  }
}

void complete_positional(const CLI::App& app, const LineState& s, const CompletionSources& sources,
                         Completion& c) {
  std::size_t index = s.positionals;
  for (const CLI::Option* option : app.get_options()) {
    if (!option->get_positional()) continue;
    const auto takes = static_cast<std::size_t>(option->get_items_expected_max());
    if (index >= takes) {
      index -= takes;
      continue;
    }
    std::vector<std::string> members = member_values(option);
    for (const std::string& m : members) c.candidates.push_back({m, option->get_description()});
    if (members.empty()) complete_argument(option, sources, c);
    return;
  }
}

Completion complete_current(const CLI::App& root, const std::string& current, const LineState& s,
                            const CompletionSources& sources) {
  Completion c;
  if (s.command == nullptr) {
    if (starts_with(current, "-")) {
      complete_options(root, s, c);
      return c;
    }
    for (const CLI::App* sub : root.get_subcommands({})) {
      if (!sub->get_group().empty())
        c.candidates.push_back({sub->get_name(), sub->get_description()});
    }
    return c;
  }
  if (s.pending != nullptr) {
    complete_value(s.pending, current, s, sources, c);
    return c;
  }
  const bool option_word = starts_with(current, "-") && !s.only_positionals;
  const std::size_t equals = current.find('=');
  if (option_word && equals != std::string::npos) {
    const CLI::Option* option = find_option(*s.command, current);
    if (option == nullptr || !takes_value(option)) return c;
    complete_value(option, current.substr(equals + 1), s, sources, c);
    const std::string head = current.substr(0, equals + 1);
    for (auto& candidate : c.candidates) candidate.first = head + candidate.first;
    c.prefix = head + c.prefix;
    return c;
  }
  if (option_word) {
    complete_options(*s.command, s, c);
  } else {
    complete_positional(*s.command, s, sources, c);
  }
  return c;
}

}  // namespace

Completion complete_words(const CLI::App& root, const std::vector<std::string>& words,
                          const CompletionSources& sources) {
  LineState state;
  for (std::size_t i = 0; i + 1 < words.size(); ++i) read_word(root, words[i], state);
  const std::string current = words.empty() ? "" : words.back();
  Completion c = complete_current(root, current, state, sources);
  std::vector<std::pair<std::string, std::string>> matching;
  for (auto& candidate : c.candidates) {
    if (starts_with(candidate.first, current)) matching.push_back(std::move(candidate));
  }
  c.candidates = std::move(matching);
  return c;
}

std::string render_completion(const Completion& c) {
  std::string out;
  for (const auto& [word, description] : c.candidates) {
    out += word;
    if (!description.empty()) out += "\t" + description;
    out += "\n";
  }
  if (c.files == Completion::Files::Any) {
    out += ":files";
    for (const std::string& e : c.extensions) out += " " + e;
    out += "\n";
  }
  if (c.files == Completion::Files::Dirs) out += ":dirs\n";
  if (!c.prefix.empty() && c.files != Completion::Files::None) out += ":prefix " + c.prefix + "\n";
  if (c.no_space) out += ":nospace\n";
  return out;
}

}  // namespace policyc
