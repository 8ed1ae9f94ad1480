package vn.commops.gateway.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import vn.commops.gateway.support.StubService;
import vn.commops.gateway.support.StubServices;

@QuarkusTest
@QuarkusTestResource(StubServices.class)
class PartnerTokenTest {

    @Test
    void aValidApiKeyBecomesAShortLivedPartnerTokenGrantedTheRegisteredUnits() {
        String token = given().header("X-Api-Key", StubService.PARTNER_KEY)
                .when().post("/auth/partner-token")
                .then().statusCode(200)
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(900))
                .body("roles", equalTo(List.of("partner")))
                .body("org_units", equalTo(List.of("LC")))
                .extract().path("access_token");

        Map<String, Object> claims = JsonPath.from(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1])))
                .getMap("");
        assertEquals("post-office-lc", claims.get("partner_id"));
        assertEquals("partner:post-office-lc", claims.get("sub"));

        given().auth().oauth2(token).when().get("/api/v1/activities")
                .then().statusCode(200).body("service", equalTo("activity"));
    }

    @Test
    void theKeyThatSignsPartnerTokensIsPublishedForTheServices() {
        String token = given().header("X-Api-Key", StubService.PARTNER_KEY).post("/auth/partner-token")
                .then().statusCode(200).extract().path("access_token");
        String keyId = JsonPath.from(new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]))).getString("kid");

        given().when().get("/auth/jwks.json").then().statusCode(200).body("keys.kid", hasItem(keyId));
    }

    @Test
    void anUnknownOrMissingKeyGetsAProblemAndNoToken() {
        given().header("X-Api-Key", "cok_guessed").when().post("/auth/partner-token")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "ApiKey")
                .body("type", equalTo("urn:commops:problem:unauthenticated"));
        given().when().post("/auth/partner-token")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void anOversizedKeyIsABadCredentialNotAnOutage() {
        given().header("X-Api-Key", "cok_" + "k".repeat(8 * 1024)).when().post("/auth/partner-token")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "ApiKey")
                .body("type", equalTo("urn:commops:problem:unauthenticated"));
    }

    @Test
    void somethingThatIsNoKeyIsRefusedWithoutAskingTheRegistry() {
        // The stand-in registry fails on anything not shaped like a key: asking it would make this a 503.
        for (String notAKey : List.of("not-a-key", "cok_", "cok_with space", "cok_ünïcode", "Bearer cok_abc")) {
            given().header("X-Api-Key", notAKey).when().post("/auth/partner-token")
                    .then().statusCode(401).contentType("application/problem+json");
        }
    }

    @Test
    void aRegistryRefusingTheRequestMeansTheKeyOpensNothing() {
        given().header("X-Api-Key", StubService.KEY_THE_REGISTRY_REFUSES).when().post("/auth/partner-token")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:commops:problem:unauthenticated"));
    }

    @Test
    void aFailingRegistryIsAnOutageTheClientMayRetry() {
        given().header("X-Api-Key", StubService.KEY_THE_REGISTRY_FAILS_ON).when().post("/auth/partner-token")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .body("type", equalTo("urn:commops:problem:service-unavailable"));
    }
}
