-- Opening hours as the store tells its customers (issue #13: the pickup-ready message names them).
ALTER TABLE "stores" ADD COLUMN "opening_hours" TEXT NOT NULL DEFAULT '';
