// Native file access for the command line: whole-file reads (gunzipped when the file is gzip), gzip writes.
#pragma once
#include <string>
#include <string_view>

#include "result.h"

namespace hubreport {

Result<std::string> read_file(const std::string& path);           // raw bytes
Result<std::string> read_maybe_gzip(const std::string& path);     // decompressed when it starts with the gzip magic
Result<std::string> gunzip(std::string_view bytes, std::size_t size_hint = 0);
std::string gzip(std::string_view bytes, int level = 6);  // level 1-12 (libdeflate's scale)
Status write_file(const std::string& path, std::string_view bytes);
Status make_dirs(const std::string& path);

}  // namespace hubreport
