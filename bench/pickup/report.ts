import os from 'node:os';
import { percentile } from '../support/latency';
import { printTable } from '../support/print-table';
import { type PickupBenchConfig } from './config';
import { cpuCores } from './resource-sampler';
import { achievedRate, completionLatenciesMs, cpuMsPerCompletion, isSustained, type StepResult, unfinished } from './step-result';

export interface StepPair {
  rate: number;
  baseline: StepResult;
  pickup: StepResult;
}

export interface WorkerSlots {
  activities: number;
  workflowTasks: number;
}

export function printSetup(
  config: PickupBenchConfig,
  intakeDescription: string,
  workerSlots: WorkerSlots,
  shape: { server: 'dev' | 'cluster'; workers: number; historyShards: number },
): void {
  const rates = config.BENCH_PICKUP_RATES;
  const steps = rates.length * 2 + config.BENCH_BASELINE_EXTRA_RATES.length;
  const boundSeconds = steps * (config.BENCH_PICKUP_STEP_SECONDS + config.BENCH_PICKUP_DRAIN_SECONDS + config.BENCH_PICKUP_SETTLE_SECONDS);
  console.log(
    `\nPickup bench: offered rates ${rates.join(', ')} /s, ${config.BENCH_PICKUP_STEP_SECONDS} s each (drain up to ${config.BENCH_PICKUP_DRAIN_SECONDS} s, then up to ${config.BENCH_PICKUP_SETTLE_SECONDS} s untimed settling), ` +
      `${config.BENCH_BASELINE_EXTRA_RATES.length > 0 ? `baseline alone at ${config.BENCH_BASELINE_EXTRA_RATES.join(', ')} /s first, then ` : ''}baseline and pickup at each rate; ${config.BENCH_PICKUP_LINES_PER_ORDER} line(s) per order over ${config.BENCH_PICKUP_SKUS} SKUs; intake: ${intakeDescription}.\n` +
      `Temporal ${shape.server === 'dev' ? 'dev server' : 'cluster (history, matching, frontend, worker processes)'}, ${shape.historyShards} history shard(s); ` +
      `${shape.workers} worker process(es) (${workerSlots.workflowTasks} workflow task / ${workerSlots.activities} activity slots each), one API, pools of ${config.DATABASE_POOL_SIZE} connections each; ` +
      `${cpuCores} CPUs, load average ${os.loadavg()[0]?.toFixed(2)} at start; the ramp takes at most ${boundSeconds} s.\n`,
  );
}

const ms = (value: number) => Math.round(value);
const orDash = (value: number) => (Number.isFinite(value) ? value : '-');

export function printStepLine(step: StepResult): void {
  const latencies = completionLatenciesMs(step);
  const problems = [
    step.skipped > 0 && `${step.skipped} skipped`,
    step.failed > 0 && `${step.failed} failed (${step.firstError})`,
    unfinished(step) > 0 && `${unfinished(step)} unfinished`,
  ].filter(Boolean);
  console.log(
    `  ${step.workload.padEnd(8)} ${String(step.offeredRate).padStart(4)}/s offered: ${achievedRate(step).toFixed(2)}/s finished, ` +
      `request p50 ${ms(percentile(step.requestLatenciesMs, 50))} ms, done p50 ${ms(percentile(latencies, 50))} ms${problems.length > 0 ? `; ${problems.join(', ')}` : ''}`,
  );
}

function resultRows(pairs: StepPair[], extraBaselines: StepResult[], config: PickupBenchConfig) {
  const baselineOnly = extraBaselines.map((baseline) => ({
    'offered /s': baseline.offeredRate,
    'pickup /s': '-',
    sustained: '-',
    'intake p50 ms': '-',
    'intake p99 ms': '-',
    'PICK p50 ms': '-',
    'PICK p99 ms': '-',
    'not done': '-',
    'baseline wf/s': achievedRate(baseline),
    'baseline sustained': isSustained(baseline, config.BENCH_SUSTAINED_SHARE) ? 'yes' : 'no',
    'baseline p50 ms': orDash(percentile(completionLatenciesMs(baseline), 50)),
    'pickup/baseline': '-',
    'CPU ms/order': '-',
    'CPU ms/baseline wf': orDash(cpuMsPerCompletion(baseline)),
  }));
  const ramp = pairs.map(({ rate, baseline, pickup }) => {
    const pickLatencies = completionLatenciesMs(pickup);
    return {
      'offered /s': rate,
      'pickup /s': achievedRate(pickup),
      sustained: isSustained(pickup, config.BENCH_SUSTAINED_SHARE) ? 'yes' : 'no',
      'intake p50 ms': orDash(percentile(pickup.requestLatenciesMs, 50)),
      'intake p99 ms': orDash(percentile(pickup.requestLatenciesMs, 99)),
      'PICK p50 ms': orDash(percentile(pickLatencies, 50)),
      'PICK p99 ms': orDash(percentile(pickLatencies, 99)),
      'not done': unfinished(pickup) + pickup.failed + pickup.skipped,
      'baseline wf/s': achievedRate(baseline),
      'baseline sustained': isSustained(baseline, config.BENCH_SUSTAINED_SHARE) ? 'yes' : 'no',
      'baseline p50 ms': orDash(percentile(completionLatenciesMs(baseline), 50)),
      'pickup/baseline': achievedRate(baseline) > 0 ? achievedRate(pickup) / achievedRate(baseline) : '-',
      'CPU ms/order': orDash(cpuMsPerCompletion(pickup)),
      'CPU ms/baseline wf': orDash(cpuMsPerCompletion(baseline)),
    };
  });
  return [...ramp, ...baselineOnly];
}

/** CPU used on the machine by processes that are not part of this run, in percent of one core. */
export function otherLoadPercent(step: StepResult): number {
  const ours = Object.values(step.resources.cpuPercent).reduce((sum, percent) => sum + percent, 0);
  return Math.max(0, step.resources.machineBusyPercent * cpuCores - ours);
}

function resourceRows(steps: StepResult[], config: PickupBenchConfig) {
  return steps.map((step) => {
    const pool = (name: string) => {
      const usage = step.resources.pools[name];
      return usage === undefined ? '-' : `${usage.meanBusy.toFixed(1)}/${usage.maxBusy} (${Math.round(usage.saturatedShare * 100)}%)`;
    };
    return {
      step: `${step.workload} ${step.offeredRate}/s`,
      ...Object.fromEntries(Object.entries(step.resources.cpuPercent).map(([name, percent]) => [`${name} %`, Math.round(percent)])),
      'machine busy %': Math.round(step.resources.machineBusyPercent),
      'other load %': Math.round(otherLoadPercent(step)),
      [`waiting for CPU % (${Object.keys(step.resources.cpuWaitPercent).join('/')})`]: Object.values(step.resources.cpuWaitPercent)
        .map((percent) => Math.round(percent))
        .join('/'),
      ...Object.fromEntries(
        Object.keys(step.resources.pools)
          .filter((name) => name.startsWith('bench-') && name !== 'bench-sampler')
          .sort()
          .map((name) => [`${name.replace(/^bench-/, '')} db busy mean/max (full ${config.DATABASE_POOL_SIZE})`, pool(name)]),
      ),
      'send lag p99 ms': Math.round(step.sendLagP99Ms),
    };
  });
}

function breakdownRows(pairs: StepPair[]) {
  return pairs.flatMap(({ rate, pickup }) => {
    const breakdown = pickup.breakdown;
    if (breakdown === undefined) return [];
    return [
      {
        'offered /s': rate,
        sampled: breakdown.sampled,
        'intake->started': ms(breakdown.intakeToStarted),
        'wf task queue': ms(breakdown.workflowTaskQueue),
        'wf task run': ms(breakdown.workflowTaskRun),
        'activity queue': ms(breakdown.activityQueue),
        'activity run': ms(breakdown.activityRun),
      },
    ];
  });
}

function verdict(met: boolean | undefined): string {
  if (met === undefined) return 'NOT MEASURED';
  return met ? 'met' : 'NOT MET';
}

/**
 * What the stack could finish per second with every core to itself, from its CPU cost per finished
 * order (cheapest step: fixed background work is spread thinnest there). An estimate that other load
 * on a shared machine does not distort, printed next to the measured figures, never instead of them.
 */
function printCpuBoundEstimate(pickups: StepResult[], baselines: StepResult[]): void {
  const cheapest = (steps: StepResult[]) => Math.min(...steps.map(cpuMsPerCompletion).filter(Number.isFinite));
  const pickupCost = cheapest(pickups);
  const baselineCost = cheapest(baselines);
  if (!Number.isFinite(pickupCost) || !Number.isFinite(baselineCost)) return;
  const ceiling = (costMs: number) => (cpuCores * 1000) / costMs;
  console.log(
    `  estimate, CPU-bound with all ${cpuCores} cores to the stack: pickup ${ms(pickupCost)} CPU ms/order -> ~${ceiling(pickupCost).toFixed(1)} orders/s; ` +
      `baseline ${ms(baselineCost)} CPU ms/wf -> ~${ceiling(baselineCost).toFixed(1)} wf/s; ratio ~${(baselineCost / pickupCost).toFixed(2)}x`,
  );
}

function printTargets(pairs: StepPair[], extraBaselines: StepResult[], config: PickupBenchConfig): void {
  const baselines = [...pairs.map((pair) => pair.baseline), ...extraBaselines];
  // The highest offered rate kept up with: everything finished, none failed, the rate achieved (within BENCH_SUSTAINED_SHARE).
  const bestSustained = pairs
    .filter((pair) => isSustained(pair.pickup, config.BENCH_SUSTAINED_SHARE))
    .reduce<StepPair | undefined>((best, pair) => (best === undefined || pair.rate > best.rate ? pair : best), undefined);
  const peakPickup = Math.max(0, ...pairs.map((pair) => achievedRate(pair.pickup)));
  const peakBaseline = Math.max(0, ...baselines.map(achievedRate));
  const baselineNeverSaturated = baselines.every((step) => isSustained(step, config.BENCH_SUSTAINED_SHARE));
  const ratio = peakBaseline > 0 ? peakPickup / peakBaseline : 0;
  const latencyStep = pairs.find((pair) => pair.rate === config.BENCH_TARGET_LATENCY_RATE)?.pickup;
  const p50 = latencyStep === undefined ? Number.NaN : percentile(latencyStep.requestLatenciesMs, 50);
  const p99 = latencyStep === undefined ? Number.NaN : percentile(latencyStep.requestLatenciesMs, 99);

  console.log('\nTargets (issue 4):');
  const sustainedText =
    bestSustained === undefined
      ? 'no rate sustained'
      : `${bestSustained.rate}/s offered sustained (achieved ${achievedRate(bestSustained.pickup).toFixed(2)}/s)`;
  console.log(
    `  sustained pickup >= ${config.BENCH_TARGET_ORDERS_PER_SECOND} orders/s: ${sustainedText} -> ${verdict((bestSustained?.rate ?? 0) >= config.BENCH_TARGET_ORDERS_PER_SECOND)}`,
  );
  console.log(
    `  pickup >= ${config.BENCH_TARGET_BASELINE_RATIO}x baseline: peak ${peakPickup.toFixed(2)} / ${peakBaseline.toFixed(2)} wf/s = ${ratio.toFixed(2)}x -> ${verdict(ratio >= config.BENCH_TARGET_BASELINE_RATIO)}` +
      (baselineNeverSaturated
        ? ` (the baseline kept up at every offered rate, so its capacity is higher and this ratio is an upper bound; offer higher BENCH_PICKUP_RATES to find it)`
        : ''),
  );
  const latencyMeasured = latencyStep === undefined ? undefined : true;
  console.log(
    `  intake p50 <= ${config.BENCH_TARGET_INTAKE_P50_MS} ms at ${config.BENCH_TARGET_LATENCY_RATE}/s: ${orDash(ms(p50))} ms -> ${verdict(latencyMeasured && p50 <= config.BENCH_TARGET_INTAKE_P50_MS)}`,
  );
  console.log(
    `  intake p99 <= ${config.BENCH_TARGET_INTAKE_P99_MS} ms at ${config.BENCH_TARGET_LATENCY_RATE}/s: ${orDash(ms(p99))} ms -> ${verdict(latencyMeasured && p99 <= config.BENCH_TARGET_INTAKE_P99_MS)}`,
  );
  printCpuBoundEstimate(
    pairs.map((pair) => pair.pickup),
    baselines,
  );
}

/**
 * What the busiest pickup step was short of, read from the samples: whether the machine's CPU was used
 * up and by whom, whether a database pool was full, and which phase of the workflow took the time.
 */
function printLimits(pairs: StepPair[], config: PickupBenchConfig): void {
  const limiting = pairs.find((pair) => !isSustained(pair.pickup, config.BENCH_SUSTAINED_SHARE)) ?? pairs[pairs.length - 1];
  if (limiting === undefined) return;
  const step = limiting.pickup;
  const sustainedNote = isSustained(step, config.BENCH_SUSTAINED_SHARE)
    ? 'the highest step (all steps sustained)'
    : 'the first step that was not sustained';
  console.log(`\nWhat limits it, at ${limiting.rate}/s offered (${sustainedNote}):`);
  const consumers = Object.entries(step.resources.cpuPercent).sort(([, a], [, b]) => b - a);
  const ours = consumers.reduce((sum, [, percent]) => sum + percent, 0);
  console.log(
    `  CPU: machine ${Math.round(step.resources.machineBusyPercent)}% busy (all ${cpuCores} cores); in % of one core: this run ${Math.round(ours)}% (` +
      consumers.map(([name, percent]) => `${name} ${Math.round(percent)}%`).join(', ') +
      `), other load on the machine ${Math.round(otherLoadPercent(step))}%.`,
  );
  console.log(
    `  Waiting for a core (runnable, not running), thread time in % of the step: ` +
      Object.entries(step.resources.cpuWaitPercent)
        .map(([name, percent]) => `${name} ${Math.round(percent)}%`)
        .join(', ') +
      '. High waits with the machine near 100% busy mean CPU is the limit, whoever uses it.',
  );
  for (const [name, usage] of Object.entries(step.resources.pools)) {
    console.log(
      `  Database pool ${name}: ${usage.meanBusy.toFixed(1)} busy on average, ${usage.maxBusy} at most of ${config.DATABASE_POOL_SIZE}; full in ${Math.round(usage.saturatedShare * 100)}% of samples.`,
    );
  }
  const breakdown = step.breakdown;
  if (breakdown !== undefined) {
    const phases = [
      ['intake until the workflow started', breakdown.intakeToStarted],
      ['workflow tasks waiting for the worker', breakdown.workflowTaskQueue],
      ['workflow code running', breakdown.workflowTaskRun],
      ['activities waiting for the worker', breakdown.activityQueue],
      ['activities running (database)', breakdown.activityRun],
    ] as const;
    const total = phases.reduce((sum, [, value]) => sum + value, 0);
    console.log(
      `  Time to PICK task (mean of ${breakdown.sampled} histories, ${ms(total)} ms): ${[...phases]
        .sort(([, a], [, b]) => b - a)
        .map(([name, value]) => `${name} ${ms(value)} ms`)
        .join(', ')}.`,
    );
  }
  if (step.sendLagP99Ms > 50)
    console.log(`  The load generator ran ${ms(step.sendLagP99Ms)} ms behind its schedule (p99): the bench itself was short of CPU.`);
}

export function printResults(pairs: StepPair[], extraBaselines: StepResult[], config: PickupBenchConfig): void {
  console.log('\nResults (pickup = intake HTTP POST to PICK task created; baseline = checkPipeline start to completed):');
  printTable(resultRows(pairs, extraBaselines, config));
  console.log(
    '\nResources per step (CPU in % of one core over the step and its drain; db busy = connections in a query or transaction, (%) = share of samples with the pool full):',
  );
  printTable(resourceRows([...extraBaselines, ...pairs.flatMap((pair) => [pair.baseline, pair.pickup])], config));
  const breakdown = breakdownRows(pairs);
  if (breakdown.length > 0) {
    console.log('\nPickup latency to PICK task by phase (mean ms from sampled workflow histories):');
    printTable(breakdown);
  }
  printTargets(pairs, extraBaselines, config);
  printLimits(pairs, config);
}
