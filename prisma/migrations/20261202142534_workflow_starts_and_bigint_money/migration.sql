-- Issue 8: "accepted means started" (workflow_starts outbox) and money totals as int8.
-- Generated with `prisma migrate diff`; the CHECKs, the backfill and the order of statements are hand-written.

-- CreateEnum
CREATE TYPE "workflow_start_status" AS ENUM ('PENDING', 'STARTED', 'FAILED');

-- AlterTable
ALTER TABLE "offline_sales" ALTER COLUMN "total_minor" SET DATA TYPE BIGINT;

-- AlterTable
ALTER TABLE "orders" ALTER COLUMN "total_minor" SET DATA TYPE BIGINT;

-- AlterTable
ALTER TABLE "payments" ALTER COLUMN "amount_minor" SET DATA TYPE BIGINT;

-- AlterTable
ALTER TABLE "refunds" ALTER COLUMN "amount_minor" SET DATA TYPE BIGINT;

-- AlterTable
ALTER TABLE "return_lines" ALTER COLUMN "refund_minor" SET DATA TYPE BIGINT;

-- CreateTable
CREATE TABLE "workflow_starts" (
    "id" UUID NOT NULL,
    "workflow_id" TEXT NOT NULL,
    "workflow_type" TEXT NOT NULL,
    "task_queue" TEXT NOT NULL,
    "input" JSONB NOT NULL,
    "search_attributes" JSONB NOT NULL DEFAULT '[]',
    "pending_signals" JSONB NOT NULL DEFAULT '[]',
    "status" "workflow_start_status" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) DEFAULT CURRENT_TIMESTAMP,
    "last_error" TEXT,
    "run_id" TEXT,
    "started_at" TIMESTAMPTZ(3),
    "order_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "workflow_starts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "workflow_starts_workflow_id_key" ON "workflow_starts"("workflow_id");

-- CreateIndex
CREATE INDEX "workflow_starts_next_attempt_at_idx" ON "workflow_starts"("next_attempt_at");

-- CreateIndex
CREATE INDEX "workflow_starts_status_workflow_type_idx" ON "workflow_starts"("status", "workflow_type");

-- CreateIndex
CREATE INDEX "workflow_starts_order_id_idx" ON "workflow_starts"("order_id");

-- AddForeignKey
ALTER TABLE "workflow_starts" ADD CONSTRAINT "workflow_starts_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Hand-written: what each status promises (docs/workflow-starts.md).
ALTER TABLE "workflow_starts" ADD CONSTRAINT "workflow_starts_attempts_non_negative" CHECK ("attempts" >= 0);
ALTER TABLE "workflow_starts" ADD CONSTRAINT "workflow_starts_pending_is_due" CHECK ("status" <> 'PENDING' OR "next_attempt_at" IS NOT NULL);
ALTER TABLE "workflow_starts" ADD CONSTRAINT "workflow_starts_started_has_time" CHECK ("status" <> 'STARTED' OR "started_at" IS NOT NULL);
ALTER TABLE "workflow_starts" ADD CONSTRAINT "workflow_starts_failed_has_reason" CHECK ("status" <> 'FAILED' OR "last_error" IS NOT NULL);
ALTER TABLE "workflow_starts" ADD CONSTRAINT "workflow_starts_signals_are_a_list" CHECK (jsonb_typeof("pending_signals") = 'array');

-- Hand-written backfill: pickup orders that intake accepted but whose workflow never started (the stranded
-- orders of issue 8) get a pending start, so the relay starts them. The input carries no order snapshot:
-- the workflow loads the order itself then. Task queue: the default one (TEMPORAL_TASK_QUEUE=omnichannel).
INSERT INTO "workflow_starts" ("id", "workflow_id", "workflow_type", "task_queue", "input", "search_attributes", "last_error", "order_id", "updated_at")
SELECT
    gen_random_uuid(),
    'pickup:' || o."id",
    'pickupOrder',
    'omnichannel',
    jsonb_build_object(
        'orderId', o."id",
        'storeCode', s."code",
        'settings', jsonb_build_object(
            'pickSlaMs', s."pick_sla_minutes" * 60000,
            'pickEscalationDelayMs', s."pick_escalation_minutes" * 60000,
            'pickupReminderOffsetsMs', COALESCE((SELECT jsonb_agg(m * 60000 ORDER BY m) FROM unnest(s."pickup_reminder_minutes") AS m), '[]'::jsonb),
            'pickupExpiryMs', s."pickup_expiry_hours" * 3600000,
            'unfulfillablePolicy', s."unfulfillable_policy"::text,
            'maxWrongCodeAttempts', 3
        )
    ),
    jsonb_build_array(
        jsonb_build_object('name', 'BusinessKey', 'type', 'KEYWORD', 'value', 'pickup:' || o."id"),
        jsonb_build_object('name', 'WorkflowDomain', 'type', 'KEYWORD', 'value', 'pickup'),
        jsonb_build_object('name', 'StoreCode', 'type', 'KEYWORD', 'value', s."code"),
        jsonb_build_object('name', 'ChannelCode', 'type', 'KEYWORD', 'value', c."code"),
        jsonb_build_object('name', 'CurrentStep', 'type', 'KEYWORD', 'value', 'RESERVING')
    ),
    o."fulfilment_start_error",
    o."id",
    CURRENT_TIMESTAMP
FROM "orders" o
JOIN "stores" s ON s."id" = o."pickup_store_id"
JOIN "channels" c ON c."id" = o."channel_id"
WHERE o."fulfilment_type" = 'PICKUP' AND o."status" = 'RECEIVED' AND o."workflow_id" IS NULL;

-- Runs that exist already get their start as STARTED, so every run has one (a cancellation is queued
-- on it like on any other) and "workflow_id set" and "start STARTED" mean the same thing from here on.
INSERT INTO "workflow_starts" ("id", "workflow_id", "workflow_type", "task_queue", "input", "status", "next_attempt_at", "started_at", "order_id", "updated_at")
SELECT gen_random_uuid(), o."workflow_id", 'pickupOrder', 'omnichannel', jsonb_build_object('orderId', o."id"), 'STARTED', NULL, o."updated_at", o."id", CURRENT_TIMESTAMP
FROM "orders" o
WHERE o."workflow_id" IS NOT NULL
ON CONFLICT ("workflow_id") DO NOTHING;

-- The start error now lives on the order's workflow start (and is cleared when the run exists).
ALTER TABLE "orders" DROP COLUMN "fulfilment_start_error";
