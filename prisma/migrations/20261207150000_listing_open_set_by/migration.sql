-- The status push that last set a listing's open flag (stock sync's page key): a retried page push counts the
-- closes and reopens its own killed attempt already recorded instead of reporting 0 for them.
ALTER TABLE "channel_listings" ADD COLUMN "open_set_by" TEXT;
