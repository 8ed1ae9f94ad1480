package vn.commops.activity.ingest;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.commops.common.testing.TestTokens.as;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;
import static vn.commops.common.testing.TestTokens.asPartner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import vn.commops.common.testing.Envelopes;
import vn.commops.common.testing.OrgUnitEventsFixture;
import vn.commops.common.testing.OutboxContents;
import vn.commops.common.testing.TopicProbe;

/**
 * Seed 004: the Lao Cai campaign week, entered by the post office, the cultural centre and the labour
 * federation as batches and by the provincial office as an import; the outcomes add up to the seed's
 * figures, and replaying every upload changes nothing and emits nothing.
 */
@QuarkusTest
class LaoCaiCampaignWeekTest {

    static final String DATASET = "/seeds/lao-cai-campaign-week/";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager entityManager;

    @Inject
    DataSource dataSource;

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = LaoCaiCampaignWeekTest.class.getResourceAsStream(DATASET + name)) {
            return in.readAllBytes();
        }
    }

    private long sql(String query) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) entityManager.createNativeQuery(query).getSingleResult()).longValue());
    }

    /** The seed's org units, so that other tests' activities under /VN/LC/ never count here. */
    private static String units;
    private static String seedActivities;

    private void knowTheProvince() throws IOException {
        List<String> codes = new ArrayList<>();
        JSON.readTree(resource("org-units.json")).forEach(unit -> codes.add("'" + unit.path("code").asText() + "'"));
        units = "(" + String.join(", ", codes) + ")";
        seedActivities = "from activity where org_unit_code in " + units;
        for (JsonNode unit : JSON.readTree(resource("org-units.json"))) {
            ObjectNode data = Envelopes.data().setAll((ObjectNode) unit);
            TopicProbe.send("org-units", unit.path("code").asText(), Envelopes.envelope(UUID.randomUUID(),
                    "org-unit.created", "plan-service", unit.path("code").asText(), data));
        }
        OrgUnitEventsFixture.awaitName("LC-MUONGKHUONG-MUONGKHUONG", "Thị trấn Mường Khương");
        for (JsonNode partner : JSON.readTree(resource("partners.json"))) {
            asNationalAdmin().contentType(ContentType.JSON).body(partner.toString()).when().post("/api/v1/partners")
                    .then().statusCode(201);
        }
    }

    private static void batch(Supplier<RequestSpecification> caller, String file, String outcome, int count)
            throws IOException {
        caller.get().contentType("application/x-ndjson; charset=UTF-8").body(resource(file))
                .queryParam("mode", "all-or-nothing")
                .when().post("/api/v1/activities/batches")
                .then().statusCode(200).body("total", equalTo(count)).body(outcome, equalTo(count));
    }

    private static void officeImport(String outcome, int count) throws IOException {
        String id = as("unit-manager", "LC").contentType("application/x-ndjson; charset=UTF-8")
                .body(resource("provincial-office.ndjson")).queryParam("mode", "all-or-nothing")
                .when().post("/api/v1/imports").then().statusCode(202).extract().path("id");
        await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(as("unit-manager", "LC")
                .when().get("/api/v1/imports/" + id).then().extract().path("status")));
        as("unit-manager", "LC").when().get("/api/v1/imports/" + id).then()
                .body("applied", equalTo(true)).body(outcome, equalTo(count)).body("rejected", equalTo(0));
    }

    private void enterTheWeek(String outcome) throws IOException {
        batch(() -> asPartner("post-office-lc", "LC"), "post-office.ndjson", outcome, 28);
        batch(() -> asPartner("cultural-centre-lc", "LC"), "cultural-centre.ndjson", outcome, 3);
        batch(() -> asPartner("labour-federation-lc", "LC"), "labour-federation.ndjson", outcome, 4);
        officeImport(outcome, 89);
    }

    @Test
    void theCampaignWeekAddsUpToTheSeedAndAReplayChangesNothing() throws IOException {
        knowTheProvince();
        JsonNode expected = JSON.readTree(resource("expected-totals.json"));

        enterTheWeek("created");
        assertEquals(expected.path("records").asLong(), sql("select count(*) " + seedActivities));
        assertEquals(262, sql("select sum(new_social_insurance) " + seedActivities));
        assertEquals(1837, sql("select sum(new_health_insurance) " + seedActivities));
        assertEquals(519, sql("select sum(app_installs) " + seedActivities));
        assertEquals(101, sql("select sum(non_cash_conversions) " + seedActivities));
        assertEquals(18600, sql("select sum(plays) " + seedActivities + " and form = 'LIVESTREAM'"));
        assertEquals(1990, sql("select sum(interactions) " + seedActivities + " and form = 'LIVESTREAM'"));
        assertEquals(68, sql("select sum(attendance) " + seedActivities + " and form = 'ADVISORY_BOOTH'"));
        assertEquals(35, sql("select count(*) " + seedActivities + " and partner_id is not null"));
        LongSupplier outboxed = () -> OutboxContents.events(dataSource, event ->
                units.contains("'" + event.envelope().path("data").path("orgUnitCode").asText() + "'")).size();
        long events = outboxed.getAsLong();
        assertEquals(124, events);
        JsonNode booth = TopicProbe.awaitMessage("activities", m -> "ADVISORY_BOOTH".equals(
                m.value().path("data").path("form").asText()) && "labour-federation-lc".equals(
                m.value().path("data").path("partnerId").asText()), Duration.ofSeconds(20)).value();
        assertEquals(68, booth.path("data").path("attendance").asInt());

        enterTheWeek("unchanged");
        assertEquals(124, sql("select count(*) " + seedActivities));
        assertEquals(events, outboxed.getAsLong(), "a replay emitted events");
        assertEquals(1837, sql("select sum(new_health_insurance) " + seedActivities));
    }
}
