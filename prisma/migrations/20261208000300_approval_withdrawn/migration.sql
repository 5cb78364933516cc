-- Who withdrew a pending request (by cancelling its subject) and when. A withdrawal is not a decision: it
-- has no decider, so the four-eyes CHECK (decider is not the requester) does not apply to it, and the
-- requester may withdraw their own request by cancelling what they asked for.
ALTER TABLE "approval_requests" ADD COLUMN "withdrawn_by_user_id" UUID,
  ADD COLUMN "withdrawn_at" TIMESTAMPTZ(3);
ALTER TABLE "approval_requests" ADD CONSTRAINT "approval_requests_withdrawn_by_user_id_fkey"
  FOREIGN KEY ("withdrawn_by_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- PENDING has no decision; WITHDRAWN has a withdrawal and no decision; APPROVED, REJECTED and SUPERSEDED have
-- all of a decision.
ALTER TABLE "approval_requests" DROP CONSTRAINT "approval_requests_decision_is_complete";
ALTER TABLE "approval_requests" ADD CONSTRAINT "approval_requests_decision_is_complete"
  CHECK (CASE WHEN "status" = 'PENDING' THEN "decided_by_user_id" IS NULL AND "decided_at" IS NULL AND "withdrawn_at" IS NULL
              WHEN "status" = 'WITHDRAWN' THEN "decided_by_user_id" IS NULL AND "decided_at" IS NULL AND "withdrawn_at" IS NOT NULL
              ELSE "decided_by_user_id" IS NOT NULL AND "decided_at" IS NOT NULL AND "decided_version" IS NOT NULL
                   AND "withdrawn_at" IS NULL END);
