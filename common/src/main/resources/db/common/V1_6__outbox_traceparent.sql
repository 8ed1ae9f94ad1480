-- The W3C trace context an event was written in (`00-<trace id>-<span id>-<flags>`), for the relay to
-- send as the Kafka record's traceparent header, so that consumers continue the request's trace. A
-- bulk row's events share the one request's context. Null for rows written outside a trace, and for
-- rows older than this column: those are sent without the header, as before.
alter table outbox_event add column traceparent text;
