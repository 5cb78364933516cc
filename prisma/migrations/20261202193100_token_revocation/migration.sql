-- Tokens that can be revoked (api/auth/tokens.ts): one by one at logout, all of a user's at once by a
-- password change or deactivation.
-- AlterTable
ALTER TABLE "users" ADD COLUMN "token_version" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "revoked_tokens" (
    "token_id" UUID NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "revoked_tokens_pkey" PRIMARY KEY ("token_id")
);

-- CreateIndex
CREATE INDEX "revoked_tokens_expires_at_idx" ON "revoked_tokens"("expires_at");

-- A new password or a deactivation ends every session the user had, whichever code path writes it
-- (admin screens, scripts, the seed): tokens name the version they were issued under.
CREATE FUNCTION users_bump_token_version() RETURNS trigger AS $$
BEGIN
  NEW.token_version := OLD.token_version + 1;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER users_revoke_tokens_on_credential_change
  BEFORE UPDATE OF password_hash, active ON "users"
  FOR EACH ROW
  WHEN (NEW.password_hash IS DISTINCT FROM OLD.password_hash OR (OLD.active AND NOT NEW.active))
  EXECUTE FUNCTION users_bump_token_version();
