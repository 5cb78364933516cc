-- Outage flow (docs/outages.md): the review of a reconciliation (four-eyes, order decisions, corrections
-- applied once), the store checklist task and stock counts that feed the diff.

ALTER TYPE "discrepancy_resolution" ADD VALUE 'AWAITING_SECOND_APPROVAL';
ALTER TYPE "discrepancy_resolution" ADD VALUE 'APPLIED';

-- AlterEnum
ALTER TYPE "task_type" ADD VALUE 'OUTAGE_CHECKLIST';

-- AlterTable
ALTER TABLE "discrepancies" ADD COLUMN     "applied_at" TIMESTAMPTZ(3),
ADD COLUMN     "channel_price_minor" INTEGER,
ADD COLUMN     "corrected_delta" INTEGER,
ADD COLUMN     "decision" TEXT,
ADD COLUMN     "decision_reason" TEXT,
ADD COLUMN     "decision_store_id" UUID,
ADD COLUMN     "first_approved_at" TIMESTAMPTZ(3),
ADD COLUMN     "first_approved_by_user_id" UUID,
ADD COLUMN     "order_id" UUID,
ADD COLUMN     "requires_four_eyes" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "system_price_minor" INTEGER;

-- CreateTable
CREATE TABLE "stock_count_lines" (
    "id" UUID NOT NULL,
    "task_id" UUID NOT NULL,
    "store_id" UUID NOT NULL,
    "product_id" UUID NOT NULL,
    "outage_id" UUID,
    "counted" INTEGER NOT NULL,
    "counted_by_user_id" UUID,
    "counted_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "stock_count_lines_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "stock_count_lines_store_id_product_id_counted_at_idx" ON "stock_count_lines"("store_id", "product_id", "counted_at");

-- CreateIndex
CREATE INDEX "stock_count_lines_product_id_idx" ON "stock_count_lines"("product_id");

-- CreateIndex
CREATE INDEX "stock_count_lines_outage_id_idx" ON "stock_count_lines"("outage_id");

-- CreateIndex
CREATE INDEX "stock_count_lines_counted_by_user_id_idx" ON "stock_count_lines"("counted_by_user_id");

-- CreateIndex
CREATE UNIQUE INDEX "stock_count_lines_task_id_product_id_key" ON "stock_count_lines"("task_id", "product_id");

-- CreateIndex
CREATE INDEX "discrepancies_order_id_idx" ON "discrepancies"("order_id");

-- AddForeignKey
ALTER TABLE "discrepancies" ADD CONSTRAINT "discrepancies_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stock_count_lines" ADD CONSTRAINT "stock_count_lines_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "tasks"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stock_count_lines" ADD CONSTRAINT "stock_count_lines_store_id_fkey" FOREIGN KEY ("store_id") REFERENCES "stores"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stock_count_lines" ADD CONSTRAINT "stock_count_lines_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stock_count_lines" ADD CONSTRAINT "stock_count_lines_outage_id_fkey" FOREIGN KEY ("outage_id") REFERENCES "outages"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stock_count_lines" ADD CONSTRAINT "stock_count_lines_counted_by_user_id_fkey" FOREIGN KEY ("counted_by_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- A count is a number of units on a shelf; what a person decided is one of four words.
ALTER TABLE "stock_count_lines" ADD CONSTRAINT "stock_count_lines_counted_non_negative" CHECK ("counted" >= 0);
ALTER TABLE "discrepancies" ADD CONSTRAINT "discrepancies_decision_known"
  CHECK ("decision" IS NULL OR "decision" IN ('APPROVE', 'REJECT', 'FULFIL_FROM_STORE', 'CANCEL_AND_REFUND'));
