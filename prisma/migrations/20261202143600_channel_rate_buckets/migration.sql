-- A channel's client-side token bucket, shared by every worker process (docs/stock-sync.md, "Rate limits with N workers").
-- CreateTable
CREATE TABLE "channel_rate_buckets" (
    "channel_id" UUID NOT NULL,
    "tokens" DOUBLE PRECISION NOT NULL,
    "refilled_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "channel_rate_buckets_pkey" PRIMARY KEY ("channel_id")
);

-- AddForeignKey
ALTER TABLE "channel_rate_buckets" ADD CONSTRAINT "channel_rate_buckets_channel_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "channels"("id") ON DELETE CASCADE ON UPDATE CASCADE;

