-- Platform: the W3C traceparent of the request (or handler) that raised an event, so relaying and handling it
-- continue that trace.
ALTER TABLE "{schema}".outbox_messages ADD COLUMN trace_parent character varying(100);
ALTER TABLE "{schema}".inbox_messages ADD COLUMN trace_parent character varying(100);
