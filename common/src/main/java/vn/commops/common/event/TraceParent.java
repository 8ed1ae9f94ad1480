package vn.commops.common.event;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/**
 * The W3C {@code traceparent} of the span running now, as an outbox row keeps it: the row is sent by
 * the relay's own thread after the commit, where the request's context is gone, so the context that
 * caused the event travels with the row and becomes its Kafka record's {@code traceparent} header.
 */
public final class TraceParent {

    /** The record header, as the W3C propagator of every consumer reads it. */
    public static final String HEADER = "traceparent";

    private TraceParent() {
    }

    /** {@code 00-<trace id>-<span id>-<flags>}; null outside any trace (a scheduled job, a test calling a bean). */
    public static String current() {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid()) {
            return null;
        }
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
    }
}
