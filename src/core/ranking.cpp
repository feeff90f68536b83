#include "ranking.h"

#include <algorithm>

#include "engine.h"

namespace hubreport {

void rank_most_first(std::vector<std::uint32_t>::iterator first, std::vector<std::uint32_t>::iterator last,
                     const std::vector<std::uint64_t>& key) {
  std::stable_sort(first, last, [&](std::uint32_t x, std::uint32_t y) { return key[x] > key[y]; });
}

void ModelWalk::permute(const std::vector<std::uint32_t>& order) {
  ModelWalk sorted;
  sorted.lifetime_.assign_permuted(lifetime_, order);
  sorted.item_.resize(order.size()), sorted.created_.resize(order.size());
  for (std::size_t j = 0; j < order.size(); ++j) sorted.item_[j] = item_[order[j]], sorted.created_[j] = created_[order[j]];
  *this = std::move(sorted);
}

void sort_most_downloaded_first(ModelWalk& models) {
  // Keys of (inverted lifetime << 24 | place) sort faster in wasm than a comparison of places (a filter's
  // concentration sorts up to ~100K models per change), and ties stay in order since the places differ.
  const std::uint64_t max40 = (std::uint64_t(1) << 40) - 1;
  std::uint64_t most = 0;
  for (std::size_t j = 0; j < models.size(); ++j) most = std::max(most, models.lifetime(j));
  std::vector<std::uint32_t> order(models.size());
  if (models.size() >= (std::size_t(1) << 24) || most > max40) {
    std::vector<std::uint64_t> lifetimes(models.size());
    for (std::uint32_t j = 0; j < order.size(); ++j) order[j] = j, lifetimes[j] = models.lifetime(j);
    rank_most_first(order.begin(), order.end(), lifetimes);
  } else {
    std::vector<std::uint64_t> keys(models.size());
    for (std::size_t j = 0; j < models.size(); ++j) keys[j] = (max40 - models.lifetime(j)) << 24 | j;
    std::sort(keys.begin(), keys.end());
    for (std::size_t j = 0; j < keys.size(); ++j) order[j] = std::uint32_t(keys[j] & 0xFFFFFF);
  }
  models.permute(order);
}

void keep_best_authors(std::vector<AuthorRank>& ranks, std::size_t keep, const Names& names) {
  keep = std::min(keep, ranks.size());
  std::partial_sort(ranks.begin(), ranks.begin() + std::ptrdiff_t(keep), ranks.end(), [&](const AuthorRank& x, const AuthorRank& y) {
    if (x.downloads != y.downloads) return x.downloads > y.downloads;
    if (x.repos != y.repos) return x.repos > y.repos;
    return names[x.author] < names[y.author];
  });
  ranks.resize(keep);
}

}  // namespace hubreport
