// derive and eval: the expression language on its own.
#include "cli/arguments.hpp"
#include "cli/commands.hpp"
#include "cli/error_report.hpp"
#include "expr/function.hpp"

namespace descent::cli {
int deriveCommand(const Words& words, std::ostream& out, std::ostream& err) {
  Arguments args(words, {}, {"latex"});
  if (args.positional().size() != 1) throw UsageError("derive takes one expression");
  auto fn = compileOrReport(args.positional()[0], err);
  if (!fn) return kFailure;
  if (args.has("latex")) {
    out << "f'(x) = " << fn->derivative().latex << "\nf''(x) = " << fn->second().latex << '\n';
  } else {
    out << "f'(x) = " << fn->derivative().text << "\nf''(x) = " << fn->second().text << '\n';
  }
  return 0;
}

int evalCommand(const Words& words, std::ostream& out, std::ostream& err) {
  Arguments args(words, {}, {});
  if (args.positional().size() < 2) throw UsageError("eval takes an expression and at least one x");
  std::vector<double> xs;
  for (std::size_t i = 1; i < args.positional().size(); ++i)
    xs.push_back(parseNumber(args.positional()[i], "x"));
  auto fn = compileOrReport(args.positional()[0], err);
  if (!fn) return kFailure;
  out << "x,f,df,d2f\n";
  for (double x : xs) {
    Values v = fn->at(x);
    out << cell(x) << ',' << cell(v.f) << ',' << cell(v.df) << ',' << cell(v.d2f) << '\n';
  }
  return 0;
}

}  // namespace descent::cli
