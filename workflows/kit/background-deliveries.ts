import { ActivityFailure, log } from '@temporalio/workflow';
import { type SendNotificationRequest } from '../../domain/notifications/send-notification-request';
import { notify } from './activity-proxies';
import { type TimelineRecorder } from './timeline-recorder';

/**
 * Sends outbox rows through the message gateway alongside the process, not in its path: the run moves
 * on while a message is retried, and a message that cannot be delivered is written on the timeline
 * (`NOTIFICATION_FAILED`) instead of stopping it. The run awaits `settled()` before it closes. Only row
 * ids and keys pass through here; the text (and any secret in it) is rendered by the activity.
 */
export class BackgroundDeliveries {
  private readonly pending: Promise<void>[] = [];

  constructor(private readonly timeline: TimelineRecorder) {}

  send(requests: readonly SendNotificationRequest[], what: string): void {
    for (const request of requests) this.pending.push(this.deliver(request, what));
  }

  /** Every delivery started so far has ended (sent, or noted on the timeline). */
  async settled(): Promise<void> {
    await Promise.all(this.pending);
  }

  private async deliver(request: SendNotificationRequest, what: string): Promise<void> {
    try {
      await notify.sendNotification(request);
    } catch (error) {
      const message = error instanceof ActivityFailure && error.cause instanceof Error ? error.cause.message : String(error);
      log.warn('Notification not delivered', { what, message });
      this.timeline.note('NOTIFICATION_FAILED', `${what} not delivered: ${message}`);
    }
  }
}

/** The rows a notify activity queued (none when the recipient has no contact details). */
export function queuedRows(queued: { notificationId: string | null } | { notificationIds: string[] }): SendNotificationRequest[] {
  const ids = 'notificationIds' in queued ? queued.notificationIds : queued.notificationId === null ? [] : [queued.notificationId];
  return ids.map((notificationId) => ({ notificationId }));
}
