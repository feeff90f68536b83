// Curated reference tables the builder joins onto the Hub's records: publishers (country, sector), model family
// names for base-model roots, and the Hub's task taxonomy (task -> modality).
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dims.h"
#include "result.h"

namespace hubreport {

struct Publisher {
  std::string ns, name, country, sector;  // country "" = unknown; sector one of kSectorNames
};
struct FamilyRule {
  std::string pattern, family;  // case-insensitive prefix of a root model id
};

struct ReferenceTables {
  std::vector<Publisher> publishers;
  std::vector<FamilyRule> families;
  std::vector<std::pair<std::string, Modality>> taxonomy;  // task -> modality
};

// RFC 4180 CSV with a header row; the named columns are required, others ignored.
Result<std::vector<std::vector<std::string>>> parse_csv(std::string_view text, const std::vector<std::string>& columns);
Result<std::vector<Publisher>> parse_publishers(std::string_view csv);
Result<std::vector<FamilyRule>> parse_families(std::string_view csv);
// Lines "task<TAB>hub-modality" (nlp, cv, audio, multimodal, tabular, rl, other), generated from @huggingface/tasks.
Result<std::vector<std::pair<std::string, Modality>>> parse_taxonomy(std::string_view text);

// The tables compiled into the binary from data/ and node_modules (see CMakeLists.txt).
Result<ReferenceTables> builtin_reference_tables();

}  // namespace hubreport
