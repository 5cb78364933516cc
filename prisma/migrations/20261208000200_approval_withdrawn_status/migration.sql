-- A request whose subject was cancelled before anyone decided (docs/approvals.md). Its own migration: a new
-- enum value cannot be used in the transaction that adds it, and the next migration's CHECK uses it.
ALTER TYPE "approval_status" ADD VALUE 'WITHDRAWN';
