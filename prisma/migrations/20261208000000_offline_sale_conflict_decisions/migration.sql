-- A conflict of the offline journal is decided once (docs/outages.md, "Offline-sale conflicts"): keep the
-- journal's version (the incoming one is dismissed) or take the incoming one, which then supersedes the journal's
-- lines for the reconciliation. The journal itself stays append-only: the decision lives on the conflict row.
CREATE TYPE "offline_sale_conflict_decision" AS ENUM ('KEEP_JOURNAL', 'TAKE_INCOMING');

ALTER TABLE "offline_sale_conflicts" ADD COLUMN "decision" "offline_sale_conflict_decision",
ADD COLUMN "decided_by_user_id" UUID,
ADD COLUMN "decision_reason" TEXT;

-- CreateIndex
CREATE INDEX "offline_sale_conflicts_decided_by_user_id_idx" ON "offline_sale_conflicts"("decided_by_user_id");

-- CreateIndex
CREATE INDEX "offline_sale_conflicts_created_at_idx" ON "offline_sale_conflicts"("created_at");

-- AddForeignKey
ALTER TABLE "offline_sale_conflicts" ADD CONSTRAINT "offline_sale_conflicts_decided_by_user_id_fkey" FOREIGN KEY ("decided_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Decided means all three: what, by whom, when (resolved_at); open means none of them.
ALTER TABLE "offline_sale_conflicts" ADD CONSTRAINT "offline_sale_conflicts_decided_once" CHECK (
  ("decision" IS NULL) = ("resolved_at" IS NULL) AND ("decision" IS NULL) = ("decided_by_user_id" IS NULL)
  AND ("decision" IS NULL) = ("decision_reason" IS NULL));
