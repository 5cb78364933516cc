-- CreateTable
CREATE TABLE "price_readbacks" (
    "channel_id" UUID NOT NULL,
    "product_id" UUID NOT NULL,
    "listed" BOOLEAN NOT NULL,
    "price_minor" INTEGER,
    "currency" CHAR(3),
    "checked_at" TIMESTAMPTZ(3) NOT NULL,
    "checked_by_user_id" UUID,

    CONSTRAINT "price_readbacks_pkey" PRIMARY KEY ("channel_id","product_id")
);

-- CreateIndex
CREATE INDEX "price_readbacks_product_id_idx" ON "price_readbacks"("product_id");

-- AddForeignKey
ALTER TABLE "price_readbacks" ADD CONSTRAINT "price_readbacks_channel_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "channels"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "price_readbacks" ADD CONSTRAINT "price_readbacks_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

