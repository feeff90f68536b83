// The synthetic generator's curated knowledge: the models that anchor the report's story (family roots and the
// famous repositories of each lab), how each family is derived from, who quantizes, and the vocabularies from
// which the long tail of names, tasks, libraries and licenses is drawn. Data only; synth_pop_*.cpp use it.
#pragma once
#include <cstddef>
#include <cstdint>

namespace hubreport::synthgen {

// One line of related models from one publisher, e.g. Qwen2.5-{}-Instruct in seven sizes.
struct ModelLine {
  const char* org;
  const char* name;      // "{}" is replaced by each variant's label
  const char* variants;  // with "{}": "label:paramsB[:relation:base]" items joined by ','; without: "paramsB[:relation:base]"
  const char* released;  // "YYYY-MM"
  const char* task;      // pipeline_tag ("" none)
  const char* library;   // library_name ("" none; "gguf" means no safetensors)
  const char* license;   // "" none
  float pop;             // log-popularity of the line's most downloaded variant (natural log units)
  float decay;           // monthly decay of its downloads (negative: still growing)
  const char* family;    // family whose derivative quota this root draws ("" none)
  const char* base;      // default "relation:org/name-with-{}" for every variant ("" none)
};
extern const ModelLine kModelLines[];
extern const std::size_t kModelLineCount;

// How many models derive from a family at scale 1.0 and how (relation mix of the direct derivatives).
struct FamilyPlan {
  const char* family;
  float direct;  // derivatives whose parent is a root of the family (depth 1)
  float deeper;  // derivatives of those derivatives (depth 2+)
  float finetune, adapter, quantized, merge;
  float lag;     // mean months between a root's release and a derivative
  std::uint8_t style;  // naming style of derivatives: 0 LLM, 1 image generation, 2 encoder, 3 speech, 4 vision
};
extern const FamilyPlan kFamilyPlans[];
extern const std::size_t kFamilyPlanCount;

// Bulk activity of a curated publisher beyond its famous lines: repositories per year at scale 1.0.
struct OrgPlan {
  const char* org;
  float models, datasets, spaces;  // per active year
  int first_year, last_year;       // active years (last_year 0 = until the snapshot)
  float pop;                       // log-popularity of its bulk models
};
extern const OrgPlan kOrgPlans[];
extern const std::size_t kOrgPlanCount;

// Accounts that publish quantizations, with the months they were active and their naming style.
struct Quantizer {
  const char* org;
  const char* from;  // "YYYY-MM"
  const char* to;    // "YYYY-MM" or "" = until the snapshot
  float weight;      // share of quantized derivatives while active
  float pop;         // download bonus (log units)
  std::uint8_t style;  // 0 GGUF, 1 GPTQ/AWQ/GGUF (TheBloke), 2 MLX, 3 bnb-4bit/GGUF (unsloth), 4 FP8 (RedHatAI)
};
extern const Quantizer kQuantizers[];
extern const std::size_t kQuantizerCount;

// A weighted choice of task with its usual library, for one era of community models.
struct TaskMix {
  const char* task;
  const char* library;
  float weight[4];  // 2020-2021, 2022, 2023, 2024-
};
extern const TaskMix kModelTasks[];
extern const std::size_t kModelTaskCount;

struct DatasetTask {
  const char* task;      // task_categories value
  const char* modality;  // modality: tag
  float count;           // datasets at scale 1.0 (robotics: see synth_pop_other.cpp)
  float growth;          // yearly growth of its creations
};
extern const DatasetTask kDatasetTasks[];
extern const std::size_t kDatasetTaskCount;

struct Weighted {
  const char* name;
  float weight;
};
extern const Weighted kLicenses[];
extern const std::size_t kLicenseCount;

struct Words {
  const char* const* items;
  std::size_t size;
};
// Vocabularies for names.
extern const Words kFirstNames, kLastNames, kTechWords, kDatasetsWords, kLanguages, kStyleWords, kAppWords,
    kDataTopics, kRobotTasks, kRlEnvs, kArchs;

}  // namespace hubreport::synthgen
