import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { isMessageGatewayError, MessageGatewayUnavailableError } from '../../message-gateway/message-gateway-errors';
import { NotFoundError } from '../../domain/errors';
import { type SendNotificationRequest } from '../../domain/notifications/send-notification-request';
import { renderMessage } from '../../domain/notifications/message-templates';
import { notificationPayloadOf, redactedAfterSending } from '../../domain/notifications/notification-payload';
import { type ActivityDeps } from '../deps';
import { toTemporalFailure, withTemporalFailures } from '../failures/to-temporal-failure';

export interface SendNotificationResult {
  notificationId: string;
  status: 'SENT' | 'FAILED';
  /** The row was already settled by an earlier attempt: nothing was sent now. */
  alreadySettled: boolean;
}

/** Failure type of a message the gateway will never deliver (bad recipient, no template). */
export const NOTIFICATION_UNDELIVERABLE = 'NOTIFICATION_UNDELIVERABLE';

/**
 * Delivers one PENDING outbox row through the message gateway, keyed by the row's idempotency key, so a
 * retried or duplicated attempt is answered by the gateway's replay and the customer gets one message.
 * The text is rendered here from the payload (never in workflow code, so the pickup code never enters
 * history); once sent, the row is SENT and its secrets are removed from the stored payload. A message
 * the gateway refuses for good is FAILED with the reason and thrown as non-retryable; transient gateway
 * failures leave it PENDING (attempts and last error recorded) and are retried by Temporal.
 */
export function createSendNotification({ prisma, messageGateway }: Pick<ActivityDeps, 'prisma' | 'messageGateway'>) {
  return async function sendNotification(request: SendNotificationRequest): Promise<SendNotificationResult> {
    const row = await withTemporalFailures(async () => {
      const found = await prisma.notification.findUnique({
        where: 'notificationId' in request ? { id: request.notificationId } : { idempotencyKey: request.idempotencyKey },
      });
      if (found === null)
        throw new NotFoundError(`Notification ${'notificationId' in request ? request.notificationId : request.idempotencyKey} not found`);
      return found;
    });
    if (row.status !== 'PENDING') return { notificationId: row.id, status: row.status, alreadySettled: true };

    const payload = notificationPayloadOf(row.payload);
    const rendered = renderMessage(row.template, payload);
    if (!rendered.ok) {
      await markFailed(row.id, rendered.reason);
      throw ApplicationFailure.nonRetryable(rendered.reason, NOTIFICATION_UNDELIVERABLE);
    }
    await prisma.notification.update({ where: { id: row.id }, data: { attempts: { increment: 1 } } });

    let messageId: string;
    try {
      const accepted = await messageGateway.send({
        channel: row.channel,
        recipient: row.recipient,
        subject: rendered.message.subject,
        text: rendered.message.text,
        idempotencyKey: row.idempotencyKey,
        signal: cancellationSignal(),
      });
      messageId = accepted.messageId;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (isMessageGatewayError(error) && !error.retryable) {
        await markFailed(row.id, message);
        throw ApplicationFailure.create({ type: NOTIFICATION_UNDELIVERABLE, message, nonRetryable: true, cause: error });
      }
      await prisma.notification.updateMany({ where: { id: row.id, status: 'PENDING' }, data: { lastError: message } });
      // Whatever else a gateway throws (a plain Error from an implementation) counts as unavailable: retried.
      throw toTemporalFailure(isMessageGatewayError(error) ? error : new MessageGatewayUnavailableError(message, 1, { cause: error }));
    }

    // Conditional: a twin attempt that finished first already settled the row (the gateway replayed to both).
    const settled = await prisma.notification.updateMany({
      where: { id: row.id, status: 'PENDING' },
      data: { status: 'SENT', sentAt: new Date(), lastError: null, payload: redactedAfterSending(payload, messageId) },
    });
    return { notificationId: row.id, status: 'SENT', alreadySettled: settled.count === 0 };
  };

  async function markFailed(notificationId: string, reason: string): Promise<void> {
    await prisma.notification.updateMany({
      where: { id: notificationId, status: 'PENDING' },
      data: { status: 'FAILED', lastError: reason },
    });
  }
}

/** Temporal's cancellation of this attempt, when running as an activity (tests may call it directly). */
function cancellationSignal(): AbortSignal | undefined {
  try {
    return Context.current().cancellationSignal;
  } catch {
    return undefined;
  }
}
