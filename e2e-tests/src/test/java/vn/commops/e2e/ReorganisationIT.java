package vn.commops.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.commops.e2e.Gateway.admin;
import static vn.commops.e2e.Gateway.as;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The 2025 merger of provinces as a provincial office lives it (issue 22): a merger decided for next month
 * changes nothing until then — the province stays open, its communes stay under it, plans and activities
 * are still accepted for it, and the merger is listed as scheduled and can be called off. Once its date has
 * come it takes effect in every service, and the province's history says who did it, when and why. Reports
 * can then be asked on today's hierarchy or as the hierarchy was.
 *
 * <p>The services run on the real calendar, so "after its date" is a merger dated today, which takes effect
 * at once; the job that applies a scheduled change when its day comes is tested in plan-service against a
 * clock the test controls (OrgUnitScheduledReorganisationTest).
 */
class ReorganisationIT {

    private static final String SINCE = "2020-01-01";
    private static final String REASON = "Nghị quyết 202/2025/QH15 sắp xếp đơn vị hành chính cấp tỉnh";

    @BeforeAll
    static void startPlatform() throws Exception {
        RestAssured.baseURI = Platform.shared().gatewayUrl();
    }

    private static void createUnit(String code, String name, String level, String parent) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("name", name);
        body.put("levelCode", level);
        body.put("parentCode", parent);
        body.put("validFrom", SINCE);
        admin().contentType(ContentType.JSON).body(body).when().post("/api/v1/org-units").then().statusCode(201);
    }

    private static Map<String, Object> merger(String merged, String successor, LocalDate effective) {
        return Map.of("mergedCodes", List.of(merged), "successorCode", successor,
                "effectiveDate", effective.toString(), "reason", REASON);
    }

    private static Map<String, Object> activity(String unit, String startedAt, int attendance) {
        Map<String, Object> body = new HashMap<>();
        body.put("orgUnitCode", unit);
        body.put("form", "CONFERENCE");
        body.put("title", "Hội nghị tuyên truyền BHXH tự nguyện");
        body.put("startedAt", startedAt);
        body.put("attendance", attendance);
        return body;
    }

    private static int reportActivity(Map<String, Object> body, String key) {
        return admin().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/activities").statusCode();
    }

    private static Map<String, Object> plan(String owner, String parent) {
        Map<String, Object> plan = new HashMap<>();
        plan.put("type", "CAMPAIGN");
        plan.put("parentPlanId", parent);
        plan.put("title", "Tháng vận động BHXH tự nguyện");
        plan.put("ownerUnitCode", owner);
        plan.put("periodStart", "2026-01-01");
        plan.put("periodEnd", "2026-12-31");
        return plan;
    }

    private static int attendance(String unit, String period, String hierarchy) {
        return admin().queryParam("orgUnit", unit).queryParam("period", period).queryParam("hierarchy", hierarchy)
                .when().get("/api/v1/indicators/activity-totals")
                .then().statusCode(200).extract().path("attendance");
    }

    @Test
    void aMergerDecidedForNextMonthChangesNothingUntilItsDateThenTakesEffectEverywhere() {
        String suffix = Gateway.uniqueSuffix();
        String national = "VN" + suffix;
        String yenBai = "YB" + suffix;
        String laoCai = "LC" + suffix;
        String mucangchai = "YB-MCC" + suffix;
        createUnit(national, "Bảo hiểm xã hội Việt Nam", "NATIONAL", null);
        createUnit(yenBai, "Bảo hiểm xã hội tỉnh Yên Bái", "PROVINCE", national);
        createUnit(laoCai, "Bảo hiểm xã hội tỉnh Lào Cai", "PROVINCE", national);
        createUnit(mucangchai, "Xã Mù Cang Chải", "COMMUNE", yenBai);
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

        // Decided today for next month: accepted, and nothing changes yet.
        int scheduled = admin().contentType(ContentType.JSON).body(merger(yenBai, laoCai, day.plusDays(30)))
                .when().post("/api/v1/org-units/merges")
                .then().statusCode(202)
                .body("status", equalTo("PENDING"))
                .body("reason", equalTo(REASON))
                .extract().path("id");
        admin().when().get("/api/v1/org-units/" + yenBai)
                .then().statusCode(200).body("validTo", nullValue()).body("successorCode", nullValue());
        admin().when().get("/api/v1/org-units/" + mucangchai).then().body("parentCode", equalTo(yenBai));
        as("viewer").when().get("/api/v1/org-units/" + yenBai + "/scheduled-changes")
                .then().statusCode(200).body("items.id", contains(scheduled))
                .body("items[0].effectiveDate", equalTo(day.plusDays(30).toString()));
        as("viewer").queryParam("status", "PENDING").queryParam("unit", laoCai)
                .when().get("/api/v1/org-units/reorganisations")
                .then().statusCode(200).body("items.id", contains(scheduled));

        // The province's offices keep working: a plan and activities are accepted for it.
        String year = Plans.approvedYear(national, 2026);
        admin().contentType(ContentType.JSON).body(plan(yenBai, year)).when().post("/api/v1/plans").then().statusCode(201);
        Map<String, Object> lastYear = activity(mucangchai, "2025-05-20T08:00:00+07:00", 40);
        Gateway.awaitKnown(() -> reportActivity(lastYear, "reorg-" + suffix + "-1"));
        assertTrue(reportActivity(lastYear, "reorg-" + suffix + "-1") < 300, "last year's activity accepted");
        String now = OffsetDateTime.now(ZoneOffset.ofHours(7)).minusHours(1).withNano(0).toString();
        Map<String, Object> today = activity(yenBai, now, 5);
        Gateway.awaitKnown(() -> reportActivity(today, "reorg-" + suffix + "-2"));
        assertTrue(reportActivity(today, "reorg-" + suffix + "-2") < 300, "today's activity accepted");
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> attendance(yenBai, "2025", "current") == 40);

        // Called off by who may make it, and only by them.
        as("lc-manager").contentType(ContentType.JSON).body(Map.of("reason", "Không có thẩm quyền"))
                .when().post("/api/v1/org-units/reorganisations/" + scheduled + "/cancel")
                .then().statusCode(403);
        as("lc-manager", national).contentType(ContentType.JSON).body(Map.of("reason", "Lùi thời điểm sáp nhập"))
                .when().post("/api/v1/org-units/reorganisations/" + scheduled + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED"));
        as("viewer").when().get("/api/v1/org-units/" + yenBai + "/scheduled-changes")
                .then().statusCode(200).body("items", empty());

        // Its date has come: it takes effect at once, in plan-service and in every replica.
        admin().contentType(ContentType.JSON).body(merger(yenBai, laoCai, day))
                .when().post("/api/v1/org-units/merges")
                .then().statusCode(200)
                .body("[0].code", equalTo(yenBai))
                .body("[0].validTo", equalTo(day.minusDays(1).toString()))
                .body("[0].successorCode", equalTo(laoCai));
        admin().when().get("/api/v1/org-units/" + mucangchai).then().body("parentCode", equalTo(laoCai));
        admin().contentType(ContentType.JSON).body(plan(yenBai, year)).when().post("/api/v1/plans").then()
                .statusCode(422).body("errors[0].field", equalTo("ownerUnitCode"));
        // activity-service learns of it from the org-units event: a report sent before that is still taken,
        // so each try is a new report (a new Idempotency-Key), not a replay of the one taken
        // dated on the merger's day, not an hour back: in the first hour of a day that is still the day before
        OffsetDateTime justNow = OffsetDateTime.now(ZoneOffset.ofHours(7)).withNano(0).minusSeconds(5);
        OffsetDateTime dayStart = day.atStartOfDay().atOffset(ZoneOffset.ofHours(7));
        String afterMerger = (justNow.isBefore(dayStart) ? dayStart : justNow).toString();
        AtomicInteger tries = new AtomicInteger();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> reportActivity(activity(yenBai, afterMerger, 1),
                        "reorg-" + suffix + "-3-" + tries.incrementAndGet()) == 422);

        // Reports: on today's hierarchy Yên Bái's past counts toward Lào Cai; as it was, it stays Yên Bái's.
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> attendance(laoCai, "2025", "current") == 40);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> attendance(yenBai, "2025", "as-was") == 40);
        admin().queryParam("orgUnit", laoCai).queryParam("period", "2025").queryParam("hierarchy", "as-was")
                .when().get("/api/v1/indicators/activity-totals").then().body("attendance", equalTo(0));
        as("viewer").queryParam("orgUnit", national).queryParam("period", "2025")
                .queryParam("indicators", "PEOPLE_REACHED").queryParam("hierarchy", "as-was")
                .when().get("/api/v1/evaluations/scorecard")
                .then().statusCode(200)
                .body("children.find { it.orgUnitCode == '" + yenBai + "' }.evaluations[0].value", equalTo(40.0f))
                .body("children.find { it.orgUnitCode == '" + laoCai + "' }.evaluations[0].value", equalTo(0.0f));
        as("viewer").queryParam("orgUnit", national).queryParam("period", "2025")
                .queryParam("indicators", "PEOPLE_REACHED")
                .when().get("/api/v1/evaluations/scorecard")
                .then().statusCode(200)
                .body("children.find { it.orgUnitCode == '" + laoCai + "' }.evaluations[0].value", equalTo(40.0f));

        // Who, when and why: every version and every change of the province.
        as("viewer").when().get("/api/v1/org-units/" + yenBai + "/history")
                .then().statusCode(200)
                .body("versions.change", contains("created", "merged"))
                .body("versions[1].effectiveFrom", equalTo(day.toString()))
                .body("versions[1].recordedBy", equalTo("national-admin"))
                .body("versions[1].reason", equalTo(REASON))
                .body("reorganisations.status", contains("APPLIED", "CANCELLED"))
                .body("reorganisations.settleNote", hasItem("Lùi thời điểm sáp nhập"));
    }
}
