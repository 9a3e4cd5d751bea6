-- Platform: the W3C traceparent of the request (or handler) that raised an event, so relaying and handling it
-- continue that trace.
ALTER TABLE "outbox_messages" ADD COLUMN "trace_parent" TEXT NULL;
ALTER TABLE "inbox_messages" ADD COLUMN "trace_parent" TEXT NULL;
