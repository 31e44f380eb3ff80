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
constexpr int kRunColumns = 5;  // x, f, df, g, lr

// Two blocks of the engine's memory that JS reads and writes through HEAPF64, so that a run's settings and
// its path cross without an Embind value per setting or per column: the settings as numbers in the
// table's order, then the method's and the schedule's index in their lists (JS refuses a name the lists
// lack before it writes), and the columns of the latest piece of a path (or of the curve's samples).
struct Blocks {
  std::vector<double> settings = std::vector<double>(optim::settingsOf(optim::Request::run).size() + 2);
  std::vector<double> piece = std::vector<double>(kRunColumns * kRunPiece);
};
Blocks& blocks() {
  static Blocks shared;
  return shared;
}

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

// The run's settings from the settings block: every numeric setting of a run in the settings table (NaN
// = not given: the default applies), already checked to be numbers by engine.js, then the indices of the
// method and the schedule, which engine.js has checked to be in their lists.
optim::RunSettings runSettings() {
  const std::vector<double>& block = blocks().settings;
  const std::vector<optim::Setting>& table = optim::settingsOf(optim::Request::run);
  optim::RunSettings run;
  for (std::size_t i = 0; i < table.size(); ++i) {
    if (!std::isnan(block[i]) || table[i].required) optim::setByName(run, table[i].name, block[i]);
  }
  run.method = optim::methods().at(static_cast<std::size_t>(block[table.size()])).method;
  run.schedule = optim::schedules().at(static_cast<std::size_t>(block[table.size() + 1])).schedule;
  return run;
}

// Where the two blocks are, in doubles from the start of the heap, and the room of a piece.
val blockAddresses() {
  val result = val::object();
  result.set("settings", reinterpret_cast<std::uintptr_t>(blocks().settings.data()) / sizeof(double));
  result.set("piece", reinterpret_cast<std::uintptr_t>(blocks().piece.data()) / sizeof(double));
  result.set("room", static_cast<double>(kRunPiece));
  return result;
}

// A grid of the default cells has at most one stationary point per grid point: six numbers each fit in
// the piece block.
static_assert(6 * (optim::kDefaultAnalysisCells + 1) <= kRunColumns * kRunPiece);

// The names of the kinds of stationary point, by their index.
val pointKinds() {
  val names = val::array();
  for (auto kind : {optim::PointKind::min, optim::PointKind::max, optim::PointKind::flat})
    names.set(static_cast<int>(kind), std::string(optim::nameOf(kind)));
  return names;
}

// The names of the stop reasons, by their index.
val stopReasons() {
  val names = val::array();
  for (auto reason : {optim::StopReason::maxSteps, optim::StopReason::converged, optim::StopReason::diverged,
                      optim::StopReason::undefined})
    names.set(static_cast<int>(reason), std::string(optim::nameOf(reason)));
  return names;
}

// The refusal of a method or schedule name the lists lack, in the engine's words.
val choiceError(const std::string& name, const std::string& value) {
  try {
    optim::RunSettings run;
    optim::setChoice(run, name, value);
    return val::undefined();
  } catch (const optim::SettingsError& e) {
    return errorObject(e.what(), e.setting());
  }
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

  // f, f' and f'' at the first n points of the piece block's first column, written into its second, third
  // and fourth: one call for the points of a path rather than an Embind object per point. Answers n, or an
  // error object.
  val atPiece(int n) const {
    if (n < 0 || n > static_cast<int>(kRunPiece)) return errorObject("a piece holds from 0 to 8192 points");
    double* xs = blocks().piece.data();
    for (int i = 0; i < n; ++i) {
      const Values v = fn_->at(xs[i]);
      xs[kRunPiece + i] = v.f;
      xs[2 * kRunPiece + i] = v.df;
      xs[3 * kRunPiece + i] = v.d2f;
    }
    return val(n);
  }

  // The curve at count points from a to b, a piece at a time into the piece block's first two columns (x,
  // f): the points from .. from + room - 1, or fewer at the end. Answers how many, or an error object.
  val samplePiece(double a, double b, int count, int from) const {
    if (!(std::isfinite(a) && std::isfinite(b) && a < b))
      return errorObject("the range must be finite numbers a < b");
    if (count < 2 || count > 1'000'000) return errorObject("the number of samples must be from 2 to 1000000");
    double* xs = blocks().piece.data();
    double* fs = xs + kRunPiece;
    const int to = std::min(count, from + static_cast<int>(kRunPiece));
    for (int i = from; i < to; ++i) xs[i - from] = i == count - 1 ? b : a + (b - a) * i / (count - 1);
    const int n = std::max(to - from, 0);
    fn_->values(xs, fs, static_cast<std::size_t>(n));
    return val(n);
  }

  // A run is started from the settings block, then its path is taken a piece at a time into the piece
  // block (engine.js copies each into the arrays it returns): the engine never holds more than one piece.
  // A piece's columns lie `stride` apart, the smaller of the run's points and the room, so the path of a
  // run that fits in one piece is one block of x, f, df, g, lr. Answers the number of points a run of all
  // its steps has, or 0 when the settings are refused (runError() then says why).
  double startRun() {
    pieces_.reset();
    runError_.clear();
    runSetting_.clear();
    try {
      const optim::RunSettings run = runSettings();
      pieces_ = std::make_unique<optim::RunInPieces>(*fn_, run);
      const auto points = static_cast<std::size_t>(run.steps) + 1;
      stride_ = std::min(points, kRunPiece);
      return static_cast<double>(points);
    } catch (const optim::SettingsError& e) {
      runError_ = e.what();
      runSetting_ = e.setting();
    } catch (const std::exception& e) {
      runError_ = e.what();
    }
    return 0;
  }
  val runError() const { return errorObject(runError_, runSetting_); }

  // The next points of the started run, at most `stride`: how many (fewer once it is over).
  double nextPiece() {
    double* piece = blocks().piece.data();
    const optim::RunInPieces::Columns into{piece, piece + stride_, piece + 2 * stride_, piece + 3 * stride_,
                                           piece + 4 * stride_};
    return static_cast<double>(pieces_->next(into, stride_));
  }

  // How the started run ended, as its index in stopReasons(); for a run that stopped as undefined, why in
  // words.
  int runStatus() const { return static_cast<int>(pieces_->status()); }
  std::string runWhy() const { return pieces_->why(); }

  // settings: a run's, and from, count: { steps: [{ k, x, f, df, d2f, noise, seen, g, lr, next,
  // values: { velocity, ... }, trials: [...] }] } (see optim/step_details.hpp).
  val describeSteps(const val& settings) const {
    try {
      const optim::RunSettings run = runSettings();
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

  // The stationary points into the piece block, six numbers each: x, the kind's index in pointKinds(), f,
  // f'', etaMax, etaBest. Answers how many, or an error object.
  val stationaryPoints(double a, double b) const {
    try {
      const auto points = optim::stationaryPoints(*fn_, a, b);
      double* out = blocks().piece.data();
      for (const auto& point : points) {
        *out++ = point.x;
        *out++ = static_cast<double>(point.kind);
        *out++ = point.f;
        *out++ = point.d2f;
        *out++ = point.etaMax;
        *out++ = point.etaBest;
      }
      return val(static_cast<double>(points.size()));
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
      multi.run = runSettings();  // its seed is the multi-start's: it draws the noise too
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
  std::unique_ptr<optim::RunInPieces> pieces_;  // the started run
  std::size_t stride_ = kRunPiece;              // of its columns in the piece block
  std::string error_;                           // why the function was refused
  std::string runError_, runSetting_;           // why the started run was
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
      const optim::RunSettings run = runSettings();
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
      .function("samplePiece", &Compiled::samplePiece)
      .function("atPiece", &Compiled::atPiece)
      .function("startRun", &Compiled::startRun)
      .function("runError", &Compiled::runError)
      .function("nextPiece", &Compiled::nextPiece)
      .function("runStatus", &Compiled::runStatus)
      .function("runWhy", &Compiled::runWhy)
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
  emscripten::function("blockAddresses", &blockAddresses);
  emscripten::function("choiceError", &choiceError);
  emscripten::function("stopReasons", &stopReasons);
  emscripten::function("pointKinds", &pointKinds);
}
