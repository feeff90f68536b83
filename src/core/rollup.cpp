#include "rollup.h"

#include <algorithm>
#include <map>

namespace hubreport {

namespace {

// Sums entries keyed by a small integer (a month, or month << 16 | bin) into a dense buffer, remembering which keys
// were touched so that emptying it costs only what was added.
template <class Value>
struct DenseSum {
  std::vector<Value> acc;
  std::vector<std::uint8_t> seen;
  std::vector<std::uint32_t> touched;
  explicit DenseSum(std::size_t keys) : acc(keys, Value{}), seen(keys, 0) {}
  Value& at(std::uint32_t key) {
    if (!seen[key]) seen[key] = 1, touched.push_back(key);
    return acc[key];
  }
  template <class Emit>  // emit(key, value) in ascending key order, then empty
  void drain(Emit emit) {
    std::sort(touched.begin(), touched.end());
    for (auto k : touched) emit(k, acc[k]), acc[k] = Value{}, seen[k] = 0;
    touched.clear();
  }
};

struct CreatedSum {
  std::uint64_t repos = 0, likes = 0;
};
struct SizedSum {
  std::uint64_t dl = 0;
  unsigned __int128 weighted = 0;
};

}  // namespace

void roll_up(Items& out, const Items& fine, const Store& store, std::vector<std::uint32_t>* rolled_up_of, RollUp kind) {
  // Group by the dimensions the kind keeps, numbering groups in order of first appearance so the result does not
  // depend on hashing. A merged dimension reads as 0 here.
  const bool coarse = kind == RollUp::coarse, by_org = kind == RollUp::by_org, by_family = kind == RollUp::by_family;
  auto bound = [](const auto& v) { return v.empty() ? 1ull : std::uint64_t(*std::max_element(v.begin(), v.end())) + 1; };
  auto bound_if = [&](bool kept, const auto& v) { return kept ? bound(v) : 1ull; };
  const std::uint64_t type_n = bound(fine.type), country_n = bound(fine.country), sector_n = bound(fine.sector),
                      relation_n = bound_if(!by_org, fine.relation), direct_n = bound_if(by_family, fine.direct),
                      size_n = bound_if(coarse || by_family, fine.size), sdk_n = bound_if(coarse, fine.sdk),
                      task_n = bound_if(coarse, fine.task), library_n = bound_if(coarse, fine.library),
                      license_n = bound_if(coarse, fine.license), org_n = by_org ? store.authors.size() + 1ull : 1ull,
                      family_n = bound_if(by_family, fine.family);
  auto small_key = [&](std::size_t i) {
    std::uint64_t k = (std::uint64_t(fine.type[i]) * country_n + fine.country[i]) * sector_n + fine.sector[i];
    if (coarse) return ((k * relation_n + fine.relation[i]) * size_n + fine.size[i]) * sdk_n + fine.sdk[i];
    if (by_family) return ((k * relation_n + fine.relation[i]) * direct_n + fine.direct[i]) * size_n + fine.size[i];
    return k;
  };
  auto big_key = [&](std::size_t i) -> std::uint64_t {
    if (by_org) return fine.org[i] == kFoldedOrg ? org_n - 1 : fine.org[i];
    if (by_family) return fine.family[i];
    return (std::uint64_t(fine.task[i]) * library_n + fine.library[i]) * license_n + fine.license[i];
  };
  // Mixed radix in one word when the bounds allow (always, for real dictionaries); a pair of words otherwise.
  const std::uint64_t big_n = task_n * library_n * license_n * org_n * family_n;  // at most 2^48
  const std::uint64_t small_n = type_n * country_n * sector_n * relation_n * direct_n * size_n * sdk_n;  // at most 2^48
  const bool one_word = small_n <= ~std::uint64_t(0) / big_n;
  std::vector<std::uint32_t> group(fine.count());
  std::vector<std::uint32_t> first_item;
  Distinct ids;  // key + 1 (0 is Distinct's own): its place - 1 is the group
  std::map<std::pair<std::uint64_t, std::uint64_t>, std::uint32_t> wide_ids;
  for (std::size_t i = 0; i < fine.count(); ++i) {
    // Items arrive ordered by item_key, whose leading fields are these: most items continue the previous group.
    if (i && small_key(i) == small_key(i - 1) && big_key(i) == big_key(i - 1)) {
      group[i] = group[i - 1];
      continue;
    }
    auto next = std::uint32_t(first_item.size());
    bool fresh;
    std::uint32_t id;
    if (one_word) {
      id = ids.place_of(small_key(i) * big_n + big_key(i) + 1) - 1;
      fresh = id == next;
    } else {
      auto [pos, added] = wide_ids.try_emplace({small_key(i), big_key(i)}, next);
      fresh = added, id = pos->second;
    }
    if (fresh) first_item.push_back(std::uint32_t(i));
    group[i] = id;
  }
  if (rolled_up_of) *rolled_up_of = group;
  // Fine items by group (a counting sort), so each group's entries are merged in one go.
  std::size_t n = first_item.size();
  std::vector<std::uint32_t> start(n + 1, 0), members(fine.count());
  for (auto g : group) ++start[g + 1];
  for (std::size_t g = 0; g < n; ++g) start[g + 1] += start[g];
  {
    std::vector<std::uint32_t> at(start.begin(), start.end() - 1);
    for (std::uint32_t i = 0; i < fine.count(); ++i) members[at[group[i]]++] = i;
  }

  Month max_month = 0;
  for (auto m : fine.created_month)
    if (m != kUnknownMonth) max_month = std::max(max_month, m);
  for (std::size_t i = 0; i < fine.count(); ++i) max_month = std::max(max_month, fine.last_download_month(store, i));
  // Only the coarse table sums sized downloads, straight from the rows' series: the others need not read 30M months.
  Month sized_first = max_month;
  if (coarse) {
    Month series_last = 0;
    for (std::size_t r = 0; r < store.rows(); ++r)
      if (store.has_series(r)) {
        sized_first = std::min(sized_first, store.series_first_month(r));
        series_last = std::max(series_last, Month(store.series_first_month(r) + store.series_months(r) - 1));
      }
    max_month = std::max(max_month, series_last);
  }
  const std::uint32_t unknown_slot = std::uint32_t(max_month) + 1;  // kUnknownMonth sorts last, as in group_rows
  DenseSum<CreatedSum> created(unknown_slot + 1);
  DenseSum<std::uint64_t> dl(std::size_t(max_month) + 1);
  const std::uint32_t bins = 1024;  // param_bin of any 64-bit count
  DenseSum<SizedSum> sized(coarse ? std::size_t(max_month - sized_first + 1) * bins : 0);  // only coarse has them

  out.reserve(n, 0, 0);
  out.has_sized = coarse;
  out.created_start.push_back(0);
  out.dl_start.push_back(0);
  std::vector<std::pair<Month, std::uint64_t>> dl_pairs;
  if (coarse) out.sized_start.push_back(0);
  for (std::size_t g = 0; g < n; ++g) {
    std::uint32_t f = first_item[g];
    out.type.push_back(fine.type[f]);
    out.country.push_back(fine.country[f]);
    out.sector.push_back(fine.sector[f]);
    out.relation.push_back(by_org ? 0 : fine.relation[f]);
    out.size.push_back(coarse || by_family ? fine.size[f] : 0);
    out.sdk.push_back(coarse ? fine.sdk[f] : 0);
    out.direct.push_back(by_family ? fine.direct[f] : 0);
    out.org.push_back(by_org ? fine.org[f] : kFoldedOrg);
    out.family.push_back(by_family ? fine.family[f] : 0);
    out.task.push_back(coarse ? fine.task[f] : 0);
    out.library.push_back(coarse ? fine.library[f] : 0);
    out.license.push_back(coarse ? fine.license[f] : 0);
    for (std::uint32_t k = start[g]; k < start[g + 1]; ++k) {
      std::uint32_t i = members[k];
      for (std::uint32_t e = fine.created_start[i]; e < fine.created_start[i + 1]; ++e) {
        Month m = fine.created_month[e];
        CreatedSum& c = created.at(m == kUnknownMonth ? unknown_slot : m);
        c.repos += fine.created_repos[e];
        c.likes += fine.created_likes[e];
      }
      if (!by_family) fine.each_download(store, i, [&](Month m, std::uint64_t d) { dl.at(m) += d; });
      for (std::uint32_t r = fine.first_row[i]; coarse && r < fine.first_row[i + 1]; ++r)
        each_sized_download(store, r, [&](Month m, std::size_t bin, std::uint64_t d, unsigned __int128 w) {
          SizedSum& z = sized.at(std::uint32_t(m - sized_first) * bins + std::uint32_t(bin));
          z.dl += d;
          z.weighted += w;
        });
    }
    created.drain([&](std::uint32_t m, const CreatedSum& c) {
      out.created_month.push_back(m == unknown_slot ? kUnknownMonth : Month(m));
      out.created_repos.push_back(std::uint32_t(c.repos));
      out.created_likes.push_back(c.likes);
    });
    dl_pairs.clear();
    dl.drain([&](std::uint32_t m, std::uint64_t d) { dl_pairs.emplace_back(Month(m), d); });
    out.append_downloads(dl_pairs);
    sized.drain([&](std::uint32_t key, const SizedSum& z) {
      out.add_sized(Month(sized_first + key / bins), std::uint16_t(key % bins), z.dl, z.weighted);
    });
    out.created_start.push_back(std::uint32_t(out.created_month.size()));
    if (coarse) out.sized_start.push_back(std::uint32_t(out.sized_month.size()));
  }
  // The sized entries grow by doubling (their count is known only at the end): up to half their room unused, 5 MB
  // of the coarse table at 4.4M repositories.
  for (auto* v : {&out.sized_known, &out.sized_dl}) v->shrink_to_fit();
  out.sized_weighted.shrink_to_fit(), out.sized_bin.shrink_to_fit(), out.sized_bin_start.shrink_to_fit();
}

}  // namespace hubreport
