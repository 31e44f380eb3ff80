#include "tables.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <sstream>

namespace descent_test {

std::vector<TableRow> readTable(const std::string& name, std::size_t columns) {
  std::ifstream file(std::string(DESCENT_TABLES) + "/" + name);
  INFO("tests/tables/" << name);
  REQUIRE(file.good());
  std::vector<TableRow> rows;
  std::string line;
  for (int number = 1; std::getline(file, line); ++number) {
    if (line.empty() || line[0] == '#') continue;
    TableRow row{number, {}};
    std::size_t start = 0;
    for (std::size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1) {
      row.cells.push_back(line.substr(start, tab - start));
    }
    row.cells.push_back(line.substr(start));
    INFO("line " << number << ": " << line.substr(0, 80));
    REQUIRE(row.cells.size() == columns);
    rows.push_back(row);
  }
  return rows;
}

std::string decodeText(const std::string& cell) {
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
      const std::string piece = decodeText(cell.substr(star + 1, close - star - 1));
      for (int k = 0; k < times; ++k) out += piece;
      i = close;
    } else {
      out += c;
    }
  }
  return out;
}

bool ExpressionRow::tagged(const std::string& tag) const {
  return std::find(tags.begin(), tags.end(), tag) != tags.end();
}

namespace {

std::vector<std::string> words(const std::string& cell, char separator) {
  std::vector<std::string> out;
  std::istringstream in(cell);
  for (std::string word; std::getline(in, word, separator);) {
    if (!word.empty() && word != "-") out.push_back(word);
  }
  return out;
}

std::vector<ExpressionRow> readExpressions() {
  std::map<std::string, std::vector<double>> sets;
  for (const TableRow& row : readTable("points.tsv", 2)) {
    for (const std::string& x : words(row.cells[1], ' ')) sets[row.cells[0]].push_back(std::stod(x));
  }
  std::vector<ExpressionRow> rows;
  for (const TableRow& row : readTable("expressions.tsv", 6)) {
    const std::vector<std::string>& cell = row.cells;
    INFO("expressions.tsv line " << row.line << ": points " << cell[4]);
    REQUIRE(sets.count(cell[4]) == 1);
    rows.push_back({row.line, cell[0], {cell[1], cell[2], cell[3]}, sets[cell[4]], words(cell[5], ',')});
  }
  return rows;
}

}  // namespace

const std::vector<ExpressionRow>& expressionRows() {
  static const std::vector<ExpressionRow> rows = readExpressions();
  return rows;
}

const ExpressionRow& expressionRow(const std::string& input) {
  const std::vector<ExpressionRow>& rows = expressionRows();
  const auto found =
      std::find_if(rows.begin(), rows.end(), [&](const ExpressionRow& row) { return row.input == input; });
  INFO("tests/tables/expressions.tsv has no row " << input);
  REQUIRE(found != rows.end());
  return *found;
}

}  // namespace descent_test
