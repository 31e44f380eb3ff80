#include "optim/sweep.hpp"

#include <cmath>
#include <limits>
#include <string>

#include "optim/settings.hpp"

namespace descent::optim {
namespace {

void validate(const SweepSettings& s) {
  check(*findSetting(Request::run, "x0"), s.x0);
  check(Request::sweep, "etaMin", s.etaMin);
  check(Request::sweep, "etaMax", s.etaMax);
  if (!(s.etaMin <= s.etaMax)) throw SettingsError("etaMax", "the step sizes must satisfy etaMin <= etaMax");
  check(Request::sweep, "count", s.count);
  check(Request::sweep, "burnIn", static_cast<double>(s.burnIn));
  check(Request::sweep, "keep", static_cast<double>(s.keep));
  // Checked by division so the product cannot overflow.
  if (s.burnIn > kMaxSweepSteps || s.keep > kMaxSweepSteps || s.burnIn + s.keep > kMaxSweepSteps / s.count) {
    throw SettingsError("count", "count * (burnIn + keep) must be at most " + std::to_string(kMaxSweepSteps) +
                                     ": use fewer step sizes or fewer steps");
  }
}

}  // namespace

Sweep::Sweep(const Function& fn, const SweepSettings& settings) : fn_(fn), settings_(settings) {
  validate(settings_);
  run_.x0 = settings_.x0;
  run_.eta = settings_.etaMin;
  run_.method = settings_.method;
  run_.hyper = settings_.hyper;
  resolved_ = optim::validate(run_);
}

double Sweep::eta(int i) const {
  if (settings_.count == 1) return settings_.etaMin;
  if (i == settings_.count - 1) return settings_.etaMax;
  double fraction = static_cast<double>(i) / (settings_.count - 1);
  if (settings_.scale == SweepScale::linear) {
    return settings_.etaMin + (settings_.etaMax - settings_.etaMin) * fraction;
  }
  return settings_.etaMin * std::pow(settings_.etaMax / settings_.etaMin, fraction);
}

StopReason Sweep::column(int i, double* out) const {
  RunSettings column = run_;
  column.eta = eta(i);
  Walk walk(fn_, settings_.x0, column, resolved_);
  while (!walk.stopReason() && walk.step() < settings_.burnIn) walk.advance();
  for (long long j = 0; j < settings_.keep; ++j) {
    if (j > 0 && !walk.stopReason()) walk.advance();
    out[j] = walk.stopReason() ? std::numeric_limits<double>::quiet_NaN() : walk.point().x;
  }
  return walk.stopReason().value_or(StopReason::maxSteps);
}

SweepResult sweep(const Function& fn, const SweepSettings& settings) {
  Sweep plan(fn, settings);
  SweepResult result;
  result.keep = plan.keep();
  result.eta.resize(static_cast<std::size_t>(plan.count()));
  result.x.resize(static_cast<std::size_t>(plan.count()) * static_cast<std::size_t>(plan.keep()));
  result.status.resize(static_cast<std::size_t>(plan.count()));
  for (int i = 0; i < plan.count(); ++i) {
    result.eta[i] = plan.eta(i);
    result.status[i] = plan.column(i, result.x.data() + static_cast<std::size_t>(i) * result.keep);
  }
  return result;
}

}  // namespace descent::optim
