import { printTable } from '../support/print-table';
import { type PickupBenchConfig } from './config';
import { cpuCores } from './resource-sampler';
import { otherLoadPercent, type StepPair } from './report';
import { type StackShape } from './stack';
import { achievedRate, cpuMsPerCompletion, isSustained, type StepResult } from './step-result';

/** The figures of one stack shape's ramp. */
export interface ShapeResult {
  shape: StackShape & { historyShards: number };
  pairs: StepPair[];
  extraBaselines: StepResult[];
}

export function shapeLabel({ server, workers }: StackShape): string {
  return `${server === 'dev' ? 'dev server' : 'cluster'}, ${workers} worker${workers === 1 ? '' : 's'}`;
}

const round = (value: number) => Math.round(value);

/**
 * Where the ceiling is at the first pickup step that was not sustained (else the top step): how busy the
 * machine was and how much of that was not this run, the three biggest CPU users of the stack (which Temporal service, which worker, the
 * database's backends), and whether a connection pool was full.
 */
function ceilingOf(pairs: StepPair[], config: PickupBenchConfig): string {
  const limiting = pairs.find((pair) => !isSustained(pair.pickup, config.BENCH_SUSTAINED_SHARE)) ?? pairs.at(-1);
  if (limiting === undefined) return '-';
  const { resources } = limiting.pickup;
  const top = Object.entries(resources.cpuPercent)
    .filter(([name]) => !name.startsWith('bench'))
    .sort(([, a], [, b]) => b - a)
    .slice(0, 3)
    .map(([name, percent]) => `${name} ${round(percent)}%`)
    .join(', ');
  const fullPools = Object.entries(resources.pools)
    .filter(([, usage]) => usage.saturatedShare >= 0.1)
    .map(([name, usage]) => `${name} pool full ${round(usage.saturatedShare * 100)}%`);
  const machine = `machine ${round(resources.machineBusyPercent)}% of ${cpuCores} cores (other load ${round(otherLoadPercent(limiting.pickup))}%)`;
  return [`at ${limiting.rate}/s: ${machine}`, top, ...fullPools].join('; ');
}

/** Every shape's headline figures in one table, so servers and worker counts compare at a glance. */
export function printComparison(results: ShapeResult[], config: PickupBenchConfig): void {
  console.log('\nSide by side (each shape on a fresh stack and database, same ramp; CPU in % of one core):');
  printTable(
    results.map(({ shape, pairs, extraBaselines }) => {
      const baselines = [...pairs.map((pair) => pair.baseline), ...extraBaselines];
      const sustained = pairs.filter((pair) => isSustained(pair.pickup, config.BENCH_SUSTAINED_SHARE));
      const best = sustained.reduce<StepPair | undefined>(
        (top, pair) => (top === undefined || pair.rate > top.rate ? pair : top),
        undefined,
      );
      const cheapest = Math.min(...pairs.map((pair) => cpuMsPerCompletion(pair.pickup)).filter(Number.isFinite));
      return {
        server: shape.server,
        shards: shape.historyShards,
        workers: shape.workers,
        'best sustained pickup /s': best === undefined ? 'none' : `${best.rate} (${achievedRate(best.pickup).toFixed(2)})`,
        'peak pickup /s': Math.max(0, ...pairs.map((pair) => achievedRate(pair.pickup))),
        'peak baseline wf/s': Math.max(0, ...baselines.map(achievedRate)),
        'CPU ms/order': Number.isFinite(cheapest) ? round(cheapest) : '-',
        ceiling: ceilingOf(pairs, config),
      };
    }),
  );
}
