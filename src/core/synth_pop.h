// The synthetic Hub in memory: authors, repositories and their download parameters, before any JSON is written.
// Built by synth_pop_*.cpp, calibrated by synth_fit.cpp, written by synth_write.cpp.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "reference.h"
#include "synth.h"
#include "synth_math.h"

namespace hubreport::synthgen {

constexpr std::uint32_t kNone = 0xFFFFFFFFu;

// Calibration groups: sector and country of the publisher, size class of the model.
enum SectorGroup : std::uint8_t { kIndustry, kInstitution, kCommunity };  // institution: academia, nonprofit, government
enum CountryGroup : std::uint8_t { kUS, kCN, kOtherCountry, kUnknownCountry };
constexpr int kSizeClasses = 6;  // <1B, 1-5B, 5-10B, 10-100B, 100B+, unknown (no safetensors)
constexpr int kCells = 3 * 4 * kSizeClasses;
int size_class(std::uint64_t params);  // params 0 = unknown

struct Author {
  std::string name;
  std::uint8_t sector = kCommunity, country = kUnknownCountry;
};

struct Repo {
  std::int64_t created = 0;   // seconds since first_year-01-01T00:00:00Z
  std::int64_t modified = 0;  // lastModified, same clock
  std::uint64_t params = 0;   // parameter count; 0 = unknown (no safetensors)
  std::uint32_t author = 0;
  std::uint32_t name_off = 0;  // the part after "author/", in Population::text
  std::uint32_t parent = kNone, parent2 = kNone;  // base model(s), repo indexes
  float pop = 0;     // log-popularity before calibration
  float decay = 0;   // monthly decay of downloads (natural log units)
  std::uint16_t name_len = 0;
  std::uint16_t task = 0, library = 0, license = 0, extra = 0;  // Population::dict indexes (0 = none); extra: modality / sdk
  std::uint8_t type = 0;      // 0 model, 1 dataset, 2 space
  std::uint8_t relation = 0;  // 0 original, 1 finetune, 2 adapter, 3 quantized, 4 merge
  std::uint8_t month = 0;     // creation month index (0 = first_year-01)
  std::uint8_t cell = 0;      // calibration cell of a model
  std::uint8_t family = 0xFF; // index into kFamilyPlans for family roots and derivatives, 0xFF none
};

// Interned strings (tasks, libraries, licenses, modalities, SDKs); index 0 is "".
class Dict {
 public:
  Dict() { intern(""); }
  std::uint16_t intern(std::string_view s);
  const std::string& operator[](std::uint16_t i) const { return names_[i]; }

 private:
  std::vector<std::string> names_;
  std::unordered_map<std::string, std::uint16_t> index_;
};

struct Population {
  SynthOptions options;
  std::uint64_t seed = 0;
  int months = 0;                       // snapshot month index S: months 0..S, S partial
  int snapshot_day = 15;                // day of month of the snapshot
  std::vector<std::int64_t> month_start;  // seconds at the start of month t, t = 0..S+1
  std::int64_t snapshot_time = 0;       // seconds at the snapshot (end of its day)

  std::vector<Author> authors;
  std::unordered_map<std::string, std::uint32_t> author_index;  // lower-case name -> author
  std::vector<Repo> repos;
  std::string text;  // repository names
  Dict dict;

  // Community accounts: a Zipf-weighted pool, made once. Curated publishers are authors 0..curated-1.
  std::vector<std::uint32_t> community;
  std::uint32_t curated = 0;
  std::vector<std::vector<std::uint32_t>> family_roots;  // per kFamilyPlans entry: root repositories

  std::uint32_t pick_community(Rng& rng) const;  // Zipf-Mandelbrot over the pool: a few prolific accounts

  void init_calendar();
  int month_of(std::int64_t t) const;  // month index of a time
  std::int64_t time_in_month(int month, Rng& rng) const;  // uniform within the month (up to the snapshot)
  int month_from_text(const char* yyyy_mm) const;           // "2024-09" -> index, clamped to [0, S]
  std::string iso(std::int64_t t) const;                    // "2024-02-28T15:24:14.000Z"
  std::string month_end_date(int month) const;              // "2024-02-29"

  std::uint32_t author(std::string_view name) const;  // kNone when unknown (case-insensitive)
  std::uint32_t add_author(const std::string& name, std::uint8_t sector, std::uint8_t country);
  // Adds a repository under a unique name (appending -2, -3, ... when taken); returns its index.
  std::uint32_t add_repo(Repo r, std::string_view name);
  std::string_view name(const Repo& r) const { return std::string_view(text).substr(r.name_off, r.name_len); }
  std::string id(const Repo& r) const { return authors[r.author].name + "/" + std::string(name(r)); }
  std::uint32_t find(std::uint8_t type, std::string_view id) const;  // kNone when absent
  bool taken(std::uint8_t type, std::uint32_t author, std::string_view name) const;

 private:
  // Open-addressing set of taken ids: hash of (type, lower-case id) -> repository index.
  std::vector<std::uint64_t> slot_key_;
  std::vector<std::uint32_t> slot_repo_;
  std::size_t slot_used_ = 0;
  mutable std::size_t zipf_size_ = 0;
  mutable double zipf_lo_ = 0, zipf_hi_ = 0;
  bool claim(std::uint64_t h, std::uint32_t repo);  // false when taken
  std::uint32_t lookup(std::uint64_t h) const;
};

int family_plan(const char* family);  // index into kFamilyPlans, -1 when absent
const char* pick_license(Rng& rng);
double month_seconds();  // mean month length in seconds

// Model attributes shared by the stages (synth_pop_models.cpp).
std::uint64_t params_of(double billions, Rng& rng);  // 0 when billions <= 0
double safetensors_chance(std::string_view library, int year);
std::uint64_t typical_params(Rng& rng, std::string_view task, int year);  // a plausible size for a new model
float decay_for(double pop, double base, Rng& rng);  // faster decay for less popular repositories
int task_era(int year);  // index into TaskMix::weight
std::size_t pick_model_task(Rng& rng, int year);  // index into kModelTasks
std::size_t pick_dataset_task(Rng& rng);          // index into kDatasetTasks, by their counts (synth_pop_other.cpp)
const char* pick_sdk(Rng& rng, int year);         // Spaces SDK by era (synth_pop_other.cpp)

// Stages, in order (synth.cpp runs them).
void make_authors(Population& p, const std::vector<Publisher>& publishers);
void make_catalog_models(Population& p);
void make_org_bulk(Population& p);
void make_family_derivatives(Population& p);
void make_fill_models(Population& p);
void make_datasets(Population& p);
void make_spaces(Population& p);
void finish_population(Population& p);  // sort by creation time, remap parents, assign calibration cells

// Name makers (synth_names.cpp).
std::string community_handle(Rng& rng);
std::string original_model_name(Rng& rng, std::string_view task, int year);
std::string derivative_name(Rng& rng, std::string_view parent_org, std::string_view parent, int relation, int style,
                            int quantizer_style, int year);
std::string bulk_model_name(Rng& rng, std::string_view org, std::string_view task, int year);
std::string dataset_name(Rng& rng, std::string_view task);
std::string robotics_dataset_name(Rng& rng);
std::string space_name(Rng& rng);

}  // namespace hubreport::synthgen
