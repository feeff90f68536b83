#include "snapshot_magnitudes.h"

namespace hubreport {

namespace sj = simdjson::ondemand;

Status open_magnitudes(sj::object obj, MagnitudeReader& reader, const SymbolModel& model) {
  std::uint64_t values;
  std::string_view coded, bits;
  if (obj["values"].get_uint64().get(values) || obj["coded"].get_string().get(coded) || obj["bits"].get_string().get(bits))
    return "is not a list, runs or magnitude code (values, coded, bits)";
  return reader.open(model, values, coded, bits);
}

Status read_magnitudes(sj::object obj, std::vector<std::int64_t>& values, const SymbolModel& model,
                       const std::uint8_t* contexts) {
  MagnitudeReader reader;
  Status err = open_magnitudes(obj, reader, model);
  if (!err.empty()) return err;
  if (reader.size() != values.size())
    return "has " + std::to_string(reader.size()) + " values, expected " + std::to_string(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    const std::size_t context = contexts ? contexts[i] : i ? magnitude_class(values[i - 1]) : 0;
    if (!reader.next(context, values[i])) return "has fewer values or bits than expected, or a corrupt class";
  }
  return reader.at_end() ? "" : "has more values or bits than expected";
}

Status read_symbol_model(sj::value v, SymbolModel& model, std::size_t contexts) {
  model = SymbolModel(contexts);
  sj::array list;
  if (v.get_array().get(list)) return "is not a list of contexts";
  std::vector<std::uint64_t> pairs;
  for (auto item : list) {
    sj::array context;
    if (item.get_array().get(context)) return "has a wrong list of contexts";
    pairs.clear();
    for (auto x : context) {
      std::uint64_t n;
      if (x.get_uint64().get(n)) return "holds a non-integer";
      pairs.push_back(n);
    }
    Status err = model.add_context(pairs);
    if (!err.empty()) return err;
  }
  return model.scaled() ? "" : "has a wrong list of contexts";
}

Status read_snapshot_models(sj::value v, SnapshotModels& models) {
  sj::object list;
  if (v.get_object().get(list)) return "'symbol_models' is not an object";
  for (std::size_t k = 0; k < models.all().size(); ++k) {
    const std::string name = SnapshotModels::kNames[k];
    sj::value m;
    if (list[name].get(m)) return "'symbol_models' has no model for " + name;
    SymbolModel& model = *models.all()[k];
    Status err = read_symbol_model(m, model, model.contexts());
    if (!err.empty()) return "symbol model of " + name + " " + err;
  }
  return "";
}

Status read_coded_counts(MagnitudeReader& r, const std::string& key, const std::vector<std::uint32_t>& contexts,
                         std::uint32_t* out) {
  if (r.size() != contexts.size())
    return "column '" + key + "' has " + std::to_string(r.size()) + " values, expected " + std::to_string(contexts.size());
  for (std::size_t i = 0; i < contexts.size(); ++i) {
    std::int64_t x;
    if (!r.next(contexts[i], x)) return "column '" + key + "' has fewer values or bits than expected, or a corrupt class";
    if (x < -1 || x >= std::int64_t(kUnknownCount)) return "column '" + key + "' holds an out-of-range value";
    out[i] = x < 0 ? kUnknownCount : std::uint32_t(x);
  }
  return r.at_end() ? "" : "column '" + key + "' has more values or bits than expected";
}

}  // namespace hubreport
