#pragma once
// How the command line shows a rejected expression: the input, a caret under the column, the message.
#include <optional>
#include <ostream>
#include <string>

#include "expr/error.hpp"
#include "expr/function.hpp"

namespace descent::cli {

//   descent: error: unknown name 'y': the variable is x
//     x^2 + y
//           ^
// An unclosed bracket also gets a caret where it opened.
void reportExpressionError(std::ostream& out, const std::string& input, const ExpressionError& error);

// The compiled function, or nothing after reporting why the text was rejected.
std::optional<Function> compileOrReport(const std::string& text, std::ostream& err);

}  // namespace descent::cli
