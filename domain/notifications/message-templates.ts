import { minorUnitExponent } from '../money/currency-exponent';
import { type NotificationPayload } from './notification-payload';

export interface RenderedMessage {
  /** Used by e-mail; SMS and WhatsApp send the text only. */
  subject: string;
  text: string;
}

/** `read` a field the message cannot go without; `optional` one it can (empty when absent). */
type Template = (read: (field: string) => string, optional: (field: string) => string) => RenderedMessage;

/**
 * Minor units by the currency's ISO 4217 exponent (1999 EUR is 19.99, 1500 JPY is 1500, 1250 KWD is 1.250),
 * with no more decimals than the currency customarily shows (rupiah without their unused sen).
 */
function money(minor: string, currency: string): string {
  const amount = Number(minor);
  if (!Number.isFinite(amount)) return `${minor} ${currency}`;
  const exponent = minorUnitExponent(currency);
  const customary = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? exponent;
  return `${(amount / 10 ** exponent).toFixed(Math.min(customary, exponent))} ${currency}`;
}

/** ", Kalverstraat 92 (open Mon-Sat 10:00-19:00)": where and when, for a payload that has them. */
function storeDetails(optional: (field: string) => string): string {
  const address = optional('storeAddress');
  const hours = optional('openingHours');
  return `${address === '' ? '' : `, ${address}`}${hours === '' ? '' : ` (open ${hours})`}`;
}

/**
 * The words of every message the outbox sends, by template name. Rendered by the sending activity
 * from the row's payload, so secrets such as the pickup code exist only in the outbox row (until sent)
 * and in the message itself, never in workflow history.
 */
const templates: Record<string, Template> = {
  'pickup-ready': (read, optional) => {
    const deadline = optional('collectBy');
    return {
      subject: 'Your order is ready for pickup',
      text: `Your order is ready for pickup at ${read('storeName')}${storeDetails(optional)}. Show this code at the counter: ${read('code')}.${deadline === '' ? '' : ` Please collect it by ${deadline}.`} Keep it to yourself: whoever has it can collect the order.`,
    };
  },
  'pickup-reminder': (read, optional) => {
    // Rows queued before the store's details were added carry its code only.
    const store = optional('storeName') === '' ? read('storeCode') : `${optional('storeName')}${storeDetails(optional)}`;
    const deadline = optional('collectBy');
    return {
      subject: 'Your order is waiting for you',
      text: `Reminder ${read('reminder')}: your order is still waiting for you at ${store}.${deadline === '' ? '' : ` Please collect it by ${deadline}.`} Bring the pickup code we sent you.`,
    };
  },
  'pickup-short-picked': (read) => ({
    subject: 'Part of your order is not available',
    text: `Sorry, we could not find ${read('missing')} for your order. We refunded ${money(read('refundedMinor'), read('currency'))}; the rest of your order is being prepared.`,
  }),
  'pickup-store-cannot-cover': (read) => ({
    subject: 'Your pickup store cannot cover your order',
    text: `${read('storeCode')} cannot cover your order. It can be collected at ${read('alternativeStores')} instead; our customer service will contact you to choose.`,
  }),
  'pickup-store-paused': (read) => ({
    subject: 'Your pickup store cannot hand over orders right now',
    text: `${read('storeCode')} cannot hand over orders right now. Your order can be collected at ${read('alternativeStores')} instead; our customer service will contact you to choose.`,
  }),
  'pickup-cancelled': (read) => ({
    subject: 'Your order has been cancelled',
    text: `Your pickup order has been cancelled (${read('reason')}). Any payment for it is refunded to you.`,
  }),
  'pickup-expired': (read) => ({
    subject: 'Your pickup order has expired',
    text: `Your order was not collected in time and has been cancelled (${read('reason')}). Any payment for it is refunded to you.`,
  }),
  'return-refunded': (read) => ({
    subject: 'Your return is refunded',
    text: `We received your return at ${read('storeCode')} and refunded ${money(read('refundedMinor'), read('currency'))} to ${read('refundTo')}.`,
  }),
  'return-rejected': (read) => ({
    subject: 'Your return could not be accepted',
    text: `Your return at ${read('storeCode')} was not accepted (${read('reason')}). Nothing was refunded; the store hands the item back to you.`,
  }),
  'return-cancelled': (read) => ({
    subject: 'Your return has been cancelled',
    text: `Your return at ${read('storeCode')} has been cancelled (${read('reason')}). Nothing was refunded.`,
  }),
  'pick-overdue': (read) => ({
    subject: `Pick overdue: order ${read('externalId')}`,
    text: `Order ${read('externalId')} at ${read('storeCode')} has not been picked within its SLA. Please pick it now.`,
  }),
  'pick-escalated': (read) => ({
    subject: `Escalated: order ${read('externalId')} not picked`,
    text: `Order ${read('externalId')} at ${read('storeCode')} is still not picked and has moved to the manager queue.`,
  }),
};

export type RenderOutcome = { ok: true; message: RenderedMessage } | { ok: false; reason: string };

/**
 * The message for a template and its payload. A template nobody defined, or a payload without a field
 * the template needs, cannot be sent as meant (a pickup message without its code is worse than none).
 */
export function renderMessage(template: string, payload: NotificationPayload): RenderOutcome {
  const render = templates[template];
  if (render === undefined) return { ok: false, reason: `no message template "${template}"` };
  const missing: string[] = [];
  const text = (field: string): string => {
    const value = payload[field];
    if (value === null || value === undefined) return '';
    return Array.isArray(value) ? value.join(', ') : String(value);
  };
  const message = render((field) => {
    const value = text(field);
    if (value === '') missing.push(field);
    return value;
  }, text);
  return missing.length === 0 ? { ok: true, message } : { ok: false, reason: `template "${template}" needs ${missing.join(', ')}` };
}
