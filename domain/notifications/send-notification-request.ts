/** The outbox row to deliver, by id or by its business key (e.g. `notify:pickup-ready:<orderId>`). */
export type SendNotificationRequest = { notificationId: string } | { idempotencyKey: string };
