// Ingest of Hub API records: both real shapes, arrays and JSON lines, unknown vs zero, malformed records.
#include <vector>

#include "catch.hpp"
#include "ingest.h"

using namespace hubreport;

namespace {
std::vector<RepoRecord> read_all(const std::string& text, RepoType type = RepoType::model, bool skip = false,
                                 IngestStats* stats = nullptr, std::string* error = nullptr) {
  std::vector<RepoRecord> out;
  auto r = ingest_records(text, type, skip, "input", [&](RepoRecord&& rec) { out.push_back(std::move(rec)); });
  if (stats && r.ok()) *stats = r.value();
  if (error) *error = r.ok() ? "" : r.error();
  return out;
}
}  // namespace

TEST_CASE("hub-stats 2026 shape: relation, parent, params, license", "[ingest]") {
  auto recs = read_all(
      R"({"id":"a/b","author":"a","createdAt":"2024-02-28T15:24:14.000Z","downloads":5,"downloadsAllTime":9,"likes":1,"tags":["license:mit","base_model:x/y","base_model:quantized:x/y"],"cardData":"{\"base_model\": \"z\"}","safetensors":{"parameters":{"BF16":7},"total":7},"gguf":null,"baseModels":{"relation":"quantized","models":[{"_id":"1","id":"x/y"}]},"pipeline_tag":"text-generation","library_name":"gguf"})");
  REQUIRE(recs.size() == 1);
  const RepoRecord& r = recs[0];
  CHECK(r.id == "a/b");
  CHECK(r.author == "a");
  CHECK(format_month(*r.created) == "2024-02");
  CHECK(*r.downloads30 == 5);
  CHECK(*r.downloads_all == 9);
  CHECK(*r.params == 7);
  CHECK(*r.license == "mit");
  CHECK(*r.parent == "x/y");
  CHECK(*r.relation == Relation::quantized);
  CHECK(*r.task == "text-generation");
}

TEST_CASE("2022 shape: modelId, no author, no createdAt; missing fields stay unknown", "[ingest]") {
  auto recs = read_all(R"({"modelId": "bert-base-uncased", "sha": "x", "tags": [], "pipeline_tag": null, "siblings": [], "private": false, "downloads": 0, "likes": 0}
{"modelId": "org/m", "lastModified": "2022-01-20T12:13:34.000Z", "downloads": 3})");
  REQUIRE(recs.size() == 2);
  CHECK(recs[0].id == "bert-base-uncased");
  CHECK(recs[0].author.empty());
  CHECK_FALSE(recs[0].created);
  CHECK_FALSE(recs[0].downloads_all);  // unknown, not zero
  CHECK(*recs[0].downloads30 == 0);    // a real zero
  CHECK_FALSE(recs[0].task);           // null pipeline_tag
  CHECK(recs[1].author == "org");
  CHECK_FALSE(recs[1].likes);
}

TEST_CASE("a JSON array as the API pages it", "[ingest]") {
  auto recs = read_all(R"(  [ {"id":"a/1","sdk":"gradio"}, {"id":"a/2","sdk":"streamlit","likes":4} ]  )", RepoType::space);
  REQUIRE(recs.size() == 2);
  CHECK(*recs[1].sdk == "streamlit");
  CHECK(*recs[1].likes == 4);
}

TEST_CASE("malformed records are reported with their line, then skipped or fatal", "[ingest]") {
  std::string text = "{\"id\":\"a/1\"}\n{\"id\":\"a/2\",\"downloads\":-5}\n\n{not json}\n{\"id\":\"a/3\",\"tags\":\"x\"}\n{\"downloads\":1}\n{\"id\":\"a/4\",\"createdAt\":\"yesterday\"}\n{\"id\":\"a/5\"}\n";
  std::string error;
  auto none = read_all(text, RepoType::model, false, nullptr, &error);
  CHECK(error == "input: line 2: downloads: expected a non-negative integer");
  IngestStats stats;
  auto some = read_all(text, RepoType::model, true, &stats);
  REQUIRE(some.size() == 2);
  CHECK(some[1].id == "a/5");
  CHECK(stats.skipped == 5);
  CHECK(stats.first_error == "input: line 2: downloads: expected a non-negative integer");
  read_all("{\"id\":\"a\"}\n{\"id\":\"b\"} trailing\n", RepoType::model, false, nullptr, &error);
  CHECK(error.find("line 2") != std::string::npos);
  read_all("[{\"id\":\"a\"}, 5]", RepoType::model, false, nullptr, &error);
  CHECK(error.find("record 2 is not an object") != std::string::npos);
  read_all("[{\"id\":\"a\"}, {\"id\":", RepoType::model, false, nullptr, &error);
  CHECK_FALSE(error.empty());
}

TEST_CASE("absurd values are rejected, not mangled", "[ingest]") {
  std::string error;
  read_all("{\"id\":\"" + std::string(600, 'x') + "\"}", RepoType::model, false, nullptr, &error);
  CHECK(error.find("id longer") != std::string::npos);
  read_all(R"({"id":"a/b","downloads":1.5})", RepoType::model, false, nullptr, &error);
  CHECK(error.find("downloads") != std::string::npos);
  read_all(R"({"id":"a/b","likes":"many"})", RepoType::model, false, nullptr, &error);
  CHECK(error.find("likes") != std::string::npos);
  // Lifetime downloads up to 2^48 - 1 are kept exactly; beyond, the record is refused (store.h, kMaxLifetime).
  auto big = read_all(R"({"id":"a/b","downloadsAllTime":281474976710655})");
  REQUIRE(big.size() == 1);
  CHECK(*big[0].downloads_all == 281474976710655ull);
  read_all(R"({"id":"a/b","downloadsAllTime":281474976710656})", RepoType::model, false, nullptr, &error);
  CHECK(error == "input: line 1: downloadsAllTime: 281474976710656 is out of range (at most 281474976710655)");
  read_all(R"({"id":"a/b","downloadsAllTime":18446744073709551615})", RepoType::model, false, nullptr, &error);
  CHECK(error.find("downloadsAllTime: 18446744073709551615 is out of range") != std::string::npos);
}
