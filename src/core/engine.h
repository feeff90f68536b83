// The engine: a loaded Store plus what the views need to answer a state quickly.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "result.h"
#include "slice.h"
#include "state.h"
#include "store.h"

namespace hubreport {

// Which rows pass the state's filters. Bit d of mask[row] is set when the row fails dimension d, so a view that
// ignores its own dimension (cross-filtering) tests (mask & ~own) == 0.
struct FilterPass {
  std::vector<std::uint16_t> mask;
  Month lo = 0, hi = 0;      // the time window, inclusive
  bool windowed = false;     // from or to was given
  Month axis_first = 0;      // first month shown on time axes
};

class Engine {
 public:
  explicit Engine(Store store);
  const Store& store() const { return store_; }

  Result<Slice> view(const ViewState& state, std::string_view name);
  // Every view, as {"headline":{...slice...},"growth":{...},...}.
  Result<std::string> all_views_json(const ViewState& state);
  // Namespaces starting with prefix (case-insensitive), most downloaded first: for the searchable org filter.
  std::string orgs_matching(std::string_view prefix, std::size_t limit) const;
  // Known values of a filter dimension with their repository counts, most frequent first.
  Result<std::string> dimension_values(std::string_view dim) const;

  FilterPass filter(const ViewState& state) const;
  Result<Slice> view(const ViewState& state, const FilterPass& pass, std::string_view name);

 private:
  Store store_;
  Month data_first_ = 0;                     // earliest creation or download month
  std::vector<std::uint32_t> models_by_lifetime_;  // model rows with known lifetime downloads, most first
  std::vector<std::uint64_t> author_downloads_;    // lifetime downloads per author (org search ranking)
};

}  // namespace hubreport
