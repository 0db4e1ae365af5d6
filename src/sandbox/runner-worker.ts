// The runner worker: runs a chapter's cells in a fresh session and posts back the results as
// plain data. It lives inside the opaque-origin sandbox frame, one worker per run.

import { runCells } from '../runner/session.ts';
import type { RunRequest, RunResponse } from './protocol.ts';

addEventListener('message', async (event: MessageEvent<RunRequest>) => {
  const { id, sources } = event.data;
  const results = await runCells(sources);
  postMessage({ type: 'done', id, results } satisfies RunResponse);
});
