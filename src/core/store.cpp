#include "store.h"

namespace hubreport {

void Store::derive_row_fields() {
  row_country.resize(rows());
  row_sector.resize(rows());
  size.resize(rows());
  for (std::size_t i = 0; i < rows(); ++i) {
    row_country[i] = author_country[author[i]];
    row_sector[i] = author_sector[author[i]];
    size[i] = std::uint8_t(type[i] == std::uint8_t(RepoType::model) ? size_bucket(double(params[i])) : SizeBucket::unknown);
  }
}

Store Store::permuted(const std::vector<std::uint32_t>& order) const {
  Store p;
  p.info = info;
  p.countries = countries, p.authors = authors, p.tasks = tasks, p.libraries = libraries, p.licenses = licenses;
  p.families = families, p.author_country = author_country, p.author_sector = author_sector, p.task_modality = task_modality;
  auto apply = [&](auto& out, const auto& in) {
    out.resize(order.size());
    for (std::size_t i = 0; i < order.size(); ++i) out[i] = in[order[i]];
  };
  apply(p.type, type), apply(p.author, author), apply(p.created, created), apply(p.downloads30, downloads30);
  apply(p.task, task), apply(p.library, library);
  for (auto r : order) p.downloads_all.push_back(downloads_all[r]), p.likes.push_back(likes[r]);
  apply(p.license, license), apply(p.family, family), apply(p.relation, relation), apply(p.depth, depth);
  apply(p.sdk, sdk);
  for (auto r : order) p.params.push_back(params[r]);
  p.params.finish();
  apply(p.series_begin, series_begin);
  p.series_start = SeriesStarts();
  p.series_start.push_back(0);
  p.series_downloads.reserve(series_downloads.size());
  for (auto r : order) {
    p.series_downloads.append(series_downloads, series_start[r], series_start[r + 1]);
    p.series_start.push_back(std::uint32_t(p.series_downloads.size()));
  }
  p.derive_row_fields();
  return p;
}

template <class V>
static std::size_t bytes_of(const V& v) {
  return v.capacity() * sizeof(typename V::value_type);
}

std::size_t Store::memory_bytes() const {
  std::size_t n = bytes_of(type) + bytes_of(relation) + bytes_of(size) + bytes_of(sdk) + bytes_of(depth) +
                  bytes_of(author) + bytes_of(family) + bytes_of(task) + bytes_of(library) + bytes_of(license) +
                  bytes_of(created) + bytes_of(downloads30) + likes.memory_bytes() + downloads_all.memory_bytes() +
                  params.memory_bytes() + series_start.memory_bytes() + series_begin_bytes() + series_downloads.memory_bytes() +
                  bytes_of(row_country) + bytes_of(row_sector) + bytes_of(author_country) + bytes_of(author_sector);
  for (auto* dict : {&countries, &authors, &tasks, &libraries, &licenses, &families}) n += dict->memory_bytes();
  return n;
}

Store::SeriesBytes Store::series_bytes(std::size_t r) const { return {series_start[r], series_start[r + 1]}; }

Month Store::series_first_month(std::size_t r) const {
  if (!series_begin.empty()) return series_begin[r];
  return unusual_begin_[r] ? unusual_begin_months_[unusual_begin_.rank(r)] : usual_series_begin(r);
}

void Store::release_filter_columns() {
  for (auto* v : {&relation, &sdk, &depth, &size, &row_country, &row_sector}) std::vector<std::uint8_t>().swap(*v);
  for (auto* v : {&task, &library, &license}) std::vector<std::uint16_t>().swap(*v);
  for (auto* v : {&author, &family}) std::vector<std::uint32_t>().swap(*v);
  std::size_t models_end = type.size();
  while (models_end > 0 && type[models_end - 1] != std::uint8_t(RepoType::model)) --models_end;
  downloads_all.truncate(models_end);
  unusual_begin_.reserve(rows());
  for (std::size_t r = 0; r < rows(); ++r) {
    const bool unusual = has_series(r) && series_begin[r] != usual_series_begin(r);
    unusual_begin_.push_back(unusual);
    if (unusual) unusual_begin_months_.push_back(series_begin[r]);
  }
  std::vector<Month>().swap(series_begin);
}

std::string Store::validate() const {
  std::size_t n = rows();
  auto same = [&](std::size_t size, const char* name) -> std::string {
    return size == n ? "" : std::string("column '") + name + "' has " + std::to_string(size) + " rows, expected " + std::to_string(n);
  };
  for (auto err : {same(relation.size(), "relation"), same(sdk.size(), "sdk"),
                   same(depth.size(), "depth"), same(author.size(), "author"), same(family.size(), "family"),
                   same(task.size(), "task"), same(library.size(), "library"), same(license.size(), "license"),
                   same(created.size(), "created"), same(downloads30.size(), "downloads30"), same(likes.size(), "likes"),
                   same(downloads_all.size(), "downloads_all"), same(params.size(), "params")})
    if (!err.empty()) return err;
  if (series_start.too_long()) return "download series offsets do not fit (past 2^31 bytes of series, or going backwards)";
  if (series_start.size() != n + 1 || series_start[0] != 0 || series_start[n] != series_downloads.size() ||
      series_begin.size() != n)
    return "download series offsets do not match the rows";
  if (countries.empty() || authors.empty() || tasks.empty() || libraries.empty() || licenses.empty() || families.empty())
    return "a dictionary is empty";
  if (author_country.size() != authors.size() || author_sector.size() != authors.size())
    return "author country/sector lists do not match the authors";
  if (task_modality.size() != tasks.size()) return "task modality list does not match the tasks";
  for (auto c : author_country)
    if (c >= countries.size()) return "author country out of range";
  for (auto s : author_sector)
    if (s >= kSectorNames.size()) return "author sector out of range";
  for (auto m : task_modality)
    if (m >= kModalityNames.size()) return "task modality out of range";
  auto check = [&](const auto& col, std::size_t limit, const char* name) -> std::string {
    for (auto v : col)
      if (std::size_t(v) >= limit) return std::string("value out of range in column '") + name + "'";
    return "";
  };
  for (auto err : {check(type, kRepoTypeNames.size(), "type"), check(relation, kRelationNames.size(), "relation"),
                   check(sdk, kSdkNames.size(), "sdk"),
                   check(author, authors.size(), "author"), check(family, families.size(), "family"),
                   check(task, tasks.size(), "task"), check(library, libraries.size(), "library"),
                   check(license, licenses.size(), "license")})
    if (!err.empty()) return err;
  for (std::size_t i = 0; i < n; ++i) {
    if (created[i] != kUnknownMonth && created[i] >= 1200) return "creation month out of range";
    if (downloads_all[i] != kUnknownTotal && downloads_all[i] > kMaxLifetime) return "lifetime downloads out of range";
    if (series_start[i + 1] < series_start[i]) return "download series offsets go backwards";
    if (series_start[i + 1] > series_start[i] && std::size_t(series_begin[i]) + series_months(i) > 1200)
      return "download month out of range";
  }
  return "";
}

std::size_t Store::series_points() const {
  std::size_t n = 0;
  series_downloads.each(0, series_downloads.size(), [&](std::uint32_t d) { n += d != 0; });
  return n;
}

}  // namespace hubreport
