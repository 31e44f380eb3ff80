// Gathers one bench run (native.json, engine.json, page.json from bench/run.sh) into results.json and a
// table: each figure beside its peer from the same run, the ratio, and the target it is read against.
// Usage: node bench/report.mjs <work dir> <results.json>
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const [work, out] = process.argv.slice(2);
const load = async (name) => JSON.parse(await readFile(path.join(work, name), 'utf8'));
const [native, engine, page] = await Promise.all([load('native.json'), load('engine.json'), load('page.json')]);

async function cpuModel() {
  const info = await readFile('/proc/cpuinfo', 'utf8').catch(() => '');
  return info.match(/^model name\s*:\s*(.*)$/m)?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
}

// Median CPU ns per evaluation, by benchmark name (each benchmark evaluates 1,024 points per iteration).
const nsPerEval = {};
for (const b of native.benchmarks) {
  if (b.aggregate_name === 'median') nsPerEval[b.run_name] = b.cpu_time / 1024;
}
const cases = [...new Set(Object.keys(nsPerEval).map((name) => name.split('/')[2]))];

const fmt = (value, digits = 1) => (value >= 100 ? value.toFixed(0) : value.toFixed(digits));
const rows = [];
const row = (measure, ours, peer, ratio, target, met) => rows.push({ measure, ours, peer, ratio, target, met });

const ratioText = (ours, peer) => (ours >= peer ? `${(ours / peer).toFixed(2)}x slower` : `${(peer / ours).toFixed(2)}x faster`);
// f and f', one point per call (the descent loop), against the hand-written functions inlined into the
// same loop (slope/hand_call: the same called through a pointer).
for (const name of cases) {
  const ours = nsPerEval[`slope/program/${name}`];
  const hand = nsPerEval[`slope/hand/${name}`], handCall = nsPerEval[`slope/hand_call/${name}`];
  row(`f and f', one point per call (${name})`, `${fmt(ours)} ns`,
    `hand-written C++ ${fmt(hand)} ns (called through a pointer ${fmt(handCall)} ns: ${ratioText(ours, handCall)})`,
    ratioText(ours, hand), '', null);
}
// f alone against muParser, beside f alone by hand: where libm calls dominate (sin, exp, log1p), the hand-
// written time bounds what any evaluator can gain.
for (const name of cases) {
  const ours = nsPerEval[`value/program/${name}`];
  const mu = nsPerEval[`value/muparser/${name}`], hand = nsPerEval[`value/hand/${name}`];
  row(`f alone, one point per call (${name})`, `${fmt(ours)} ns`,
    `muParser ${fmt(mu)} ns (hand-written f ${fmt(hand)} ns: ${(mu / hand).toFixed(1)}x)`, ratioText(ours, mu), '', null);
}
const { run, interaction, sweep } = engine;
row(`GD run, ${run.steps.toExponential(0)} steps (WASM)`, `${fmt(run.engineMs)} ms`, `mathjs ${fmt(run.mathjsMs)} ms*`,
  `${(run.mathjsMs / run.engineMs).toFixed(1)}x faster`, '>= 30x', run.mathjsMs / run.engineMs >= 30);
row('  same run, steps per second', `${(run.stepsPerSecond / 1e6).toFixed(2)} M/s`, `hand-written JS ${fmt(run.handMs)} ms`,
  `${(run.engineMs / run.handMs).toFixed(2)}x the JS time`, '>= 10 M/s', run.stepsPerSecond >= 1e7);
row('  same walk, path not kept (multi-start of one start)', `${fmt(run.walkMs)} ms`, `mathjs ${fmt(run.mathjsMs)} ms*`,
  `${(run.mathjsMs / run.walkMs).toFixed(1)}x faster`, '', null);
row('  same run, the first in a fresh engine', `${fmt(run.firstEngineMs)} ms`, 'before V8 optimizes and the heap grows', '', '', null);
// What a drag or a keystroke pays beyond the maths: a 1,000-step run call against the walk's own time for
// 1,000 steps (the multi-start above, per 1,000 steps).
const callOverWalk = run.callMs / run.walkPerCallMs;
row(`GD run call, ${run.callSteps.toLocaleString('en')} steps`, `${(run.callMs * 1000).toFixed(1)} µs`,
  `same walk, no path kept ${(run.walkPerCallMs * 1000).toFixed(1)} µs`, `${callOverWalk.toFixed(2)}x the walk`, '<= 2x',
  callOverWalk <= 2);
const interactionRatio = interaction.engineMs / interaction.handMs;
row('one interaction (3 x 1,000 steps, 1,000 samples, stationary points)', `${interaction.engineMs.toFixed(3)} ms`,
  `hand-written JS ${interaction.handMs.toFixed(3)} ms`, `${interactionRatio.toFixed(2)}x the JS time`,
  '<= 1 ms', interaction.engineMs <= 1);
row('  same, against the same work hand-written in JS', '', '', `${interactionRatio.toFixed(2)}x`, '<= 10x', interactionRatio <= 10);
row(`eta sweep (${sweep.columns} x ${sweep.iterates})`, `${fmt(sweep.engineMs)} ms`, `hand-written JS ${fmt(sweep.handMs)} ms`,
  `${(sweep.engineMs / sweep.handMs).toFixed(2)}x the JS time`, '<= 100 ms', sweep.engineMs <= 100);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const fileList = (bytes) => bytes.files.map((f) => `${f.name.slice(1)} ${(f.gzip / 1024).toFixed(1)}`).join(', ');
row('page bytes before the first answer (gzip -9)', kb(page.bytes.gzip), fileList(page.bytes), '-', '<= 140 KB',
  page.bytes.gzip <= 140 * 1024);
row('one-file element bytes before its first answer (gzip -9)', kb(page.embedBytes.gzip), fileList(page.embedBytes), '-',
  '<= 150 KB', page.embedBytes.gzip <= 150 * 1024);
// Navigation to the first answer drawn (paths on the chart and the results table) against a bare page drawing
// one empty Chart.js chart, loaded in turn with them.
const { ms: answerMs, ratios } = page.firstAnswer;
for (const [name, what] of [['page', 'the page'], ['post', 'a post with one element'], ['demo', 'the embed demo, its first screen']]) {
  row(`navigation -> first answer drawn, ${what}`, `${fmt(answerMs[name])} ms`, `bare Chart.js page ${fmt(answerMs.peer)} ms`,
    `${ratios[name].toFixed(2)}x the bare page`, '<= 1.5x', ratios[name] <= 1.5);
}
row('frames with an update while dragging x0 (1,000-step paths)', page.dragging.updatedFraction.toFixed(3),
  `${page.dragging.fps.toFixed(1)} fps of ${page.dragging.inputRate.toFixed(1)} frames/s`, '-', '>= 0.95',
  page.dragging.updatedFraction >= 0.95);

const machine = {
  cpu: await cpuModel(),
  cores: os.cpus().length,
  loadAverageAtStart: process.env.DESCENT_LOAD_AT_START ?? os.loadavg().map((l) => l.toFixed(2)).join(' '),
  node: process.version,
  date: new Date().toISOString(),
};
await writeFile(out, JSON.stringify({ machine, rows, native: nsPerEval, engine, page }, null, 2) + '\n');

const headers = ['measure', 'descent', 'peer (same run)', 'ratio', 'target', ''];
const cells = rows.map((r) => [r.measure, r.ours, r.peer, r.ratio, r.target, r.met === null ? '' : r.met ? 'met' : 'not met']);
const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
const line = (c) => `| ${c.map((v, i) => v.padEnd(widths[i])).join(' | ')} |`;
console.log(`\nmachine: ${machine.cpu}, ${machine.cores} cores, load average at start ${machine.loadAverageAtStart}, node ${machine.node}`);
console.log('native: Google Benchmark, median CPU time per evaluation of 10 repetitions (ns per point); Node: median CPU time;');
console.log(`page: median of ${page.firstAnswer.loads} fresh loads each. * mathjs ran ${run.mathjsSteps.toLocaleString('en')} steps, scaled to ${run.steps.toLocaleString('en')}.\n`);
console.log(line(headers));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const c of cells) console.log(line(c));
console.log(`\nwrote ${out}`);
