-- Platform: a relay or worker claims rows before it delivers or handles them, so two replicas of one module never
-- work on the same row at once. A claim expires (locked_until) if its holder dies.
ALTER TABLE "{schema}".outbox_messages ADD COLUMN locked_until timestamp with time zone, ADD COLUMN locked_by uuid;
ALTER TABLE "{schema}".inbox_messages ADD COLUMN locked_until timestamp with time zone, ADD COLUMN locked_by uuid;
