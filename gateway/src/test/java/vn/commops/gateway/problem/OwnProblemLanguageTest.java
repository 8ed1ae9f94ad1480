package vn.commops.gateway.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import vn.commops.gateway.support.SignedIn;
import vn.commops.gateway.support.StubServices;

/**
 * The problems the gateway writes itself read as the services' do: Vietnamese unless Accept-Language
 * prefers English, with a Content-Language; the type and the field names never change.
 */
@QuarkusTest
@QuarkusTestResource(StubServices.class)
class OwnProblemLanguageTest {

    private static final String TOO_LARGE = "{\"username\":\"" + "x".repeat(100 * 1024) + "\"}";

    @Test
    void anUnauthenticatedClerkReadsVietnamese() {
        given().get("/api/v1/plans").then().statusCode(401)
                .header("Content-Language", "vi").header("Vary", "Accept-Language")
                .body("type", equalTo("urn:commops:problem:unauthenticated"))
                .body("title", equalTo("Cần xác thực"))
                .body("detail", equalTo("Hãy gửi một bearer token trong phần đầu Authorization"));
        given().auth().oauth2("not-a-token").get("/api/v1/plans").then().statusCode(401)
                .body("detail", equalTo("Bearer token không hợp lệ hoặc đã hết hạn"));
    }

    @Test
    void anUnauthenticatedClientPreferringEnglishReadsEnglish() {
        given().header("Accept-Language", "fr, en-GB;q=0.8, vi;q=0.2").get("/api/v1/plans").then().statusCode(401)
                .header("Content-Language", "en")
                .body("type", equalTo("urn:commops:problem:unauthenticated"))
                .body("title", equalTo("Authentication required"))
                .body("detail", equalTo("Send a bearer token in the Authorization header"));
    }

    @Test
    void aPathNoServiceOffersIsNamedInEitherLanguage() {
        SignedIn.given().get("/api/v1/nothing-here").then().statusCode(404)
                .header("Content-Language", "vi").header("Vary", "Accept-Language")
                .body("title", equalTo("Không tìm thấy"))
                .body("detail", equalTo("Không có dịch vụ nào phục vụ /api/v1/nothing-here"));
        SignedIn.given().header("Accept-Language", "en").get("/api/v1/nothing-here").then().statusCode(404)
                .header("Content-Language", "en")
                .body("title", equalTo("Not Found"))
                .body("detail", equalTo("No service offers /api/v1/nothing-here"));
    }

    @Test
    void aBodyOverTheLimitIsRefusedInEitherLanguage() {
        devToken(given()).statusCode(413)
                .header("Content-Language", "vi").header("Vary", "Accept-Language")
                .body("type", equalTo("urn:commops:problem:payload-too-large"))
                .body("title", equalTo("Nội dung quá lớn"))
                .body("detail", equalTo("Nội dung yêu cầu lớn hơn 65536 byte mà cổng API chấp nhận"));
        devToken(given().header("Accept-Language", "en-US,en;q=0.9")).statusCode(413)
                .header("Content-Language", "en")
                .body("title", equalTo("Payload Too Large"))
                .body("detail", equalTo("The request body is larger than the 65536 bytes the gateway accepts"));
    }

    @Test
    void aServiceThatIsDownIsReportedInEitherLanguage() {
        // The crisis service is down: unreachable at first, then cut off by its circuit; either names it.
        SignedIn.given().get("/api/v1/crisis-cases").then().statusCode(503)
                .header("Content-Language", "vi").header("Vary", "Accept-Language")
                .body("type", equalTo("urn:commops:problem:service-unavailable"))
                .body("title", equalTo("Dịch vụ tạm thời không sẵn sàng"))
                .body("detail", containsString("dịch vụ crisis"));
        SignedIn.given().header("Accept-Language", "en").get("/api/v1/crisis-cases").then().statusCode(503)
                .header("Content-Language", "en")
                .body("title", equalTo("Service Unavailable"))
                .body("detail", containsString("crisis service"));
    }

    @Test
    void aFieldAtFaultKeepsItsNameAndGetsAVietnameseMessage() {
        given().get("/openapi?format=maybe").then().statusCode(400)
                .header("Content-Language", "vi").header("Vary", "Accept-Language")
                .body("type", equalTo("urn:commops:problem:invalid-parameter"))
                .body("title", equalTo("Yêu cầu không hợp lệ"))
                .body("detail", equalTo("format: phải là json hoặc yaml"))
                .body("errors[0].field", equalTo("format"))
                .body("errors[0].message", equalTo("phải là json hoặc yaml"));
        given().contentType(ContentType.JSON).body("{\"username\":\"viewer\"} []").post("/auth/dev-token")
                .then().statusCode(400)
                .body("type", equalTo("urn:commops:problem:malformed-json"))
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].message", startsWith("còn nội dung sau tài liệu JSON"));
    }

    private static ValidatableResponse devToken(RequestSpecification request) {
        return request.contentType(ContentType.JSON).body(TOO_LARGE).post("/auth/dev-token").then();
    }
}
