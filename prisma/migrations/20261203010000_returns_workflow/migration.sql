-- Returns (issue 10), the workflow slice: a return's run starts through the workflow-starts outbox in the
-- transaction that writes the return, so an accepted return always gets its run (docs/workflow-starts.md).

-- AlterTable
ALTER TABLE "workflow_starts" ADD COLUMN "return_id" UUID;

-- CreateIndex
CREATE INDEX "workflow_starts_return_id_idx" ON "workflow_starts"("return_id");

-- AddForeignKey
ALTER TABLE "workflow_starts" ADD CONSTRAINT "workflow_starts_return_id_fkey" FOREIGN KEY ("return_id") REFERENCES "returns"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A refund the channel refused, or that stayed unknown after retries, is a person's task (never a silent FAILED row).
ALTER TYPE "task_type" ADD VALUE 'MANUAL_REFUND';
