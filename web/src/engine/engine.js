// The engine's JS face: the same ES module in Node, in the page and in a module Worker.
// It wraps the Embind core (engine-core.mjs, the C++ compiled to WebAssembly) so that callers see
// plain values, typed arrays and real Errors, and never an Embind handle they must remember to free.
import createDescentCore from './engine-core.mjs';

// A parse error: the message a student reads, the 1-based column it points at, and for an unclosed
// bracket the column where it opened (0 otherwise).
export class ExpressionError extends Error {
  constructor(message, column, openedAt = 0) {
    super(message);
    this.name = 'ExpressionError';
    this.column = column;
    this.openedAt = openedAt;
  }
}

// A setting that makes no sense (a step size of zero, an unknown method, too many steps).
export class SettingsError extends Error {
  constructor(message) {
    super(message);
    this.name = 'SettingsError';
  }
}

const HYPERPARAMETERS = ['beta', 'alpha', 'eps', 'beta1', 'beta2', 'c', 'shrink'];
const CACHE_SIZE = 8;

function answer(result) {
  if (result.error !== undefined) throw new SettingsError(result.error);
  return result;
}

function number(settings, name, fallback) {
  const value = settings[name] ?? fallback;
  if (value === undefined) throw new SettingsError(`${name} is required`);
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || Number.isNaN(n)) throw new SettingsError(`${name} must be a number, not ${JSON.stringify(value)}`);
  return n;
}

function optional(settings, name) {
  return settings[name] === undefined || settings[name] === null ? NaN : number(settings, name);
}

// The numbers the C++ side reads, every one a number (NaN = "use the default").
function runSettings(settings) {
  const plain = {
    x0: number(settings, 'x0'),
    eta: number(settings, 'eta', settings.method === 'newton' ? 1 : undefined),
    steps: number(settings, 'steps'),
    method: String(settings.method ?? 'gd'),
    tolerance: optional(settings, 'tolerance'),
  };
  for (const name of HYPERPARAMETERS) plain[name] = optional(settings, name);
  return plain;
}

class CompiledFunction {
  #core;
  #handle;
  constructor(core, handle) {
    this.#core = core;
    this.#handle = handle;
    this.source = handle.printed(0);
    this.text = this.source.text;
    this.latex = this.source.latex;
    this.mathml = this.source.mathml;
    this.derivative = handle.printed(1);
    this.second = handle.printed(2);
  }

  #live() {
    if (!this.#handle) throw new Error('this function was disposed');
    return this.#handle;
  }

  at(x) {
    return this.#live().at(Number(x));
  }

  sample(a, b, count) {
    return answer(this.#live().sample(Number(a), Number(b), Number(count)));
  }

  stationaryPoints(a, b) {
    return answer(this.#live().stationaryPoints(Number(a), Number(b))).points;
  }

  run(settings) {
    const plain = runSettings(settings);
    return answer(this.#live().run(plain));
  }

  multiStart(settings) {
    const plain = { ...runSettings({ ...settings, x0: 0 }), a: number(settings, 'a'), b: number(settings, 'b') };
    plain.count = number(settings, 'count', 50);
    plain.seed = number(settings, 'seed', 1);
    if (!Number.isInteger(plain.count)) throw new SettingsError('count must be a whole number');
    if (!Number.isInteger(plain.seed) || plain.seed < 0) throw new SettingsError('seed must be a whole number >= 0');
    return answer(this.#live().multiStart(plain));
  }

  openSweep(settings) {
    const plain = {
      ...runSettings({ ...settings, eta: 1, steps: 0 }),
      etaMin: number(settings, 'etaMin'),
      etaMax: number(settings, 'etaMax'),
      count: number(settings, 'count', 400),
      scale: settings.scale === 'linear' ? 'linear' : 'log',
      burnIn: number(settings, 'burnIn', 500),
      keep: number(settings, 'keep', 50),
    };
    for (const name of ['count', 'burnIn', 'keep'])
      if (!Number.isInteger(plain[name])) throw new SettingsError(`${name} must be a whole number`);
    const job = this.#core.openSweep(this.#live(), plain);
    const error = job.error();
    if (error) {
      job.delete();
      throw new SettingsError(error);
    }
    return new SweepProgress(job);
  }

  dispose() {
    if (this.#handle) this.#handle.delete();
    this.#handle = null;
  }
}

class Engine {
  #core;
  #cache = new Map(); // expression text -> CompiledFunction, most recent last

  constructor(core) {
    this.#core = core;
  }

  compile(expression) {
    if (typeof expression !== 'string') throw new ExpressionError('the function must be text', 1);
    const handle = this.#core.compile(expression);
    if (!handle.ok()) {
      const error = new ExpressionError(handle.error(), handle.column(), handle.openedAt());
      handle.delete();
      throw error;
    }
    return new CompiledFunction(this.#core, handle);
  }

  // A compiled function kept for repeated runs of the same expression; the engine owns it.
  #cached(expression) {
    let fn = this.#cache.get(expression);
    if (fn) {
      this.#cache.delete(expression);
    } else {
      fn = this.compile(expression);
      if (this.#cache.size >= CACHE_SIZE) {
        const [oldest, old] = this.#cache.entries().next().value;
        this.#cache.delete(oldest);
        old.dispose();
      }
    }
    this.#cache.set(expression, fn);
    return fn;
  }

  run(settings) {
    return this.#cached(settings.expression).run(settings);
  }

  // Bytes of the engine's heap in use (allocated and not freed): flat across many calls unless
  // something leaks.
  heapInUse() {
    return this.#core.heapInUse();
  }

  multiStart(settings) {
    return this.#cached(settings.expression).multiStart(settings);
  }

  // A sweep that can be computed a chunk at a time: { count, keep, eta, next(columns) -> bool, result() }.
  openSweep(settings) {
    return this.#cached(settings.expression).openSweep(settings);
  }

  sweep(settings) {
    const progress = this.openSweep(settings);
    while (!progress.next(64));
    return progress.result();
  }
}

class SweepProgress {
  #job;
  #done = 0;
  #status = [];
  constructor(job) {
    this.#job = job;
    this.count = job.count();
    this.keep = job.keep();
    this.eta = Float64Array.from({ length: this.count }, (_, i) => job.eta(i));
    this.x = new Float64Array(this.count * this.keep);
  }

  get done() {
    return this.#done;
  }

  // Computes up to `columns` more columns; true once all are done (the C++ side is then freed).
  next(columns) {
    if (!this.#job) return true;
    const to = Math.min(this.count, this.#done + Math.max(1, columns));
    const chunk = this.#job.columns(this.#done, to);
    this.x.set(chunk.x, this.#done * this.keep);
    this.#status.push(...chunk.status);
    this.#done = to;
    if (to === this.count) this.cancel();
    return this.#done === this.count;
  }

  cancel() {
    if (!this.#job) return;
    this.#job.delete();
    this.#job = null;
  }

  result() {
    return { eta: this.eta, x: this.x, keep: this.keep, status: this.#status };
  }
}

export async function loadEngine() {
  return new Engine(await createDescentCore());
}
