#include "api.h"

#include <algorithm>
#include <cstdio>

#include "json_writer.h"
#include "simdjson.h"

namespace hubreport {

namespace sj = simdjson::ondemand;

namespace {
Reply fail(std::string why) { return {1, std::move(why)}; }
Reply ok(std::string body) { return {0, std::move(body)}; }
}  // namespace

Reply Api::part(std::size_t index, std::string_view bytes) {
  Status err = loader_.add_part(index, bytes);
  return err.empty() ? ok("{}") : fail(err);
}

Reply Api::call(std::string_view request) {
  // Generous: an over-long link must reach parse_state, which says "link too long" to the reader.
  if (request.size() > (1u << 20)) return fail("request too large (over 1 MiB)");
  simdjson::padded_string padded(request);
  sj::parser parser;
  sj::document doc;
  sj::object obj;
  if (parser.iterate(padded).get(doc) || doc.get_object().get(obj)) return fail("request is not a JSON object");
  std::string_view op;
  if (obj["op"].get_string().get(op)) return fail("request has no 'op'");
  auto text = [&](const char* key, std::string_view& out) {
    std::string_view v;
    if (obj[key].get_string().get(v) != simdjson::SUCCESS) return false;
    out = v;
    return true;
  };

  if (op == "begin") {
    std::string_view manifest;
    if (!text("manifest", manifest)) return fail("begin needs 'manifest'");
    engine_.reset();
    // Refuse a snapshot that cannot fit before allocating anything for it.
    auto m = parse_manifest(manifest);
    if (!m) return fail(m.error());
    std::size_t largest_part = 0;
    for (auto& f : m->files)
      if (f.role != "views") largest_part = std::max(largest_part, f.raw_bytes);
    double need = double(m->repositories) * kHeapBytesPerRepository + 2.0 * double(largest_part);
    if (memory_limit_ > 0 && need > memory_limit_) {
      // Tenths by hand: printf's floating-point formatting would add about 5 KB to the module for this one message.
      auto gb = [](double bytes) {
        auto tenths = static_cast<std::uint64_t>(bytes / 1e8 + 0.5);
        return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " GB";
      };
      return fail("snapshot too large: " + std::to_string(m->repositories) + " repositories need about " + gb(need) +
                  " of memory, more than this page can use (" + gb(memory_limit_) +
                  "); open a smaller snapshot, or read this one with the hubreport command line");
    }
    Status err = loader_.begin(manifest);
    if (!err.empty()) return fail(err);
    return ok("{}");
  }
  if (op == "finish") {
    auto store = loader_.finish();
    if (!store) return fail(store.error());
    // No view reads the last-30-days column (the builder already put it into the monthly series): its 4 bytes per
    // repository go back before the engine builds its tables, which reuse them.
    std::vector<std::uint32_t>().swap(store->downloads30);
    engine_ = std::make_unique<Engine>(std::move(store.value()), Engine::kKeptPerMeasure, Engine::kWalkSegment,
                                       Engine::StoreRows::lean);
    return ok(snapshot_info_json(engine_->store()));
  }
  if (op == "state") {
    std::string_view query;
    if (!text("query", query)) return fail("state needs 'query'");
    auto st = parse_state(query);
    if (!st) return fail(st.error());
    std::string body = "{\"query\":";
    append_json_string(body, print_state(st.value()));
    body += ",\"state\":" + state_to_json(st.value()) + "}";
    return ok(body);
  }
  if (!engine_) return fail("no snapshot loaded");
  if (op == "info") return ok(snapshot_info_json(engine_->store()));
  if (op == "configure") {  // benchmarks: {"op":"configure","cache":false} times real recomputations
    bool cache = true;
    if (obj["cache"].get_bool().get(cache)) return fail("configure needs 'cache' (true or false)");
    engine_->set_caching(cache);
    return ok("{}");
  }
  if (op == "view" || op == "views") {
    std::string_view query, view_name, format = "json";
    if (!text("query", query)) return fail(std::string(op) + " needs 'query'");
    auto st = parse_state(query);
    if (!st) return fail(st.error());
    if (op == "views") {
      auto all = engine_->all_views_json(st.value());
      return all ? ok(all.value()) : fail(all.error());
    }
    if (!text("view", view_name)) return fail("view needs 'view'");
    text("format", format);
    if (format != "json" && format != "csv") return fail("format must be json or csv");
    auto slice = engine_->view(st.value(), view_name);
    if (!slice) return fail(slice.error());
    return ok(format == "csv" ? slice_csv(slice.value()) : slice_json(slice.value()));
  }
  if (op == "orgs") {
    std::string_view prefix;
    std::uint64_t limit = 20;
    if (!text("prefix", prefix)) return fail("orgs needs 'prefix'");
    std::uint64_t asked;
    if (obj["limit"].get_uint64().get(asked) == simdjson::SUCCESS) limit = asked;
    return ok(engine_->orgs_matching(prefix.substr(0, 256), std::size_t(std::min<std::uint64_t>(limit, 200))));
  }
  if (op == "values") {
    std::string_view dim;
    if (!text("dim", dim)) return fail("values needs 'dim'");
    auto v = engine_->dimension_values(dim);
    return v ? ok(v.value()) : fail(v.error());
  }
  return fail("unknown op '" + std::string(op).substr(0, 40) + "'");
}

}  // namespace hubreport
