#include "reference.h"

#include <algorithm>

namespace hubreport {

Result<std::vector<std::vector<std::string>>> parse_csv(std::string_view text, const std::vector<std::string>& columns) {
  using R = Result<std::vector<std::vector<std::string>>>;
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> row;
  std::string field;
  std::size_t i = 0, line = 1;
  bool quoted_field = false;
  auto end_field = [&] {
    row.push_back(std::move(field));
    field.clear();
    quoted_field = false;
  };
  while (i < text.size()) {
    char c = text[i];
    if (c == '"' && field.empty() && !quoted_field) {
      quoted_field = true;
      ++i;
      while (true) {
        if (i >= text.size()) return R::failure("line " + std::to_string(line) + ": unterminated quoted field");
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field.push_back('"');
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        if (text[i] == '\n') ++line;
        field.push_back(text[i++]);
      }
      continue;
    }
    if (c == ',') {
      end_field();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      end_field();
      if (!(row.size() == 1 && row[0].empty())) records.push_back(std::move(row));
      row.clear();
      ++line;
    } else {
      field.push_back(c);
    }
    ++i;
  }
  if (!field.empty() || !row.empty() || quoted_field) {
    end_field();
    records.push_back(std::move(row));
  }
  if (records.empty()) return R::failure("empty table");
  std::vector<std::size_t> pick;
  for (auto& name : columns) {
    auto it = std::find(records[0].begin(), records[0].end(), name);
    if (it == records[0].end()) return R::failure("missing column '" + name + "'");
    pick.push_back(std::size_t(it - records[0].begin()));
  }
  std::vector<std::vector<std::string>> out;
  for (std::size_t r = 1; r < records.size(); ++r) {
    if (records[r].size() != records[0].size())
      return R::failure("row " + std::to_string(r + 1) + ": " + std::to_string(records[r].size()) + " fields, header has " +
                        std::to_string(records[0].size()));
    std::vector<std::string> picked;
    for (auto p : pick) picked.push_back(records[r][p]);
    out.push_back(std::move(picked));
  }
  return out;
}

Result<std::vector<Publisher>> parse_publishers(std::string_view csv) {
  using R = Result<std::vector<Publisher>>;
  auto rows = parse_csv(csv, {"namespace", "name", "country", "sector"});
  if (!rows) return R::failure("publishers table: " + rows.error());
  std::vector<Publisher> out;
  for (auto& r : rows.value()) {
    if (r[0].empty()) return R::failure("publishers table: empty namespace");
    if (!lookup_name(kSectorNames, r[3])) return R::failure("publishers table: '" + r[0] + "' has unknown sector '" + r[3] + "'");
    if (!r[2].empty() && (r[2].size() != 2 || r[2][0] < 'A' || r[2][0] > 'Z' || r[2][1] < 'A' || r[2][1] > 'Z'))
      return R::failure("publishers table: '" + r[0] + "' has a country that is not an ISO alpha-2 code: '" + r[2] + "'");
    out.push_back({r[0], r[1], r[2], r[3]});
  }
  return out;
}

Result<std::vector<FamilyRule>> parse_families(std::string_view csv) {
  using R = Result<std::vector<FamilyRule>>;
  auto rows = parse_csv(csv, {"pattern", "family"});
  if (!rows) return R::failure("families table: " + rows.error());
  std::vector<FamilyRule> out;
  for (auto& r : rows.value()) {
    if (r[0].empty() || r[1].empty()) return R::failure("families table: empty pattern or family");
    out.push_back({r[0], r[1]});
  }
  return out;
}

Result<std::vector<std::pair<std::string, Modality>>> parse_taxonomy(std::string_view text) {
  using R = Result<std::vector<std::pair<std::string, Modality>>>;
  std::vector<std::pair<std::string, Modality>> out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    if (line.empty()) continue;
    std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos) return R::failure("task taxonomy: line without a tab");
    std::string_view hub = line.substr(tab + 1);
    Modality m = hub == "nlp" ? Modality::text
                 : hub == "cv" ? Modality::vision
                 : hub == "audio" ? Modality::audio
                 : hub == "multimodal" ? Modality::multimodal
                 : hub == "tabular" ? Modality::tabular
                 : hub == "rl" ? Modality::robotics
                               : Modality::other;
    out.emplace_back(std::string(line.substr(0, tab)), m);
  }
  if (out.empty()) return R::failure("task taxonomy is empty");
  return out;
}

}  // namespace hubreport
