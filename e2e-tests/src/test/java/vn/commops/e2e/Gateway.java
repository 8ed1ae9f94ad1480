package vn.commops.e2e;

import static org.awaitility.Awaitility.await;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

/** Requests through the gateway as its clients make them: tokens from its issuer, JSON bodies. */
final class Gateway {

    private Gateway() {
    }

    /** A request as a demo user of the gateway's development issuer, optionally granted other units. */
    static RequestSpecification as(String username, String... orgUnits) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("orgUnits", List.of(orgUnits));
        String token = RestAssured.given().contentType(ContentType.JSON).body(body)
                .when().post("/auth/dev-token")
                .then().statusCode(200).extract().path("access_token");
        return RestAssured.given().auth().oauth2(token);
    }

    static RequestSpecification admin() {
        return as("national-admin");
    }

    /** A request as a partner, with the token its API key is exchanged for. */
    static RequestSpecification withApiKey(String apiKey) {
        String token = RestAssured.given().header("X-Api-Key", apiKey)
                .when().post("/auth/partner-token")
                .then().statusCode(200).extract().path("access_token");
        return RestAssured.given().auth().oauth2(token);
    }

    static String uniqueSuffix() {
        return Integer.toHexString(UUID.randomUUID().hashCode() & 0xfffff).toUpperCase();
    }

    static void createUnit(String code, String name, String level, String parent) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("name", name);
        body.put("levelCode", level);
        body.put("parentCode", parent);
        admin().contentType(ContentType.JSON).body(body).when().post("/api/v1/org-units").then().statusCode(201);
    }

    /** A national unit, a province and a commune of this test's own: {national, province, commune}. */
    static String[] createHierarchy(String provinceStem, String provinceName, String communeName) {
        String suffix = uniqueSuffix();
        String national = "VN" + suffix;
        String province = provinceStem + suffix;
        String commune = provinceStem + "-C" + suffix;
        createUnit(national, "Bảo hiểm xã hội Việt Nam", "NATIONAL", null);
        createUnit(province, provinceName, "PROVINCE", national);
        createUnit(commune, communeName, "COMMUNE", province);
        return new String[] {national, province, commune};
    }

    /** Waits until another service has learnt of a unit from plan-service's events: until the call stops answering 422. */
    static void awaitKnown(Callable<Integer> statusOfACallNamingTheUnit) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> statusOfACallNamingTheUnit.call() != 422);
    }
}
