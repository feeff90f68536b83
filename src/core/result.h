// Errors are values: the core never throws (the wasm build has no exceptions).
#pragma once
#include <string>
#include <utility>

namespace hubreport {

template <class T>
class Result {
 public:
  Result(T value) : value_(std::move(value)), ok_(true) {}
  static Result failure(std::string message) { return Result(std::move(message), 0); }
  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const std::string& error() const { return error_; }
  T& value() { return value_; }
  const T& value() const { return value_; }
  T* operator->() { return &value_; }
  T& operator*() { return value_; }

 private:
  Result(std::string message, int) : error_(std::move(message)), ok_(false) {}
  T value_{};
  std::string error_;
  bool ok_;
};

// For operations with no value: empty string = success.
using Status = std::string;

}  // namespace hubreport
