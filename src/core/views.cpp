// The report's views (REPORT.md section 3; columns in docs/contracts.md section 2).
#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

#include "engine.h"

namespace hubreport {

namespace {

std::uint16_t bit(Dim d) { return std::uint16_t(1u << int(d)); }

struct Ctx {
  const Store& s;
  const ViewState& st;
  const FilterPass& p;
  std::uint16_t own;  // dimensions this view ignores (cross-filtering)

  bool passes(std::size_t r) const { return (p.mask[r] & std::uint16_t(~own)) == 0; }
  // Repository counts: created in the window; with no window, every repository (unknown dates included).
  bool counted(std::size_t r) const {
    Month c = s.created[r];
    if (!p.windowed) return c == kUnknownMonth || c <= p.hi;
    return c != kUnknownMonth && c >= p.lo && c <= p.hi;
  }
  template <class F>
  void each_download(std::size_t r, F f) const {
    for (std::uint32_t k = s.series_start[r]; k < s.series_start[r + 1]; ++k) {
      Month m = s.series_month[k];
      if (m >= p.lo && m <= p.hi) f(m, s.series_downloads[k]);
    }
  }
  std::size_t months() const { return p.hi >= p.axis_first ? std::size_t(p.hi - p.axis_first + 1) : 0; }
  // Axis slot of a month; months before the axis start (only when no window) and unknown dates go to the extra slot.
  std::size_t slot(Month m) const { return m == kUnknownMonth || m < p.axis_first || m > p.hi ? months() : std::size_t(m - p.axis_first); }
  Cell month_cell(std::size_t slot) const {
    return slot < months() ? Cell::text(format_month(Month(p.axis_first + slot))) : Cell::null();
  }
};

Cell share(double part, double whole) { return whole > 0 ? Cell::fraction(part / whole) : Cell::null(); }

// Long table (month, category, downloads, repos) for a per-row category such as country or sector.
template <class CategoryOf>
Slice month_by_category(const Ctx& c, const char* view, const char* column, const std::vector<std::string>& names,
                        CategoryOf category_of) {
  std::size_t slots = c.months() + 1, k = names.size();
  std::vector<std::uint64_t> downloads(slots * k, 0), repos(slots * k, 0);
  for (std::size_t r = 0; r < c.s.rows(); ++r) {
    if (!c.passes(r)) continue;
    std::size_t cat = category_of(r);
    if (c.counted(r)) ++repos[c.slot(c.s.created[r]) * k + cat];
    c.each_download(r, [&](Month m, std::uint32_t d) { downloads[c.slot(m) * k + cat] += d; });
  }
  Slice out{view, {"month", column, "downloads", "repos"}, {}};
  for (std::size_t m = 0; m < slots; ++m)
    for (std::size_t i = 0; i < k; ++i)
      if (downloads[m * k + i] || repos[m * k + i])
        out.rows.push_back({c.month_cell(m), Cell::text(names[i]), Cell::integer(std::int64_t(downloads[m * k + i])),
                            Cell::integer(std::int64_t(repos[m * k + i]))});
  return out;
}

std::vector<std::string> enum_names(const std::string_view* names, std::size_t n) {
  return std::vector<std::string>(names, names + n);
}

// Long table (month, category, repos, downloads) for a dictionary column, keeping the top `keep` categories by
// repositories and folding the rest into "other". Category 0 ("unknown") is always kept apart.
template <class CategoryOf>
Slice month_by_ranked(const Ctx& c, const char* view, const char* column, const std::vector<std::string>& dict,
                      std::size_t keep, CategoryOf category_of, bool with_downloads) {
  std::vector<std::uint64_t> total(dict.size(), 0);
  for (std::size_t r = 0; r < c.s.rows(); ++r)
    if (c.passes(r) && c.counted(r)) ++total[category_of(r)];
  std::vector<std::uint32_t> order(dict.size());
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin() + 1, order.end(), [&](std::uint32_t a, std::uint32_t b) { return total[a] > total[b]; });
  std::vector<std::uint32_t> out_index(dict.size(), std::uint32_t(keep + 1));  // keep+1 = "other"
  std::vector<std::string> out_names{dict[0]};
  out_index[0] = 0;
  for (std::size_t i = 1, kept = 0; i < order.size() && kept < keep; ++i, ++kept) {
    out_index[order[i]] = std::uint32_t(kept + 1);
    out_names.push_back(dict[order[i]]);
  }
  out_names.resize(keep + 2);
  out_names[keep + 1] = "other";
  std::size_t slots = c.months() + 1, k = out_names.size();
  std::vector<std::uint64_t> downloads(slots * k, 0), repos(slots * k, 0);
  for (std::size_t r = 0; r < c.s.rows(); ++r) {
    if (!c.passes(r)) continue;
    std::size_t cat = out_index[category_of(r)];
    if (c.counted(r)) ++repos[c.slot(c.s.created[r]) * k + cat];
    if (with_downloads) c.each_download(r, [&](Month m, std::uint32_t d) { downloads[c.slot(m) * k + cat] += d; });
  }
  Slice out{view, {"month", column, "repos"}, {}};
  if (with_downloads) out.columns.push_back("downloads");
  // Categories in rank order, "unknown" and "other" last, so the page can stack them as given.
  std::vector<std::size_t> cat_order;
  for (std::size_t i = 1; i + 1 < k; ++i) cat_order.push_back(i);
  cat_order.push_back(k - 1);
  cat_order.push_back(0);
  for (std::size_t m = 0; m < slots; ++m)
    for (std::size_t i : cat_order) {
      if (out_names[i].empty() || (!downloads[m * k + i] && !repos[m * k + i])) continue;
      std::vector<Cell> row{c.month_cell(m), Cell::text(out_names[i]), Cell::integer(std::int64_t(repos[m * k + i]))};
      if (with_downloads) row.push_back(Cell::integer(std::int64_t(downloads[m * k + i])));
      out.rows.push_back(std::move(row));
    }
  return out;
}

}  // namespace

Result<Slice> Engine::view(const ViewState& st, const FilterPass& p, std::string_view name) {
  const Store& s = store_;
  auto own_of = [&](std::string_view v) -> std::uint16_t {
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
  };
  Ctx c{s, st, p, own_of(name)};
  const std::uint8_t model = std::uint8_t(RepoType::model);

  // Lifetime concentration over the filtered models, walking them from the most downloaded.
  struct Concentration {
    std::uint64_t models = 0, total = 0, unknown = 0;
    std::vector<std::pair<std::size_t, double>> top;    // N -> share
    std::vector<std::pair<std::uint64_t, double>> under;  // K -> share of models below K
    std::vector<std::pair<double, double>> lorenz;       // bottom fraction -> share of downloads
  };
  auto concentration = [&](std::vector<std::size_t> tops, std::vector<std::uint64_t> unders, bool with_lorenz) {
    Concentration out;
    for (std::size_t r = 0; r < s.rows(); ++r)
      if (s.type[r] == model && c.passes(r) && c.counted(r) && s.downloads_all[r] == kUnknownTotal) ++out.unknown;
    for (auto r : models_by_lifetime_)
      if (c.passes(r) && c.counted(r)) ++out.models, out.total += s.downloads_all[r];
    std::vector<std::uint64_t> below(unders.size(), 0);
    std::vector<double> lorenz_at;  // top fractions whose cumulative share we need
    const int steps = 20;
    if (with_lorenz)
      for (int i = 0; i <= steps; ++i) lorenz_at.push_back(double(i) / steps);
    std::size_t rank = 0;
    std::uint64_t cumulative = 0;
    std::size_t next_top = 0, next_lorenz = 0;
    std::sort(tops.begin(), tops.end());
    std::vector<double> top_share_at_fraction(lorenz_at.size(), 0);
    auto record = [&] {
      while (next_top < tops.size() && rank >= tops[next_top])
        out.top.emplace_back(tops[next_top++], out.total ? double(cumulative) / double(out.total) : 0);
      while (next_lorenz < lorenz_at.size() && double(rank) >= lorenz_at[next_lorenz] * double(out.models))
        top_share_at_fraction[next_lorenz++] = out.total ? double(cumulative) / double(out.total) : 0;
    };
    record();
    for (auto r : models_by_lifetime_) {
      if (!c.passes(r) || !c.counted(r)) continue;
      std::uint64_t d = s.downloads_all[r];
      for (std::size_t u = 0; u < unders.size(); ++u)
        if (d < unders[u]) ++below[u];
      ++rank;
      cumulative += d;
      record();
    }
    while (next_top < tops.size()) out.top.emplace_back(tops[next_top++], out.total ? 1.0 : 0.0);
    for (std::size_t u = 0; u < unders.size(); ++u)
      out.under.emplace_back(unders[u], out.models ? double(below[u]) / double(out.models) : std::nan(""));
    // Lorenz: the bottom fraction f holds 1 - (share of the top 1 - f).
    for (std::size_t i = 0; i < lorenz_at.size(); ++i) {
      std::size_t mirror = lorenz_at.size() - 1 - i;
      out.lorenz.emplace_back(lorenz_at[i], out.models ? 1.0 - top_share_at_fraction[mirror] : std::nan(""));
    }
    return out;
  };

  if (name == "headline") {
    std::uint64_t count[3] = {0, 0, 0}, downloads = 0;
    Month lead_lo = p.hi >= 11 ? Month(p.hi - 11) : 0;
    std::vector<std::uint64_t> by_country(s.countries.size(), 0), by_sector(kSectorNames.size(), 0);
    for (std::size_t r = 0; r < s.rows(); ++r) {
      if (!c.passes(r)) continue;
      if (c.counted(r)) ++count[s.type[r]];
      c.each_download(r, [&](Month m, std::uint32_t d) {
        downloads += d;
        if (m >= lead_lo) by_country[s.row_country[r]] += d, by_sector[s.row_sector[r]] += d;
      });
    }
    auto conc = concentration({200}, {200}, false);
    std::uint64_t known = 0, sector_total = 0;
    std::size_t lead_c = 0, lead_s = 0;  // country 0 is "unknown": shares are of downloads with a known country
    for (std::size_t i = 1; i < by_country.size(); ++i) {
      known += by_country[i];
      if (lead_c == 0 || by_country[i] > by_country[lead_c]) lead_c = i;
    }
    for (std::size_t i = 0; i < by_sector.size(); ++i) {
      sector_total += by_sector[i];
      if (by_sector[i] > by_sector[lead_s]) lead_s = i;
    }
    std::string period;
    if (p.windowed) period = format_month(p.lo == 0 ? p.axis_first : p.lo) + ".." + format_month(p.hi);
    else if (s.info.single_dump) period = "last 30 days";
    else period = (s.info.series_first == kUnknownMonth ? std::string("none") : format_month(s.info.series_first)) + ".." + format_month(p.hi);
    Slice out{"headline", {"measure", "value"}, {}};
    auto row = [&](const char* m, Cell v) { out.rows.push_back({Cell::text(m), std::move(v)}); };
    row("models", Cell::integer(std::int64_t(count[0])));
    row("datasets", Cell::integer(std::int64_t(count[1])));
    row("spaces", Cell::integer(std::int64_t(count[2])));
    row("repositories", Cell::integer(std::int64_t(count[0] + count[1] + count[2])));
    row("downloads", Cell::integer(std::int64_t(downloads)));
    row("period", Cell::text(period));
    row("top200_share", conc.models ? Cell::fraction(conc.top[0].second) : Cell::null());
    row("under200_share", conc.models ? Cell::fraction(conc.under[0].second) : Cell::null());
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
    for (std::size_t r = 0; r < s.rows(); ++r) {
      if (!c.passes(r)) continue;
      Month m = s.created[r];
      if (m != kUnknownMonth && m < p.axis_first) ++before[s.type[r]];
      else if (m == kUnknownMonth || m <= p.hi) ++n[c.slot(m) * 3 + s.type[r]];
    }
    Slice out{"growth", {"month", "model", "dataset", "space"}, {}};
    std::uint64_t run[3] = {before[0], before[1], before[2]};
    for (std::size_t m = 0; m + 1 < slots; ++m) {
      std::vector<Cell> row{c.month_cell(m)};
      for (int t = 0; t < 3; ++t) {
        run[t] += n[m * 3 + t];
        row.push_back(Cell::integer(std::int64_t(st.cumulative ? run[t] : n[m * 3 + t])));
      }
      out.rows.push_back(std::move(row));
    }
    std::size_t u = slots - 1;
    if (!p.windowed && (n[u * 3] || n[u * 3 + 1] || n[u * 3 + 2]))
      out.rows.push_back({Cell::null(), Cell::integer(std::int64_t(n[u * 3])), Cell::integer(std::int64_t(n[u * 3 + 1])),
                          Cell::integer(std::int64_t(n[u * 3 + 2]))});
    return out;
  }

  if (name == "concentration") {
    auto conc = concentration({10, 100, 200, 1000, 10000, 100000}, {1, 10, 100, 200, 1000, 10000}, true);
    Slice out{"concentration", {"measure", "n", "share"}, {}};
    if (conc.models) {
      for (auto& [n, v] : conc.top) out.rows.push_back({Cell::text("top_models"), Cell::integer(std::int64_t(n)), Cell::fraction(v)});
      for (auto& [k, v] : conc.under) out.rows.push_back({Cell::text("models_under"), Cell::integer(std::int64_t(k)), Cell::fraction(v)});
      for (auto& [f, v] : conc.lorenz) out.rows.push_back({Cell::text("lorenz"), Cell::fraction(f), Cell::fraction(v)});
    }
    if (conc.unknown || conc.models)
      out.rows.push_back({Cell::text("unknown_lifetime"), Cell::integer(std::int64_t(conc.unknown)),
                          share(double(conc.unknown), double(conc.unknown + conc.models))});
    return out;
  }

  if (name == "geography")
    return month_by_category(c, "geography", "country", s.countries, [&](std::size_t r) { return s.row_country[r]; });
  if (name == "sectors")
    return month_by_category(c, "sectors", "sector", enum_names(kSectorNames.data(), kSectorNames.size()),
                             [&](std::size_t r) { return s.row_sector[r]; });

  if (name == "families") {
    // Rank families by their derivatives (models with a base model) in the window.
    std::vector<std::uint64_t> derivatives(s.families.size(), 0);
    for (std::size_t r = 0; r < s.rows(); ++r)
      if (s.family[r] && s.relation[r] && c.passes(r) && c.counted(r)) ++derivatives[s.family[r]];
    std::vector<std::uint32_t> order;
    for (std::uint32_t f = 1; f < s.families.size(); ++f)
      if (derivatives[f]) order.push_back(f);
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return derivatives[a] > derivatives[b]; });
    if (order.size() > 15) order.resize(15);
    std::vector<std::int32_t> rank(s.families.size(), -1);
    for (std::size_t i = 0; i < order.size(); ++i) rank[order[i]] = std::int32_t(i);
    std::size_t slots = c.months() + 1;
    const std::size_t cols = 6;  // finetune, adapter, quantized, merge, original, direct
    std::vector<std::uint64_t> n(order.size() * slots * cols, 0);
    for (std::size_t r = 0; r < s.rows(); ++r) {
      std::int32_t f = rank[s.family[r]];
      if (f < 0 || !c.passes(r) || !c.counted(r)) continue;
      std::uint64_t* cell = &n[(std::size_t(f) * slots + c.slot(s.created[r])) * cols];
      cell[s.relation[r] ? s.relation[r] - 1 : 4] += 1;
      if (s.depth[r] == 1) cell[5] += 1;
    }
    Slice out{"families", {"family", "month", "finetune", "adapter", "quantized", "merge", "original", "direct"}, {}};
    for (std::size_t f = 0; f < order.size(); ++f)
      for (std::size_t m = 0; m < slots; ++m) {
        const std::uint64_t* cell = &n[(f * slots + m) * cols];
        if (!std::any_of(cell, cell + cols, [](std::uint64_t v) { return v != 0; })) continue;
        std::vector<Cell> row{Cell::text(s.families[order[f]]), c.month_cell(m)};
        for (std::size_t k = 0; k < cols; ++k) row.push_back(Cell::integer(std::int64_t(cell[k])));
        out.rows.push_back(std::move(row));
      }
    return out;
  }

  if (name == "orgs") {
    std::size_t a_n = s.authors.size();
    std::vector<std::uint64_t> downloads(a_n, 0);
    std::vector<std::uint32_t> repos(a_n, 0), last12(a_n, 0), prev12(a_n, 0);
    std::vector<std::uint64_t> likes(a_n, 0);
    Month last_lo = p.hi >= 11 ? Month(p.hi - 11) : 0, prev_lo = p.hi >= 23 ? Month(p.hi - 23) : 0;
    for (std::size_t r = 0; r < s.rows(); ++r) {
      if (!c.passes(r)) continue;
      std::uint32_t a = s.author[r];
      if (c.counted(r)) {
        ++repos[a];
        if (s.likes[r] != kUnknownCount) likes[a] += s.likes[r];
      }
      Month m = s.created[r];
      if (m != kUnknownMonth && m <= p.hi) {
        if (m >= last_lo) ++last12[a];
        else if (m >= prev_lo) ++prev12[a];
      }
      c.each_download(r, [&](Month, std::uint32_t d) { downloads[a] += d; });
    }
    std::vector<std::uint32_t> order;
    for (std::uint32_t a = 0; a < a_n; ++a)
      if (repos[a] || downloads[a]) order.push_back(a);
    auto better = [&](std::uint32_t x, std::uint32_t y) {
      if (downloads[x] != downloads[y]) return downloads[x] > downloads[y];
      if (repos[x] != repos[y]) return repos[x] > repos[y];
      return s.authors[x] < s.authors[y];
    };
    std::size_t keep = std::min<std::size_t>(50, order.size());
    std::partial_sort(order.begin(), order.begin() + std::ptrdiff_t(keep), order.end(), better);
    order.resize(keep);
    Slice out{"orgs", {"org", "country", "sector", "repos", "downloads", "likes", "repos_prev12", "repos_last12", "yoy_growth"}, {}};
    for (auto a : order)
      out.rows.push_back({Cell::text(s.authors[a]), Cell::text(s.countries[s.author_country[a]]),
                          Cell::text(std::string(kSectorNames[s.author_sector[a]])), Cell::integer(repos[a]),
                          Cell::integer(std::int64_t(downloads[a])), Cell::integer(std::int64_t(likes[a])),
                          Cell::integer(prev12[a]), Cell::integer(last12[a]),
                          prev12[a] ? Cell::fraction(double(last12[a]) / double(prev12[a]) - 1.0) : Cell::null()});
    return out;
  }

  if (name == "tasks") {
    // Per type (models by pipeline tag, datasets by task category): the top 20 tasks by repositories.
    Slice out{"tasks", {"task", "type", "modality", "month", "repos", "downloads"}, {}};
    std::size_t slots = c.months() + 1;
    for (std::uint8_t t : {std::uint8_t(RepoType::model), std::uint8_t(RepoType::dataset)}) {
      std::vector<std::uint64_t> total(s.tasks.size(), 0);
      for (std::size_t r = 0; r < s.rows(); ++r)
        if (s.type[r] == t && c.passes(r) && c.counted(r)) ++total[s.task[r]];
      std::vector<std::uint32_t> order;
      for (std::uint32_t k = 0; k < s.tasks.size(); ++k)
        if (total[k]) order.push_back(k);
      std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return total[a] > total[b]; });
      std::vector<std::uint32_t> slot_of(s.tasks.size(), 20);  // 20 = "other"
      std::size_t kept = std::min<std::size_t>(order.size(), 20);
      for (std::size_t i = 0; i < kept; ++i) slot_of[order[i]] = std::uint32_t(i);
      std::vector<std::uint64_t> repos(21 * slots, 0), downloads(21 * slots, 0);
      std::vector<std::uint8_t> other_modality(kModalityNames.size(), 0);
      for (std::size_t r = 0; r < s.rows(); ++r) {
        if (s.type[r] != t || !c.passes(r)) continue;
        std::size_t k = slot_of[s.task[r]];
        if (c.counted(r)) ++repos[k * slots + c.slot(s.created[r])];
        c.each_download(r, [&](Month m, std::uint32_t d) { downloads[k * slots + c.slot(m)] += d; });
      }
      for (std::size_t k = 0; k <= 20; ++k) {
        if (k < 20 && k >= kept) continue;
        std::string task = k < 20 ? s.tasks[order[k]] : "other";
        std::string modality = k < 20 ? std::string(kModalityNames[s.task_modality[order[k]]]) : "other";
        for (std::size_t m = 0; m < slots; ++m) {
          auto rp = repos[k * slots + m], dl = downloads[k * slots + m];
          if (!rp && !dl) continue;
          out.rows.push_back({Cell::text(task), Cell::text(std::string(kRepoTypeNames[t])), Cell::text(modality),
                              c.month_cell(m), Cell::integer(std::int64_t(rp)),
                              t == std::uint8_t(RepoType::model) || dl ? Cell::integer(std::int64_t(dl)) : Cell::integer(0)});
        }
      }
    }
    return out;
  }

  if (name == "sizes") {
    // Download-weighted median from a log histogram: 16 bins per doubling (about 4% wide), exact integer binning.
    auto bin_of = [](std::uint64_t v) {
      int msb = 63 - __builtin_clzll(v);
      int frac = msb >= 4 ? int((v >> (msb - 4)) & 15) : int((v << (4 - msb)) & 15);
      return std::size_t(msb * 16 + frac);
    };
    auto bin_mid = [](std::size_t b) {
      double lo = std::ldexp(1.0 + double(b % 16) / 16.0, int(b / 16));
      double hi = std::ldexp(1.0 + double(b % 16 + 1) / 16.0, int(b / 16));
      return (lo + hi) / 2;
    };
    std::size_t slots = c.months() + 1, buckets = kSizeNames.size();
    std::vector<std::uint64_t> repos(slots * buckets, 0), downloads(slots * buckets, 0);
    std::vector<double> weighted(slots, 0);
    std::vector<std::uint64_t> known(slots, 0);
    std::vector<std::vector<std::uint64_t>> hist(slots);
    for (std::size_t r = 0; r < s.rows(); ++r) {
      if (s.type[r] != model || !c.passes(r)) continue;
      std::size_t b = s.size[r];
      if (c.counted(r)) ++repos[c.slot(s.created[r]) * buckets + b];
      std::uint64_t params = s.params[r];
      c.each_download(r, [&](Month m, std::uint32_t d) {
        std::size_t sl = c.slot(m);
        downloads[sl * buckets + b] += d;
        if (!params) return;
        weighted[sl] += double(params) * double(d);
        known[sl] += d;
        auto& h = hist[sl];
        if (h.empty()) h.assign(64 * 16, 0);
        h[bin_of(params)] += d;
      });
    }
    Slice out{"sizes", {"month", "size", "repos", "downloads", "mean_params", "median_params"}, {}};
    for (std::size_t m = 0; m < slots; ++m) {
      bool any = false;
      for (std::size_t b = 0; b < buckets; ++b) {
        if (!repos[m * buckets + b] && !downloads[m * buckets + b]) continue;
        any = true;
        out.rows.push_back({c.month_cell(m), Cell::text(std::string(kSizeNames[b])), Cell::integer(std::int64_t(repos[m * buckets + b])),
                            Cell::integer(std::int64_t(downloads[m * buckets + b])), Cell::null(), Cell::null()});
      }
      if (!any) continue;
      Cell mean = Cell::null(), median = Cell::null();
      if (known[m]) {
        mean = Cell::integer(std::int64_t(std::llround(weighted[m] / double(known[m]))));
        std::uint64_t half = (known[m] + 1) / 2, acc = 0;
        for (std::size_t b = 0; b < hist[m].size(); ++b) {
          acc += hist[m][b];
          if (acc >= half) {
            median = Cell::integer(std::int64_t(std::llround(bin_mid(b))));
            break;
          }
        }
      }
      std::uint64_t rp = 0, dl = 0;
      for (std::size_t b = 0; b < buckets; ++b) rp += repos[m * buckets + b], dl += downloads[m * buckets + b];
      out.rows.push_back({c.month_cell(m), Cell::text("all"), Cell::integer(std::int64_t(rp)), Cell::integer(std::int64_t(dl)),
                          mean, median});
    }
    return out;
  }

  if (name == "licenses")
    return month_by_ranked(c, "licenses", "license", s.licenses, 12, [&](std::size_t r) { return s.license[r]; }, true);
  if (name == "libraries")
    return month_by_ranked(c, "libraries", "library", s.libraries, 12, [&](std::size_t r) { return s.library[r]; }, true);
  if (name == "sdks") {
    std::vector<std::string> sdk_names = enum_names(kSdkNames.data(), kSdkNames.size());
    sdk_names[0] = "";  // models and datasets: not shown
    Slice out = month_by_ranked(c, "sdks", "sdk", sdk_names, 12,
                                [&](std::size_t r) { return s.type[r] == std::uint8_t(RepoType::space) ? s.sdk[r] : 0; }, false);
    return out;
  }
  return Result<Slice>::failure("unknown view '" + std::string(name).substr(0, 40) + "'");
}

}  // namespace hubreport
