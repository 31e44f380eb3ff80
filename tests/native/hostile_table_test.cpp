// The shared table of hostile expressions (tests/hostile/inputs.tsv): every row is either accepted or
// rejected with its message and column, the same natively as in the WASM engine.
#include <catch2/catch.hpp>
#include <fstream>
#include <string>
#include <vector>

#include "expr/error.hpp"
#include "expr/function.hpp"

using Catch::Matchers::Contains;

namespace {

struct HostileRow {
  int line;
  bool accepted;
  int column;
  std::string message;
  std::string input;
};

// \xNN, \t, \n, \\ and {N*TEXT}, as the table's header explains.
std::string decode(const std::string& cell) {
  std::string out;
  for (std::size_t i = 0; i < cell.size(); ++i) {
    const char c = cell[i];
    if (c == '\\' && i + 1 < cell.size()) {
      const char next = cell[++i];
      if (next == 'x') {
        out += static_cast<char>(std::stoi(cell.substr(i + 1, 2), nullptr, 16));
        i += 2;
      } else {
        out += next == 't' ? '\t' : next == 'n' ? '\n' : next;
      }
    } else if (c == '{' && cell.find('*', i) != std::string::npos && cell.find('}', i) != std::string::npos) {
      const std::size_t star = cell.find('*', i), close = cell.find('}', star);
      const int times = std::stoi(cell.substr(i + 1, star - i - 1));
      const std::string piece = decode(cell.substr(star + 1, close - star - 1));
      for (int k = 0; k < times; ++k) out += piece;
      i = close;
    } else {
      out += c;
    }
  }
  return out;
}

std::vector<HostileRow> readTable() {
  std::ifstream file(DESCENT_HOSTILE_TABLE);
  REQUIRE(file.good());
  std::vector<HostileRow> rows;
  std::string line;
  for (int number = 1; std::getline(file, line); ++number) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cells;
    std::size_t start = 0;
    for (int i = 0; i < 3; ++i) {
      const std::size_t tab = line.find('\t', start);
      REQUIRE(tab != std::string::npos);
      cells.push_back(line.substr(start, tab - start));
      start = tab + 1;
    }
    const bool accepted = cells[0] == "accepted";
    rows.push_back(
        {number, accepted, accepted ? 0 : std::stoi(cells[1]), cells[2], decode(line.substr(start))});
  }
  return rows;
}

}  // namespace

TEST_CASE("the hostile table: every row accepted, or rejected with its message and column", "[hostile]") {
  const std::vector<HostileRow> rows = readTable();
  CHECK(rows.size() >= 100);
  for (const HostileRow& row : rows) {
    INFO("inputs.tsv line " << row.line << ": " << row.input.substr(0, 80));
    try {
      const descent::Function fn = descent::Function::parse(row.input);
      CHECK(row.accepted);
    } catch (const descent::ExpressionError& error) {
      INFO("message: " << error.what());
      CHECK_FALSE(row.accepted);
      CHECK_THAT(error.what(), Contains(row.message));
      CHECK(error.column() == row.column);
    }
  }
}
