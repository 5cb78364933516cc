-- Store credit spent at a till (issue #10: a refund as store credit the customer can spend).
-- CreateTable
CREATE TABLE "store_credit_redemptions" (
    "id" UUID NOT NULL,
    "store_credit_id" UUID NOT NULL,
    "store_id" UUID NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "receipt_number" TEXT NOT NULL,
    "redeemed_by_user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "store_credit_redemptions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "store_credit_redemptions_store_id_created_at_idx" ON "store_credit_redemptions"("store_id", "created_at");

-- CreateIndex
CREATE INDEX "store_credit_redemptions_redeemed_by_user_id_idx" ON "store_credit_redemptions"("redeemed_by_user_id");

-- CreateIndex
CREATE UNIQUE INDEX "store_credit_redemptions_store_credit_id_receipt_number_key" ON "store_credit_redemptions"("store_credit_id", "receipt_number");

-- AddForeignKey
ALTER TABLE "store_credit_redemptions" ADD CONSTRAINT "store_credit_redemptions_store_credit_id_fkey" FOREIGN KEY ("store_credit_id") REFERENCES "store_credits"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "store_credit_redemptions" ADD CONSTRAINT "store_credit_redemptions_store_id_fkey" FOREIGN KEY ("store_id") REFERENCES "stores"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "store_credit_redemptions" ADD CONSTRAINT "store_credit_redemptions_redeemed_by_user_id_fkey" FOREIGN KEY ("redeemed_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- What Prisma cannot express.
ALTER TABLE "store_credit_redemptions" ADD CONSTRAINT "store_credit_redemptions_spends_something" CHECK ("amount_minor" > 0);
ALTER TABLE "store_credit_redemptions" ADD CONSTRAINT "store_credit_redemptions_receipt_not_blank" CHECK (btrim("receipt_number") <> '');

-- Spending lowers the balance in the writer's transaction; store_credits_balance_within_amount (balance >= 0)
-- then refuses an overspend, and the row lock makes two tills spending the same code at once queue up.
CREATE FUNCTION store_credit_redemptions_spend() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE store_credits SET balance_minor = balance_minor - NEW.amount_minor, updated_at = now()
  WHERE id = NEW.store_credit_id;
  RETURN NEW;
END $$;

CREATE TRIGGER store_credit_redemptions_spend AFTER INSERT ON store_credit_redemptions
  FOR EACH ROW EXECUTE FUNCTION store_credit_redemptions_spend();

-- A redemption is a till's record: never edited or removed (a mistake is corrected by new store credit).
CREATE TRIGGER "store_credit_redemptions_append_only" BEFORE UPDATE OR DELETE ON "store_credit_redemptions"
  FOR EACH ROW EXECUTE FUNCTION "reject_ledger_change"();
