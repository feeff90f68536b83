// Reading a snapshot column in magnitude code (magnitude_code.h) from its JSON object, and the dictionaries' models.
// Apart from the loader so that the module builds it for size (CMakeLists.txt): its loops over a column's values
// spend their time in MagnitudeReader::next, which is not built for size.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "magnitude_code.h"
#include "result.h"
#include "simdjson.h"
#include "snapshot.h"

namespace hubreport {

// Opens `reader` on the object's coded symbols and bits, with the column's model (from the dictionaries part); "" or
// what is wrong.
Status open_magnitudes(simdjson::ondemand::object obj, MagnitudeReader& reader, const SymbolModel& model);

// The values of a column in magnitude code, as many as `values` holds, each in its context: `contexts[i]`, or without
// them the previous value's class (0 for the first); "" or what is wrong.
Status read_magnitudes(simdjson::ondemand::object obj, std::vector<std::int64_t>& values, const SymbolModel& model,
                       const std::uint8_t* contexts);

// The dictionaries part's "symbol_models" (each model as [[symbol,frequency,...] per context]); "" or what is wrong.
Status read_snapshot_models(simdjson::ondemand::value v, SnapshotModels& models);

// A range-coded column of counts (-1 for unknown) read once its values' contexts are known (the last 30 days and the
// likes: RowContexts); "" or what is wrong.
Status read_coded_counts(MagnitudeReader& r, const std::string& key, const std::vector<std::uint32_t>& contexts,
                         std::uint32_t* out);


}  // namespace hubreport
