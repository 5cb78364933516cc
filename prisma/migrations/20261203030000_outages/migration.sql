-- Outages (docs/outages.md): one open outage per channel or store, the offline journal append-only
-- with a content hash, conflicts kept beside it, discrepancies classified with a value.

-- CreateEnum
CREATE TYPE "outage_kind" AS ENUM ('CHANNEL', 'STORE');

-- AlterTable
ALTER TABLE "discrepancies" ADD COLUMN     "class" TEXT,
ADD COLUMN     "value_minor" BIGINT;

-- AlterTable
-- Rows written before this migration get an empty hash (a re-import of them is then a conflict to review).
ALTER TABLE "offline_sales" ADD COLUMN     "content_hash" TEXT NOT NULL DEFAULT '';
ALTER TABLE "offline_sales" ALTER COLUMN "content_hash" DROP DEFAULT;

-- AlterTable
ALTER TABLE "outages" ADD COLUMN     "declared_by_user_id" UUID,
ADD COLUMN     "joined_count" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "kind" "outage_kind" NOT NULL DEFAULT 'CHANNEL',
ADD COLUMN     "measures" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "open_scope" TEXT,
ADD COLUMN     "report" JSONB,
ADD COLUMN     "source" TEXT NOT NULL DEFAULT 'DETECTED',
ADD COLUMN     "store_id" UUID;

-- CreateTable
CREATE TABLE "offline_sale_conflicts" (
    "id" UUID NOT NULL,
    "offline_sale_id" UUID NOT NULL,
    "incoming_hash" TEXT NOT NULL,
    "incoming" JSONB NOT NULL,
    "source" TEXT NOT NULL,
    "resolved_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "offline_sale_conflicts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "offline_sale_conflicts_offline_sale_id_incoming_hash_key" ON "offline_sale_conflicts"("offline_sale_id", "incoming_hash");

-- CreateIndex
CREATE INDEX "discrepancies_reconciliation_id_class_idx" ON "discrepancies"("reconciliation_id", "class");

-- CreateIndex
CREATE UNIQUE INDEX "outages_open_scope_key" ON "outages"("open_scope");

-- CreateIndex
CREATE INDEX "outages_store_id_status_idx" ON "outages"("store_id", "status");

-- CreateIndex
CREATE INDEX "outages_declared_by_user_id_idx" ON "outages"("declared_by_user_id");

-- AddForeignKey
ALTER TABLE "outages" ADD CONSTRAINT "outages_store_id_fkey" FOREIGN KEY ("store_id") REFERENCES "stores"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outages" ADD CONSTRAINT "outages_declared_by_user_id_fkey" FOREIGN KEY ("declared_by_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "offline_sale_conflicts" ADD CONSTRAINT "offline_sale_conflicts_offline_sale_id_fkey" FOREIGN KEY ("offline_sale_id") REFERENCES "offline_sales"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Protective measures of a store outage: a share of its stock held back from every channel, no new
-- pickups there (stock sync and pickup read these; the outage's workflow sets and lifts them).
ALTER TABLE "stores" ADD COLUMN     "online_hold_percent" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "pickup_paused" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "stores" ADD CONSTRAINT "stores_online_hold_percent_range" CHECK ("online_hold_percent" BETWEEN 0 AND 100);

-- An outage's run is started through the outbox (docs/workflow-starts.md).
ALTER TABLE "workflow_starts" ADD COLUMN     "outage_id" UUID;
CREATE INDEX "workflow_starts_outage_id_idx" ON "workflow_starts"("outage_id");
ALTER TABLE "workflow_starts" ADD CONSTRAINT "workflow_starts_outage_id_fkey" FOREIGN KEY ("outage_id") REFERENCES "outages"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- One open outage per channel or store: open_scope names it while open and is null once resolved.
UPDATE "outages" SET "open_scope" = CASE WHEN "channel_id" IS NULL THEN NULL ELSE 'channel:' || "channel_id" END
  WHERE "status" <> 'RESOLVED' AND "id" = (SELECT o2."id" FROM "outages" o2 WHERE o2."channel_id" = "outages"."channel_id"
    AND o2."status" <> 'RESOLVED' ORDER BY o2."detected_at" DESC LIMIT 1);
UPDATE "outages" SET "status" = 'RESOLVED', "resolved_at" = COALESCE("resolved_at", now()) WHERE "status" <> 'RESOLVED' AND "open_scope" IS NULL;
ALTER TABLE "outages" ADD CONSTRAINT "outages_open_scope_iff_open" CHECK (("open_scope" IS NULL) = ("status" = 'RESOLVED'));
ALTER TABLE "outages" ADD CONSTRAINT "outages_kind_subject" CHECK (
  ("kind" = 'CHANNEL' AND "store_id" IS NULL) OR ("kind" = 'STORE' AND "store_id" IS NOT NULL AND "channel_id" IS NULL));
ALTER TABLE "outages" ADD CONSTRAINT "outages_source_known" CHECK ("source" IN ('DETECTED', 'DECLARED'));
ALTER TABLE "outages" ADD CONSTRAINT "outages_joined_count_non_negative" CHECK ("joined_count" >= 0);
ALTER TABLE "discrepancies" ADD CONSTRAINT "discrepancies_class_known" CHECK (
  "class" IS NULL OR "class" IN ('OFFLINE_SALE', 'STOCK_DRIFT', 'PRICE_DRIFT', 'ORDER_MISSING', 'DOUBLE_SALE'));
ALTER TABLE "discrepancies" ADD CONSTRAINT "discrepancies_value_non_negative" CHECK ("value_minor" IS NULL OR "value_minor" >= 0);

-- The offline journal is append-only: a sale is never deleted and its content never changes; only the
-- moment it was applied to stock is written later (once). Lines never change once written.
CREATE FUNCTION "reject_offline_sale_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW."store_id" = OLD."store_id" AND NEW."receipt_number" = OLD."receipt_number"
     AND NEW."content_hash" = OLD."content_hash" AND NEW."sold_at" = OLD."sold_at" AND NEW."total_minor" = OLD."total_minor"
     AND NEW."currency" = OLD."currency" AND (OLD."applied_to_stock_at" IS NULL OR NEW."applied_to_stock_at" = OLD."applied_to_stock_at") THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'offline_sales is append-only: % of its content is not allowed', TG_OP
    USING ERRCODE = 'restrict_violation', HINT = 'A differing receipt is an offline_sale_conflicts row.';
END;
$$;
CREATE TRIGGER "offline_sales_append_only" BEFORE UPDATE OR DELETE ON "offline_sales"
  FOR EACH ROW EXECUTE FUNCTION "reject_offline_sale_change"();
CREATE TRIGGER "offline_sale_lines_append_only" BEFORE UPDATE OR DELETE ON "offline_sale_lines"
  FOR EACH ROW EXECUTE FUNCTION "reject_ledger_change"();
