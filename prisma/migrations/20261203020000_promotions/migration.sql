-- AlterEnum
ALTER TYPE "discount_type" ADD VALUE 'FIXED_PRICE';

-- AlterTable
ALTER TABLE "promotions" ADD COLUMN     "categories" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "ends_local" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "starts_local" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "time_zone" TEXT NOT NULL DEFAULT 'UTC',
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "workflow_starts" ADD COLUMN     "promotion_id" UUID;

-- CreateTable
CREATE TABLE "promotion_price_snapshots" (
    "promotion_id" UUID NOT NULL,
    "channel_id" UUID NOT NULL,
    "product_id" UUID NOT NULL,
    "price_minor" INTEGER,
    "currency" CHAR(3),
    "taken_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "promotion_price_snapshots_pkey" PRIMARY KEY ("promotion_id","channel_id","product_id")
);

-- CreateTable
CREATE TABLE "channel_price_roundings" (
    "channel_id" UUID NOT NULL,
    "step_minor" INTEGER NOT NULL,
    "ending_minor" INTEGER NOT NULL,

    CONSTRAINT "channel_price_roundings_pkey" PRIMARY KEY ("channel_id")
);

-- CreateTable
CREATE TABLE "price_change_batches" (
    "id" UUID NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "promotion_id" UUID NOT NULL,
    "channel_id" UUID NOT NULL,
    "batch" INTEGER NOT NULL,
    "rows" INTEGER NOT NULL,
    "succeeded" INTEGER NOT NULL,
    "failed" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "price_change_batches_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "price_change_batches_idempotency_key_key" ON "price_change_batches"("idempotency_key");

-- CreateIndex
CREATE INDEX "price_change_batches_promotion_id_channel_id_idx" ON "price_change_batches"("promotion_id", "channel_id");

-- CreateIndex
CREATE INDEX "workflow_starts_promotion_id_idx" ON "workflow_starts"("promotion_id");

-- AddForeignKey
ALTER TABLE "workflow_starts" ADD CONSTRAINT "workflow_starts_promotion_id_fkey" FOREIGN KEY ("promotion_id") REFERENCES "promotions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "promotion_price_snapshots" ADD CONSTRAINT "promotion_price_snapshots_promotion_id_fkey" FOREIGN KEY ("promotion_id") REFERENCES "promotions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "price_change_batches" ADD CONSTRAINT "price_change_batches_promotion_id_fkey" FOREIGN KEY ("promotion_id") REFERENCES "promotions"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Rules the schema cannot say
ALTER TABLE "channel_price_roundings" ADD CONSTRAINT "channel_price_roundings_valid" CHECK ("step_minor" >= 1 AND "ending_minor" >= 0 AND "ending_minor" < "step_minor");
ALTER TABLE "price_change_batches" ADD CONSTRAINT "price_change_batches_counts_valid" CHECK ("batch" >= 0 AND "rows" >= 0 AND "succeeded" >= 0 AND "failed" >= 0 AND "succeeded" + "failed" <= "rows");
ALTER TABLE "promotions" ADD CONSTRAINT "promotions_version_positive" CHECK ("version" >= 1);
