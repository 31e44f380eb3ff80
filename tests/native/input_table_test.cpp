// The table of inputs (tests/tables/inputs.tsv): every row is either accepted, or rejected with its message,
// its column and, for an unclosed bracket, the column where the bracket opened; the same natively as in the
// WASM engine (tests/node/input-table.test.mjs).
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "expr/error.hpp"
#include "expr/function.hpp"
#include "tables.hpp"

using Catch::Matchers::Contains;
using descent::ExpressionError;
using descent::Function;

namespace {

struct InputRow {
  int line;
  bool accepted;
  int column;
  int openedAt;
  std::string message;
  std::string input;
};

std::vector<InputRow> readInputs() {
  std::vector<InputRow> rows;
  for (const descent_test::TableRow& row : descent_test::readTable("inputs.tsv", 5)) {
    const std::vector<std::string>& cell = row.cells;
    const bool accepted = cell[0] == "accepted";
    rows.push_back({row.line, accepted, accepted ? 0 : std::stoi(cell[1]),
                    cell[2] == "-" ? 0 : std::stoi(cell[2]), cell[3], descent_test::decodeText(cell[4])});
  }
  return rows;
}

// The table's message notation: the whole message, or … where the row leaves text open.
bool messageMatches(const std::string& message, const std::string& pattern) {
  static const std::string open = "…";
  const bool before = pattern.compare(0, open.size(), open) == 0;
  const bool after =
      pattern.size() >= open.size() && pattern.compare(pattern.size() - open.size(), open.size(), open) == 0;
  const std::string part = pattern.substr(
      before ? open.size() : 0, pattern.size() - (before ? open.size() : 0) - (after ? open.size() : 0));
  if (before && after) return message.find(part) != std::string::npos;
  if (before)
    return message.size() >= part.size() &&
           message.compare(message.size() - part.size(), part.size(), part) == 0;
  if (after) return message.compare(0, part.size(), part) == 0;
  return message == part;
}

}  // namespace

TEST_CASE("the input table: every row accepted, or rejected with its message and column", "[inputs]") {
  const std::vector<InputRow> rows = readInputs();
  CHECK(rows.size() >= 150);
  for (const InputRow& row : rows) {
    INFO("inputs.tsv line " << row.line << ": " << row.input.substr(0, 80));
    try {
      const Function fn = Function::parse(row.input);
      CHECK(row.accepted);
    } catch (const ExpressionError& error) {
      INFO("message: " << error.what());
      CHECK_FALSE(row.accepted);
      CHECK(messageMatches(error.what(), row.message));
      CHECK(error.column() == row.column);
      CHECK(error.openedAt() == row.openedAt);
    }
  }
}

TEST_CASE("the table's … matches any text in its place, and nothing else does", "[inputs]") {
  CHECK(messageMatches("unknown function 'Sin': did you mean sin?", "…did you mean sin?"));
  CHECK(messageMatches("unknown function 'Sin': did you mean sin?", "unknown function 'Sin'…"));
  CHECK(messageMatches("unknown function 'Sin': did you mean sin?", "…function…"));
  CHECK_FALSE(messageMatches("unknown function 'Sin': did you mean sin?", "did you mean sin?"));
  CHECK_FALSE(messageMatches("unknown function 'Sin': did you mean sin?", "…did you mean"));
  CHECK_FALSE(messageMatches("unknown function 'Sin': did you mean sin?", "function…"));
}

// "unexpected the number 2: an operator is missing before it" is not a sentence; "2 3" already reads well.
TEST_CASE("an operand after a complete operand reads as a sentence", "[inputs]") {
  for (const char* text : {"x 2", "(x)2", "sin(x) 2", "2(x)3"}) {
    INFO("input: " << text);
    try {
      Function::parse(text);
      FAIL_CHECK("accepted, but should be rejected");
    } catch (const ExpressionError& error) {
      CHECK_THAT(error.what(), !Contains("unexpected the"));
    }
  }
}
