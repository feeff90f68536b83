// The engine: a loaded Store, its rows grouped into items (items.h), and what the views need to answer a state.
#pragma once
#include <algorithm>
#include <array>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "items.h"
#include "rollup.h"
#include "result.h"
#include "slice.h"
#include "state.h"
#include "store.h"

namespace hubreport {

// Items to scan and which of them pass the filters. Bit d of mask[item] is set when the item fails dimension d, so a
// view that ignores its own dimension (cross-filtering) tests (mask & ~own) == 0.
// Models with known lifetime downloads in the order the concentration views walk them (most downloaded first), column
// by column: 8 bytes a model (lifetimes of 65,535 and more, 21,580 of the default snapshot's 2.5M models, exact in a
// list apart, which the order puts first), where whole entries took 12 and the rolled-up walk repeated 8 of them.
class ModelWalk {
 public:
  void push_back(std::uint64_t lifetime, std::uint32_t item, Month created) {
    lifetime_.push_back(lifetime), item_.push_back(item), created_.push_back(created);
  }
  void reserve(std::size_t n) { lifetime_.reserve(n), item_.reserve(n), created_.reserve(n); }
  std::size_t size() const { return item_.size(); }
  std::uint64_t lifetime(std::size_t j) const { return lifetime_[j]; }
  std::uint32_t item(std::size_t j) const { return item_[j]; }
  Month created(std::size_t j) const { return created_[j]; }
  void set_item(std::size_t j, std::uint32_t item) { item_[j] = item; }
  // The hot loops read the columns directly: a lifetime of kWideLifetime is exact in lifetime(j).
  static constexpr std::uint16_t kWideLifetime = 0xFFFF;
  const std::uint16_t* low_lifetimes() const { return lifetime_.low_data(); }
  const std::uint32_t* items() const { return item_.data(); }
  const Month* created_months() const { return created_.data(); }
  // The models in the order order[j] (a permutation of the places).
  void permute(const std::vector<std::uint32_t>& order);
  std::size_t memory_bytes() const {
    return lifetime_.memory_bytes() + item_.capacity() * sizeof(std::uint32_t) + created_.capacity() * sizeof(Month);
  }

 private:
  Narrow<std::uint16_t, std::uint64_t> lifetime_;
  std::vector<std::uint32_t> item_;
  std::vector<Month> created_;
};

// Lifetime concentration of the filtered models (shared by the headline and the concentration view).
struct Concentration {
  std::uint64_t models = 0, total = 0, unknown = 0;
  std::vector<std::pair<std::size_t, double>> top;      // N -> share of downloads held by the top N
  std::vector<std::pair<std::uint64_t, double>> under;  // K -> share of models with fewer than K downloads
  std::vector<std::pair<double, double>> lorenz;        // bottom fraction -> its share of downloads
};

struct Pass {
  const Items* items = nullptr;
  std::vector<std::uint16_t> mask;
  std::uint16_t filtered = 0;  // bit d: the state filters dimension d
  // Per filtered dimension, the values it allows (possibly none: a name the snapshot does not have).
  std::array<std::vector<std::uint32_t>, kDimCount> allowed;
  // Models with known lifetime downloads, most downloaded first, as (row, item).
  const ModelWalk* by_lifetime = nullptr;
};

// The views that count repositories created and downloads by one category of their items: geography (country),
// sectors, tasks (type and task), licenses, libraries, SDKs and sizes (models by size bucket). Their sums by category
// value and axis slot, value-major ([value * slots + slot]; SDKs without downloads).
enum class CategoryView : std::uint8_t { geography, sectors, tasks, licenses, libraries, sdks, sizes, count };
constexpr std::size_t kCategoryViews = std::size_t(CategoryView::count);
struct CategorySums {
  std::array<std::vector<std::uint64_t>, kCategoryViews> repos, downloads;
  std::array<bool, kCategoryViews> filled{};
};

struct FilterPass {
  FilterPass() = default;
  FilterPass(const FilterPass&) = delete;  // `named` points into this object
  FilterPass& operator=(const FilterPass&) = delete;
  Pass all;                  // every repository (the org filter can only pass kept authors here)
  Pass coarse;               // the rolled-up items (rollup.h), when no org or family filter is set
  Pass named;                // when the org filter names folded authors: just the named authors' repositories
  Pass by_org;               // the items rolled up by publisher (rollup.h), when only publisher dimensions are filtered
  Pass by_family;            // the items rolled up by family, when only those, family, relation and size are filtered
  Items named_items;
  ModelWalk named_by_lifetime;
  mutable std::unique_ptr<Concentration> concentration;  // computed once per state
  // When every view is asked for (Engine::all_views_json): the category views' sums, filled for all of them by the
  // first one computed, in one pass that reads each item's creations and downloads once rather than once per view.
  bool count_categories_together = false;
  mutable CategorySums category_sums;
  Month lo = 0, hi = 0;      // the time window, inclusive
  bool windowed = false;     // from or to was given
  Month axis_first = 0;      // first month shown on time axes
  // Views that honour the org filter read `named` when it is in use.
  const Pass& for_view(bool ignores_org) const { return named.items && !ignores_org ? named : all; }
  // Views that break down by neither org nor family read the rolled-up items when they can.
  const Pass& for_view(bool ignores_org, bool by_org_or_family) const {
    return coarse.items && !by_org_or_family ? coarse : for_view(ignores_org);
  }
};

// Items by the value of one dimension: value v has start[v + 1] - start[v] items, listed in items[start[v] ..
// start[v + 1]), or, in a posting made of runs, as the runs of consecutive items [run_first[j], run_end[j]) for j in
// [run_start[v], run_start[v + 1]). Rows are ordered by profile, so on most dimensions an item's neighbours share its
// value: type, country, sector, task, library, license, relation, size and SDK take 3 to 14,000 runs for 925K items
// in the default snapshot (33 MB less than lists), while org and family stay lists.
struct Posting {
  std::vector<std::uint32_t> start, items;
  std::vector<std::uint32_t> run_start, run_first, run_end;
  bool runs() const { return !run_start.empty(); }
  // Appends value v's items to out, in ascending order.
  void append(std::size_t v, std::vector<std::uint32_t>& out) const {
    if (!runs()) {
      out.insert(out.end(), items.begin() + start[v], items.begin() + start[v + 1]);
      return;
    }
    std::size_t at = out.size();
    out.resize(at + (start[v + 1] - start[v]));
    std::uint32_t* to = out.data() + at;
    for (std::uint32_t j = run_start[v]; j < run_start[v + 1]; ++j)
      for (std::uint32_t i = run_first[j]; i < run_end[j]; ++i) *to++ = i;
  }
};

// Per creation entry (items.h): models with known lifetime downloads and the sum of those, narrow (narrow.h): for the
// default snapshot's main and rolled-up tables, 14.1 MB of heap instead of 26.6.
using EntryCounts = Narrow<std::uint16_t, std::uint32_t>;
using EntrySums = Narrow<std::uint32_t, std::uint64_t>;

class Engine {
 public:
  // kept_per_measure: how many of the most downloaded (and of the most prolific) authors keep items of their own.
  // walk_segment: models per segment of the concentration walk (walk_segments(); tests make it small).
  // rows: lean releases the store's per-row filter columns once the tables hold them (Store::release_filter_columns;
  // 88 MB at 4.4M repositories): the page's engine. Answers are the same; only a whole store can be written out.
  enum class StoreRows { whole, lean };
  static constexpr std::size_t kKeptPerMeasure = 2000, kWalkSegment = 8192;
  explicit Engine(Store store, std::size_t kept_per_measure = kKeptPerMeasure, std::size_t walk_segment = kWalkSegment,
                  StoreRows rows = StoreRows::whole);
  const Store& store() const { return store_; }
  const Items& items() const { return items_; }
  const Items* items_table() const { return &items_; }
  const EntryCounts& created_known() const { return created_known_; }
  // Families with derivatives, most first by their count over all time (a bound on any filter and window), and
  // that count: the families view scans the families that can still make its top 15, through their posting.
  const std::vector<std::uint32_t>& family_order() const { return family_order_; }
  const std::vector<std::uint32_t>& family_derivatives() const { return family_derivatives_; }
  // A modality filter allows tasks (state.h), so it reads the tasks' posting.
  const Posting& posting(Dim d) const { return postings_[int(d == Dim::modality ? Dim::task : d)]; }
  // For each model in by_lifetime order, its rolled-up item: the concentration walk when the state can use the rolled-up
  // table, whose mask stays in cache. Empty when the rolled-up table has 0xFFFF items or more.
  const std::vector<std::uint16_t>& rolled_walk_item() const { return rolled_walk_item_; }
  // The rolled-up walk cut into segments of `length` models, and per segment its models counted and summed by a key:
  // a walk adds up a segment where no mark falls from these cells instead of stepping through its models.
  struct SegmentCells {
    std::vector<std::uint32_t> start;  // segment s's cells: [start[s], start[s + 1])
    std::vector<std::uint16_t> key, models;
    std::vector<std::uint64_t> lifetime;
  };
  struct WalkSegments {
    std::size_t length = 0;
    // By rolled-up item, the models a state without from/to counts (created by the snapshot month, or unknown): any
    // filter with no window.
    SegmentCells by_item;
    // By creation month (kUnknownMonth included): a window when the filters pass every model.
    SegmentCells by_month;
  };
  const WalkSegments& walk_segments() const { return walk_segments_; }
  // The walk by family: positions in by_lifetime_list() of each family's models, ascending (family_walk[start[f] ..
  // start[f + 1]); models of no family are left out). A family filter walks its families' models only.
  const Posting& family_walk() const { return family_walk_; }
  // Per creation entry of the rolled-up table: models with known lifetime downloads, and their sum.
  const EntryCounts& coarse_known() const { return coarse_known_; }
  const EntrySums& coarse_lifetime() const { return coarse_lifetime_; }
  const ModelWalk* by_lifetime_list() const { return &by_lifetime_; }
  // Lifetime downloads of by_lifetime_list()[0 .. j) for j = 0, kPrefixStep, 2 * kPrefixStep, ...: when every model
  // passes, the concentration reads its marks from these instead of walking.
  static constexpr std::size_t kPrefixStep = 64;
  const std::vector<std::uint64_t>& lifetime_prefix() const { return lifetime_prefix_; }
  bool fast_paths() const { return fast_paths_; }
  const EntrySums& created_lifetime() const { return created_lifetime_; }

  Result<Slice> view(const ViewState& state, std::string_view name);
  // Every view, as {"headline":{...slice...},"growth":{...},...}.
  Result<std::string> all_views_json(const ViewState& state);
  // Namespaces starting with prefix (case-insensitive), most downloaded first: for the searchable org filter.
  std::string orgs_matching(std::string_view prefix, std::size_t limit) const;
  // Known values of a filter dimension with their repository counts, most frequent first.
  Result<std::string> dimension_values(std::string_view dim) const;

  // The bytes each of the engine's tables holds, by name (engine_memory.cpp): what `hubreport timings` prints.
  std::vector<std::pair<std::string, std::size_t>> memory_parts() const;

  void filter(const ViewState& state, FilterPass& out) const;
  Result<Slice> view(const ViewState& state, const FilterPass& pass, std::string_view name) const;
  // The items a view must scan: those with an allowed value of its most selective filtered dimension (the view's own
  // dimensions excluded), or every item (empty, with *all = true) when no filter applies to it.
  std::vector<std::uint32_t> candidates(const Pass& pass, std::uint16_t own, bool* all) const;
  // Tests turn postings and caches off to check that the fast paths give the same slices as plain scans.
  void set_fast_paths(bool on) {
    use_postings_ = on, unfiltered_.clear(), recent_.clear(), pass_.reset(), fast_paths_ = on, caching_ = on;
  }
  // A selective filter without a window sorts its models when at most this many pass its candidate items, and
  // otherwise takes the rolled-up walk (views.cpp, concentration); tests make it 0 to check that walk on small stores.
  std::size_t models_to_sort() const { return models_to_sort_; }
  void set_models_to_sort(std::size_t n) { models_to_sort_ = n; }
  // Benchmarks turn the answer caches off to time real recomputations.
  void set_caching(bool on) { unfiltered_.clear(), recent_.clear(), pass_.reset(), caching_ = on; }

 private:
  Slice orgs_view(const ViewState& state, const FilterPass& pass) const;
  Slice families_view(const FilterPass& pass) const;
  FilterPass& pass_for(const ViewState& state);
  // Whether view() answers `name` from the cache of views that no filter touches (unfiltered_).
  bool answered_from_cache(const ViewState& state, const FilterPass& pass, std::string_view name) const;
  Result<Slice> compute_view(const ViewState& state, const FilterPass& pass, std::string_view name) const;
  void mask_items(const ViewState& state, Pass& pass) const;
  // The item of items_ that holds row r: a search of first_row between the items holding the first rows of r's block
  // and of the next (a few dozen items, in a few cache lines), where a table of every row's item would cost 4 bytes
  // a row (17.6 MB at 4.4M repositories; a search of all of first_row made the orgs view twice as slow).
  static constexpr int kRowBlockBits = 8;
  std::uint32_t item_of_row(std::uint32_t r) const {
    const std::size_t b = r >> kRowBlockBits;
    auto first = items_.first_row.begin() + block_item_[b], last = items_.first_row.begin() + block_item_[b + 1] + 1;
    return std::uint32_t(std::upper_bound(first, last, r) - items_.first_row.begin() - 1);
  }

  Store store_;
  // The last few answers of all_views_json by canonical state: back/forward and undoing a filter are instant.
  std::vector<std::pair<std::string, std::string>> recent_;
  std::string pass_key_;  // the state pass_ was filtered for
  std::unique_ptr<FilterPass> pass_;
  std::vector<std::uint8_t> kept_;               // authors kept apart in items
  Items items_;
  Items coarse_;                                 // items_ rolled up across org and family
  Items by_org_;                                 // items_ rolled up across all but org, type, country and sector
  Items by_family_;                              // items_ rolled up across all but family, relation, depth, size,
                                                 // type, country and sector (creation entries only)
  Posting by_family_posting_;                    // by_family_'s items by family
  EntrySums item_downloads_;                     // per item of items_: downloads up to the snapshot month
  // Per creation entry of items_ (aligned with created_month): models with known lifetime downloads, and their sum.
  EntryCounts created_known_;
  EntrySums created_lifetime_;
  std::vector<std::uint32_t> family_order_, family_derivatives_;
  ModelWalk by_lifetime_;
  std::vector<std::uint32_t> block_item_;  // per block of 2^kRowBlockBits rows, the item holding its first row; then one
                                           // past the last item
  std::vector<std::uint64_t> lifetime_prefix_;
  std::vector<std::uint16_t> rolled_walk_item_;
  WalkSegments walk_segments_;
  Posting family_walk_;
  EntryCounts coarse_known_;
  EntrySums coarse_lifetime_;
  std::array<Posting, kDimCount> postings_;
  // Slices of views that no filter of their state touches, by view and time window: after one filter click only
  // the views it filters are recomputed.
  mutable std::vector<std::pair<std::string, Slice>> unfiltered_;
  bool use_postings_ = true, fast_paths_ = true, caching_ = true;
  std::size_t models_to_sort_ = 32768;
  std::vector<std::uint64_t> author_downloads_;  // lifetime downloads per author (org search, orgs bound)
  std::uint64_t folded_max_downloads_ = 0;       // the most any folded author ever had
  std::vector<std::uint32_t> folded_order_;      // folded authors with repositories, most downloaded first (then most repositories)
  std::vector<std::uint32_t> folded_by_rows_;    // the same, most repositories first (then by number)
  std::vector<std::uint32_t> folded_row_start_, folded_rows_;  // rows of each folded author (empty for kept ones)
  // Kept authors with items, most downloaded first, and their downloads per calendar year (kept_year_dl_[slot * 100
  // + year - 2000], slot = kept_slot_[author]): a bound on what any filter leaves of them in any window, so the
  // orgs leaderboard scans only the authors that can still make its top 50.
  std::vector<std::uint32_t> kept_order_, kept_slot_;
  std::vector<std::uint64_t> kept_year_dl_;
  // And their downloads (all months) by the value of an item dimension with at most 256 values (relation, size, sdk,
  // task, library, license; kept_dim_dl_[d][slot * kept_dim_values_[d] + value], empty for the others): a tighter
  // bound under a filter on that dimension.
  std::array<std::vector<std::uint64_t>, kDimCount> kept_dim_dl_;
  std::array<std::size_t, kDimCount> kept_dim_values_{};
  Month data_first_ = 0;                         // earliest creation or download month
};

}  // namespace hubreport
