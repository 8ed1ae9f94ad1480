package vn.commops.indicator.target;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.commops.common.testing.TestTokens.as;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;
import static vn.commops.indicator.target.TargetsTest.target;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.commops.common.orgunit.KnownOrgUnit;
import vn.commops.common.testing.TopicProbe;
import vn.commops.indicator.Fixtures;
import vn.commops.indicator.indicator.Indicator;
import vn.commops.indicator.period.Period;

/** The parent-children rule on every write, who may set a unit's target, and writers racing each other. */
@QuarkusTest
class TargetRulesTest {

    @Inject
    TargetWriter writer;

    private Fixtures.Tree tree;

    @BeforeEach
    void units() {
        tree = Fixtures.tree();
    }

    private static Response post(Object value, String unit, String from) {
        return asNationalAdmin().contentType(ContentType.JSON)
                .body(target("ACTIVITIES_HELD", unit, "202405", value, from)).when().post("/api/v1/targets");
    }

    @Test
    void aDirectTargetOnAChildMayNotTakeItOverItsParent() {
        post(100, tree.province(), "2024-05-01").then().statusCode(201);
        post(70, tree.communeA(), "2024-05-01").then().statusCode(201);
        post(31, tree.communeB(), "2024-05-01").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:commops:problem:target-exceeds-parent"))
                .body("errors[0].field", equalTo("value"))
                .body("errors[0].message", containsString("add up to 101 from 2024-05-01, over "
                        + tree.province() + "'s target of 100 by 1"));
        post(30, tree.communeB(), "2024-05-01").then().statusCode(201);
        // A later version of A that would fit only if B gave way is refused from its date on.
        post(71, tree.communeA(), "2024-05-15").then().statusCode(422)
                .body("errors[0].message", containsString("add up to 101 from 2024-05-15"));
    }

    @Test
    void aParentMayNotBeLoweredBelowItsChildren() {
        post(100, tree.province(), "2024-05-01").then().statusCode(201);
        post(60, tree.communeA(), "2024-05-01").then().statusCode(201);
        post(30, tree.communeB(), "2024-05-01").then().statusCode(201);
        post(80, tree.province(), "2024-05-20").then().statusCode(422)
                .body("errors[0].field", equalTo("value"))
                .body("errors[0].message", containsString("add up to 90 from 2024-05-20, over "
                        + tree.province() + "'s target of 80 by 10"));
        post(90, tree.province(), "2024-05-20").then().statusCode(201).body("version", equalTo(2));
        // A first target set after its children, effective later, still judges the days before it.
        post(50, tree.communeA(), "2024-05-25").then().statusCode(201);
    }

    @Test
    void aParentSetAfterItsChildrenMustCoverThem() {
        post(500, tree.communeA(), "2024-05-01").then().statusCode(201);
        post(10, tree.province(), "2024-05-01").then().statusCode(422)
                .body("errors[0].message", containsString("add up to 500"));
    }

    @Test
    void aUnitsTargetIsSetByItsParentsManagersOnly() {
        as("unit-manager", tree.province()).contentType(ContentType.JSON)
                .body(target("ACTIVITIES_HELD", tree.province(), "202405", 100, "2024-05-01"))
                .when().post("/api/v1/targets").then().statusCode(403)
                .body("type", equalTo("urn:commops:problem:target-setter-not-parent-manager"))
                .body("errors[0].field", equalTo("orgUnitCode"));
        as("unit-manager", tree.province()).contentType(ContentType.JSON)
                .body(target("ACTIVITIES_HELD", tree.communeA(), "202405", 10, "2024-05-01"))
                .when().post("/api/v1/targets").then().statusCode(201);
        as("unit-manager", "VN").contentType(ContentType.JSON)
                .body(target("ACTIVITIES_HELD", tree.province(), "202405", 100, "2024-05-01"))
                .when().post("/api/v1/targets").then().statusCode(201);
        as("unit-manager", "VN").contentType(ContentType.JSON)
                .body(target("ACTIVITIES_HELD", "VN", "209912", 1, "2099-12-01"))
                .when().post("/api/v1/targets").then().statusCode(403);
    }

    @Test
    void aTargetSetPublishesItsVersion() {
        String id = post(42, tree.communeA(), "2024-05-01").then().statusCode(201).extract().path("id");
        TopicProbe.Received event = TopicProbe.awaitEvent("targets", "target.set",
                "ACTIVITIES_HELD/" + tree.communeA() + "/202405");
        assertEquals(id, event.value().path("data").path("id").asText());
        assertEquals(42, event.value().path("data").path("value").asInt());
    }

    /**
     * Two children written at once, each fitting alone: the second writer waits on the family's lock while
     * the first holds it, then sees the first's target and is refused. Without the lock both would commit.
     */
    @Test
    void concurrentWritesCannotTogetherExceedTheParent() throws Exception {
        post(100, tree.province(), "2024-05-01").then().statusCode(201);
        Indicator indicator = QuarkusTransaction.requiringNew().call(() -> Indicator.findById("ACTIVITIES_HELD"));
        KnownOrgUnit communeA = QuarkusTransaction.requiringNew().call(() -> KnownOrgUnit.findById(tree.communeA()));
        CountDownLatch written = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = threads.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                writer.write(indicator, communeA, Period.parse("202405"), BigDecimal.valueOf(60),
                        LocalDate.parse("2024-05-01"), null, "first-writer", "value");
                written.countDown();
                sleep(1500); // holds the lock, uncommitted, while the second writer arrives
            }));
            assertTrue(written.await(20, TimeUnit.SECONDS));
            long start = System.nanoTime();
            Future<Response> second = threads.submit(() -> post(60, tree.communeB(), "2024-05-01"));
            Response answer = second.get(30, TimeUnit.SECONDS);
            first.get(30, TimeUnit.SECONDS);
            long waitedMillis = (System.nanoTime() - start) / 1_000_000;
            answer.then().statusCode(422).body("errors[0].message", containsString("add up to 120"));
            assertTrue(waitedMillis >= 1000, "the second writer waited for the first: " + waitedMillis + " ms");
        } finally {
            threads.shutdownNow();
        }
        as("viewer").queryParam("orgUnit", tree.communeB()).when().get("/api/v1/targets")
                .then().body("totalItems", equalTo(0));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
