package vn.commops.plan;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static vn.commops.common.testing.TestTokens.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.commops.common.testing.TestTokens;
import vn.commops.plan.form.FormFixtures;
import vn.commops.plan.orgunit.OrgUnitFixtures;

/** Who may call what, and on which org units, in plan-service. */
@QuarkusTest
class AccessTest {

    private static Map<String, Object> plan(String owner) {
        return Map.of("type", "MASTER", "title", "Đề án truyền thông 2025", "ownerUnitCode", owner,
                "periodStart", "2025-01-01", "periodEnd", "2025-12-31");
    }

    @Test
    void noTokenIsUnauthenticated() {
        given().when().get("/api/v1/plans")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("urn:commops:problem:unauthenticated"));
    }

    @Test
    void forgedAndExpiredTokensAreUnauthenticated() {
        given().auth().oauth2(TestTokens.forged("mallory", List.of("national-admin")))
                .when().get("/api/v1/org-units").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.expired("alice", List.of("national-admin")))
                .when().get("/api/v1/org-units").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2("not.a.jwt")
                .when().get("/api/v1/org-units").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aViewerReadsButCannotWrite() {
        String[] tree = OrgUnitFixtures.tree();
        as("viewer").when().get("/api/v1/org-units/" + tree[1]).then().statusCode(200);
        as("viewer").contentType(ContentType.JSON).body(plan(tree[1]))
                .when().post("/api/v1/plans")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:commops:problem:forbidden"));
    }

    @Test
    void everyoneReadsTheFormCatalogueAndOnlyANationalAdminChangesIt() {
        String code = FormFixtures.add(FormFixtures.uniqueCode("ACCESS"), "DIRECT", "attendance");
        for (String role : List.of("viewer", "unit-officer", "crisis-analyst", "data-protection-officer")) {
            as(role).when().get("/api/v1/communication-forms/" + code).then().statusCode(200);
        }
        TestTokens.asPartner("post-office", "LC").when().get("/api/v1/communication-forms").then().statusCode(200);
        as("unit-manager", "VN").contentType(ContentType.JSON)
                .body(FormFixtures.form(FormFixtures.uniqueCode("ACCESS"), "DIRECT", "attendance"))
                .when().post("/api/v1/communication-forms").then().statusCode(403);
        as("unit-manager", "VN").contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(FormFixtures.change("DIRECT", "reach"))
                .when().put("/api/v1/communication-forms/" + code).then().statusCode(403);
        as("unit-manager", "VN").when().post("/api/v1/communication-forms/" + code + "/retire")
                .then().statusCode(403);
    }

    @Test
    void aPartnerReadsNoPlans() {
        TestTokens.asPartner("post-office", "LC").when().get("/api/v1/plans").then().statusCode(403);
    }

    @Test
    void aUnitManagerPlansForItsOwnSubtreeOnly() {
        String[] mine = OrgUnitFixtures.tree();
        String[] theirs = OrgUnitFixtures.tree();

        as("unit-manager", mine[1]).contentType(ContentType.JSON).body(plan(mine[2]))
                .when().post("/api/v1/plans").then().statusCode(201);
        as("unit-manager", mine[1]).contentType(ContentType.JSON).body(plan(theirs[1]))
                .when().post("/api/v1/plans")
                .then().statusCode(403)
                .body("type", equalTo("urn:commops:problem:org-unit-not-granted"))
                .body("errors[0].field", equalTo("ownerUnitCode"));
        as("unit-manager", mine[1]).queryParam("ownerUnit", theirs[1]).when().get("/api/v1/plans")
                .then().statusCode(200).body("totalItems", equalTo(0));
    }

    @Test
    void onlyANationalAdminCreatesARootUnit() {
        as("unit-manager", "VN").contentType(ContentType.JSON)
                .body(OrgUnitFixtures.unit(OrgUnitFixtures.uniqueCode("ROOT"), "Gốc", "NATIONAL", null))
                .when().post("/api/v1/org-units")
                .then().statusCode(403);
    }

    @Test
    void injectionShapedTextIsJustText() {
        String[] tree = OrgUnitFixtures.tree();
        as("national-admin").queryParam("q", "' or 1=1 --").queryParam("subtreeOf", tree[0])
                .when().get("/api/v1/org-units")
                .then().statusCode(200).body("totalItems", equalTo(0));
        as("national-admin").when().get("/api/v1/org-units/' or '1'='1")
                .then().statusCode(404);
    }
}
