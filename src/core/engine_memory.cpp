// Where an engine's memory goes, table by table: `hubreport timings` prints it, to find what a heap budget should cut.
#include "engine.h"

namespace hubreport {

namespace {

template <class V>
std::size_t bytes_of(const V& v) {
  return v.capacity() * sizeof(typename V::value_type);
}

std::size_t bytes_of(const Posting& p) {
  return bytes_of(p.start) + bytes_of(p.items) + bytes_of(p.run_start) + bytes_of(p.run_first) + bytes_of(p.run_end);
}

std::size_t bytes_of(const Engine::SegmentCells& c) {
  return bytes_of(c.start) + bytes_of(c.key) + bytes_of(c.models) + bytes_of(c.lifetime);
}


}  // namespace

std::vector<std::pair<std::string, std::size_t>> Engine::memory_parts() const {
  const Store& s = store_;
  std::vector<std::pair<std::string, std::size_t>> parts = {
      {"rows: series values", s.series_downloads.memory_bytes()},
      {"rows: series offsets and first months", s.series_start.memory_bytes() + s.series_begin_bytes()},
      {"rows: lifetime downloads", s.downloads_all.memory_bytes()},
      {"rows: parameters", s.params.memory_bytes()},
      {"rows: likes", s.likes.memory_bytes()},
      {"rows: type, created, last 30 days", bytes_of(s.type) + bytes_of(s.created) + bytes_of(s.downloads30)},
      {"rows: filter columns (lean engines give them back)",
       bytes_of(s.relation) + bytes_of(s.sdk) + bytes_of(s.depth) + bytes_of(s.size) + bytes_of(s.row_country) +
           bytes_of(s.row_sector) + bytes_of(s.task) + bytes_of(s.library) + bytes_of(s.license) + bytes_of(s.author) +
           bytes_of(s.family)},
      {"dictionaries: organisation names", s.authors.memory_bytes() + bytes_of(s.author_country) + bytes_of(s.author_sector)},
      {"dictionaries: family names", s.families.memory_bytes()},
      {"items", items_.memory_bytes()},
      {"items: downloads to date, per creation entry models and lifetimes",
       item_downloads_.memory_bytes() + created_known_.memory_bytes() + created_lifetime_.memory_bytes()},
      {"items rolled up: coarse (sized downloads included)", coarse_.memory_bytes() + coarse_known_.memory_bytes() + coarse_lifetime_.memory_bytes()},
      {"items rolled up: by publisher", by_org_.memory_bytes()},
      {"items rolled up: by family", by_family_.memory_bytes() + bytes_of(by_family_posting_)},
      {"walk: models by lifetime", by_lifetime_.memory_bytes() + bytes_of(lifetime_prefix_)},
      {"walk: rolled up", bytes_of(rolled_walk_item_)},
      {"walk: segment cells", bytes_of(walk_segments_.by_item) + bytes_of(walk_segments_.by_month)},
      {"walk: by family", bytes_of(family_walk_)},
      {"row blocks' items", bytes_of(block_item_)},
      {"publishers: folded authors' rows and orders",
       bytes_of(folded_row_start_) + bytes_of(folded_rows_) + bytes_of(folded_order_) + bytes_of(folded_by_rows_)},
      {"publishers: downloads, kept set and bounds",
       bytes_of(author_downloads_) + bytes_of(kept_) + bytes_of(kept_order_) + bytes_of(kept_slot_) + bytes_of(kept_year_dl_)},
      {"families: order and derivatives", bytes_of(family_order_) + bytes_of(family_derivatives_)},
  };
  std::size_t dims = 0, postings = 0;
  for (const auto& v : kept_dim_dl_) dims += bytes_of(v);
  for (const auto& p : postings_) postings += bytes_of(p);
  parts.emplace_back("publishers: downloads by dimension value", dims);
  parts.emplace_back("postings", postings);
  return parts;
}

}  // namespace hubreport
