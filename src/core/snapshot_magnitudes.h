// Reading a snapshot column in magnitude code (magnitude_code.h) from its JSON object. Apart from the loader because
// it runs once per column, not per value: the module builds it for size (CMakeLists.txt).
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "magnitude_code.h"
#include "result.h"
#include "simdjson.h"

namespace hubreport {

// Opens `reader` on the object's contexts (`contexts` counts expected), classes and bits; "" or what is wrong.
Status open_magnitudes(simdjson::ondemand::object obj, MagnitudeReader& reader, std::size_t contexts);

// The values of a column in magnitude code in one context, as many as `values` holds; "" or what is wrong.
Status read_magnitudes(simdjson::ondemand::object obj, std::vector<std::int64_t>& values);

}  // namespace hubreport
