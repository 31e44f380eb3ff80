#include "json.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <sstream>

namespace descent_test {
namespace {

class Reader {
 public:
  explicit Reader(const std::string& text) : text_(text) {}

  Json value() {
    space();
    REQUIRE(pos_ < text_.size());
    const char c = text_[pos_];
    if (c == '{') return object();
    if (c == '[') return array();
    if (c == '"') return string();
    if (word("true")) return boolean(true);
    if (word("false")) return boolean(false);
    if (word("null")) return Json{};
    return number();
  }

  void end() {
    space();
    REQUIRE(pos_ == text_.size());
  }

 private:
  void space() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  }
  bool word(const char* w) {
    const std::string s(w);
    if (text_.compare(pos_, s.size(), s) != 0) return false;
    pos_ += s.size();
    return true;
  }
  void expect(char c) {
    space();
    REQUIRE(pos_ < text_.size());
    REQUIRE(text_[pos_] == c);
    ++pos_;
  }
  static Json boolean(bool b) {
    Json j;
    j.kind = Json::Kind::boolean;
    j.boolean = b;
    return j;
  }
  Json number() {
    const char* start = text_.c_str() + pos_;
    char* end = nullptr;
    Json j;
    j.kind = Json::Kind::number;
    j.number = std::strtod(start, &end);
    REQUIRE(end != start);
    pos_ += static_cast<std::size_t>(end - start);
    return j;
  }
  Json string() {
    expect('"');
    Json j;
    j.kind = Json::Kind::string;
    while (true) {
      REQUIRE(pos_ < text_.size());
      const char c = text_[pos_++];
      if (c == '"') break;
      if (c != '\\') {
        j.text += c;
        continue;
      }
      REQUIRE(pos_ < text_.size());
      const char e = text_[pos_++];
      j.text += e == 'n' ? '\n' : e == 't' ? '\t' : e;  // the fixtures escape nothing else
    }
    return j;
  }
  Json array() {
    expect('[');
    Json j;
    j.kind = Json::Kind::array;
    space();
    if (text_[pos_] == ']') return ++pos_, j;
    while (true) {
      j.items.push_back(value());
      space();
      if (text_[pos_++] == ']') return j;
    }
  }
  Json object() {
    expect('{');
    Json j;
    j.kind = Json::Kind::object;
    space();
    if (text_[pos_] == '}') return ++pos_, j;
    while (true) {
      const std::string key = string().text;
      expect(':');
      j.fields[key] = value();
      space();
      if (text_[pos_++] == '}') return j;
    }
  }

  const std::string& text_;
  std::size_t pos_ = 0;
};

}  // namespace

const Json& Json::operator[](const std::string& key) const {
  INFO("JSON key " << key);
  REQUIRE(has(key));
  return fields.at(key);
}

double Json::asNumber() const {
  if (kind == Kind::number) return number;
  REQUIRE(kind == Kind::string);
  if (text == "inf") return std::numeric_limits<double>::infinity();
  if (text == "-inf") return -std::numeric_limits<double>::infinity();
  REQUIRE(text == "nan");
  return std::numeric_limits<double>::quiet_NaN();
}

std::vector<double> Json::numbers() const {
  std::vector<double> out;
  for (const Json& item : items) out.push_back(item.asNumber());
  return out;
}

Json parseJson(const std::string& text) {
  Reader reader(text);
  Json j = reader.value();
  reader.end();
  return j;
}

Json readJsonFile(const std::string& path) {
  std::ifstream in(path);
  INFO("reading " << path);
  REQUIRE(in.good());
  std::stringstream buffer;
  buffer << in.rdbuf();
  return parseJson(buffer.str());
}

}  // namespace descent_test
