-- AlterTable
ALTER TABLE "stores" ADD COLUMN     "pick_escalation_minutes" INTEGER NOT NULL DEFAULT 30;


-- Hand-written (prisma migrate diff does not see CHECK constraints): an escalation delay must be positive.
ALTER TABLE "stores" ADD CONSTRAINT "stores_pick_escalation_positive" CHECK ("pick_escalation_minutes" > 0);
