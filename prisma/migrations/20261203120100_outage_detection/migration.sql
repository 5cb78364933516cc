-- Scheduled outage detection (docs/outages.md): one row per health check of a channel.

-- CreateTable
CREATE TABLE "channel_health_checks" (
    "id" UUID NOT NULL,
    "channel_id" UUID NOT NULL,
    "checked_at" TIMESTAMPTZ(3) NOT NULL,
    "probe_ok" BOOLEAN NOT NULL,
    "pushes" INTEGER NOT NULL,
    "failed_pushes" INTEGER NOT NULL,
    "failed" BOOLEAN NOT NULL,
    "detail" TEXT,
    "run_id" TEXT NOT NULL,

    CONSTRAINT "channel_health_checks_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "channel_health_checks_run_id_key" ON "channel_health_checks"("run_id");

-- CreateIndex
CREATE INDEX "channel_health_checks_channel_id_checked_at_idx" ON "channel_health_checks"("channel_id", "checked_at");

-- AddForeignKey
ALTER TABLE "channel_health_checks" ADD CONSTRAINT "channel_health_checks_channel_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "channels"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "channel_health_checks" ADD CONSTRAINT "channel_health_checks_counts" CHECK ("pushes" >= 0 AND "failed_pushes" BETWEEN 0 AND "pushes");
