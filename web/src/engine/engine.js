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

// A setting that makes no sense (a step size of zero, an unknown method, too many steps). `setting` names it
// as engine.settings does ('beta2', 'steps'), so a form can show the message on that field.
export class SettingsError extends Error {
  constructor(message, setting = null) {
    super(message);
    this.name = 'SettingsError';
    this.setting = setting;
  }
}

const CACHE_SIZE = 8;
// The two settings of describeSteps beyond a run's: the first step and how many.
const FROM = { name: 'from', help: 'the first step to describe', required: true };
const COUNT = { name: 'count', help: 'the number of steps to describe', default: 1 };

function answer(result) {
  if (result?.error !== undefined) throw new SettingsError(result.error, result.setting ?? null);
  return result;
}

// One setting of the table as the C++ side reads it: a number (numeric text is taken), NaN when it is
// not given and has no default. The range is checked in C++.
function read(settings, setting) {
  const value = settings[setting.name];
  if (value === undefined || value === null) {
    if (setting.required) throw new SettingsError(`${setting.name} is required: ${setting.help}`, setting.name);
    return setting.default ?? NaN;
  }
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || Number.isNaN(n)) {
    throw new SettingsError(`${setting.name} must be a number, not ${JSON.stringify(value)}`, setting.name);
  }
  return n;
}

function readAll(list, settings) {
  return Object.fromEntries(list.map((setting) => [setting.name, read(settings, setting)]));
}

// The run's settings, written as numbers into the engine's settings block (NaN = "use the method's or the
// schedule's default"), in the table's order, then the method's and the schedule's index in their lists:
// one pass over the table and no Embind value per setting. Newton takes no step size.
function writeRun(parts, settings) {
  const { core, table, blocks } = parts;
  const method = String(settings.method ?? table.methods[0].name);
  const schedule = String(settings.schedule ?? table.schedules[0].name);
  const methodIndex = parts.methodIndex.get(method);
  const given = (table.methods[methodIndex]?.usesEta ?? true) || settings.eta !== undefined ? settings : { ...settings, eta: 1 };
  const heap = core.HEAPF64;
  let at = blocks.settings;
  for (const setting of table.run) heap[at++] = read(given, setting);
  const scheduleIndex = parts.scheduleIndex.get(schedule);
  // A name the lists lack is refused in the engine's words.
  if (methodIndex === undefined) answer(core.choiceError('method', method));
  if (scheduleIndex === undefined) answer(core.choiceError('schedule', schedule));
  heap[at] = methodIndex;
  heap[at + 1] = scheduleIndex;
}

// A path's columns: x, f, df, g, lr.
const COLUMNS = 5;

// The first n points of each column of the piece block (columns `stride` apart), one after another.
function gathered(heap, piece, stride, n) {
  const path = new Float64Array(COLUMNS * n);
  for (let c = 0; c < COLUMNS; ++c) path.set(heap.subarray(piece + c * stride, piece + c * stride + n), c * n);
  return path;
}

function deepFreeze(value) {
  if (value && typeof value === 'object') {
    for (const item of Object.values(value)) deepFreeze(item);
    Object.freeze(value);
  }
  return value;
}

class CompiledFunction {
  #parts; // { core, table, blocks, stopReasons, pointKinds, methodIndex, scheduleIndex } of the engine
  #handle;
  constructor(parts, handle) {
    this.#parts = parts;
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
    const handle = this.#live();
    const { core, blocks } = this.#parts;
    const { piece, room } = blocks;
    [a, b, count] = [Number(a), Number(b), Number(count)];
    let n = answer(handle.samplePiece(a, b, count, 0));
    let heap = core.HEAPF64;
    if (n < room) return { x: heap.slice(piece, piece + n), f: heap.slice(piece + room, piece + room + n) };
    const x = new Float64Array(Math.trunc(count)), f = new Float64Array(x.length);
    for (let from = 0; n > 0; from += n, n = from < x.length ? handle.samplePiece(a, b, count, from) : 0) {
      heap = core.HEAPF64;
      x.set(heap.subarray(piece, piece + n), from);
      f.set(heap.subarray(piece + room, piece + room + n), from);
    }
    return { x, f };
  }

  // f, f′ and f″ at each of xs (a Float64Array), as three Float64Arrays { f, df, d2f }: what at(x) gives
  // point by point, without an object per point. The points cross a piece at a time.
  atMany(xs) {
    const handle = this.#live();
    const { core, blocks } = this.#parts;
    const { piece, room } = blocks;
    const columns = { f: new Float64Array(xs.length), df: new Float64Array(xs.length), d2f: new Float64Array(xs.length) };
    for (let from = 0; from < xs.length; from += room) {
      const n = Math.min(room, xs.length - from);
      core.HEAPF64.set(xs.subarray(from, from + n), piece);
      answer(handle.atPiece(n));
      const heap = core.HEAPF64;
      Object.values(columns).forEach((column, c) => column.set(heap.subarray(piece + (c + 1) * room, piece + (c + 1) * room + n), from));
    }
    return columns;
  }

  // [{ x, kind, f, d2f, etaMax, etaBest }], read from the engine's piece block, six numbers a point.
  stationaryPoints(a, b) {
    const count = answer(this.#live().stationaryPoints(Number(a), Number(b)));
    const { core, blocks, pointKinds } = this.#parts;
    const heap = core.HEAPF64;
    const points = [];
    for (let i = 0, at = blocks.piece; i < count; ++i, at += 6) {
      points.push({ x: heap[at], kind: pointKinds[heap[at + 1]], f: heap[at + 2], d2f: heap[at + 3], etaMax: heap[at + 4], etaBest: heap[at + 5] });
    }
    return points;
  }

  // The path comes over a piece at a time. A path that fits in one piece (up to 8,192 points) is copied
  // out of the engine's memory in one go, as one Float64Array whose five columns x, f, df, g, lr are views
  // one after another: one allocation rather than five, where V8 pays about as much per array as for
  // copying its 8 KB. A longer path goes into five arrays of its own: one array five times as large
  // (40 MB for 10^6 steps) is past the size the C allocator reuses, and its fresh pages cost more than the
  // copy. A path that stops early is cut to its length.
  run(settings) {
    const handle = this.#live();
    const { core, blocks, stopReasons } = this.#parts;
    const { piece, room } = blocks;
    writeRun(this.#parts, settings);
    const points = handle.startRun();
    if (points === 0) answer(handle.runError());
    const stride = Math.min(points, room);
    let n = handle.nextPiece();
    let columns;
    let taken = n;
    if (n < room || n === points) {
      const path = n === points ? core.HEAPF64.slice(piece, piece + COLUMNS * n) : gathered(core.HEAPF64, piece, stride, n);
      columns = Array.from({ length: COLUMNS }, (_, c) => path.subarray(c * n, (c + 1) * n));
    } else {
      columns = Array.from({ length: COLUMNS }, () => new Float64Array(points));
      for (taken = 0; ; n = handle.nextPiece()) {
        const heap = core.HEAPF64;
        for (let c = 0; c < COLUMNS; ++c) columns[c].set(heap.subarray(piece + c * stride, piece + c * stride + n), taken);
        taken += n;
        if (n < stride || taken === points) break;
      }
      if (taken < points) columns = columns.map((column) => column.slice(0, taken));
    }
    const [x, f, df, g, lr] = columns;
    const status = stopReasons[handle.runStatus()];
    if (status === 'undefined') return { x, f, df, g, lr, status, why: handle.runWhy(), stoppedAt: taken - 1 };
    return { x, f, df, g, lr, status, stoppedAt: taken - 1 };
  }

  // The arithmetic of steps from .. from + count - 1 of a run, as the engine computed them: for each step
  // { k, x, f, df, d2f, noise, seen, g, lr, next, values: { velocity, ... }, trials: Float64Array }.
  describeSteps(settings) {
    writeRun(this.#parts, settings);
    return answer(this.#live().describeSteps({ from: read(settings, FROM), count: read(settings, COUNT) })).steps;
  }

  // The one seed of a multi-start draws its starts and, when noise is asked for, the noise of its runs.
  multiStart(settings) {
    const { core, table, blocks } = this.#parts;
    writeRun(this.#parts, { ...settings, x0: 0 });
    const multi = readAll(table.multiStart, settings);
    core.HEAPF64[blocks.settings + table.run.findIndex((setting) => setting.name === 'seed')] = multi.seed;
    return answer(this.#live().multiStart(multi));
  }

  openSweep(settings) {
    const { core, table } = this.#parts;
    writeRun(this.#parts, { ...settings, eta: 1, steps: 0 });
    const plain = {
      x0: read(settings, table.run.find((setting) => setting.name === 'x0')),
      ...readAll(table.sweep, settings),
      scale: settings.scale === 'linear' ? 'linear' : 'log',
    };
    const job = core.openSweep(this.#live(), plain);
    const error = job.error();
    if (error) {
      const setting = job.setting() || null;
      job.delete();
      throw new SettingsError(error, setting);
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
    // Every setting the engine takes, declared once in C++ (cpp/optim/settings.hpp): methods with their
    // labels, rules and hyperparameter defaults, each setting's range, and the caps on work.
    this.settings = deepFreeze(core.settingsTable());
    const indexOf = (list) => new Map(list.map(({ name }, i) => [name, i]));
    this.#parts = {
      core, table: this.settings, blocks: core.blockAddresses(), stopReasons: core.stopReasons(), pointKinds: core.pointKinds(),
      methodIndex: indexOf(this.settings.methods), scheduleIndex: indexOf(this.settings.schedules),
    };
  }

  // What a compiled function needs of the engine: the core, the settings table, where the settings and
  // piece blocks are, the stop reasons and the kinds of point by index, and each method's and schedule's index in their lists.
  #parts;

  compile(expression) {
    if (typeof expression !== 'string') throw new ExpressionError('the function must be text', 1);
    const handle = this.#core.compile(expression);
    if (!handle.ok()) {
      const error = new ExpressionError(handle.error(), handle.column(), handle.openedAt());
      handle.delete();
      throw error;
    }
    return new CompiledFunction(this.#parts, handle);
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

  describeSteps(settings) {
    return this.#cached(settings.expression).describeSteps(settings);
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
