// The runner worker: runs a chapter's cells in a fresh session and posts back the results as
// plain data, or trains the moons demo, posting each state. It lives inside the opaque-origin
// sandbox frame, one worker per run.

import { train } from '../moons/train.ts';
import { runCells } from '../runner/session.ts';
import type { RunRequest, RunResponse, TrainProgress, TrainRequest } from './protocol.ts';

addEventListener('message', async (event: MessageEvent<RunRequest | TrainRequest>) => {
  if ('job' in event.data) {
    const { id, job } = event.data;
    train(job, (progress) => postMessage({ id, progress } satisfies TrainProgress));
    postMessage({ id, results: [] } satisfies RunResponse);
    return;
  }
  const { id, sources } = event.data;
  const results = await runCells(sources);
  postMessage({ id, results } satisfies RunResponse);
});
