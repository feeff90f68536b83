// Writes the population as Hub API JSON lines: sparse month-end dumps ({"id","downloads","downloadsAllTime"} of
// repositories with downloads that month) and full records at the snapshot date. Each repository's cumulative
// downloads are rounded once per month (floor of the running total plus a fixed per-repository offset), so every
// dump's downloadsAllTime is exact and the builder's differences give back the monthly series.
#include "synth_write.h"

#include "json_writer.h"

#include <cmath>
#include <cstdio>

namespace hubreport::synthgen {

namespace {

void put_uint(std::string& out, std::uint64_t v) { append_uint(out, v); }
void put_str(std::string& out, std::string_view s) { append_json_string(out, s); }
void put_id(std::string& out, const Population& p, const Repo& r) {
  out.push_back('"');
  out += p.authors[r.author].name;
  out.push_back('/');
  out.append(p.name(r));
  out.push_back('"');
}

void put2(std::string& out, int v) {
  out.push_back(char('0' + v / 10));
  out.push_back(char('0' + v % 10));
}
// "2024-02-28T15:24:14.000Z"
void put_iso(std::string& out, const Population& p, std::int64_t t) {
  int m = p.month_of(t);
  std::int64_t in = t - p.month_start[std::size_t(m)];
  int day = int(in / 86400) + 1, sec = int(in % 86400), year = p.options.first_year + m / 12;
  out.push_back('"');
  put2(out, year / 100);
  put2(out, year % 100);
  out.push_back('-');
  put2(out, m % 12 + 1);
  out.push_back('-');
  put2(out, day);
  out.push_back('T');
  put2(out, sec / 3600);
  out.push_back(':');
  put2(out, sec / 60 % 60);
  out.push_back(':');
  put2(out, sec % 60);
  out += ".000Z\"";
}

class Sink {
 public:
  Sink(const std::function<bool(const std::string&, std::string_view)>& write) : write_(write) { buf_.reserve(kChunk + 4096); }
  void open(std::string name) {
    name_ = std::move(name);
    wrote_ = false;
  }
  std::string& buf() { return buf_; }
  bool maybe_flush() { return buf_.size() < kChunk || flush(); }
  bool close() { return (buf_.empty() && wrote_) || flush(); }
  std::size_t bytes = 0;

 private:
  bool flush() {
    bytes += buf_.size();
    bool ok = write_(name_, buf_);
    buf_.clear();
    wrote_ = true;
    return ok;
  }
  static constexpr std::size_t kChunk = 8u << 20;
  const std::function<bool(const std::string&, std::string_view)>& write_;
  std::string buf_, name_;
  bool wrote_ = false;
};

std::uint64_t mix(std::uint64_t seed, std::uint64_t i) {
  std::uint64_t x = seed ^ (i * 0x9E3779B97F4A7C15ull);
  return splitmix64(x);
}
constexpr std::uint64_t kEveryMonth = 1000; // downloads in a month that always make a record
constexpr int kMaxGap = 12;                  // months

double unit(std::uint64_t h) { return double(h >> 11) * (1.0 / 9007199254740992.0); }

}  // namespace

std::string write_all(const Population& p, const Fit& fit, const std::function<bool(const std::string&, std::string_view)>& write,
                      WriteStats& stats) {
  const std::size_t M = std::size_t(p.months) + 1, N = p.repos.size();
  // Per-repository running state.
  std::vector<double> w(N, 0), q(N, 1), cum(N, 0), offset(N, 0);
  std::vector<std::uint64_t> count(N, 0), emitted(N, 0);
  std::vector<std::int16_t> emitted_at(N, -1);
  std::vector<int> end(N, 0);
  std::vector<std::uint32_t> by_type[2];
  for (std::uint32_t i = 0; i < N; ++i) {
    const Repo& r = p.repos[i];
    if (r.type == 2) continue;
    by_type[r.type].push_back(i);
    w[i] = dexp(fit.kappa * r.pop);
    q[i] = dexp(-double(r.decay));
    offset[i] = unit(mix(p.seed, i));
    end[i] = active_end(p, r);
  }
  Sink sink(write);
  const char* kind[2] = {"models-", "datasets-"};
  std::size_t next[2] = {0, 0};
  std::vector<std::uint32_t> active[2];  // repositories whose downloads have not yet decayed away
  auto step = [&](std::uint32_t i, std::size_t t) {
    const Repo& r = p.repos[i];
    double m = r.type == 0 ? fit.mult[r.cell * M + t] : fit.ds_mult[t];
    double v = t == r.month ? w[i] * first_fraction(p, r) * m : w[i] * m;
    w[i] *= q[i];
    cum[i] += v;
    double c = std::floor(cum[i] + offset[i]);
    if (c > double(count[i])) count[i] = std::uint64_t(c);
  };
  for (std::size_t t = 0; t + 1 < M; ++t) {
    for (int type = 0; type < 2; ++type) {
      auto& list = by_type[type];
      while (next[type] < list.size() && p.repos[list[next[type]]].month <= t) active[type].push_back(list[next[type]++]);
      sink.open(std::string(kind[type]) + p.month_end_date(int(t)) + ".jsonl");
      std::size_t keep = 0;
      for (std::uint32_t i : active[type]) {
        std::uint64_t before = count[i];
        step(i, t);
        if (end[i] > int(t)) active[type][keep++] = i;
        // A month dump lists the repository when its downloads since the last listing are worth a record: its
        // first downloads, any month with many, a doubling, or at least every kMaxGap months. The builder
        // spreads a gap's difference evenly over its months, so totals stay exact.
        std::uint64_t delta = count[i] - emitted[i];
        if (delta == 0) continue;
        bool due = emitted_at[i] < 0 || delta >= kEveryMonth || (delta >= emitted[i] && delta >= 20) || int(t) - emitted_at[i] >= kMaxGap;
        if (!due) continue;
        std::uint64_t month_downloads = emitted_at[i] < 0 ? count[i] : count[i] - before;
        emitted[i] = count[i];
        emitted_at[i] = std::int16_t(t);
        std::string& out = sink.buf();
        out += "{\"id\":";
        put_id(out, p, p.repos[i]);
        out += ",\"downloads\":";
        put_uint(out, month_downloads);
        out += ",\"downloadsAllTime\":";
        put_uint(out, count[i]);
        out += "}\n";
        ++stats.history_records;
        if (!sink.maybe_flush()) return "could not write " + std::string(kind[type]) + " dump";
      }
      active[type].resize(keep);
      if (!sink.close()) return "could not write " + std::string(kind[type]) + " dump";
    }
  }
  // The snapshot: every repository, with its downloads in the snapshot month and in all.
  for (int type = 0; type < 2; ++type) {
    sink.open(std::string(kind[type]) + p.options.date + ".jsonl");
    for (std::uint32_t i : by_type[type]) {
      std::uint64_t before = count[i];
      if (int(M - 1) <= end[i]) step(i, M - 1);
      append_full_record(sink.buf(), p, p.repos[i], i, count[i] - before, count[i]);
      if (!sink.maybe_flush()) return "could not write " + std::string(kind[type]) + " dump";
    }
    if (!sink.close()) return "could not write " + std::string(kind[type]) + " dump";
  }
  sink.open("spaces-" + p.options.date + ".jsonl");
  for (std::uint32_t i = 0; i < N; ++i) {
    if (p.repos[i].type != 2) continue;
    append_full_record(sink.buf(), p, p.repos[i], i, 0, 0);
    if (!sink.maybe_flush()) return "could not write spaces dump";
  }
  if (!sink.close()) return "could not write spaces dump";
  stats.bytes = sink.bytes;
  return "";
}

void append_full_record(std::string& out, const Population& p, const Repo& r, std::uint32_t index, std::uint64_t month_downloads,
                        std::uint64_t total) {
  Rng rng(mix(p.seed ^ 0x5EEDull, index));
  const std::string& author = p.authors[r.author].name;
  const std::string &task = p.dict[r.task], &lib = p.dict[r.library], &license = p.dict[r.license];
  out += "{\"id\":";
  put_id(out, p, r);
  out += ",\"author\":";
  put_str(out, author);
  out += ",\"createdAt\":";
  put_iso(out, p, r.created);
  out += ",\"lastModified\":";
  put_iso(out, p, r.modified);
  if (r.type != 2) {
    out += ",\"downloads\":";
    put_uint(out, month_downloads);
    out += ",\"downloadsAllTime\":";
    put_uint(out, total);
  }
  // Likes grow with downloads (spaces: with their popularity); most repositories have none.
  double likes = r.type == 2 ? 0.7 * dexp(double(r.pop) + 0.3 * rng.normal())
                             : (r.type == 0 ? 0.02 : 0.04) * dpow(double(total) + 1, 0.6) * dexp(0.8 * rng.normal());
  if (r.type == 0 && task == "text-generation" && r.month >= 36) likes *= 3;
  out += ",\"likes\":";
  put_uint(out, std::uint64_t(std::min(likes, 1e6)));
  out += ",\"tags\":[";
  bool first = true;
  auto tag = [&](std::string_view a, std::string_view b = {}, std::string_view c = {}) {
    if (!first) out.push_back(',');
    first = false;
    out.push_back('"');
    out.append(a);
    out.append(b);
    out.append(c);
    out.push_back('"');
  };
  if (r.type == 0) {
    if (!lib.empty()) tag(lib);
    if (r.params) tag("safetensors");
    static const char* rel[5] = {"", "finetune", "adapter", "quantized", "merge"};
    for (std::uint32_t parent : {r.parent, r.parent2}) {
      if (parent == kNone) continue;
      std::string id = p.id(p.repos[parent]);
      tag("base_model:", id);
      tag("base_model:", rel[r.relation], ":" + id);
    }
  } else if (r.type == 1) {
    if (!task.empty()) tag("task_categories:", task);
    if (task == "robotics") tag("LeRobot");
    const std::string& modality = p.dict[r.extra];
    if (!modality.empty()) tag("modality:", modality);
  } else {
    tag(p.dict[r.extra]);
  }
  if (!license.empty()) tag("license:", license);
  tag("region:us");
  out += "]";
  if (r.type == 2) {
    out += ",\"sdk\":";
    put_str(out, p.dict[r.extra]);
  } else if (r.type == 0) {
    if (!task.empty()) out += ",\"pipeline_tag\":\"" + task + "\"";
    if (!lib.empty()) out += ",\"library_name\":\"" + lib + "\"";
    if (r.params) {
      const char* dtype = r.relation == 3 ? (lib == "mlx" ? "U32" : "I32") : r.month < 36 ? "F32" : lib == "diffusers" ? "F16" : "BF16";
      out += ",\"safetensors\":{\"parameters\":{\"";
      out += dtype;
      out += "\":";
      put_uint(out, r.params);
      out += "},\"total\":";
      put_uint(out, r.params);
      out += "}";
    }
    if (r.parent != kNone) {
      static const char* rel[5] = {"", "finetune", "adapter", "quantized", "merge"};
      out += ",\"baseModels\":{\"relation\":\"";
      out += rel[r.relation];
      out += "\",\"models\":[{\"id\":";
      put_id(out, p, p.repos[r.parent]);
      out += "}";
      if (r.parent2 != kNone) {
        out += ",{\"id\":";
        put_id(out, p, p.repos[r.parent2]);
        out += "}";
      }
      out += "]}";
    }
  }
  out += "}\n";
}

}  // namespace hubreport::synthgen
