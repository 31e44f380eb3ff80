#pragma once
// The shared test tables in tests/tables/, read here as the Node suite reads them (tests/node/tables.mjs):
// tab-separated cells, lines starting with # are comments, and one notation for text a test types.
#include <string>
#include <vector>

namespace descent_test {

struct TableRow {
  int line;  // 1-based, for messages that point back at the table
  std::vector<std::string> cells;
};

// The rows of tests/tables/<name>, each with exactly `columns` cells.
std::vector<TableRow> readTable(const std::string& name, std::size_t columns);

// A row of tests/tables/expressions.tsv, with its points looked up in tests/tables/points.tsv.
struct ExpressionRow {
  int line;
  std::string input;
  std::string printed[3];  // f, f', f'' as printed; "-" where the table leaves one out
  std::vector<double> points;
  std::vector<std::string> tags;

  bool tagged(const std::string& tag) const;
};

const std::vector<ExpressionRow>& expressionRows();

// The row whose input is `input`; fails the test if the table has none.
const ExpressionRow& expressionRow(const std::string& input);

// \xNN is a byte, \t a tab, \n a line break, \\ a backslash, {N*TEXT} is TEXT repeated N times.
std::string decodeText(const std::string& cell);

}  // namespace descent_test
