// The runner worker: runs a chapter's cells in a fresh session and posts back the results as
// plain data; for an exercise's Check, then its check (src/exercises/run.ts). It lives inside the
// opaque-origin sandbox frame, one worker per run.

import { runExercise } from '../exercises/run.ts';
import { runCells } from '../runner/session.ts';
import type { RunRequest, RunResponse } from './protocol.ts';

addEventListener('message', async (event: MessageEvent<RunRequest>) => {
  const { id, sources, check } = event.data;
  if (typeof check === 'string') {
    const { results, items } = await runExercise(sources, check);
    postMessage({ type: 'done', id, results, items } satisfies RunResponse);
  } else {
    postMessage({ type: 'done', id, results: await runCells(sources) } satisfies RunResponse);
  }
});
