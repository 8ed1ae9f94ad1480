package vn.commops.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.commops.e2e.Gateway.admin;
import static vn.commops.e2e.Gateway.as;
import static vn.commops.e2e.Gateway.withApiKey;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seed 004's campaign week in Lào Cai, entered as bulk imports through the gateway by three partner
 * organisations (each with its own API key) and the provincial office, replayed without effect, and
 * read back on the province's scorecard in indicator-service with exactly the seed's totals.
 */
class LaoCaiCampaignWeekIT {

    private static final String SEED = "activity-service/src/test/resources/seeds/lao-cai-campaign-week/";
    private static final String NDJSON = "application/x-ndjson";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Platform platform;

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = Platform.shared();
        RestAssured.baseURI = platform.gatewayUrl();
    }

    /**
     * The seed's 2024 units, where the demo hierarchy (after the 2025 reform, no districts) has no
     * unit of their own, are counted under the demo unit that took them over: their parent.
     */
    private static Map<String, String> demoUnitFor() throws IOException {
        List<Map<String, Object>> units = JSON.readValue(platform.repositoryFile(SEED + "org-units.json").toFile(),
                new TypeReference<>() { });
        Map<String, String> mapping = new HashMap<>();
        for (Map<String, Object> unit : units) {
            String code = (String) unit.get("code");
            boolean known = admin().when().get("/api/v1/org-units/" + code).statusCode() == 200;
            mapping.put(code, known ? code : mapping.getOrDefault((String) unit.get("parentCode"),
                    (String) unit.get("parentCode")));
        }
        return mapping;
    }

    private static String records(String reporter, Map<String, String> units) throws IOException {
        List<String> lines = Files.readAllLines(platform.repositoryFile(SEED + reporter + ".ndjson"));
        StringBuilder body = new StringBuilder();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            ObjectNode record = (ObjectNode) JSON.readTree(line);
            record.put("orgUnitCode", units.getOrDefault(record.get("orgUnitCode").asText(),
                    record.get("orgUnitCode").asText()));
            body.append(JSON.writeValueAsString(record)).append('\n');
        }
        return body.toString();
    }

    private static JsonPath importBatch(RequestSpecification as, String ndjson, int status) {
        return ndjson(as, ndjson).queryParam("mode", "per-record")
                .when().post("/api/v1/activities/batches")
                .then().statusCode(status).extract().jsonPath();
    }

    /** NDJSON is text to RestAssured, which otherwise does not know how to send a string of that type. */
    private static RequestSpecification ndjson(RequestSpecification as, String body) {
        return as.config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                        .encodeContentTypeAs(NDJSON, ContentType.TEXT).defaultContentCharset("UTF-8")))
                .contentType(NDJSON + "; charset=UTF-8").body(body);
    }

    /** Registers the seed's partner and returns the API key issued to it (shown once). */
    private static String registerWithKey(Map<String, Object> partner) {
        admin().contentType(ContentType.JSON).body(partner).when().post("/api/v1/partners").then().statusCode(201);
        return admin().when().post("/api/v1/partners/" + partner.get("id") + "/keys")
                .then().statusCode(201).extract().path("key");
    }

    @Test
    void threePartnersAndTheOfficeReportTheWeekAndTheProvinceScoresExactlyTheSeedsTotals() throws IOException {
        Map<String, String> units = demoUnitFor();
        List<Map<String, Object>> partners = JSON.readValue(platform.repositoryFile(SEED + "partners.json").toFile(),
                new TypeReference<>() { });
        Map<String, RequestSpecification> reporters = new LinkedHashMap<>();
        Map<String, String> keys = new HashMap<>();
        for (Map<String, Object> partner : partners) {
            String key = registerWithKey(partner);
            keys.put((String) partner.get("id"), key);
            reporters.put(((String) partner.get("id")).replace("-lc", ""), withApiKey(key));
        }
        reporters.put("provincial-office", as("lc-manager"));
        Map<String, Object> expected = JSON.readValue(platform.repositoryFile(SEED + "expected-totals.json").toFile(),
                new TypeReference<>() { });
        @SuppressWarnings("unchecked")
        Map<String, Integer> perReporter = (Map<String, Integer>) expected.get("byReporter");

        Map<String, String> bodies = new HashMap<>();
        for (Map.Entry<String, RequestSpecification> reporter : reporters.entrySet()) {
            String body = records(reporter.getKey(), units);
            bodies.put(reporter.getKey(), body);
            // The units were made by plan-service; activity-service may still be reading its events.
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).until(() ->
                    importBatch(reporterFor(reporter.getKey(), keys), body, 200).getInt("rejected") == 0);
        }
        for (Map.Entry<String, String> body : bodies.entrySet()) {
            JsonPath replay = importBatch(reporterFor(body.getKey(), keys), body.getValue(), 200);
            assertEquals(perReporter.get(body.getKey()), replay.getInt("unchanged"), body.getKey() + " replayed");
            assertEquals(0, replay.getInt("created") + replay.getInt("corrected") + replay.getInt("conflicts"));
        }

        // A partner outside its grants is refused whole, and nothing of the batch is stored.
        String postOfficeKey = keys.get("post-office-lc");
        String outside = "{\"externalId\":\"BD-HN-1\",\"orgUnitCode\":\"HN\",\"form\":\"SMALL_GROUP\","
                + "\"title\":\"Nhóm nhỏ tại Hà Nội\",\"startedAt\":\"2024-05-14T08:00:00+07:00\",\"attendance\":20}\n"
                + "{\"externalId\":\"BD-LC-X\",\"orgUnitCode\":\"LC\",\"form\":\"SMALL_GROUP\","
                + "\"title\":\"Nhóm nhỏ\",\"startedAt\":\"2024-05-14T08:00:00+07:00\",\"attendance\":20}\n";
        ndjson(withApiKey(postOfficeKey), outside).when().post("/api/v1/activities/batches")
                .then().statusCode(403).contentType("application/problem+json");
        admin().queryParam("orgUnit", "HN").when().get("/api/v1/activities")
                .then().statusCode(200).body("totalItems", equalTo(0));
        // Nor may it vouch for its own figures.
        withApiKey(postOfficeKey).contentType(ContentType.JSON).body(Map.of("orgUnitCode", "LC", "form", "SMALL_GROUP",
                        "title", "Nhóm nhỏ", "startedAt", "2024-05-14T08:00:00+07:00", "attendance", 20,
                        "verificationStatus", "VERIFIED"))
                .when().post("/api/v1/activities")
                .then().statusCode(oneOf(403, 422)).contentType("application/problem+json")
                .body("errors.field", hasItem("verificationStatus"));

        List<String> indicators = List.of("NEW_VOLUNTARY_SI_PARTICIPANTS", "NEW_HI_PARTICIPANTS", "APP_INSTALLS",
                "NON_CASH_CONVERSIONS", "LIVESTREAM_PLAYS", "BOOTH_VISITORS");
        Map<String, Double> seedTotals = Map.of(
                "NEW_VOLUNTARY_SI_PARTICIPANTS", number(expected, "newSocialInsurance"),
                "NEW_HI_PARTICIPANTS", number(expected, "newHealthInsurance"),
                "APP_INSTALLS", number(expected, "appInstalls"),
                "NON_CASH_CONVERSIONS", number(expected, "nonCashConversions"),
                "LIVESTREAM_PLAYS", number(expected, "livestreamPlays"),
                "BOOTH_VISITORS", number(expected, "jobFairBoothVisitors"));
        assertEquals(262.0, seedTotals.get("NEW_VOLUNTARY_SI_PARTICIPANTS"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertEquals(seedTotals, scorecard("LC", indicators)));
        JsonPath national = as("viewer").queryParam("orgUnit", "VN").queryParam("period", "2024W20")
                .queryParam("indicators", String.join(",", indicators))
                .when().get("/api/v1/evaluations/scorecard").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> lcRow = national.getList("children.find { it.orgUnitCode == 'LC' }.evaluations");
        assertEquals(seedTotals, lcRow.stream().collect(Collectors.toMap(e -> (String) e.get("indicatorCode"),
                e -> ((Number) e.get("value")).doubleValue())));
    }

    private static RequestSpecification reporterFor(String reporter, Map<String, String> keys) {
        return reporter.equals("provincial-office") ? as("lc-manager") : withApiKey(keys.get(reporter + "-lc"));
    }

    private static double number(Map<String, Object> expected, String field) {
        return ((Number) expected.get(field)).doubleValue();
    }

    private static Map<String, Double> scorecard(String unit, List<String> indicators) {
        List<Map<String, Object>> values = as("viewer").queryParam("orgUnit", unit).queryParam("period", "2024W20")
                .queryParam("indicators", String.join(",", indicators))
                .when().get("/api/v1/evaluations/scorecard").then().statusCode(200).extract().jsonPath().getList("unit");
        return values.stream().collect(Collectors.toMap(e -> (String) e.get("indicatorCode"),
                e -> ((Number) e.get("value")).doubleValue()));
    }
}
