-- CreateEnum
CREATE TYPE "approval_status" AS ENUM ('PENDING', 'APPROVED', 'REJECTED', 'SUPERSEDED');

-- CreateEnum
CREATE TYPE "approver_level" AS ENUM ('STORE_MANAGER', 'OPS_LEAD', 'ADMIN');

-- CreateEnum
CREATE TYPE "stock_adjustment_status" AS ENUM ('REQUESTED', 'AWAITING_APPROVAL', 'APPROVED', 'APPLIED', 'REJECTED');

-- AlterTable
ALTER TABLE "workflow_starts" ADD COLUMN     "stock_adjustment_id" UUID;

-- CreateTable
CREATE TABLE "approval_requests" (
    "id" UUID NOT NULL,
    "subject_type" TEXT NOT NULL,
    "subject_id" UUID NOT NULL,
    "subject_version" INTEGER NOT NULL,
    "subject_snapshot" JSONB NOT NULL,
    "summary" TEXT NOT NULL,
    "requested_by_user_id" UUID NOT NULL,
    "required_level" "approver_level" NOT NULL,
    "store_id" UUID,
    "amount_minor" BIGINT NOT NULL,
    "value_limit_minor" BIGINT,
    "currency" CHAR(3) NOT NULL,
    "status" "approval_status" NOT NULL DEFAULT 'PENDING',
    "decided_by_user_id" UUID,
    "decided_at" TIMESTAMPTZ(3),
    "decided_version" INTEGER,
    "reason" TEXT,
    "workflow_id" TEXT,
    "sla_due_at" TIMESTAMPTZ(3) NOT NULL,
    "escalated_at" TIMESTAMPTZ(3),
    "idempotency_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "approval_requests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "approval_subject_edits" (
    "id" UUID NOT NULL,
    "subject_type" TEXT NOT NULL,
    "subject_id" UUID NOT NULL,
    "edited_by_user_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "before" JSONB NOT NULL,
    "after" JSONB NOT NULL,
    "edited_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "approval_subject_edits_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stock_adjustments" (
    "id" UUID NOT NULL,
    "store_id" UUID NOT NULL,
    "product_id" UUID NOT NULL,
    "delta" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "value_minor" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "requested_by_user_id" UUID NOT NULL,
    "status" "stock_adjustment_status" NOT NULL DEFAULT 'REQUESTED',
    "version" INTEGER NOT NULL DEFAULT 1,
    "workflow_id" TEXT,
    "decision_reason" TEXT,
    "applied_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "stock_adjustments_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "approval_requests_idempotency_key_key" ON "approval_requests"("idempotency_key");

-- CreateIndex
CREATE INDEX "approval_requests_subject_type_subject_id_idx" ON "approval_requests"("subject_type", "subject_id");

-- CreateIndex
CREATE INDEX "approval_requests_status_required_level_store_id_idx" ON "approval_requests"("status", "required_level", "store_id");

-- CreateIndex
CREATE INDEX "approval_requests_requested_by_user_id_idx" ON "approval_requests"("requested_by_user_id");

-- CreateIndex
CREATE INDEX "approval_requests_workflow_id_idx" ON "approval_requests"("workflow_id");

-- CreateIndex
CREATE INDEX "approval_subject_edits_subject_type_subject_id_edited_by_us_idx" ON "approval_subject_edits"("subject_type", "subject_id", "edited_by_user_id");

-- CreateIndex
CREATE INDEX "stock_adjustments_store_id_status_idx" ON "stock_adjustments"("store_id", "status");

-- CreateIndex
CREATE INDEX "stock_adjustments_requested_by_user_id_idx" ON "stock_adjustments"("requested_by_user_id");

-- CreateIndex
CREATE INDEX "workflow_starts_stock_adjustment_id_idx" ON "workflow_starts"("stock_adjustment_id");

-- AddForeignKey
ALTER TABLE "workflow_starts" ADD CONSTRAINT "workflow_starts_stock_adjustment_id_fkey" FOREIGN KEY ("stock_adjustment_id") REFERENCES "stock_adjustments"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "approval_requests" ADD CONSTRAINT "approval_requests_requested_by_user_id_fkey" FOREIGN KEY ("requested_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "approval_requests" ADD CONSTRAINT "approval_requests_decided_by_user_id_fkey" FOREIGN KEY ("decided_by_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "approval_requests" ADD CONSTRAINT "approval_requests_store_id_fkey" FOREIGN KEY ("store_id") REFERENCES "stores"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "approval_subject_edits" ADD CONSTRAINT "approval_subject_edits_edited_by_user_id_fkey" FOREIGN KEY ("edited_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stock_adjustments" ADD CONSTRAINT "stock_adjustments_store_id_fkey" FOREIGN KEY ("store_id") REFERENCES "stores"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stock_adjustments" ADD CONSTRAINT "stock_adjustments_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stock_adjustments" ADD CONSTRAINT "stock_adjustments_requested_by_user_id_fkey" FOREIGN KEY ("requested_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Four-eyes, whatever code writes the row (docs/approvals.md).
ALTER TABLE "approval_requests" ADD CONSTRAINT "approval_requests_decider_is_not_requester"
  CHECK ("decided_by_user_id" IS NULL OR "decided_by_user_id" <> "requested_by_user_id");
ALTER TABLE "approval_requests" ADD CONSTRAINT "approval_requests_rejection_has_reason"
  CHECK ("status" <> 'REJECTED' OR length(btrim(coalesce("reason", ''))) > 0);
-- PENDING has no decision; APPROVED, REJECTED and SUPERSEDED (an approval a later edit outdated) have all of it.
ALTER TABLE "approval_requests" ADD CONSTRAINT "approval_requests_decision_is_complete"
  CHECK (CASE WHEN "status" = 'PENDING' THEN "decided_by_user_id" IS NULL AND "decided_at" IS NULL
              ELSE "decided_by_user_id" IS NOT NULL AND "decided_at" IS NOT NULL AND "decided_version" IS NOT NULL END);
ALTER TABLE "approval_requests" ADD CONSTRAINT "approval_requests_amount_not_negative" CHECK ("amount_minor" >= 0);
ALTER TABLE "approval_subject_edits" ADD CONSTRAINT "approval_subject_edits_version_positive" CHECK ("version" > 1);
ALTER TABLE "stock_adjustments" ADD CONSTRAINT "stock_adjustments_delta_not_zero" CHECK ("delta" <> 0);
ALTER TABLE "stock_adjustments" ADD CONSTRAINT "stock_adjustments_reason_given" CHECK (length(btrim("reason")) > 0);
ALTER TABLE "stock_adjustments" ADD CONSTRAINT "stock_adjustments_value_not_negative" CHECK ("value_minor" >= 0);
ALTER TABLE "stock_adjustments" ADD CONSTRAINT "stock_adjustments_version_positive" CHECK ("version" >= 1);

-- Anyone who edited the subject may never decide on it: a CHECK cannot look at another table, a trigger can.
CREATE FUNCTION approval_requests_refuse_editor_decisions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.decided_by_user_id IS NOT NULL AND NEW.status IN ('APPROVED', 'REJECTED')
     AND (OLD.decided_by_user_id IS DISTINCT FROM NEW.decided_by_user_id OR OLD.status IS DISTINCT FROM NEW.status)
     AND EXISTS (SELECT 1 FROM approval_subject_edits e
                 WHERE e.subject_type = NEW.subject_type AND e.subject_id = NEW.subject_id
                   AND e.edited_by_user_id = NEW.decided_by_user_id) THEN
    RAISE EXCEPTION 'approval % : % edited the subject and may not decide on it', NEW.id, NEW.decided_by_user_id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'approval_requests_decider_did_not_edit';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER approval_requests_decider_did_not_edit BEFORE INSERT OR UPDATE ON "approval_requests"
  FOR EACH ROW EXECUTE FUNCTION approval_requests_refuse_editor_decisions();
