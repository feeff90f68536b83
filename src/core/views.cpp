// The report's views (REPORT.md section 3; columns in docs/contracts.md section 2), computed over items.
#include <algorithm>
#include <queue>
#include <cmath>
#include <iterator>
#include <numeric>

#include "engine.h"
#include "ranking.h"

namespace hubreport {

namespace {

std::uint16_t bit(Dim d) { return std::uint16_t(1u << int(d)); }

std::uint16_t own_dims(std::string_view v) {
  if (v == "growth") return bit(Dim::type);
  if (v == "geography") return bit(Dim::country);
  if (v == "sectors") return bit(Dim::sector);
  if (v == "orgs") return bit(Dim::org);
  if (v == "tasks") return bit(Dim::task) | bit(Dim::modality);
  if (v == "families") return bit(Dim::family) | bit(Dim::relation);
  if (v == "sizes") return bit(Dim::size);
  if (v == "licenses") return bit(Dim::license);
  if (v == "libraries") return bit(Dim::library);
  if (v == "sdks") return bit(Dim::sdk);
  return 0;
}

// The items a view scans: every item, or a candidate list from a posting (see Engine::candidates).
struct ItemRange {
  const std::uint32_t* list;  // nullptr: 0 .. n
  std::size_t n;
  struct Iter {
    const std::uint32_t* list;
    std::size_t k;
    std::size_t operator*() const { return list ? list[k] : k; }
    Iter& operator++() { return ++k, *this; }
    bool operator!=(const Iter& o) const { return k != o.k; }
  };
  Iter begin() const { return {list, 0}; }
  Iter end() const { return {list, n}; }
};

struct Ctx {
  const Engine& e;
  const Store& s;
  const FilterPass& f;
  const Pass& p;
  const Items& it;
  std::uint16_t own;  // dimensions this view ignores (cross-filtering)
  std::vector<std::uint32_t> candidates;
  bool scan_all = true;

  // fine: the view breaks down by org or family (or walks models), so it cannot read the rolled-up items.
  Ctx(const Engine& engine, const FilterPass& fp, std::uint16_t own_bits, bool fine)
      : e(engine), s(engine.store()), f(fp), p(fp.for_view(own_bits & bit(Dim::org), fine)), it(*p.items), own(own_bits) {
    candidates = engine.candidates(p, own, &scan_all);
  }
  // Every item of a given pass's table.
  Ctx(const Engine& engine, const FilterPass& fp, std::uint16_t own_bits, const Pass& pass)
      : e(engine), s(engine.store()), f(fp), p(pass), it(*p.items), own(own_bits) {}
  ItemRange items() const { return scan_all ? ItemRange{nullptr, it.count()} : ItemRange{candidates.data(), candidates.size()}; }

  bool passes(std::size_t i) const { return (p.mask[i] & std::uint16_t(~own)) == 0; }
  // Repository counts: created in the window; with no window, every repository (unknown dates included).
  bool counted(Month c) const {
    if (!f.windowed) return c == kUnknownMonth || c <= f.hi;
    return c != kUnknownMonth && c >= f.lo && c <= f.hi;
  }
  template <class F>  // f(month, repos, likes) for the item's counted creation months
  void each_created(std::size_t i, F fn) const {
    for (std::uint32_t k = it.created_start[i]; k < it.created_start[i + 1]; ++k)
      if (counted(it.created_month[k])) fn(it.created_month[k], it.created_repos[k], it.created_likes[k]);
  }
  template <class F>  // f(month, downloads) for the item's downloads in the window
  void each_download(std::size_t i, F fn) const {
    const std::size_t n = window_downloads(i);
    for (std::size_t j = 0; j < n; ++j) fn(win_month[j], win_downloads[j]);
  }
  // Item i's downloads in the window, into win_month and win_downloads: decoded in one place rather than inlined into
  // each view's use (the two kinds of item, items.h, inlined six times cost the module 4 KB).
  mutable std::vector<Month> win_month = std::vector<Month>(1200);
  mutable std::vector<std::uint64_t> win_downloads = std::vector<std::uint64_t>(1200);
  [[gnu::noinline]] std::size_t window_downloads(std::size_t i) const {
    std::size_t n = 0;
    if (it.row_series(i)) {
      s.each_download(it.first_row[i], [&](Month m, std::uint32_t d) {
        if (m >= f.lo && m <= f.hi) win_month[n] = m, win_downloads[n++] = d;
      });
      return n;
    }
    // One sum per month from the item's first (items.h): the window's months are a range of them.
    const std::uint32_t first = it.dl_start[i], begin = it.dl_begin[i];
    if (f.hi < begin) return 0;
    std::uint32_t k = first + (f.lo > begin ? f.lo - begin : 0);
    const std::uint32_t end = std::min<std::uint32_t>(it.dl_start[i + 1], first + (f.hi - begin) + 1);
    if (k < end)
      it.dl_sum.each(k, end, [&](std::size_t j, std::uint64_t d) {
        if (d) win_month[n] = Month(begin + (j - first)), win_downloads[n++] = d;
      });
    return n;
  }
  std::size_t months() const { return f.hi >= f.axis_first ? std::size_t(f.hi - f.axis_first + 1) : 0; }
  // Axis slot of a month; months before the axis start (only when no window) and unknown dates go to the extra slot.
  std::size_t slot(Month m) const { return m == kUnknownMonth || m < f.axis_first || m > f.hi ? months() : std::size_t(m - f.axis_first); }
  Cell month_cell(std::size_t slot) const {
    return slot < months() ? Cell::text(format_month(Month(f.axis_first + slot))) : Cell::null();
  }
};

Cell share(double part, double whole) { return whole > 0 ? Cell::fraction(part / whole) : Cell::null(); }
Cell count(std::uint64_t v) { return Cell::integer(std::int64_t(v)); }

Names enum_names(const std::string_view* names, std::size_t n, std::size_t first = 0) {
  Names out;
  for (std::size_t i = 0; i < n; ++i) out.push_back(i < first ? std::string_view() : names[i]);
  return out;
}

// Long table (month, category, repos[, downloads]) from sums by category value and month (value_repos[v * slots +
// slot]), keeping the top `keep` categories by repositories and folding the rest into "other". Category 0
// ("unknown") is always kept apart. Not a template, so each view's ranking shares one copy of this code.
Slice ranked_by_month(const Ctx& c, const char* view, const char* column, const Names& dict,
                      std::size_t keep, const std::vector<std::uint64_t>& value_repos,
                      const std::vector<std::uint64_t>& value_downloads, bool with_downloads) {
  std::size_t slots = c.months() + 1, values = dict.size();
  std::vector<std::uint64_t> total(values, 0);
  for (std::size_t v = 0; v < values; ++v)
    for (std::size_t m = 0; m < slots; ++m) total[v] += value_repos[v * slots + m];
  std::vector<std::uint32_t> order(dict.size());
  std::iota(order.begin(), order.end(), 0u);
  rank_most_first(order.begin() + 1, order.end(), total);
  std::vector<std::uint32_t> out_index(dict.size(), std::uint32_t(keep + 1));  // keep+1 = "other"
  std::vector<std::string> out_names{std::string(dict[0])};
  out_index[0] = 0;
  for (std::size_t j = 1, kept = 0; j < order.size() && kept < keep; ++j, ++kept) {
    out_index[order[j]] = std::uint32_t(kept + 1);
    out_names.emplace_back(dict[order[j]]);
  }
  out_names.resize(keep + 2);
  out_names[keep + 1] = "other";
  std::size_t k = out_names.size();
  std::vector<std::uint64_t> downloads(slots * k, 0), repos(slots * k, 0);
  for (std::size_t v = 0; v < values; ++v)
    for (std::size_t m = 0; m < slots; ++m) {
      repos[m * k + out_index[v]] += value_repos[v * slots + m];
      if (with_downloads) downloads[m * k + out_index[v]] += value_downloads[v * slots + m];
    }
  Slice out{view, {"month", column, "repos"}, {}};
  if (with_downloads) out.columns.push_back("downloads");
  // Categories in rank order, "other" and "unknown" last, so the page can stack them as given.
  std::vector<std::size_t> cat_order;
  for (std::size_t j = 1; j + 1 < k; ++j) cat_order.push_back(j);
  cat_order.push_back(k - 1);
  cat_order.push_back(0);
  for (std::size_t m = 0; m < slots; ++m)
    for (std::size_t j : cat_order) {
      if (out_names[j].empty() || (!downloads[m * k + j] && !repos[m * k + j])) continue;
      std::vector<Cell> row{c.month_cell(m), Cell::text(out_names[j]), count(repos[m * k + j])};
      if (with_downloads) row.push_back(count(downloads[m * k + j]));
      out.rows.push_back(std::move(row));
    }
  return out;
}

constexpr std::array<std::string_view, kCategoryViews> kCategoryViewNames{"geography", "sectors", "tasks", "licenses",
                                                                           "libraries", "sdks", "sizes"};

CategoryView category_view(std::string_view name) {
  for (std::size_t v = 0; v < kCategoryViews; ++v)
    if (kCategoryViewNames[v] == name) return CategoryView(v);
  return CategoryView::count;
}

// Fills the sums (engine.h) of the category views marked in `views` over the items of c, each view counting the items
// that pass every filter but those of its own dimensions. One pass for any number of views: an item's creations and
// downloads are read once, and added to the row of its value in each view that counts it.
void count_by_category(const Ctx& c, CategorySums& out, const std::array<bool, kCategoryViews>& views) {
  const Items& it = c.it;
  const std::size_t slots = c.months() + 1, tasks = c.s.tasks.size();
  const std::size_t values[kCategoryViews] = {c.s.countries.size(), kSectorNames.size(), 2 * tasks,   c.s.licenses.size(),
                                              c.s.libraries.size(),  kSdkNames.size(),    kSizeNames.size()};
  std::uint16_t others[kCategoryViews] = {};
  for (std::size_t v = 0; v < kCategoryViews; ++v) {
    if (!views[v]) continue;
    others[v] = std::uint16_t(~own_dims(kCategoryViewNames[v]));
    out.repos[v].assign(values[v] * slots, 0);
    out.downloads[v].assign(CategoryView(v) == CategoryView::sdks ? 0 : values[v] * slots, 0);
    out.filled[v] = true;
  }
  const auto model = std::uint8_t(RepoType::model), dataset = std::uint8_t(RepoType::dataset),
             space = std::uint8_t(RepoType::space);
  for (std::size_t i : c.items()) {
    const std::uint16_t mask = c.p.mask[i];
    std::uint64_t* repos[kCategoryViews];
    std::uint64_t* downloads[kCategoryViews];
    std::size_t n = 0, nd = 0;
    for (std::size_t v = 0; v < kCategoryViews; ++v) {
      if (!views[v] || (mask & others[v])) continue;
      std::size_t value = 0;
      switch (CategoryView(v)) {
        case CategoryView::geography: value = it.country[i]; break;
        case CategoryView::sectors: value = it.sector[i]; break;
        case CategoryView::tasks:  // models by pipeline tag, datasets by task category; spaces have none
          if (it.type[i] > dataset) continue;
          value = it.type[i] * tasks + it.task[i];
          break;
        case CategoryView::licenses: value = it.license[i]; break;
        case CategoryView::libraries: value = it.library[i]; break;
        case CategoryView::sdks: value = it.type[i] == space ? it.sdk[i] : 0; break;  // 0: not a space, not shown
        case CategoryView::sizes:  // models only
          if (it.type[i] != model) continue;
          value = it.size[i];
          break;
        case CategoryView::count: continue;
      }
      repos[n++] = &out.repos[v][value * slots];
      if (CategoryView(v) != CategoryView::sdks) downloads[nd++] = &out.downloads[v][value * slots];
    }
    if (!n) continue;
    c.each_created(i, [&](Month m, std::uint32_t k, std::uint64_t) {
      const std::size_t slot = c.slot(m);
      for (std::size_t j = 0; j < n; ++j) repos[j][slot] += k;
    });
    if (nd)
      c.each_download(i, [&](Month m, std::uint64_t d) {
        const std::size_t slot = c.slot(m);
        for (std::size_t j = 0; j < nd; ++j) downloads[j][slot] += d;
      });
  }
}

// Long table (month, category, downloads, repos) of every value, such as country or sector.
Slice month_by_category(const Ctx& c, const char* view, const char* column, const Names& names,
                        const std::vector<std::uint64_t>& repos, const std::vector<std::uint64_t>& downloads) {
  const std::size_t slots = c.months() + 1, k = names.size();
  Slice out{view, {"month", column, "downloads", "repos"}, {}};
  for (std::size_t m = 0; m < slots; ++m)
    for (std::size_t j = 0; j < k; ++j)
      if (downloads[j * slots + m] || repos[j * slots + m])
        out.rows.push_back({c.month_cell(m), Cell::text(names[j]), count(downloads[j * slots + m]), count(repos[j * slots + m])});
  return out;
}

// Per type (models by pipeline tag, datasets by task category): the top 20 tasks by repositories, and "other".
Slice tasks_slice(const Ctx& c, const std::vector<std::uint64_t>& task_repos, const std::vector<std::uint64_t>& task_downloads) {
  const Store& s = c.s;
  Slice out{"tasks", {"task", "type", "modality", "month", "repos", "downloads"}, {}};
  const std::size_t slots = c.months() + 1, tasks = s.tasks.size();
  for (std::uint8_t t : {std::uint8_t(RepoType::model), std::uint8_t(RepoType::dataset)}) {
    const std::uint64_t* by_task_repos = &task_repos[t * tasks * slots];
    const std::uint64_t* by_task_downloads = &task_downloads[t * tasks * slots];
    std::vector<std::uint64_t> total(tasks, 0);
    for (std::size_t k = 0; k < tasks; ++k)
      for (std::size_t m = 0; m < slots; ++m) total[k] += by_task_repos[k * slots + m];
    std::vector<std::uint32_t> order;
    for (std::uint32_t k = 0; k < tasks; ++k)
      if (total[k]) order.push_back(k);
    rank_most_first(order.begin(), order.end(), total);
    std::vector<std::uint32_t> slot_of(tasks, 20);  // 20 = "other"
    std::size_t kept = std::min<std::size_t>(order.size(), 20);
    for (std::size_t j = 0; j < kept; ++j) slot_of[order[j]] = std::uint32_t(j);
    std::vector<std::uint64_t> repos(21 * slots, 0), downloads(21 * slots, 0);
    for (std::size_t task = 0; task < tasks; ++task)
      for (std::size_t m = 0; m < slots; ++m) {
        repos[slot_of[task] * slots + m] += by_task_repos[task * slots + m];
        downloads[slot_of[task] * slots + m] += by_task_downloads[task * slots + m];
      }
    for (std::size_t k = 0; k <= 20; ++k) {
      if (k < 20 && k >= kept) continue;
      std::string task(k < 20 ? s.tasks[order[k]] : "other");
      std::string modality = k < 20 ? std::string(kModalityNames[s.task_modality[order[k]]]) : "other";
      for (std::size_t m = 0; m < slots; ++m) {
        auto rp = repos[k * slots + m], dl = downloads[k * slots + m];
        if (!rp && !dl) continue;
        out.rows.push_back({Cell::text(task), Cell::text(std::string(kRepoTypeNames[t])), Cell::text(modality), c.month_cell(m),
                            count(rp), count(dl)});
      }
    }
  }
  return out;
}

// A category view's slice from its sums.
Slice category_slice(const Ctx& c, CategoryView v, const CategorySums& sums) {
  const Store& s = c.s;
  const auto& repos = sums.repos[std::size_t(v)];
  const auto& downloads = sums.downloads[std::size_t(v)];
  switch (v) {
    case CategoryView::geography: return month_by_category(c, "geography", "country", s.countries, repos, downloads);
    case CategoryView::sectors:
      return month_by_category(c, "sectors", "sector", enum_names(kSectorNames.data(), kSectorNames.size()), repos, downloads);
    case CategoryView::tasks: return tasks_slice(c, repos, downloads);
    case CategoryView::licenses: return ranked_by_month(c, "licenses", "license", s.licenses, 12, repos, downloads, true);
    case CategoryView::libraries: return ranked_by_month(c, "libraries", "library", s.libraries, 12, repos, downloads, true);
    case CategoryView::sdks:
    case CategoryView::sizes:  // not from the sums alone (compute_view)
    case CategoryView::count: break;
  }
  const Names sdk_names = enum_names(kSdkNames.data(), kSdkNames.size(), 1);  // "": models and datasets, not shown
  return ranked_by_month(c, "sdks", "sdk", sdk_names, 12, repos, downloads, false);
}

// Lifetime concentration over the filtered models, walking them from the most downloaded. Computed once per state:
// the headline and the concentration view both read it.
const Concentration& concentration(const Ctx& c) {
  if (c.f.concentration) return *c.f.concentration;
  if (c.f.coarse.items && c.p.items == c.f.coarse.items) return concentration(Ctx(c.e, c.f, c.own, true));
  const std::size_t tops[] = {10, 100, 200, 1000, 10000, 100000};  // ascending
  const std::vector<std::uint64_t> unders{1, 10, 100, 200, 1000, 10000};
  c.f.concentration = std::make_unique<Concentration>();
  Concentration& out = *c.f.concentration;
  const ModelWalk* walk_list = c.p.by_lifetime;
  const auto others = std::uint16_t(~c.own);
  // Under a family filter, only the named families' models are walked: their positions in the walk, in its order.
  const auto& families = c.p.allowed[int(Dim::family)];
  const bool family_walk = c.e.fast_paths() && walk_list == c.e.by_lifetime_list() &&
                           (c.p.filtered & others & bit(Dim::family)) &&
                           std::find(families.begin(), families.end(), 0u) == families.end();
  // Otherwise a selective filter: sort just the candidate items' models instead of walking every model. Where the
  // rolled-up walk adds up whole segments (no window: 2.5-4 ms in wasm, whatever the filter), only when they are few:
  // sorting costs about 80 ns a model in wasm (modality=audio: 121K models, 9.8 ms; task=robotics: 46K, 4.1 ms).
  // With a window the rolled-up walk steps every model (7-10 ms), so the selection is sorted as before.
  ModelWalk selected;
  const bool segments_add_up = c.e.fast_paths() && !c.f.windowed && c.f.coarse.items && c.p.items == c.e.items_table() &&
                               !c.e.rolled_walk_item().empty() && c.e.walk_segments().length;
  auto few_to_sort = [&] {
    if (!segments_add_up) return true;
    std::size_t rows = 0;
    for (std::size_t i : c.items())
      if (c.it.type[i] == std::uint8_t(RepoType::model) && c.passes(i)) rows += c.it.first_row[i + 1] - c.it.first_row[i];
    return rows <= c.e.models_to_sort();
  };
  if (!family_walk && !c.scan_all && c.p.items == c.e.items_table() && c.candidates.size() * 8 < c.it.count() && few_to_sort()) {
    const Store& s = c.s;
    for (std::size_t i : c.items())
      if (c.it.type[i] == std::uint8_t(RepoType::model) && c.passes(i))
        for (std::uint32_t r = c.it.first_row[i]; r < c.it.first_row[i + 1]; ++r)
          if (s.downloads_all[r] != kUnknownTotal) selected.push_back(s.downloads_all[r], std::uint32_t(i), s.created[r]);
    sort_most_downloaded_first(selected);
    walk_list = &selected;
  }
  const auto& walk = *walk_list;
  // Models with unknown lifetime downloads are counted apart (they are not zeros).
  const std::uint8_t model = std::uint8_t(RepoType::model);
  // With no org or family filter, a model passes when its rolled-up item does: both the counts and the walk read
  // the rolled-up table, whose mask stays in cache.
  const bool rolled = walk_list == c.e.by_lifetime_list() && c.f.coarse.items && c.p.items == c.e.items_table() &&
                      !c.e.rolled_walk_item().empty();
  // The main and rolled-up tables carry per-entry model counts and lifetime sums, so the count and total need no walk.
  const bool summed = c.p.items == c.e.items_table();
  auto count_entries = [&](const Items& t, std::size_t i, const EntryCounts& known, const EntrySums& lifetime) {
    for (std::uint32_t k = t.created_start[i]; k < t.created_start[i + 1]; ++k)
      if (c.counted(t.created_month[k])) {
        out.unknown += t.created_repos[k];
        if (summed) out.models += known[k], out.total += lifetime[k];
      }
  };
  if (rolled) {
    const Items& co = *c.f.coarse.items;
    for (std::size_t i = 0; i < co.count(); ++i)
      if (co.type[i] == model && !(c.f.coarse.mask[i] & others)) count_entries(co, i, c.e.coarse_known(), c.e.coarse_lifetime());
  } else {
    for (std::size_t i : c.items())
      if (c.it.type[i] == model && c.passes(i)) count_entries(c.it, i, c.e.created_known(), c.e.created_lifetime());
  }
  if (!summed)
    for (std::size_t j = 0; j < walk.size(); ++j)
      if (c.passes(walk.item(j)) && c.counted(walk.created(j))) ++out.models, out.total += walk.lifetime(j);
  out.unknown -= out.models;
  // Walking from the most downloaded, the models with at least K downloads are those ranked before the first one
  // below K.
  std::vector<std::uint64_t> at_least(unders.size(), out.models);
  std::size_t unders_left = unders.size();  // unders[0 .. unders_left) not yet crossed
  std::vector<double> lorenz_at;  // top fractions whose cumulative share we need
  const int steps = 20;
  for (int j = 0; j <= steps; ++j) lorenz_at.push_back(double(j) / steps);
  std::size_t rank = 0, next_top = 0, next_lorenz = 0;
  std::uint64_t cumulative = 0;
  std::vector<double> top_share_at_fraction(lorenz_at.size(), 0);
  // The rank at which record() next has something to do, so the walk tests one integer per model.
  std::size_t next_mark = 0;
  auto record = [&] {
    double sh = out.total ? double(cumulative) / double(out.total) : 0;
    while (next_top < std::size(tops) && rank >= tops[next_top]) out.top.emplace_back(tops[next_top++], sh);
    while (next_lorenz < lorenz_at.size() && double(rank) >= lorenz_at[next_lorenz] * double(out.models))
      top_share_at_fraction[next_lorenz++] = sh;
    next_mark = ~std::size_t(0);
    if (next_top < std::size(tops)) next_mark = tops[next_top];
    if (next_lorenz < lorenz_at.size()) {
      auto at = std::size_t(std::ceil(lorenz_at[next_lorenz] * double(out.models)));
      while (at > rank + 1 && double(at - 1) >= lorenz_at[next_lorenz] * double(out.models)) --at;  // rounding
      next_mark = std::min(next_mark, std::max(at, rank + 1));
    }
  };
  record();
  std::uint64_t next_under = unders_left ? unders[unders_left - 1] : 0;
  // The hottest loop of a filter change: locals keep the compiler from reloading the filter state per model.
  const bool windowed = c.f.windowed;
  const Month lo = c.f.lo, hi = c.f.hi;
  // One passing model of the walk, in descending order; false once the rest download nothing.
  auto step = [&](std::uint64_t d) {
    if (d < next_under) {
      while (unders_left && d < unders[unders_left - 1]) at_least[--unders_left] = rank;
      next_under = unders_left ? unders[unders_left - 1] : 0;
    }
    if (d == 0) {
      // The walk is in descending order: every later share equals the current one.
      rank = out.models;
      record();
      return false;
    }
    ++rank;
    cumulative += d;
    if (rank >= next_mark) record();
    return true;
  };
  // Whether a model passes is unpredictable under a filter or a window (57% of the models were created in 2025-26),
  // so the walk goes in blocks: the passing models' lifetimes are gathered without a branch, then stepped.
  // One unsigned comparison tests the window (unknown months, 0xFFFF, lie above any hi); with no window, models of
  // unknown creation month count too (0x10000 is no month).
  const std::uint32_t from = windowed ? lo : 0, span = windowed ? std::uint32_t(hi - lo) : hi;
  const std::uint32_t unknown = windowed ? 0x10000u : kUnknownMonth;
  auto in_window = [&](std::uint32_t m) { return std::uint32_t((m - from <= span) | (m == unknown)); };
  const std::size_t block = 2048;
  std::vector<std::uint64_t> passing(block);
  // gather(j0, j1, out): the passing lifetimes of walk[j0 .. j1), their count. False once the walk is over.
  auto walk_range = [&](auto gather, std::size_t first, std::size_t last) {
    for (std::size_t j0 = first; j0 < last; j0 += block) {
      std::size_t n = gather(j0, std::min(last, j0 + block), passing.data());
      for (std::size_t k = 0; k < n; ++k)
        if (!step(passing[k])) return false;
    }
    return true;
  };
  auto walk_blocks = [&](auto gather) { walk_range(gather, 0, walk.size()); };
  if (c.e.fast_paths() && walk_list == c.e.by_lifetime_list() && out.models == walk.size()) {
    // Every model passes: the counts come from binary searches and each mark's share from the prefix sums.
    auto prefix = [&](std::size_t r) {
      std::size_t j = r / Engine::kPrefixStep * Engine::kPrefixStep;
      std::uint64_t v = c.e.lifetime_prefix()[j / Engine::kPrefixStep];
      for (; j < r; ++j) v += walk.lifetime(j);
      return v;
    };
    auto with_at_least = [&](std::uint64_t k) {  // models with k or more downloads: a prefix of the walk
      std::size_t lo = 0, hi = walk.size();
      while (lo < hi) {
        std::size_t mid = lo + (hi - lo) / 2;
        if (walk.lifetime(mid) >= k) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    for (std::size_t u = 0; u < unders.size(); ++u) at_least[u] = with_at_least(unders[u]);
    const std::size_t positive = with_at_least(1);
    while (next_mark <= positive) {
      rank = next_mark;
      cumulative = prefix(rank);
      record();
    }
    if (positive < walk.size()) {  // the rest download nothing, as when the walk meets its first zero
      rank = out.models;
      cumulative = prefix(positive);
      record();
    }
  } else if (rolled) {
    const std::uint16_t* mask = c.f.coarse.mask.data();
    const std::uint16_t* rolled_item = c.e.rolled_walk_item().data();
    const Month* created = walk.created_months();
    const std::uint16_t* lifetime = walk.low_lifetimes();
    auto gather = [&](std::size_t j0, std::size_t j1, std::uint64_t* out) {
      std::size_t n = 0;
      for (std::size_t j = j0; j < j1; ++j) {
        std::uint64_t d = lifetime[j];
        if (d == ModelWalk::kWideLifetime) d = walk.lifetime(j);
        out[n] = d;
        n += ((mask[rolled_item[j]] & others) == 0) & in_window(created[j]);
      }
      return n;
    };
    // Most segments hold no mark: their passing models are added up from the segment's cells (by item: about 7 times
    // fewer than its models; by month: about 75 per segment), and only the segments where a mark or a threshold
    // falls are stepped (the first zero crosses the threshold 1). With a window, only when the filters pass every
    // model (a window alone, or with type=model).
    const Engine::WalkSegments& seg = c.e.walk_segments();
    const Items& co = *c.f.coarse.items;
    bool every_model = true;
    for (std::size_t i = 0; i < co.count() && every_model; ++i) every_model = co.type[i] != model || !(mask[i] & others);
    const Engine::SegmentCells* cells = !c.e.fast_paths() || !seg.length ? nullptr
                                        : !windowed                       ? &seg.by_item
                                        : every_model                     ? &seg.by_month
                                                                          : nullptr;
    if (!cells) {
      walk_blocks(gather);
    } else {
      for (std::size_t sg = 0, j0 = 0; j0 < walk.size(); ++sg, j0 += seg.length) {
        std::size_t j1 = std::min(walk.size(), j0 + seg.length);
        if (walk.lifetime(j1 - 1) >= next_under) {
          std::uint64_t models = 0, sum = 0;
          for (std::uint32_t k = cells->start[sg]; k < cells->start[sg + 1]; ++k) {
            std::uint16_t cell = cells->key[k];
            bool pass = windowed ? in_window(cell) != 0 : (mask[cell] & others) == 0;
            std::uint64_t in = pass ? ~std::uint64_t(0) : 0;
            models += cells->models[k] & in, sum += cells->lifetime[k] & in;
          }
          if (rank + models < next_mark) {
            rank += models, cumulative += sum;
            continue;
          }
        }
        if (!walk_range(gather, j0, j1)) break;
      }
    }
  } else {
    const std::uint16_t* mask = c.p.mask.data();
    const Posting& by_family = c.e.family_walk();
    std::vector<std::uint32_t> merged;
    const std::uint32_t* positions = nullptr;
    std::size_t count = 0;
    if (family_walk) {
      for (auto fam : families) count += by_family.start[fam + 1] - by_family.start[fam];
      if (families.size() == 1) {
        positions = by_family.items.data() + by_family.start[families[0]];
      } else {
        for (auto fam : families)
          merged.insert(merged.end(), by_family.items.begin() + by_family.start[fam], by_family.items.begin() + by_family.start[fam + 1]);
        std::sort(merged.begin(), merged.end());
        positions = merged.data();
      }
    }
    const std::uint32_t* item = walk.items();
    const Month* created = walk.created_months();
    const std::uint16_t* lifetime = walk.low_lifetimes();
    auto lifetime_of = [&](std::size_t j) {
      std::uint64_t d = lifetime[j];
      return d == ModelWalk::kWideLifetime ? walk.lifetime(j) : d;
    };
    if (family_walk) {
      walk_range([&](std::size_t q0, std::size_t q1, std::uint64_t* out) {
        std::size_t n = 0;
        for (std::size_t q = q0; q < q1; ++q) {
          const std::uint32_t j = positions[q];
          out[n] = lifetime_of(j);
          n += ((mask[item[j]] & others) == 0) & in_window(created[j]);
        }
        return n;
      }, 0, count);
    } else {
      walk_blocks([&](std::size_t j0, std::size_t j1, std::uint64_t* out) {
        std::size_t n = 0;
        for (std::size_t j = j0; j < j1; ++j) {
          out[n] = lifetime_of(j);
          n += ((mask[item[j]] & others) == 0) & in_window(created[j]);
        }
        return n;
      });
    }
  }
  std::vector<std::uint64_t> below(unders.size());
  for (std::size_t u = 0; u < unders.size(); ++u) below[u] = out.models - at_least[u];
  while (next_top < std::size(tops)) out.top.emplace_back(tops[next_top++], out.total ? 1.0 : 0.0);
  for (std::size_t u = 0; u < unders.size(); ++u)
    out.under.emplace_back(unders[u], out.models ? double(below[u]) / double(out.models) : std::nan(""));
  // Lorenz: the bottom fraction f holds 1 - (share of the top 1 - f).
  for (std::size_t j = 0; j < lorenz_at.size(); ++j) {
    std::size_t mirror = lorenz_at.size() - 1 - j;
    out.lorenz.emplace_back(lorenz_at[j], out.models ? 1.0 - top_share_at_fraction[mirror] : std::nan(""));
  }
  return out;
}

}  // namespace

namespace {
// The key of a view that no filter of the state touches, in the engine's cache of those (unfiltered_), or "" when
// the view is filtered.
std::string unfiltered_key(const ViewState& st, const FilterPass& f, std::string_view name) {
  std::uint16_t own = own_dims(name);
  bool filtered = f.named.items && !(own & bit(Dim::org));
  filtered |= (f.all.filtered & ~own) != 0;
  if (filtered) return {};
  return std::string(name) + "|" + std::to_string(f.lo) + "|" + std::to_string(f.hi) + "|" + std::to_string(f.windowed) +
         "|" + std::to_string(f.axis_first) + "|" + std::to_string(st.cumulative);
}
}  // namespace

bool Engine::answered_from_cache(const ViewState& st, const FilterPass& f, std::string_view name) const {
  const std::string key = caching_ ? unfiltered_key(st, f, name) : std::string();
  for (std::size_t i = 0; !key.empty() && i < unfiltered_.size(); ++i)
    if (unfiltered_[i].first == key) return true;
  return false;
}

Result<Slice> Engine::view(const ViewState& st, const FilterPass& f, std::string_view name) const {
  const std::string key = caching_ ? unfiltered_key(st, f, name) : std::string();
  if (key.empty()) return compute_view(st, f, name);
  for (auto& [k, slice] : unfiltered_)
    if (k == key) return slice;
  auto slice = compute_view(st, f, name);
  if (slice) {
    if (unfiltered_.size() >= 48) unfiltered_.clear();
    unfiltered_.emplace_back(key, slice.value());
  }
  return slice;
}

Result<Slice> Engine::compute_view(const ViewState& st, const FilterPass& f, std::string_view name) const {
  const Store& s = store_;
  if (name == "orgs") return orgs_view(st, f);
  Ctx c(*this, f, own_dims(name), name == "families" || name == "concentration");
  const Items& it = c.it;
  const std::uint8_t model = std::uint8_t(RepoType::model);

  if (name == "headline") {
    std::uint64_t repos[3] = {0, 0, 0}, downloads = 0;
    Month lead_lo = f.hi >= 11 ? Month(f.hi - 11) : 0;
    std::vector<std::uint64_t> by_country(s.countries.size(), 0), by_sector(kSectorNames.size(), 0);
    for (std::size_t i : c.items()) {
      if (!c.passes(i)) continue;
      c.each_created(i, [&](Month, std::uint32_t n, std::uint64_t) { repos[it.type[i]] += n; });
      c.each_download(i, [&](Month m, std::uint64_t d) {
        downloads += d;
        if (m >= lead_lo) by_country[it.country[i]] += d, by_sector[it.sector[i]] += d;
      });
    }
    const Concentration& conc = concentration(c);
    auto share_of = [](const auto& list, std::uint64_t n) {
      for (auto& [k, v] : list)
        if (k == n) return v;
      return 0.0;
    };
    std::uint64_t known = 0, sector_total = 0;
    std::size_t lead_c = 0, lead_s = 0;  // country 0 is "unknown": shares are of downloads with a known country
    for (std::size_t j = 1; j < by_country.size(); ++j) {
      known += by_country[j];
      if (lead_c == 0 || by_country[j] > by_country[lead_c]) lead_c = j;
    }
    for (std::size_t j = 0; j < by_sector.size(); ++j) {
      sector_total += by_sector[j];
      if (by_sector[j] > by_sector[lead_s]) lead_s = j;
    }
    std::string period;
    if (f.windowed) period = format_month(f.lo == 0 ? f.axis_first : f.lo) + ".." + format_month(f.hi);
    else if (s.info.single_dump) period = "last 30 days";
    else period = (s.info.series_first == kUnknownMonth ? std::string("none") : format_month(s.info.series_first)) + ".." + format_month(f.hi);
    Slice out{"headline", {"measure", "value"}, {}};
    auto row = [&](const char* m, Cell v) { out.rows.push_back({Cell::text(m), std::move(v)}); };
    row("models", count(repos[0]));
    row("datasets", count(repos[1]));
    row("spaces", count(repos[2]));
    row("repositories", count(repos[0] + repos[1] + repos[2]));
    row("downloads", count(downloads));
    row("period", Cell::text(period));
    row("top200_share", conc.models ? Cell::fraction(share_of(conc.top, 200)) : Cell::null());
    row("under200_share", conc.models ? Cell::fraction(share_of(conc.under, 200)) : Cell::null());
    row("leading_country", known ? Cell::text(s.countries[lead_c]) : Cell::null());
    row("leading_country_share", known ? share(double(by_country[lead_c]), double(known)) : Cell::null());
    row("leading_sector", sector_total ? Cell::text(std::string(kSectorNames[lead_s])) : Cell::null());
    row("leading_sector_share", share(double(by_sector[lead_s]), double(sector_total)));
    return out;
  }

  if (name == "growth") {
    std::size_t slots = c.months() + 1;
    std::vector<std::uint64_t> n(slots * 3, 0);
    std::uint64_t before[3] = {0, 0, 0};  // created before the axis starts: the base of the cumulative count
    for (std::size_t i : c.items()) {
      if (!c.passes(i)) continue;
      for (std::uint32_t k = it.created_start[i]; k < it.created_start[i + 1]; ++k) {
        Month m = it.created_month[k];
        if (m != kUnknownMonth && m < f.axis_first) before[it.type[i]] += it.created_repos[k];
        else if (m == kUnknownMonth || m <= f.hi) n[c.slot(m) * 3 + it.type[i]] += it.created_repos[k];
      }
    }
    Slice out{"growth", {"month", "model", "dataset", "space"}, {}};
    std::uint64_t run[3] = {before[0], before[1], before[2]};
    for (std::size_t m = 0; m + 1 < slots; ++m) {
      std::vector<Cell> row{c.month_cell(m)};
      for (int t = 0; t < 3; ++t) {
        run[t] += n[m * 3 + t];
        row.push_back(count(st.cumulative ? run[t] : n[m * 3 + t]));
      }
      out.rows.push_back(std::move(row));
    }
    std::size_t u = slots - 1;
    if (!f.windowed && (n[u * 3] || n[u * 3 + 1] || n[u * 3 + 2]))
      out.rows.push_back({Cell::null(), count(n[u * 3]), count(n[u * 3 + 1]), count(n[u * 3 + 2])});
    return out;
  }

  if (name == "concentration") {
    const Concentration& conc = concentration(c);
    Slice out{"concentration", {"measure", "n", "share"}, {}};
    if (conc.models) {
      for (auto& [n, v] : conc.top) out.rows.push_back({Cell::text("top_models"), count(n), Cell::fraction(v)});
      for (auto& [k, v] : conc.under) out.rows.push_back({Cell::text("models_under"), count(k), Cell::fraction(v)});
      for (auto& [x, v] : conc.lorenz) out.rows.push_back({Cell::text("lorenz"), Cell::fraction(x), Cell::fraction(v)});
    }
    if (conc.unknown || conc.models)
      out.rows.push_back({Cell::text("unknown_lifetime"), count(conc.unknown), share(double(conc.unknown), double(conc.unknown + conc.models))});
    return out;
  }

  // The sums of category view v: from the pass shared by every category view when every view is asked for
  // (filled by the first of them computed, for all still to be computed), or counted for v alone into `own`.
  auto sums_for = [&](CategoryView v, CategorySums& own) -> const CategorySums& {
    const auto k = std::size_t(v);
    if (f.count_categories_together && !f.category_sums.filled[k]) {
      // They read the same table (none breaks down by org or family); the items to scan are those of the most
      // selective filter that none of them ignores.
      std::array<bool, kCategoryViews> views{};
      std::uint16_t own_any = 0;
      for (std::size_t w = 0; w < kCategoryViews; ++w) {
        views[w] = !f.category_sums.filled[w] && (w == k || !answered_from_cache(st, f, kCategoryViewNames[w]));
        own_any |= own_dims(kCategoryViewNames[w]);
      }
      count_by_category(Ctx(*this, f, own_any, false), f.category_sums, views);
    }
    if (f.category_sums.filled[k]) return f.category_sums;
    std::array<bool, kCategoryViews> views{};
    views[k] = true;
    count_by_category(c, own, views);
    return own;
  };
  if (const CategoryView v = category_view(name); v != CategoryView::count && v != CategoryView::sizes) {
    CategorySums own;
    return category_slice(c, v, sums_for(v, own));
  }

  if (name == "families") return families_view(f);

  if (name == "sizes") {
    // Repositories and downloads by size bucket (value-major: [bucket * slots + slot]) from the category sums; the
    // downloads of models with a known parameter count (for the mean and median) here.
    CategorySums own;
    const CategorySums& sums = sums_for(CategoryView::sizes, own);
    const auto& repos = sums.repos[std::size_t(CategoryView::sizes)];
    const auto& downloads = sums.downloads[std::size_t(CategoryView::sizes)];
    std::size_t slots = c.months() + 1, buckets = kSizeNames.size();
    std::vector<std::uint64_t> known(slots, 0);
    std::vector<unsigned __int128> weighted(slots, 0);
    const std::size_t bins = 64 * 16;  // param_bin's range
    std::vector<std::uint64_t> hist(slots * bins, 0);
    for (std::size_t i : c.items()) {
      if (it.type[i] != model || !c.passes(i)) continue;
      auto add_sized = [&](Month m, std::size_t bin, std::uint64_t d, unsigned __int128 w) {
        if (m < f.lo || m > f.hi) return;
        std::size_t sl = c.slot(m);
        known[sl] += d;
        weighted[sl] += w;
        hist[sl * bins + bin] += d;
      };
      if (it.has_sized) {
        for (std::uint32_t k = it.sized_start[i]; k < it.sized_start[i + 1]; ++k) {
          Month m = it.sized_month[k];
          if (m < f.lo || m > f.hi) continue;
          std::size_t sl = c.slot(m);
          known[sl] += it.sized_known[k];
          weighted[sl] += it.sized_weighted[k];
          std::uint64_t* h = &hist[sl * bins];
          for (std::uint32_t j = it.sized_bin_start[k]; j < it.sized_bin_start[k + 1]; ++j) h[it.sized_bin[j]] += it.sized_dl[j];
        }
      } else {  // the main table: from the item's rows
        for (std::uint32_t r = it.first_row[i]; r < it.first_row[i + 1]; ++r) each_sized_download(s, r, add_sized);
      }
    }
    Slice out{"sizes", {"month", "size", "repos", "downloads", "mean_params", "median_params"}, {}};
    for (std::size_t m = 0; m < slots; ++m) {
      bool any = false;
      for (std::size_t b = 0; b < buckets; ++b) {
        if (!repos[b * slots + m] && !downloads[b * slots + m]) continue;
        any = true;
        out.rows.push_back({c.month_cell(m), Cell::text(std::string(kSizeNames[b])), count(repos[b * slots + m]),
                            count(downloads[b * slots + m]), Cell::null(), Cell::null()});
      }
      if (!any) continue;
      Cell mean = Cell::null(), median = Cell::null();
      if (known[m]) {
        // Exact integer mean, rounded half up: the same on every platform.
        unsigned __int128 q = weighted[m] / known[m], r = weighted[m] % known[m];
        mean = count(std::uint64_t(q + (2 * r >= known[m] ? 1 : 0)));
        std::uint64_t half = (known[m] + 1) / 2, acc = 0;
        for (std::size_t b = 0; b < bins; ++b) {
          acc += hist[m * bins + b];
          if (acc >= half) {
            median = count(std::uint64_t(std::llround(param_bin_mid(b))));
            break;
          }
        }
      }
      std::uint64_t rp = 0, dl = 0;
      for (std::size_t b = 0; b < buckets; ++b) rp += repos[b * slots + m], dl += downloads[b * slots + m];
      out.rows.push_back({c.month_cell(m), Cell::text("all"), count(rp), count(dl), mean, median});
    }
    return out;
  }

  return Result<Slice>::failure("unknown view '" + std::string(name).substr(0, 40) + "'");
}

// Families view: derivatives per family, relation and month, for the 15 most derived families. When the state filters
// nothing but publisher dimensions, family, relation and size, it reads the table rolled up by family.
Slice Engine::families_view(const FilterPass& f) const {
  const Store& s = store_;
  const std::uint16_t own = own_dims("families");
  const bool rolled = f.by_family.items != nullptr;
  Ctx c = rolled ? Ctx(*this, f, own, f.by_family) : Ctx(*this, f, own, true);
  const Items& it = c.it;
  // Rank families by their derivatives (models with a base model) created in the window; a table per family of
  // repositories by month and relation for the top 15.
  std::vector<std::uint64_t> derivatives(s.families.size(), 0);
  std::size_t slots = c.months() + 1;
  const std::size_t cols = 6;  // finetune, adapter, quantized, merge, original, direct
  auto add_item = [&](std::uint64_t* table, std::size_t i) {
    c.each_created(i, [&](Month m, std::uint32_t repos, std::uint64_t) {
      std::uint64_t* cell = &table[c.slot(m) * cols];
      cell[it.relation[i] ? it.relation[i] - 1 : 4] += repos;
      if (it.direct[i]) cell[5] += repos;
    });
  };
  std::vector<std::uint32_t> order;
  std::vector<std::uint64_t> n;  // order.size() tables of slots * cols
  // Unless a filter leaves fewer items than the 15 most derived families hold: the families most derived over all
  // time first, through their posting, until one's all-time count falls below the 15th place so far (so do all
  // after it; ties are scanned). A family's table is filled only when its count can make the top 15 so far (under a
  // filter such as a country, thousands of families are counted and few can), and kept while it still can.
  const Posting& post = rolled ? by_family_posting_ : postings_[int(Dim::family)];
  std::size_t top_items = 0;
  for (std::size_t j = 0; j < std::min<std::size_t>(15, family_order_.size()); ++j)
    top_items += post.start[family_order_[j] + 1] - post.start[family_order_[j]];
  if (rolled || (&it == &items_ && fast_paths_ && (c.scan_all || c.candidates.size() > top_items))) {
    std::priority_queue<std::uint64_t, std::vector<std::uint64_t>, std::greater<std::uint64_t>> best;  // top 15 so far
    std::vector<std::pair<std::uint32_t, std::vector<std::uint64_t>>> tables;
    for (std::uint32_t fam : family_order_) {
      if (best.size() == 15 && family_derivatives_[fam] < best.top()) break;
      for (std::uint32_t k = post.start[fam]; k < post.start[fam + 1]; ++k) {
        std::uint32_t i = post.items[k];
        if (it.relation[i] && c.passes(i))
          c.each_created(i, [&](Month, std::uint32_t repos, std::uint64_t) { derivatives[fam] += repos; });
      }
      if (!derivatives[fam] || (best.size() == 15 && derivatives[fam] < best.top())) continue;
      best.push(derivatives[fam]);
      if (best.size() > 15) best.pop();
      std::vector<std::uint64_t> table(slots * cols, 0);
      for (std::uint32_t k = post.start[fam]; k < post.start[fam + 1]; ++k)
        if (c.passes(post.items[k])) add_item(table.data(), post.items[k]);
      tables.emplace_back(fam, std::move(table));
      if (tables.size() > 64 && best.size() == 15)  // drop the tables of families that fell out for good
        tables.erase(std::remove_if(tables.begin(), tables.end(), [&](const auto& t) { return derivatives[t.first] < best.top(); }),
                     tables.end());
    }
    for (const auto& t : tables) order.push_back(t.first);
    std::sort(order.begin(), order.end());  // ties: the lower family number first
    rank_most_first(order.begin(), order.end(), derivatives);
    if (order.size() > 15) order.resize(15);
    for (std::uint32_t fam : order) {
      auto t = std::find_if(tables.begin(), tables.end(), [&](const auto& x) { return x.first == fam; });
      n.insert(n.end(), t->second.begin(), t->second.end());
    }
  } else {
    for (std::size_t i : c.items())
      if (it.family[i] && it.relation[i] && c.passes(i))
        c.each_created(i, [&](Month, std::uint32_t repos, std::uint64_t) { derivatives[it.family[i]] += repos; });
    for (std::uint32_t fam = 1; fam < s.families.size(); ++fam)
      if (derivatives[fam]) order.push_back(fam);
    rank_most_first(order.begin(), order.end(), derivatives);  // ascending before: ties keep the lower number first
    if (order.size() > 15) order.resize(15);
    std::vector<std::int32_t> rank(s.families.size(), -1);
    for (std::size_t j = 0; j < order.size(); ++j) rank[order[j]] = std::int32_t(j);
    n.assign(order.size() * slots * cols, 0);
    for (std::size_t i : c.items())
      if (rank[it.family[i]] >= 0 && c.passes(i)) add_item(&n[std::size_t(rank[it.family[i]]) * slots * cols], i);
  }
  Slice out{"families", {"family", "month", "finetune", "adapter", "quantized", "merge", "original", "direct"}, {}};
  for (std::size_t fam = 0; fam < order.size(); ++fam)
    for (std::size_t m = 0; m < slots; ++m) {
      const std::uint64_t* cell = &n[(fam * slots + m) * cols];
      if (!std::any_of(cell, cell + cols, [](std::uint64_t v) { return v != 0; })) continue;
      std::vector<Cell> row{Cell::text(s.families[order[fam]]), c.month_cell(m)};
      for (std::size_t k = 0; k < cols; ++k) row.push_back(count(cell[k]));
      out.rows.push_back(std::move(row));
    }
  return out;
}

// Publishers leaderboard. Kept authors are items of their own; folded authors share items, so they are counted
// row by row, but only when one of them could still enter the top 50 (their lifetime total bounds them).
Slice Engine::orgs_view(const ViewState&, const FilterPass& f) const {
  const Store& s = store_;
  // When only publisher dimensions are filtered, the table rolled up by publisher holds a few items per kept author.
  const std::uint16_t own = own_dims("orgs");
  Ctx c = f.by_org.items ? Ctx(*this, f, own, f.by_org) : Ctx(*this, f, own, true);
  const Items& it = c.it;
  struct Agg {
    std::uint64_t downloads = 0, likes = 0;
    std::uint32_t repos = 0, last12 = 0, prev12 = 0;
  };
  // Aggregates by org in first-seen order, found through a dense index (a hash map costs more per item).
  std::vector<std::pair<std::uint32_t, Agg>> by_org;
  std::vector<std::uint32_t> slot(s.authors.size(), ~0u);
  auto agg = [&](std::uint32_t org) -> Agg& {
    if (slot[org] == ~0u) slot[org] = std::uint32_t(by_org.size()), by_org.emplace_back(org, Agg{});
    return by_org[slot[org]].second;
  };
  Month last_lo = f.hi >= 11 ? Month(f.hi - 11) : 0, prev_lo = f.hi >= 23 ? Month(f.hi - 23) : 0;
  auto add_created = [&](Agg& a, Month m, std::uint32_t n, std::uint64_t likes) {
    if (c.counted(m)) a.repos += n, a.likes += likes;
    if (m != kUnknownMonth && m <= f.hi) {
      if (m >= last_lo) a.last12 += n;
      else if (m >= prev_lo) a.prev12 += n;
    }
  };
  bool any_folded = false;
  std::uint64_t folded_downloads = ~std::uint64_t(0);  // what all folded authors together have in this state, when known
  // About what the kept scan reads at full scale: the top 50 authors' items (40-50K) with no filter, 80K under
  // license=apache-2.0 (bounded by each author's apache-2.0 downloads), up to 150-200K where its bounds are loose (a
  // family filter, a short window). A longer candidate list costs more than that.
  const std::size_t kept_scan_items = 200000;
  // With no window every download up to the snapshot month counts: the per-item totals answer it.
  const bool whole_history = &it == &items_ && !f.windowed && f.hi == store_.info.month;
  auto add_item = [&](Agg& a, std::size_t i) {
    for (std::uint32_t k = it.created_start[i]; k < it.created_start[i + 1]; ++k)
      add_created(a, it.created_month[k], it.created_repos[k], it.created_likes[k]);
    if (whole_history) a.downloads += item_downloads_[i];
    else c.each_download(i, [&](Month, std::uint64_t d) { a.downloads += d; });
  };
  if (&it == &items_ && use_postings_ && (c.scan_all || c.candidates.size() > kept_scan_items)) {
    // Unless a filter leaves few items: rather than every item, the kept authors' own items (their posting), most
    // downloaded author first, skipping an author whose downloads in the window's years are below the 50th place so
    // far (ties are scanned: more repositories may win them). Folded authors are left to the walk below.
    any_folded = true;
    const Posting& post = postings_[int(Dim::org)];
    std::priority_queue<std::uint64_t, std::vector<std::uint64_t>, std::greater<std::uint64_t>> best;  // top 50 so far
    const std::size_t y1 = std::min<std::size_t>(f.hi / 12, 99), y0 = f.windowed ? std::min<std::size_t>(f.lo / 12, y1) : 0;
    // Filtered dimensions with a table of the kept authors' downloads by value (a modality filter allows tasks).
    std::vector<std::pair<Dim, const std::vector<std::uint32_t>*>> dim_bounds;
    for (int d = 0; d < kDimCount; ++d) {
      if (!((f.all.filtered & ~own) >> d & 1)) continue;
      Dim table = Dim(d) == Dim::modality ? Dim::task : Dim(d);
      if (kept_dim_values_[int(table)]) dim_bounds.emplace_back(table, &f.all.allowed[d]);
    }
    for (std::uint32_t org : kept_order_) {
      if (best.size() == 50) {
        const std::size_t kept = kept_slot_[org];
        const std::uint64_t* years = &kept_year_dl_[kept * 100];
        std::uint64_t bound = 0;
        for (std::size_t y = y0; y <= y1; ++y) bound += years[y];
        for (const auto& [d, allowed] : dim_bounds) {
          const std::size_t values = kept_dim_values_[int(d)];
          std::uint64_t within = 0;
          for (std::uint32_t v : *allowed) within += v < values ? kept_dim_dl_[int(d)][kept * values + v] : 0;
          bound = std::min(bound, within);
        }
        if (bound < best.top()) continue;
      }
      Agg a;
      for (std::uint32_t k = post.start[org]; k < post.start[org + 1]; ++k)
        if (c.passes(post.items[k])) add_item(a, post.items[k]);
      if (!a.repos && !a.downloads) continue;
      agg(org) = a;
      best.push(a.downloads);
      if (best.size() > 50) best.pop();
    }
  } else {
    folded_downloads = 0;
    for (std::size_t i : c.items()) {
      if (!c.passes(i)) continue;
      if (it.org[i] == kFoldedOrg) {
        any_folded = true;
        Agg folded;
        add_item(folded, i);
        folded_downloads += folded.downloads;
        continue;
      }
      add_item(agg(it.org[i]), i);
    }
  }
  auto top50 = [&] {
    std::vector<AuthorRank> v;
    for (auto& [org, a] : by_org)
      if (a.repos || a.downloads) v.push_back({a.downloads, a.repos, org});
    keep_best_authors(v, 50, s.authors);
    return v;
  };
  auto top = top50();
  // A folded author can enter only if the 50th place has fewer downloads than the most any folded author ever had
  // (ties go to more repositories, which a folded author may also have).
  const bool full = top.size() == 50;
  const std::uint64_t bar = full ? top.back().downloads : 0;
  const std::uint32_t bar_repos = full ? top.back().repos : 0;
  // No folded author has more downloads in this state than all of them together, or than it ever had.
  bool folded_may_enter = any_folded && (!full || (bar <= folded_max_downloads_ && bar <= folded_downloads));
  auto scan_folded = [&](std::uint32_t author) {
    for (std::uint32_t k = folded_row_start_[author]; k < folded_row_start_[author + 1]; ++k) {
      std::uint32_t r = folded_rows_[k];
      if (f.all.mask[item_of_row(r)] & std::uint16_t(~own)) continue;  // the main table's items hold the rows
      Agg& a = agg(author);
      std::uint64_t likes = s.likes[r] == kUnknownCount ? 0 : s.likes[r];
      add_created(a, s.created[r], 1, likes);
      s.each_download(r, [&](Month m, std::uint32_t d) {
        if (m >= f.lo && m <= f.hi) a.downloads += d;
      });
    }
  };
  auto folded_rows = [&](std::uint32_t author) { return folded_row_start_[author + 1] - folded_row_start_[author]; };
  if (folded_may_enter && full && folded_downloads == bar) {
    // Folded authors can at best tie the 50th place on downloads (spaces, say, have none), so only those with at
    // least its repositories can enter: most repositories first, until one has fewer.
    for (std::uint32_t author : folded_by_rows_) {
      if (folded_rows(author) < bar_repos) break;
      if (author_downloads_[author] >= bar) scan_folded(author);
    }
    top = top50();
  } else if (folded_may_enter) {
    // Folded authors, most downloaded (over all time) first, then most repositories: once one has fewer downloads
    // than the 50th place, so do all the rest, in any window; and among those with as many, once one has fewer
    // repositories.
    for (std::uint32_t author : folded_order_) {
      if (full && author_downloads_[author] < bar) break;
      if (full && author_downloads_[author] == bar && folded_rows(author) < bar_repos) break;
      scan_folded(author);
    }
    top = top50();
  }
  Slice out{"orgs", {"org", "country", "sector", "repos", "downloads", "likes", "repos_prev12", "repos_last12", "yoy_growth"}, {}};
  for (const AuthorRank& r : top) {
    const std::uint32_t org = r.author;
    const Agg& a = by_org[slot[org]].second;
    out.rows.push_back({Cell::text(s.authors[org]), Cell::text(s.countries[s.author_country[org]]),
                        Cell::text(std::string(kSectorNames[s.author_sector[org]])), count(a.repos), count(a.downloads),
                        count(a.likes), count(a.prev12), count(a.last12),
                        a.prev12 ? Cell::fraction(double(a.last12) / double(a.prev12) - 1.0) : Cell::null()});
  }
  return out;
}

}  // namespace hubreport
