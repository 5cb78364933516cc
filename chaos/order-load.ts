import { Pool } from 'pg';

/**
 * The steady order load of the restart faults, driven the way the outside world and the staff drive a
 * pickup: shoppers order on the marketplace (the sandbox sends us the signed webhook) or through the web
 * store (POST /api/orders with the web store's service account), the clerk picks and hands over through
 * the API with the code from the customer's phone, and every third marketplace order is cancelled by its
 * customer at the channel once its pick task is open. Every call is retried the way its caller would (a
 * shopper, a checkout, a clerk): refused connections and 503s (after their Retry-After) until it lands.
 * Each answer our API gives is recorded, so a 5xx other than 503-with-Retry-After is counted.
 */

export type LoadOutcome = 'COLLECTED' | 'CANCELLED';

export interface LoadOrder {
  index: number;
  via: 'channel' | 'web';
  outcome: LoadOutcome;
  externalId: string;
  phone: string;
  placedAt: number;
  /** Set once the channel (or our API, for the web store) accepted the order. */
  accepted: boolean;
  orderId?: string;
  /** When the driver saw the order move on (accepted, in our database, pick task, picked, hand-over, closed). */
  progressAt: number[];
  finalStatus?: string;
  endedAt?: number;
  error?: string;
}

/** One answer of our API to the driver (a web order or a task completion). */
export interface ApiAnswer {
  at: number;
  what: string;
  status: number;
  retryAfter: string | null;
}

export interface LoadWorld {
  apiUrl: string;
  sandboxUrl: string;
  channelCode: string;
  storeCode: string;
  sku: string;
  unitPrice: number;
  /** Bearer tokens: the store clerk, and the web store's service account (an ops lead). */
  clerkToken: string;
  webToken: string;
}

const POLL_MS = 300;

export function isServerErrorOtherThanRetryable503(answer: ApiAnswer): boolean {
  return answer.status >= 500 && !(answer.status === 503 && answer.retryAfter !== null);
}

export class OrderLoad {
  readonly orders: LoadOrder[] = [];
  readonly apiAnswers: ApiAnswer[] = [];
  /** Calls to our API that got no answer at all (connection refused or reset while it was down, or none within 15 s), by call. */
  readonly apiUnanswered = new Map<string, number>();
  private readonly running: Promise<void>[] = [];
  private readonly pool: Pool;
  private next = 0;

  constructor(
    private readonly world: LoadWorld,
    databaseUrl: string,
    private readonly runPrefix: string,
  ) {
    this.pool = new Pool({ connectionString: databaseUrl, max: 4, connectionTimeoutMillis: 2000 });
    // A restarted PostgreSQL cuts idle connections: the pool reports it here instead of crashing the driver.
    this.pool.on('error', () => undefined);
  }

  /** Places `perSecond` orders a second for `seconds`, each driven to its end in the background. */
  async drive(perSecond: number, seconds: number, deadlineMs: number): Promise<void> {
    const total = Math.max(1, Math.round(perSecond * seconds));
    const startedAt = Date.now();
    for (let i = 0; i < total; i += 1) {
      const due = startedAt + (i * 1000) / perSecond;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - Date.now())));
      const index = this.next;
      this.next += 1;
      const via = index % 4 === 3 ? 'web' : 'channel';
      const outcome: LoadOutcome = via === 'channel' && index % 3 === 1 ? 'CANCELLED' : 'COLLECTED';
      const order: LoadOrder = {
        index,
        via,
        outcome,
        externalId: `${this.runPrefix}-${String(index).padStart(5, '0')}`,
        phone: `+3162${String(Math.floor(Math.random() * 10_000_000)).padStart(7, '0')}`,
        placedAt: Date.now(),
        accepted: false,
        progressAt: [],
      };
      this.orders.push(order);
      this.running.push(this.driveOrder(order, order.placedAt + deadlineMs));
    }
  }

  /** Waits for every order's driver to end (each stops at its own deadline). */
  async settle(): Promise<void> {
    await Promise.all(this.running);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  /** A row of our database, or undefined (also while the database is down). */
  async queryRow<Row extends Record<string, unknown>>(sql: string, params: unknown[]): Promise<Row | undefined> {
    try {
      return (await this.pool.query<Row>(sql, params)).rows[0];
    } catch {
      return undefined;
    }
  }

  async queryRows<Row extends Record<string, unknown>>(sql: string, params: unknown[]): Promise<Row[]> {
    return (await this.pool.query<Row>(sql, params)).rows;
  }

  private moved(order: LoadOrder): void {
    order.progressAt.push(Date.now());
  }

  private async driveOrder(order: LoadOrder, deadline: number): Promise<void> {
    try {
      await this.place(order, deadline);
      order.accepted = true;
      this.moved(order);
      const row = await this.waitFor('the order in our database', deadline, () =>
        this.queryRow<{ id: string }>(
          'SELECT o.id FROM orders o JOIN channels c ON c.id = o.channel_id WHERE o.external_id = $1 AND c.code = $2',
          [order.externalId, order.via === 'web' ? 'web' : this.world.channelCode],
        ),
      );
      order.orderId = row.id;
      this.moved(order);
      const workflowId = `pickup:${row.id}`;
      const pick = await this.waitFor('the PICK task', deadline, () =>
        this.queryRow<{ id: string }>(`SELECT id FROM tasks WHERE workflow_id = $1 AND type = 'PICK'`, [workflowId]),
      );
      this.moved(order);
      if (order.outcome === 'CANCELLED') {
        await this.customerCancels(order, deadline);
        this.moved(order);
      } else {
        const lines = await this.waitFor('the order lines', deadline, async () => {
          const rows = await this.queryRows<{ id: string; quantity: number }>('SELECT id, quantity FROM order_lines WHERE order_id = $1', [
            row.id,
          ]).catch(() => []);
          return rows.length > 0 ? rows : undefined;
        });
        await this.completeTask(pick.id, { lines: lines.map((line) => ({ lineId: line.id, pickedQuantity: line.quantity })) }, deadline);
        this.moved(order);
        const handover = await this.waitFor('the HANDOVER task', deadline, () =>
          this.queryRow<{ id: string }>(`SELECT id FROM tasks WHERE workflow_id = $1 AND type = 'HANDOVER'`, [workflowId]),
        );
        this.moved(order);
        const code = await this.waitFor('the pickup code on the customer’s phone', deadline, () => this.codeOnPhone(order.phone));
        await this.completeTask(handover.id, { code }, deadline);
        this.moved(order);
      }
      const closed = await this.waitFor(`the order ${order.outcome}`, deadline, () =>
        this.queryRow<{ status: string }>(`SELECT status FROM orders WHERE id = $1 AND status IN ('COLLECTED', 'CANCELLED')`, [row.id]),
      );
      order.finalStatus = closed.status;
      order.endedAt = Date.now();
      this.moved(order);
    } catch (error) {
      order.error = error instanceof Error ? error.message : String(error);
    }
  }

  private async waitFor<T>(what: string, deadline: number, probe: () => Promise<T | undefined>): Promise<T> {
    for (;;) {
      const found = await probe().catch(() => undefined);
      if (found !== undefined) return found;
      if (Date.now() > deadline) throw new Error(`no ${what} by the deadline`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  /** Our API, retried as its caller would; answers the final status and body. */
  private async callApi(what: string, path: string, token: string, body: unknown, deadline: number, done: (status: number) => boolean) {
    for (;;) {
      let response: Response | undefined;
      try {
        response = await fetch(`${this.world.apiUrl}${path}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(15_000),
        });
      } catch (error) {
        const why = error instanceof Error && error.name === 'TimeoutError' ? 'no answer within 15 s' : 'refused or reset';
        const key = `${what}: ${why}`;
        this.apiUnanswered.set(key, (this.apiUnanswered.get(key) ?? 0) + 1);
      }
      if (response !== undefined) {
        const text = await response.text().catch(() => '');
        const retryAfter = response.headers.get('retry-after');
        this.apiAnswers.push({ at: Date.now(), what, status: response.status, retryAfter });
        if (done(response.status)) return { status: response.status, text };
        if (response.status < 500 && response.status !== 409 && response.status !== 429)
          throw new Error(`${what} answered ${response.status}: ${text.slice(0, 200)}`);
        if (Date.now() > deadline) throw new Error(`${what} still answered ${response.status} at the deadline: ${text.slice(0, 200)}`);
        const waitMs = retryAfter !== null && Number.isFinite(Number(retryAfter)) ? Number(retryAfter) * 1000 : 500;
        await new Promise((resolve) => setTimeout(resolve, Math.min(waitMs, 5000)));
        continue;
      }
      if (Date.now() > deadline) throw new Error(`${what}: no answer from the API by the deadline`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  private async place(order: LoadOrder, deadline: number): Promise<void> {
    const { world } = this;
    if (order.via === 'web') {
      await this.callApi(
        'POST /api/orders',
        '/api/orders',
        world.webToken,
        {
          externalId: order.externalId,
          customer: { name: `Chaos ${order.index}`, phone: order.phone },
          fulfilmentType: 'PICKUP',
          pickupStoreCode: world.storeCode,
          lines: [{ sku: world.sku, quantity: 1, unitPriceMinor: world.unitPrice }],
          payment: { provider: 'chaos-psp', reference: order.externalId, status: 'CAPTURED' },
        },
        deadline,
        (status) => status === 200 || status === 201,
      );
      return;
    }
    // The marketplace: a shopper whose checkout did not answer tries again; the order id keeps it one order.
    for (;;) {
      try {
        const response = await fetch(`${world.sandboxUrl}/channels/${world.channelCode}/orders`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            externalId: order.externalId,
            customer: { name: `Chaos ${order.index}`, phone: order.phone },
            fulfilment: 'PICKUP',
            pickupStoreCode: world.storeCode,
            lines: [{ sku: world.sku, quantity: 1, unitPrice: world.unitPrice }],
          }),
          signal: AbortSignal.timeout(15_000),
        });
        await response.body?.cancel();
        if (response.status === 201 || response.status === 409) return;
        if (response.status < 500) throw new Error(`the marketplace refused the order: ${response.status}`);
      } catch (error) {
        if (error instanceof Error && error.message.startsWith('the marketplace refused')) throw error;
      }
      if (Date.now() > deadline) throw new Error('the marketplace never took the order');
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  private async customerCancels(order: LoadOrder, deadline: number): Promise<void> {
    const { world } = this;
    for (;;) {
      try {
        const response = await fetch(`${world.sandboxUrl}/channels/${world.channelCode}/orders/${order.externalId}/customer-cancel`, {
          method: 'POST',
          signal: AbortSignal.timeout(15_000),
        });
        await response.body?.cancel();
        // 422: no longer cancellable, i.e. an earlier attempt whose answer was lost did cancel it.
        if (response.ok || response.status === 422) return;
      } catch {
        // The marketplace is restarting: the customer tries again.
      }
      if (Date.now() > deadline) throw new Error('the customer could not cancel');
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  /** The clerk submits a task; a task already settled (an earlier attempt applied) is done too. */
  private async completeTask(taskId: string, outcome: unknown, deadline: number): Promise<void> {
    for (;;) {
      const task = await this.queryRow<{ status: string }>('SELECT status FROM tasks WHERE id = $1', [taskId]);
      if (task !== undefined && task.status !== 'OPEN' && task.status !== 'CLAIMED') return;
      const attemptDeadline = Math.min(deadline, Date.now() + 20_000);
      try {
        await this.callApi(
          `POST /api/tasks/:id/complete`,
          `/api/tasks/${taskId}/complete`,
          this.world.clerkToken,
          outcome,
          attemptDeadline,
          (status) => status === 200,
        );
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
      }
    }
  }

  private async codeOnPhone(phone: string): Promise<string | undefined> {
    const response = await fetch(`${this.world.sandboxUrl}/_control/messages?${new URLSearchParams({ recipient: phone }).toString()}`, {
      signal: AbortSignal.timeout(5000),
    });
    const { messages } = (await response.json()) as { messages: { text: string }[] };
    return messages.map((message) => /code at the counter: (\d+)/.exec(message.text)?.[1]).find((found) => found !== undefined);
  }
}
