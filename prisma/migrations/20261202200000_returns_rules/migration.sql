-- Returns (issue 10), first slice: the tables the return workflow will write, and the rules the database
-- keeps whatever code writes them. Concurrent returns of one line cannot together take back more than was
-- sold (a per-line counter under a CHECK, updated in the writer's transaction, so the second writer waits
-- for the first and then fails), and no refund gives back more than was paid.

-- CreateEnum
CREATE TYPE "return_reason" AS ENUM ('DOES_NOT_FIT', 'NOT_AS_DESCRIBED', 'DEFECTIVE', 'DAMAGED_IN_TRANSIT', 'WRONG_ITEM', 'CHANGED_MIND', 'OTHER');

-- CreateEnum
CREATE TYPE "return_approval_reason" AS ENUM ('REFUND_ABOVE_THRESHOLD', 'OUTSIDE_WINDOW_OVERRIDE', 'NO_PROOF_OF_PURCHASE');

-- AlterTable
ALTER TABLE "returns" ADD COLUMN     "reason_code" "return_reason" NOT NULL DEFAULT 'OTHER',
ADD COLUMN     "override_reason" TEXT,
ADD COLUMN     "proof_of_purchase" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "approval_reasons" "return_approval_reason"[] DEFAULT ARRAY[]::"return_approval_reason"[];

-- AlterTable
ALTER TABLE "order_lines" ADD COLUMN     "returned_quantity" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "payments" ADD COLUMN     "refunded_minor" BIGINT NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "refunds" ADD COLUMN     "return_line_id" UUID;

-- CreateIndex
CREATE UNIQUE INDEX "returns_workflow_id_key" ON "returns"("workflow_id");

-- CreateIndex
CREATE UNIQUE INDEX "return_lines_return_id_order_line_id_key" ON "return_lines"("return_id", "order_line_id");

-- CreateIndex
CREATE UNIQUE INDEX "return_lines_id_return_id_key" ON "return_lines"("id", "return_id");

-- CreateIndex
CREATE UNIQUE INDEX "refunds_return_line_id_key" ON "refunds"("return_line_id");

-- AddForeignKey
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_return_line_id_return_id_fkey" FOREIGN KEY ("return_line_id", "return_id") REFERENCES "return_lines"("id", "return_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Returns: what a row may say.
ALTER TABLE "returns" ALTER COLUMN "approval_reasons" SET NOT NULL;
ALTER TABLE "returns" ADD CONSTRAINT "returns_workflow_id_is_return_key" CHECK ("workflow_id" IS NULL OR "workflow_id" = 'return:' || "id"::text);
ALTER TABLE "returns" ADD CONSTRAINT "returns_override_reason_not_blank" CHECK ("override_reason" IS NULL OR btrim("override_reason") <> '');
ALTER TABLE "returns" ADD CONSTRAINT "returns_override_needs_approval" CHECK ("override_reason" IS NULL OR 'OUTSIDE_WINDOW_OVERRIDE' = ANY ("approval_reasons"));
ALTER TABLE "returns" ADD CONSTRAINT "returns_received_has_store" CHECK ("received_at" IS NULL OR "received_at_store_id" IS NOT NULL);
ALTER TABLE "return_lines" ADD CONSTRAINT "return_lines_disposition_after_inspection" CHECK ("disposition" IS NULL OR "condition" IS NOT NULL);

-- Refunds tied to a return line carry its business key, so the money for a line moves once.
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_return_line_key" CHECK (
  "return_line_id" IS NULL OR ("return_id" IS NOT NULL AND "idempotency_key" = 'refund:return:' || "return_id"::text || ':' || "return_line_id"::text)
);

-- Counters under CHECKs: units in returns that are not cancelled or rejected, money refunded of a payment.
UPDATE "order_lines" ol SET "returned_quantity" = sub.units
  FROM (SELECT rl."order_line_id", SUM(rl."quantity")::int AS units FROM "return_lines" rl JOIN "returns" r ON r."id" = rl."return_id"
        WHERE r."status" NOT IN ('CANCELLED', 'REJECTED') GROUP BY rl."order_line_id") sub
  WHERE ol."id" = sub."order_line_id";
UPDATE "payments" p SET "refunded_minor" = sub.amount
  FROM (SELECT "payment_id", SUM("amount_minor") AS amount FROM "refunds" WHERE "status" <> 'FAILED' GROUP BY "payment_id") sub
  WHERE p."id" = sub."payment_id";
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_returned_within_sold" CHECK ("returned_quantity" >= 0 AND "returned_quantity" <= "quantity");
ALTER TABLE "payments" ADD CONSTRAINT "payments_refunds_within_amount" CHECK ("refunded_minor" >= 0 AND "refunded_minor" <= "amount_minor");

-- Whether a return's lines count against what can still be returned.
CREATE FUNCTION return_counts(status "return_status") RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT status NOT IN ('CANCELLED', 'REJECTED')
$$;

-- Keeps order_lines.returned_quantity equal to the units of the line in counting returns. The UPDATE takes
-- the order line's row lock: a concurrent return of the same line waits, then re-checks the CHECK against
-- the committed count (READ COMMITTED) or fails to serialize (REPEATABLE READ and up). Either way one fails.
CREATE FUNCTION return_lines_count_returned() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND (SELECT return_counts(r."status") FROM "returns" r WHERE r."id" = OLD."return_id") THEN
    UPDATE "order_lines" SET "returned_quantity" = "returned_quantity" - OLD."quantity" WHERE "id" = OLD."order_line_id";
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND (SELECT return_counts(r."status") FROM "returns" r WHERE r."id" = NEW."return_id") THEN
    UPDATE "order_lines" SET "returned_quantity" = "returned_quantity" + NEW."quantity" WHERE "id" = NEW."order_line_id";
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER return_lines_count_returned AFTER INSERT OR DELETE OR UPDATE OF "quantity", "order_line_id", "return_id" ON "return_lines"
  FOR EACH ROW EXECUTE FUNCTION return_lines_count_returned();

-- A return cancelled or rejected gives its units back; one that counts again (never in the workflow) takes them again.
CREATE FUNCTION returns_count_returned() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  sign int;
BEGIN
  IF return_counts(OLD."status") = return_counts(NEW."status") THEN RETURN NULL; END IF;
  sign := CASE WHEN return_counts(NEW."status") THEN 1 ELSE -1 END;
  UPDATE "order_lines" ol SET "returned_quantity" = ol."returned_quantity" + sign * rl."quantity"
    FROM "return_lines" rl WHERE rl."return_id" = NEW."id" AND ol."id" = rl."order_line_id";
  RETURN NULL;
END;
$$;
CREATE TRIGGER returns_count_returned AFTER UPDATE OF "status" ON "returns"
  FOR EACH ROW EXECUTE FUNCTION returns_count_returned();

-- A return line never refunds more than its units cost at the line's price (discounts only lower what was
-- paid), and never less than a refund already recorded for it.
CREATE FUNCTION return_lines_refund_within_price() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  unit_price int;
  recorded bigint;
BEGIN
  SELECT "unit_price_minor" INTO unit_price FROM "order_lines" WHERE "id" = NEW."order_line_id";
  IF NEW."refund_minor" > NEW."quantity"::bigint * unit_price THEN
    RAISE EXCEPTION 'return line % refunds % minor units, more than % units at % cost', NEW."id", NEW."refund_minor", NEW."quantity", unit_price
      USING ERRCODE = 'check_violation', CONSTRAINT = 'return_lines_refund_within_price', TABLE = 'return_lines';
  END IF;
  IF TG_OP = 'UPDATE' THEN
    SELECT "amount_minor" INTO recorded FROM "refunds" WHERE "return_line_id" = NEW."id" AND "status" <> 'FAILED';
    IF recorded IS NOT NULL AND NEW."refund_minor" < recorded THEN
      RAISE EXCEPTION 'return line % already has a refund of %', NEW."id", recorded
        USING ERRCODE = 'check_violation', CONSTRAINT = 'refunds_within_return_line', TABLE = 'return_lines';
    END IF;
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER return_lines_refund_within_price BEFORE INSERT OR UPDATE OF "refund_minor", "quantity", "order_line_id" ON "return_lines"
  FOR EACH ROW EXECUTE FUNCTION return_lines_refund_within_price();

-- A refund is of its own order's payment, in its currency; one for a return line is at most that line's refund.
CREATE FUNCTION refunds_within_paid() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  line_refund bigint;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "payments" p WHERE p."id" = NEW."payment_id" AND p."order_id" = NEW."order_id" AND p."currency" = NEW."currency") THEN
    RAISE EXCEPTION 'refund % is not of a payment of order % in %', NEW."id", NEW."order_id", NEW."currency"
      USING ERRCODE = 'check_violation', CONSTRAINT = 'refunds_match_payment', TABLE = 'refunds';
  END IF;
  IF NEW."return_line_id" IS NOT NULL THEN
    SELECT "refund_minor" INTO line_refund FROM "return_lines" WHERE "id" = NEW."return_line_id" FOR SHARE;
    IF NEW."amount_minor" > line_refund THEN
      RAISE EXCEPTION 'refund of % exceeds the % the return line refunds', NEW."amount_minor", line_refund
        USING ERRCODE = 'check_violation', CONSTRAINT = 'refunds_within_return_line', TABLE = 'refunds';
    END IF;
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER refunds_within_paid BEFORE INSERT OR UPDATE OF "payment_id", "order_id", "currency", "amount_minor", "return_line_id" ON "refunds"
  FOR EACH ROW EXECUTE FUNCTION refunds_within_paid();

-- Keeps payments.refunded_minor equal to the payment's refunds that are not FAILED (pending ones hold their
-- amount: the money may be on its way). The CHECK on it refuses an over-refund, concurrent ones included.
CREATE FUNCTION refunds_count_refunded() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."status" <> 'FAILED' THEN
    UPDATE "payments" SET "refunded_minor" = "refunded_minor" - OLD."amount_minor" WHERE "id" = OLD."payment_id";
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."status" <> 'FAILED' THEN
    UPDATE "payments" SET "refunded_minor" = "refunded_minor" + NEW."amount_minor" WHERE "id" = NEW."payment_id";
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER refunds_count_refunded AFTER INSERT OR DELETE OR UPDATE OF "status", "amount_minor", "payment_id" ON "refunds"
  FOR EACH ROW EXECUTE FUNCTION refunds_count_refunded();
