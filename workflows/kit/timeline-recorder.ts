import { type TimelineEntry } from '../../domain/workflow-kit/timeline';

/**
 * The steps of one run as people see them: what happened, when, who did it, how it ended. Kept in
 * workflow state (times are workflow time, so replay rebuilds exactly the same entries) and read
 * through the workflow's timeline query.
 */
export class TimelineRecorder {
  private readonly entries: TimelineEntry[] = [];

  /** Opens a step and answers its index, for `end`. */
  begin(step: string, actor: string | null = null): number {
    this.entries.push({ step, startedAt: new Date().toISOString(), endedAt: null, actor, outcome: null });
    return this.entries.length - 1;
  }

  end(index: number, outcome: string, actor?: string | null): void {
    const entry = this.entries[index];
    if (entry === undefined || entry.endedAt !== null) return;
    entry.endedAt = new Date().toISOString();
    entry.outcome = outcome;
    if (actor !== undefined) entry.actor = actor;
  }

  /** Something that happened at one instant (a reminder sent, a wrong code entered). */
  note(step: string, outcome: string, actor: string | null = null): void {
    this.end(this.begin(step, actor), outcome);
  }

  snapshot(): TimelineEntry[] {
    return this.entries.map((entry) => ({ ...entry }));
  }
}
