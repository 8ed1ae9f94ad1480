package vn.commops.gateway.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.security.KeyPairGenerator;
import java.util.List;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;
import vn.commops.gateway.support.SignedIn;
import vn.commops.gateway.support.StubServices;

@QuarkusTest
@QuarkusTestResource(StubServices.class)
class AuthenticationGateTest {

    @Test
    void noTokenNeverReachesAService() {
        given().when().get("/api/v1/plans")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("urn:commops:problem:unauthenticated"));
        given().header("Authorization", "Basic YWRtaW46YWRtaW4=").when().get("/api/v1/plans")
                .then().statusCode(401);
    }

    @Test
    void aForgedTokenIsRefused() throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("commops-dev");
        claims.setSubject("mallory");
        claims.setStringListClaim("groups", "national-admin");
        claims.setExpirationTimeMinutesInTheFuture(10);
        JsonWebSignature signature = new JsonWebSignature();
        signature.setPayload(claims.toJson());
        signature.setKey(KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate());
        signature.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);

        given().auth().oauth2(signature.getCompactSerialization()).when().get("/api/v1/plans")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2("eyJhbGciOiJub25lIn0.eyJzdWIiOiJtYWxsb3J5In0.").when().get("/api/v1/plans")
                .then().statusCode(401);
    }

    @Test
    void aDevelopmentTokenPassesAndCarriesItsGrants() {
        given().contentType(ContentType.JSON).body("{\"username\":\"lc-manager\",\"orgUnits\":[\"YB\"]}")
                .when().post("/auth/dev-token")
                .then().statusCode(200)
                .body("access_token", notNullValue())
                .body("token_type", equalTo("Bearer"))
                .body("roles", equalTo(List.of("unit-manager")))
                .body("org_units", equalTo(List.of("YB")));
        SignedIn.given().when().get("/api/v1/plans").then().statusCode(200);
    }

    @Test
    void anUnknownDemoUserIsNotFound() {
        given().contentType(ContentType.JSON).body("{\"username\":\"root\"}").when().post("/auth/dev-token")
                .then().statusCode(404).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{}").when().post("/auth/dev-token")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void theKeySetHoldsOnlyThePublicKey() {
        given().when().get("/auth/jwks.json")
                .then().statusCode(200)
                .body("keys", hasSize(1))
                .body("keys[0].kty", equalTo("RSA"))
                .body("keys[0].d", equalTo(null));
    }
}
