// Go to definition in an open bottle: a key to the declaration of the schema field it
// names in the project's policy, and an old name also to its `renamed` rule.
#include "lsp/bottle_documents.hpp"
#include "lsp/bottle_features.hpp"
#include "lsp/bottle_spot.hpp"
#include "lsp/policy_diagnostics.hpp"

namespace policyc::lsp {

namespace {

using Json = nlohmann::json;

// Where `name` is written at the start of `range`, or nothing when its file is not on
// disk (the shipped policies, compiled into the binary).
Json location_of(const OpenBottle& open, const SourceRange& range, const std::string& name,
                 PositionEncoding encoding) {
  std::string uri = uri_on_disk(open.sources, range.file, open.root());
  if (uri.empty() || !range.valid()) return nullptr;
  const SourceRange written{range.file, range.begin,
                            static_cast<std::uint32_t>(range.begin + name.size())};
  return {{"uri", std::move(uri)}, {"range", range_json(open.sources, written, encoding)}};
}

}  // namespace

Json bottle_definition(const TextPosition& at, const Documents& documents,
                       PositionEncoding encoding) {
  const std::optional<BottleAt> bottle = bottle_at(at, documents);
  if (!bottle || !bottle->spot.field) return nullptr;
  const OpenBottle* open = bottle->open.get();
  const BottleSpot& spot = bottle->spot;
  Json found = Json::array();
  for (Json location : {location_of(*open, spot.field->range, spot.field->name, encoding),
                        spot.renamed ? location_of(*open, spot.renamed->range,
                                                   spot.renamed->name, encoding)
                                     : Json()}) {
    if (!location.is_null()) found.push_back(std::move(location));
  }
  if (found.empty()) return nullptr;
  return found;
}

}  // namespace policyc::lsp
