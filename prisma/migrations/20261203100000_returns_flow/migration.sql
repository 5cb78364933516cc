-- CreateEnum
CREATE TYPE "return_refund_method" AS ENUM ('ORIGINAL_PAYMENT', 'CASH', 'STORE_CREDIT');

-- CreateEnum
CREATE TYPE "cash_movement_kind" AS ENUM ('RETURN_REFUND');

-- AlterEnum
ALTER TYPE "task_type" ADD VALUE 'RETURN_HANDBACK';

-- AlterTable
ALTER TABLE "returns" ADD COLUMN     "channel_return_ref" TEXT,
ADD COLUMN     "handed_back_at" TIMESTAMPTZ(3),
ADD COLUMN     "handed_back_user_id" UUID,
ADD COLUMN     "refund_method" "return_refund_method" NOT NULL DEFAULT 'ORIGINAL_PAYMENT';

-- CreateTable
CREATE TABLE "cash_movements" (
    "id" UUID NOT NULL,
    "store_id" UUID NOT NULL,
    "kind" "cash_movement_kind" NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "refund_id" UUID,
    "reason" TEXT NOT NULL,
    "actor_label" TEXT NOT NULL,
    "workflow_id" TEXT,
    "idempotency_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "cash_movements_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "store_credits" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "customer_id" UUID,
    "issued_at_store_id" UUID NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "balance_minor" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "refund_id" UUID,
    "idempotency_key" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "store_credits_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "cash_movements_refund_id_key" ON "cash_movements"("refund_id");

-- CreateIndex
CREATE UNIQUE INDEX "cash_movements_idempotency_key_key" ON "cash_movements"("idempotency_key");

-- CreateIndex
CREATE INDEX "cash_movements_store_id_created_at_idx" ON "cash_movements"("store_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "store_credits_code_key" ON "store_credits"("code");

-- CreateIndex
CREATE UNIQUE INDEX "store_credits_refund_id_key" ON "store_credits"("refund_id");

-- CreateIndex
CREATE UNIQUE INDEX "store_credits_idempotency_key_key" ON "store_credits"("idempotency_key");

-- CreateIndex
CREATE INDEX "store_credits_customer_id_idx" ON "store_credits"("customer_id");

-- CreateIndex
CREATE INDEX "store_credits_issued_at_store_id_idx" ON "store_credits"("issued_at_store_id");

-- CreateIndex
CREATE INDEX "returns_handed_back_user_id_idx" ON "returns"("handed_back_user_id");

-- CreateIndex
CREATE UNIQUE INDEX "returns_order_id_channel_return_ref_key" ON "returns"("order_id", "channel_return_ref");

-- AddForeignKey
ALTER TABLE "returns" ADD CONSTRAINT "returns_handed_back_user_id_fkey" FOREIGN KEY ("handed_back_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cash_movements" ADD CONSTRAINT "cash_movements_store_id_fkey" FOREIGN KEY ("store_id") REFERENCES "stores"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cash_movements" ADD CONSTRAINT "cash_movements_refund_id_fkey" FOREIGN KEY ("refund_id") REFERENCES "refunds"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "store_credits" ADD CONSTRAINT "store_credits_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "store_credits" ADD CONSTRAINT "store_credits_issued_at_store_id_fkey" FOREIGN KEY ("issued_at_store_id") REFERENCES "stores"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "store_credits" ADD CONSTRAINT "store_credits_refund_id_fkey" FOREIGN KEY ("refund_id") REFERENCES "refunds"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Rules the database keeps (docs/returns.md).
-- A till movement always moves money; a return's refund leaves the till.
ALTER TABLE "cash_movements" ADD CONSTRAINT "cash_movements_moves_money" CHECK ("amount_minor" <> 0);
ALTER TABLE "cash_movements" ADD CONSTRAINT "cash_movements_refund_pays_out" CHECK ("kind" <> 'RETURN_REFUND' OR ("amount_minor" < 0 AND "refund_id" IS NOT NULL));
-- Store credit is positive and spent down, never below zero nor above what was issued.
ALTER TABLE "store_credits" ADD CONSTRAINT "store_credits_balance_within_amount" CHECK ("amount_minor" > 0 AND "balance_minor" >= 0 AND "balance_minor" <= "amount_minor");
-- A return handed back was rejected first.
ALTER TABLE "returns" ADD CONSTRAINT "returns_handed_back_when_rejected" CHECK ("handed_back_at" IS NULL OR "status" = 'REJECTED');
-- A channel's return reference is not blank.
ALTER TABLE "returns" ADD CONSTRAINT "returns_channel_return_ref_not_blank" CHECK ("channel_return_ref" IS NULL OR btrim("channel_return_ref") <> '');
