package vn.commops.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.commops.e2e.Gateway.admin;
import static vn.commops.e2e.Gateway.as;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who was reached, through the gateway: a province's May campaign for students and freelance workers, activities
 * recorded with breakdowns (single and CSV), those that do not add up or name another group refused naming the
 * field, and "students reached" for the province read from indicator-service.
 */
class ReachBreakdownsIT {

    @BeforeAll
    static void startPlatform() throws Exception {
        RestAssured.baseURI = Platform.shared().gatewayUrl();
    }

    private static String campaignOf(String province) {
        String annual = Plans.approvedYear(province, 2024);
        Map<String, Object> plan = new HashMap<>(Map.of("type", "CAMPAIGN", "title", "Tháng vận động BHXH 2024",
                "ownerUnitCode", province, "periodStart", "2024-05-01", "periodEnd", "2024-05-31",
                "parentPlanId", annual));
        String planId = Plans.approved(plan);
        return admin().contentType(ContentType.JSON).body(Map.of("planId", planId,
                        "theme", "Bảo hiểm xã hội - An sinh cho mọi nhà", "startDate", "2024-05-01",
                        "endDate", "2024-05-31", "targetGroups", List.of("STUDENTS", "FREELANCE_WORKERS")))
                .when().post("/api/v1/campaigns").then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> booth(String unit, String campaign, Map<String, Object> breakdowns) {
        Map<String, Object> body = new HashMap<>();
        body.put("orgUnitCode", unit);
        body.put("form", "ADVISORY_BOOTH");
        body.put("title", "Gian hàng tư vấn BHXH tại ngày hội việc làm");
        body.put("startedAt", "2024-05-15T08:00:00+07:00");
        body.put("attendance", 68);
        body.put("newSocialInsurance", 4);
        body.put("campaignId", campaign);
        body.put("breakdowns", breakdowns);
        return body;
    }

    @Test
    void activitiesWithBreakdownsGiveStudentsReachedForTheProvince() {
        String[] units = Gateway.createHierarchy("BD", "Bảo hiểm xã hội tỉnh Lào Cai", "Xã Hồ Phai");
        String province = units[1];
        String commune = units[2];
        String campaign = campaignOf(province);
        String indicator = "STUDENTS_REACHED_" + Gateway.uniqueSuffix();
        admin().contentType(ContentType.JSON).body(Map.of("code", indicator, "name", "Học sinh, sinh viên được tiếp cận",
                        "unit", "người", "numerator", "ATTENDANCE{group:STUDENTS}", "factor", 1,
                        "aggregationType", "SUM", "periodType", "MONTH"))
                .when().post("/api/v1/indicators").then().statusCode(201);

        // Lào Cai's booth: "68 people, students, and workers". The unit and the campaign reach activity-service
        // from plan-service's events within seconds; until then the record is refused and nothing is stored.
        Map<String, Object> counted = booth(commune, campaign, Map.of(
                "attendance", Map.of("sex", Map.of("FEMALE", 30, "MALE", 38),
                        "group", Map.of("STUDENTS", 40, "FREELANCE_WORKERS", 20)),
                "newSocialInsurance", Map.of("group", Map.of("FREELANCE_WORKERS", 3))));
        counted.put("clientId", UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() ->
                admin().contentType(ContentType.JSON).body(counted).when().post("/api/v1/activities").statusCode() == 201);

        admin().contentType(ContentType.JSON).body(booth(commune, campaign,
                        Map.of("attendance", Map.of("group", Map.of("EMPLOYERS", 10)))))
                .when().post("/api/v1/activities").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", contains("breakdowns.attendance.group.EMPLOYERS"));
        admin().contentType(ContentType.JSON).body(booth(commune, campaign,
                        Map.of("attendance", Map.of("sex", Map.of("FEMALE", 30, "MALE", 30)))))
                .when().post("/api/v1/activities").then().statusCode(422)
                .body("errors.field", contains("breakdowns.attendance.sex"));

        String csv = "externalId,orgUnitCode,form,title,startedAt,campaignId,attendance,attendance.age.15_24,"
                + "attendance.age.25_34,attendance.group.STUDENTS\n"
                + "bd-1," + commune + ",SMALL_GROUP,Nhóm nhỏ tại trường,2024-05-16T08:00:00+07:00," + campaign
                + ",35,30,5,25\n"
                + "bd-2," + province + ",CONFERENCE,Hội nghị đối thoại,2024-05-20T08:00:00+07:00,,50,20,30,7\n"
                + "bd-3," + commune + ",SMALL_GROUP,Nhóm nhỏ,2024-05-21T08:00:00+07:00,,10,4,4,2\n";
        admin().contentType("text/csv; charset=UTF-8").body(csv.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/activities/batches").then().statusCode(200)
                .body("created", equalTo(2)).body("rejected", equalTo(1))
                .body("results[2].errors.field", contains("breakdowns.attendance.age"));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertEquals(72.0, studentsReached(province, indicator)));
        assertEquals(65.0, studentsReached(commune, indicator));
    }

    private static Double studentsReached(String unit, String indicator) {
        Number value = as("viewer").queryParam("indicators", indicator).queryParam("orgUnit", unit)
                .queryParam("period", "202405").when().get("/api/v1/indicators/values").then().statusCode(200)
                .extract().path("items[0].value");
        return value == null ? null : value.doubleValue();
    }
}
