-- Owned by notifications. The W3C traceparent of the stored message's span (docs/decisions/0014):
-- an alert sent later from the outbox continues the trace of the send that caused it. Null when
-- tracing is off, the default.
alter table notifications add column trace_parent varchar(55);
