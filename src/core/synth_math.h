// Deterministic numerics for the synthetic generator: a fixed PRNG (splitmix64 seeding xoshiro256**), its own
// samplers, and exp/log written with + - * / only, so the output is bit-identical on every machine and libm
// (std::exp and std::log may differ in the last bit between C libraries; std::sqrt and std::ldexp are exact).
#pragma once
#include <cmath>
#include <cstdint>
#include <string_view>
#include <vector>

// Keep a*b+c as two roundings everywhere (no fused multiply-add): part of bit-identical output across CPUs.
#if defined(__clang__)
#pragma clang fp contract(off)
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif

namespace hubreport::synthgen {

inline std::uint64_t splitmix64(std::uint64_t& x) {
  std::uint64_t z = (x += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// A 64-bit hash of a string (FNV-1a, then mixed): names, de-duplication, per-stream seeds.
inline std::uint64_t hash_str(std::string_view s, std::uint64_t h = 0xCBF29CE484222325ull) {
  for (unsigned char c : s) h = (h ^ c) * 0x100000001B3ull;
  std::uint64_t x = h;
  return splitmix64(x);
}

// Deterministic exp and log: range reduction plus a polynomial, relative error about 1e-16.
inline double dexp(double x) {
  if (x < -700) return 0;
  if (x > 700) x = 700;
  const double ln2_hi = 6.93147180369123816490e-01, ln2_lo = 1.90821492927058770002e-10;
  double kf = x * 1.4426950408889634 + (x >= 0 ? 0.5 : -0.5);
  int k = int(kf);
  double r = (x - k * ln2_hi) - k * ln2_lo;  // |r| <= ln2/2
  // Taylor series to r^14 (Horner form, coefficients 1/i!): the remainder is below 1e-17.
  constexpr double c[15] = {1.0, 1.0, 1.0 / 2, 1.0 / 6, 1.0 / 24, 1.0 / 120, 1.0 / 720, 1.0 / 5040, 1.0 / 40320,
                            1.0 / 362880, 1.0 / 3628800, 1.0 / 39916800, 1.0 / 479001600, 1.0 / 6227020800.0,
                            1.0 / 87178291200.0};
  double sum = c[14];
  for (int i = 13; i >= 0; --i) sum = sum * r + c[i];
  return std::ldexp(sum, k);
}

inline double dlog(double x) {
  if (!(x > 0)) return -745;
  int e;
  double m = std::frexp(x, &e);  // x = m * 2^e, m in [0.5, 1)
  if (m < 0.70710678118654752) m *= 2, e -= 1;
  // atanh series in s = (m-1)/(m+1), |s| < 0.172: 2 (s + s^3/3 + ... + s^23/23).
  double s = (m - 1) / (m + 1), s2 = s * s, poly = 1.0 / 23;
  for (int i = 21; i >= 1; i -= 2) poly = poly * s2 + 1.0 / i;
  double sum = s * poly;
  return 2 * sum + e * 0.69314718055994530942;
}

inline double dpow(double base, double e) { return base <= 0 ? 0 : dexp(e * dlog(base)); }

class Rng {
 public:
  explicit Rng(std::uint64_t seed) {
    std::uint64_t x = seed;
    for (auto& w : s_) w = splitmix64(x);
  }
  Rng(std::uint64_t seed, std::string_view stream) : Rng(seed ^ hash_str(stream)) {}
  std::uint64_t next() {
    std::uint64_t result = rotl(s_[1] * 5, 7) * 9, t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }
  double uniform() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }  // [0, 1)
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
  std::uint32_t below(std::uint32_t n) { return n ? std::uint32_t((next() >> 32) * n >> 32) : 0; }
  bool chance(double p) { return uniform() < p; }
  // Standard normal by Marsaglia's polar method (sqrt is exact in IEEE arithmetic).
  double normal() {
    if (have_spare_) {
      have_spare_ = false;
      return spare_;
    }
    double u, v, s;
    do {
      u = 2 * uniform() - 1;
      v = 2 * uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s == 0);
    double f = std::sqrt(-2 * dlog(s) / s);
    spare_ = v * f;
    have_spare_ = true;
    return u * f;
  }
  double exponential(double mean) { return -mean * dlog(1 - uniform()); }
  // Pareto-tailed integer in [1, n]: P(k) ~ k^-s (continuous inverse CDF, rounded down). s != 1.
  std::uint32_t zipf(std::uint32_t n, double s) {
    double a = 1 - s, top = dpow(double(n) + 1, a);
    double x = dpow(1 + uniform() * (top - 1), 1 / a);
    std::uint32_t k = std::uint32_t(x);
    return k < 1 ? 1 : k > n ? n : k;
  }
  template <class T, std::size_t N>
  const T& pick(const T (&items)[N]) {
    return items[below(std::uint32_t(N))];
  }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t s_[4];
  double spare_ = 0;
  bool have_spare_ = false;
};

// Index drawn in proportion to non-negative weights (cumulative table, binary search).
class WeightedPick {
 public:
  template <class It>
  void assign(It first, It last) {
    cum_.clear();
    double run = 0;
    for (; first != last; ++first) cum_.push_back(run += double(*first));
  }
  void add(double w) { cum_.push_back((cum_.empty() ? 0 : cum_.back()) + w); }
  bool empty() const { return cum_.empty() || cum_.back() <= 0; }
  std::size_t size() const { return cum_.size(); }
  std::size_t operator()(Rng& rng) const {
    double x = rng.uniform() * cum_.back();
    std::size_t lo = 0, hi = cum_.size() - 1;
    while (lo < hi) {
      std::size_t mid = (lo + hi) / 2;
      if (cum_[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

 private:
  std::vector<double> cum_;
};

}  // namespace hubreport::synthgen
