package vn.commops.plan.orgunit;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.commops.common.testing.TestTokens.as;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.commops.common.testing.TopicProbe;

/**
 * Reorganisations dated after today wait until their day. The job is driven with explicit dates here:
 * {@code applyDue(day)} is the pass that runs on that day. Each test uses its own effective dates so that
 * one test's pass never reaches another's pending changes before it expects.
 */
@QuarkusTest
class OrgUnitScheduledReorganisationTest {

    private static final String SINCE = "2020-01-01";
    private static final String MERGE_REASON = "Nghị quyết 202/2025/QH15 hợp nhất tỉnh";

    @Inject
    ReorganisationJob job;

    @Inject
    OrgUnitCalendar calendar;

    private LocalDate inDays(int days) {
        return calendar.today().plusDays(days);
    }

    private static Map<String, Object> merge(String merged, String successor, LocalDate effective) {
        return Map.of("mergedCodes", List.of(merged), "successorCode", successor, "effectiveDate",
                effective.toString(), "reason", MERGE_REASON);
    }

    @Test
    void aFutureDatedMergeChangesNothingYetAndIsListedAsScheduled() {
        String vn = OrgUnitFixtures.create("VN", "Bảo hiểm xã hội Việt Nam", "NATIONAL", null, SINCE);
        String lc = OrgUnitFixtures.create("LC", "Tỉnh Lào Cai", "PROVINCE", vn, SINCE);
        String yb = OrgUnitFixtures.create("YB", "Tỉnh Yên Bái", "PROVINCE", vn, SINCE);
        String commune = OrgUnitFixtures.create("YB-MCC", "Xã Mù Cang Chải", "COMMUNE", yb, SINCE);
        LocalDate effective = inDays(30);

        int id = asNationalAdmin().contentType(ContentType.JSON).body(merge(yb, lc, effective))
                .when().post("/api/v1/org-units/merges")
                .then().statusCode(202)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/org-units/reorganisations/"))
                .body("status", equalTo("PENDING"))
                .body("kind", equalTo("MERGE"))
                .body("effectiveDate", equalTo(effective.toString()))
                .body("unitCodes", contains(yb, lc))
                .body("reason", equalTo(MERGE_REASON))
                .body("requestedBy", equalTo("national-admin-user"))
                .extract().path("id");

        asNationalAdmin().when().get("/api/v1/org-units/" + yb)
                .then().body("validTo", nullValue()).body("successorCode", nullValue());
        asNationalAdmin().when().get("/api/v1/org-units/" + commune)
                .then().body("parentCode", equalTo(yb));
        asNationalAdmin().when().get("/api/v1/org-units/" + yb + "/scheduled-changes")
                .then().statusCode(200).body("items.id", contains(id));
        asNationalAdmin().when().get("/api/v1/org-units/" + commune + "/scheduled-changes")
                .then().statusCode(200).body("items", empty());
        asNationalAdmin().queryParam("status", "PENDING").queryParam("size", 500)
                .when().get("/api/v1/org-units/reorganisations")
                .then().statusCode(200).body("items.id", hasItem(id));
        // Only the creation is in the unit's history until the merge takes effect.
        asNationalAdmin().when().get("/api/v1/org-units/" + yb + "/history")
                .then().statusCode(200)
                .body("versions.change", contains("created"))
                .body("reorganisations.status", contains("PENDING"));
        TopicProbe.awaitEvent(OrgUnitEvents.TOPIC, OrgUnitEvents.REORGANISATION_SCHEDULED, "reorganisation-" + id);
    }

    @Test
    void theJobAppliesAPendingChangeOnItsDateNotBeforeAndCatchesUpMissedDays() {
        String vn = OrgUnitFixtures.create("VN", "Bảo hiểm xã hội Việt Nam", "NATIONAL", null, SINCE);
        String lc = OrgUnitFixtures.create("LC", "Tỉnh Lào Cai", "PROVINCE", vn, SINCE);
        String yb = OrgUnitFixtures.create("YB", "Tỉnh Yên Bái", "PROVINCE", vn, SINCE);
        String commune = OrgUnitFixtures.create("YB-MCC", "Xã Mù Cang Chải", "COMMUNE", yb, SINCE);
        String other = OrgUnitFixtures.create("HG", "Tỉnh Hà Giang", "PROVINCE", vn, SINCE);
        LocalDate mergeDay = inDays(10);
        LocalDate renameDay = inDays(8);

        int merge = asNationalAdmin().contentType(ContentType.JSON).body(merge(yb, lc, mergeDay))
                .when().post("/api/v1/org-units/merges")
                .then().statusCode(202).extract().path("id");
        int rename = asNationalAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", "Tỉnh Tuyên Quang", "effectiveDate", renameDay.toString(),
                        "reason", "Đổi tên theo nghị quyết"))
                .when().patch("/api/v1/org-units/" + other)
                .then().statusCode(202).extract().path("id");

        job.applyDue(inDays(7));
        asNationalAdmin().when().get("/api/v1/org-units/reorganisations/" + merge)
                .then().body("status", equalTo("PENDING"));
        asNationalAdmin().when().get("/api/v1/org-units/" + other).then().body("name", equalTo("Tỉnh Hà Giang"));

        // No pass ran on either day: the first pass after both applies both, each from its own date.
        ReorganisationJob.Pass pass = job.applyDue(inDays(12));
        assertFalse(pass.busyElsewhere());
        assertTrue(pass.applied() >= 2, "applied " + pass.applied());

        asNationalAdmin().when().get("/api/v1/org-units/reorganisations/" + merge)
                .then().body("status", equalTo("APPLIED")).body("settledBy", equalTo(Reorganisations.JOB));
        asNationalAdmin().when().get("/api/v1/org-units/reorganisations/" + rename)
                .then().body("status", equalTo("APPLIED"));
        asNationalAdmin().when().get("/api/v1/org-units/" + yb)
                .then().body("validTo", equalTo(mergeDay.minusDays(1).toString())).body("successorCode", equalTo(lc));
        asNationalAdmin().when().get("/api/v1/org-units/" + commune).then().body("parentCode", equalTo(lc));
        asNationalAdmin().when().get("/api/v1/org-units/" + other).then().body("name", equalTo("Tỉnh Tuyên Quang"));
        asNationalAdmin().queryParam("asOf", mergeDay.minusDays(1).toString())
                .when().get("/api/v1/org-units/" + commune).then().body("parentCode", equalTo(yb));

        asNationalAdmin().when().get("/api/v1/org-units/" + yb + "/history")
                .then().statusCode(200)
                .body("versions.change", contains("created", "merged"))
                .body("versions[1].effectiveFrom", equalTo(mergeDay.toString()))
                .body("versions[1].recordedBy", equalTo("national-admin-user"))
                .body("versions[1].reason", equalTo(MERGE_REASON))
                .body("versions[1].reorganisationId", equalTo(merge))
                .body("versions[1].recordedAt", notNullValue())
                .body("versions[0].effectiveTo", equalTo(mergeDay.toString()))
                .body("reorganisations.status", contains("APPLIED"));
        asNationalAdmin().when().get("/api/v1/org-units/" + yb + "/scheduled-changes")
                .then().body("items", empty());

        TopicProbe.Received merged = TopicProbe.awaitEvent(OrgUnitEvents.TOPIC, OrgUnitEvents.MERGED, yb);
        assertEquals(mergeDay.toString(), merged.value().path("data").path("effectiveDate").asText());
        assertEquals("national-admin-user", merged.value().path("data").path("actor").asText());
        TopicProbe.awaitEvent(OrgUnitEvents.TOPIC, OrgUnitEvents.REORGANISATION_APPLIED, "reorganisation-" + merge);

        // A second pass over the same days finds nothing left of it to apply.
        job.applyDue(inDays(12));
        asNationalAdmin().when().get("/api/v1/org-units/" + yb + "/history")
                .then().body("versions.change", contains("created", "merged"));
    }

    @Test
    void aChangeThatNoLongerAppliesOnItsDateFailsWithWhy() {
        String vn = OrgUnitFixtures.create("VN", "Bảo hiểm xã hội Việt Nam", "NATIONAL", null, SINCE);
        String lc = OrgUnitFixtures.create("LC", "Tỉnh Lào Cai", "PROVINCE", vn, SINCE);
        String taken = OrgUnitFixtures.uniqueCode("LC-NEW");
        LocalDate effective = inDays(5);

        int id = asNationalAdmin().contentType(ContentType.JSON)
                .body(Map.of("effectiveDate", effective.toString(), "reason", "Tách tỉnh",
                        "successors", List.of(Map.of("code", taken, "name", "Tỉnh mới"))))
                .when().post("/api/v1/org-units/" + lc + "/split")
                .then().statusCode(202).extract().path("id");
        // Creating a unit is no reorganisation: nothing stops someone taking the successor's code meanwhile.
        OrgUnitFixtures.create(taken, "Đơn vị khác", "PROVINCE", vn);

        job.applyDue(effective);

        asNationalAdmin().when().get("/api/v1/org-units/reorganisations/" + id)
                .then().body("status", equalTo("FAILED"))
                .body("settleNote", org.hamcrest.Matchers.containsString(taken));
        asNationalAdmin().when().get("/api/v1/org-units/" + lc).then().body("validTo", nullValue());
        TopicProbe.awaitEvent(OrgUnitEvents.TOPIC, OrgUnitEvents.REORGANISATION_FAILED, "reorganisation-" + id);
    }

    @Test
    void aScheduledChangeIsCancelledByWhoMayMakeItAndOnlyWhilePending() {
        String vn = OrgUnitFixtures.create("VN", "Bảo hiểm xã hội Việt Nam", "NATIONAL", null, SINCE);
        String lc = OrgUnitFixtures.create("LC", "Tỉnh Lào Cai", "PROVINCE", vn, SINCE);
        String commune = OrgUnitFixtures.create("LC-HP", "Xã Hồ Phai", "COMMUNE", lc, SINCE);
        String elsewhere = OrgUnitFixtures.create("HG", "Tỉnh Hà Giang", "PROVINCE", vn, SINCE);

        int id = as("unit-manager", lc).contentType(ContentType.JSON)
                .body(Map.of("effectiveDate", inDays(30).toString(), "reason", "Giải thể xã"))
                .when().post("/api/v1/org-units/" + commune + "/close")
                .then().statusCode(202).body("requestedBy", equalTo("unit-manager-user")).extract().path("id");

        as("unit-manager", elsewhere).contentType(ContentType.JSON).body(Map.of("reason", "Không còn cần"))
                .when().post("/api/v1/org-units/reorganisations/" + id + "/cancel")
                .then().statusCode(403);
        as("unit-officer", lc).contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/v1/org-units/reorganisations/" + id + "/cancel")
                .then().statusCode(403);
        as("unit-manager", lc).contentType(ContentType.JSON).body(Map.of("reason", "Nghị quyết bị hoãn"))
                .when().post("/api/v1/org-units/reorganisations/" + id + "/cancel")
                .then().statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("settledBy", equalTo("unit-manager-user"))
                .body("settleNote", equalTo("Nghị quyết bị hoãn"));
        as("unit-manager", lc).contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/v1/org-units/reorganisations/" + id + "/cancel")
                .then().statusCode(409).body("type", org.hamcrest.Matchers.endsWith("reorganisation-not-pending"));

        asNationalAdmin().when().get("/api/v1/org-units/" + commune + "/scheduled-changes")
                .then().body("items", empty());
        job.applyDue(inDays(31));
        asNationalAdmin().when().get("/api/v1/org-units/" + commune).then().body("validTo", nullValue());
        asNationalAdmin().when().get("/api/v1/org-units/" + commune + "/history")
                .then().body("versions.change", contains("created"))
                .body("reorganisations.status", contains("CANCELLED"));
        TopicProbe.awaitEvent(OrgUnitEvents.TOPIC, OrgUnitEvents.REORGANISATION_CANCELLED, "reorganisation-" + id);
    }

    @Test
    void aPendingChangeBlocksOthersOnItsUnitsUntilCancelled() {
        String vn = OrgUnitFixtures.create("VN", "Bảo hiểm xã hội Việt Nam", "NATIONAL", null, SINCE);
        String lc = OrgUnitFixtures.create("LC", "Tỉnh Lào Cai", "PROVINCE", vn, SINCE);
        String yb = OrgUnitFixtures.create("YB", "Tỉnh Yên Bái", "PROVINCE", vn, SINCE);

        int id = asNationalAdmin().contentType(ContentType.JSON).body(merge(yb, lc, inDays(40)))
                .when().post("/api/v1/org-units/merges")
                .then().statusCode(202).extract().path("id");
        asNationalAdmin().contentType(ContentType.JSON).body(Map.of("name", "Tỉnh Lào Cai mới"))
                .when().patch("/api/v1/org-units/" + lc)
                .then().statusCode(409).body("type", org.hamcrest.Matchers.endsWith("org-unit-change-pending"));
        asNationalAdmin().contentType(ContentType.JSON).body(Map.of("effectiveDate", SINCE.replace("2020", "2024")))
                .when().post("/api/v1/org-units/" + yb + "/close")
                .then().statusCode(409);

        asNationalAdmin().contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/v1/org-units/reorganisations/" + id + "/cancel").then().statusCode(200);
        asNationalAdmin().contentType(ContentType.JSON).body(Map.of("name", "Tỉnh Lào Cai mới"))
                .when().patch("/api/v1/org-units/" + lc)
                .then().statusCode(200).body("name", equalTo("Tỉnh Lào Cai mới"));
    }

    @Test
    void aFutureChangeIsRefusedNowForWhatWouldRefuseItTodayAndLeavesNothingPending() {
        String vn = OrgUnitFixtures.create("VN", "Bảo hiểm xã hội Việt Nam", "NATIONAL", null, SINCE);
        String lc = OrgUnitFixtures.create("LC", "Tỉnh Lào Cai", "PROVINCE", vn, SINCE);
        String commune = OrgUnitFixtures.create("LC-HP", "Xã Hồ Phai", "COMMUNE", lc, SINCE);

        asNationalAdmin().contentType(ContentType.JSON).body(merge(commune, lc, inDays(20)))
                .when().post("/api/v1/org-units/merges")
                .then().statusCode(422);
        asNationalAdmin().contentType(ContentType.JSON).body(Map.of("effectiveDate", inDays(20).toString()))
                .when().post("/api/v1/org-units/" + lc + "/close")
                .then().statusCode(409).body("type", org.hamcrest.Matchers.endsWith("org-unit-has-open-children"));
        asNationalAdmin().when().get("/api/v1/org-units/" + lc + "/history")
                .then().body("reorganisations", empty()).body("versions.change", contains("created"));
        asNationalAdmin().when().get("/api/v1/org-units/" + commune).then().body("validTo", nullValue());
    }

    @Test
    void aReasonMustSaySomething() {
        String vn = OrgUnitFixtures.create("VN", "Bảo hiểm xã hội Việt Nam", "NATIONAL", null, SINCE);
        String lc = OrgUnitFixtures.create("LC", "Tỉnh Lào Cai", "PROVINCE", vn, SINCE);
        asNationalAdmin().contentType(ContentType.JSON).body(Map.of("name", "Tỉnh Lào Cai", "reason", "   "))
                .when().patch("/api/v1/org-units/" + lc)
                .then().statusCode(400).body("errors.field", hasItem(org.hamcrest.Matchers.containsString("reason")));
        asNationalAdmin().contentType(ContentType.JSON).body(Map.of("effectiveDate", inDays(3).toString(),
                        "reason", "x".repeat(501)))
                .when().post("/api/v1/org-units/" + lc + "/close")
                .then().statusCode(400);
    }

    @Test
    void aChangeDatedTodayAppliesAtOnceAndRecordsWhoAndWhy() {
        String vn = OrgUnitFixtures.create("VN", "Bảo hiểm xã hội Việt Nam", "NATIONAL", null, SINCE);
        String lc = OrgUnitFixtures.create("LC", "Tỉnh Lào Cai", "PROVINCE", vn, SINCE);
        String commune = OrgUnitFixtures.create("LC-HP", "Xã Hồ Phai", "COMMUNE", lc, SINCE);
        LocalDate today = calendar.today();

        as("unit-manager", lc).contentType(ContentType.JSON)
                .body(Map.of("effectiveDate", today.toString(), "reason", "Sáp nhập xã"))
                .when().post("/api/v1/org-units/" + commune + "/close")
                .then().statusCode(200).body("validTo", equalTo(today.minusDays(1).toString()));
        asNationalAdmin().when().get("/api/v1/org-units/" + commune + "/history")
                .then().body("versions.change", contains("created", "closed"))
                .body("versions[1].recordedBy", equalTo("unit-manager-user"))
                .body("versions[1].reason", equalTo("Sáp nhập xã"))
                .body("reorganisations[0].status", equalTo("APPLIED"))
                .body("reorganisations[0].kind", equalTo("CLOSE"));
        asNationalAdmin().when().get("/api/v1/org-units/NO-SUCH-UNIT/history").then().statusCode(404);
    }

    @Test
    void aUnitIsOpenUntilTheLastDayItExists() {
        OrgUnit unit = new OrgUnit();
        assertTrue(unit.isOpenOn(LocalDate.of(2030, 1, 1)));
        unit.validTo = LocalDate.of(2026, 6, 30);
        assertTrue(unit.isOpenOn(LocalDate.of(2026, 6, 30)));
        assertFalse(unit.isOpenOn(LocalDate.of(2026, 7, 1)));
    }
}
