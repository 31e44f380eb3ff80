// The page's side of the one page/worker protocol (web/src/engine/engine-client.js), against a stand-in
// worker that records what it is sent and answers when told: the message formats, progress, cancelling
// (nothing of a cancelled job reaches the page) and "the latest input wins" within a channel. The real
// worker answering the real page is covered by the browser tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngineClient } from '../../web/src/engine/engine-client.js';

function fakeWorker() {
  const worker = {
    sent: [],
    terminated: false,
    onmessage: null,
    onerror: null,
    postMessage(data) { worker.sent.push(data); },
    terminate() { worker.terminated = true; },
    reply(data) { worker.onmessage({ data }); },
  };
  return worker;
}

test('a one-off is sent as a run, hears its progress and resolves with its answer', async () => {
  const worker = fakeWorker();
  const client = createEngineClient(() => worker);
  const heard = [];
  const job = client.start({ kind: 'sweep', count: 4 }, (fraction) => heard.push(fraction));
  assert.deepEqual(worker.sent, [{ type: 'run', id: job.id, request: { kind: 'sweep', count: 4 } }]);
  worker.reply({ type: 'started' });
  worker.reply({ type: 'progress', id: job.id, fraction: 0.5 });
  worker.reply({ type: 'answer', id: job.id, ok: true, answer: { kind: 'sweep', eta: [1] } });
  assert.deepEqual(await job.done, { kind: 'sweep', eta: [1] });
  assert.deepEqual(heard, [0.5]);
});

test('a refused one-off rejects with the worker\'s message and kind', async () => {
  const worker = fakeWorker();
  const client = createEngineClient(() => worker);
  const answer = client.request({ kind: 'csv' });
  const { id } = worker.sent[0];
  worker.reply({ type: 'answer', id, ok: false, kind: 'settings', message: 'Too many steps.' });
  await assert.rejects(answer, (error) => error instanceof Error && error.message === 'Too many steps.' && error.kind === 'settings');
});

test('a cancelled one-off resolves at once, tells the worker, and drops what arrives later', async () => {
  const worker = fakeWorker();
  const client = createEngineClient(() => worker);
  const heard = [];
  const job = client.start({ kind: 'sweep' }, (fraction) => heard.push(fraction));
  job.cancel();
  assert.deepEqual(await job.done, { cancelled: true });
  assert.deepEqual(worker.sent.at(-1), { type: 'cancel', id: job.id });
  worker.reply({ type: 'progress', id: job.id, fraction: 0.25 });
  worker.reply({ type: 'answer', id: job.id, ok: true, answer: { late: true } });
  assert.deepEqual(heard, []);
  job.cancel();
  assert.equal(worker.sent.filter((message) => message.type === 'cancel').length, 1, 'cancelled once');
});

test('within a channel the latest input wins, and only its answer is shown', async () => {
  const worker = fakeWorker();
  const client = createEngineClient(() => worker);
  const answers = [];
  const busy = [];
  const channel = client.channel({ onAnswer: (message) => answers.push(message.answer), onBusy: (b) => busy.push(b) });
  channel.submit({ expression: 'x^2' });
  channel.submit({ expression: 'x^3' });   // waits for the first
  channel.submit({ expression: 'x^4' });   // replaces the one waiting
  assert.equal(worker.sent.length, 1);
  worker.reply({ type: 'answer', id: worker.sent[0].id, ok: true, answer: 'x^2' });
  assert.equal(worker.sent.length, 2, 'the newest waiting input is sent once the first is answered');
  assert.deepEqual(worker.sent[1].request, { expression: 'x^4' });
  worker.reply({ type: 'answer', id: worker.sent[1].id, ok: true, answer: 'x^4' });
  assert.deepEqual(answers, ['x^4']);
  assert.equal(busy.at(-1), false);
});

test('the explorer\'s client and the analyses\' client each answer from their own worker', async () => {
  const explorerWorker = fakeWorker();
  const analysisWorker = fakeWorker();
  const explorer = createEngineClient(() => explorerWorker);
  const analyses = createEngineClient(() => analysisWorker);
  const sweep = analyses.start({ kind: 'sweep' });
  const csv = explorer.request({ kind: 'csv' });
  assert.equal(explorerWorker.sent.length, 1);
  assert.equal(analysisWorker.sent.length, 1);
  explorerWorker.reply({ type: 'answer', id: explorerWorker.sent[0].id, ok: true, answer: { csv: 'eta,k' } });
  assert.deepEqual(await csv, { csv: 'eta,k' });
  analysisWorker.reply({ type: 'answer', id: sweep.id, ok: true, answer: { kind: 'sweep' } });
  assert.deepEqual(await sweep.done, { kind: 'sweep' });
});
