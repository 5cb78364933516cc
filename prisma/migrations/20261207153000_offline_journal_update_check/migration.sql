-- The offline journal stays append-only (migration 20261203030000_outages), with the check moved into the
-- triggers' WHEN clause: reconciliation stamps every sale once (applied_to_stock_at), and a PL/pgSQL call
-- per stamped row was a measurable share of reconciling a million sales (bench/README.md, reconciliation).
-- The condition is exactly the function's: it now runs only for an update it refuses (and for every
-- DELETE), so what is allowed and what raises is unchanged.
DROP TRIGGER "offline_sales_append_only" ON "offline_sales";
CREATE TRIGGER "offline_sales_append_only" BEFORE UPDATE ON "offline_sales"
  FOR EACH ROW
  WHEN (NEW."store_id" IS DISTINCT FROM OLD."store_id" OR NEW."receipt_number" IS DISTINCT FROM OLD."receipt_number"
     OR NEW."content_hash" IS DISTINCT FROM OLD."content_hash" OR NEW."sold_at" IS DISTINCT FROM OLD."sold_at"
     OR NEW."total_minor" IS DISTINCT FROM OLD."total_minor" OR NEW."currency" IS DISTINCT FROM OLD."currency"
     OR (OLD."applied_to_stock_at" IS NOT NULL AND NEW."applied_to_stock_at" IS DISTINCT FROM OLD."applied_to_stock_at"))
  EXECUTE FUNCTION "reject_offline_sale_change"();
CREATE TRIGGER "offline_sales_no_delete" BEFORE DELETE ON "offline_sales"
  FOR EACH ROW EXECUTE FUNCTION "reject_offline_sale_change"();
