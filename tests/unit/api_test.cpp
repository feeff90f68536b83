// The request dispatcher behind the wasm boundary: the same calls the page's worker makes.
#include "api.h"
#include "catch.hpp"
#include "fixtures.h"
#include "json_writer.h"

using namespace hubreport;
using namespace hubreport::test;

namespace {
std::string manifest_with(std::size_t repositories, std::size_t models) {
  return "{\"format\":\"hubreport-snapshot\",\"version\":" + std::to_string(kSnapshotVersion) + ",\"id\":\"big\",\"date\":\"2026-03-15\",\"kind\":\"real\","
         "\"provenance\":\"\",\"single_dump\":true,\"counts\":{\"repositories\":" + std::to_string(repositories) +
         ",\"models\":" + std::to_string(models) + ",\"datasets\":0,\"spaces\":" + std::to_string(repositories - models) +
         ",\"series_points\":0},\"files\":[{\"path\":\"dicts.json.gz\",\"role\":\"dicts\",\"rows\":0,\"bytes\":1,\"raw_bytes\":1,"
         "\"sha256\":\"" + std::string(64, '0') + "\"},{\"path\":\"rows-0000.json.gz\",\"role\":\"rows\",\"rows\":" +
         std::to_string(repositories) + ",\"bytes\":1,\"raw_bytes\":1,\"sha256\":\"" + std::string(64, '0') + "\"}]}";
}
std::string request(const std::string& op, const std::string& manifest) {
  std::string r = "{\"op\":\"" + op + "\",\"manifest\":";
  append_json_string(r, manifest);
  return r + "}";
}
}  // namespace

TEST_CASE("a snapshot too large for the browser is refused from its manifest", "[api]") {
  Api api(3.6e9);
  Reply big = api.call(request("begin", manifest_with(20000000, 20000000)));
  CHECK(big.status != 0);
  CHECK(big.body.find("snapshot too large: 20000000 repositories need about 7.2 GB of memory, more than this page can "
                      "use (3.6 GB); open a smaller snapshot") != std::string::npos);
  CHECK(api.call(request("begin", manifest_with(1000, 1000))).status == 0);
  Api unlimited;
  CHECK(unlimited.call(request("begin", manifest_with(20000000, 20000000))).status == 0);
}

TEST_CASE("requests: load, state, views, orgs, values and clear errors", "[api]") {
  Engine engine = small_engine();
  auto parts = encode_snapshot(engine.store(), 4);
  for (auto& p : parts) p.sha256 = std::string(64, '0');
  Api api;
  CHECK(api.call("{\"op\":\"views\",\"query\":\"\"}").body == "no snapshot loaded");
  REQUIRE(api.call(request("begin", encode_manifest(engine.store(), parts))).status == 0);
  for (std::size_t i = 0; i < parts.size(); ++i) REQUIRE(api.part(i, parts[i].text).status == 0);
  Reply info = api.call("{\"op\":\"finish\"}");
  REQUIRE(info.status == 0);
  CHECK(info.body.find("\"repositories\":11") != std::string::npos);
  Reply state = api.call("{\"op\":\"state\",\"query\":\"country=US~CN&s=x\"}");
  CHECK(state.body.find("\"query\":\"s=x\\u0026v=2\\u0026country=CN~US\"") != std::string::npos);  // & is escaped in JSON
  CHECK(api.call("{\"op\":\"state\",\"query\":\"bogus=1\"}").body == "unknown key 'bogus'");
  Reply views = api.call("{\"op\":\"views\",\"query\":\"\"}");
  REQUIRE(views.status == 0);
  for (auto name : kViewNames) CHECK(views.body.find("\"" + std::string(name) + "\":{\"view\"") != std::string::npos);
  // The page's engine gave back the columns no view reads (the last 30 days; the filter columns, which its items
  // hold), and answers as one that kept them.
  CHECK(api.engine()->store().downloads30.empty());
  CHECK(api.engine()->store().author.empty());
  CHECK(api.engine()->store().license.empty());
  CHECK(views.body == engine.all_views_json(parse_state("").value()).value());
  CHECK(api.call("{\"op\":\"view\",\"query\":\"\",\"view\":\"sdks\",\"format\":\"csv\"}").body ==
        "month,sdk,repos\r\n2025-02,docker,1\r\n2025-03,gradio,1\r\n");
  CHECK(api.call("{\"op\":\"orgs\",\"prefix\":\"qw\"}").body.find("\"org\":\"Qwen\"") != std::string::npos);
  CHECK(api.call("{\"op\":\"values\",\"dim\":\"license\"}").body.find("[\"apache-2.0\",4]") != std::string::npos);
  CHECK(api.call("{\"op\":\"values\",\"dim\":\"colour\"}").status != 0);
  CHECK(api.call("{\"op\":\"fly\"}").body == "unknown op 'fly'");
  CHECK(api.call("not json").status != 0);
  CHECK(api.part(0, "{}").status != 0);  // parts only between begin and finish
}
