// Views are computed over items (rows grouped by profile, with the long tail of authors folded together). However the
// rows are grouped, every view must come out the same: these tests compare engines that group differently.
#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <map>
#include <numeric>
#include <random>
#include <set>

#include "catch.hpp"
#include "engine.h"
#include "fixtures.h"
#include "ranking.h"

using namespace hubreport;

namespace {

// A random but reproducible store: a few hundred authors, heavy-tailed downloads, some unknowns everywhere; models
// belong to one of `families` families (Qwen, Llama, then numbered ones) or none.
Store random_store(std::uint64_t seed, std::size_t n, std::uint32_t families = 2) {
  std::mt19937_64 rng(seed);
  auto pick = [&](std::uint64_t k) { return rng() % k; };
  Store s;
  s.info = {"random", "2026-03-15", "synthetic", "", make_month(2026, 3), kUnknownMonth, false};
  s.countries = {"unknown", "US", "CN", "FR"};
  for (int a = 0; a < 300; ++a) s.authors.push_back(a ? "user" + std::to_string(a) : "(none)");
  for (int a = 0; a < 300; ++a) {
    s.author_country.push_back(a < 12 ? std::uint8_t(1 + a % 3) : 0);
    s.author_sector.push_back(a < 12 ? std::uint8_t(a % 4) : std::uint8_t(Sector::community));
  }
  s.tasks = {"unknown", "text-generation", "robotics", "fill-mask"};
  s.task_modality = {std::uint8_t(Modality::unknown), std::uint8_t(Modality::text), std::uint8_t(Modality::robotics),
                     std::uint8_t(Modality::text)};
  s.libraries = {"unknown", "transformers", "gguf"};
  s.licenses = {"unknown", "mit", "apache-2.0", "other"};
  s.families = {"", "Qwen", "Llama"};
  for (std::uint32_t f = 2; f < families; ++f) s.families.push_back("family" + std::to_string(f));
  s.series_start.push_back(0);
  for (std::size_t r = 0; r < n; ++r) {
    auto t = std::uint8_t(pick(3));
    s.type.push_back(t);
    s.author.push_back(std::uint32_t(pick(4) ? pick(300) : pick(12)));
    Month c = pick(20) ? Month(make_month(2023, 1) + pick(39)) : kUnknownMonth;
    s.created.push_back(c);
    s.downloads30.push_back(pick(5) ? std::uint32_t(pick(100)) : kUnknownCount);
    s.downloads_all.push_back(pick(6) ? (pick(10) ? pick(300) : pick(100000)) : kUnknownTotal);
    s.likes.push_back(pick(3) ? std::uint32_t(pick(9)) : kUnknownCount);
    s.task.push_back(std::uint16_t(pick(4)));
    s.library.push_back(std::uint16_t(t == 0 ? pick(3) : 0));
    s.license.push_back(std::uint16_t(pick(4)));
    // With many families, numbers skewed low (a product of uniform picks), so a few have most derivatives.
    std::uint32_t fam = families == 2 ? std::uint32_t(pick(3))
                                      : pick(4) ? std::uint32_t(1 + pick(families) * pick(families) / families) : 0;
    s.family.push_back(t == 0 ? fam : 0);
    s.relation.push_back(t == 0 && s.family.back() ? std::uint8_t(pick(5)) : 0);
    s.depth.push_back(s.relation.back() ? std::uint8_t(1 + pick(2)) : 0);
    s.params.push_back(t == 0 && pick(2) ? std::uint64_t(1 + pick(200)) * 100000000ull : 0);
    s.sdk.push_back(t == 2 ? std::uint8_t(1 + pick(5)) : 0);
    std::size_t months = c == kUnknownMonth ? 0 : pick(4);
    std::vector<std::pair<Month, std::uint32_t>> series;
    for (std::size_t k = 0; k < months && c + k <= s.info.month; ++k)
      series.emplace_back(Month(c + k), std::uint32_t(1 + (pick(10) ? pick(50) : pick(50000))));
    s.append_series(series);
    if (!series.empty()) s.info.series_first = std::min(s.info.series_first, series.front().first);
  }
  s.derive_row_fields();
  return s;
}

const char* kStates[] = {"", "country=CN~US", "from=2024-06&to=2025-09", "type=model&sector=community", "org=user7~user250",
                         "org=user3&family=Qwen", "size=1to9b~unknown&cum=1", "license=mit&relation=finetune~quantized",
                         "modality=text&to=2025-01", "org=user290", "library=gguf&org=user1~user2~user280"};

}  // namespace

TEST_CASE("views do not depend on the order of rows (and so on how they group)", "[grouping]") {
  Store s = random_store(7, 6000);
  REQUIRE(s.validate().empty());
  std::vector<std::uint32_t> order(s.rows());
  std::iota(order.begin(), order.end(), 0u);
  std::mt19937_64 rng(3);
  std::shuffle(order.begin(), order.end(), rng);
  Store shuffled = s.permuted(order);
  // Sorted by profile: the grouping the builder aims for.
  std::vector<std::uint8_t> kept = kept_authors(s, author_downloads(s), 20);
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return item_key(s, kept, a) < item_key(s, kept, b); });
  Store sorted = s.permuted(order);
  Engine a(s, 20), b(std::move(shuffled), 20), c(std::move(sorted), 20);
  CHECK(c.items().count() < a.items().count());
  for (const char* q : kStates) {
    INFO(q);
    ViewState st = parse_state(q).value();
    auto x = a.all_views_json(st);
    REQUIRE(x.ok());
    CHECK(x.value() == b.all_views_json(st).value());
    CHECK(x.value() == c.all_views_json(st).value());
  }
}

TEST_CASE("folding the long tail of authors changes nothing, org filter and leaderboard included", "[grouping]") {
  Store s = random_store(11, 5000);
  Engine folded(s, 5), all_kept(s, 1000000);
  CHECK(folded.items().count() < all_kept.items().count());
  for (const char* q : kStates) {
    INFO(q);
    ViewState st = parse_state(q).value();
    CHECK(folded.all_views_json(st).value() == all_kept.all_views_json(st).value());
  }
}

TEST_CASE("a lean engine releases the store's filter columns and answers as a whole one does", "[grouping]") {
  Store s = random_store(17, 5000);
  // Series that begin after their repository's creation month, which a lean store keeps apart (store.h).
  std::size_t unusual = 0;
  test::rewrite_series(s, [&](std::size_t r, auto& pairs) {
    if (r % 7 == 0 && pairs.size() > 1) pairs.erase(pairs.begin()), ++unusual;
  });
  REQUIRE(unusual > 0);
  Engine whole(s, 5), lean(s, 5, Engine::kWalkSegment, Engine::StoreRows::lean);
  CHECK(lean.store().series_begin.empty());
  for (std::size_t r = 0; r < s.rows(); ++r) {
    std::vector<std::pair<Month, std::uint32_t>> a, b;
    s.each_download(r, [&](Month m, std::uint32_t d) { a.emplace_back(m, d); });
    lean.store().each_download(r, [&](Month m, std::uint32_t d) { b.emplace_back(m, d); });
    if (a != b) FAIL_CHECK("row " << r << " reads other downloads from the lean store");
  }
  CHECK(lean.store().author.empty());
  CHECK(lean.store().family.empty());
  CHECK(lean.store().row_country.empty());
  CHECK(lean.store().type.size() == s.rows());
  CHECK(lean.store().memory_bytes() + 20 * s.rows() <= whole.store().memory_bytes());
  for (const char* q : kStates) {
    INFO(q);
    ViewState st = parse_state(q).value();
    CHECK(lean.all_views_json(st).value() == whole.all_views_json(st).value());
  }
  for (const char* dim : {"type", "country", "sector", "task", "modality", "library", "license", "family", "relation", "size", "sdk"}) {
    INFO(dim);
    auto v = lean.dimension_values(dim);
    REQUIRE(v.ok());
    CHECK(v.value() == whole.dimension_values(dim).value());
  }
  CHECK(lean.orgs_matching("user2", 30) == whole.orgs_matching("user2", 30));
  // Rows ordered by type, as the builder orders them: the lean store keeps its models' lifetimes only.
  std::vector<std::uint32_t> by_type(s.rows());
  std::iota(by_type.begin(), by_type.end(), 0u);
  std::stable_sort(by_type.begin(), by_type.end(), [&](std::uint32_t x, std::uint32_t y) { return s.type[x] < s.type[y]; });
  const Store t = s.permuted(by_type);
  Engine whole_t(t, 5), lean_t(t, 5, Engine::kWalkSegment, Engine::StoreRows::lean);
  const auto models = std::size_t(std::count(t.type.begin(), t.type.end(), std::uint8_t(RepoType::model)));
  REQUIRE((models > 0 && models < t.rows()));
  CHECK(lean_t.store().downloads_all.size() == models);
  CHECK(whole_t.store().downloads_all.size() == t.rows());
  for (const char* q : kStates) {
    INFO(q);
    ViewState st = parse_state(q).value();
    CHECK(lean_t.all_views_json(st).value() == whole_t.all_views_json(st).value());
  }
  // The counts come from the items: each value's repositories, counted here from the rows.
  auto counted = [&](const auto& names, auto value_of, const std::string& out) {
    std::vector<std::size_t> n(names.size(), 0);
    for (std::size_t r = 0; r < s.rows(); ++r) ++n[value_of(r)];
    for (std::size_t v = 0; v < names.size(); ++v) {
      INFO(names[v]);
      bool listed = out.find("[\"" + std::string(names[v]) + "\"," + std::to_string(n[v]) + "]") != std::string::npos;
      CHECK(listed == (n[v] > 0 && !names[v].empty()));
    }
  };
  counted(s.licenses, [&](std::size_t r) { return s.license[r]; }, lean.dimension_values("license").value());
  counted(s.families, [&](std::size_t r) { return s.family[r]; }, lean.dimension_values("family").value());
  counted(s.countries, [&](std::size_t r) { return s.row_country[r]; }, lean.dimension_values("country").value());
}

TEST_CASE("postings, rolled-up items and caches give the slices a plain scan gives", "[grouping]") {
  Store s = random_store(5, 8000);
  Engine fast(s, 10), plain(s, 10);
  plain.set_fast_paths(false);
  for (int round = 0; round < 2; ++round)  // the second round answers from the caches
    for (const char* q : kStates) {
      INFO(q);
      ViewState st = parse_state(q).value();
      CHECK(fast.all_views_json(st).value() == plain.all_views_json(st).value());
      for (auto name : kViewNames) CHECK(slice_json(fast.view(st, name).value()) == slice_json(plain.view(st, name).value()));
    }
}

TEST_CASE("the category views counted together count what each counts alone", "[grouping]") {
  // Under an org or family filter the views read the items through the posting of their most selective filter. The
  // pass shared by the category views (geography, sectors, tasks, sizes, licenses, libraries, SDKs) must not take the
  // posting of a dimension one of them ignores: that view would lose every item outside it. Here the category filter
  // is the more selective one.
  Store s = random_store(13, 8000);
  Engine fast(s, 10), plain(s, 10);
  plain.set_fast_paths(false);
  for (const char* q : {"country=FR&family=Qwen~Llama", "library=gguf&family=Qwen~Llama", "sdk=gradio&org=user1~user2~user3",
                        "size=10to99b&family=Qwen~Llama&from=2024-01", "task=robotics&license=mit&family=Qwen~Llama",
                        "sector=academia&family=Llama", "modality=robotics&org=user1~user4~user7~user10&to=2025-06"}) {
    INFO(q);
    ViewState st = parse_state(q).value();
    const std::string together = fast.all_views_json(st).value();
    CHECK(together == plain.all_views_json(st).value());
    for (auto name : kViewNames) {
      INFO(name);
      const std::string alone = slice_json(plain.view(st, name).value());
      CHECK(together.find(alone) != std::string::npos);
    }
  }
}

TEST_CASE("the orgs leaderboard skips only authors that cannot reach its top 50", "[grouping]") {
  // Enough kept authors that the yearly-downloads bound prunes (with few, every author is scanned).
  Store s = random_store(9, 12000);
  Engine fast(s, 150), plain(s, 150);
  plain.set_fast_paths(false);
  int full = 0;
  for (const char* q : kStates) {
    INFO(q);
    ViewState st = parse_state(q).value();
    auto a = fast.view(st, "orgs").value();
    full += a.rows.size() == 50;
    CHECK(slice_json(a) == slice_json(plain.view(st, "orgs").value()));
  }
  CHECK(full >= 5);  // states whose leaderboard is full, where the bound can prune
  // Filters too broad for a posting (the kept authors are scanned) on dimensions whose per-value downloads bound them.
  for (const char* q : {"license=mit~apache-2.0~other", "task=text-generation~robotics~fill-mask&from=2025-01",
                        "modality=text~robotics", "relation=original~finetune~adapter~quantized&size=1to9b~unknown~10to99b~lt1b"}) {
    INFO(q);
    ViewState st = parse_state(q).value();
    auto a = fast.view(st, "orgs").value();
    CHECK(a.rows.size() == 50);
    CHECK(slice_json(a) == slice_json(plain.view(st, "orgs").value()));
  }
}

TEST_CASE("the families view skips only families that cannot reach its top 15", "[grouping]") {
  Store s = random_store(13, 12000, 60);
  REQUIRE(s.validate().empty());
  Engine fast(s, 10), plain(s, 10);
  plain.set_fast_paths(false);
  int full = 0;
  for (const char* q : kStates) {
    INFO(q);
    ViewState st = parse_state(q).value();
    auto a = fast.view(st, "families").value();
    std::set<std::string> names;
    for (const auto& row : a.rows) names.insert(row[0].s);
    full += names.size() == 15;
    CHECK(slice_json(a) == slice_json(plain.view(st, "families").value()));
  }
  CHECK(full >= 5);  // states with 15 families ranked, where the bound can prune
}

namespace {

// A rolled-up table (`table`, a member of FilterPass) answers `view` in the states `used` and gives what a plain scan
// gives; in the states `unused` the engine does not use it.
void check_rolled_up(Engine& fast, Engine& plain, Pass FilterPass::*table, const char* view,
                     std::initializer_list<const char*> used, std::initializer_list<const char*> unused) {
  for (const char* q : used) {
    INFO(q);
    ViewState st = parse_state(q).value();
    FilterPass pass;
    fast.filter(st, pass);
    CHECK((pass.*table).items != nullptr);
    auto a = fast.view(st, view).value();
    CHECK(!a.rows.empty());
    CHECK(slice_json(a) == slice_json(plain.view(st, view).value()));
  }
  for (const char* q : unused) {
    INFO(q);
    FilterPass pass;
    fast.filter(parse_state(q).value(), pass);
    CHECK((pass.*table).items == nullptr);
  }
}

}  // namespace

TEST_CASE("the orgs leaderboard from the table rolled up by publisher equals a plain scan", "[grouping]") {
  Store s = random_store(17, 9000);
  Engine fast(s, 40), plain(s, 40);
  plain.set_fast_paths(false);
  // Only publisher dimensions (type, country, sector, org) and windows: the publisher table answers. Any other
  // dimension filtered: it cannot tell, so it is not used.
  check_rolled_up(fast, plain, &FilterPass::by_org, "orgs",
                  {"", "type=model", "sector=community&from=2025-01", "country=CN~unknown&type=dataset~space",
                   "org=user3~user200&to=2024-12", "from=2024-06&to=2024-07"},
                  {"type=model&license=mit", "family=Qwen"});
}

TEST_CASE("the families view from the table rolled up by family equals a plain scan", "[grouping]") {
  Store s = random_store(23, 12000, 60);
  Engine fast(s, 10), plain(s, 10);
  plain.set_fast_paths(false);
  // Publisher dimensions, family, relation, size and windows: the family table answers.
  check_rolled_up(fast, plain, &FilterPass::by_family, "families",
                  {"", "type=model&from=2025-01", "sector=community", "country=CN~unknown&relation=quantized",
                   "family=Qwen&to=2024-12", "from=2024-06&to=2024-07&relation=finetune~adapter", "size=1to9b",
                   "size=unknown~10to99b&family=Llama"},
                  {"org=user3", "license=mit", "task=robotics&size=1to9b"});
}

TEST_CASE("the orgs leaderboard ranks folded authors by repositories when nothing filtered has downloads", "[grouping]") {
  // Spaces have likes but no downloads: under type=space every author ties at 0 and repositories decide.
  Store s = random_store(19, 9000);
  test::rewrite_series(s, [&](std::size_t r, auto& pairs) {
    if (s.type[r] == std::uint8_t(RepoType::space)) pairs.clear();
  });
  Engine fast(s, 80), plain(s, 80);
  plain.set_fast_paths(false);
  std::vector<std::uint8_t> kept = kept_authors(s, author_downloads(s), 80);
  int folded_in_top = 0;
  for (const char* q : {"type=space", "type=space&from=2025-01", "type=space&sector=community", "type=space&sdk=gradio"}) {
    INFO(q);
    ViewState st = parse_state(q).value();
    auto a = fast.view(st, "orgs").value();
    CHECK(slice_json(a) == slice_json(plain.view(st, "orgs").value()));
    for (const auto& row : a.rows)
      for (std::size_t au = 0; au < s.authors.size(); ++au) folded_in_top += s.authors[au] == row[0].s && !kept[au];
  }
  CHECK(folded_in_top > 0);
}

TEST_CASE("the concentration from prefix sums reaches the last model exactly", "[grouping]") {
  // Every model passes and downloads something, and their count is a multiple of the prefix step: the last mark
  // (the whole Lorenz curve) falls on the end of the walk.
  Store s = random_store(29, 3000);
  std::size_t known = 0;
  LifetimeDownloads lifetimes;
  for (std::size_t r = 0; r < s.rows(); ++r) {
    bool counts = s.type[r] == std::uint8_t(RepoType::model) && known < 2 * Engine::kPrefixStep;
    lifetimes.push_back(counts ? 1000 + r : s.type[r] == std::uint8_t(RepoType::model) ? kUnknownTotal : s.downloads_all[r]);
    known += counts;
  }
  s.downloads_all = lifetimes;
  REQUIRE(known == 2 * Engine::kPrefixStep);
  Engine fast(s, 10), plain(s, 10);
  plain.set_fast_paths(false);
  REQUIRE(fast.lifetime_prefix().size() > known / Engine::kPrefixStep);  // the end of the walk has its sum
  ViewState st = parse_state("").value();
  CHECK(slice_json(fast.view(st, "concentration").value()) == slice_json(plain.view(st, "concentration").value()));
}

TEST_CASE("the concentration walk's shortcuts (segments added up, families' own walks) equal stepping every model", "[grouping]") {
  // Short segments, so that most hold no mark on a small store; heavy ties and zeros test the thresholds.
  Store s = random_store(31, 30000);
  Engine segmented(s, 10, 40), unsorted(s, 10, 40), plain(s, 10);
  plain.set_fast_paths(false);
  unsorted.set_models_to_sort(0);  // selective filters too take the rolled-up walk, as at full scale
  REQUIRE(segmented.walk_segments().by_item.start.size() > 100);
  REQUIRE(segmented.walk_segments().by_month.start.size() == segmented.walk_segments().by_item.start.size());
  // No window (cells by item); a window with every model passing (cells by month); a window with a filter (stepped).
  for (const char* q : {"sector=community", "type=model&country=CN~US", "license=mit", "size=1to9b~unknown", "task=robotics",
                        "license=apache-2.0&cum=1", "from=2024-06", "type=model&from=2023-03&to=2025-02",
                        "to=2024-01&cum=1", "type=dataset~model&from=2026-01", "sector=community&from=2025-01",
                        // The walk of the named families' models only.
                        "family=Qwen", "family=Qwen~Llama&from=2025-01", "family=Llama&relation=quantized",
                        "family=nosuch"}) {
    INFO(q);
    ViewState st = parse_state(q).value();
    CHECK(slice_json(segmented.view(st, "concentration").value()) == slice_json(plain.view(st, "concentration").value()));
    CHECK(slice_json(segmented.view(st, "headline").value()) == slice_json(plain.view(st, "headline").value()));
    CHECK(slice_json(unsorted.view(st, "concentration").value()) == slice_json(plain.view(st, "concentration").value()));
  }
}

TEST_CASE("lifetimes past 32 and 40 bits are walked, sorted and shared exactly", "[grouping]") {
  // The walk keeps lifetimes in 32 bits with the wider ones apart (ModelWalk), and sorts a selection through 40-bit
  // keys unless a lifetime is wider: both fall-backs against shares computed here from the rows.
  Store s = random_store(37, 20000);
  LifetimeDownloads lifetimes;
  std::size_t wide = 0;
  for (std::size_t r = 0; r < s.rows(); ++r) {
    std::uint64_t d = s.downloads_all[r];
    if (s.type[r] == std::uint8_t(RepoType::model) && d != kUnknownTotal && r % 97 == 0)
      d = (std::uint64_t(1) << (r % 2 ? 33 : 42)) + r, ++wide;
    lifetimes.push_back(d);
  }
  s.downloads_all = lifetimes;
  REQUIRE(wide > 20);
  Engine fast(s, 10, 40), plain(s, 10);
  plain.set_fast_paths(false);
  for (const char* q : {"", "type=model&country=CN", "task=robotics", "from=2024-06", "license=mit&from=2023-01"}) {
    INFO(q);
    ViewState st = parse_state(q).value();
    Slice got = fast.view(st, "concentration").value();
    CHECK(slice_json(got) == slice_json(plain.view(st, "concentration").value()));
    if (std::string(q) != "") continue;
    // No filter: the top 10 models' share, from the rows (models created after the snapshot month do not count).
    std::vector<std::uint64_t> models;
    for (std::size_t r = 0; r < s.rows(); ++r)
      if (s.type[r] == std::uint8_t(RepoType::model) && s.downloads_all[r] != kUnknownTotal &&
          (s.created[r] <= s.info.month || s.created[r] == kUnknownMonth))
        models.push_back(s.downloads_all[r]);
    std::sort(models.rbegin(), models.rend());
    unsigned __int128 top = 0, all = 0;
    for (std::size_t j = 0; j < models.size(); ++j) (j < 10 ? top : all) += models[j];
    all += top;
    REQUIRE(got.rows.size() > 0);
    CHECK(got.rows[0][0].s == "top_models");
    CHECK(got.rows[0][1].i == 10);
    CHECK(got.rows[0][2].d == Approx(double(top) / double(all)).epsilon(1e-12));
  }
}

TEST_CASE("a walk of models permuted keeps every lifetime, the wide ones included", "[grouping]") {
  ModelWalk walk;
  const std::vector<std::uint64_t> lifetimes{5,     std::uint64_t(1) << 40, 0xFFFFFFFFu, 7,     0xFFFFFFFEu, std::uint64_t(1) << 33,
                                             0,     65534,                  65535,       65536, 70000};
  for (std::uint32_t j = 0; j < lifetimes.size(); ++j) walk.push_back(lifetimes[j], 100 + j, Month(j));
  // In the order pushed, wide values lie anywhere (the place 1 holds the 2nd of them); sorted, they lead.
  for (std::uint32_t j = 0; j < lifetimes.size(); ++j) CHECK(walk.lifetime(j) == lifetimes[j]);
  sort_most_downloaded_first(walk);
  const std::vector<std::uint32_t> items{101, 105, 102, 104, 110, 109, 108, 107, 103, 100, 106};
  REQUIRE(walk.size() == items.size());
  for (std::size_t j = 0; j < items.size(); ++j) {
    INFO(j);
    CHECK(walk.item(j) == items[j]);
    CHECK(walk.created(j) == Month(items[j] - 100));
    CHECK(walk.lifetime(j) == lifetimes[items[j] - 100]);
    CHECK((walk.low_lifetimes()[j] == ModelWalk::kWideLifetime) == (walk.lifetime(j) >= ModelWalk::kWideLifetime));
  }
}

TEST_CASE("grouping allocates each column of the items once, at its final size", "[grouping]") {
  Store s = random_store(11, 5000);
  auto kept = kept_authors(s, author_downloads(s), 20);
  // Unordered rows make many small items, each with several creation and download months.
  std::vector<std::uint32_t> rows(s.rows());
  std::iota(rows.begin(), rows.end(), 0u);
  std::shuffle(rows.begin(), rows.end(), std::mt19937(3));
  for (const auto& order : {std::vector<std::uint32_t>{}, rows}) {
    Items it;
    group_rows(it, s, kept, order, nullptr, false);
    REQUIRE(it.count() > 100);
    CHECK(it.type.capacity() == it.count());
    CHECK(it.first_row.capacity() == it.first_row.size());
    CHECK(it.created_month.capacity() == it.created_month.size());
    CHECK(it.created_likes.capacity() == it.created_likes.size());
    CHECK(it.dl_begin.capacity() == it.dl_begin.size());
    CHECK(it.dl_sum.capacity() == it.dl_sum.size());
  }
}

TEST_CASE("monthly download sums stay exact: past 2^32, and around months without downloads", "[grouping]") {
  // Items keep sums in 32 bits and the wide ones apart (items.h): rows of 4e9 a month add up past 2^32 in most items.
  Store s = random_store(31, 3000);
  test::rewrite_series(s, [](std::size_t, auto& pairs) {
    for (auto& p : pairs) p.second = 4000000000u;
  });
  auto kept = kept_authors(s, author_downloads(s), 20);
  // Rows in profile order, as the builder stores them, so that items hold several rows.
  std::vector<std::uint32_t> order(s.rows());
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return item_key(s, kept, a) < item_key(s, kept, b); });
  s = s.permuted(order);
  std::vector<std::uint32_t> rolled;
  Items fine, coarse;
  group_rows(fine, s, kept, {}, nullptr, false);
  roll_up(coarse, fine, s, &rolled);
  CHECK(fine.dl_sum.wide_count() > 0);
  CHECK(coarse.dl_sum.wide_count() > 0);
  // Items with a month without downloads between two with: the zeros that keep one sum per month (items.h).
  std::size_t empty_months = 0;
  for (std::size_t k = 0; k < fine.dl_sum.size(); ++k) empty_months += fine.dl_sum[k] == 0;
  CHECK(empty_months > 0);
  // Both kinds of item (items.h): sums of several rows, and one row read from the store's series.
  std::size_t one_row = 0;
  for (std::size_t i = 0; i < fine.count(); ++i) one_row += fine.row_series(i);
  CHECK(one_row > 0);
  CHECK(one_row < fine.count());
  auto sums = [&](const Items& it, std::size_t i) {
    std::map<Month, std::uint64_t> out;
    it.each_download(s, i, [&](Month m, std::uint64_t d) { out[m] += d; });
    return out;
  };
  std::vector<std::map<Month, std::uint64_t>> want(coarse.count());
  for (std::size_t i = 0; i < fine.count(); ++i) {
    std::map<Month, std::uint64_t> rows;
    for (std::uint32_t r = fine.first_row[i]; r < fine.first_row[i + 1]; ++r)
      s.each_download(r, [&](Month m, std::uint32_t d) { rows[m] += d; });
    CHECK(sums(fine, i) == rows);
    for (auto& [m, d] : rows) want[rolled[i]][m] += d;
  }
  for (std::size_t i = 0; i < coarse.count(); ++i) CHECK(sums(coarse, i) == want[i]);
}

TEST_CASE("the org search lists matching authors by downloads, then by name, at most the limit", "[grouping]") {
  // Every third author has no downloads at all, so ties are many and their order is by name.
  Store s = random_store(23, 4000);
  test::rewrite_series(s, [&](std::size_t r, auto& pairs) {
    if (s.author[r] % 3 == 0) pairs.clear();
  });
  Engine engine(s, 40);
  const std::vector<std::uint64_t> dl = author_downloads(s);
  for (auto [prefix, limit] : std::initializer_list<std::pair<const char*, std::size_t>>{
           {"USER1", 200}, {"user2", 7}, {"", 30}, {"user29", 3}, {"nobody", 5}}) {
    INFO(prefix << " " << limit);
    std::vector<std::uint32_t> want;
    for (std::uint32_t a = 1; a < s.authors.size(); ++a) {
      std::string name(s.authors[a]), p = prefix;
      for (auto& ch : p) ch = char(std::tolower(static_cast<unsigned char>(ch)));
      if (name.compare(0, p.size(), p) == 0) want.push_back(a);
    }
    std::sort(want.begin(), want.end(), [&](std::uint32_t x, std::uint32_t y) {
      return dl[x] != dl[y] ? dl[x] > dl[y] : s.authors[x] < s.authors[y];
    });
    if (want.size() > limit) want.resize(limit);
    std::string got = engine.orgs_matching(prefix, limit), expect_names, got_names;
    for (auto a : want) expect_names += std::string(s.authors[a]) + "=" + std::to_string(dl[a]) + " ";
    for (std::size_t at = got.find("\"org\":\""); at != std::string::npos; at = got.find("\"org\":\"", at + 1)) {
      std::size_t name = at + 7, downloads = got.find("\"downloads\":", at) + 12;
      got_names += got.substr(name, got.find('"', name) - name) + "=" +
                   got.substr(downloads, got.find('}', downloads) - downloads) + " ";
    }
    CHECK(got_names == expect_names);
  }
  std::vector<std::uint64_t> sorted(dl.begin() + 1, dl.end());
  std::sort(sorted.begin(), sorted.end());
  std::size_t ties = 0;
  for (std::size_t k = 1; k < sorted.size(); ++k) ties += sorted[k] == sorted[k - 1];
  CHECK(ties > 50);
}
