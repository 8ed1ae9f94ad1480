package vn.commops.e2e;

import static org.hamcrest.Matchers.equalTo;
import static vn.commops.e2e.Gateway.admin;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 24, part 7, through the gateway: problems in Vietnamese unless the client asks for English,
 * whether a service or the gateway itself wrote them.
 */
class ProblemLanguageIT {

    private static final Map<String, Object> NAMELESS_UNIT = Map.of("code", "QN-X", "levelCode", "COMMUNE");

    @BeforeAll
    static void startPlatform() throws Exception {
        RestAssured.baseURI = Platform.shared().gatewayUrl();
    }

    @Test
    void aProblemArrivesInVietnameseWhenTheClientNamesNoLanguage() {
        admin().contentType(ContentType.JSON).body(NAMELESS_UNIT)
                .when().post("/api/v1/org-units")
                .then().statusCode(400)
                .header("Content-Language", "vi")
                .body("type", equalTo("urn:commops:problem:validation"))
                .body("title", equalTo("Yêu cầu không hợp lệ"))
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].message", equalTo("không được để trống"));
    }

    @Test
    void aProblemArrivesInEnglishWhenTheClientAsksForIt() {
        admin().header("Accept-Language", "en").contentType(ContentType.JSON).body(NAMELESS_UNIT)
                .when().post("/api/v1/org-units")
                .then().statusCode(400)
                .header("Content-Language", "en")
                .body("type", equalTo("urn:commops:problem:validation"))
                .body("title", equalTo("Request is not valid"))
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].message", equalTo("must not be blank"));
    }

    @Test
    void aProblemTheGatewayWritesItselfFollowsTheSameLanguage() {
        RestAssured.given().when().get("/api/v1/org-units")
                .then().statusCode(401)
                .header("Content-Language", "vi")
                .body("type", equalTo("urn:commops:problem:unauthenticated"))
                .body("title", equalTo("Cần xác thực"));
        RestAssured.given().header("Accept-Language", "en").when().get("/api/v1/org-units")
                .then().statusCode(401)
                .header("Content-Language", "en")
                .body("title", equalTo("Authentication required"));
    }
}
