// Embind bindings: the only file that includes <emscripten/...>. No C++ exception crosses into JS:
// every call catches at this boundary and answers with a plain object; web/src/engine.js turns an
// `error` field into a JS Error. (An exception escaping through Embind arrives as a bare number and
// leaks memory.)
#include <emscripten/bind.h>
#include <emscripten/val.h>
#include <malloc.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "expr/function.hpp"
#include "optim/analysis.hpp"
#include "optim/multistart.hpp"
#include "optim/run.hpp"
#include "optim/settings.hpp"
#include "optim/step_details.hpp"
#include "optim/sweep.hpp"

namespace descent::wasm {
namespace {

using emscripten::val;

// A copy into a fresh JS Float64Array, taken at once: a view of the heap detaches when memory grows.
// view.slice() copies as one block; new Float64Array(view) is about 20 times slower in V8.
val float64Array(const double* data, std::size_t size) {
  return val(emscripten::typed_memory_view(size, data)).call<val>("slice");
}
val float64Array(const std::vector<double>& values) { return float64Array(values.data(), values.size()); }

// Points of a run held in the engine at once on their way to JS: 5 columns x 64 KB.
constexpr std::size_t kRunPiece = 8192;

// setting: the engine's name of the setting the message is about, or "" when it is about none.
val errorObject(const std::string& message, const std::string& setting = "") {
  val result = val::object();
  result.set("error", message);
  if (!setting.empty()) result.set("setting", setting);
  return result;
}

// A whole-number setting, checked against the table before it is converted.
template <class Whole>
Whole whole(optim::Request request, const val& settings, const char* name) {
  const double value = settings[name].as<double>();
  optim::check(request, name, value);
  return static_cast<Whole>(value);
}

// settings: every numeric setting of a run in the settings table (NaN = not given: the default applies),
// already checked to be numbers by engine.js, and the two named ones, method and schedule.
optim::RunSettings runSettings(const val& settings) {
  optim::RunSettings run;
  for (const optim::Setting& setting : optim::settingsOf(optim::Request::run)) {
    const double value = settings[setting.name].as<double>();
    if (!std::isnan(value) || setting.required) optim::setByName(run, setting.name, value);
  }
  optim::setChoice(run, "method", settings["method"].as<std::string>());
  optim::setChoice(run, "schedule", settings["schedule"].as<std::string>());
  return run;
}

val statusArray(const std::vector<optim::StopReason>& statuses) {
  val array = val::array();
  for (std::size_t i = 0; i < statuses.size(); ++i) array.set(i, std::string(optim::nameOf(statuses[i])));
  return array;
}

class Compiled {
 public:
  explicit Compiled(const std::string& text) {
    try {
      fn_ = std::make_unique<Function>(Function::parse(text));
    } catch (const ExpressionError& e) {
      error_ = e.what();
      column_ = e.column();
      openedAt_ = e.openedAt();
    } catch (const std::exception& e) {
      error_ = e.what();
      column_ = 1;
    }
  }

  bool ok() const { return fn_ != nullptr; }
  std::string error() const { return error_; }
  int column() const { return column_; }
  int openedAt() const { return openedAt_; }

  // which: 0 = f, 1 = f', 2 = f''
  val printed(int which) const {
    const Printed& p = which == 0 ? fn_->printed() : which == 1 ? fn_->derivative() : fn_->second();
    val result = val::object();
    result.set("text", p.text);
    result.set("latex", p.latex);
    result.set("mathml", p.mathml);
    return result;
  }

  val at(double x) const {
    const Values v = fn_->at(x);
    val result = val::object();
    result.set("f", v.f);
    result.set("df", v.df);
    result.set("d2f", v.d2f);
    return result;
  }

  val sample(double a, double b, int count) const {
    if (!(std::isfinite(a) && std::isfinite(b) && a < b))
      return errorObject("the range must be finite numbers a < b");
    if (count < 2 || count > 1'000'000) return errorObject("the number of samples must be from 2 to 1000000");
    std::vector<double> xs(count), fs(count);
    for (int i = 0; i < count; ++i) {
      xs[i] = i == count - 1 ? b : a + (b - a) * i / (count - 1);
      fs[i] = fn_->value(xs[i]);
    }
    val result = val::object();
    result.set("x", float64Array(xs));
    result.set("f", float64Array(fs));
    return result;
  }

  // The path goes to JS a piece at a time, straight into the Float64Arrays returned: the engine never
  // holds more than one piece, and JS gets arrays allocated the way it allocates its own.
  val run(const val& settings) const {
    try {
      const optim::RunSettings run = runSettings(settings);
      optim::RunInPieces pieces(*fn_, run);
      const auto points = static_cast<std::size_t>(run.steps) + 1;
      const std::size_t room = std::min(points, kRunPiece);
      constexpr int kColumns = 5;  // x, f, df, g, lr
      std::vector<double> piece(kColumns * room);
      const val array = val::global("Float64Array");
      std::vector<val> columns;
      for (int c = 0; c < kColumns; ++c) columns.push_back(array.new_(static_cast<double>(points)));
      const optim::RunInPieces::Columns into{&piece[0], &piece[room], &piece[2 * room], &piece[3 * room],
                                             &piece[4 * room]};
      while (const std::size_t n = pieces.next(into, room)) {
        for (int c = 0; c < kColumns; ++c) {
          const double* start = &piece[static_cast<std::size_t>(c) * room];
          columns[c].call<void>("set", val(emscripten::typed_memory_view(n, start)),
                                static_cast<double>(pieces.points() - n));
        }
      }
      // A run that stopped early keeps only its points (a copy: a view would keep the whole buffer).
      if (pieces.points() < points) {
        for (val& column : columns)
          column = column.call<val>("slice", 0, static_cast<double>(pieces.points()));
      }
      val result = val::object();
      result.set("x", columns[0]);
      result.set("f", columns[1]);
      result.set("df", columns[2]);
      result.set("g", columns[3]);
      result.set("lr", columns[4]);
      result.set("status", std::string(optim::nameOf(pieces.status())));
      if (pieces.status() == optim::StopReason::undefined) result.set("why", pieces.why());
      result.set("stoppedAt", static_cast<double>(pieces.points() - 1));
      return result;
    } catch (const optim::SettingsError& e) {
      return errorObject(e.what(), e.setting());
    } catch (const std::exception& e) {
      return errorObject(e.what());
    }
  }

  // settings: a run's, and from, count: { steps: [{ k, x, f, df, d2f, noise, seen, g, lr, next,
  // values: { velocity, ... }, trials: [...] }] } (see optim/step_details.hpp).
  val describeSteps(const val& settings) const {
    try {
      const optim::RunSettings run = runSettings(settings);
      const auto steps =
          optim::describeSteps(*fn_, run, settings["from"].as<double>(), settings["count"].as<double>());
      val list = val::array();
      int i = 0;
      for (const optim::StepDetails& step : steps) {
        val item = val::object();
        item.set("k", static_cast<double>(step.k));
        const std::pair<const char*, double> plain[] = {
            {"x", step.x},       {"f", step.f}, {"df", step.df}, {"d2f", step.d2f},  {"noise", step.noise},
            {"seen", step.seen}, {"g", step.g}, {"lr", step.lr}, {"next", step.next}};
        for (const auto& [name, value] : plain) item.set(name, value);
        val values = val::object();
        for (const auto& [name, value] : step.values) values.set(name, value);
        item.set("values", values);
        item.set("trials", float64Array(step.trials));
        list.set(i++, item);
      }
      val result = val::object();
      result.set("steps", list);
      return result;
    } catch (const optim::SettingsError& e) {
      return errorObject(e.what(), e.setting());
    } catch (const std::exception& e) {
      return errorObject(e.what());
    }
  }

  val stationaryPoints(double a, double b) const {
    try {
      val list = val::array();
      int i = 0;
      for (const auto& point : optim::stationaryPoints(*fn_, a, b)) {
        val item = val::object();
        item.set("x", point.x);
        item.set("kind", std::string(optim::nameOf(point.kind)));
        item.set("f", point.f);
        item.set("d2f", point.d2f);
        item.set("etaMax", point.etaMax);
        item.set("etaBest", point.etaBest);
        list.set(i++, item);
      }
      val result = val::object();
      result.set("points", list);
      return result;
    } catch (const optim::SettingsError& e) {
      return errorObject(e.what(), e.setting());
    } catch (const std::exception& e) {
      return errorObject(e.what());
    }
  }

  val multiStart(const val& settings) const {
    try {
      optim::MultiStartSettings multi;
      multi.a = settings["a"].as<double>();
      multi.b = settings["b"].as<double>();
      multi.count = whole<int>(optim::Request::multiStart, settings, "count");
      multi.seed = whole<std::uint64_t>(optim::Request::multiStart, settings, "seed");
      multi.run = runSettings(settings);  // its seed is the multi-start's: it draws the noise too
      const optim::MultiStartResult runs = optim::multiStart(*fn_, multi);
      val result = val::object();
      result.set("x0", float64Array(runs.x0));
      result.set("final", float64Array(runs.final));
      result.set("status", statusArray(runs.status));
      std::vector<double> stoppedAt(runs.stoppedAt.begin(), runs.stoppedAt.end());
      result.set("stoppedAt", float64Array(stoppedAt));
      return result;
    } catch (const optim::SettingsError& e) {
      return errorObject(e.what(), e.setting());
    } catch (const std::exception& e) {
      return errorObject(e.what());
    }
  }

  const Function& function() const { return *fn_; }

 private:
  std::unique_ptr<Function> fn_;
  std::string error_;
  int column_ = 0;
  int openedAt_ = 0;
};

// A sweep computed a chunk of columns at a time, so a worker can report progress and stop early.
class SweepJob {
 public:
  // The job keeps its own copy of the function, so it outlives the handle it was opened from.
  SweepJob(const Compiled& compiled, const val& settings)
      : fn_(std::make_unique<Function>(compiled.function())) {
    try {
      optim::SweepSettings sweep;
      sweep.x0 = settings["x0"].as<double>();
      sweep.etaMin = settings["etaMin"].as<double>();
      sweep.etaMax = settings["etaMax"].as<double>();
      sweep.count = whole<int>(optim::Request::sweep, settings, "count");
      sweep.scale = settings["scale"].as<std::string>() == "linear" ? optim::SweepScale::linear
                                                                    : optim::SweepScale::log;
      sweep.burnIn = whole<long long>(optim::Request::sweep, settings, "burnIn");
      sweep.keep = whole<long long>(optim::Request::sweep, settings, "keep");
      const optim::RunSettings run = runSettings(settings);
      sweep.method = run.method;
      sweep.hyper = run.hyper;
      sweep_ = std::make_unique<optim::Sweep>(*fn_, sweep);
      buffer_.resize(static_cast<std::size_t>(sweep_->keep()));
    } catch (const optim::SettingsError& e) {
      error_ = e.what();
      setting_ = e.setting();
    } catch (const std::exception& e) {
      error_ = e.what();
    }
  }

  std::string error() const { return error_; }
  std::string setting() const { return setting_; }
  int count() const { return sweep_ ? sweep_->count() : 0; }
  double keep() const { return sweep_ ? static_cast<double>(sweep_->keep()) : 0; }
  double eta(int i) const { return sweep_->eta(i); }

  // Columns [from, to): { x: Float64Array of (to - from) * keep, status: [...] }.
  val columns(int from, int to) const {
    std::vector<double> xs;
    xs.reserve(static_cast<std::size_t>(to - from) * buffer_.size());
    std::vector<optim::StopReason> statuses;
    for (int i = from; i < to; ++i) {
      statuses.push_back(sweep_->column(i, buffer_.data()));
      xs.insert(xs.end(), buffer_.begin(), buffer_.end());
    }
    val result = val::object();
    result.set("x", float64Array(xs));
    result.set("status", statusArray(statuses));
    return result;
  }

 private:
  std::unique_ptr<Function> fn_;
  std::unique_ptr<optim::Sweep> sweep_;
  mutable std::vector<double> buffer_;
  std::string error_, setting_;
};

Compiled* compile(const std::string& text) { return new Compiled(text); }

// Bytes the allocator has handed out and not had back: a leak shows here long before the heap grows.
double heapInUse() { return static_cast<double>(mallinfo().uordblks); }
SweepJob* openSweep(const Compiled& compiled, const val& settings) {
  return new SweepJob(compiled, settings);
}

}  // namespace
}  // namespace descent::wasm

EMSCRIPTEN_BINDINGS(descent) {
  using namespace descent::wasm;
  using emscripten::allow_raw_pointers;
  emscripten::class_<Compiled>("Compiled")
      .function("ok", &Compiled::ok)
      .function("error", &Compiled::error)
      .function("column", &Compiled::column)
      .function("openedAt", &Compiled::openedAt)
      .function("printed", &Compiled::printed)
      .function("at", &Compiled::at)
      .function("sample", &Compiled::sample)
      .function("run", &Compiled::run)
      .function("stationaryPoints", &Compiled::stationaryPoints)
      .function("multiStart", &Compiled::multiStart)
      .function("describeSteps", &Compiled::describeSteps);
  emscripten::class_<SweepJob>("SweepJob")
      .function("error", &SweepJob::error)
      .function("setting", &SweepJob::setting)
      .function("count", &SweepJob::count)
      .function("keep", &SweepJob::keep)
      .function("eta", &SweepJob::eta)
      .function("columns", &SweepJob::columns);
  emscripten::function("compile", &compile, allow_raw_pointers());
  emscripten::function("openSweep", &openSweep, allow_raw_pointers());
  emscripten::function("heapInUse", &heapInUse);
}
