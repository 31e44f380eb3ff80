#include "tables.hpp"

#include <catch2/catch.hpp>
#include <fstream>

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

}  // namespace descent_test
