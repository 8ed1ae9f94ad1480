package vn.commops.plan.plan;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import vn.commops.plan.orgunit.OrgUnitFixtures;

/** ETags, If-Match and content revisions. */
@QuarkusTest
class PlanConcurrencyTest {

    private static Map<String, Object> content(String title) {
        return Map.of("type", "MASTER", "title", title, "objectives", "Tăng số người tham gia BHXH tự nguyện",
                "periodStart", "2025-01-01", "periodEnd", "2025-12-31");
    }

    private static String etag(String id) {
        return asNationalAdmin().when().get("/api/v1/plans/" + id).then().statusCode(200).extract().header("ETag");
    }

    @Test
    void anUpdateNeedsTheCurrentEtagAndKeepsEveryRevision() {
        String[] tree = OrgUnitFixtures.tree();
        String id = PlanFixtures.create("MASTER", "Kế hoạch năm 2025", tree[1], "2025-01-01", "2025-12-31", null);
        String first = etag(id);

        asNationalAdmin().contentType(ContentType.JSON).body(content("Kế hoạch truyền thông năm 2025"))
                .when().put("/api/v1/plans/" + id)
                .then().statusCode(428).contentType("application/problem+json")
                .body("type", equalTo("urn:commops:problem:precondition-required"));
        String second = asNationalAdmin().contentType(ContentType.JSON).header("If-Match", first)
                .body(content("Kế hoạch truyền thông năm 2025"))
                .when().put("/api/v1/plans/" + id)
                .then().statusCode(200).body("revision", equalTo(2)).extract().header("ETag");
        assertNotEquals(first, second);
        asNationalAdmin().contentType(ContentType.JSON).header("If-Match", first).body(Map.of("title", "Cũ"))
                .when().patch("/api/v1/plans/" + id)
                .then().statusCode(412).body("type", equalTo("urn:commops:problem:precondition-failed"));
        asNationalAdmin().contentType(ContentType.JSON).header("If-Match", second).body(Map.of("title", "Kế hoạch BHXH 2025"))
                .when().patch("/api/v1/plans/" + id)
                .then().statusCode(200).body("revision", equalTo(3)).body("objectives",
                        equalTo("Tăng số người tham gia BHXH tự nguyện"));

        asNationalAdmin().when().get("/api/v1/plans/" + id + "/versions")
                .then().statusCode(200)
                .body("revision", contains(1, 2, 3))
                .body("title", contains("Kế hoạch năm 2025", "Kế hoạch truyền thông năm 2025", "Kế hoạch BHXH 2025"));
        asNationalAdmin().when().get("/api/v1/plans/" + id + "/versions/1")
                .then().statusCode(200).body("title", equalTo("Kế hoạch năm 2025"));
        asNationalAdmin().when().get("/api/v1/plans/" + id + "/versions/9").then().statusCode(404);

        asNationalAdmin().contentType(ContentType.JSON).header("If-Match", first).body(Map.of("action", "SUBMIT"))
                .when().post("/api/v1/plans/" + id + "/transitions").then().statusCode(412);
        PlanFixtures.move(id, "SUBMIT");
        asNationalAdmin().contentType(ContentType.JSON).header("If-Match", etag(id)).body(content("Sau khi trình"))
                .when().put("/api/v1/plans/" + id)
                .then().statusCode(409).body("type", equalTo("urn:commops:problem:plan-not-editable"));
    }

    @Test
    void ofTwoConcurrentUpdatesBasedOnOneEtagOneIsRefused() throws Exception {
        String[] tree = OrgUnitFixtures.tree();
        String id = PlanFixtures.create("MASTER", "Kế hoạch năm 2025", tree[1], "2025-01-01", "2025-12-31", null);
        String tag = etag(id);
        CountDownLatch start = new CountDownLatch(1);
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Void>> writers = new ArrayList<>();
        for (String title : new String[] {"Phiên bản A", "Phiên bản B"}) {
            writers.add(CompletableFuture.runAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                statuses.add(asNationalAdmin().contentType(ContentType.JSON).header("If-Match", tag)
                        .body(content(title)).when().put("/api/v1/plans/" + id).then().extract().statusCode());
            }));
        }
        start.countDown();
        CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get();

        assertEquals(List.of(200, 412), statuses.stream().sorted().toList());
        asNationalAdmin().when().get("/api/v1/plans/" + id + "/versions").then().body("revision", contains(1, 2));
    }
}
