#include "dims.h"

namespace hubreport {

SizeBucket size_bucket(double params) {
  if (!(params > 0)) return SizeBucket::unknown;
  if (params < 1e9) return SizeBucket::lt1b;
  if (params < 10e9) return SizeBucket::b1to9;
  if (params < 100e9) return SizeBucket::b10to99;
  return SizeBucket::b100plus;
}

}  // namespace hubreport
