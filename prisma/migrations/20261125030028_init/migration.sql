-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "user_role" AS ENUM ('ADMIN', 'OPS_LEAD', 'STORE_STAFF');

-- CreateEnum
CREATE TYPE "unfulfillable_pickup_policy" AS ENUM ('OFFER_OTHER_STORE', 'CANCEL_AND_REFUND');

-- CreateEnum
CREATE TYPE "channel_kind" AS ENUM ('WEB_STORE', 'MARKETPLACE', 'SOCIAL_CATALOG', 'POS');

-- CreateEnum
CREATE TYPE "channel_status" AS ENUM ('ACTIVE', 'DEGRADED', 'OUTAGE', 'DISABLED');

-- CreateEnum
CREATE TYPE "inventory_movement_kind" AS ENUM ('RECEIVE', 'RESERVE', 'RELEASE', 'CONSUME', 'ADJUST', 'RETURN_RESTOCK', 'WRITE_OFF', 'OFFLINE_SALE', 'RECONCILE');

-- CreateEnum
CREATE TYPE "fulfilment_type" AS ENUM ('PICKUP', 'SHIP', 'IN_STORE');

-- CreateEnum
CREATE TYPE "order_status" AS ENUM ('RECEIVED', 'RESERVED', 'PICKING', 'READY_FOR_PICKUP', 'AWAITING_CUSTOMER_DECISION', 'COLLECTED', 'SHIPPED', 'COMPLETED', 'CANCELLED', 'EXPIRED', 'PARTIALLY_RETURNED', 'RETURNED');

-- CreateEnum
CREATE TYPE "order_line_status" AS ENUM ('PENDING', 'RESERVED', 'PICKED', 'SHORT_PICKED', 'FULFILLED', 'CANCELLED', 'RETURNED');

-- CreateEnum
CREATE TYPE "payment_status" AS ENUM ('PENDING', 'AUTHORIZED', 'CAPTURED', 'PARTIALLY_REFUNDED', 'REFUNDED', 'VOIDED', 'FAILED');

-- CreateEnum
CREATE TYPE "refund_status" AS ENUM ('PENDING', 'SUCCEEDED', 'FAILED');

-- CreateEnum
CREATE TYPE "return_status" AS ENUM ('REQUESTED', 'AWAITING_APPROVAL', 'APPROVED', 'REJECTED', 'RECEIVED', 'INSPECTED', 'REFUND_PENDING', 'REFUNDED', 'CLOSED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "return_item_condition" AS ENUM ('UNOPENED', 'AS_NEW', 'USED', 'DAMAGED', 'DEFECTIVE');

-- CreateEnum
CREATE TYPE "return_disposition" AS ENUM ('RESTOCK', 'WRITE_OFF');

-- CreateEnum
CREATE TYPE "discount_type" AS ENUM ('PERCENT', 'FIXED');

-- CreateEnum
CREATE TYPE "promotion_status" AS ENUM ('DRAFT', 'PENDING_APPROVAL', 'APPROVED', 'SCHEDULED', 'ACTIVE', 'ROLLING_BACK', 'ENDED', 'FAILED', 'REJECTED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "rollout_status" AS ENUM ('PENDING', 'IN_PROGRESS', 'APPLIED', 'VERIFIED', 'FAILED', 'ROLLING_BACK', 'ROLLED_BACK');

-- CreateEnum
CREATE TYPE "price_change_status" AS ENUM ('APPLIED', 'REVERTED', 'FAILED');

-- CreateEnum
CREATE TYPE "outage_status" AS ENUM ('ACTIVE', 'RECOVERING', 'RECONCILING', 'RESOLVED');

-- CreateEnum
CREATE TYPE "reconciliation_status" AS ENUM ('RUNNING', 'AWAITING_REVIEW', 'COMPLETED', 'FAILED');

-- CreateEnum
CREATE TYPE "discrepancy_resolution" AS ENUM ('PENDING', 'AUTO_FIXED', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "task_type" AS ENUM ('PICK', 'HANDOVER', 'RETURN_INSPECTION', 'APPROVAL', 'RECONCILIATION_REVIEW', 'STOCK_COUNT', 'CUSTOMER_SERVICE', 'ESCALATION');

-- CreateEnum
CREATE TYPE "task_status" AS ENUM ('OPEN', 'CLAIMED', 'DONE', 'CANCELLED', 'EXPIRED', 'LOCKED');

-- CreateEnum
CREATE TYPE "task_queue" AS ENUM ('STORE', 'MANAGER', 'OPS', 'CUSTOMER_SERVICE', 'ADMIN');

-- CreateEnum
CREATE TYPE "notification_channel" AS ENUM ('SMS', 'WHATSAPP', 'EMAIL');

-- CreateEnum
CREATE TYPE "notification_status" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- CreateTable
CREATE TABLE "stores" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "time_zone" TEXT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "pick_sla_minutes" INTEGER NOT NULL DEFAULT 120,
    "pickup_reminder_minutes" INTEGER[] DEFAULT ARRAY[1440, 2880]::INTEGER[],
    "pickup_expiry_hours" INTEGER NOT NULL DEFAULT 72,
    "unfulfillable_policy" "unfulfillable_pickup_policy" NOT NULL DEFAULT 'OFFER_OTHER_STORE',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "stores_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "user_role" NOT NULL,
    "store_id" UUID,
    "is_store_manager" BOOLEAN NOT NULL DEFAULT false,
    "password_hash" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "last_login_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "id" UUID NOT NULL,
    "actor_user_id" UUID,
    "actor_label" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "workflow_id" TEXT,
    "request_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "channels" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "channel_kind" NOT NULL,
    "status" "channel_status" NOT NULL DEFAULT 'ACTIVE',
    "base_url" TEXT NOT NULL,
    "requests_per_second" INTEGER NOT NULL,
    "burst" INTEGER NOT NULL,
    "per_item_cost" BOOLEAN NOT NULL DEFAULT false,
    "max_batch_size" INTEGER NOT NULL,
    "async_jobs" BOOLEAN NOT NULL DEFAULT false,
    "safety_buffer" INTEGER NOT NULL DEFAULT 0,
    "close_listing_at_or_below" INTEGER NOT NULL DEFAULT 0,
    "webhook_secret" TEXT NOT NULL,
    "last_healthy_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "channels_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "products" (
    "id" UUID NOT NULL,
    "sku" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "base_price_minor" INTEGER NOT NULL,
    "floor_price_minor" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "products_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "channel_listings" (
    "id" UUID NOT NULL,
    "channel_id" UUID NOT NULL,
    "product_id" UUID NOT NULL,
    "published_price_minor" INTEGER,
    "published_stock" INTEGER,
    "currency" CHAR(3) NOT NULL,
    "open" BOOLEAN NOT NULL DEFAULT true,
    "last_pushed_at" TIMESTAMPTZ(3),
    "last_verified_at" TIMESTAMPTZ(3),
    "verified_price_minor" INTEGER,
    "verified_stock" INTEGER,
    "verified_open" BOOLEAN,
    "drift_detected_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "channel_listings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "inventory_levels" (
    "id" UUID NOT NULL,
    "store_id" UUID NOT NULL,
    "product_id" UUID NOT NULL,
    "on_hand" INTEGER NOT NULL DEFAULT 0,
    "reserved" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "inventory_levels_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "inventory_movements" (
    "id" UUID NOT NULL,
    "store_id" UUID NOT NULL,
    "product_id" UUID NOT NULL,
    "kind" "inventory_movement_kind" NOT NULL,
    "delta_on_hand" INTEGER NOT NULL,
    "delta_reserved" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "actor_user_id" UUID,
    "actor_label" TEXT NOT NULL,
    "workflow_id" TEXT,
    "idempotency_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "inventory_movements_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "customers" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "email" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "customers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "customer_channel_identities" (
    "id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "channel_id" UUID NOT NULL,
    "external_customer_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "customer_channel_identities_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "orders" (
    "id" UUID NOT NULL,
    "channel_id" UUID NOT NULL,
    "external_id" TEXT NOT NULL,
    "customer_id" UUID,
    "fulfilment_type" "fulfilment_type" NOT NULL,
    "pickup_store_id" UUID,
    "status" "order_status" NOT NULL DEFAULT 'RECEIVED',
    "pickup_code_hash" TEXT,
    "currency" CHAR(3) NOT NULL,
    "total_minor" INTEGER NOT NULL,
    "placed_at" TIMESTAMPTZ(3) NOT NULL,
    "ready_for_pickup_at" TIMESTAMPTZ(3),
    "collected_at" TIMESTAMPTZ(3),
    "cancelled_at" TIMESTAMPTZ(3),
    "cancel_reason" TEXT,
    "workflow_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "orders_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "order_lines" (
    "id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "product_id" UUID NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unit_price_minor" INTEGER NOT NULL,
    "picked_quantity" INTEGER NOT NULL DEFAULT 0,
    "status" "order_line_status" NOT NULL DEFAULT 'PENDING',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "order_lines_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payments" (
    "id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "channel_id" UUID NOT NULL,
    "provider" TEXT NOT NULL,
    "external_ref" TEXT NOT NULL,
    "amount_minor" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "status" "payment_status" NOT NULL DEFAULT 'PENDING',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "payments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "refunds" (
    "id" UUID NOT NULL,
    "payment_id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "return_id" UUID,
    "amount_minor" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "refund_status" NOT NULL DEFAULT 'PENDING',
    "idempotency_key" TEXT NOT NULL,
    "external_ref" TEXT,
    "failure_reason" TEXT,
    "completed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "refunds_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "returns" (
    "id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "status" "return_status" NOT NULL DEFAULT 'REQUESTED',
    "reason" TEXT NOT NULL,
    "received_at_store_id" UUID,
    "received_at" TIMESTAMPTZ(3),
    "requested_by_user_id" UUID,
    "requested_by_label" TEXT NOT NULL,
    "approved_by_user_id" UUID,
    "approved_at" TIMESTAMPTZ(3),
    "workflow_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "returns_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "return_lines" (
    "id" UUID NOT NULL,
    "return_id" UUID NOT NULL,
    "order_line_id" UUID NOT NULL,
    "quantity" INTEGER NOT NULL,
    "condition" "return_item_condition",
    "disposition" "return_disposition",
    "refund_minor" INTEGER NOT NULL DEFAULT 0,
    "inspected_at" TIMESTAMPTZ(3),
    "inspected_by_user_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "return_lines_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "promotions" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "discount_type" "discount_type" NOT NULL,
    "discount_value" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "status" "promotion_status" NOT NULL DEFAULT 'DRAFT',
    "requested_by_user_id" UUID NOT NULL,
    "approved_by_user_id" UUID,
    "approved_at" TIMESTAMPTZ(3),
    "rejection_reason" TEXT,
    "workflow_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "promotions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "promotion_skus" (
    "promotion_id" UUID NOT NULL,
    "product_id" UUID NOT NULL,

    CONSTRAINT "promotion_skus_pkey" PRIMARY KEY ("promotion_id","product_id")
);

-- CreateTable
CREATE TABLE "promotion_channels" (
    "promotion_id" UUID NOT NULL,
    "channel_id" UUID NOT NULL,

    CONSTRAINT "promotion_channels_pkey" PRIMARY KEY ("promotion_id","channel_id")
);

-- CreateTable
CREATE TABLE "promotion_channel_rollouts" (
    "id" UUID NOT NULL,
    "promotion_id" UUID NOT NULL,
    "channel_id" UUID NOT NULL,
    "status" "rollout_status" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "started_at" TIMESTAMPTZ(3),
    "verified_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "promotion_channel_rollouts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "price_changes" (
    "id" UUID NOT NULL,
    "promotion_id" UUID,
    "channel_id" UUID NOT NULL,
    "product_id" UUID NOT NULL,
    "old_price_minor" INTEGER NOT NULL,
    "new_price_minor" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "status" "price_change_status" NOT NULL,
    "failure_reason" TEXT,
    "applied_at" TIMESTAMPTZ(3),
    "reverted_at" TIMESTAMPTZ(3),
    "idempotency_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "price_changes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outages" (
    "id" UUID NOT NULL,
    "channel_id" UUID,
    "status" "outage_status" NOT NULL DEFAULT 'ACTIVE',
    "cause" TEXT NOT NULL,
    "detected_at" TIMESTAMPTZ(3) NOT NULL,
    "resolved_at" TIMESTAMPTZ(3),
    "workflow_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "outages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "offline_sales" (
    "id" UUID NOT NULL,
    "store_id" UUID NOT NULL,
    "receipt_number" TEXT NOT NULL,
    "outage_id" UUID,
    "sold_at" TIMESTAMPTZ(3) NOT NULL,
    "recorded_by_user_id" UUID NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "total_minor" INTEGER NOT NULL,
    "applied_to_stock_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "offline_sales_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "offline_sale_lines" (
    "id" UUID NOT NULL,
    "offline_sale_id" UUID NOT NULL,
    "product_id" UUID NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unit_price_minor" INTEGER NOT NULL,

    CONSTRAINT "offline_sale_lines_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reconciliations" (
    "id" UUID NOT NULL,
    "outage_id" UUID,
    "status" "reconciliation_status" NOT NULL DEFAULT 'RUNNING',
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "finished_at" TIMESTAMPTZ(3),
    "summary" JSONB NOT NULL DEFAULT '{}',
    "workflow_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "reconciliations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "discrepancies" (
    "id" UUID NOT NULL,
    "reconciliation_id" UUID NOT NULL,
    "store_id" UUID,
    "channel_id" UUID,
    "product_id" UUID NOT NULL,
    "journal_qty" INTEGER,
    "system_qty" INTEGER,
    "channel_qty" INTEGER,
    "delta" INTEGER NOT NULL,
    "resolution" "discrepancy_resolution" NOT NULL DEFAULT 'PENDING',
    "resolved_by_user_id" UUID,
    "resolved_at" TIMESTAMPTZ(3),
    "note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "discrepancies_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tasks" (
    "id" UUID NOT NULL,
    "type" "task_type" NOT NULL,
    "queue" "task_queue" NOT NULL,
    "status" "task_status" NOT NULL DEFAULT 'OPEN',
    "title" TEXT NOT NULL,
    "store_id" UUID,
    "workflow_id" TEXT NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "assignee_user_id" UUID,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "outcome" JSONB,
    "due_at" TIMESTAMPTZ(3),
    "completed_at" TIMESTAMPTZ(3),
    "completed_by_user_id" UUID,
    "failed_attempts" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "tasks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" UUID NOT NULL,
    "channel" "notification_channel" NOT NULL,
    "recipient" TEXT NOT NULL,
    "customer_id" UUID,
    "template" TEXT NOT NULL,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "status" "notification_status" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "idempotency_key" TEXT NOT NULL,
    "sent_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "stores_code_key" ON "stores"("code");

-- CreateIndex
CREATE INDEX "stores_active_idx" ON "stores"("active");

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE INDEX "users_store_id_idx" ON "users"("store_id");

-- CreateIndex
CREATE INDEX "users_role_idx" ON "users"("role");

-- CreateIndex
CREATE INDEX "audit_events_entity_type_entity_id_idx" ON "audit_events"("entity_type", "entity_id");

-- CreateIndex
CREATE INDEX "audit_events_created_at_idx" ON "audit_events"("created_at");

-- CreateIndex
CREATE INDEX "audit_events_actor_user_id_idx" ON "audit_events"("actor_user_id");

-- CreateIndex
CREATE INDEX "audit_events_workflow_id_idx" ON "audit_events"("workflow_id");

-- CreateIndex
CREATE UNIQUE INDEX "channels_code_key" ON "channels"("code");

-- CreateIndex
CREATE INDEX "channels_status_idx" ON "channels"("status");

-- CreateIndex
CREATE UNIQUE INDEX "products_sku_key" ON "products"("sku");

-- CreateIndex
CREATE INDEX "products_category_idx" ON "products"("category");

-- CreateIndex
CREATE INDEX "products_name_idx" ON "products"("name");

-- CreateIndex
CREATE INDEX "products_active_idx" ON "products"("active");

-- CreateIndex
CREATE INDEX "channel_listings_product_id_idx" ON "channel_listings"("product_id");

-- CreateIndex
CREATE INDEX "channel_listings_channel_id_open_idx" ON "channel_listings"("channel_id", "open");

-- CreateIndex
CREATE INDEX "channel_listings_channel_id_drift_detected_at_idx" ON "channel_listings"("channel_id", "drift_detected_at");

-- CreateIndex
CREATE UNIQUE INDEX "channel_listings_channel_id_product_id_key" ON "channel_listings"("channel_id", "product_id");

-- CreateIndex
CREATE INDEX "inventory_levels_product_id_idx" ON "inventory_levels"("product_id");

-- CreateIndex
CREATE UNIQUE INDEX "inventory_levels_store_id_product_id_key" ON "inventory_levels"("store_id", "product_id");

-- CreateIndex
CREATE UNIQUE INDEX "inventory_movements_idempotency_key_key" ON "inventory_movements"("idempotency_key");

-- CreateIndex
CREATE INDEX "inventory_movements_store_id_product_id_created_at_idx" ON "inventory_movements"("store_id", "product_id", "created_at");

-- CreateIndex
CREATE INDEX "inventory_movements_product_id_idx" ON "inventory_movements"("product_id");

-- CreateIndex
CREATE INDEX "inventory_movements_actor_user_id_idx" ON "inventory_movements"("actor_user_id");

-- CreateIndex
CREATE INDEX "inventory_movements_kind_idx" ON "inventory_movements"("kind");

-- CreateIndex
CREATE INDEX "inventory_movements_workflow_id_idx" ON "inventory_movements"("workflow_id");

-- CreateIndex
CREATE INDEX "inventory_movements_created_at_idx" ON "inventory_movements"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "customers_phone_key" ON "customers"("phone");

-- CreateIndex
CREATE UNIQUE INDEX "customers_email_key" ON "customers"("email");

-- CreateIndex
CREATE INDEX "customers_name_idx" ON "customers"("name");

-- CreateIndex
CREATE INDEX "customer_channel_identities_customer_id_idx" ON "customer_channel_identities"("customer_id");

-- CreateIndex
CREATE UNIQUE INDEX "customer_channel_identities_channel_id_external_customer_id_key" ON "customer_channel_identities"("channel_id", "external_customer_id");

-- CreateIndex
CREATE INDEX "orders_customer_id_idx" ON "orders"("customer_id");

-- CreateIndex
CREATE INDEX "orders_pickup_store_id_status_idx" ON "orders"("pickup_store_id", "status");

-- CreateIndex
CREATE INDEX "orders_status_placed_at_idx" ON "orders"("status", "placed_at");

-- CreateIndex
CREATE INDEX "orders_placed_at_idx" ON "orders"("placed_at");

-- CreateIndex
CREATE INDEX "orders_workflow_id_idx" ON "orders"("workflow_id");

-- CreateIndex
CREATE UNIQUE INDEX "orders_channel_id_external_id_key" ON "orders"("channel_id", "external_id");

-- CreateIndex
CREATE INDEX "order_lines_order_id_idx" ON "order_lines"("order_id");

-- CreateIndex
CREATE INDEX "order_lines_product_id_idx" ON "order_lines"("product_id");

-- CreateIndex
CREATE INDEX "payments_order_id_idx" ON "payments"("order_id");

-- CreateIndex
CREATE INDEX "payments_status_idx" ON "payments"("status");

-- CreateIndex
CREATE UNIQUE INDEX "payments_channel_id_external_ref_key" ON "payments"("channel_id", "external_ref");

-- CreateIndex
CREATE UNIQUE INDEX "refunds_idempotency_key_key" ON "refunds"("idempotency_key");

-- CreateIndex
CREATE INDEX "refunds_payment_id_idx" ON "refunds"("payment_id");

-- CreateIndex
CREATE INDEX "refunds_order_id_idx" ON "refunds"("order_id");

-- CreateIndex
CREATE INDEX "refunds_return_id_idx" ON "refunds"("return_id");

-- CreateIndex
CREATE INDEX "refunds_status_created_at_idx" ON "refunds"("status", "created_at");

-- CreateIndex
CREATE INDEX "returns_order_id_idx" ON "returns"("order_id");

-- CreateIndex
CREATE INDEX "returns_received_at_store_id_status_idx" ON "returns"("received_at_store_id", "status");

-- CreateIndex
CREATE INDEX "returns_status_created_at_idx" ON "returns"("status", "created_at");

-- CreateIndex
CREATE INDEX "returns_requested_by_user_id_idx" ON "returns"("requested_by_user_id");

-- CreateIndex
CREATE INDEX "returns_approved_by_user_id_idx" ON "returns"("approved_by_user_id");

-- CreateIndex
CREATE INDEX "returns_workflow_id_idx" ON "returns"("workflow_id");

-- CreateIndex
CREATE INDEX "return_lines_return_id_idx" ON "return_lines"("return_id");

-- CreateIndex
CREATE INDEX "return_lines_order_line_id_idx" ON "return_lines"("order_line_id");

-- CreateIndex
CREATE INDEX "return_lines_inspected_by_user_id_idx" ON "return_lines"("inspected_by_user_id");

-- CreateIndex
CREATE INDEX "promotions_status_starts_at_idx" ON "promotions"("status", "starts_at");

-- CreateIndex
CREATE INDEX "promotions_requested_by_user_id_idx" ON "promotions"("requested_by_user_id");

-- CreateIndex
CREATE INDEX "promotions_approved_by_user_id_idx" ON "promotions"("approved_by_user_id");

-- CreateIndex
CREATE INDEX "promotions_workflow_id_idx" ON "promotions"("workflow_id");

-- CreateIndex
CREATE INDEX "promotion_skus_product_id_idx" ON "promotion_skus"("product_id");

-- CreateIndex
CREATE INDEX "promotion_channels_channel_id_idx" ON "promotion_channels"("channel_id");

-- CreateIndex
CREATE INDEX "promotion_channel_rollouts_channel_id_idx" ON "promotion_channel_rollouts"("channel_id");

-- CreateIndex
CREATE UNIQUE INDEX "promotion_channel_rollouts_promotion_id_channel_id_key" ON "promotion_channel_rollouts"("promotion_id", "channel_id");

-- CreateIndex
CREATE UNIQUE INDEX "price_changes_idempotency_key_key" ON "price_changes"("idempotency_key");

-- CreateIndex
CREATE INDEX "price_changes_promotion_id_channel_id_status_idx" ON "price_changes"("promotion_id", "channel_id", "status");

-- CreateIndex
CREATE INDEX "price_changes_channel_id_product_id_idx" ON "price_changes"("channel_id", "product_id");

-- CreateIndex
CREATE INDEX "price_changes_product_id_idx" ON "price_changes"("product_id");

-- CreateIndex
CREATE INDEX "price_changes_created_at_idx" ON "price_changes"("created_at");

-- CreateIndex
CREATE INDEX "outages_channel_id_status_idx" ON "outages"("channel_id", "status");

-- CreateIndex
CREATE INDEX "outages_status_detected_at_idx" ON "outages"("status", "detected_at");

-- CreateIndex
CREATE INDEX "outages_workflow_id_idx" ON "outages"("workflow_id");

-- CreateIndex
CREATE INDEX "offline_sales_outage_id_idx" ON "offline_sales"("outage_id");

-- CreateIndex
CREATE INDEX "offline_sales_recorded_by_user_id_idx" ON "offline_sales"("recorded_by_user_id");

-- CreateIndex
CREATE INDEX "offline_sales_sold_at_idx" ON "offline_sales"("sold_at");

-- CreateIndex
CREATE UNIQUE INDEX "offline_sales_store_id_receipt_number_key" ON "offline_sales"("store_id", "receipt_number");

-- CreateIndex
CREATE INDEX "offline_sale_lines_offline_sale_id_idx" ON "offline_sale_lines"("offline_sale_id");

-- CreateIndex
CREATE INDEX "offline_sale_lines_product_id_idx" ON "offline_sale_lines"("product_id");

-- CreateIndex
CREATE INDEX "reconciliations_outage_id_idx" ON "reconciliations"("outage_id");

-- CreateIndex
CREATE INDEX "reconciliations_status_started_at_idx" ON "reconciliations"("status", "started_at");

-- CreateIndex
CREATE INDEX "reconciliations_workflow_id_idx" ON "reconciliations"("workflow_id");

-- CreateIndex
CREATE INDEX "discrepancies_reconciliation_id_resolution_idx" ON "discrepancies"("reconciliation_id", "resolution");

-- CreateIndex
CREATE INDEX "discrepancies_store_id_idx" ON "discrepancies"("store_id");

-- CreateIndex
CREATE INDEX "discrepancies_channel_id_idx" ON "discrepancies"("channel_id");

-- CreateIndex
CREATE INDEX "discrepancies_product_id_idx" ON "discrepancies"("product_id");

-- CreateIndex
CREATE INDEX "discrepancies_resolved_by_user_id_idx" ON "discrepancies"("resolved_by_user_id");

-- CreateIndex
CREATE UNIQUE INDEX "tasks_idempotency_key_key" ON "tasks"("idempotency_key");

-- CreateIndex
CREATE INDEX "tasks_store_id_status_due_at_idx" ON "tasks"("store_id", "status", "due_at");

-- CreateIndex
CREATE INDEX "tasks_queue_status_due_at_idx" ON "tasks"("queue", "status", "due_at");

-- CreateIndex
CREATE INDEX "tasks_assignee_user_id_status_idx" ON "tasks"("assignee_user_id", "status");

-- CreateIndex
CREATE INDEX "tasks_completed_by_user_id_idx" ON "tasks"("completed_by_user_id");

-- CreateIndex
CREATE INDEX "tasks_workflow_id_idx" ON "tasks"("workflow_id");

-- CreateIndex
CREATE UNIQUE INDEX "notifications_idempotency_key_key" ON "notifications"("idempotency_key");

-- CreateIndex
CREATE INDEX "notifications_status_created_at_idx" ON "notifications"("status", "created_at");

-- CreateIndex
CREATE INDEX "notifications_customer_id_idx" ON "notifications"("customer_id");

-- AddForeignKey
ALTER TABLE "users" ADD CONSTRAINT "users_store_id_fkey" FOREIGN KEY ("store_id") REFERENCES "stores"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_user_id_fkey" FOREIGN KEY ("actor_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "channel_listings" ADD CONSTRAINT "channel_listings_channel_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "channels"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "channel_listings" ADD CONSTRAINT "channel_listings_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inventory_levels" ADD CONSTRAINT "inventory_levels_store_id_fkey" FOREIGN KEY ("store_id") REFERENCES "stores"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inventory_levels" ADD CONSTRAINT "inventory_levels_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inventory_movements" ADD CONSTRAINT "inventory_movements_store_id_fkey" FOREIGN KEY ("store_id") REFERENCES "stores"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inventory_movements" ADD CONSTRAINT "inventory_movements_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inventory_movements" ADD CONSTRAINT "inventory_movements_actor_user_id_fkey" FOREIGN KEY ("actor_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "customer_channel_identities" ADD CONSTRAINT "customer_channel_identities_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "customer_channel_identities" ADD CONSTRAINT "customer_channel_identities_channel_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "channels"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "orders" ADD CONSTRAINT "orders_channel_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "channels"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "orders" ADD CONSTRAINT "orders_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "orders" ADD CONSTRAINT "orders_pickup_store_id_fkey" FOREIGN KEY ("pickup_store_id") REFERENCES "stores"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payments" ADD CONSTRAINT "payments_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payments" ADD CONSTRAINT "payments_channel_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "channels"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "payments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_return_id_fkey" FOREIGN KEY ("return_id") REFERENCES "returns"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "returns" ADD CONSTRAINT "returns_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "returns" ADD CONSTRAINT "returns_received_at_store_id_fkey" FOREIGN KEY ("received_at_store_id") REFERENCES "stores"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "returns" ADD CONSTRAINT "returns_requested_by_user_id_fkey" FOREIGN KEY ("requested_by_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "returns" ADD CONSTRAINT "returns_approved_by_user_id_fkey" FOREIGN KEY ("approved_by_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "return_lines" ADD CONSTRAINT "return_lines_return_id_fkey" FOREIGN KEY ("return_id") REFERENCES "returns"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "return_lines" ADD CONSTRAINT "return_lines_order_line_id_fkey" FOREIGN KEY ("order_line_id") REFERENCES "order_lines"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "return_lines" ADD CONSTRAINT "return_lines_inspected_by_user_id_fkey" FOREIGN KEY ("inspected_by_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "promotions" ADD CONSTRAINT "promotions_requested_by_user_id_fkey" FOREIGN KEY ("requested_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "promotions" ADD CONSTRAINT "promotions_approved_by_user_id_fkey" FOREIGN KEY ("approved_by_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "promotion_skus" ADD CONSTRAINT "promotion_skus_promotion_id_fkey" FOREIGN KEY ("promotion_id") REFERENCES "promotions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "promotion_skus" ADD CONSTRAINT "promotion_skus_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "promotion_channels" ADD CONSTRAINT "promotion_channels_promotion_id_fkey" FOREIGN KEY ("promotion_id") REFERENCES "promotions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "promotion_channels" ADD CONSTRAINT "promotion_channels_channel_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "channels"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "promotion_channel_rollouts" ADD CONSTRAINT "promotion_channel_rollouts_promotion_id_fkey" FOREIGN KEY ("promotion_id") REFERENCES "promotions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "promotion_channel_rollouts" ADD CONSTRAINT "promotion_channel_rollouts_channel_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "channels"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "price_changes" ADD CONSTRAINT "price_changes_promotion_id_fkey" FOREIGN KEY ("promotion_id") REFERENCES "promotions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "price_changes" ADD CONSTRAINT "price_changes_channel_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "channels"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "price_changes" ADD CONSTRAINT "price_changes_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outages" ADD CONSTRAINT "outages_channel_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "channels"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "offline_sales" ADD CONSTRAINT "offline_sales_store_id_fkey" FOREIGN KEY ("store_id") REFERENCES "stores"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "offline_sales" ADD CONSTRAINT "offline_sales_outage_id_fkey" FOREIGN KEY ("outage_id") REFERENCES "outages"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "offline_sales" ADD CONSTRAINT "offline_sales_recorded_by_user_id_fkey" FOREIGN KEY ("recorded_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "offline_sale_lines" ADD CONSTRAINT "offline_sale_lines_offline_sale_id_fkey" FOREIGN KEY ("offline_sale_id") REFERENCES "offline_sales"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "offline_sale_lines" ADD CONSTRAINT "offline_sale_lines_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reconciliations" ADD CONSTRAINT "reconciliations_outage_id_fkey" FOREIGN KEY ("outage_id") REFERENCES "outages"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "discrepancies" ADD CONSTRAINT "discrepancies_reconciliation_id_fkey" FOREIGN KEY ("reconciliation_id") REFERENCES "reconciliations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "discrepancies" ADD CONSTRAINT "discrepancies_store_id_fkey" FOREIGN KEY ("store_id") REFERENCES "stores"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "discrepancies" ADD CONSTRAINT "discrepancies_channel_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "channels"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "discrepancies" ADD CONSTRAINT "discrepancies_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "discrepancies" ADD CONSTRAINT "discrepancies_resolved_by_user_id_fkey" FOREIGN KEY ("resolved_by_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_store_id_fkey" FOREIGN KEY ("store_id") REFERENCES "stores"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_assignee_user_id_fkey" FOREIGN KEY ("assignee_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_completed_by_user_id_fkey" FOREIGN KEY ("completed_by_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- =====================================================================================================
-- Hand-written below this line: rules Prisma's schema language cannot express. `prisma migrate diff`
-- ignores CHECK constraints and triggers, so they survive regenerating the part above; keep them here.
-- =====================================================================================================

-- Currencies are ISO 4217 codes.
ALTER TABLE "stores" ADD CONSTRAINT "stores_currency_iso" CHECK ("currency" ~ '^[A-Z]{3}$');
ALTER TABLE "products" ADD CONSTRAINT "products_currency_iso" CHECK ("currency" ~ '^[A-Z]{3}$');
ALTER TABLE "channel_listings" ADD CONSTRAINT "channel_listings_currency_iso" CHECK ("currency" ~ '^[A-Z]{3}$');
ALTER TABLE "orders" ADD CONSTRAINT "orders_currency_iso" CHECK ("currency" ~ '^[A-Z]{3}$');
ALTER TABLE "payments" ADD CONSTRAINT "payments_currency_iso" CHECK ("currency" ~ '^[A-Z]{3}$');
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_currency_iso" CHECK ("currency" ~ '^[A-Z]{3}$');
ALTER TABLE "promotions" ADD CONSTRAINT "promotions_currency_iso" CHECK ("currency" ~ '^[A-Z]{3}$');
ALTER TABLE "price_changes" ADD CONSTRAINT "price_changes_currency_iso" CHECK ("currency" ~ '^[A-Z]{3}$');
ALTER TABLE "offline_sales" ADD CONSTRAINT "offline_sales_currency_iso" CHECK ("currency" ~ '^[A-Z]{3}$');

-- Stores: pickup timings are positive; reminders are ascending minutes after "ready for pickup".
ALTER TABLE "stores" ADD CONSTRAINT "stores_pick_sla_positive" CHECK ("pick_sla_minutes" > 0);
ALTER TABLE "stores" ADD CONSTRAINT "stores_pickup_expiry_positive" CHECK ("pickup_expiry_hours" > 0);
ALTER TABLE "stores" ADD CONSTRAINT "stores_pickup_reminders_positive" CHECK (0 < ALL ("pickup_reminder_minutes"));

-- Users: e-mail stored lower-case; store staff belong to a store; only staff can be store managers.
ALTER TABLE "users" ADD CONSTRAINT "users_email_lower_case" CHECK ("email" = lower("email"));
ALTER TABLE "users" ADD CONSTRAINT "users_staff_have_store" CHECK ("role" <> 'STORE_STAFF' OR "store_id" IS NOT NULL);
ALTER TABLE "users" ADD CONSTRAINT "users_managers_are_staff" CHECK (NOT "is_store_manager" OR "role" = 'STORE_STAFF');

-- Channels: a usable rate-limit profile and non-negative stock rules.
ALTER TABLE "channels" ADD CONSTRAINT "channels_rate_limit_positive" CHECK ("requests_per_second" > 0 AND "burst" > 0 AND "max_batch_size" > 0);
ALTER TABLE "channels" ADD CONSTRAINT "channels_stock_rules_non_negative" CHECK ("safety_buffer" >= 0 AND "close_listing_at_or_below" >= 0);

-- Products: prices are not negative and the floor is never above the base price.
ALTER TABLE "products" ADD CONSTRAINT "products_prices_valid" CHECK ("floor_price_minor" >= 0 AND "floor_price_minor" <= "base_price_minor");

ALTER TABLE "channel_listings" ADD CONSTRAINT "channel_listings_published_non_negative" CHECK (coalesce("published_price_minor", 0) >= 0 AND coalesce("published_stock", 0) >= 0);

-- Inventory: stock never negative, never more reserved than on hand (the last line of defence against
-- overselling; reservations are conditional updates that this makes impossible to get wrong).
ALTER TABLE "inventory_levels" ADD CONSTRAINT "inventory_levels_on_hand_non_negative" CHECK ("on_hand" >= 0);
ALTER TABLE "inventory_levels" ADD CONSTRAINT "inventory_levels_reserved_non_negative" CHECK ("reserved" >= 0);
ALTER TABLE "inventory_levels" ADD CONSTRAINT "inventory_levels_reserved_within_on_hand" CHECK ("reserved" <= "on_hand");
-- A ledger row that changes nothing records nothing.
ALTER TABLE "inventory_movements" ADD CONSTRAINT "inventory_movements_changes_something" CHECK ("delta_on_hand" <> 0 OR "delta_reserved" <> 0);

-- Customers: phone in E.164, e-mail lower-case (each unique when present, by their unique indexes).
ALTER TABLE "customers" ADD CONSTRAINT "customers_phone_e164" CHECK ("phone" ~ '^\+[1-9][0-9]{6,14}$');
ALTER TABLE "customers" ADD CONSTRAINT "customers_email_lower_case" CHECK ("email" = lower("email") AND "email" LIKE '%_@_%');

-- Orders.
ALTER TABLE "orders" ADD CONSTRAINT "orders_total_non_negative" CHECK ("total_minor" >= 0);
ALTER TABLE "orders" ADD CONSTRAINT "orders_pickup_has_store" CHECK ("fulfilment_type" <> 'PICKUP' OR "pickup_store_id" IS NOT NULL);
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_quantity_positive" CHECK ("quantity" > 0);
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_unit_price_non_negative" CHECK ("unit_price_minor" >= 0);
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_picked_within_quantity" CHECK ("picked_quantity" >= 0 AND "picked_quantity" <= "quantity");

-- Money movements.
ALTER TABLE "payments" ADD CONSTRAINT "payments_amount_non_negative" CHECK ("amount_minor" >= 0);
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_amount_positive" CHECK ("amount_minor" > 0);

-- Returns: four-eyes approval; quantities and refunds sane.
ALTER TABLE "returns" ADD CONSTRAINT "returns_approver_is_not_requester" CHECK ("approved_by_user_id" <> "requested_by_user_id");
ALTER TABLE "return_lines" ADD CONSTRAINT "return_lines_quantity_positive" CHECK ("quantity" > 0);
ALTER TABLE "return_lines" ADD CONSTRAINT "return_lines_refund_non_negative" CHECK ("refund_minor" >= 0);

-- Promotions: four-eyes approval, a real discount, a window that ends after it starts.
ALTER TABLE "promotions" ADD CONSTRAINT "promotions_approver_is_not_requester" CHECK ("approved_by_user_id" <> "requested_by_user_id");
ALTER TABLE "promotions" ADD CONSTRAINT "promotions_discount_valid" CHECK ("discount_value" > 0 AND ("discount_type" <> 'PERCENT' OR "discount_value" <= 99));
ALTER TABLE "promotions" ADD CONSTRAINT "promotions_window_valid" CHECK ("ends_at" > "starts_at");
ALTER TABLE "promotion_channel_rollouts" ADD CONSTRAINT "promotion_channel_rollouts_attempts_non_negative" CHECK ("attempts" >= 0);
ALTER TABLE "price_changes" ADD CONSTRAINT "price_changes_prices_non_negative" CHECK ("old_price_minor" >= 0 AND "new_price_minor" >= 0);

-- Outages and offline sales.
ALTER TABLE "outages" ADD CONSTRAINT "outages_resolved_after_detected" CHECK ("resolved_at" IS NULL OR "resolved_at" >= "detected_at");
ALTER TABLE "offline_sales" ADD CONSTRAINT "offline_sales_total_non_negative" CHECK ("total_minor" >= 0);
ALTER TABLE "offline_sale_lines" ADD CONSTRAINT "offline_sale_lines_quantity_positive" CHECK ("quantity" > 0);
ALTER TABLE "offline_sale_lines" ADD CONSTRAINT "offline_sale_lines_unit_price_non_negative" CHECK ("unit_price_minor" >= 0);

-- Tasks and notifications: counters only go up from zero.
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_failed_attempts_non_negative" CHECK ("failed_attempts" >= 0);
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_attempts_non_negative" CHECK ("attempts" >= 0);

-- Append-only ledgers: the stock movement ledger and the audit trail are history; a correction is a
-- new row, never an edit. TRUNCATE stays possible on purpose: it is an operator's tool (test resets),
-- not something application code does.
CREATE FUNCTION "reject_ledger_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'restrict_violation', HINT = 'Write a compensating row instead.';
END;
$$;

CREATE TRIGGER "inventory_movements_append_only" BEFORE UPDATE OR DELETE ON "inventory_movements"
  FOR EACH ROW EXECUTE FUNCTION "reject_ledger_change"();
CREATE TRIGGER "audit_events_append_only" BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION "reject_ledger_change"();
