import { setTimeout as sleep } from 'node:timers/promises';
import { type PrismaClient } from '../../prisma/client';
import { percentile } from '../support/latency';
import { type PickupBenchConfig } from './config';
import { IntakeRefused, type OrderIntake } from './intake';
import { offerLoad } from './open-loop';

export interface OverloadResult {
  offeredRate: number;
  /** Answers the API gave, first sends and redeliveries together. */
  answers: number;
  answerP50Ms: number;
  answerP99Ms: number;
  /** Share of answers that were 503 (shed or busy): the sender was asked to come back. */
  unavailableShare: number;
  /** How fast the 503s came: shedding must answer at once, not after the sender's timeout. */
  unavailableP50Ms: number;
  unavailableP99Ms: number;
  /** Answer times of the orders taken (2xx). */
  acceptedP50Ms: number;
  acceptedP99Ms: number;
  /** Answers that were neither 2xx nor 503 (none expected). */
  otherFailures: number;
  firstOtherFailure?: string;
  /** Orders the API accepted (2xx on at least one send). */
  accepted: number;
  /** Accepted orders without a run after the settle time: must be 0. */
  stranded: number;
  settledAfterSeconds: number;
}

interface Answer {
  ms: number;
  status: number;
  orderId?: string;
  error?: string;
}

async function timed(call: () => Promise<{ orderId: string }>): Promise<Answer> {
  const started = performance.now();
  try {
    const { orderId } = await call();
    return { ms: performance.now() - started, status: 200, orderId };
  } catch (error) {
    const ms = performance.now() - started;
    if (error instanceof IntakeRefused) return { ms, status: error.status, error: error.message };
    return { ms, status: 0, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Overload, as issue 8 asks: orders offered at `rate` (twice what was sustained) with duplicates on (a
 * share of them sent again a moment later, as a channel redelivers or a checkout retries). The API must
 * answer quickly, shedding with 503 + Retry-After what it cannot take, and every order it did accept must
 * reach its workflow: after the settle time, accepted orders without a run are counted as stranded.
 */
export async function runOverloadStep(
  { intake, prisma, config }: { intake: OrderIntake; prisma: PrismaClient; config: PickupBenchConfig },
  { rate, seconds, batch }: { rate: number; seconds: number; batch: string },
): Promise<OverloadResult> {
  const answers: Answer[] = [];
  const redeliveries: Promise<void>[] = [];
  await offerLoad(rate, seconds, config.BENCH_PICKUP_MAX_IN_FLIGHT, async (index) => {
    answers.push(await timed(() => intake.place(index, batch)));
    if (Math.random() < config.BENCH_PICKUP_OVERLOAD_DUPLICATE_RATE)
      redeliveries.push(
        sleep(Math.random() * config.BENCH_PICKUP_OVERLOAD_REDELIVERY_MS).then(async () => {
          answers.push(await timed(() => intake.place(index, batch)));
        }),
      );
  });
  await Promise.all(redeliveries);

  const accepted = [...new Set(answers.flatMap((answer) => (answer.orderId === undefined ? [] : [answer.orderId])))];
  const settleStarted = performance.now();
  let stranded = accepted.length;
  while (performance.now() - settleStarted < config.BENCH_PICKUP_OVERLOAD_SETTLE_SECONDS * 1000) {
    stranded = await prisma.order.count({ where: { id: { in: accepted }, workflowId: null } });
    if (stranded === 0) break;
    await sleep(500);
  }
  const times = answers.map((answer) => answer.ms).sort((a, b) => a - b);
  const timesOf = (status: number) =>
    answers
      .filter((answer) => answer.status === status)
      .map((answer) => answer.ms)
      .sort((a, b) => a - b);
  const unavailableTimes = timesOf(503);
  const acceptedTimes = timesOf(200);
  const others = answers.filter((answer) => answer.status !== 200 && answer.status !== 503);
  return {
    offeredRate: rate,
    answers: answers.length,
    answerP50Ms: percentile(times, 50),
    answerP99Ms: percentile(times, 99),
    unavailableShare: answers.length === 0 ? 0 : unavailableTimes.length / answers.length,
    unavailableP50Ms: percentile(unavailableTimes, 50),
    unavailableP99Ms: percentile(unavailableTimes, 99),
    acceptedP50Ms: percentile(acceptedTimes, 50),
    acceptedP99Ms: percentile(acceptedTimes, 99),
    otherFailures: others.length,
    ...(others[0]?.error !== undefined && { firstOtherFailure: others[0].error }),
    accepted: accepted.length,
    stranded,
    settledAfterSeconds: (performance.now() - settleStarted) / 1000,
  };
}

export function printOverload(result: OverloadResult): void {
  console.log(`\nOverload at ${result.offeredRate}/s offered (2x the best sustained rate), duplicates on:`);
  console.log(
    `  ${result.answers} answers: p50 ${result.answerP50Ms.toFixed(0)} ms, p99 ${result.answerP99Ms.toFixed(0)} ms; ` +
      `503 share ${(100 * result.unavailableShare).toFixed(1)}%; other failures ${result.otherFailures}${result.firstOtherFailure === undefined ? '' : ` (first: ${result.firstOtherFailure})`}`,
  );
  console.log(
    `  503s answered in p50 ${result.unavailableP50Ms.toFixed(0)} ms, p99 ${result.unavailableP99Ms.toFixed(0)} ms; ` +
      `orders taken answered in p50 ${result.acceptedP50Ms.toFixed(0)} ms, p99 ${result.acceptedP99Ms.toFixed(0)} ms`,
  );
  console.log(
    `  ${result.accepted} orders accepted; stranded (accepted, no run after ${result.settledAfterSeconds.toFixed(0)} s): ${result.stranded} -> ${result.stranded === 0 ? 'met' : 'NOT MET'}`,
  );
}
