import { type Logger } from 'pino';

export interface SandboxEvent {
  seq: number;
  at: string;
  channel: string | null;
  kind: string;
  detail: Record<string, unknown>;
}

/**
 * What happened in the sandbox, newest last: requests, injected faults, rate limiting, replays,
 * webhook deliveries. Kept in a bounded ring for GET /_control/log and written to the process log, so
 * a rehearsal can be explained afterwards.
 */
export class EventLog {
  private events: SandboxEvent[] = [];
  private seq = 0;

  constructor(
    private readonly capacity: number,
    private readonly logger: Logger,
  ) {}

  record(kind: string, channel: string | null, detail: Record<string, unknown> = {}): void {
    this.seq += 1;
    const event: SandboxEvent = { seq: this.seq, at: new Date().toISOString(), channel, kind, detail };
    this.events.push(event);
    if (this.events.length > this.capacity) this.events.splice(0, this.events.length - this.capacity);
    // Plain requests are noise at info level; everything else is a decision worth seeing.
    if (kind === 'request') this.logger.debug({ channel, ...detail }, kind);
    else this.logger.info({ channel, ...detail }, kind);
  }

  recent(filter: { channel?: string; kind?: string; limit: number }): SandboxEvent[] {
    const matching = this.events.filter(
      (event) =>
        (filter.channel === undefined || event.channel === filter.channel) &&
        (filter.kind === undefined || event.kind.startsWith(filter.kind)),
    );
    return matching.slice(-filter.limit);
  }

  clear(): void {
    this.events = [];
  }
}
