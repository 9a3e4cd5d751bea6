-- Platform: the outbox and inbox every module database has. Modules whose first migration already made them keep
-- theirs (IF NOT EXISTS); modules added later get them from here.
CREATE TABLE IF NOT EXISTS "inbox_messages" (
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

CREATE TABLE IF NOT EXISTS "outbox_messages" (
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

CREATE INDEX IF NOT EXISTS "ix_inbox_messages_status_next_attempt_at" ON "inbox_messages" ("status", "next_attempt_at");

CREATE INDEX IF NOT EXISTS "ix_outbox_messages_status_next_attempt_at" ON "outbox_messages" ("status", "next_attempt_at");
