// descent against PyTorch itself: tests/reference/torch_trajectories.json holds torch 1.13's float64 runs
// (torch.optim, torch.optim.lr_scheduler, clip_grad_norm_; see tests/reference/README.md). Fed torch's own
// gradients in order, descent's optimizer must give torch's rates, clipped gradients and iterates bit for
// bit; run on its own, with its symbolic f' in place of autograd's, its path must stay within 1e-12.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <set>
#include <string>

#include "expr/function.hpp"
#include "json.hpp"
#include "optim/optimizer.hpp"
#include "optim/run.hpp"

using descent::Function;
using descent_test::Json;
namespace optim = descent::optim;

namespace {

const Json& fixture() {
  static const Json json =
      descent_test::readJsonFile(std::string(DESCENT_REFERENCE) + "/torch_trajectories.json");
  return json;
}

optim::RunSettings settingsOf(const Json& c) {
  optim::RunSettings settings;
  settings.x0 = c["x0"].number;
  settings.steps = static_cast<long long>(c["steps"].number);
  for (const auto& [name, value] : c["settings"].fields) {
    if (value.kind == Json::Kind::string)
      optim::setChoice(settings, name, value.text);
    else
      optim::setByName(settings, name, value.number);
  }
  return settings;
}

bool sameBits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

std::string shown(double v) {
  char text[32];
  std::snprintf(text, sizeof text, "%.17g", v);
  return text;
}

}  // namespace

TEST_CASE("the fixture is torch's, with every method, schedule, clipping and weight decay in it", "[torch]") {
  const Json& json = fixture();
  CHECK(json["torch"].text.rfind("1.13", 0) == 0);
  CHECK(json["ATEN_CPU_CAPABILITY"].text == "default");
  std::set<std::string> methods, schedules, seen;
  bool clipped = false, decayed = false;
  for (const Json& c : json["cases"].items) {
    const Json& s = c["settings"];
    methods.insert(s["method"].text);
    schedules.insert(s.has("schedule") ? s["schedule"].text : "constant");
    clipped = clipped || s.has("clip");
    decayed = decayed || s.has("weightDecay");
  }
  for (const optim::MethodInfo& method : optim::methods()) {
    const bool torchHasIt = method.method != optim::Method::armijo && method.method != optim::Method::exact &&
                            method.method != optim::Method::newton;
    if (torchHasIt) CHECK(methods.count(method.name) == 1);
  }
  for (const optim::ScheduleInfo& schedule : optim::schedules()) CHECK(schedules.count(schedule.name) == 1);
  CHECK(clipped);
  CHECK(decayed);
}

TEST_CASE("fed torch's gradients, each step gives torch's rate, clipped gradient and iterate to the bit",
          "[torch]") {
  for (const Json& c : fixture()["cases"].items) {
    INFO(c["name"].text);
    const optim::RunSettings settings = settingsOf(c);
    const optim::ResolvedRun resolved = optim::validate(settings);
    const Function fn = Function::parse(c["expression"].text);
    optim::Optimizer optimizer(fn, settings.method, settings.eta, settings.clip, resolved);
    const std::vector<double> x = c["x"].numbers(), g = c["g"].numbers(), lr = c["lr"].numbers(),
                              f = c["f"].numbers();
    const std::vector<double> gClipped = c.has("gClipped") ? c["gClipped"].numbers() : g;
    REQUIRE(x.size() == g.size() + 1);
    for (std::size_t k = 0; k < g.size(); ++k) {
      INFO("step " << k);
      CHECK(shown(optimizer.rate()) == shown(lr[k]));
      CHECK(sameBits(optimizer.rate(), lr[k]));
      const double used = optimizer.clipped(g[k]);
      CHECK(sameBits(used, gClipped[k]));
      const double next = optimizer.step({x[k], f[k], g[k]}, used);
      CHECK(shown(next) == shown(x[k + 1]));
      CHECK(sameBits(next, x[k + 1]));
    }
    CHECK(sameBits(optimizer.rate(), lr.back()));
  }
}

TEST_CASE("run on its own, with descent's own f', each path stays within 1e-12 of torch's", "[torch]") {
  for (const Json& c : fixture()["cases"].items) {
    INFO(c["name"].text);
    const Function fn = Function::parse(c["expression"].text);
    const optim::Trajectory path = optim::run(fn, settingsOf(c));
    const std::vector<double> x = c["x"].numbers(), lr = c["lr"].numbers();
    REQUIRE(path.x.size() == x.size());
    for (std::size_t k = 0; k < x.size(); ++k) {
      INFO("x_" << k << ": descent " << shown(path.x[k]) << ", torch " << shown(x[k]));
      CHECK(std::abs(path.x[k] - x[k]) <= 1e-12 * std::max(1.0, std::abs(x[k])));
      CHECK(sameBits(path.lr[k], lr[k]));
    }
  }
}
