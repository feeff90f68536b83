#include "ingest.h"

#include <algorithm>
#include <cstring>
#include <vector>

#include "simdjson.h"
#include "store.h"

namespace hubreport {

namespace sj = simdjson::ondemand;

namespace {

using FieldError = std::string;  // empty = fine

FieldError read_count(sj::value v, std::optional<std::uint64_t>& out, const char* name,
                      std::uint64_t max = ~std::uint64_t(0)) {
  sj::json_type t;
  if (v.type().get(t)) return std::string(name) + ": unreadable value";
  if (t == sj::json_type::null) return "";
  if (t != sj::json_type::number) return std::string(name) + ": expected a number";
  std::uint64_t u;
  double d;
  if (v.get_uint64().get(u) == simdjson::SUCCESS) {
    out = u;
  } else if (v.get_double().get(d) == simdjson::SUCCESS && d >= 0 && d < 1.8e19 && d == double(std::uint64_t(d))) {
    out = std::uint64_t(d);
  } else {
    return std::string(name) + ": expected a non-negative integer";
  }
  if (*out > max) {
    std::string err = std::string(name) + ": " + std::to_string(*out) + " is out of range (at most " + std::to_string(max) + ")";
    out.reset();
    return err;
  }
  return "";
}

FieldError read_string(sj::value v, std::optional<std::string>& out, const char* name) {
  sj::json_type t;
  if (v.type().get(t)) return std::string(name) + ": unreadable value";
  if (t == sj::json_type::null) return "";
  std::string_view s;
  if (t != sj::json_type::string || v.get_string().get(s)) return std::string(name) + ": expected a string";
  if (!s.empty()) out = std::string(s);
  return "";
}

bool starts_with(std::string_view s, std::string_view p) { return s.size() >= p.size() && s.compare(0, p.size(), p) == 0; }

FieldError read_tags(sj::value v, RepoRecord& r) {
  sj::json_type t;
  if (v.type().get(t)) return "tags: unreadable value";
  if (t == sj::json_type::null) return "";
  sj::array arr;
  if (t != sj::json_type::array || v.get_array().get(arr)) return "tags: expected an array";
  for (auto item : arr) {
    std::string_view tag;
    if (item.get_string().get(tag)) return "tags: expected strings";
    if (starts_with(tag, "license:")) {
      if (!r.license && tag.size() > 8) r.license = std::string(tag.substr(8));
    } else if (starts_with(tag, "task_categories:")) {
      if (!r.task && tag.size() > 16) r.task = std::string(tag.substr(16));
    } else if (starts_with(tag, "base_model:")) {
      std::string_view rest = tag.substr(11);
      // base_model:<relation>:<id> names the relation; plain base_model:<id> only the parent.
      for (std::size_t k = 1; k < kRelationNames.size(); ++k) {
        auto rel = kRelationNames[k];
        if (rest.size() > rel.size() && starts_with(rest, rel) && rest[rel.size()] == ':') {
          if (!r.relation) r.relation = Relation(k);
          if (!r.parent) r.parent = std::string(rest.substr(rel.size() + 1));
          rest = {};
          break;
        }
      }
      if (!rest.empty() && !r.parent) r.parent = std::string(rest);
    }
  }
  return "";
}

FieldError read_base_models(sj::value v, RepoRecord& r) {
  sj::json_type t;
  if (v.type().get(t)) return "baseModels: unreadable value";
  if (t == sj::json_type::null) return "";
  sj::object obj;
  if (t != sj::json_type::object || v.get_object().get(obj)) return "baseModels: expected an object";
  for (auto field : obj) {
    std::string_view key;
    if (field.unescaped_key().get(key)) return "baseModels: bad key";
    if (key == "relation") {
      std::string_view rel;
      if (field.value().get_string().get(rel)) return "baseModels.relation: expected a string";
      auto k = lookup_name(kRelationNames, rel);
      if (k && *k > 0) r.relation = Relation(*k);
    } else if (key == "models") {
      sj::array arr;
      if (field.value().get_array().get(arr)) return "baseModels.models: expected an array";
      for (auto m : arr) {
        sj::object mo;
        if (m.get_object().get(mo)) return "baseModels.models: expected objects";
        std::string_view id;
        if (mo.find_field_unordered("id").get_string().get(id) == simdjson::SUCCESS && !id.empty()) {
          r.parent = std::string(id);  // baseModels is authoritative over tags
          break;
        }
      }
    }
  }
  return "";
}

FieldError read_params(sj::value v, RepoRecord& r) {
  sj::json_type t;
  if (v.type().get(t)) return "safetensors: unreadable value";
  if (t == sj::json_type::null) return "";
  sj::object obj;
  if (t != sj::json_type::object || v.get_object().get(obj)) return "safetensors: expected an object";
  for (auto field : obj) {
    std::string_view key;
    if (field.unescaped_key().get(key)) return "safetensors: bad key";
    sj::value total;
    if (key == "total") return field.value().get(total) ? "safetensors.total: unreadable" : read_count(total, r.params, "safetensors.total");
  }
  return "";
}

FieldError read_record(sj::object obj, RepoType type, RepoRecord& r) {
  r = RepoRecord();
  r.type = type;
  std::optional<std::string> id, model_id, author, created, sdk;
  for (auto field : obj) {
    std::string_view key;
    if (field.unescaped_key().get(key)) return "bad key";
    sj::value v;
    if (field.value().get(v)) return "bad value";
    FieldError err;
    if (key == "id") err = read_string(v, id, "id");
    else if (key == "modelId") err = read_string(v, model_id, "modelId");
    else if (key == "author") err = read_string(v, author, "author");
    else if (key == "createdAt") err = read_string(v, created, "createdAt");
    else if (key == "downloads") err = read_count(v, r.downloads30, "downloads");
    else if (key == "downloadsAllTime") err = read_count(v, r.downloads_all, "downloadsAllTime", kMaxLifetime);
    else if (key == "likes") err = read_count(v, r.likes, "likes");
    else if (key == "pipeline_tag") err = read_string(v, r.task, "pipeline_tag");
    else if (key == "library_name") err = read_string(v, r.library, "library_name");
    else if (key == "sdk") err = read_string(v, sdk, "sdk");
    else if (key == "tags") err = read_tags(v, r);
    else if (key == "baseModels") err = read_base_models(v, r);
    else if (key == "safetensors") err = read_params(v, r);
    // Every other field (cardData, siblings, config, gguf, ...) is ignored; skipping it still validates it.
    if (!err.empty()) return err;
  }
  if (id) r.id = std::move(*id);
  else if (model_id) r.id = std::move(*model_id);
  else return "no id";
  if (r.id.size() > 512) return "id longer than 512 bytes";
  if (author) r.author = std::move(*author);
  else if (auto slash = r.id.find('/'); slash != std::string::npos) r.author = r.id.substr(0, slash);
  if (created) {
    r.created = parse_month(*created);
    if (!r.created) return "createdAt: not an ISO date between 2000 and 2099";
  }
  if (sdk) r.sdk = std::move(*sdk);
  if (r.parent && r.parent->size() > 512) return "base model id longer than 512 bytes";
  if (r.parent && !r.relation) r.relation = Relation::finetune;  // a bare base_model tag: the Hub's default relation
  if (r.parent && *r.parent == r.id) r.parent.reset(), r.relation.reset();
  if (type != RepoType::model) r.parent.reset(), r.relation.reset(), r.params.reset();
  return "";
}

}  // namespace

Result<IngestStats> ingest_records(std::string_view text, RepoType type, bool skip_bad, const std::string& source,
                                   const std::function<void(RepoRecord&&)>& emit) {
  using R = Result<IngestStats>;
  IngestStats stats;
  sj::parser parser;
  RepoRecord record;
  auto fail_or_skip = [&](std::size_t line, const std::string& why) -> bool {
    std::string msg = source + ": line " + std::to_string(line) + ": " + why;
    if (!skip_bad) {
      stats.first_error = msg;
      return false;
    }
    if (stats.first_error.empty()) stats.first_error = msg;
    ++stats.skipped;
    return true;
  };

  std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && text[first] == '[') {
    // One JSON array (as /api/models pages it): a syntax error anywhere makes the whole page unreadable.
    simdjson::padded_string padded(text);
    sj::document doc;
    sj::array arr;
    if (parser.iterate(padded).get(doc) || doc.get_array().get(arr)) return R::failure(source + ": not a JSON array");
    std::size_t index = 0;
    for (auto item : arr) {
      ++index;
      sj::object obj;
      const char* where = nullptr;
      if (item.get_object().get(obj)) {
        std::size_t line = 1;
        if (item.current_location().get(where) == simdjson::SUCCESS)
          line += std::size_t(std::count(static_cast<const char*>(padded.data()), where, '\n'));
        if (!fail_or_skip(line, "record " + std::to_string(index) + " is not an object")) return R::failure(stats.first_error);
        continue;
      }
      FieldError err = read_record(obj, type, record);
      if (!err.empty()) {
        if (!fail_or_skip(index, "record " + std::to_string(index) + ": " + err)) return R::failure(stats.first_error);
        continue;
      }
      ++stats.records;
      emit(std::move(record));
    }
    // A structural error abandons the document (and at_end() must not be asked then).
    if (!doc.is_alive() || !doc.at_end())
      return R::failure(source + ": malformed JSON array (after record " + std::to_string(index) + ")");
    return stats;
  }

  // JSON lines: each line is its own document, so one bad line cannot hide the rest.
  std::vector<char> buf;
  std::size_t line_no = 0, pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    if (buf.size() < line.size() + simdjson::SIMDJSON_PADDING) buf.resize(line.size() + simdjson::SIMDJSON_PADDING);
    std::memcpy(buf.data(), line.data(), line.size());
    sj::document doc;
    sj::object obj;
    FieldError err;
    if (parser.iterate(buf.data(), line.size(), buf.size()).get(doc) || doc.get_object().get(obj)) {
      err = "not a JSON object";
    } else {
      err = read_record(obj, type, record);
      if (err.empty() && (!doc.is_alive() || !doc.at_end())) err = "trailing text after the record";
    }
    if (!err.empty()) {
      if (!fail_or_skip(line_no, err)) return R::failure(stats.first_error);
      continue;
    }
    ++stats.records;
    emit(std::move(record));
  }
  return stats;
}

}  // namespace hubreport
