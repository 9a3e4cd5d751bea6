-- A member's last use of the household, so sign-in on any device opens the household used last.
ALTER TABLE "memberships" ADD COLUMN "last_used_at" TEXT NULL;
