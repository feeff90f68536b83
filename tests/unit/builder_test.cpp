// The builder: dated-dump differencing, merging of partial records, families and relations.
#include "catch.hpp"
#include "fixtures.h"

using namespace hubreport;
using namespace hubreport::test;

TEST_CASE("several dated dumps give a monthly downloads series", "[builder]") {
  std::string dir = source_path("tests/fixtures/dumps");
  // Given out of date order on purpose: the builder orders dumps itself.
  auto store = build_fixture(dir, {{RepoType::model, "2026-02-28", "models-2026-02-28.jsonl"},
                                   {RepoType::model, "2025-11-30", "models-2025-11-30.jsonl"},
                                   {RepoType::model, "2025-12-31", "models-2025-12-31.jsonl"}});
  REQUIRE(store.ok());
  CHECK_FALSE(store->info.single_dump);
  Engine engine(std::move(store.value()));
  auto geo = engine.view(parse_state("").value(), "geography");
  REQUIRE(geo.ok());
  CHECK(slice_json(geo.value()) ==
        R"({"view":"geography","columns":["month","country","downloads","repos"],"rows":[["2025-10","unknown",0,1],["2025-11","unknown",45,1],["2025-12","unknown",68,0],["2026-01","unknown",102,0],["2026-02","unknown",109,1]]})");
  auto head = engine.view(parse_state("").value(), "headline");
  CHECK(slice_json(head.value()).find(R"(["period","2025-11..2026-02"])") != std::string::npos);
  CHECK(slice_json(head.value()).find(R"(["downloads",324])") != std::string::npos);
  // The sparse middle dump updated downloads only; the latest full record's likes and task survive.
  auto orgs = engine.view(parse_state("").value(), "orgs");
  CHECK(slice_json(orgs.value()).find(R"(["a","unknown","community",1,290,3,)") != std::string::npos);
  auto tasks = engine.view(parse_state("org=a").value(), "tasks");
  CHECK(slice_json(tasks.value()).find("text-generation") != std::string::npos);
}

TEST_CASE("families follow the base-model chain to its root", "[builder]") {
  Engine engine = small_engine();
  const Store& s = engine.store();
  auto row_of = [&](const std::string& author) {
    for (std::size_t r = 0; r < s.rows(); ++r)
      if (s.authors[s.author[r]] == author && s.type[r] == 0) return r;
    FAIL("no row for " << author);
    return std::size_t(0);
  };
  std::size_t bob = row_of("bob"), alice = row_of("alice"), carol = row_of("carol"), bert = row_of("(none)"),
              deepseek = row_of("deepseek-ai");
  CHECK(s.families[s.family[bob]] == "Qwen");  // quantized <- finetune <- Qwen/Qwen2.5-7B
  CHECK(s.depth[bob] == 2);
  CHECK(Relation(s.relation[bob]) == Relation::quantized);
  CHECK(s.depth[alice] == 1);
  CHECK(s.families[s.family[carol]] == "Llama");
  CHECK(Relation(s.relation[carol]) == Relation::adapter);  // baseModels.relation over the bare tag
  CHECK(s.families[s.family[bert]] == "BERT");              // legacy root named by a pattern without namespace
  CHECK(s.family[deepseek] == 0);                           // no chain, no curated name: no family
  CHECK(SizeBucket(s.size[deepseek]) == SizeBucket::b100plus);
  CHECK(SizeBucket(s.size[bob]) == SizeBucket::unknown);
  CHECK(s.downloads_all[bert] == kUnknownTotal);
  CHECK(s.likes[bob] == kUnknownCount);
  CHECK(s.created[bert] == kUnknownMonth);
}

TEST_CASE("dump dates come from file names", "[builder]") {
  CHECK(date_in_name("models-2026-03-15.jsonl.gz") == "2026-03-15");
  CHECK(date_in_name("hub-2025-02-28-part1.json") == "2025-02-28");
  CHECK(date_in_name("models.jsonl").empty());
  CHECK(date_in_name("x2026-13-01").empty());
}

TEST_CASE("a base-model cycle in bad data does not hang the builder", "[builder]") {
  ReferenceTables tables;
  tables.taxonomy = {{"text-generation", Modality::text}};
  Builder b(tables, BuildOptions{});
  REQUIRE(b.add_dump(RepoType::model, "2025-01-01", "cycle",
                     "{\"id\":\"a/1\",\"tags\":[\"base_model:a/2\"]}\n{\"id\":\"a/2\",\"tags\":[\"base_model:a/1\"]}\n")
              .empty());
  auto store = b.finish();
  REQUIRE(store.ok());
  CHECK(store->rows() == 2);
}
