#pragma once
// What to say about a name the language does not know: the nearest function or a hint.
#include <string>
#include <string_view>

namespace descent {

// A message such as "unknown function 'sine': did you mean sin?".
std::string unknownFunctionMessage(std::string_view name);
// A message such as "unknown name 'y': the variable is x".
std::string unknownNameMessage(std::string_view name);

}  // namespace descent
