package vn.commops.gateway.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import vn.commops.gateway.support.StubServices;

/** The development issuer reads its body as strictly as the services read theirs: as sent, or a 400 naming the field. */
@QuarkusTest
@QuarkusTestResource(StubServices.class)
class DevTokenTest {

    @Test
    void aDemoUserGetsAToken() {
        devToken("{\"username\":\"lc-manager\",\"orgUnits\":[\"LC\"]}").statusCode(200)
                .body("access_token", notNullValue());
    }

    @Test
    void aKeySentTwiceIsRefusedNamingIt() {
        refused("{\"username\":\"viewer\",\"username\":\"national-admin\"}", "malformed-json", "username");
    }

    @Test
    void anythingAfterTheDocumentIsRefused() {
        refused("{\"username\":\"viewer\"} xyz", "malformed-json", "body");
        refused("{\"username\":\"viewer\"} {}", "malformed-json", "body");
    }

    @Test
    void aControlCharacterInATextIsRefusedNamingTheField() {
        refused("{\"username\":\"vie\\u0000wer\"}", "unreadable-field", "username")
                .body("errors[0].message", containsString("U+0000"));
        refused("{\"username\":\"viewer\",\"orgUnits\":[\"LC\",\"H\\nN\"]}", "unreadable-field", "orgUnits[1]");
        refused("{\"username\":\"viewer\",\"orgUnits\":[\"ab\\ud800\"]}", "unreadable-field", "orgUnits[0]")
                .body("errors[0].message", containsString("unpaired surrogate"));
    }

    @Test
    void aValueOfAnotherTypeIsNotConverted() {
        refused("{\"username\":12345}", "unreadable-field", "username");
        refused("{\"username\":true}", "unreadable-field", "username");
        refused("{\"username\":\"viewer\",\"orgUnits\":\"LC\"}", "unreadable-field", "orgUnits");
        refused("{\"username\":\"viewer\",\"orgUnits\":[1.5]}", "unreadable-field", "orgUnits[0]");
    }

    @Test
    void aBodyOfAnotherShapeBrokenOrTooDeepIsAProblem() {
        refused("[]", "unreadable-field", "body");
        devToken("{\"username\":").statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:commops:problem:malformed-json"));
        String deep = "[".repeat(1000) + "]".repeat(1000);
        devToken("{\"username\":\"viewer\",\"note\":" + deep + "}").statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:commops:problem:malformed-json"))
                .body("detail", containsString("nesting depth"));
    }

    private static ValidatableResponse refused(String body, String slug, String field) {
        return devToken(body).statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:commops:problem:" + slug))
                .body("errors[0].field", equalTo(field))
                .body("detail", containsString(field + ": "));
    }

    private static ValidatableResponse devToken(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/auth/dev-token").then();
    }
}
