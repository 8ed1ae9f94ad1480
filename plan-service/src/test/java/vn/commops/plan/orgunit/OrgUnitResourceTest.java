package vn.commops.plan.orgunit;

import static vn.commops.common.testing.TestTokens.asNationalAdmin;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import vn.commops.common.testing.TopicProbe;

@QuarkusTest
class OrgUnitResourceTest {

    @Test
    void aTreeIsBuiltWithHierarchicalPaths() {
        String[] tree = OrgUnitFixtures.tree();

        asNationalAdmin().when().get("/api/v1/org-units/" + tree[2])
                .then().statusCode(200)
                .body("name", equalTo("Xã Hồ Phai"))
                .body("parentCode", equalTo(tree[1]))
                .body("path", equalTo("/" + tree[0] + "/" + tree[1] + "/" + tree[2] + "/"));
    }

    @Test
    void subtreeAndDiacriticFreeSearchFindTheUnits() {
        String[] tree = OrgUnitFixtures.tree();

        asNationalAdmin().queryParam("subtreeOf", tree[1]).when().get("/api/v1/org-units")
                .then().statusCode(200)
                .body("items.code", contains(tree[1], tree[2]))
                .body("totalItems", equalTo(2));
        asNationalAdmin().queryParam("subtreeOf", tree[0]).queryParam("q", "ho phai").when().get("/api/v1/org-units")
                .then().statusCode(200)
                .body("items.code", contains(tree[2]));
    }

    @Test
    void creatingAUnitPublishesItsEnvelopeKeyedByCode() {
        String[] tree = OrgUnitFixtures.tree();

        TopicProbe.Received message = TopicProbe.awaitEvent(OrgUnitEvents.TOPIC, OrgUnitEvents.CREATED, tree[2]);

        assertEquals(tree[2], message.key());
        assertEquals("plan-service", message.value().path("source").asText());
        assertEquals(1, message.value().path("schemaVersion").asInt());
        assertEquals("/" + tree[0] + "/" + tree[1] + "/" + tree[2] + "/",
                message.value().path("data").path("path").asText());
    }

    @Test
    void aTakenCodeIsAConflict() {
        String[] tree = OrgUnitFixtures.tree();

        asNationalAdmin().contentType(ContentType.JSON).body(OrgUnitFixtures.unit(tree[1], "Again", "PROVINCE", tree[0]))
                .when().post("/api/v1/org-units")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:commops:problem:org-unit-exists"));
    }

    @Test
    void anUnknownParentIsNamed() {
        asNationalAdmin().contentType(ContentType.JSON)
                .body(OrgUnitFixtures.unit(OrgUnitFixtures.uniqueCode("X"), "Xã", "COMMUNE", "NOWHERE"))
                .when().post("/api/v1/org-units")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("parentCode"));
    }

    @Test
    void aUnitCannotSitUnderOneOfItsOwnLevel() {
        String[] tree = OrgUnitFixtures.tree();

        asNationalAdmin().contentType(ContentType.JSON)
                .body(OrgUnitFixtures.unit(OrgUnitFixtures.uniqueCode("C"), "Xã khác", "COMMUNE", tree[2]))
                .when().post("/api/v1/org-units")
                .then().statusCode(422)
                .body("type", equalTo("urn:commops:problem:level-not-below-parent"))
                .body("errors[0].field", equalTo("levelCode"));
    }

    @Test
    void missingAndMalformedFieldsAreNamed() {
        asNationalAdmin().contentType(ContentType.JSON).body("{\"code\":\"lower case\",\"levelCode\":\"COMMUNE\"}")
                .when().post("/api/v1/org-units")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:commops:problem:validation"))
                .body("errors.field", contains("code", "name"));
    }

    @Test
    void malformedJsonIsABadRequestProblem() {
        asNationalAdmin().contentType(ContentType.JSON).body("{\"code\": \"LC\",")
                .when().post("/api/v1/org-units")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:commops:problem:malformed-json"))
                .body("detail", containsString("not valid JSON"));
    }

    @Test
    void anUnknownUnitIsNotFound() {
        asNationalAdmin().when().get("/api/v1/org-units/NOWHERE")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    @Test
    void sortingByAnUnknownFieldIsNamed() {
        asNationalAdmin().queryParam("sort", "secret").when().get("/api/v1/org-units")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("sort"));
    }
}
