import { type SandboxEvent } from '../../channels/sandbox/event-log';
import { writesOf } from '../../chaos/stock-sync-write-log';

let seq = 0;
const write = (key: string, rows: number): SandboxEvent => ({
  seq: (seq += 1),
  at: '2026-12-07T00:00:00.000Z',
  channel: 'mkt',
  kind: 'idempotent_write',
  detail: { key, path: '/stock/batch', status: 200, rows },
});

describe('the stock-sync chaos row reading the channel write log', () => {
  it('passes a run whose every page was applied once, whatever other runs and kinds wrote', () => {
    const events = [
      write('stock:run-1:mkt:1', 25),
      write('stock:run-1:mkt:2', 25),
      write('listing:run-1:mkt:1', 7),
      write('stock:run-10:mkt:1', 25),
    ];
    expect(writesOf(events, 'stock', 'run-1', 50)).toEqual({ kind: 'stock', keysTwice: [], pagesTwice: [], rows: 50, expectedRows: 50 });
    expect(writesOf(events, 'listing', 'run-1', 7)).toMatchObject({ keysTwice: [], pagesTwice: [], rows: 7 });
  });

  it('finds a key applied twice, a page applied again under an attempt key (other content), and rows too many or missing', () => {
    const events = [
      write('stock:run-1:mkt:1', 25),
      write('stock:run-1:mkt:1', 25),
      write('stock:run-1:mkt:2', 25),
      write('stock:run-1:mkt:2:attempt-2', 25),
      write('stock:run-1:mkt:3:repush', 4),
    ];
    expect(writesOf(events, 'stock', 'run-1', 75)).toEqual({
      kind: 'stock',
      keysTwice: ['stock:run-1:mkt:1'],
      pagesTwice: ['stock:run-1:mkt:2'],
      rows: 104,
      expectedRows: 75,
    });
    expect(writesOf([write('stock:run-1:mkt:1', 25)], 'stock', 'run-1', 50).rows).toBe(25);
  });
});
