package vn.commops.plan;

import static vn.commops.common.testing.TestTokens.as;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;
import static vn.commops.common.testing.WriteEndpointEvents.emits;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import vn.commops.common.testing.TestTokens;
import vn.commops.common.testing.WriteEndpointEvents;
import vn.commops.common.testing.WriteEndpointEvents.Entry;
import vn.commops.plan.assignment.AssignmentFixtures;
import vn.commops.plan.form.CommunicationFormEvents;
import vn.commops.plan.form.FormFixtures;
import vn.commops.plan.notification.NotificationEvents;
import vn.commops.plan.orgunit.OrgUnitFixtures;
import vn.commops.plan.plan.PlanFixtures;

/** Every write endpoint of plan-service publishes its state change. */
@QuarkusTest
class WriteEndpointEventsTest {

    private static final String SINCE = "2020-01-01";

    @Inject
    DataSource dataSource;

    @TestFactory
    Stream<DynamicTest> everyWriteEndpointPublishesItsChange() {
        Map<String, Entry> catalogue = new TreeMap<>();
        orgUnits(catalogue);
        plans(catalogue);
        campaignsAndAssignments(catalogue);
        notifications(catalogue);
        communicationForms(catalogue);
        return WriteEndpointEvents.check("vn.commops.plan", catalogue, dataSource);
    }

    private void orgUnits(Map<String, Entry> catalogue) {
        catalogue.put("POST /api/v1/org-units", emits("org-unit.created", () -> () -> root()));
        catalogue.put("PATCH /api/v1/org-units/{code}", emits("org-unit.updated", () -> {
            String province = province(root());
            return () -> asNationalAdmin().contentType(ContentType.JSON)
                    .body(Map.of("name", "Tỉnh Lào Cai mới", "reason", "Đổi tên theo nghị quyết"))
                    .when().patch("/api/v1/org-units/" + province).then().statusCode(200);
        }));
        catalogue.put("POST /api/v1/org-units/{code}/move", emits(List.of("org-unit.moved", "reorganisation.applied"),
                () -> {
                    String root = root();
                    String from = province(root);
                    String to = province(root);
                    String district = OrgUnitFixtures.create("DT", "Huyện Đại Từ", "DISTRICT", from, SINCE);
                    return () -> asNationalAdmin().contentType(ContentType.JSON)
                            .body(Map.of("parentCode", to, "effectiveDate", "2025-07-01"))
                            .when().post("/api/v1/org-units/" + district + "/move").then().statusCode(200);
                }));
        catalogue.put("POST /api/v1/org-units/merges", emits(List.of("org-unit.merged", "reorganisation.applied"),
                () -> {
                    String root = root();
                    String successor = province(root);
                    String merged = province(root);
                    return () -> asNationalAdmin().contentType(ContentType.JSON)
                            .body(Map.of("mergedCodes", List.of(merged), "successorCode", successor,
                                    "effectiveDate", "2025-07-01"))
                            .when().post("/api/v1/org-units/merges").then().statusCode(200);
                }));
        catalogue.put("POST /api/v1/org-units/{code}/split", emits(List.of("org-unit.split", "reorganisation.applied"),
                () -> {
                    String province = province(root());
                    String commune = OrgUnitFixtures.create("HT-A", "Xã Ba Vì", "COMMUNE", province, SINCE);
                    return () -> asNationalAdmin().contentType(ContentType.JSON).body(Map.of("effectiveDate", "2025-07-01",
                                    "successors", List.of(Map.of("code", OrgUnitFixtures.uniqueCode("HTN"),
                                            "name", "Tỉnh Hà Tây Bắc", "childCodes", List.of(commune)),
                                            Map.of("code", OrgUnitFixtures.uniqueCode("HTS"),
                                                    "name", "Tỉnh Hà Tây Nam", "childCodes", List.of()))))
                            .when().post("/api/v1/org-units/" + province + "/split").then().statusCode(200);
                }));
        catalogue.put("POST /api/v1/org-units/{code}/close", emits(List.of("org-unit.closed", "reorganisation.applied"),
                () -> {
                    String province = province(root());
                    return () -> asNationalAdmin().contentType(ContentType.JSON).body(Map.of("effectiveDate", "2025-07-01"))
                            .when().post("/api/v1/org-units/" + province + "/close").then().statusCode(200);
                }));
        catalogue.put("POST /api/v1/org-units/imports", emits("org-unit.created", () -> {
            String root = root();
            return () -> asNationalAdmin().contentType(ContentType.JSON)
                    .body(List.of(OrgUnitFixtures.unit(OrgUnitFixtures.uniqueCode("TQ"), "Tỉnh Tuyên Quang", "PROVINCE",
                            root)))
                    .when().post("/api/v1/org-units/imports").then().statusCode(200);
        }));
        catalogue.put("POST /api/v1/org-units/reorganisations/{id}/cancel", emits("reorganisation.cancelled", () -> {
            String province = province(root());
            int id = asNationalAdmin().contentType(ContentType.JSON)
                    .body(Map.of("effectiveDate", LocalDate.now().plusDays(40).toString()))
                    .when().post("/api/v1/org-units/" + province + "/close").then().statusCode(202).extract().path("id");
            return () -> asNationalAdmin().contentType(ContentType.JSON).body(Map.of("reason", "Nghị quyết bị hoãn"))
                    .when().post("/api/v1/org-units/reorganisations/" + id + "/cancel").then().statusCode(200);
        }));
        catalogue.put("POST /api/v1/org-levels", emits("org-level.created", () -> () -> {
            String code = "LEVEL_" + OrgUnitFixtures.uniqueCode("X").replace('-', '_');
            asNationalAdmin().contentType(ContentType.JSON)
                    .body(Map.of("code", code, "name", "Tổ dân phố", "rank", ThreadLocalRandom.current().nextInt(1000, 1_000_000)))
                    .when().post("/api/v1/org-levels").then().statusCode(201);
            // Other tests expect the seeded levels only; its event is in the outbox already.
            removeLevel(code);
        }));
    }

    private void plans(Map<String, Entry> catalogue) {
        catalogue.put("POST /api/v1/plans", emits("plan.created", () -> {
            String unit = province(root());
            return () -> PlanFixtures.create("MASTER", "Đề án truyền thông", unit, "2025-01-01", "2025-12-31", null);
        }));
        catalogue.put("PUT /api/v1/plans/{id}", emits("plan.updated", () -> {
            String id = masterPlan();
            return () -> asNationalAdmin().contentType(ContentType.JSON).header("If-Match", etag("/api/v1/plans/" + id))
                    .body(Map.of("type", "MASTER", "title", "Kế hoạch truyền thông năm 2025",
                            "periodStart", "2025-01-01", "periodEnd", "2025-12-31"))
                    .when().put("/api/v1/plans/" + id).then().statusCode(200);
        }));
        catalogue.put("PATCH /api/v1/plans/{id}", emits("plan.updated", () -> {
            String id = masterPlan();
            return () -> asNationalAdmin().contentType(ContentType.JSON).header("If-Match", etag("/api/v1/plans/" + id))
                    .body(Map.of("title", "Kế hoạch BHXH 2025")).when().patch("/api/v1/plans/" + id).then().statusCode(200);
        }));
        catalogue.put("POST /api/v1/plans/{id}/transitions", emits("plan.submitted", () -> {
            String id = masterPlan();
            return () -> PlanFixtures.move(id, "SUBMIT");
        }));
        catalogue.put("POST /api/v1/plans/{id}/clone", emits("plan.created", () -> {
            String[] tree = OrgUnitFixtures.tree();
            String plan = PlanFixtures.createUnder(tree[0], "CAMPAIGN", "Tháng vận động 2024", tree[1], "2024-05-01",
                    "2024-05-31");
            String year2025 = PlanFixtures.parentFor("CAMPAIGN", tree[1], "2025-05-01", "2025-05-31");
            return () -> asNationalAdmin().contentType(ContentType.JSON)
                    .body(Map.of("periodStart", "2025-05-01", "title", "Tháng vận động 2025", "parentPlanId", year2025))
                    .when().post("/api/v1/plans/" + plan + "/clone").then().statusCode(201);
        }));
        catalogue.put("POST /api/v1/plans/{id}/amendments/{amendmentId}/decisions",
                emits(List.of("plan.amendment-approved", "campaign.updated"), () -> {
                    String[] tree = OrgUnitFixtures.tree();
                    String plan = PlanFixtures.createUnder(tree[0], "CAMPAIGN", "7 ngày cao điểm", tree[1],
                            "2024-05-01", "2024-05-31");
                    String campaign = createCampaign(plan, 30_000_000L);
                    as("unit-manager", tree[1]).contentType(ContentType.JSON).body(Map.of("action", "SUBMIT"))
                            .when().post("/api/v1/plans/" + plan + "/transitions").then().statusCode(200);
                    as("unit-manager", tree[0]).contentType(ContentType.JSON).body(Map.of("action", "APPROVE"))
                            .when().post("/api/v1/plans/" + plan + "/transitions").then().statusCode(200);
                    String path = "/api/v1/campaigns/" + campaign;
                    String location = as("unit-manager", tree[1]).contentType(ContentType.JSON)
                            .header("If-Match", etag(path)).body(campaign(plan, 30_000_000L, 5_000_000L))
                            .when().put(path).then().statusCode(202).extract().header("Location");
                    return () -> as("unit-manager", tree[0]).contentType(ContentType.JSON)
                            .body(Map.of("action", "APPROVE")).when().post(location.substring(location.indexOf("/api/"))
                                    + "/decisions").then().statusCode(200);
                }));
    }

    private void campaignsAndAssignments(Map<String, Entry> catalogue) {
        catalogue.put("POST /api/v1/campaigns", emits("campaign.created", () -> {
            String plan = campaignPlan();
            return () -> createCampaign(plan, 10_000_000L);
        }));
        catalogue.put("PUT /api/v1/campaigns/{id}", emits("campaign.updated", () -> {
            String plan = campaignPlan();
            String id = createCampaign(plan, 10_000_000L);
            return () -> asNationalAdmin().contentType(ContentType.JSON).header("If-Match", etag("/api/v1/campaigns/" + id))
                    .body(campaign(plan, 12_000_000L)).when().put("/api/v1/campaigns/" + id).then().statusCode(200);
        }));
        catalogue.put("POST /api/v1/assignments", emits("assignment.created", () -> {
            String[] tree = OrgUnitFixtures.tree();
            String plan = PlanFixtures.createUnder(tree[0], "CAMPAIGN", "Tháng vận động", tree[1], "2024-05-01",
                    "2024-05-31");
            return () -> AssignmentFixtures.create(task(plan, tree[1]));
        }));
        catalogue.put("POST /api/v1/assignments/{id}/split", emits("assignment.created", () -> {
            String[] tree = OrgUnitFixtures.tree();
            String plan = PlanFixtures.createUnder(tree[0], "CAMPAIGN", "Tháng vận động", tree[1], "2024-05-01",
                    "2024-05-31");
            String task = AssignmentFixtures.create(task(plan, tree[1]));
            return () -> asNationalAdmin().contentType(ContentType.JSON)
                    .body(Map.of("children", List.of(AssignmentFixtures.share(tree[2], 4, 2_000_000))))
                    .when().post("/api/v1/assignments/" + task + "/split").then().statusCode(201);
        }));
        catalogue.put("PATCH /api/v1/assignments/{id}", emits("assignment.updated", () -> {
            String[] tree = OrgUnitFixtures.tree();
            String plan = PlanFixtures.createUnder(tree[0], "CAMPAIGN", "Tháng vận động", tree[1], "2024-05-01",
                    "2024-05-31");
            String task = AssignmentFixtures.create(task(plan, tree[1]));
            return () -> asNationalAdmin().contentType(ContentType.JSON)
                    .header("If-Match", etag("/api/v1/assignments/" + task)).body(Map.of("quantity", 12))
                    .when().patch("/api/v1/assignments/" + task).then().statusCode(200);
        }));
    }

    private void notifications(Map<String, Entry> catalogue) {
        catalogue.put("PUT /api/v1/notification-recipients/{username}", emits(NotificationEvents.REGISTERED, () -> {
            String unit = province(root());
            String person = "events-" + UUID.randomUUID().toString().substring(0, 8);
            return () -> putRecipient(person, unit, "vi", 201);
        }));
        catalogue.put("DELETE /api/v1/notification-recipients/{username}", emits(NotificationEvents.REMOVED, () -> {
            String person = recipient();
            return () -> asNationalAdmin().when().delete("/api/v1/notification-recipients/" + person)
                    .then().statusCode(204);
        }));
        catalogue.put("PUT /api/v1/notification-preferences/me", emits(NotificationEvents.PREFERENCES_UPDATED, () -> {
            String person = recipient();
            return () -> RestAssured.given().auth().oauth2(TestTokens.token(person, List.of("viewer"), List.of()))
                    .contentType(ContentType.JSON).body(Map.of("emailEnabled", false))
                    .when().put("/api/v1/notification-preferences/me").then().statusCode(200);
        }));
    }

    private void communicationForms(Map<String, Entry> catalogue) {
        catalogue.put("POST /api/v1/communication-forms", emits(CommunicationFormEvents.ADDED,
                () -> () -> FormFixtures.add(FormFixtures.uniqueCode("ADDED"), "DIRECT", "attendance")));
        catalogue.put("PUT /api/v1/communication-forms/{code}", emits(CommunicationFormEvents.CHANGED, () -> {
            String code = FormFixtures.add(FormFixtures.uniqueCode("CHANGED"), "DIRECT", "attendance");
            return () -> asNationalAdmin().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                    .body(FormFixtures.change("DIRECT", "attendance", "reach"))
                    .when().put("/api/v1/communication-forms/" + code).then().statusCode(200);
        }));
        catalogue.put("POST /api/v1/communication-forms/{code}/retire", emits(CommunicationFormEvents.RETIRED, () -> {
            String code = FormFixtures.add(FormFixtures.uniqueCode("RETIRED"), "DIRECT", "attendance");
            return () -> asNationalAdmin().when().post("/api/v1/communication-forms/" + code + "/retire")
                    .then().statusCode(200);
        }));
    }

    private static String recipient() {
        String unit = province(root());
        String person = "events-" + UUID.randomUUID().toString().substring(0, 8);
        putRecipient(person, unit, "vi", 201);
        return person;
    }

    private static void putRecipient(String person, String unit, String language, int status) {
        asNationalAdmin().contentType(ContentType.JSON).body(Map.of("email", person + "@bhxh.test",
                        "language", language, "orgUnitCode", unit, "kinds", List.of("ASSIGNMENT")))
                .when().put("/api/v1/notification-recipients/" + person).then().statusCode(status);
    }

    private static String root() {
        return OrgUnitFixtures.create("VN", "Bảo hiểm xã hội Việt Nam", "NATIONAL", null, SINCE);
    }

    private static String province(String root) {
        return OrgUnitFixtures.create("LC", "Tỉnh Lào Cai", "PROVINCE", root, SINCE);
    }

    private static String masterPlan() {
        return PlanFixtures.create("MASTER", "Kế hoạch năm 2025", province(root()), "2025-01-01", "2025-12-31", null);
    }

    private static String campaignPlan() {
        String[] tree = OrgUnitFixtures.tree();
        return PlanFixtures.createUnder(tree[0], "CAMPAIGN", "Tháng vận động 2024", tree[1], "2024-05-01", "2024-05-31");
    }

    private static Map<String, Object> campaign(String plan, long... amounts) {
        Map<String, Object> body = new HashMap<>();
        body.put("planId", plan);
        body.put("theme", "7 ngày cao điểm tuyên truyền nhóm nhỏ");
        body.put("startDate", "2024-05-13");
        body.put("endDate", "2024-05-19");
        body.put("forms", List.of(Map.of("kind", "SMALL_GROUP")));
        body.put("budgetLines", java.util.stream.IntStream.range(0, amounts.length)
                .mapToObj(i -> Map.of("item", "Hạng mục " + (i + 1), "amountVnd", amounts[i])).toList());
        return body;
    }

    private static String createCampaign(String plan, long amount) {
        return asNationalAdmin().contentType(ContentType.JSON).body(campaign(plan, amount))
                .when().post("/api/v1/campaigns").then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> task(String plan, String unit) {
        return AssignmentFixtures.assignment(plan, unit, "SMALL_GROUP", 10, 10_000_000, "2024-05-13", "2024-05-19",
                Map.of("newHealthInsurance", 100L));
    }

    private static String etag(String path) {
        return asNationalAdmin().when().get(path).then().statusCode(200).extract().header("ETag");
    }

    private void removeLevel(String code) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("delete from org_level where code = ?")) {
            delete.setString(1, code);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
