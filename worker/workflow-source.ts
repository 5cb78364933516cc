import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type WorkerOptions } from '@temporalio/worker';

export const workflowsEntry = path.resolve(__dirname, '../workflows/index.ts');

/**
 * Production runs a bundle built ahead of time (fast start, the exact code that was tested);
 * development bundles workflows/ at start so edits are picked up by a restart.
 */
export async function workflowSource(bundlePath: string | undefined): Promise<Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath'>> {
  if (!bundlePath) return { workflowsPath: workflowsEntry };
  return { workflowBundle: { code: await readFile(bundlePath, 'utf8') } };
}
