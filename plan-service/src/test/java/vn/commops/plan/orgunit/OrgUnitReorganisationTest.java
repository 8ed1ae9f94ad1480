package vn.commops.plan.orgunit;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.commops.common.testing.TestTokens.as;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;

import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.commops.common.testing.TopicProbe;

@QuarkusTest
class OrgUnitReorganisationTest {

    private static final String SINCE = "2020-01-01";

    private static String root() {
        return OrgUnitFixtures.create("VN", "Bảo hiểm xã hội Việt Nam", "NATIONAL", null, SINCE);
    }

    @Test
    void movingAUnitMovesItsSubtreeWithOneEventPerUnitAndKeepsTheOldPlaceAsOf() {
        String vn = root();
        String from = OrgUnitFixtures.create("BT", "Tỉnh Bắc Thái", "PROVINCE", vn, SINCE);
        String to = OrgUnitFixtures.create("TN", "Tỉnh Thái Nguyên", "PROVINCE", vn, SINCE);
        String district = OrgUnitFixtures.create("DT", "Huyện Đại Từ", "DISTRICT", from, SINCE);
        String commune = OrgUnitFixtures.create("KC", "Xã Ký Phú", "COMMUNE", district, SINCE);

        asNationalAdmin().contentType(ContentType.JSON).body(Map.of("parentCode", to, "effectiveDate", "2025-07-01"))
                .when().post("/api/v1/org-units/" + district + "/move")
                .then().statusCode(200)
                .body("path", equalTo("/" + vn + "/" + to + "/" + district + "/"));

        asNationalAdmin().when().get("/api/v1/org-units/" + commune)
                .then().body("path", equalTo("/" + vn + "/" + to + "/" + district + "/" + commune + "/"));
        asNationalAdmin().queryParam("asOf", "2025-06-30").when().get("/api/v1/org-units/" + commune)
                .then().statusCode(200)
                .body("path", equalTo("/" + vn + "/" + from + "/" + district + "/" + commune + "/"));
        asNationalAdmin().queryParam("subtreeOf", from).queryParam("asOf", "2025-06-30").when().get("/api/v1/org-units")
                .then().body("items.code", contains(from, district, commune));
        asNationalAdmin().queryParam("subtreeOf", from).when().get("/api/v1/org-units")
                .then().body("items.code", contains(from));

        TopicProbe.Received moved = TopicProbe.awaitEvent(OrgUnitEvents.TOPIC, OrgUnitEvents.MOVED, commune);
        assertEquals("/" + vn + "/" + from + "/" + district + "/" + commune + "/",
                moved.value().path("data").path("previousPath").asText());
        assertEquals("2025-07-01", moved.value().path("data").path("effectiveDate").asText());
        TopicProbe.awaitEvent(OrgUnitEvents.TOPIC, OrgUnitEvents.MOVED, district);
    }

    @Test
    void mergedProvincesEndTheDayBeforeAndTheirCommunesMoveToTheSuccessor() {
        String vn = root();
        String lc = OrgUnitFixtures.create("LC", "Tỉnh Lào Cai", "PROVINCE", vn, SINCE);
        String yb = OrgUnitFixtures.create("YB", "Tỉnh Yên Bái", "PROVINCE", vn, SINCE);
        String commune = OrgUnitFixtures.create("YB-MCC", "Xã Mù Cang Chải", "COMMUNE", yb, SINCE);

        asNationalAdmin().contentType(ContentType.JSON)
                .body(Map.of("mergedCodes", List.of(yb), "successorCode", lc, "effectiveDate", "2025-07-01"))
                .when().post("/api/v1/org-units/merges")
                .then().statusCode(200)
                .body("[0].code", equalTo(yb))
                .body("[0].validTo", equalTo("2025-06-30"))
                .body("[0].successorCode", equalTo(lc));

        asNationalAdmin().queryParam("parent", vn).queryParam("asOf", "2025-06-30").when().get("/api/v1/org-units")
                .then().body("items.code", containsInAnyOrder(lc, yb));
        asNationalAdmin().queryParam("parent", vn).queryParam("asOf", "2025-07-01").when().get("/api/v1/org-units")
                .then().body("items.code", contains(lc));
        asNationalAdmin().queryParam("asOf", "2025-07-01").when().get("/api/v1/org-units/" + commune)
                .then().body("parentCode", equalTo(lc));
        asNationalAdmin().queryParam("asOf", "2025-07-01").when().get("/api/v1/org-units/" + yb)
                .then().statusCode(404);

        TopicProbe.Received merged = TopicProbe.awaitEvent(OrgUnitEvents.TOPIC, OrgUnitEvents.MERGED, yb);
        assertEquals(lc, merged.value().path("data").path("successorCode").asText());
        assertEquals("2025-06-30", merged.value().path("data").path("validTo").asText());
        TopicProbe.awaitEvent(OrgUnitEvents.TOPIC, OrgUnitEvents.MOVED, commune);

        asNationalAdmin().contentType(ContentType.JSON)
                .body(Map.of("mergedCodes", List.of(yb), "successorCode", lc, "effectiveDate", "2025-08-01"))
                .when().post("/api/v1/org-units/merges")
                .then().statusCode(409).body("type", equalTo("urn:commops:problem:org-unit-closed"));
    }

    @Test
    void aSplitCreatesSuccessorsBeforeItsSplitEventAndHandsOverEveryChild() {
        String vn = root();
        String province = OrgUnitFixtures.create("HT", "Tỉnh Hà Tây", "PROVINCE", vn, SINCE);
        String a = OrgUnitFixtures.create("HT-A", "Xã Ba Vì", "COMMUNE", province, SINCE);
        String b = OrgUnitFixtures.create("HT-B", "Xã Sơn Tây", "COMMUNE", province, SINCE);
        String north = OrgUnitFixtures.uniqueCode("HTN");
        String south = OrgUnitFixtures.uniqueCode("HTS");

        asNationalAdmin().contentType(ContentType.JSON).body(Map.of("effectiveDate", "2025-07-01", "successors", List.of(
                        Map.of("code", north, "name", "Tỉnh Hà Tây Bắc", "childCodes", List.of(a)))))
                .when().post("/api/v1/org-units/" + province + "/split")
                .then().statusCode(422)
                .body("type", equalTo("urn:commops:problem:split-child-left-behind"));
        asNationalAdmin().when().get("/api/v1/org-units/" + north).then().statusCode(404);

        asNationalAdmin().contentType(ContentType.JSON).body(Map.of("effectiveDate", "2025-07-01", "successors", List.of(
                        Map.of("code", north, "name", "Tỉnh Hà Tây Bắc", "childCodes", List.of(a)),
                        Map.of("code", south, "name", "Tỉnh Hà Tây Nam", "childCodes", List.of(b)))))
                .when().post("/api/v1/org-units/" + province + "/split")
                .then().statusCode(200)
                .body("code", contains(province, north, south))
                .body("[0].validTo", equalTo("2025-06-30"));

        asNationalAdmin().when().get("/api/v1/org-units/" + b)
                .then().body("path", equalTo("/" + vn + "/" + south + "/" + b + "/"));
        asNationalAdmin().queryParam("asOf", "2025-06-30").when().get("/api/v1/org-units/" + north).then().statusCode(404);
        asNationalAdmin().queryParam("asOf", "2025-07-01").when().get("/api/v1/org-units/" + north)
                .then().statusCode(200).body("validFrom", equalTo("2025-07-01"));
        TopicProbe.awaitEvent(OrgUnitEvents.TOPIC, OrgUnitEvents.SPLIT, province);
        TopicProbe.awaitEvent(OrgUnitEvents.TOPIC, OrgUnitEvents.CREATED, south);
    }

    @Test
    void aUnitClosesOnlyWithoutOpenChildrenAndOnlyByItsParentsManager() {
        String vn = root();
        String province = OrgUnitFixtures.create("QN", "Tỉnh Quảng Nam", "PROVINCE", vn, SINCE);
        String commune = OrgUnitFixtures.create("QN-X", "Xã Trà My", "COMMUNE", province, SINCE);

        asNationalAdmin().contentType(ContentType.JSON).body(Map.of("effectiveDate", "2025-07-01"))
                .when().post("/api/v1/org-units/" + province + "/close")
                .then().statusCode(409).body("type", equalTo("urn:commops:problem:org-unit-has-open-children"));
        as("unit-manager", commune).contentType(ContentType.JSON).body(Map.of("effectiveDate", "2025-07-01"))
                .when().post("/api/v1/org-units/" + commune + "/close")
                .then().statusCode(403);
        as("unit-manager", province).contentType(ContentType.JSON).body(Map.of("effectiveDate", "2025-07-01"))
                .when().post("/api/v1/org-units/" + commune + "/close")
                .then().statusCode(200)
                .body("validTo", equalTo("2025-06-30"))
                .body("successorCode", nullValue());

        TopicProbe.awaitMessage(OrgUnitEvents.TOPIC, m -> OrgUnitEvents.CLOSED.equals(m.value().path("type").asText())
                && commune.equals(m.key()), Duration.ofSeconds(15));
        asNationalAdmin().queryParam("parent", province).queryParam("asOf", "2025-07-01").when().get("/api/v1/org-units")
                .then().body("totalItems", equalTo(0));
    }

    @Test
    void aUnitCannotMoveIntoItsOwnSubtree() {
        String vn = root();
        String province = OrgUnitFixtures.create("P", "Tỉnh", "PROVINCE", vn, SINCE);
        String district = OrgUnitFixtures.create("D", "Huyện", "DISTRICT", province, SINCE);

        asNationalAdmin().contentType(ContentType.JSON).body(Map.of("parentCode", district, "effectiveDate", "2025-07-01"))
                .when().post("/api/v1/org-units/" + province + "/move")
                .then().statusCode(422).body("errors[0].field", equalTo("parentCode"));
    }

    @Test
    void levelsAreData() {
        asNationalAdmin().when().get("/api/v1/org-levels")
                .then().statusCode(200)
                .body("code", contains("NATIONAL", "PROVINCE", "DISTRICT", "COMMUNE"))
                .body("rank", contains(0, 1, 2, 3));
        asNationalAdmin().contentType(ContentType.JSON).body(Map.of("code", "PROVINCE", "name", "Tỉnh", "rank", 9))
                .when().post("/api/v1/org-levels").then().statusCode(409);
    }
}
