package vn.commops.plan.orgunit;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** Problems follow Accept-Language; type URNs and field names never change with it. */
@QuarkusTest
class ProblemLanguageResourceTest {

    private static final String MISSING_NAME = "{\"code\":\"lower case\",\"levelCode\":\"COMMUNE\"}";

    @Test
    void validationProblemsArriveInVietnamese() {
        asNationalAdmin().header("Accept-Language", "vi-VN,vi;q=0.9,en;q=0.5").contentType(ContentType.JSON)
                .body(MISSING_NAME)
                .when().post("/api/v1/org-units")
                .then().statusCode(400)
                .header("Content-Language", "vi")
                .body("type", equalTo("urn:commops:problem:validation"))
                .body("title", equalTo("Yêu cầu không hợp lệ"))
                .body("errors.field", contains("code", "name"))
                .body("errors.find { it.field == 'name' }.message", equalTo("không được để trống"));
    }

    @Test
    void theClientsPreferredLanguageWinsByQValue() {
        asNationalAdmin().header("Accept-Language", "vi;q=0.2, en-GB;q=0.8").contentType(ContentType.JSON)
                .body(MISSING_NAME)
                .when().post("/api/v1/org-units")
                .then().statusCode(400)
                .header("Content-Language", "en")
                .body("title", equalTo("Request is not valid"))
                .body("errors.find { it.field == 'name' }.message", equalTo("must not be blank"));
    }

    @Test
    void anUnknownUnitIsNotFoundInVietnamese() {
        asNationalAdmin().header("Accept-Language", "vi").when().get("/api/v1/org-units/NOWHERE")
                .then().statusCode(404)
                .header("Content-Language", "vi")
                .body("type", equalTo("urn:commops:problem:not-found"))
                .body("title", equalTo("Không tìm thấy đơn vị"))
                .body("detail", equalTo("Không tồn tại đơn vị 'NOWHERE'"));
    }

    @Test
    void malformedJsonIsExplainedInVietnamese() {
        asNationalAdmin().header("Accept-Language", "vi").contentType(ContentType.JSON).body("{\"code\": \"LC\",")
                .when().post("/api/v1/org-units")
                .then().statusCode(400)
                .body("type", equalTo("urn:commops:problem:malformed-json"))
                .body("title", equalTo("Nội dung không phải JSON hợp lệ"));
    }
}
