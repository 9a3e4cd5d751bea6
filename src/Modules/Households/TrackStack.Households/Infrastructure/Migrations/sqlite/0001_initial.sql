-- Households module, initial schema (sqlite). Generated from the EF model with 'TrackStack.Host dev schema --module households --provider sqlite'.
-- Never edit after release: add a new NNNN_name.sql instead (the migrator checks checksums).
CREATE TABLE "households" (
    "id" TEXT NOT NULL CONSTRAINT "pk_households" PRIMARY KEY,
    "name" TEXT NOT NULL,
    "time_zone" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "is_personal" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "created_by" TEXT NOT NULL
);

CREATE TABLE "inbox_messages" (
    "event_id" TEXT NOT NULL,
    "handler" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "received_at" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "attempts" INTEGER NOT NULL,
    "next_attempt_at" TEXT NOT NULL,
    "processed_at" TEXT NULL,
    "last_error" TEXT NULL,
    CONSTRAINT "pk_inbox_messages" PRIMARY KEY ("event_id", "handler")
);

CREATE TABLE "outbox_messages" (
    "id" TEXT NOT NULL CONSTRAINT "pk_outbox_messages" PRIMARY KEY,
    "type" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "occurred_at" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "attempts" INTEGER NOT NULL,
    "next_attempt_at" TEXT NOT NULL,
    "processed_at" TEXT NULL,
    "last_error" TEXT NULL
);

CREATE TABLE "invites" (
    "id" TEXT NOT NULL CONSTRAINT "pk_invites" PRIMARY KEY,
    "household_id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "expires_at" TEXT NOT NULL,
    "accepted_at" TEXT NULL,
    "accepted_by" TEXT NULL,
    "revoked_at" TEXT NULL,
    CONSTRAINT "fk_invites_households_household_id" FOREIGN KEY ("household_id") REFERENCES "households" ("id") ON DELETE CASCADE
);

CREATE TABLE "memberships" (
    "household_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "joined_at" TEXT NOT NULL,
    CONSTRAINT "pk_memberships" PRIMARY KEY ("household_id", "user_id"),
    CONSTRAINT "fk_memberships_households_household_id" FOREIGN KEY ("household_id") REFERENCES "households" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_inbox_messages_status_next_attempt_at" ON "inbox_messages" ("status", "next_attempt_at");

CREATE INDEX "ix_invites_household_id" ON "invites" ("household_id");

CREATE UNIQUE INDEX "ix_invites_token_hash" ON "invites" ("token_hash");

CREATE INDEX "ix_memberships_user_id" ON "memberships" ("user_id");

CREATE INDEX "ix_outbox_messages_status_next_attempt_at" ON "outbox_messages" ("status", "next_attempt_at");
