#pragma once
// Numbers as people read them and as the parser reads back.
#include <string>

namespace descent {

// The shortest decimal that reads back as the same double: 0.1, 1e-05, 12, inf, nan.
std::string formatNumber(double value);

}  // namespace descent
