-- Identity module, initial schema (sqlite). Generated from the EF model with 'TrackStack.Host dev schema --module identity --provider sqlite'.
-- Never edit after release: add a new NNNN_name.sql instead (the migrator checks checksums).
CREATE TABLE "email_tokens" (
    "id" TEXT NOT NULL CONSTRAINT "pk_email_tokens" PRIMARY KEY,
    "user_id" TEXT NOT NULL,
    "purpose" INTEGER NOT NULL,
    "token_hash" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "expires_at" TEXT NOT NULL,
    "used_at" TEXT NULL
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

CREATE TABLE "refresh_tokens" (
    "id" TEXT NOT NULL CONSTRAINT "pk_refresh_tokens" PRIMARY KEY,
    "session_id" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "expires_at" TEXT NOT NULL,
    "used_at" TEXT NULL
);

CREATE TABLE "sessions" (
    "id" TEXT NOT NULL CONSTRAINT "pk_sessions" PRIMARY KEY,
    "user_id" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "last_seen_at" TEXT NOT NULL,
    "revoked_at" TEXT NULL,
    "revoked_reason" TEXT NULL,
    "user_agent" TEXT NULL,
    "ip_prefix" TEXT NULL
);

CREATE TABLE "users" (
    "id" TEXT NOT NULL CONSTRAINT "pk_users" PRIMARY KEY,
    "display_name" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "last_login_at" TEXT NULL,
    "user_name" TEXT NULL,
    "normalized_user_name" TEXT NULL,
    "email" TEXT NULL,
    "normalized_email" TEXT NULL,
    "email_confirmed" INTEGER NOT NULL,
    "password_hash" TEXT NULL,
    "security_stamp" TEXT NULL,
    "concurrency_stamp" TEXT NULL,
    "phone_number" TEXT NULL,
    "phone_number_confirmed" INTEGER NOT NULL,
    "two_factor_enabled" INTEGER NOT NULL,
    "lockout_end" TEXT NULL,
    "lockout_enabled" INTEGER NOT NULL,
    "access_failed_count" INTEGER NOT NULL
);

CREATE TABLE "user_claims" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_user_claims" PRIMARY KEY AUTOINCREMENT,
    "user_id" TEXT NOT NULL,
    "claim_type" TEXT NULL,
    "claim_value" TEXT NULL,
    CONSTRAINT "fk_user_claims_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE TABLE "user_logins" (
    "login_provider" TEXT NOT NULL,
    "provider_key" TEXT NOT NULL,
    "provider_display_name" TEXT NULL,
    "user_id" TEXT NOT NULL,
    CONSTRAINT "pk_user_logins" PRIMARY KEY ("login_provider", "provider_key"),
    CONSTRAINT "fk_user_logins_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE TABLE "user_tokens" (
    "user_id" TEXT NOT NULL,
    "login_provider" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "value" TEXT NULL,
    CONSTRAINT "pk_user_tokens" PRIMARY KEY ("user_id", "login_provider", "name"),
    CONSTRAINT "fk_user_tokens_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "ix_email_tokens_token_hash" ON "email_tokens" ("token_hash");

CREATE INDEX "ix_email_tokens_user_id" ON "email_tokens" ("user_id");

CREATE INDEX "ix_inbox_messages_status_next_attempt_at" ON "inbox_messages" ("status", "next_attempt_at");

CREATE INDEX "ix_outbox_messages_status_next_attempt_at" ON "outbox_messages" ("status", "next_attempt_at");

CREATE INDEX "ix_refresh_tokens_session_id" ON "refresh_tokens" ("session_id");

CREATE UNIQUE INDEX "ix_refresh_tokens_token_hash" ON "refresh_tokens" ("token_hash");

CREATE INDEX "ix_sessions_user_id" ON "sessions" ("user_id");

CREATE INDEX "ix_user_claims_user_id" ON "user_claims" ("user_id");

CREATE INDEX "ix_user_logins_user_id" ON "user_logins" ("user_id");

CREATE INDEX "ix_users_normalized_email" ON "users" ("normalized_email");

CREATE UNIQUE INDEX "ix_users_normalized_user_name" ON "users" ("normalized_user_name");
