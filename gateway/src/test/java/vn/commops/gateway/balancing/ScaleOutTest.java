package vn.commops.gateway.balancing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.commops.gateway.health.DownstreamReadiness;
import vn.commops.gateway.support.SignedIn;

/**
 * A service run as several instances: how the gateway spreads requests over them, leaves out those
 * that are stopped or not ready, and takes a request to another instance when that is safe. Each
 * scenario has a fleet of its own ({@link InstanceFleets}).
 */
@QuarkusTest
@TestProfile(ScaleOutTest.Fleets.class)
class ScaleOutTest {

    public static class Fleets implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("commops.gateway.circuit-breaker.failure-threshold", "3",
                    "commops.gateway.circuit-breaker.cool-down", "2s",
                    "commops.gateway.openapi.cache-ttl", "0s",
                    "commops.gateway.rate-limit.enabled", "false");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(InstanceFleets.class));
        }
    }

    private String token;

    @BeforeEach
    void signIn() {
        token = SignedIn.token();
    }

    @Test
    void requestsAreSpreadOverTheInstances() {
        Fleet fleet = Fleet.named("spread");
        int[] before = {fleet.apiHits(0), fleet.apiHits(1), fleet.apiHits(2)};

        for (int i = 0; i < 30; i++) {
            api().get(fleet.path()).then().statusCode(200);
        }

        // Each event loop takes the instances in turn, so each gets about a third whatever the loops' share.
        for (int i = 0; i < 3; i++) {
            int got = fleet.apiHits(i) - before[i];
            assertTrue(got >= 5 && got <= 15, "instance " + i + " got " + got + " of 30 requests");
        }
    }

    @Test
    void aStoppedInstanceGetsNoRequestsAndNoClientSeesItFail() {
        Fleet fleet = Fleet.named("stopping");
        fleet.tell(1, "stop");

        // Until the gateway notices, requests that meet the closed port are taken to the other instance.
        for (int i = 0; i < 20; i++) {
            api().get(fleet.path()).then().statusCode(200).header("X-Served-By", "stopping-0");
        }
        awaitInstanceState(fleet, 1, "UNREACHABLE");
        double triedBefore = forwardedTo(fleet, 1);
        for (int i = 0; i < 10; i++) {
            api().get(fleet.path()).then().statusCode(200).header("X-Served-By", "stopping-0");
        }
        assertEquals(triedBefore, forwardedTo(fleet, 1), "the stopped instance was tried after it was left out");

        fleet.tell(1, "start");
        awaitInstanceState(fleet, 1, "UP");
        int hitsBefore = fleet.apiHits(1);
        // Back in rotation once readiness says so and its circuit's cool-down, if it had opened, is over.
        awaitTrue(() -> {
            api().get(fleet.path()).then().statusCode(200);
            return fleet.apiHits(1) > hitsBefore;
        }, "the restarted instance gets requests again");
    }

    @Test
    void anInstanceWhoseReadinessIsDownGetsNothingNew() {
        Fleet fleet = Fleet.named("draining");
        fleet.tell(1, "unready");
        awaitInstanceState(fleet, 1, "DOWN (HTTP 503)");
        given().get("/q/health/group/" + DownstreamReadiness.GROUP).then()
                .body("checks[0].data.draining", equalTo("UP (1 of 2 instances ready)"))
                .body("checks[0].data", hasKey("draining@" + fleet.address(0)));
        int before = fleet.apiHits(1);

        for (int i = 0; i < 12; i++) {
            api().get(fleet.path()).then().statusCode(200).header("X-Served-By", "draining-0");
        }
        assertEquals(before, fleet.apiHits(1));

        fleet.tell(1, "ready");
        awaitInstanceState(fleet, 1, "UP");
        for (int i = 0; i < 12; i++) {
            api().get(fleet.path()).then().statusCode(200);
        }
        assertTrue(fleet.apiHits(1) > before, "the instance that is ready again gets requests again");
    }

    @Test
    void theMergedDocumentIsFetchedFromAReadyInstance() {
        Fleet fleet = Fleet.named("documented");
        fleet.tell(0, "unready");
        awaitInstanceState(fleet, 0, "DOWN (HTTP 503)");
        int[] before = {fleet.openapiHits(0), fleet.openapiHits(1)};

        given().get("/openapi").then().statusCode(200).body("paths", hasKey("/api/v1/documented/items"));

        assertEquals(before[0], fleet.openapiHits(0), "the instance that is not ready was asked for its document");
        assertTrue(fleet.openapiHits(1) > before[1], "the ready instance was not asked for its document");
    }

    @Test
    void aPostWithoutIdempotencyKeyLostWithItsConnectionIsAnswered503AndNotRepeated() {
        Fleet fleet = Fleet.named("dropping");
        fleet.tellAll("drop");
        int before = fleet.apiHitsOfAll();

        api().contentType("application/json").body("{\"title\":\"Leaflets for Lao Cai\"}").post(fleet.path())
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", equalTo("urn:commops:problem:service-unavailable"))
                .body("detail", containsString("closed the connection before answering"));

        assertEquals(1, fleet.apiHitsOfAll() - before, "a request that may have been carried out was sent again");
    }

    @Test
    void aPostWithIdempotencyKeyLostWithItsConnectionIsRepeatedOnceOnTheOtherInstance() {
        Fleet fleet = Fleet.named("dropping");
        fleet.tellAll("drop");
        int before = fleet.apiHitsOfAll();
        double retriesBefore = metric("commops_gateway_retries_total", label("service", "dropping"),
                label("reason", "dropped"));

        api().header("Idempotency-Key", "campaign-2041").contentType("application/json")
                .body("{\"title\":\"Leaflets for Lao Cai\"}").post(fleet.path())
                .then().statusCode(503).header("Retry-After", notNullValue());

        assertEquals(2, fleet.apiHitsOfAll() - before, "each instance is tried once, no more");
        assertEquals(retriesBefore + 1, metric("commops_gateway_retries_total", label("service", "dropping"),
                label("reason", "dropped")));
    }

    @Test
    void aKeyedPostDroppedByOneInstanceIsAnsweredByTheOther() {
        Fleet fleet = Fleet.named("failover");
        fleet.tell(0, "drop");
        String body = "{\"note\":\"" + "x".repeat(2000) + "\"}";

        for (int i = 0; i < 10; i++) {
            api().header("Idempotency-Key", "activity-" + i).contentType("application/json").body(body)
                    .post(fleet.path())
                    .then().statusCode(201)
                    .header("X-Served-By", "failover-1")
                    .body("bodyBytes", equalTo(body.length()))
                    .body("idempotencyKey", equalTo("activity-" + i));
        }
        assertTrue(fleet.apiHits(0) >= 1, "the dropping instance was never tried, so nothing was retried");
    }

    @Test
    void aLargeUploadStreamsThroughAndIsNeverRepeated() throws Exception {
        Fleet fleet = Fleet.named("uploads");
        fleet.tellAll("early");
        int declared = 1024 * 1024;

        // A third of the body, and the rest withheld: only a gateway that streams can get an answer now.
        RawUpload.Reply early = RawUpload.sendPart(RestAssured.port, fleet.path(), token, "upload-7", declared,
                300 * 1024);
        assertEquals(200, early.status(), early.text());
        long received = Long.parseLong(early.text().replaceAll("(?s).*\"receivedBeforeAnswer\":(\\d+).*", "$1"));
        assertTrue(received > 0 && received < declared, early.text());

        fleet.tellAll("drop");
        int before = fleet.apiHitsOfAll();
        api().header("Idempotency-Key", "upload-8").contentType("application/octet-stream")
                .body(new byte[400 * 1024]).post(fleet.path())
                .then().statusCode(503).header("Retry-After", notNullValue());
        assertEquals(1, fleet.apiHitsOfAll() - before, "a body too large to keep was sent twice");
    }

    @Test
    void whenEveryInstanceIsDownTheServiceIsAnswered503WithRetryAfter() {
        Fleet fleet = Fleet.named("down");
        fleet.tellAll("stop");

        api().get(fleet.path()).then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", equalTo("urn:commops:problem:service-unavailable"))
                .body("detail", containsString("cannot be reached"));
        // Three failures in a row cut each instance off; then the gateway answers without trying.
        awaitTrue(() -> {
            Response answer = api().get(fleet.path());
            answer.then().statusCode(503).header("Retry-After", notNullValue());
            return answer.jsonPath().getString("detail").contains("holds requests back");
        }, "the service is cut off once every instance is");
        api().get(fleet.path()).then().statusCode(503)
                .body("detail", containsString("Every instance of the down service"));
    }

    @Test
    void metricsNameEachServiceAndInstance() {
        Fleet fleet = Fleet.named("spread");
        api().get(fleet.path()).then().statusCode(200);

        assertEquals(3.0, metric("commops_gateway_ready_instances", label("service", "spread")));
        assertTrue(metric("commops_gateway_forwarded_total", label("service", "spread"), label("outcome", "answered"))
                >= 1);
        for (int i = 0; i < 3; i++) {
            String instance = label("instance", fleet.address(i));
            assertEquals(0.0, metric("commops_gateway_circuit_state", label("service", "spread"), instance));
            assertEquals(0.0, metric("commops_gateway_retries_total", label("service", "spread"), instance));
            assertEquals(0.0, metric("commops_gateway_ejections_total", label("service", "spread"), instance));
        }
        assertEquals(0.0, metric("commops_gateway_refused_total", label("service", "spread")));
    }

    /** In English, the language the details asserted here are written in (Vietnamese is the default). */
    private RequestSpecification api() {
        return given().header("Authorization", "Bearer " + token).header("Accept-Language", "en");
    }

    /** The downstreams health group asks every instance afresh, and the gateway routes by its answers. */
    private static void awaitInstanceState(Fleet fleet, int index, String state) {
        String key = fleet.name() + "@" + fleet.address(index);
        awaitTrue(() -> state.equals(given().get("/q/health/group/" + DownstreamReadiness.GROUP)
                .jsonPath().getMap("checks[0].data").get(key)), key + " reported " + state);
    }

    /** Tries for up to ten seconds: a condition to reach, not a measure of speed. */
    private static void awaitTrue(BooleanSupplier condition, String what) {
        for (int i = 0; i < 100; i++) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("Not seen: " + what);
    }

    private static double forwardedTo(Fleet fleet, int index) {
        return metric("commops_gateway_forwarded_total", label("service", fleet.name()),
                label("instance", fleet.address(index)));
    }

    /** The sum of the series of that metric carrying all these labels; fails when there is none. */
    private static double metric(String name, String... labels) {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        List<String> lines = text.lines().filter(line -> line.startsWith(name + "{"))
                .filter(line -> List.of(labels).stream().allMatch(line::contains)).toList();
        assertTrue(!lines.isEmpty(), "no " + name + " with " + List.of(labels));
        // The value is the first token after the labels: a traced request may add an exemplar after it.
        return lines.stream().mapToDouble(line -> Double.parseDouble(line.substring(line.indexOf("} ") + 2)
                .split(" ")[0])).sum();
    }

    private static String label(String name, String value) {
        return name + "=\"" + value + "\"";
    }
}
