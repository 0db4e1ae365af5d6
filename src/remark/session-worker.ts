// A chapter's session at build time, in a worker thread of its own (chapter-session.ts starts it):
// a fresh realm, so nothing one chapter's cells do (a global they make, a built-in they change)
// reaches another chapter, as in the browser, where every run gets a fresh Web Worker.

import { parentPort } from 'node:worker_threads';
import { runExercise } from '../exercises/run.ts';
import { CellFailure, Session } from '../runner/session.ts';
import type { SessionReply, SessionRequest } from './chapter-session.ts';

const session = new Session();

parentPort!.on('message', async (request: SessionRequest) => {
  const { id } = request;
  let reply: SessionReply;
  if (request.kind === 'exercise') {
    reply = { id, exercise: await runExercise(request.sources, request.check) };
  } else if (request.kind === 'run') {
    reply = { id, result: await session.run(request.code) };
  } else {
    try {
      reply = { id, text: await session.evaluate(request.code) };
    } catch (e) {
      reply = { id, error: e instanceof CellFailure ? e.detail : { kind: 'runtime', name: 'Error', message: String(e) } };
    }
  }
  parentPort!.postMessage(reply);
});
// Loaded: from now on the session's time limit counts (chapter-session.ts).
parentPort!.postMessage({ ready: true });
