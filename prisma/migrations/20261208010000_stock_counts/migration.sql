-- Stock counts outside an outage (docs/stock-counts.md): the count, its lines' on hand as counted and how each
-- difference was settled, and its run's start in the outbox.

-- CreateTable
CREATE TABLE "stock_counts" (
    "id" UUID NOT NULL,
    "store_id" UUID NOT NULL,
    "task_id" UUID NOT NULL,
    "requested_by_user_id" UUID NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'COUNTING',
    "workflow_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "stock_counts_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "stock_counts_status_known" CHECK ("status" IN ('COUNTING', 'ADJUSTING', 'DONE', 'EXPIRED', 'CANCELLED'))
);

-- CreateIndex
CREATE UNIQUE INDEX "stock_counts_task_id_key" ON "stock_counts"("task_id");
CREATE INDEX "stock_counts_store_id_created_at_idx" ON "stock_counts"("store_id", "created_at");
CREATE INDEX "stock_counts_requested_by_user_id_idx" ON "stock_counts"("requested_by_user_id");

-- AddForeignKey
ALTER TABLE "stock_counts" ADD CONSTRAINT "stock_counts_store_id_fkey" FOREIGN KEY ("store_id") REFERENCES "stores"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "stock_counts" ADD CONSTRAINT "stock_counts_requested_by_user_id_fkey" FOREIGN KEY ("requested_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AlterTable
ALTER TABLE "stock_count_lines" ADD COLUMN "stock_count_id" UUID,
ADD COLUMN "system_on_hand" INTEGER,
ADD COLUMN "resolution" TEXT,
ADD COLUMN "stock_adjustment_id" UUID;

ALTER TABLE "stock_count_lines" ADD CONSTRAINT "stock_count_lines_resolution_known"
  CHECK ("resolution" IS NULL OR "resolution" IN ('MATCHED', 'ADJUSTED', 'AWAITING_APPROVAL', 'APPROVED', 'REJECTED', 'FAILED'));

CREATE INDEX "stock_count_lines_stock_count_id_idx" ON "stock_count_lines"("stock_count_id");
CREATE INDEX "stock_count_lines_stock_adjustment_id_idx" ON "stock_count_lines"("stock_adjustment_id");

ALTER TABLE "stock_count_lines" ADD CONSTRAINT "stock_count_lines_stock_count_id_fkey" FOREIGN KEY ("stock_count_id") REFERENCES "stock_counts"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "stock_count_lines" ADD CONSTRAINT "stock_count_lines_stock_adjustment_id_fkey" FOREIGN KEY ("stock_adjustment_id") REFERENCES "stock_adjustments"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AlterTable
ALTER TABLE "workflow_starts" ADD COLUMN "stock_count_id" UUID;
CREATE INDEX "workflow_starts_stock_count_id_idx" ON "workflow_starts"("stock_count_id");
ALTER TABLE "workflow_starts" ADD CONSTRAINT "workflow_starts_stock_count_id_fkey" FOREIGN KEY ("stock_count_id") REFERENCES "stock_counts"("id") ON DELETE SET NULL ON UPDATE CASCADE;
