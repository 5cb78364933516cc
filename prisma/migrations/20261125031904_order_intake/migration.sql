-- CreateEnum
CREATE TYPE "order_webhook_outcome" AS ENUM ('APPLIED', 'STALE');

-- AlterTable
ALTER TABLE "orders" ADD COLUMN     "channel_sequence" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "fulfilment_start_error" TEXT,
ADD COLUMN     "intake_notes" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "order_webhook_events" (
    "id" UUID NOT NULL,
    "channel_id" UUID NOT NULL,
    "event_id" TEXT NOT NULL,
    "event_type" TEXT NOT NULL,
    "external_order_id" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "order_id" UUID NOT NULL,
    "outcome" "order_webhook_outcome" NOT NULL,
    "payload" JSONB NOT NULL,
    "deliveries" INTEGER NOT NULL DEFAULT 1,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_delivered_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "order_webhook_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "order_webhook_events_channel_id_external_order_id_idx" ON "order_webhook_events"("channel_id", "external_order_id");

-- CreateIndex
CREATE INDEX "order_webhook_events_order_id_idx" ON "order_webhook_events"("order_id");

-- CreateIndex
CREATE UNIQUE INDEX "order_webhook_events_channel_id_event_id_key" ON "order_webhook_events"("channel_id", "event_id");

-- AddForeignKey
ALTER TABLE "order_webhook_events" ADD CONSTRAINT "order_webhook_events_channel_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "channels"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_webhook_events" ADD CONSTRAINT "order_webhook_events_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Hand-written (prisma migrate diff does not see CHECK constraints).
-- Channel sequences start at 1 for an order's first event; 0 on an order means "no channel event yet" (web orders).
ALTER TABLE "orders" ADD CONSTRAINT "orders_channel_sequence_non_negative" CHECK ("channel_sequence" >= 0);
ALTER TABLE "order_webhook_events" ADD CONSTRAINT "order_webhook_events_sequence_positive" CHECK ("sequence" >= 1);
ALTER TABLE "order_webhook_events" ADD CONSTRAINT "order_webhook_events_deliveries_positive" CHECK ("deliveries" >= 1);
