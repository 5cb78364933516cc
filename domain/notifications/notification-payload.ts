/** What an outbox row's JSON payload holds: flat values the message templates read. */
export type NotificationPayload = Record<string, string | number | boolean | null | string[]>;

/** Reads a stored payload (Prisma JSON) as a flat record; anything else reads as empty. */
export function notificationPayloadOf(json: unknown): NotificationPayload {
  return typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as NotificationPayload) : {};
}

/**
 * Fields that must not stay in clear once the message is out: the pickup code is as good as the goods
 * to whoever reads it, and the outbox is readable by support and by database backups.
 */
export const secretPayloadFields = ['code'] as const;

/**
 * The payload kept after sending: secrets removed and named in `redacted` (support can see that a code
 * was sent, not which), plus the gateway's message id for tracing a delivery with the provider.
 */
export function redactedAfterSending(payload: NotificationPayload, gatewayMessageId: string): NotificationPayload {
  const kept: NotificationPayload = {};
  const redacted: string[] = [];
  for (const [field, value] of Object.entries(payload)) {
    if ((secretPayloadFields as readonly string[]).includes(field)) redacted.push(field);
    else kept[field] = value;
  }
  return { ...kept, ...(redacted.length > 0 && { redacted }), gatewayMessageId };
}
