// The "most first" orderings of the engine and the views, each compiled once: every comparison lambda handed to
// std::sort is a separate copy of the sort in the wasm module, and a dozen of them made a sixth of it.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "names.h"

namespace hubreport {

class ModelWalk;

// Sorts ids by key[id], largest first; equal keys keep their order.
void rank_most_first(std::vector<std::uint32_t>::iterator first, std::vector<std::uint32_t>::iterator last,
                     const std::vector<std::uint64_t>& key);
// Models by lifetime downloads, most first; equal ones keep their order.
void sort_most_downloaded_first(ModelWalk& models);

// An author's place in the organisations leaderboard and the org search: most downloads first, then most
// repositories, then by name.
struct AuthorRank {
  std::uint64_t downloads = 0;
  std::uint32_t repos = 0;
  std::uint32_t author = 0;
};
// Keeps the `keep` best of `ranks`, best first.
void keep_best_authors(std::vector<AuthorRank>& ranks, std::size_t keep, const Names& names);

}  // namespace hubreport
