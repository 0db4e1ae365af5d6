// The sandbox frame's bootstrap, inlined into an iframe with sandbox="allow-scripts" (an opaque
// origin: no access to the page, its cookies or storage). It starts the runner worker from the
// script text the page posts, gives every run a fresh worker (nothing a run does survives it),
// and enforces the time limit by terminating the worker. Messages: src/sandbox/protocol.ts.
'use strict';
let workerUrl;
let spare; // started ahead, so a run need not wait for the worker script to load

const post = (message) => parent.postMessage(message, '*');
const start = () => new Worker(workerUrl, { name: 'runner' });
const runs = new Map(); // run id → { worker, timer }

/** Ends a run, telling the page how (a Stop needs no answer: the page has let go of the run). */
function finish(id, message) {
  const run = runs.get(id);
  if (!run) return;
  runs.delete(id);
  clearTimeout(run.timer);
  run.worker.terminate();
  if (message) post(message);
}

addEventListener('message', (event) => {
  if (event.source !== parent) return;
  const message = event.data;
  if (message.type === 'init' && !workerUrl) {
    workerUrl = URL.createObjectURL(new Blob([message.workerSource], { type: 'text/javascript' }));
    spare = start();
    post({ type: 'ready' });
  } else if (message.type === 'run' && workerUrl && !runs.has(message.id)) {
    const { id, timeoutMs } = message;
    const worker = spare ?? start();
    spare = start();
    worker.onmessage = (e) => {
      if (e.data?.type === 'done' && e.data.id === id) finish(id, { type: 'done', id, results: e.data.results, items: e.data.items });
    };
    worker.onerror = (e) => {
      e.preventDefault();
      finish(id, { type: 'crashed', id, message: String(e.message) });
    };
    runs.set(id, { worker, timer: setTimeout(() => finish(id, { type: 'timeout', id }), timeoutMs) });
    worker.postMessage({ type: 'run', id, sources: message.sources, check: message.check });
  } else if (message.type === 'stop') {
    finish(message.id);
  }
});
