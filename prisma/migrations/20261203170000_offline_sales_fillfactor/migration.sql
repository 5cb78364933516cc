-- Reconciliation stamps every offline sale once (applied_to_stock_at, updated_at: neither is indexed).
-- Free room on each page lets PostgreSQL make that a heap-only update (no new entry in the table's five
-- indexes), which is most of a reconciliation's cost at a million sales (bench/README.md, reconciliation).
ALTER TABLE "offline_sales" SET (fillfactor = 50);
