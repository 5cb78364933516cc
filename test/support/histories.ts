import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type WorkflowHandle } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';

export const historiesDir = path.resolve(__dirname, '../histories');

/**
 * `RECORD_HISTORIES=1 npm test` refreshes the committed histories that test/workflows/replay.test.ts
 * replays; commit them with the workflow change that made them.
 */
export async function saveHistoryIfRecording(handle: WorkflowHandle, name: string): Promise<void> {
  if (process.env.RECORD_HISTORIES !== '1') return;
  const history = await handle.fetchHistory();
  await mkdir(historiesDir, { recursive: true });
  // historyToJSON writes Temporal's canonical JSON (what `temporal workflow show --output json` prints).
  await writeFile(path.join(historiesDir, `${name}.json`), historyToJSON(history));
}
