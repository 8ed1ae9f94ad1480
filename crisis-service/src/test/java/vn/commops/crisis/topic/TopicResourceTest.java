package vn.commops.crisis.topic;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static vn.commops.common.testing.TestTokens.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TopicResourceTest {

    @Test
    void theTaxonomyIsSeededWithVietnameseNames() {
        as("viewer").when().get("/api/v1/topics").then().statusCode(200)
                .body("code", hasItems("ONE_TIME_WITHDRAWAL", "PENSIONS", "HEALTH_INSURANCE_CARDS",
                        "CONTRIBUTIONS_ARREARS", "VOLUNTARY_INSURANCE", "BENEFIT_DELAYS", "SCAMS", "FALSE_INFORMATION"))
                .body("find { it.code == 'ONE_TIME_WITHDRAWAL' }.nameVi", equalTo("Rút BHXH một lần"));
    }

    @Test
    void analystsAddAndRetireTopicsWithOptimisticConcurrency() {
        String code = "T_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Map<String, Object> topic = Map.of("code", code, "nameVi", "Điều chỉnh lương hưu", "nameEn", "Pension adjustment");
        as("crisis-analyst").contentType(ContentType.JSON).body(topic)
                .when().post("/api/v1/topics").then().statusCode(201).body("active", equalTo(true));
        as("crisis-analyst").contentType(ContentType.JSON).body(topic)
                .when().post("/api/v1/topics").then().statusCode(409);
        as("viewer").contentType(ContentType.JSON).body(topic).when().post("/api/v1/topics").then().statusCode(403);

        Map<String, Object> retired = Map.of("nameVi", "Điều chỉnh lương hưu", "nameEn", "Pension adjustment",
                "active", false);
        as("crisis-analyst").contentType(ContentType.JSON).header("If-Match", "\"0\"").body(retired)
                .when().put("/api/v1/topics/" + code).then().statusCode(200)
                .header("ETag", "\"1\"").body("active", equalTo(false));
        as("crisis-analyst").contentType(ContentType.JSON).header("If-Match", "\"0\"").body(retired)
                .when().put("/api/v1/topics/" + code).then().statusCode(412);
    }
}
