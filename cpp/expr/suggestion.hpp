#pragma once
// What to say about a name the language does not know: the nearest function or a hint.
#include <initializer_list>
#include <string>
#include <string_view>

namespace descent {

// A message such as "unknown function 'sine': did you mean sin?".
std::string unknownFunctionMessage(std::string_view name);
// A message such as "unknown name 'y': the variable is x".
std::string unknownNameMessage(std::string_view name);

// The parts one after another, built once: no chain of temporary strings (each a landing pad in wasm).
std::string join(std::initializer_list<std::string_view> parts);

}  // namespace descent
