// The view state: one definition for the URL, the CLI, the wasm module and the page.
// The URL query string IS the state; see docs/contracts.md section 1.
#pragma once
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "month.h"
#include "result.h"

namespace hubreport {

// Filter dimensions, in the order their keys are printed.
enum class Dim : int { type, country, sector, org, task, modality, library, license, family, relation, size, sdk, count };
constexpr int kDimCount = int(Dim::count);
constexpr std::array<std::string_view, kDimCount> kDimKeys{"type",    "country", "sector",  "org",    "task",     "modality",
                                                           "library", "license", "family",  "relation", "size", "sdk"};

constexpr std::array<std::string_view, 12> kViewNames{"headline", "growth",    "concentration", "geography",
                                                      "sectors",  "families",  "orgs",          "tasks",
                                                      "sizes",    "licenses",  "libraries",     "sdks"};

struct ViewState {
  // Version 2 renamed the embed key `view` to `embed`. Links without `v` are version 1 and are migrated on parse;
  // printing always writes `v=2`, so every link made from now on says its version.
  static constexpr int kVersion = 2;
  std::string snapshot;                                  // s
  Month from = kUnknownMonth, to = kUnknownMonth;        // from, to (inclusive); unknown = open
  std::array<std::vector<std::string>, kDimCount> filters;  // empty = no filter on that dimension
  bool cumulative = false;                               // cum
  std::string view;                                      // embed: show this view alone (URL key `embed`, v1 `view`)

  const std::vector<std::string>& filter(Dim d) const { return filters[int(d)]; }
  std::vector<std::string>& filter(Dim d) { return filters[int(d)]; }
  bool operator==(const ViewState& o) const;
};

// Limits that keep a crafted link from costing memory or time.
constexpr std::size_t kMaxQueryBytes = 16 * 1024;
constexpr std::size_t kMaxListItems = 200;
constexpr std::size_t kMaxValueBytes = 256;

// Parses a query string ("s=x&country=CN~US", with or without a leading '?'), migrating older versions:
// no `v` (or v=1) is version 1, where `view=X` means what version 2 calls `embed=X`.
// Errors name the key: "unknown key 'foo'", "bad value for 'from': ...".
Result<ViewState> parse_state(std::string_view query);
// Canonical form (always the current version, `v=2` right after `s`): fixed key order, defaults left out, lists
// sorted and de-duplicated, percent-encoded.
std::string print_state(const ViewState& state);
// The state as a JSON object (for the page: {"s":"...","from":"2024-01","country":["CN"],...}).
std::string state_to_json(const ViewState& state);

bool is_valid_snapshot_id(std::string_view id);
bool is_view_name(std::string_view name);

}  // namespace hubreport
