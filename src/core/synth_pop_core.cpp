// Population basics: the calendar, interning, unique ids, authors (curated publishers and a Zipf pool of
// community accounts), and the final ordering of repositories by creation time.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <numeric>

#include "synth_catalog.h"
#include "synth_pop.h"

namespace hubreport::synthgen {

namespace {

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int days_in(int y, int m) {
  static const int d[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : d[m - 1];
}
std::uint64_t hash_lower(std::string_view s, std::uint64_t h) {
  for (unsigned char c : s) h = (h ^ std::uint64_t(c >= 'A' && c <= 'Z' ? c + 32 : c)) * 0x100000001B3ull;
  return splitmix64(h);
}
std::uint64_t id_prefix(std::uint8_t type, std::uint32_t author) {
  std::uint64_t x = (std::uint64_t(author) << 2 | type) ^ 0xA5A5A5A5ull;
  return splitmix64(x);
}
std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

int size_class(std::uint64_t params) {
  if (params == 0) return 5;
  if (params < 1000000000ull) return 0;
  if (params < 5000000000ull) return 1;
  if (params < 10000000000ull) return 2;
  if (params < 100000000000ull) return 3;
  return 4;
}

std::uint16_t Dict::intern(std::string_view s) {
  auto it = index_.find(std::string(s));
  if (it != index_.end()) return it->second;
  auto k = std::uint16_t(names_.size());
  names_.emplace_back(s);
  index_.emplace(std::string(s), k);
  return k;
}

void Population::init_calendar() {
  const std::string& d = options.date;
  int year = std::atoi(d.substr(0, 4).c_str()), mon = std::atoi(d.substr(5, 2).c_str());
  snapshot_day = std::atoi(d.substr(8, 2).c_str());
  months = (year - options.first_year) * 12 + (mon - 1);
  month_start.clear();
  std::int64_t t = 0;
  for (int m = 0; m <= months + 1; ++m) {
    month_start.push_back(t);
    int y = options.first_year + m / 12, mm = m % 12 + 1;
    t += std::int64_t(days_in(y, mm)) * 86400;
  }
  snapshot_time = month_start[std::size_t(months)] + std::int64_t(snapshot_day) * 86400;
}

int Population::month_of(std::int64_t t) const {
  auto it = std::upper_bound(month_start.begin(), month_start.end(), t);
  int m = int(it - month_start.begin()) - 1;
  return std::max(0, std::min(m, months));
}

std::int64_t Population::time_in_month(int month, Rng& rng) const {
  month = std::max(0, std::min(month, months));
  std::int64_t lo = month_start[std::size_t(month)];
  std::int64_t hi = month == months ? snapshot_time : month_start[std::size_t(month) + 1];
  return lo + std::int64_t(rng.uniform() * double(hi - lo));
}

int Population::month_from_text(const char* s) const {
  int y = std::atoi(s), m = std::atoi(s + 5);
  int k = (y - options.first_year) * 12 + (m - 1);
  return std::max(0, std::min(k, months));
}

std::string Population::iso(std::int64_t t) const {
  if (t < 0) t = 0;
  int m = month_of(t);
  std::int64_t in = t - month_start[std::size_t(m)];
  int day = int(in / 86400) + 1, sec = int(in % 86400);
  char b[40];
  std::snprintf(b, sizeof b, "%04d-%02d-%02dT%02d:%02d:%02d.000Z", options.first_year + m / 12, m % 12 + 1, day, sec / 3600,
                sec / 60 % 60, sec % 60);
  return b;
}

std::string Population::month_end_date(int m) const {
  int y = options.first_year + m / 12, mm = m % 12 + 1;
  char b[16];
  std::snprintf(b, sizeof b, "%04d-%02d-%02d", y, mm, days_in(y, mm));
  return b;
}

std::uint32_t Population::author(std::string_view name) const {
  auto it = author_index.find(lower(name));
  return it == author_index.end() ? kNone : it->second;
}

std::uint32_t Population::add_author(const std::string& name, std::uint8_t sector, std::uint8_t country) {
  auto [it, fresh] = author_index.emplace(lower(name), std::uint32_t(authors.size()));
  if (fresh) authors.push_back({name, sector, country});
  return it->second;
}

std::uint32_t Population::add_repo(Repo r, std::string_view name) {
  std::string base(name), candidate = base;
  std::uint64_t prefix_hash = id_prefix(r.type, r.author);
  for (std::uint64_t k = 2;; ++k) {
    std::uint64_t h = hash_lower(candidate, prefix_hash);
    if (claim(h, std::uint32_t(repos.size()))) break;
    // -2, then a pseudo-random number: prolific accounts reuse names ("test") thousands of times.
    std::uint64_t x = h + k;
    candidate = base + "-" + std::to_string(k == 2 ? 2 : 3 + splitmix64(x) % (k * 5000));
  }
  r.name_off = std::uint32_t(text.size());
  r.name_len = std::uint16_t(std::min<std::size_t>(candidate.size(), 0xFFFF));
  text += candidate;
  if (r.created < 0) r.created = 0;
  r.month = std::uint8_t(month_of(r.created));
  repos.push_back(r);
  return std::uint32_t(repos.size() - 1);
}

std::uint32_t Population::find(std::uint8_t type, std::string_view id) const {
  std::size_t slash = id.find('/');
  if (slash == std::string_view::npos) return kNone;
  std::uint32_t a = author(id.substr(0, slash));
  return a == kNone ? kNone : lookup(hash_lower(id.substr(slash + 1), id_prefix(type, a)));
}

bool Population::taken(std::uint8_t type, std::uint32_t a, std::string_view name) const {
  return lookup(hash_lower(name, id_prefix(type, a))) != kNone;
}

bool Population::claim(std::uint64_t h, std::uint32_t repo) {
  if (h == 0) h = 1;
  if (2 * (slot_used_ + 1) > slot_key_.size()) {  // grow to keep the load under one half
    std::vector<std::uint64_t> keys(std::max<std::size_t>(1024, slot_key_.size() * 2), 0);
    std::vector<std::uint32_t> vals(keys.size(), 0);
    for (std::size_t i = 0; i < slot_key_.size(); ++i) {
      if (!slot_key_[i]) continue;
      std::size_t j = slot_key_[i] & (keys.size() - 1);
      while (keys[j]) j = (j + 1) & (keys.size() - 1);
      keys[j] = slot_key_[i], vals[j] = slot_repo_[i];
    }
    slot_key_.swap(keys);
    slot_repo_.swap(vals);
  }
  std::size_t mask = slot_key_.size() - 1, j = h & mask;
  for (; slot_key_[j]; j = (j + 1) & mask)
    if (slot_key_[j] == h) return false;
  slot_key_[j] = h, slot_repo_[j] = repo;
  ++slot_used_;
  return true;
}

std::uint32_t Population::lookup(std::uint64_t h) const {
  if (h == 0) h = 1;
  if (slot_key_.empty()) return kNone;
  std::size_t mask = slot_key_.size() - 1;
  for (std::size_t j = h & mask; slot_key_[j]; j = (j + 1) & mask)
    if (slot_key_[j] == h) return slot_repo_[j];
  return kNone;
}

std::uint32_t Population::pick_community(Rng& rng) const {
  const double s = 1.1, q = 20, a = 1 - s;
  if (zipf_size_ != community.size()) {
    zipf_size_ = community.size();
    zipf_lo_ = dpow(q + 1, a);
    zipf_hi_ = dpow(q + 1 + double(community.size()), a);
  }
  double x = dpow(zipf_lo_ + rng.uniform() * (zipf_hi_ - zipf_lo_), 1 / a);
  auto k = std::size_t(x - q - 1);
  return community[std::min(k, community.size() - 1)];
}

int family_plan(const char* family) {
  if (!family || !*family) return -1;
  for (std::size_t i = 0; i < kFamilyPlanCount; ++i)
    if (std::string_view(kFamilyPlans[i].family) == family) return int(i);
  return -1;
}

const char* pick_license(Rng& rng) {
  double total = 0;
  for (std::size_t i = 0; i < kLicenseCount; ++i) total += kLicenses[i].weight;
  double x = rng.uniform() * total;
  for (std::size_t i = 0; i < kLicenseCount; ++i)
    if ((x -= kLicenses[i].weight) < 0) return kLicenses[i].name;
  return kLicenses[0].name;
}

double month_seconds() { return 30.436875 * 86400; }

void make_authors(Population& p, const std::vector<Publisher>& publishers) {
  for (auto& pub : publishers) {
    std::uint8_t sector = pub.sector == "industry" ? kIndustry : pub.sector == "community" ? kCommunity : kInstitution;
    std::uint8_t country = pub.country == "US" ? kUS : pub.country == "CN" ? kCN : pub.country.empty() ? kUnknownCountry : kOtherCountry;
    p.add_author(pub.ns, sector, country);
  }
  p.curated = std::uint32_t(p.authors.size());
  p.family_roots.assign(kFamilyPlanCount, {});
  // Namespaces the catalog names that the curated table does not list: community, country unknown (as the builder
  // will count them).
  for (std::size_t i = 0; i < kModelLineCount; ++i)
    if (p.author(kModelLines[i].org) == kNone) p.add_author(kModelLines[i].org, kCommunity, kUnknownCountry);
  for (std::size_t i = 0; i < kQuantizerCount; ++i)
    if (p.author(kQuantizers[i].org) == kNone) p.add_author(kQuantizers[i].org, kCommunity, kUnknownCountry);
  // The community pool: individuals and small groups, about one account per three community repositories.
  Rng rng(p.seed, "authors");
  std::size_t want = std::size_t(700000 * p.options.scale) + 300;
  p.community.reserve(want);
  while (p.community.size() < want) {
    std::string h = community_handle(rng);
    if (p.author(h) != kNone) continue;
    p.community.push_back(p.add_author(h, kCommunity, kUnknownCountry));
  }
}

void finish_population(Population& p) {
  std::vector<std::pair<std::int64_t, std::uint32_t>> keys(p.repos.size());
  for (std::uint32_t i = 0; i < p.repos.size(); ++i) keys[i] = {p.repos[i].created, i};
  std::sort(keys.begin(), keys.end());
  std::vector<std::uint32_t> order(keys.size());
  for (std::size_t i = 0; i < keys.size(); ++i) order[i] = keys[i].second;
  std::vector<std::uint32_t> where(order.size());
  for (std::size_t i = 0; i < order.size(); ++i) where[order[i]] = std::uint32_t(i);
  std::vector<Repo> sorted;
  sorted.reserve(order.size());
  for (auto k : order) {
    Repo r = p.repos[k];
    if (r.parent != kNone) r.parent = where[r.parent];
    if (r.parent2 != kNone) r.parent2 = where[r.parent2];
    r.month = std::uint8_t(p.month_of(r.created));
    if (r.modified < r.created) r.modified = r.created;
    if (r.modified >= p.snapshot_time) r.modified = p.snapshot_time - 1;
    const Author& a = p.authors[r.author];
    r.cell = std::uint8_t((a.sector * 4 + a.country) * kSizeClasses + size_class(r.params));
    sorted.push_back(r);
  }
  p.repos = std::move(sorted);
}

}  // namespace hubreport::synthgen
