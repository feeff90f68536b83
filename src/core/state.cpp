#include "state.h"

#include <algorithm>

#include "dims.h"
#include "json_writer.h"

namespace hubreport {

bool ViewState::operator==(const ViewState& o) const {
  return snapshot == o.snapshot && from == o.from && to == o.to && filters == o.filters && cumulative == o.cumulative &&
         view == o.view;
}

bool is_valid_snapshot_id(std::string_view id) {
  if (id.empty() || id.size() > 128) return false;
  auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); };
  if (!alnum(id[0])) return false;
  for (char c : id)
    if (!alnum(c) && c != '.' && c != '_' && c != '-') return false;
  return true;
}

bool is_view_name(std::string_view name) {
  return std::find(kViewNames.begin(), kViewNames.end(), name) != kViewNames.end();
}

namespace {

// Sorted, without repeats. By insertion, as a list holds at most kMaxListItems: std::sort of strings would be the wasm
// module's only sort of them (1.3 KB).
void sort_unique(std::vector<std::string>& list) {
  for (std::size_t i = 1; i < list.size(); ++i)
    for (std::size_t j = i; j > 0 && list[j] < list[j - 1]; --j) std::swap(list[j], list[j - 1]);
  list.erase(std::unique(list.begin(), list.end()), list.end());
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t extra = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : 4;
    if (extra == 4 || (extra == 1 && c < 0xC2) || i + extra >= s.size() + (extra ? 0 : 1)) return false;
    for (std::size_t k = 1; k <= extra; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += extra + 1;
  }
  return true;
}

// Percent-decoding; '+' is a space as in HTML forms.
Result<std::string> percent_decode(std::string_view key, std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%') {
      int hi = i + 2 < s.size() ? hex_value(s[i + 1]) : -1;
      int lo = i + 2 < s.size() ? hex_value(s[i + 2]) : -1;
      if (hi < 0 || lo < 0) return Result<std::string>::failure("bad value for '" + std::string(key) + "': broken percent-escape");
      out.push_back(char(hi * 16 + lo));
      i += 2;
    } else if (s[i] == '+') {
      out.push_back(' ');
    } else {
      out.push_back(s[i]);
    }
  }
  if (!valid_utf8(out)) return Result<std::string>::failure("bad value for '" + std::string(key) + "': not valid UTF-8");
  return out;
}

void percent_encode(std::string& out, std::string_view s) {
  static const char* hex = "0123456789ABCDEF";
  for (unsigned char c : s) {
    bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
                 c == '_' || c == '/' || c == ':';
    if (plain) {
      out.push_back(char(c));
    } else {
      out.push_back('%');
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 15]);
    }
  }
}

Status check_dim_value(Dim dim, const std::string& v) {
  auto bad = [&](const std::string& why) { return "bad value for '" + std::string(kDimKeys[int(dim)]) + "': " + why; };
  if (v.empty()) return bad("empty item");
  if (v.size() > kMaxValueBytes) return bad("item longer than " + std::to_string(kMaxValueBytes) + " bytes");
  for (unsigned char c : v)
    if (c < 0x20 || c == 0x7F) return bad("control character");
  switch (dim) {
    case Dim::type:
      return lookup_name(kRepoTypeNames, v) ? "" : bad("'" + v + "' is not model, dataset or space");
    case Dim::sector:
      return lookup_name(kSectorNames, v) ? "" : bad("'" + v + "' is not one of industry, academia, nonprofit, government, community");
    case Dim::relation:
      return lookup_name(kRelationNames, v) ? "" : bad("'" + v + "' is not one of original, finetune, adapter, quantized, merge");
    case Dim::size:
      return lookup_name(kSizeNames, v) ? "" : bad("'" + v + "' is not one of lt1b, 1to9b, 10to99b, 100bplus, unknown");
    case Dim::modality:
      return lookup_name(kModalityNames, v) ? "" : bad("'" + v + "' is not a modality");
    case Dim::sdk:
      return lookup_name(kSdkNames, v) && v != "none" ? "" : bad("'" + v + "' is not one of gradio, streamlit, docker, static, other");
    case Dim::country: {
      bool code = v.size() == 2 && v[0] >= 'A' && v[0] <= 'Z' && v[1] >= 'A' && v[1] <= 'Z';
      return code || v == "unknown" ? "" : bad("'" + v + "' is not an ISO 3166-1 alpha-2 code (like US) or unknown");
    }
    default:
      return "";
  }
}

}  // namespace

Result<ViewState> parse_state(std::string_view query) {
  using R = Result<ViewState>;
  if (query.size() > kMaxQueryBytes)
    return R::failure("link too long: " + std::to_string(query.size()) + " bytes (at most " + std::to_string(kMaxQueryBytes) + ")");
  if (!query.empty() && query[0] == '?') query.remove_prefix(1);
  ViewState st;
  // The version decides what the other keys mean, wherever `v` stands in the query: find it first.
  int version = 1;
  for (std::string_view rest = query; !rest.empty();) {
    std::size_t amp = rest.find('&');
    std::string_view pair = rest.substr(0, amp);
    rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
    if (pair.substr(0, 2) != "v=" && pair != "v") continue;
    std::string_view value = pair.size() > 2 ? pair.substr(2) : std::string_view();
    if (value == "1") version = 1;
    else if (value == "2") version = 2;
    else
      return R::failure("bad value for 'v': unknown state version '" + std::string(value.substr(0, 20)) +
                        "' (this page reads versions 1 and 2)");
    break;  // a second `v` is caught below as a repeated key
  }
  // Version 1 called the embed key `view`; version 2 calls it `embed` (the only difference so far).
  const std::string_view embed_key = version == 1 ? "view" : "embed";
  std::vector<std::string> seen;
  while (!query.empty()) {
    std::size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (pair.empty()) continue;
    std::size_t eq = pair.find('=');
    auto raw_key = pair.substr(0, eq);
    std::string_view raw_value = eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1);
    auto key_r = percent_decode("?", raw_key);
    if (!key_r) return R::failure("bad key: not valid text");
    const std::string& key = key_r.value();
    std::string shown_key = key.size() > 40 ? key.substr(0, 40) + "..." : key;
    if (std::find(seen.begin(), seen.end(), key) != seen.end()) return R::failure("key '" + shown_key + "' appears twice");
    seen.push_back(key);
    auto bad = [&](const std::string& why) { return R::failure("bad value for '" + key + "': " + why); };

    if (key == "view" && version >= 2)
      return R::failure("unknown key 'view' in a version 2 link (version 2 calls it 'embed')");
    if (key == "embed" && version == 1)
      return R::failure("unknown key 'embed' in a version 1 link (add v=2, or use 'view' as version 1 did)");
    if (key == "s" || key == "v" || key == "from" || key == "to" || key == "cum" || key == embed_key) {
      auto value_r = percent_decode(key, raw_value);
      if (!value_r) return R::failure(value_r.error());
      const std::string& value = value_r.value();
      if (key == "s") {
        if (!is_valid_snapshot_id(value)) return bad("not a snapshot id (letters, digits, '.', '_', '-')");
        st.snapshot = value;
      } else if (key == "v") {
        // Read before the loop (it decides what `view`/`embed` mean); a percent-encoded digit lands here.
        if (value != std::to_string(version))
          return bad("unknown state version '" + value.substr(0, 20) + "' (this page reads versions 1 and 2)");
      } else if (key == "from" || key == "to") {
        auto m = value.size() == 7 ? parse_month(value) : std::nullopt;
        if (!m) return bad("expected a month YYYY-MM between 2000-01 and 2099-12");
        (key == "from" ? st.from : st.to) = *m;
      } else if (key == "cum") {
        if (value != "1" && value != "0") return bad("expected 1 or 0");
        st.cumulative = value == "1";
      } else {
        if (!is_view_name(value)) return bad("'" + value.substr(0, 40) + "' is not a view");
        st.view = value;
      }
      continue;
    }
    auto dim_it = std::find(kDimKeys.begin(), kDimKeys.end(), key);
    if (dim_it == kDimKeys.end()) return R::failure("unknown key '" + shown_key + "'");
    Dim dim = Dim(dim_it - kDimKeys.begin());
    auto& list = st.filter(dim);
    std::size_t start = 0;
    while (start <= raw_value.size()) {
      std::size_t tilde = raw_value.find('~', start);
      if (tilde == std::string_view::npos) tilde = raw_value.size();
      auto item_r = percent_decode(key, raw_value.substr(start, tilde - start));
      if (!item_r) return R::failure(item_r.error());
      Status err = check_dim_value(dim, item_r.value());
      if (!err.empty()) return R::failure(err);
      if (list.size() >= kMaxListItems) return bad("more than " + std::to_string(kMaxListItems) + " items");
      list.push_back(std::move(item_r.value()));
      start = tilde + 1;
    }
    sort_unique(list);
  }
  if (st.from != kUnknownMonth && st.to != kUnknownMonth && st.from > st.to)
    return R::failure("bad value for 'from': " + format_month(st.from) + " is after 'to' " + format_month(st.to));
  return st;
}

std::string print_state(const ViewState& st) {
  std::string out;
  auto key = [&](std::string_view k) {
    if (!out.empty()) out.push_back('&');
    out.append(k);
    out.push_back('=');
  };
  if (!st.snapshot.empty()) {
    key("s");
    percent_encode(out, st.snapshot);
  }
  key("v");
  out += std::to_string(ViewState::kVersion);
  if (st.from != kUnknownMonth) {
    key("from");
    out += format_month(st.from);
  }
  if (st.to != kUnknownMonth) {
    key("to");
    out += format_month(st.to);
  }
  for (int d = 0; d < kDimCount; ++d) {
    auto list = st.filters[d];
    if (list.empty()) continue;
    sort_unique(list);
    key(kDimKeys[d]);
    for (std::size_t i = 0; i < list.size(); ++i) {
      if (i) out.push_back('~');
      percent_encode(out, list[i]);
    }
  }
  if (st.cumulative) {
    key("cum");
    out += "1";
  }
  if (!st.view.empty()) {
    key("embed");
    out += st.view;
  }
  return out;
}

std::string state_to_json(const ViewState& st) {
  std::string out = "{\"s\":";
  append_json_string(out, st.snapshot);
  out += ",\"from\":";
  if (st.from == kUnknownMonth) out += "null"; else append_json_string(out, format_month(st.from));
  out += ",\"to\":";
  if (st.to == kUnknownMonth) out += "null"; else append_json_string(out, format_month(st.to));
  for (int d = 0; d < kDimCount; ++d) {
    out += ",";
    append_json_string(out, kDimKeys[d]);
    out += ":[";
    for (std::size_t i = 0; i < st.filters[d].size(); ++i) {
      if (i) out += ",";
      append_json_string(out, st.filters[d][i]);
    }
    out += "]";
  }
  out += ",\"cum\":";
  out += st.cumulative ? "true" : "false";
  out += ",\"embed\":";
  if (st.view.empty()) out += "null"; else append_json_string(out, st.view);
  out += "}";
  return out;
}

}  // namespace hubreport
