// A dictionary's strings packed one after another, each found by its offset: 4 bytes a name and its characters,
// where a std::string takes 12 bytes in wasm and, past 10 characters, a heap block of its own. The default snapshot
// has 405K organisation names and 133K family names (these mostly "org/model", over 20 characters).
#pragma once
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace hubreport {

class Names {
 public:
  Names() = default;
  Names(std::initializer_list<std::string_view> names) {
    for (auto n : names) push_back(n);
  }
  explicit Names(const std::vector<std::string>& names) {
    std::size_t chars = 0;
    for (const auto& n : names) chars += n.size();
    chars_.reserve(chars), start_.reserve(names.size() + 1);
    for (const auto& n : names) push_back(n);
  }
  std::string_view operator[](std::size_t i) const { return {chars_.data() + start_[i], start_[i + 1] - start_[i]}; }
  std::size_t size() const { return start_.empty() ? 0 : start_.size() - 1; }
  bool empty() const { return start_.size() < 2; }
  void push_back(std::string_view name) {
    if (start_.empty()) start_.push_back(0);
    chars_ += name;
    start_.push_back(std::uint32_t(chars_.size()));
  }
  void clear() { chars_.clear(), start_.clear(); }
  void shrink_to_fit() { chars_.shrink_to_fit(), start_.shrink_to_fit(); }
  std::size_t memory_bytes() const { return chars_.capacity() + start_.capacity() * sizeof(std::uint32_t); }
  bool operator==(const Names& o) const { return chars_ == o.chars_ && size() == o.size() && (empty() || start_ == o.start_); }

 private:
  std::string chars_;
  std::vector<std::uint32_t> start_;  // name i is chars_[start_[i], start_[i + 1]); empty when there are none
};

}  // namespace hubreport
