// The small, fixed vocabularies of the data model, with the names used in URLs, the CLI and the page.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace hubreport {

enum class RepoType : std::uint8_t { model, dataset, space };
constexpr std::array<std::string_view, 3> kRepoTypeNames{"model", "dataset", "space"};

// Who publishes: from the curated publisher table; unlisted namespaces are "community".
enum class Sector : std::uint8_t { industry, academia, nonprofit, government, community };
constexpr std::array<std::string_view, 5> kSectorNames{"industry", "academia", "nonprofit", "government", "community"};

// Relation of a model to its direct parent; "original" when it names no base model.
enum class Relation : std::uint8_t { original, finetune, adapter, quantized, merge };
constexpr std::array<std::string_view, 5> kRelationNames{"original", "finetune", "adapter", "quantized", "merge"};

// Parameter-count bucket. URL-safe names: <1B, 1-9B, 10-99B, 100B+, unknown.
enum class SizeBucket : std::uint8_t { lt1b, b1to9, b10to99, b100plus, unknown };
constexpr std::array<std::string_view, 5> kSizeNames{"lt1b", "1to9b", "10to99b", "100bplus", "unknown"};
SizeBucket size_bucket(double params);  // params <= 0 means unknown

// Task modality after @huggingface/tasks PIPELINE_DATA (nlp -> text, cv -> vision, rl -> robotics).
enum class Modality : std::uint8_t { text, vision, audio, multimodal, tabular, robotics, other, unknown };
constexpr std::array<std::string_view, 8> kModalityNames{"text",    "vision",   "audio", "multimodal",
                                                         "tabular", "robotics", "other", "unknown"};

// Spaces SDK; "none" for models and datasets.
enum class Sdk : std::uint8_t { none, gradio, streamlit, docker, static_html, other };
constexpr std::array<std::string_view, 6> kSdkNames{"none", "gradio", "streamlit", "docker", "static", "other"};

template <std::size_t N>
std::optional<std::uint8_t> lookup_name(const std::array<std::string_view, N>& names, std::string_view s) {
  for (std::size_t i = 0; i < N; ++i)
    if (names[i] == s) return std::uint8_t(i);
  return std::nullopt;
}

}  // namespace hubreport
