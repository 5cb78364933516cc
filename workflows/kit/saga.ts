import { log } from '@temporalio/workflow';

export interface Compensation<Context> {
  name: string;
  /** Undoes one step; gets the reason the process is being wound down (e.g. cancelled or expired). */
  undo: (context: Context) => Promise<void>;
}

export interface CompensationFailure {
  name: string;
  message: string;
}

/**
 * Saga bookkeeping: a step registers how to undo itself only once it has succeeded (capturing exactly
 * what undoing needs); undoing runs the registrations last-in-first-out and keeps going when one fails,
 * so one stuck channel never leaves stock reserved.
 */
export class Compensations<Context> {
  private readonly registered: Compensation<Context>[] = [];

  add(compensation: Compensation<Context>): void {
    this.registered.push(compensation);
  }

  /** Undoes everything registered, last first; answers the ones that failed (for the timeline). */
  async runAll(context: Context): Promise<{ failed: CompensationFailure[] }> {
    const failed: CompensationFailure[] = [];
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

  /**
   * Runs `body`; when it throws, undoes everything registered so far and rethrows the original error
   * (not a compensation's), so the run fails for the reason it failed.
   */
  async undoOnFailure<T>(body: () => Promise<T>, contextOf: (error: unknown) => Context): Promise<T> {
    try {
      return await body();
    } catch (error) {
      await this.runAll(contextOf(error));
      throw error;
    }
  }
}
