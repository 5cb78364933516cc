-- Products get a brand (nullable: a product may have none); promotions get a brand rule next to the category rule.

-- AlterTable
ALTER TABLE "products" ADD COLUMN "brand" TEXT;

-- CreateIndex
CREATE INDEX "products_brand_idx" ON "products"("brand");

-- AlterTable
ALTER TABLE "promotions" ADD COLUMN "brands" TEXT[] DEFAULT ARRAY[]::TEXT[];
