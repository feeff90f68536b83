#include "calibrate.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

namespace hubreport {

namespace {

std::string pct(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%.1f%%", v * 100);
  return b;
}
std::string num(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%.0f", v);
  return b;
}
std::string billions(double v) {
  if (!std::isfinite(v)) return "n/a";
  char b[32];
  std::snprintf(b, sizeof b, "%.1fB", v / 1e9);
  return b;
}
std::string ratio(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%.2fx", v);
  return b;
}

double cell_number(const Cell& c) { return c.kind == Cell::Kind::integer ? double(c.i) : c.kind == Cell::Kind::fraction ? c.d : NAN; }

int column(const Slice& s, const std::string& name) {
  for (std::size_t i = 0; i < s.columns.size(); ++i)
    if (s.columns[i] == name) return int(i);
  return -1;
}

}  // namespace

std::vector<CalibrationRow> calibrate(Engine& engine, double scale) {
  std::vector<CalibrationRow> rows;
  const Store& store = engine.store();
  Month now = store.info.month;
  auto view = [&](const std::string& query, const char* name) {
    auto st = parse_state(query);
    auto slice = engine.view(st.value(), name);
    return slice.ok() ? slice.value() : Slice{};
  };
  auto share_row = [&](const std::string& name, double published, double measured, double tol_pp) {
    rows.push_back({name, pct(published), std::isfinite(measured) ? pct(measured) : "n/a", "+-" + num(tol_pp * 100) + " pp",
                    std::isfinite(measured) && std::fabs(measured - published) <= tol_pp + 1e-12});
  };
  auto count_row = [&](const std::string& name, double published, double measured) {
    double want = published * scale;
    rows.push_back({name, num(want), num(measured), "+-10%", std::fabs(measured - want) <= 0.10 * want});
  };
  auto at_least_row = [&](const std::string& name, double published, double measured) {
    double want = published * scale;
    rows.push_back({name, "over " + num(want), num(measured), ">= published", measured >= want});
  };
  std::string last12 = "from=" + format_month(Month(now - 11)) + "&to=" + format_month(now);

  // Scale.
  auto head = view("", "headline");
  std::map<std::string, double> h;
  for (auto& r : head.rows) h[r[0].s] = cell_number(r[1]);
  at_least_row("public models", 2000000, h["models"]);
  at_least_row("public datasets", 500000, h["datasets"]);

  // Concentration (lifetime downloads).
  auto conc = view("", "concentration");
  double under200 = NAN, top200 = NAN;
  for (auto& r : conc.rows) {
    if (r[0].s == "models_under" && r[1].i == 200) under200 = r[2].d;
    if (r[0].s == "top_models" && r[1].i == 200) top200 = r[2].d;
  }
  share_row("models under 200 lifetime downloads", 0.50, under200, 0.02);
  share_row("top 200 models' share of downloads", 0.496, top200, 0.02);

  // Geography of model downloads, last 12 months, among downloads with a known publisher country.
  auto geo = view(last12 + "&type=model", "geography");
  std::map<std::string, double> by_country;
  double known = 0;
  for (auto& r : geo.rows) {
    if (r[1].s == "unknown") continue;
    by_country[r[1].s] += double(r[2].i);
    known += double(r[2].i);
  }
  share_row("China's share of downloads, last 12 months", 0.41, known ? by_country["CN"] / known : NAN, 0.02);
  share_row("US share of downloads, last 12 months", 0.365, known ? by_country["US"] / known : NAN, 0.02);
  // The month China's monthly downloads first pass the US and stay ahead.
  auto geo_all = view("type=model", "geography");
  std::map<std::string, std::pair<double, double>> cn_us;
  for (auto& r : geo_all.rows)
    if (r[0].kind == Cell::Kind::text && (r[1].s == "CN" || r[1].s == "US"))
      (r[1].s == "CN" ? cn_us[r[0].s].first : cn_us[r[0].s].second) += double(r[2].i);
  std::string crossing = "never";
  for (auto it = cn_us.begin(); it != cn_us.end(); ++it) {
    bool ahead_since = std::all_of(it, cn_us.end(), [](auto& kv) { return kv.second.first > kv.second.second; });
    if (ahead_since && it != cn_us.begin()) {
      crossing = it->first;
      break;
    }
  }
  rows.push_back({"China passes the US in monthly downloads", "during 2025", crossing, "a month of 2025",
                  crossing.compare(0, 4, "2025") == 0});

  // Families.
  auto families = view("", "families");
  std::map<std::string, double> direct, total;
  int c_direct = column(families, "direct");
  for (auto& r : families.rows) {
    direct[r[0].s] += double(r[std::size_t(c_direct)].i);
    for (int k = 2; k < c_direct; ++k) total[r[0].s] += double(r[std::size_t(k)].i);
  }
  at_least_row("Qwen direct derivatives", 113000, direct["Qwen"]);
  at_least_row("repositories in the Qwen family", 200000, total["Qwen"]);
  count_row("Llama direct derivatives", 27000, direct["Llama"]);
  count_row("DeepSeek direct derivatives", 6000, direct["DeepSeek"]);

  // Who builds: sector shares of model downloads, first 12 months of the history vs the last 12.
  auto sector_share = [&](const std::string& query, const std::string& sector) {
    auto s = view(query + "&type=model", "sectors");
    double all = 0, part = 0;
    for (auto& r : s.rows) {
      all += double(r[2].i);
      if (r[1].s == sector) part += double(r[2].i);
    }
    return all ? part / all : NAN;
  };
  Month first = store.info.series_first == kUnknownMonth ? now : store.info.series_first;
  std::string first12 = "from=" + format_month(first) + "&to=" + format_month(Month(std::min<int>(first + 11, now)));
  share_row("industry share of downloads, first 12 months", 0.70, sector_share(first12, "industry"), 0.02);
  share_row("industry share of downloads, last 12 months", 0.37, sector_share(last12, "industry"), 0.02);
  share_row("individuals' share of downloads, first 12 months", 0.17, sector_share(first12, "community"), 0.02);
  share_row("individuals' share of downloads, last 12 months", 0.39, sector_share(last12, "community"), 0.02);

  // Chinese labs: repositories created per year.
  auto repos_in = [&](const std::string& org, int year) {
    auto g = view("org=" + org + "&from=" + std::to_string(year) + "-01&to=" + std::to_string(year) + "-12", "growth");
    double n = 0;
    for (auto& r : g.rows) n += double(r[1].i + r[2].i + r[3].i);
    return n;
  };
  double baidu24 = repos_in("baidu", 2024), baidu25 = repos_in("baidu", 2025);
  rows.push_back({"Baidu repositories created in 2024", "0", num(baidu24), "exactly", baidu24 == 0});
  at_least_row("Baidu repositories created in 2025", 100, baidu25);
  for (const char* org : {"ByteDance-Seed", "tencent"}) {
    double a = repos_in(org, 2024), b = repos_in(org, 2025);
    double growth = a > 0 ? b / a : NAN;
    rows.push_back({std::string(org) + " growth 2024 -> 2025", "8-9x", std::isfinite(growth) ? ratio(growth) : "n/a",
                    "7.2x-9.9x", std::isfinite(growth) && growth >= 7.2 && growth <= 9.9});
  }

  // Robotics datasets: cumulative count a year before the snapshot and at it; the largest dataset category.
  auto tasks = view("type=dataset", "tasks");
  std::map<std::string, double> datasets_by_task;
  double robotics_now = 0, robotics_year_ago = 0;
  Month year_ago = Month(now - 12);
  for (auto& r : tasks.rows) {
    if (r[1].s != "dataset") continue;
    datasets_by_task[r[0].s] += double(r[4].i);
    if (r[0].s != "robotics") continue;
    robotics_now += double(r[4].i);
    if (r[3].kind == Cell::Kind::text && *parse_month(r[3].s) <= year_ago) robotics_year_ago += double(r[4].i);
  }
  count_row("robotics datasets a year before the snapshot", 1145, robotics_year_ago);
  count_row("robotics datasets at the snapshot", 26991, robotics_now);
  std::string largest;
  double most = -1;
  for (auto& [task, n] : datasets_by_task)
    if (task != "unknown" && task != "other" && n > most) most = n, largest = task;
  rows.push_back({"largest dataset task category", "robotics", largest, "same", largest == "robotics"});

  // Model size, download-weighted, last 12 months.
  auto sizes = view(last12, "sizes");
  double weighted = 0, known_dl = 0;
  std::map<std::string, double> dl_by_bucket;
  std::vector<double> medians;
  for (auto& r : sizes.rows) {
    if (r[1].s == "all") {
      if (r[5].kind == Cell::Kind::integer) medians.push_back(double(r[5].i));
      continue;
    }
    dl_by_bucket[r[1].s] += double(r[3].i);
  }
  for (auto& r : sizes.rows)
    if (r[1].s == "all" && r[4].kind == Cell::Kind::integer) {
      // The month's mean is over downloads of models with a known size: weight it by those downloads.
      double month_known = 0;
      for (auto& q : sizes.rows)
        if (q[0].s == r[0].s && q[1].s != "all" && q[1].s != "unknown") month_known += double(q[3].i);
      weighted += double(r[4].i) * month_known;
      known_dl += month_known;
    }
  double mean = known_dl ? weighted / known_dl : NAN;
  std::sort(medians.begin(), medians.end());
  double median = medians.empty() ? NAN : medians[medians.size() / 2];
  rows.push_back({"mean size of downloaded models", "20.8B", billions(mean), "+-10%",
                  std::isfinite(mean) && std::fabs(mean - 20.8e9) <= 0.1 * 20.8e9});
  rows.push_back({"median size of downloaded models", "far below the mean", billions(median), "under a third of the mean",
                  std::isfinite(median) && std::isfinite(mean) && median < mean / 3});
  std::string top_bucket;
  double top_dl = -1;
  for (auto& [bucket, dl] : dl_by_bucket)
    if (bucket != "unknown" && dl > top_dl) top_dl = dl, top_bucket = bucket;
  rows.push_back({"most downloaded size bucket", "1to9b", top_bucket, "same", top_bucket == "1to9b"});
  return rows;
}

std::string calibration_table(const std::vector<CalibrationRow>& rows) {
  std::string out;
  char line[512];
  std::snprintf(line, sizeof line, "%-50s %-20s %-14s %-26s %s\n", "figure", "published", "snapshot", "tolerance", "result");
  out += line;
  int failed = 0;
  for (auto& r : rows) {
    std::snprintf(line, sizeof line, "%-50s %-20s %-14s %-26s %s\n", r.name.c_str(), r.published.c_str(), r.measured.c_str(),
                  r.tolerance.c_str(), r.pass ? "pass" : "FAIL");
    out += line;
    failed += r.pass ? 0 : 1;
  }
  std::snprintf(line, sizeof line, "%zu passed, %d failed\n", rows.size() - std::size_t(failed), failed);
  out += line;
  return out;
}

}  // namespace hubreport
