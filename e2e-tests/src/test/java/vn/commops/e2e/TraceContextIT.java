package vn.commops.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.commops.e2e.Gateway.admin;
import static vn.commops.e2e.Gateway.awaitKnown;
import static vn.commops.e2e.Gateway.createHierarchy;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.commops.common.testing.TopicProbe;

/** A client's W3C trace context, through the gateway and the service's outbox, onto the event's Kafka record. */
class TraceContextIT {

    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
    private static final String CLIENT_SPAN = "b7ad6b7169203331";

    private static String commune;

    @BeforeAll
    static void startPlatform() throws Exception {
        RestAssured.baseURI = Platform.shared().gatewayUrl();
        commune = createHierarchy("TC", "Bảo hiểm xã hội tỉnh Tuyên Quang", "Xã Trung Sơn")[2];
        awaitKnown(() -> admin().contentType(ContentType.JSON).body(activity()).post("/api/v1/activities").statusCode());
    }

    private static Map<String, Object> activity() {
        Map<String, Object> body = new HashMap<>();
        body.put("orgUnitCode", commune);
        body.put("form", "CONFERENCE");
        body.put("title", "Hội nghị đối thoại chính sách BHXH tự nguyện");
        body.put("startedAt", "2024-05-20T08:00:00+07:00");
        body.put("attendance", 41);
        return body;
    }

    @Test
    void aTraceSentToTheGatewayComesOutOnTheActivitysEvent() {
        String id = admin().contentType(ContentType.JSON).header("traceparent", "00-" + TRACE_ID + "-" + CLIENT_SPAN + "-01")
                .body(activity()).when().post("/api/v1/activities").then().statusCode(201).extract().path("id");

        String[] event = traceparentOf(id);
        assertEquals(TRACE_ID, event[1], "the client's trace");
        assertNotEquals(CLIENT_SPAN, event[2], "a span of the platform's, below the client's");
    }

    @Test
    void aGarbageTraceparentIsIgnoredAndANewTraceStarted() {
        String id = admin().contentType(ContentType.JSON).header("traceparent", "00-" + TRACE_ID + "-garbage-01")
                .header("tracestate", "=,=").body(activity())
                .when().post("/api/v1/activities").then().statusCode(201).extract().path("id");

        assertNotEquals(TRACE_ID, traceparentOf(id)[1]);
    }

    /** {@code [version, trace id, parent span id, flags]} of the traceparent header on the activity's event. */
    private static String[] traceparentOf(String activityId) {
        String traceparent = TopicProbe.awaitEvent("activities", "activity.recorded", activityId).header("traceparent");
        assertTrue(traceparent != null && traceparent.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01"), "traceparent " + traceparent);
        return traceparent.split("-");
    }
}
