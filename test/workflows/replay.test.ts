import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from '@temporalio/worker';
import { workflowsEntry } from '../../worker/workflow-source';
import { historiesDir } from '../support/histories';

/**
 * Replays every committed history against today's workflow code. A change that would make running
 * workflows non-deterministic fails here, before it reaches a worker with live executions.
 */
describe('replay of committed workflow histories', () => {
  it('replays every history in test/histories without a determinism error', async () => {
    const files = (await readdir(historiesDir)).filter((file) => file.endsWith('.json')).sort();
    expect(files.length).toBeGreaterThan(0);

    const histories = files.map((file) => ({
      workflowId: path.basename(file, '.json'),
      history: readFile(path.join(historiesDir, file), 'utf8').then((text) => JSON.parse(text) as unknown),
    }));
    const loaded = await Promise.all(histories.map(async ({ workflowId, history }) => ({ workflowId, history: await history })));

    const failures: string[] = [];
    for await (const result of Worker.runReplayHistories({ workflowsPath: workflowsEntry }, loaded)) {
      if (result.error) failures.push(`${result.workflowId}: ${String(result.error)}`);
    }
    expect(failures).toEqual([]);
  });
});
