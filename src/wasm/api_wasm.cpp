// The wasm front door: four extern "C" calls around the shared request dispatcher (src/core/api.h).
#include <cstdint>
#include <cstdlib>

#include "api.h"

namespace {
// wasm32 memory ends at 4 GB; keep room for the page's own allocations.
hubreport::Api api(3.6e9);
std::string reply_bytes;
std::uint32_t reply[3];  // status, data pointer, data length: read by JS from the heap
std::uint32_t* answer(hubreport::Reply r) {
  reply_bytes = std::move(r.body);
  reply[0] = std::uint32_t(r.status);
  reply[1] = std::uint32_t(reinterpret_cast<std::uintptr_t>(reply_bytes.data()));
  reply[2] = std::uint32_t(reply_bytes.size());
  return reply;
}
}  // namespace

extern "C" {
void* hubreport_alloc(std::size_t size) { return std::malloc(size ? size : 1); }
void hubreport_free(void* p) { std::free(p); }
// The reply stays valid until the next call.
std::uint32_t* hubreport_call(const char* request, std::size_t length) { return answer(api.call({request, length})); }
std::uint32_t* hubreport_part(std::size_t index, const char* bytes, std::size_t length) {
  return answer(api.part(index, {bytes, length}));
}
}
