/**
 * How long each part of a pickup may take, and what a store does when it cannot cover an order. Read
 * from the store's record when the workflow starts and passed in as input, so a running order keeps the
 * rules it started with and tests can run a whole pickup in seconds. Durations are milliseconds.
 */
export type UnfulfillablePolicy = 'OFFER_OTHER_STORE' | 'CANCEL_AND_REFUND';

export interface PickupSettings {
  /** From reservation to picked: the PICK task's due time. */
  pickSlaMs: number;
  /** After a missed pick SLA (and the reminder sent then), until the task goes to the manager queue. */
  pickEscalationDelayMs: number;
  /** Customer reminders, measured from "ready for pickup", ascending. */
  pickupReminderOffsetsMs: number[];
  /** From "ready for pickup" until the order expires and its stock goes back on sale. */
  pickupExpiryMs: number;
  unfulfillablePolicy: UnfulfillablePolicy;
  /** Wrong pickup codes accepted before the HANDOVER task locks until a manager unlocks it. */
  maxWrongCodeAttempts: number;
}

/** The rule: the third wrong code locks the hand-over. */
export const DEFAULT_MAX_WRONG_CODE_ATTEMPTS = 3;

export interface StorePickupColumns {
  pickSlaMinutes: number;
  pickEscalationMinutes: number;
  pickupReminderMinutes: number[];
  pickupExpiryHours: number;
  unfulfillablePolicy: UnfulfillablePolicy;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

export function pickupSettingsFromStore(store: StorePickupColumns, maxWrongCodeAttempts = DEFAULT_MAX_WRONG_CODE_ATTEMPTS): PickupSettings {
  return {
    pickSlaMs: store.pickSlaMinutes * MINUTE_MS,
    pickEscalationDelayMs: store.pickEscalationMinutes * MINUTE_MS,
    pickupReminderOffsetsMs: [...store.pickupReminderMinutes].sort((a, b) => a - b).map((minutes) => minutes * MINUTE_MS),
    pickupExpiryMs: store.pickupExpiryHours * HOUR_MS,
    unfulfillablePolicy: store.unfulfillablePolicy,
    maxWrongCodeAttempts,
  };
}
