package vn.commops.crisis;

import static org.hamcrest.Matchers.lessThan;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hostile or odd values in filters, paths and bodies get a 4xx answer, never a failure of the service. */
@QuarkusTest
class InputRobustnessTest {

    private static final List<String> ODD = List.of("' OR '1'='1'; --<script>", "50%_\\", "\\", "Lào Cai");

    @Test
    void oddFilterValuesNeverFailTheLists() {
        for (String value : ODD) {
            for (String path : List.of("/api/v1/feedback", "/api/v1/feedback/clusters", "/api/v1/feedback/answers",
                    "/api/v1/signals", "/api/v1/crisis-cases", "/api/v1/topics", "/api/v1/classification-rules")) {
                asNationalAdmin().queryParam("orgUnit", value).queryParam("topic", value).queryParam("q", value)
                        .when().get(path).then().statusCode(200);
                asNationalAdmin().queryParam("sort", value).when().get(path).then().statusCode(lessThan(500));
            }
            asNationalAdmin().queryParam("topic", value).queryParam("orgUnit", value)
                    .when().get("/api/v1/signals/forecast").then().statusCode(422);
            asNationalAdmin().when().get("/api/v1/topics/" + value.replace("/", "%2F")).then().statusCode(404);
        }
    }

    @Test
    void wrongShapesOfBodyAreRefusedWithAProblem() {
        for (String path : List.of("/api/v1/feedback/batches", "/api/v1/crisis-cases", "/api/v1/classification-rules",
                "/api/v1/topics")) {
            asNationalAdmin().contentType(ContentType.JSON).body("{\"title\":\"x\"}").when().post(path).then()
                    .statusCode(400).contentType("application/problem+json");
            asNationalAdmin().contentType(ContentType.JSON).body("[1, 2").when().post(path).then()
                    .statusCode(400).contentType("application/problem+json");
        }
    }
}
