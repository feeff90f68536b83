#include "ranking.h"

#include <algorithm>

#include "engine.h"

namespace hubreport {

void rank_most_first(std::vector<std::uint32_t>::iterator first, std::vector<std::uint32_t>::iterator last,
                     const std::vector<std::uint64_t>& key) {
  std::stable_sort(first, last, [&](std::uint32_t x, std::uint32_t y) { return key[x] > key[y]; });
}

void sort_most_downloaded_first(std::vector<LifetimeEntry>& models) {
  // Keys of (inverted lifetime << 24 | place) sort faster in wasm than the 12-byte entries themselves (a filter's
  // concentration sorts up to ~100K models per change), and ties stay in order since the places differ.
  const std::uint64_t max40 = (std::uint64_t(1) << 40) - 1;
  std::uint64_t most = 0;
  for (const LifetimeEntry& e : models) most = std::max(most, e.lifetime());
  if (models.size() >= (std::size_t(1) << 24) || most > max40) {
    std::stable_sort(models.begin(), models.end(), [](const LifetimeEntry& x, const LifetimeEntry& y) { return x.lifetime() > y.lifetime(); });
    return;
  }
  std::vector<std::uint64_t> keys(models.size());
  for (std::size_t j = 0; j < models.size(); ++j) keys[j] = (max40 - models[j].lifetime()) << 24 | j;
  std::sort(keys.begin(), keys.end());
  std::vector<LifetimeEntry> sorted(models.size());
  for (std::size_t j = 0; j < keys.size(); ++j) sorted[j] = models[keys[j] & 0xFFFFFF];
  models.swap(sorted);
}

void keep_best_authors(std::vector<AuthorRank>& ranks, std::size_t keep, const std::vector<std::string>& names) {
  keep = std::min(keep, ranks.size());
  std::partial_sort(ranks.begin(), ranks.begin() + std::ptrdiff_t(keep), ranks.end(), [&](const AuthorRank& x, const AuthorRank& y) {
    if (x.downloads != y.downloads) return x.downloads > y.downloads;
    if (x.repos != y.repos) return x.repos > y.repos;
    return names[x.author] < names[y.author];
  });
  ranks.resize(keep);
}

}  // namespace hubreport
