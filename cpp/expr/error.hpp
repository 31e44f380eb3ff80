#pragma once
// The one error type of the expression language: a message a student understands and where it points.
#include <stdexcept>
#include <string>

namespace descent {

class ExpressionError : public std::runtime_error {
 public:
  // column and openedAt are 1-based; openedAt is 0 unless the error is an unclosed bracket.
  ExpressionError(const std::string& message, int column, int openedAt = 0)
      : std::runtime_error(message), column_(column), openedAt_(openedAt) {}
  int column() const { return column_; }
  int openedAt() const { return openedAt_; }

 private:
  int column_;
  int openedAt_;
};

}  // namespace descent
