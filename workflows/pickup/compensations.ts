import { log } from '@temporalio/workflow';

export interface Compensation<Context> {
  name: string;
  undo: (context: Context) => Promise<void>;
}

/**
 * Saga bookkeeping: a step registers how to undo itself only once it has succeeded; undoing runs the
 * registrations last-in-first-out and keeps going when one fails, so one stuck channel never leaves
 * stock reserved. Answers the names of the compensations that failed, for the timeline.
 */
export class Compensations<Context> {
  private readonly registered: Compensation<Context>[] = [];

  add(compensation: Compensation<Context>): void {
    this.registered.push(compensation);
  }

  async runAll(context: Context): Promise<{ failed: { name: string; message: string }[] }> {
    const failed: { name: string; message: string }[] = [];
    for (const compensation of [...this.registered].reverse()) {
      try {
        await compensation.undo(context);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        log.error('Compensation failed; continuing with the rest', { compensation: compensation.name, message });
        failed.push({ name: compensation.name, message });
      }
    }
    this.registered.length = 0;
    return { failed };
  }
}
