#include "builder.h"

#include "items.h"

#include <algorithm>
#include <cctype>
#include <numeric>
#include <unordered_map>

namespace hubreport {

std::string date_in_name(std::string_view name) {
  for (std::size_t i = 0; i + 10 <= name.size(); ++i)
    if (is_valid_date(name.substr(i, 10)) && (i == 0 || !std::isdigit(static_cast<unsigned char>(name[i - 1]))))
      return std::string(name.substr(i, 10));
  return "";
}

bool is_valid_date(std::string_view d) {
  if (d.size() != 10 || d[7] != '-') return false;
  for (std::size_t i : {8u, 9u})
    if (!std::isdigit(static_cast<unsigned char>(d[i]))) return false;
  int day = (d[8] - '0') * 10 + (d[9] - '0');
  return parse_month(d.substr(0, 7)).has_value() && day >= 1 && day <= 31;
}

namespace {

// Families in alphabetical order (index 0 keeps its special meaning): neighbouring names share prefixes, which
// compresses the dictionary by a quarter. (Authors keep their order of first appearance: sorting them too shrank the
// dictionary but grew the delta-coded author column by more.)
void sort_names(Store& s) {
  const Names& names = s.families;
  std::vector<std::uint32_t> order(names.size());
  std::iota(order.begin(), order.end(), 0u);
  if (names.size() > 1)
    std::sort(order.begin() + 1, order.end(), [&](std::uint32_t x, std::uint32_t y) { return names[x] < names[y]; });
  std::vector<std::uint32_t> family_index(names.size());
  Names sorted;
  for (std::uint32_t k = 0; k < order.size(); ++k) family_index[order[k]] = k, sorted.push_back(names[order[k]]);
  s.families = std::move(sorted);
  for (auto& f : s.family) f = family_index[f];
}

class Interner {
 public:
  explicit Interner(std::string first) { intern(first); }
  std::uint32_t intern(const std::string& s) {
    auto [it, fresh] = index_.emplace(s, std::uint32_t(names_.size()));
    if (fresh) names_.push_back(s);
    return it->second;
  }
  std::vector<std::string>& names() { return names_; }

 private:
  std::unordered_map<std::string, std::uint32_t> index_;
  std::vector<std::string> names_;
};

struct Draft {
  std::uint32_t author = 0, parent = ~0u;  // parent: index into parents
  std::uint64_t downloads_all = kUnknownTotal, params = 0;
  std::uint32_t downloads30 = kUnknownCount, likes = kUnknownCount;
  Month created = kUnknownMonth;
  std::uint16_t task = 0, library = 0, license = 0;
  std::uint8_t type = 0, sdk = 0, relation = 0;
};

struct Observation {  // one appearance of a repository in one dump
  std::uint32_t repo;
  std::uint32_t date;  // YYYYMMDD
  std::uint64_t downloads_all;
  std::uint32_t downloads30;
};

std::uint32_t date_number(const std::string& d) {
  return std::uint32_t(std::stoul(d.substr(0, 4)) * 10000 + std::stoul(d.substr(5, 2)) * 100 + std::stoul(d.substr(8, 2)));
}
Month month_of_date_number(std::uint32_t n) { return make_month(int(n / 10000), int(n / 100 % 100)); }

std::string lower(std::string s) {
  for (auto& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::uint32_t saturate32(std::uint64_t v) { return v >= kUnknownCount ? kUnknownCount - 1 : std::uint32_t(v); }

}  // namespace

struct Builder::Impl {
  const ReferenceTables& ref;
  BuildOptions options;
  BuildReport report;
  Interner authors{"(none)"}, tasks{"unknown"}, libraries{"unknown"}, licenses{"unknown"};
  std::unordered_map<std::string, std::uint32_t> index[3];  // per type: id -> draft
  std::vector<Draft> drafts;
  std::vector<std::string> ids;
  std::vector<std::string> parents;
  std::vector<Observation> observations;
  std::vector<std::uint32_t> last_date;  // per draft: date of the dump whose fields it holds
  std::vector<std::uint32_t> dump_dates;

  Impl(const ReferenceTables& r, BuildOptions o) : ref(r), options(std::move(o)) {}

  void absorb(RepoRecord&& rec, std::uint32_t date) {
    auto& map = index[int(rec.type)];
    auto [it, fresh] = map.emplace(rec.id, std::uint32_t(drafts.size()));
    std::uint32_t k = it->second;
    if (fresh) {
      drafts.emplace_back();
      drafts.back().type = std::uint8_t(rec.type);
      ids.push_back(rec.id);
      last_date.push_back(0);
    }
    observations.push_back({k, date, rec.downloads_all.value_or(kUnknownTotal),
                            rec.downloads30 ? saturate32(*rec.downloads30) : kUnknownCount});
    // Later dumps win, field by field: a minimal record in a later dump updates only what it carries, and an
    // earlier dump (dumps may come in any order) only fills what no later one said.
    bool older = date < last_date[k];
    if (!older) last_date[k] = date;
    Draft& d = drafts[k];
    auto set = [older](auto& field, auto value, auto unknown) {
      if (!older || field == unknown) field = value;
    };
    if (!rec.author.empty()) set(d.author, authors.intern(rec.author), 0u);
    if (rec.created) set(d.created, *rec.created, kUnknownMonth);
    if (rec.downloads_all) set(d.downloads_all, std::min(*rec.downloads_all, kMaxLifetime), kUnknownTotal);
    if (rec.downloads30) set(d.downloads30, saturate32(*rec.downloads30), kUnknownCount);
    if (rec.likes) set(d.likes, saturate32(*rec.likes), kUnknownCount);
    if (rec.params) set(d.params, *rec.params, std::uint64_t(0));
    auto dict16 = [](Interner& dict, const std::string& v) { return std::uint16_t(std::min<std::uint32_t>(dict.intern(v), 0xFFFF)); };
    if (rec.task) set(d.task, dict16(tasks, *rec.task), std::uint16_t(0));
    if (rec.library) set(d.library, dict16(libraries, *rec.library), std::uint16_t(0));
    if (rec.license) set(d.license, dict16(licenses, *rec.license), std::uint16_t(0));
    if (rec.sdk) {
      auto known = lookup_name(kSdkNames, *rec.sdk);
      set(d.sdk, std::uint8_t(known && *known != 0 ? Sdk(*known) : Sdk::other), std::uint8_t(0));
    }
    if (rec.type == RepoType::space && d.sdk == 0) d.sdk = std::uint8_t(Sdk::other);
    if (rec.parent && (!older || d.parent == ~0u)) {
      if (d.parent == ~0u) {
        d.parent = std::uint32_t(parents.size());
        parents.push_back(*rec.parent);
      } else {
        parents[d.parent] = *rec.parent;
      }
      d.relation = std::uint8_t(rec.relation.value_or(Relation::finetune));
    }
  }
};

Builder::Builder(const ReferenceTables& ref, BuildOptions options) : impl_(new Impl(ref, std::move(options))) {}
Builder::~Builder() = default;
const BuildReport& Builder::report() const { return impl_->report; }

Status Builder::add_dump(RepoType type, const std::string& date, const std::string& source, std::string_view text) {
  if (!is_valid_date(date)) return source + ": no dump date (name the file like models-2026-03-15.jsonl or pass --date)";
  std::uint32_t dn = date_number(date);
  auto stats = ingest_records(text, type, impl_->options.skip_bad, source,
                              [&](RepoRecord&& rec) { impl_->absorb(std::move(rec), dn); });
  if (!stats) return stats.error();
  auto& rep = impl_->report;
  rep.records += stats->records;
  rep.skipped += stats->skipped;
  if (rep.first_skip.empty()) rep.first_skip = stats->first_error;
  rep.dumps += 1;
  rep.input_bytes += text.size();
  impl_->dump_dates.push_back(dn);
  return "";
}

Result<Store> Builder::finish() {
  using R = Result<Store>;
  Impl& b = *impl_;
  if (b.drafts.empty()) return R::failure("no records to build from");
  if (b.drafts.size() >= 0xFFFFFFF0u) return R::failure("too many repositories");
  std::sort(b.dump_dates.begin(), b.dump_dates.end());
  b.dump_dates.erase(std::unique(b.dump_dates.begin(), b.dump_dates.end()), b.dump_dates.end());
  std::string date = b.options.date;
  if (date.empty()) {
    std::uint32_t last = b.dump_dates.back();
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04u-%02u-%02u", last / 10000, last / 100 % 100, last % 100);
    date = buf;
  }
  if (!is_valid_date(date)) return R::failure("bad snapshot date '" + date + "' (expected YYYY-MM-DD)");

  Store s;
  s.info.id = b.options.id;
  s.info.kind = b.options.kind;
  s.info.provenance = b.options.provenance;
  s.info.date = date;
  s.info.month = *parse_month(date);
  s.info.single_dump = b.dump_dates.size() == 1;

  // Publisher country and sector per author.
  s.countries = {"unknown"};
  std::unordered_map<std::string, const Publisher*> by_ns, by_lower;
  for (auto& p : b.ref.publishers) {
    by_ns.emplace(p.ns, &p);
    by_lower.emplace(lower(p.ns), &p);
  }
  auto& author_names = b.authors.names();
  s.author_country.assign(author_names.size(), 0);
  s.author_sector.assign(author_names.size(), std::uint8_t(Sector::community));
  for (std::size_t a = 0; a < author_names.size(); ++a) {
    auto it = by_ns.find(author_names[a]);
    const Publisher* p = it != by_ns.end() ? it->second : nullptr;
    if (!p) {
      auto lt = by_lower.find(lower(author_names[a]));
      if (lt != by_lower.end()) p = lt->second;
    }
    if (!p) continue;
    s.author_sector[a] = *lookup_name(kSectorNames, p->sector);
    if (!p->country.empty()) {
      std::size_t c = 0;
      while (c < s.countries.size() && s.countries[c] != p->country) ++c;
      if (c == s.countries.size()) s.countries.push_back(p->country);
      s.author_country[a] = std::uint8_t(c);
    }
  }

  // Task modality from the Hub's taxonomy; tasks it does not know are "other".
  auto& task_names = b.tasks.names();
  s.task_modality.assign(task_names.size(), std::uint8_t(Modality::other));
  s.task_modality[0] = std::uint8_t(Modality::unknown);
  for (std::size_t t = 1; t < task_names.size(); ++t)
    for (auto& [name, modality] : b.ref.taxonomy)
      if (name == task_names[t]) s.task_modality[t] = std::uint8_t(modality);

  // Families: follow each model's base-model chain to its root. A root outside the snapshot still names the family.
  std::size_t n = b.drafts.size();
  std::vector<std::uint32_t> parent_row(n, ~0u);
  for (std::size_t i = 0; i < n; ++i)
    if (b.drafts[i].parent != ~0u) {
      auto it = b.index[0].find(b.parents[b.drafts[i].parent]);
      if (it != b.index[0].end() && it->second != i) parent_row[i] = it->second;
    }
  std::vector<std::uint8_t> depth(n, 0);
  std::vector<std::string> root_id(n);
  std::vector<char> has_children(n, 0);
  for (std::size_t i = 0; i < n; ++i)
    if (parent_row[i] != ~0u) has_children[parent_row[i]] = 1;
  for (std::size_t i = 0; i < n; ++i) {
    if (b.drafts[i].parent == ~0u) continue;
    std::size_t edges = 0;
    std::uint32_t at = std::uint32_t(i);
    // Chains are short; 64 steps also stops cycles (a -> b -> a) that malformed data can contain.
    while (parent_row[at] != ~0u && edges < 64) {
      at = parent_row[at];
      ++edges;
    }
    bool root_outside = b.drafts[at].parent != ~0u;  // the chain leaves the snapshot (or was cut)
    root_id[i] = root_outside ? b.parents[b.drafts[at].parent] : b.ids[at];
    depth[i] = std::uint8_t(std::min<std::size_t>(edges + (root_outside ? 1 : 0), 255));
  }
  // Family rules by the first character of their lower-cased pattern, longest pattern first.
  struct Rule {
    std::string pattern, family;
    bool names_namespace;  // has a '/': a pattern without one ("gpt2") names only legacy ids without a namespace
  };
  std::vector<std::vector<Rule>> rules(256);
  for (auto& r : b.ref.families) {
    std::string pattern = lower(r.pattern);
    bool with_ns = pattern.find('/') != std::string::npos;
    rules[static_cast<unsigned char>(pattern[0])].push_back({pattern, r.family, with_ns});
  }
  for (auto& bucket : rules)
    std::stable_sort(bucket.begin(), bucket.end(), [](const Rule& x, const Rule& y) { return x.pattern.size() > y.pattern.size(); });
  auto family_name = [&](const std::string& id) -> const std::string* {
    if (id.empty()) return nullptr;
    std::string l = lower(id);
    bool legacy = l.find('/') == std::string::npos;
    for (const Rule& r : rules[static_cast<unsigned char>(l[0])])
      if ((r.names_namespace || legacy) && l.compare(0, r.pattern.size(), r.pattern) == 0) return &r.family;
    return nullptr;
  };
  Interner families{""};
  std::unordered_map<std::string, std::uint32_t> family_of_root;  // roots of chains only
  auto family_index = [&](const std::string& root_name, bool chain) -> std::uint32_t {
    if (!chain) {  // a model nothing derives from: a family only if a rule names it
      const std::string* name = family_name(root_name);
      return name ? families.intern(*name) : 0;
    }
    auto it = family_of_root.find(root_name);
    if (it != family_of_root.end()) return it->second;
    const std::string* name = family_name(root_name);
    std::uint32_t f = families.intern(name ? *name : root_name);
    family_of_root.emplace(root_name, f);
    return f;
  };
  std::vector<std::uint32_t> family(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    if (b.drafts[i].type != std::uint8_t(RepoType::model)) continue;
    if (b.drafts[i].parent != ~0u) family[i] = family_index(root_id[i], true);
    else family[i] = family_index(b.ids[i], has_children[i] != 0);
  }

  // Monthly downloads: the first appearance gives its last-30-days figure at its month; each later appearance
  // gives the lifetime difference, spread evenly over the months since the previous one.
  std::sort(b.observations.begin(), b.observations.end(), [](const Observation& x, const Observation& y) {
    return x.repo != y.repo ? x.repo < y.repo : x.date < y.date;
  });
  std::vector<std::vector<std::pair<Month, std::uint64_t>>> series(n);
  for (std::size_t k = 0; k < b.observations.size(); ++k) {
    const Observation& o = b.observations[k];
    Month m = month_of_date_number(o.date);
    auto& out = series[o.repo];
    const Observation* prev = k > 0 && b.observations[k - 1].repo == o.repo ? &b.observations[k - 1] : nullptr;
    if (prev && prev->date == o.date) continue;  // the same repository twice in one dump
    if (prev && prev->downloads_all != kUnknownTotal && o.downloads_all != kUnknownTotal && o.downloads_all >= prev->downloads_all) {
      std::uint64_t diff = o.downloads_all - prev->downloads_all;
      Month pm = month_of_date_number(prev->date);
      int span = std::max(1, int(m) - int(pm));
      for (int j = 0; j < span; ++j) {
        std::uint64_t part = evenly_spread(diff, std::uint64_t(span), std::uint64_t(j));
        if (part) out.emplace_back(Month(m - (span - 1) + j), part);
      }
    } else if (o.downloads30 != kUnknownCount && o.downloads30 > 0) {
      out.emplace_back(m, o.downloads30);
    }
  }

  // Row order: by type, creation month and author, so the delta-coded columns compress well.
  std::vector<std::uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) {
    const Draft &a = b.drafts[x], &c = b.drafts[y];
    if (a.type != c.type) return a.type < c.type;
    if (a.created != c.created) return a.created < c.created;
    if (a.author != c.author) return a.author < c.author;
    return b.ids[x] < b.ids[y];
  });

  s.authors = Names(author_names);
  s.tasks = Names(task_names);
  s.libraries = Names(b.libraries.names());
  s.licenses = Names(b.licenses.names());
  s.families = Names(families.names());
  s.series_start.push_back(0);
  Month first_series = kUnknownMonth;
  for (std::uint32_t k : order) {
    const Draft& d = b.drafts[k];
    s.type.push_back(d.type);
    s.author.push_back(d.author);
    s.created.push_back(d.created);
    s.downloads30.push_back(d.downloads30);
    s.downloads_all.push_back(d.downloads_all);
    s.likes.push_back(d.likes);
    s.task.push_back(d.task);
    s.library.push_back(d.library);
    s.license.push_back(d.license);
    s.family.push_back(family[k]);
    s.relation.push_back(d.relation);
    s.depth.push_back(depth[k]);
    s.params.push_back(d.params);
    s.sdk.push_back(d.sdk);
    auto& ser = series[k];
    std::sort(ser.begin(), ser.end());
    std::size_t kept = 0;
    for (std::size_t j = 0; j < ser.size(); ++j) {  // merge equal months
      if (kept && ser[kept - 1].first == ser[j].first) ser[kept - 1].second += ser[j].second;
      else ser[kept++] = ser[j];
    }
    ser.resize(kept);
    for (auto& [month, downloads] : ser) downloads = saturate32(downloads);
    if (!ser.empty()) first_series = std::min(first_series, ser.front().first);
    s.append_series(ser);
  }
  s.info.series_first = first_series;
  sort_names(s);
  s.derive_row_fields();
  std::string err = s.validate();
  if (!err.empty()) return R::failure("internal error: built store is inconsistent: " + err);
  // Final order: repositories with the same profile side by side (so the engine groups them into few items),
  // then by creation month and author (so the delta-coded columns compress well).
  auto kept = kept_authors(s, author_downloads(s));
  std::vector<ItemKey> keys(s.rows());
  for (std::size_t r = 0; r < s.rows(); ++r) keys[r] = item_key(s, kept, r);
  std::vector<std::uint32_t> by_profile(s.rows());
  std::iota(by_profile.begin(), by_profile.end(), 0u);
  std::sort(by_profile.begin(), by_profile.end(), [&](std::uint32_t x, std::uint32_t y) {
    if (!(keys[x] == keys[y])) return keys[x] < keys[y];
    if (s.created[x] != s.created[y]) return s.created[x] < s.created[y];
    return x < y;
  });
  return s.permuted(by_profile);
}

}  // namespace hubreport
