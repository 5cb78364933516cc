import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { runMetricsInterceptorModule } from './metrics/run-metrics-sinks';
import { workflowsEntry } from './workflow-source';

/** `npm run build:workflows [out]`: writes the workflow bundle the production worker loads. */
async function main(): Promise<void> {
  const out = path.resolve(process.argv[2] ?? 'dist/workflow-bundle.js');
  const { code } = await bundleWorkflowCode({ workflowsPath: workflowsEntry, workflowInterceptorModules: [runMetricsInterceptorModule] });
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, code);
  console.log(`workflow bundle written to ${out} (${(code.length / 1024).toFixed(0)} KiB)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
