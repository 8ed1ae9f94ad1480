package vn.commops.activity.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;

import io.quarkus.arc.Arc;
import io.quarkus.opentelemetry.runtime.exporter.otlp.tracing.LateBoundSpanProcessor;
import io.quarkus.opentelemetry.runtime.exporter.otlp.tracing.RemoveableLateBoundSpanProcessor;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.commops.activity.Fixtures;
import vn.commops.common.event.TraceParent;
import vn.commops.common.testing.OrgUnitEventsFixture;
import vn.commops.common.testing.TopicProbe;

/**
 * An event goes out, through the outbox and its relay, as a Kafka record whose traceparent header
 * continues the trace of the request that wrote it, so that consumers continue it in turn.
 */
@QuarkusTest
class EventTraceContextTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN = "00f067aa0ba902b7";
    private static final String CALLER = "00-" + TRACE_ID + "-" + CALLER_SPAN + "-01";

    @Inject
    DataSource dataSource;

    private String commune;

    @BeforeEach
    void knownCommune() {
        commune = OrgUnitEventsFixture.knownCommune();
    }

    @Test
    void anEventContinuesTheTraceOfTheRequestThatWroteIt() {
        String id = asNationalAdmin().contentType(ContentType.JSON).header(TraceParent.HEADER, CALLER)
                .body(Fixtures.smallGroup(commune))
                .when().post("/api/v1/activities").then().statusCode(201).extract().path("id");

        String[] sent = traceparentOf(TopicProbe.awaitEvent(ActivityEvents.TOPIC, ActivityEvents.RECORDED, id));
        assertEquals(TRACE_ID, sent[1], "the caller's trace");
        assertNotEquals(CALLER_SPAN, sent[2], "a span of the service's, child of the caller's");
        assertEquals("01", sent[3]);
    }

    @Test
    void eachEventOfABatchContinuesTheBatchRequestsTrace() {
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Map<String, Object> record = Fixtures.smallGroup(commune);
            record.put("attendance", 10 + i);
            records.add(record);
        }
        asNationalAdmin().contentType(ContentType.JSON).header(TraceParent.HEADER, CALLER).body(records)
                .queryParam("mode", "per-record").when().post("/api/v1/activities/batches")
                .then().statusCode(200);

        for (int i = 1; i <= 3; i++) {
            int attendance = 10 + i;
            TopicProbe.Received event = TopicProbe.awaitMessage(ActivityEvents.TOPIC,
                    m -> commune.equals(m.value().path("data").path("orgUnitCode").asText())
                            && m.value().path("data").path("attendance").asInt() == attendance,
                    Duration.ofSeconds(15));
            String[] sent = traceparentOf(event);
            assertEquals(TRACE_ID, sent[1]);
            assertNotEquals(CALLER_SPAN, sent[2]);
        }
    }

    @Test
    void aGarbageTraceparentIsIgnoredAndTheEventStartsANewTrace() {
        String id = asNationalAdmin().contentType(ContentType.JSON).header(TraceParent.HEADER, "00-garbage-" + TRACE_ID)
                .body(Fixtures.smallGroup(commune))
                .when().post("/api/v1/activities").then().statusCode(201).extract().path("id");

        String[] sent = traceparentOf(TopicProbe.awaitEvent(ActivityEvents.TOPIC, ActivityEvents.RECORDED, id));
        assertNotEquals(TRACE_ID, sent[1]);
    }

    @Test
    void anEventWrittenOutsideAnyTraceGoesOutWithoutTraceparent() throws SQLException {
        // As rows written before the outbox kept a trace context, or by a job that runs in none.
        String subject = "untraced-" + UUID.randomUUID();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        insert into outbox_event (event_id, event_type, topic, message_key, payload, created_at)
                        values (?, 'probe.sent', ?, ?, cast(? as json), now())""")) {
            UUID id = UUID.randomUUID();
            insert.setObject(1, id);
            insert.setString(2, TopicProbe.topic("trace-probe"));
            insert.setString(3, subject);
            insert.setString(4, "{\"id\":\"" + id + "\",\"type\":\"probe.sent\",\"source\":\"activity-service\","
                    + "\"subject\":\"" + subject + "\",\"schemaVersion\":1,\"data\":{}}");
            insert.executeUpdate();
        }

        assertNull(TopicProbe.awaitEvent("trace-probe", "probe.sent", subject).header(TraceParent.HEADER));
    }

    @Test
    void withoutAnEndpointNoSpanIsExported() {
        // Quarkus' stand-in for its OTLP exporter when there is no endpoint (COMMOPS_OTEL_ENDPOINT unset):
        // no exporter, no connection, while the tests above show the context still flows.
        assertInstanceOf(RemoveableLateBoundSpanProcessor.class,
                Arc.container().select(LateBoundSpanProcessor.class).get());
    }

    /** {@code [version, trace id, parent span id, flags]} of the record's traceparent header. */
    private static String[] traceparentOf(TopicProbe.Received event) {
        String traceparent = event.header(TraceParent.HEADER);
        assertTrue(traceparent != null && traceparent.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}"),
                "traceparent " + traceparent);
        return traceparent.split("-");
    }
}
