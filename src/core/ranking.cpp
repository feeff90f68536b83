#include "ranking.h"

#include <algorithm>

#include "engine.h"

namespace hubreport {

void rank_most_first(std::vector<std::uint32_t>::iterator first, std::vector<std::uint32_t>::iterator last,
                     const std::vector<std::uint64_t>& key) {
  std::stable_sort(first, last, [&](std::uint32_t x, std::uint32_t y) { return key[x] > key[y]; });
}

void sort_most_downloaded_first(std::vector<LifetimeEntry>& models) {
  std::stable_sort(models.begin(), models.end(), [](const LifetimeEntry& x, const LifetimeEntry& y) { return x.lifetime > y.lifetime; });
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
