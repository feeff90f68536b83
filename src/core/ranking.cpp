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

}  // namespace hubreport
