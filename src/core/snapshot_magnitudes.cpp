#include "snapshot_magnitudes.h"

namespace hubreport {

namespace sj = simdjson::ondemand;

Status open_magnitudes(sj::object obj, MagnitudeReader& reader, std::size_t contexts) {
  std::vector<std::uint64_t> counts;
  std::string_view classes, bits;
  sj::array list;
  if (obj["contexts"].get_array().get(list)) return "is not a list, runs or magnitude code";
  for (auto item : list) {
    std::uint64_t c;
    if (item.get_uint64().get(c) || counts.size() == contexts) return "has a wrong list of contexts";
    counts.push_back(c);
  }
  if (counts.size() != contexts) return "has a wrong list of contexts";
  if (obj["classes"].get_string().get(classes) || obj["bits"].get_string().get(bits))
    return "is not a list, runs or magnitude code";
  return reader.open(std::move(counts), classes, bits);
}

Status read_magnitudes(sj::object obj, std::vector<std::int64_t>& values) {
  MagnitudeReader reader;
  Status err = open_magnitudes(obj, reader, 1);
  if (!err.empty()) return err;
  if (reader.size() != values.size())
    return "has " + std::to_string(reader.size()) + " values, expected " + std::to_string(values.size());
  for (auto& v : values)
    if (!reader.next(0, v)) return "has fewer values or bits than expected, or a corrupt class";
  return reader.at_end() ? "" : "has more values or bits than expected";
}

}  // namespace hubreport
