package vn.commops.activity;

import static vn.commops.common.testing.TestTokens.as;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;
import static vn.commops.common.testing.TestTokens.asPartner;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;
import static vn.commops.common.testing.WriteEndpointEvents.changesNoState;
import static vn.commops.common.testing.WriteEndpointEvents.emits;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import vn.commops.activity.activity.ActivityEvents;
import vn.commops.activity.communicator.CommunicatorEvents;
import vn.commops.activity.evidence.EvidenceEvents;
import vn.commops.activity.partner.PartnerEvents;
import vn.commops.activity.privacy.ContactErasures;
import vn.commops.activity.subscription.SubscriptionEvents;
import vn.commops.activity.verification.VerificationEvents;
import vn.commops.common.testing.OrgUnitEventsFixture;
import vn.commops.common.testing.WriteEndpointEvents;
import vn.commops.common.testing.WriteEndpointEvents.Entry;

/** Every write endpoint of activity-service publishes its state change, or is listed as changing none. */
@QuarkusTest
class WriteEndpointEventsTest {

    @Inject
    DataSource dataSource;

    private String province;
    private String commune;

    @TestFactory
    Stream<DynamicTest> everyWriteEndpointPublishesItsChange() {
        String[] units = OrgUnitEventsFixture.knownProvinceAndCommune();
        province = units[0];
        commune = units[1];
        Map<String, Entry> catalogue = new TreeMap<>();
        catalogue.put("POST /api/v1/activities", emits(ActivityEvents.RECORDED, () -> () -> recordActivity()));
        catalogue.put("PUT /api/v1/activities/{id}", emits(ActivityEvents.CORRECTED, () -> {
            String id = recordActivity();
            Map<String, Object> corrected = Fixtures.smallGroup(commune);
            corrected.put("attendance", 41);
            return () -> as("unit-officer", commune).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                    .body(corrected).when().put("/api/v1/activities/" + id).then().statusCode(200);
        }));
        catalogue.put("POST /api/v1/activities/{id}/verification", emits(ActivityEvents.VERIFIED, () -> {
            String id = as("unit-officer", commune).contentType(ContentType.JSON)
                    .body(Fixtures.withPhoto(Fixtures.smallGroup(commune)))
                    .when().post("/api/v1/activities").then().statusCode(201).extract().path("id");
            return () -> as("unit-manager", province).contentType(ContentType.JSON).body(Map.of("decision", "VERIFIED"))
                    .when().post("/api/v1/activities/" + id + "/verification").then().statusCode(200);
        }));
        catalogue.put("POST /api/v1/activities/{id}/withdrawal", emits(ActivityEvents.WITHDRAWN, () -> {
            String id = recordActivity();
            return () -> as("unit-officer", commune).contentType(ContentType.JSON).body(Map.of("reason", "Nhập nhầm"))
                    .when().post("/api/v1/activities/" + id + "/withdrawal").then().statusCode(200);
        }));
        catalogue.put("POST /api/v1/activities/batches", emits(ActivityEvents.RECORDED, () -> () ->
                asNationalAdmin().contentType(ContentType.JSON).body(List.of(withExternalId(Fixtures.smallGroup(commune))))
                        .when().post("/api/v1/activities/batches").then().statusCode(200)));
        catalogue.put("POST /api/v1/imports", emits(ActivityEvents.RECORDED, () -> () ->
                asNationalAdmin().contentType("application/x-ndjson; charset=UTF-8")
                        .body(("{\"externalId\":\"" + UUID.randomUUID() + "\",\"orgUnitCode\":\"" + commune
                                + "\",\"form\":\"CONFERENCE\",\"title\":\"Hội nghị đối thoại chính sách\","
                                + "\"startedAt\":\"2024-05-20T08:00:00+07:00\",\"attendance\":20}\n")
                                .getBytes(StandardCharsets.UTF_8))
                        .when().post("/api/v1/imports").then().statusCode(202)));
        catalogue.put("POST /api/v1/communicators", emits(CommunicatorEvents.REGISTERED, () -> () -> registerCommunicator()));
        catalogue.put("POST /api/v1/trainings", emits(CommunicatorEvents.TRAINING_RECORDED, () -> {
            String attendee = registerCommunicator();
            String lecturer = registerKeyLecturer();
            return () -> as("unit-manager", province).contentType(ContentType.JSON).body(Map.of(
                            "topic", "Kỹ năng tuyên truyền nhóm nhỏ", "kind", "INITIAL", "lecturerId", lecturer,
                            "orgUnitCode", province, "heldOn", "2024-05-08", "hours", 8,
                            "participants", List.of(Map.of("communicatorId", attendee))))
                    .when().post("/api/v1/trainings").then().statusCode(201);
        }));
        catalogue.put("PUT /api/v1/communicators/{id}", emits(CommunicatorEvents.UPDATED, () -> {
            String id = registerCommunicator();
            return () -> as("unit-manager", province).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                    .body(Map.of("fullName", "Lò Văn Páo", "kind", "VILLAGE_HEAD", "orgUnitCode", commune))
                    .when().put("/api/v1/communicators/" + id).then().statusCode(200);
        }));
        catalogue.put("POST /api/v1/communicators/{id}/deactivation", emits(CommunicatorEvents.DEACTIVATED, () -> {
            String id = registerCommunicator();
            return () -> deactivate(id);
        }));
        catalogue.put("POST /api/v1/communicators/{id}/reactivation", emits(CommunicatorEvents.REACTIVATED, () -> {
            String id = registerCommunicator();
            deactivate(id);
            return () -> as("unit-manager", province).when().post("/api/v1/communicators/" + id + "/reactivation")
                    .then().statusCode(200);
        }));
        catalogue.put("POST /api/v1/partners", emits(PartnerEvents.REGISTERED, () -> () ->
                Fixtures.partner("events", List.of(province))));
        catalogue.put("PUT /api/v1/partners/{id}", emits(PartnerEvents.UPDATED, () -> {
            String partner = Fixtures.partner("events", List.of(province));
            return () -> asNationalAdmin().contentType(ContentType.JSON).body(Map.of("id", partner,
                            "name", "Bưu điện " + partner, "kind", "POST_OFFICE", "orgUnits", List.of(commune),
                            "forms", List.of("LEAFLET")))
                    .when().put("/api/v1/partners/" + partner).then().statusCode(200);
        }));
        catalogue.put("POST /api/v1/partners/{id}/keys", emits(PartnerEvents.KEY_ISSUED, () -> {
            String partner = Fixtures.partner("events", List.of(province));
            return () -> issueKey(partner);
        }));
        catalogue.put("POST /api/v1/partners/{id}/keys/{keyId}/rotation",
                emits(List.of(PartnerEvents.KEY_ROTATED, PartnerEvents.KEY_ISSUED), () -> {
                    String partner = Fixtures.partner("events", List.of(province));
                    String key = issueKey(partner);
                    return () -> asNationalAdmin().contentType(ContentType.JSON).body(Map.of("gracePeriod", "PT1H"))
                            .when().post("/api/v1/partners/" + partner + "/keys/" + key + "/rotation")
                            .then().statusCode(201);
                }));
        catalogue.put("DELETE /api/v1/partners/{id}/keys/{keyId}", emits(PartnerEvents.KEY_REVOKED, () -> {
            String partner = Fixtures.partner("events", List.of(province));
            String key = issueKey(partner);
            return () -> asNationalAdmin().when().delete("/api/v1/partners/" + partner + "/keys/" + key)
                    .then().statusCode(200);
        }));
        catalogue.put("POST /api/v1/partners/credentials/introspect", changesNoState(
                "the gateway's key exchange only reads which partner a key belongs to"));
        subscriptions(catalogue);
        verification(catalogue);
        catalogue.put("POST /api/v1/communicators/contact-erasures", emits(ContactErasures.ERASED, () -> {
            String id = registerCommunicator();
            return () -> as("data-protection-officer").contentType(ContentType.JSON)
                    .body(Map.of("communicatorId", id, "reason", "Đơn yêu cầu xoá số 7/2024"))
                    .when().post("/api/v1/communicators/contact-erasures").then().statusCode(201);
        }));
        catalogue.put("POST /api/v1/activities/{id}/evidence-files", emits(EvidenceEvents.ATTACHED, () -> {
            String id = recordActivity();
            return () -> as("unit-officer", commune).contentType("image/png").body(tinyPng())
                    .when().post("/api/v1/activities/" + id + "/evidence-files").then().statusCode(201);
        }));
        catalogue.put("POST /api/v1/evidence-files", changesNoState(
                "stores content no activity carries yet; attaching it to an activity is the change, published then"));
        catalogue.put("POST /api/v1/communicators/subject-access-exports", changesNoState(
                "answers what is held about a person; only the audit of contact accesses records that it was asked"));
        return WriteEndpointEvents.check("vn.commops.activity", catalogue, dataSource);
    }

    /** A PNG of a random colour, new content at every call. */
    private static byte[] tinyPng() {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, java.util.concurrent.ThreadLocalRandom.current().nextInt(0xffffff));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void subscriptions(Map<String, Entry> catalogue) {
        catalogue.put("POST /api/v1/subscriptions", emits(SubscriptionEvents.CREATED, () -> () -> subscribe()));
        catalogue.put("DELETE /api/v1/subscriptions/{id}", emits(SubscriptionEvents.DISABLED, () -> {
            String id = subscribe();
            return () -> asNationalAdmin().when().delete("/api/v1/subscriptions/" + id).then().statusCode(200);
        }));
        catalogue.put("POST /api/v1/subscriptions/{id}/secret", emits(SubscriptionEvents.SECRET_ROTATED, () -> {
            String id = subscribe();
            return () -> asNationalAdmin().when().post("/api/v1/subscriptions/" + id + "/secret")
                    .then().statusCode(201);
        }));
        catalogue.put("POST /api/v1/subscriptions/{id}/deliveries/{deliveryId}/redrive",
                emits(SubscriptionEvents.DELIVERY_REDRIVEN, () -> {
                    String id = subscribe();
                    UUID delivery = deadLetter(UUID.fromString(id));
                    return () -> asNationalAdmin()
                            .when().post("/api/v1/subscriptions/" + id + "/deliveries/" + delivery + "/redrive")
                            .then().statusCode(200);
                }));
        catalogue.put("POST /api/v1/subscriptions/{id}/replays", emits(SubscriptionEvents.REPLAY_REQUESTED, () -> {
            String id = subscribe();
            return () -> asNationalAdmin().contentType(ContentType.JSON)
                    .body(Map.of("from", OffsetDateTime.now().minusHours(1).toString()))
                    .when().post("/api/v1/subscriptions/" + id + "/replays").then().statusCode(202);
        }));
    }

    private void verification(Map<String, Entry> catalogue) {
        catalogue.put("PUT /api/v1/verification-rules/{form}", emits(VerificationEvents.RULE_CHANGED, () -> () ->
                asNationalAdmin().contentType(ContentType.JSON).body(Map.of("minEvidence", 1, "photoRequired", false,
                                "positionRequired", false, "captureTimeRequired", false,
                                "maxMinutesFromActivity", 1 + ThreadLocalRandom.current().nextInt(10_000)))
                        .when().put("/api/v1/verification-rules/SOCIAL_POST").then().statusCode(anyOf(is(200), is(201)))));
        catalogue.put("POST /api/v1/review-samples", emits(VerificationEvents.SAMPLE_DRAWN, () -> {
            String partner = Fixtures.partner("sampled", List.of(province));
            OffsetDateTime from = OffsetDateTime.now().minusMinutes(1);
            asPartner(partner, province).contentType(ContentType.JSON).body(Fixtures.livestream(commune))
                    .when().post("/api/v1/activities").then().statusCode(201);
            return () -> as("unit-manager", province).contentType(ContentType.JSON).body(Map.of("partnerId", partner,
                            "orgUnitCode", province, "recordedFrom", from.toString(),
                            "recordedTo", OffsetDateTime.now().plusMinutes(1).toString(), "percent", 5))
                    .when().post("/api/v1/review-samples").then().statusCode(201);
        }));
    }

    private static String subscribe() {
        return asNationalAdmin().contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:9/hook", "eventTypes", List.of("feedback.received")))
                .when().post("/api/v1/subscriptions").then().statusCode(201).extract().path("subscription.id");
    }

    /** A delivery that gave up, as the worker leaves one after its last attempt. */
    private UUID deadLetter(UUID subscription) {
        UUID event = UUID.randomUUID();
        UUID delivery = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement received = connection.prepareStatement("insert into webhook_event "
                        + "(event_id, type, event_time, payload) values (?, 'feedback.received', now(), '{}')");
                PreparedStatement dead = connection.prepareStatement("insert into webhook_delivery (id, "
                        + "subscription_id, event_id, status, attempts, next_attempt_at, created_at) "
                        + "values (?, ?, ?, 'DEAD_LETTERED', 3, now(), now())")) {
            received.setObject(1, event);
            received.executeUpdate();
            dead.setObject(1, delivery);
            dead.setObject(2, subscription);
            dead.setObject(3, event);
            dead.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return delivery;
    }

    private String recordActivity() {
        return as("unit-officer", commune).contentType(ContentType.JSON).body(Fixtures.smallGroup(commune))
                .when().post("/api/v1/activities").then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> withExternalId(Map<String, Object> activity) {
        activity.put("externalId", UUID.randomUUID().toString());
        return activity;
    }

    private String registerCommunicator() {
        return as("unit-manager", province).contentType(ContentType.JSON).body(Map.of("fullName", "Lò Văn Páo",
                        "kind", "COLLABORATOR", "orgUnitCode", commune, "role", "Cộng tác viên thu",
                        "contact", Map.of("phone", "0912 345 678", "lawfulBasis", "CONTRACT")))
                .when().post("/api/v1/communicators").then().statusCode(201).extract().path("id");
    }

    private String registerKeyLecturer() {
        return as("unit-manager", province).contentType(ContentType.JSON).body(Map.of("fullName", "Nguyễn Văn Giảng",
                        "kind", "KEY_LECTURER", "orgUnitCode", province))
                .when().post("/api/v1/communicators").then().statusCode(201).extract().path("id");
    }

    private void deactivate(String id) {
        as("unit-manager", province).contentType(ContentType.JSON).body(Map.of("reason", "LEFT_THE_UNIT"))
                .when().post("/api/v1/communicators/" + id + "/deactivation").then().statusCode(200);
    }

    private static String issueKey(String partner) {
        return asNationalAdmin().when().post("/api/v1/partners/" + partner + "/keys").then().statusCode(201)
                .extract().path("keyId");
    }
}
