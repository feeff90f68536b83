// One repository as read from one Hub API record. Absent fields stay unknown (std::nullopt / empty), never zero.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "dims.h"
#include "month.h"

namespace hubreport {

struct RepoRecord {
  RepoType type = RepoType::model;
  std::string id;      // "author/name" (legacy ids have no '/')
  std::string author;  // from `author`, else the part of id before '/'
  std::optional<Month> created;
  std::optional<std::uint64_t> downloads30, downloads_all, likes, params;
  std::optional<std::string> task;     // models: pipeline_tag; datasets: first task_categories: tag
  std::optional<std::string> library;  // library_name
  std::optional<std::string> license;  // license: tag
  std::optional<std::string> sdk;      // spaces
  std::optional<std::string> parent;   // direct base model
  std::optional<Relation> relation;    // relation to parent (original when the record names none)
};

}  // namespace hubreport
