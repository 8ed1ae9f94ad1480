package vn.commops.indicator.indicator;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static vn.commops.common.testing.TestTokens.as;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.commops.indicator.Fixtures;

@QuarkusTest
class IndicatorResourceTest {

    private static Map<String, Object> definition(String code, String numerator, String denominator) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("name", "Tỷ lệ hội nghị có đối thoại");
        body.put("unit", "%");
        body.put("numerator", numerator);
        body.put("denominator", denominator);
        body.put("factor", 100);
        body.put("aggregationType", "AVERAGE");
        body.put("periodType", "MONTH");
        return body;
    }

    @Test
    void theSeededIndicatorsAreListed() {
        as("viewer").when().get("/api/v1/indicators").then().statusCode(200)
                .body("code", hasItems("SI_COVERAGE_LABOUR_FORCE", "HI_COVERAGE_POPULATION", "CONFERENCES_HELD",
                        "AVERAGE_CONFERENCE_ATTENDANCE", "PEOPLE_REACHED", "NEW_PARTICIPANTS_PER_MILLION_VND",
                        "LIVESTREAM_PLAYS", "APP_INSTALLS"));
        as("viewer").when().get("/api/v1/indicators/SI_COVERAGE_LABOUR_FORCE").then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("numerator", equalTo("SOCIAL_INSURANCE_PARTICIPANTS"))
                .body("denominator", equalTo("LABOUR_FORCE"))
                .body("factor", equalTo(100));
    }

    @Test
    void aValidDefinitionIsSavedOnceAndRetriesAreHarmless() {
        String code = Fixtures.unique("DIALOGUE_SHARE").replace('-', '_');
        Map<String, Object> body = definition(code, "ACTIVITY_COUNT[DIALOGUE]", "ACTIVITY_COUNT[CONFERENCE] + 1");
        asNationalAdmin().contentType(ContentType.JSON).body(body).when().post("/api/v1/indicators")
                .then().statusCode(201).body("version", equalTo(1)).body("name", equalTo("Tỷ lệ hội nghị có đối thoại"));
        asNationalAdmin().contentType(ContentType.JSON).body(body).when().post("/api/v1/indicators")
                .then().statusCode(200).body("version", equalTo(1));
        body.put("name", "Khác");
        asNationalAdmin().contentType(ContentType.JSON).body(body).when().post("/api/v1/indicators")
                .then().statusCode(409);
        asNationalAdmin().contentType(ContentType.JSON).body(body).header("If-Match", "\"1\"")
                .when().put("/api/v1/indicators/" + code).then().statusCode(200).body("version", equalTo(2));
        asNationalAdmin().contentType(ContentType.JSON).body(body).header("If-Match", "\"1\"")
                .when().put("/api/v1/indicators/" + code).then().statusCode(412);
    }

    @Test
    void aFormulaThatDoesNotParseIsRefusedWithFieldAndPosition() {
        asNationalAdmin().contentType(ContentType.JSON)
                .body(definition("BROKEN_ONE", "ATTENDANCE + ", null))
                .when().post("/api/v1/indicators")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:commops:problem:invalid-formula"))
                .body("errors[0].field", equalTo("numerator"))
                .body("errors[0].message", startsWith("at position 14:"));
        asNationalAdmin().contentType(ContentType.JSON)
                .body(definition("BROKEN_TWO", "ATTENDANCE", "(COST_VND / 2"))
                .when().post("/api/v1/indicators")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("denominator"))
                .body("errors[0].message", startsWith("at position 14: missing ')'"));
    }

    @Test
    void namesInAFormulaMustExist() {
        asNationalAdmin().contentType(ContentType.JSON)
                .body(definition("BROKEN_THREE", "ATTENDANCE + VISITORS", null))
                .when().post("/api/v1/indicators")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("numerator"))
                .body("errors[0].message", equalTo("at position 14: unknown data element 'VISITORS'"));
        asNationalAdmin().contentType(ContentType.JSON)
                .body(definition("BROKEN_FOUR", "ACTIVITY_COUNT[PARADE]", null))
                .when().post("/api/v1/indicators")
                .then().statusCode(400)
                .body("errors[0].message", equalTo("at position 1: unknown activity form 'PARADE'"));
        asNationalAdmin().contentType(ContentType.JSON)
                .body(definition("BROKEN_FIVE", "APP_INSTALLS", "POPULATION[CONFERENCE]"))
                .when().post("/api/v1/indicators")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("denominator"))
                .body("errors[0].message", startsWith("at position 1: 'POPULATION' is a reported statistic"));
    }

    @Test
    void onlyNationalAdministratorsDefineIndicators() {
        as("unit-manager", "LC").contentType(ContentType.JSON).body(definition("NOT_MINE", "ATTENDANCE", null))
                .when().post("/api/v1/indicators").then().statusCode(403);
        as("viewer").when().get("/api/v1/indicators/NOWHERE").then().statusCode(404);
    }

    @Test
    void dataElementsCoverActivitiesAndStatistics() {
        as("viewer").when().get("/api/v1/data-elements").then().statusCode(200)
                .body("code", hasItems("ACTIVITY_COUNT", "ATTENDANCE", "COST_VND", "LABOUR_FORCE", "POPULATION",
                        "SOCIAL_INSURANCE_PARTICIPANTS", "HEALTH_INSURANCE_PARTICIPANTS"));
        as("viewer").queryParam("kind", "STATISTIC").when().get("/api/v1/data-elements").then().statusCode(200)
                .body("kind.unique()", equalTo(List.of("STATISTIC")));
        asNationalAdmin().contentType(ContentType.JSON)
                .body(Map.of("code", "STUDENTS", "name", "Học sinh, sinh viên"))
                .when().post("/api/v1/data-elements").then().statusCode(201).body("kind", equalTo("STATISTIC"));
        asNationalAdmin().contentType(ContentType.JSON)
                .body(Map.of("code", "ATTENDANCE", "name", "Khác"))
                .when().post("/api/v1/data-elements").then().statusCode(409);
        as("unit-manager", "LC").contentType(ContentType.JSON)
                .body(Map.of("code", "OTHER", "name", "Khác"))
                .when().post("/api/v1/data-elements").then().statusCode(403);
    }
}
