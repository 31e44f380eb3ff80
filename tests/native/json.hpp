#pragma once
// Just enough JSON to read the committed reference fixtures (tests/reference/*.json): objects, arrays,
// numbers (read with strtod, so every double comes back exactly), strings, true, false and null.
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace descent_test {

struct Json {
  enum class Kind { null, boolean, number, string, array, object };
  Kind kind = Kind::null;
  bool boolean = false;
  double number = 0;
  std::string text;
  std::vector<Json> items;
  std::map<std::string, Json> fields;

  const Json& operator[](const std::string& key) const;  // fails the test when the key is missing
  bool has(const std::string& key) const { return fields.count(key) > 0; }
  // A number, or one of the strings "inf", "-inf", "nan" a fixture writes for those.
  double asNumber() const;
  std::vector<double> numbers() const;
};

Json parseJson(const std::string& text);
Json readJsonFile(const std::string& path);

}  // namespace descent_test
