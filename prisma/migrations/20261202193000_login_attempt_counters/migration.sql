-- Failed sign-in attempts per account and per client IP, shared by every API process (api/auth/login-throttle.ts).
-- CreateTable
CREATE TABLE "login_attempt_counters" (
    "key" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "window_started_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "login_attempt_counters_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "login_attempt_counters_window_started_at_idx" ON "login_attempt_counters"("window_started_at");
