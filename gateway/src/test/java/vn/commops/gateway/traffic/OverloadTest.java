package vn.commops.gateway.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import vn.commops.gateway.support.SignedIn;
import vn.commops.gateway.support.StubServices;

/**
 * Beyond what a service is given (its connections and the queue for them), a request is answered at
 * once with 503 and Retry-After, and the ones admitted are completed.
 */
@QuarkusTest
@QuarkusTestResource(StubServices.class)
@TestProfile(OverloadTest.OneConnectionOneWaiting.class)
class OverloadTest {

    /** One event loop, so that the pool and its queue are one of each. */
    public static class OneConnectionOneWaiting implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("commops.gateway.max-connections-per-service", "1",
                    "commops.gateway.max-queued-per-service", "1",
                    "quarkus.vertx.event-loops-pool-size", "1",
                    "commops.gateway.response-timeout", "15s");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FlakyService.class));
        }
    }

    @Test
    void requestsBeyondTheConnectionAndItsQueueAreRefusedAtOnceAndTheAdmittedOnesComplete() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        String authorization = "Bearer " + SignedIn.token();
        URI flaky = URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/v1/flaky/slow");
        control("hold");
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        try {
            HttpRequest request = HttpRequest.newBuilder(flaky).header("Authorization", authorization)
                    .timeout(Duration.ofSeconds(20)).build();
            // In order, whatever the machine's load: the first holds the one connection (it reached the
            // service), the second takes the place in the queue, the other four find both taken.
            int hitsBefore = hits();
            sent.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
            long reachedBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (hits() == hitsBefore && System.nanoTime() < reachedBy) {
                Thread.sleep(20);
            }
            sent.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
            Thread.sleep(300);
            for (int i = 0; i < 4; i++) {
                sent.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
            }
            long refusedBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            for (CompletableFuture<HttpResponse<String>> answer : sent.subList(2, 6)) {
                HttpResponse<String> refused = answer.get(Math.max(1, refusedBy - System.nanoTime()), TimeUnit.NANOSECONDS);
                assertEquals(503, refused.statusCode(), refused.body());
                assertEquals("1", refused.headers().firstValue("Retry-After").orElse(null));
                assertTrue(refused.body().contains("urn:commops:problem:service-busy"), refused.body());
            }
            assertTrue(!sent.get(0).isDone() && !sent.get(1).isDone(), "the admitted ones wait for the service");
        } finally {
            control("release");
        }
        for (CompletableFuture<HttpResponse<String>> answer : sent.subList(0, 2)) {
            assertEquals(200, answer.get(10, TimeUnit.SECONDS).statusCode());
        }
        control("working");
    }

    /** API requests the flaky service was sent so far. */
    private static int hits() throws IOException, InterruptedException {
        String url = ConfigProvider.getConfig().getValue(FlakyService.URL, String.class);
        return Integer.parseInt(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/control/hits"))
                .build(), HttpResponse.BodyHandlers.ofString()).body().trim());
    }

    /** Straight to the flaky service, not through the gateway. */
    private static void control(String what) throws IOException, InterruptedException {
        String url = ConfigProvider.getConfig().getValue(FlakyService.URL, String.class);
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/control/" + what)).build(),
                HttpResponse.BodyHandlers.discarding());
    }
}
