package vn.commops.activity.partner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static vn.commops.common.testing.TestTokens.as;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;
import static vn.commops.common.testing.TestTokens.asPartner;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.commops.activity.Fixtures;
import vn.commops.common.testing.OrgUnitEventsFixture;

/** The partner registry and its API keys: shown once, stored hashed, rotated, revoked, introspected. */
@QuarkusTest
class PartnerKeysTest {

    @Inject
    EntityManager entityManager;

    private String province;
    private String partner;

    @BeforeEach
    void registered() {
        province = OrgUnitEventsFixture.knownProvinceAndCommune()[0];
        partner = Fixtures.partner("post-office", List.of(province), "LAUNCH_CEREMONY", "ADVISORY_BOOTH");
    }

    private Map<String, Object> issue() {
        return asNationalAdmin().when().post("/api/v1/partners/" + partner + "/keys")
                .then().statusCode(201).body("key", startsWith("cok_")).extract().as(Map.class);
    }

    private static io.restassured.response.ValidatableResponse introspect(String key) {
        return given().header("X-Api-Key", key).when().post("/api/v1/partners/credentials/introspect").then();
    }

    @Test
    void aKeyIsShownOnceStoredOnlyAsItsHashAndIntrospectsToThePartnersGrants() {
        Map<String, Object> issued = issue();
        String key = (String) issued.get("key");

        introspect(key).statusCode(200)
                .body("partnerId", equalTo(partner))
                .body("orgUnits", contains(province))
                .body("forms", contains("LAUNCH_CEREMONY", "ADVISORY_BOOTH"))
                .body("keyId", equalTo(issued.get("keyId")));
        asNationalAdmin().when().get("/api/v1/partners/" + partner + "/keys").then().statusCode(200)
                .body("keyId", contains(issued.get("keyId")))
                .body("[0].prefix", equalTo(issued.get("prefix")))
                .body("[0].active", equalTo(true))
                .body("[0]", not(hasKey("key")));
        List<?> stored = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select hash from partner_key where partner_id = :p").setParameter("p", partner)
                .getResultList());
        assertEquals(1, stored.size());
        assertFalse(stored.get(0).toString().contains(key.substring(20)), "the key itself is stored");
        assertEquals(64, stored.get(0).toString().length());
    }

    @Test
    void anUnknownOrRevokedKeyOpensNothing() {
        introspect("cok_0000000000_nothing").statusCode(401).contentType("application/problem+json");
        introspect("not-a-key").statusCode(401);
        given().when().post("/api/v1/partners/credentials/introspect").then().statusCode(401);

        Map<String, Object> issued = issue();
        asNationalAdmin().when().delete("/api/v1/partners/" + partner + "/keys/" + issued.get("keyId"))
                .then().statusCode(200).body("active", equalTo(false)).body("revokedAt", notNullValue());
        introspect((String) issued.get("key")).statusCode(401);
    }

    @Test
    void aRotationIssuesANewKeyAndKeepsTheOldOneForTheGracePeriodOrRevokesIt() {
        Map<String, Object> first = issue();
        Map<String, Object> second = asNationalAdmin().contentType(ContentType.JSON).body(Map.of("gracePeriod", "PT1H"))
                .when().post("/api/v1/partners/" + partner + "/keys/" + first.get("keyId") + "/rotation")
                .then().statusCode(201).body("replaced.expiresAt", notNullValue()).extract().as(Map.class);
        introspect((String) first.get("key")).statusCode(200);
        introspect((String) second.get("key")).statusCode(200);

        Map<String, Object> third = asNationalAdmin().contentType(ContentType.JSON).body(Map.of("gracePeriod", "PT0S"))
                .when().post("/api/v1/partners/" + partner + "/keys/" + second.get("keyId") + "/rotation")
                .then().statusCode(201).extract().as(Map.class);
        introspect((String) second.get("key")).statusCode(401);
        introspect((String) third.get("key")).statusCode(200).body("partnerId", equalTo(partner));
        asNationalAdmin().contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/v1/partners/" + partner + "/keys/" + second.get("keyId") + "/rotation")
                .then().statusCode(409);
    }

    @Test
    void onlyNationalAdminsManagePartnersAndAPartnerReadsOnlyItself() {
        as("unit-manager", province).when().post("/api/v1/partners/" + partner + "/keys").then().statusCode(403);
        asPartner(partner, province).when().get("/api/v1/partners/" + partner).then().statusCode(200)
                .body("orgUnits", hasItem(province));
        asPartner(partner, province).when().get("/api/v1/partners/someone-else").then().statusCode(403);
        asNationalAdmin().contentType(ContentType.JSON).body(Map.of("id", "bad id", "name", "", "kind", "POST_OFFICE",
                        "orgUnits", List.of("NOWHERE"), "forms", List.of()))
                .when().post("/api/v1/partners").then().statusCode(400)
                .body("errors.field", contains("forms", "id", "name"));
        asNationalAdmin().contentType(ContentType.JSON).body(Map.of("id", "ghost-partner", "name", "Ma",
                        "kind", "PRESS", "orgUnits", List.of("NOWHERE"), "forms", List.of("NEWS_ARTICLE")))
                .when().post("/api/v1/partners").then().statusCode(422).body("errors.field", contains("orgUnits[0]"));
    }

    @Test
    void narrowingAPartnersGrantsInTheRegistryAppliesAtOnceWhateverItsTokenSays() {
        String[] units = OrgUnitEventsFixture.knownProvinceAndCommune();
        String other = Fixtures.partner("cultural-centre", List.of(units[0]), "ART_PERFORMANCE");
        Map<String, Object> show = Fixtures.smallGroup(units[1]);
        show.put("form", "ART_PERFORMANCE");
        show.put("attendance", 300);
        asPartner(other, units[0]).contentType(ContentType.JSON).body(show).when().post("/api/v1/activities")
                .then().statusCode(201);
        asNationalAdmin().contentType(ContentType.JSON).body(Map.of("id", other, "name", "Trung tâm Văn hoá",
                        "kind", "CULTURAL_CENTRE", "orgUnits", List.of(province), "forms", List.of("ART_PERFORMANCE")))
                .when().put("/api/v1/partners/" + other).then().statusCode(200);
        show.put("title", "Tiểu phẩm khác");
        asPartner(other, units[0]).contentType(ContentType.JSON).body(show).when().post("/api/v1/activities")
                .then().statusCode(403).body("errors[0].field", equalTo("orgUnitCode"));
        asPartner("unregistered", units[0]).contentType(ContentType.JSON).body(show).when().post("/api/v1/activities")
                .then().statusCode(403).body("type", equalTo("urn:commops:problem:partner-not-registered"));
    }
}
