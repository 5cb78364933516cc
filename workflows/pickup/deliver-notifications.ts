import { ActivityFailure, log } from '@temporalio/workflow';
import type { SendNotificationRequest } from '../../activities/notifications/send-notification';
import { notify } from './pickup-activities';
import { type PickupRun } from './pickup-run';

/**
 * Sends outbox rows through the message gateway alongside the pickup, not in its path: the order moves
 * on while a message is retried, and a message that cannot be delivered is written on the timeline
 * instead of stopping the order. The run waits for every delivery before it closes. Only row ids and
 * keys pass through here; the text (and any pickup code in it) is rendered by the activity.
 */
export function deliverInBackground(run: PickupRun, requests: readonly SendNotificationRequest[], what: string): void {
  for (const request of requests) run.deliveries.push(deliver(run, request, what));
}

/** The rows a notify activity queued (none when the recipient has no contact details). */
export function queuedRows(queued: { notificationId: string | null } | { notificationIds: string[] }): SendNotificationRequest[] {
  const ids = 'notificationIds' in queued ? queued.notificationIds : queued.notificationId === null ? [] : [queued.notificationId];
  return ids.map((notificationId) => ({ notificationId }));
}

async function deliver(run: PickupRun, request: SendNotificationRequest, what: string): Promise<void> {
  try {
    await notify.sendNotification(request);
  } catch (error) {
    const message = error instanceof ActivityFailure && error.cause instanceof Error ? error.cause.message : String(error);
    log.warn('Notification not delivered', { what, message });
    run.timeline.note('NOTIFICATION_FAILED', `${what} not delivered: ${message}`);
  }
}
