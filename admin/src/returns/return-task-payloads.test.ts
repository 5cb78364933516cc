import { type TaskRecord } from '../tasks/task-record';
import { handbackPayloadOf } from './return-task-payloads';

const task = (type: string, payload: unknown): Pick<TaskRecord, 'type' | 'payload'> => ({
  type,
  payload: payload as TaskRecord['payload'],
});
const written = {
  returnId: 'ret-1',
  orderId: 'ord-1',
  lines: [
    { returnLineId: 'rl-1', sku: 'APP-CHN-BLK', quantity: 1 },
    { returnLineId: 'rl-2', sku: 'APP-TSH-WHT', quantity: 2 },
  ],
};

describe('the hand-back task’s payload', () => {
  it('is read as handback-phase.ts writes it', () => {
    expect(handbackPayloadOf(task('RETURN_HANDBACK', written))).toEqual(written);
  });

  it('is nothing for another task type, a missing payload or one without its return', () => {
    expect(handbackPayloadOf(undefined)).toBeUndefined();
    expect(handbackPayloadOf(task('RETURN_INSPECTION', written))).toBeUndefined();
    expect(handbackPayloadOf(task('RETURN_HANDBACK', null))).toBeUndefined();
    expect(handbackPayloadOf(task('RETURN_HANDBACK', { ...written, returnId: '' }))).toBeUndefined();
    expect(handbackPayloadOf(task('RETURN_HANDBACK', { ...written, orderId: 7 }))).toBeUndefined();
  });

  it('leaves out lines that are not whole, and is nothing when no line is', () => {
    const mixed = {
      ...written,
      lines: [
        { returnLineId: 'rl-1', sku: 'APP-CHN-BLK', quantity: 1 },
        { returnLineId: 'rl-3', sku: 'APP-X', quantity: 0 },
        { returnLineId: 'rl-4', quantity: 1 },
        { returnLineId: 'rl-5', sku: 'APP-Y', quantity: 1.5 },
        null,
      ],
    };
    expect(handbackPayloadOf(task('RETURN_HANDBACK', mixed))?.lines).toEqual([{ returnLineId: 'rl-1', sku: 'APP-CHN-BLK', quantity: 1 }]);
    expect(handbackPayloadOf(task('RETURN_HANDBACK', { ...written, lines: [] }))).toBeUndefined();
    expect(handbackPayloadOf(task('RETURN_HANDBACK', { ...written, lines: 'two' }))).toBeUndefined();
  });
});
