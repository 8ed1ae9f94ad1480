package vn.commops.activity.subscription;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static vn.commops.common.testing.TestTokens.as;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;
import static vn.commops.common.testing.TestTokens.asPartner;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.commops.activity.Fixtures;
import vn.commops.common.testing.OrgUnitEventsFixture;

/** Who may subscribe to what, and how a subscription request is refused. */
@QuarkusTest
class SubscriptionResourceTest {

    private static final String URL = "http://127.0.0.1:9/hook";

    @Inject
    EntityManager entityManager;

    private String province;
    private String partner;

    @BeforeEach
    void partnerOfAProvince() {
        province = OrgUnitEventsFixture.knownProvinceAndCommune()[0];
        partner = Fixtures.partner("dhis2", List.of(province));
    }

    private static Map<String, Object> request(List<String> types, List<String> units) {
        Map<String, Object> body = new HashMap<>();
        body.put("url", URL);
        body.put("eventTypes", types);
        body.put("orgUnits", units);
        return body;
    }

    @Test
    void aPartnerMaySubscribeToActivityEventsOnly() {
        asPartner(partner, province).contentType(ContentType.JSON)
                .body(request(List.of("activity.recorded", "plan.approved"), List.of()))
                .when().post("/api/v1/subscriptions")
                .then().statusCode(403)
                .body("type", equalTo("urn:commops:problem:event-type-not-granted"))
                .body("errors[0].field", equalTo("eventTypes[1]"));
    }

    @Test
    void unknownEventTypesAndOrgUnitsAreNamed() {
        asNationalAdmin().contentType(ContentType.JSON)
                .body(request(List.of("activity.recorded", "activity.exploded"), List.of()))
                .when().post("/api/v1/subscriptions")
                .then().statusCode(422)
                .body("type", equalTo("urn:commops:problem:unknown-event-type"))
                .body("errors[0].field", equalTo("eventTypes[1]"));
        asNationalAdmin().contentType(ContentType.JSON)
                .body(request(List.of("feedback.received"), List.of("NO-SUCH-UNIT")))
                .when().post("/api/v1/subscriptions")
                .then().statusCode(422)
                .body("type", equalTo("urn:commops:problem:unknown-org-unit"))
                .body("errors[0].field", equalTo("orgUnits[0]"));
    }

    @Test
    void aPartnerFiltersOnlyWithinItsGrants() {
        String elsewhere = OrgUnitEventsFixture.knownCommune();
        asPartner(partner, province).contentType(ContentType.JSON)
                .body(request(List.of("activity.recorded"), List.of(province, elsewhere)))
                .when().post("/api/v1/subscriptions")
                .then().statusCode(403)
                .body("type", equalTo("urn:commops:problem:org-unit-not-granted"))
                .body("errors[0].field", equalTo("orgUnits[1]"));
    }

    @Test
    void aTargetMustBeAUrlWithAHostAndNoCredentials() {
        Map<String, Object> body = request(List.of("activity.recorded"), List.of());
        body.put("url", "http://user:secret@127.0.0.1/hook");
        asPartner(partner, province).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/subscriptions")
                .then().statusCode(422)
                .body("type", equalTo("urn:commops:problem:webhook-target-refused"))
                .body("errors[0].field", equalTo("url"));
        body.put("url", "");
        asPartner(partner, province).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/subscriptions")
                .then().statusCode(400).body("errors.field", hasItem("url"));
    }

    @Test
    void onlyPartnersAndIntegratorsSubscribe() {
        as("unit-manager", province).contentType(ContentType.JSON)
                .body(request(List.of("activity.recorded"), List.of()))
                .when().post("/api/v1/subscriptions").then().statusCode(403);
        asPartner("not-registered", province).contentType(ContentType.JSON)
                .body(request(List.of("activity.recorded"), List.of()))
                .when().post("/api/v1/subscriptions")
                .then().statusCode(403).body("type", equalTo("urn:commops:problem:partner-not-registered"));
    }

    @Test
    void theSecretIsShownOnceAndStoredEncrypted() {
        Map<String, Object> issued = asPartner(partner, province).contentType(ContentType.JSON)
                .body(request(List.of("activity.recorded"), List.of(province)))
                .when().post("/api/v1/subscriptions").then().statusCode(201).extract().as(Map.class);
        String secret = (String) issued.get("secret");
        String id = (String) ((Map<?, ?>) issued.get("subscription")).get("id");
        asPartner(partner, province).when().get("/api/v1/subscriptions/" + id).then().statusCode(200)
                .body("$", not(hasKey("secret")))
                .body("orgUnits[0]", equalTo(province))
                .body("deliveries.pending", equalTo(0));
        String stored = QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery("select secret_ciphertext from webhook_subscription where id = cast(:id as uuid)")
                .setParameter("id", id).getSingleResult());
        assertFalse(stored.contains(secret.substring("whsec_".length())));
        String rotated = asPartner(partner, province).when().post("/api/v1/subscriptions/" + id + "/secret")
                .then().statusCode(201).extract().path("secret");
        assertFalse(rotated.equals(secret));
    }

    @Test
    void anotherPartnersSubscriptionIsNotThere() {
        String id = asPartner(partner, province).contentType(ContentType.JSON)
                .body(request(List.of("activity.recorded"), List.of()))
                .when().post("/api/v1/subscriptions").then().statusCode(201).extract().path("subscription.id");
        String other = Fixtures.partner("kobo", List.of(province));
        asPartner(other, province).when().get("/api/v1/subscriptions/" + id).then().statusCode(404);
        asPartner(other, province).when().get("/api/v1/subscriptions").then().statusCode(200)
                .body("totalItems", equalTo(0));
        asNationalAdmin().when().get("/api/v1/subscriptions/" + id).then().statusCode(200)
                .body("ownerId", equalTo(partner));
    }

    @Test
    void aReplayCannotStartInTheFutureNorBeforeRetention() {
        String id = asPartner(partner, province).contentType(ContentType.JSON)
                .body(request(List.of("activity.recorded"), List.of()))
                .when().post("/api/v1/subscriptions").then().statusCode(201).extract().path("subscription.id");
        asPartner(partner, province).contentType(ContentType.JSON)
                .body(Map.of("from", OffsetDateTime.now().plusDays(1).toString()))
                .when().post("/api/v1/subscriptions/" + id + "/replays")
                .then().statusCode(422).body("errors[0].field", equalTo("from"));
        asPartner(partner, province).contentType(ContentType.JSON)
                .body(Map.of("from", OffsetDateTime.now().minusDays(30).toString()))
                .when().post("/api/v1/subscriptions/" + id + "/replays")
                .then().statusCode(422).body("type", equalTo("urn:commops:problem:replay-beyond-retention"));
        asPartner(partner, province).when().delete("/api/v1/subscriptions/" + id)
                .then().statusCode(200).body("status", equalTo("DISABLED"));
        asPartner(partner, province).contentType(ContentType.JSON)
                .body(Map.of("from", OffsetDateTime.now().minusHours(1).toString()))
                .when().post("/api/v1/subscriptions/" + id + "/replays")
                .then().statusCode(409).body("type", equalTo("urn:commops:problem:subscription-disabled"));
    }
}
