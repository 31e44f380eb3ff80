// The worker's 'steps' job: the arithmetic of a window of one path's steps, as engine.describeSteps gives
// it, for the step-through. For a line search each step also carries the curve along its ray, f(x_k − t·g_k)
// for t from 0 to twice the accepted t (to the bracket's end where the search accepted no step), sampled
// with the compiled f as the points (x_k − t·g_k, f), and its trial points, for the model overlay.
import { compiledFunction, runSettings } from './experiment.js';

const LINE_SEARCHES = new Set(['armijo', 'exact']);
const RAY_SAMPLES = 80;

function alongRay(fn, step) {
  const accepted = step.values['accepted t'];
  const reach = accepted > 0 ? 2 * accepted : step.values['bracket end'];
  if (!(reach > 0) || !Number.isFinite(step.g) || step.g === 0) return null;
  const far = step.x - reach * step.g;
  if (!Number.isFinite(far)) return null;
  const curve = fn.sample(Math.min(step.x, far), Math.max(step.x, far), RAY_SAMPLES);
  // The exact search keeps no trials: its accepted point stands for them.
  const tried = step.trials.length > 0 ? Array.from(step.trials) : accepted > 0 ? [accepted] : [];
  const trials = tried.map((t) => {
    const x = step.x - t * step.g;
    return { t, x, f: fn.at(x).f };
  });
  return { x: curve.x, f: curve.f, trials };
}

// request: an experiment's request with kind 'steps', the path ({ method, eta }) and the window
// ({ from, count }). Answers { steps }.
export function describedSteps(engine, request) {
  const { method, eta } = request.path;
  const steps = engine.describeSteps({ ...runSettings(request, method, eta), from: request.from, count: request.count });
  if (LINE_SEARCHES.has(method)) {
    const fn = compiledFunction(engine, request.expression);
    for (const step of steps) step.ray = alongRay(fn, step);
  }
  return { steps };
}
