import { devApiKeyFor } from '../channels/sandbox/channel-auth';
import { type LoadOrder, type OrderLoad, type LoadWorld } from './order-load';

/** What one order of the load did to the outside world and our ledger, against what its outcome owes, exactly once. */
export interface OrderEffects {
  duplicated: string[];
  missing: string[];
}

interface ChannelOrderView {
  status: string;
  refundedAmount: number;
  refunds: { idempotencyKey?: string }[];
}

/** A 429 is the marketplace's rate limit, shared with the load's own calls: waited out, as any caller would. */
const RATE_LIMITED_ATTEMPTS = 30;

async function channelOrder(world: LoadWorld, externalId: string): Promise<ChannelOrderView | undefined> {
  for (let attempt = 1; ; attempt += 1) {
    const response = await fetch(`${world.sandboxUrl}/channels/${world.channelCode}/orders/${encodeURIComponent(externalId)}`, {
      headers: { authorization: `Bearer ${devApiKeyFor(world.channelCode)}` },
    });
    if (response.status === 429 && attempt < RATE_LIMITED_ATTEMPTS) {
      const seconds = Number(response.headers.get('retry-after') ?? '1');
      await response.body?.cancel();
      await new Promise((resolve) => setTimeout(resolve, (Number.isFinite(seconds) && seconds > 0 ? seconds : 1) * 1000));
      continue;
    }
    if (response.status === 404) return undefined;
    if (!response.ok) throw new Error(`GET channel order ${externalId} answered ${response.status}`);
    return (await response.json()) as ChannelOrderView;
  }
}

async function messagesTo(world: LoadWorld, phone: string): Promise<{ idempotencyKey: string }[]> {
  const response = await fetch(
    `${world.sandboxUrl}/_control/messages?${new URLSearchParams({ recipient: phone, limit: '100' }).toString()}`,
  );
  return ((await response.json()) as { messages: { idempotencyKey: string }[] }).messages;
}

/**
 * Counted where they show, once the load has settled: our database (exactly one order per accepted
 * order, its pickup run started, one RESERVE, nothing left reserved, on hand down by what was handed
 * over), the marketplace's view of its order (refunded exactly the total when the customer cancelled,
 * nothing otherwise; its status where the run left it), and the customer's phone (each message key at
 * most once, the pickup-ready message exactly once for a collected order).
 */
export async function effectsOfLoadOrder(load: OrderLoad, world: LoadWorld, order: LoadOrder): Promise<OrderEffects> {
  const duplicated: string[] = [];
  const missing: string[] = [];
  const channel = order.via === 'web' ? 'web' : world.channelCode;
  const rows = await load.queryRows<{ id: string; workflow_id: string | null; status: string }>(
    'SELECT o.id, o.workflow_id, o.status FROM orders o JOIN channels c ON c.id = o.channel_id WHERE o.external_id = $1 AND c.code = $2',
    [order.externalId, channel],
  );
  if (rows.length === 0) {
    missing.push('accepted but not in our database');
    return { duplicated, missing };
  }
  const row = rows[0] as { id: string; workflow_id: string | null; status: string };
  if (row.workflow_id === null) missing.push('no pickup run started');
  const movements = await load.queryRows<{ kind: string; delta_on_hand: number; delta_reserved: number }>(
    'SELECT kind::text AS kind, delta_on_hand, delta_reserved FROM inventory_movements WHERE workflow_id = $1',
    [`pickup:${row.id}`],
  );
  const reserves = movements.filter((movement) => movement.kind === 'RESERVE').length;
  if (reserves > 1) duplicated.push(`${reserves} reservations`);
  if (reserves === 0 && order.outcome === 'COLLECTED') missing.push('never reserved');
  const reservedLeft = movements.reduce((sum, movement) => sum + movement.delta_reserved, 0);
  if (reservedLeft > 0) missing.push(`${reservedLeft} unit(s) left reserved`);
  if (reservedLeft < 0) duplicated.push(`${-reservedLeft} unit(s) released twice`);
  const handedOver = order.outcome === 'COLLECTED' ? 1 : 0;
  const onHandDown = -movements.reduce((sum, movement) => sum + movement.delta_on_hand, 0);
  if (onHandDown > handedOver) duplicated.push(`on hand down by ${onHandDown}, ${handedOver} handed over`);
  if (onHandDown < handedOver) missing.push(`on hand down by ${onHandDown}, ${handedOver} handed over`);

  if (order.via === 'channel') {
    const view = await channelOrder(world, order.externalId);
    if (view === undefined) missing.push('the marketplace lost the order');
    else {
      const due = order.outcome === 'CANCELLED' ? world.unitPrice : 0;
      if (view.refundedAmount > due)
        duplicated.push(`marketplace refunded ${view.refundedAmount}, ${due} due (${view.refunds.length} refunds)`);
      if (view.refundedAmount < due) missing.push(`marketplace refunded ${view.refundedAmount}, ${due} due`);
      if (order.outcome === 'COLLECTED' && view.status !== 'COLLECTED') missing.push(`marketplace shows ${view.status}, not COLLECTED`);
    }
  } else {
    const refunds = await load.queryRows<{ n: number }>(
      `SELECT count(*)::int AS n FROM refunds WHERE order_id = $1 AND status = 'SUCCEEDED'`,
      [row.id],
    );
    if ((refunds[0]?.n ?? 0) > 0) duplicated.push(`a collected web order refunded ${refunds[0]?.n} time(s)`);
  }

  const perKey = new Map<string, number>();
  for (const message of await messagesTo(world, order.phone))
    perKey.set(message.idempotencyKey, (perKey.get(message.idempotencyKey) ?? 0) + 1);
  for (const [key, count] of perKey) if (count > 1) duplicated.push(`${count} messages ${key}`);
  const ready = perKey.get(`notify:pickup-ready:${row.id}`) ?? 0;
  if (order.outcome === 'COLLECTED' && ready === 0) missing.push('no pickup-ready message');
  return { duplicated, missing };
}
