// SHA-256, for the snapshot manifest's content hashes (the browser checks them with crypto.subtle).
#pragma once
#include <string>
#include <string_view>

namespace hubreport {
std::string sha256_hex(std::string_view data);
}
