#include "cli/error_report.hpp"

#include <algorithm>

namespace descent::cli {

void reportExpressionError(std::ostream& out, const std::string& input, const ExpressionError& error) {
  out << "descent: error: " << error.what() << "\n  " << input << "\n  ";
  int last = std::max(error.column(), error.openedAt());
  std::string marks(static_cast<std::size_t>(std::max(last, 1)), ' ');
  // Tabs in the input stay tabs so the caret lines up in a terminal.
  for (std::size_t i = 0; i + 1 < marks.size() && i < input.size(); ++i) {
    if (input[i] == '\t') marks[i] = '\t';
  }
  if (error.openedAt() > 0) marks[static_cast<std::size_t>(error.openedAt() - 1)] = '^';
  if (error.column() > 0) marks[static_cast<std::size_t>(error.column() - 1)] = '^';
  out << marks << '\n';
}

std::optional<Function> compileOrReport(const std::string& text, std::ostream& err) {
  try {
    return Function::parse(text);
  } catch (const ExpressionError& error) {
    reportExpressionError(err, text, error);
    return std::nullopt;
  }
}

}  // namespace descent::cli
