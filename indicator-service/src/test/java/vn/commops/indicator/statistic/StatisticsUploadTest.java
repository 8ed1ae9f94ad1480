package vn.commops.indicator.statistic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static vn.commops.common.testing.TestTokens.as;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.commops.indicator.Fixtures;

@QuarkusTest
class StatisticsUploadTest {

    private Fixtures.Tree tree;

    @BeforeEach
    void units() {
        tree = Fixtures.tree();
    }

    private static Map<String, Object> row(String unit, String element, String period, Object value) {
        return Map.of("orgUnit", unit, "dataElement", element, "period", period, "value", value);
    }

    @Test
    void aRetriedUploadChangesNothingAndANewValueReplacesTheOld() {
        List<Map<String, Object>> rows = List.of(row(tree.province(), "POPULATION", "2024", 730000),
                row(tree.province(), "LABOUR_FORCE", "2024", 450000));
        asNationalAdmin().contentType(ContentType.JSON).body(rows).when().post("/api/v1/statistics")
                .then().statusCode(200).body("created", equalTo(2)).body("unchanged", equalTo(0));
        asNationalAdmin().contentType(ContentType.JSON).body(rows).when().post("/api/v1/statistics")
                .then().statusCode(200).body("created", equalTo(0)).body("unchanged", equalTo(2))
                .body("rows.outcome", equalTo(List.of("UNCHANGED", "UNCHANGED")));
        asNationalAdmin().contentType(ContentType.JSON)
                .body(List.of(row(tree.province(), "POPULATION", "2024", 731000)))
                .when().post("/api/v1/statistics")
                .then().statusCode(200).body("updated", equalTo(1));
        as("viewer").queryParam("orgUnit", tree.province()).queryParam("dataElement", "POPULATION")
                .when().get("/api/v1/statistics")
                .then().statusCode(200).body("totalItems", equalTo(1)).body("items[0].value", equalTo(731000));
    }

    @Test
    void csvUploadsWorkTheSame() {
        String csv = "orgUnit,dataElement,period,value\r\n"
                + tree.communeA() + ",POPULATION,2024,12000\r\n"
                + "\"" + tree.communeB() + "\",HEALTH_INSURANCE_PARTICIPANTS,2024,\"9000.5\"\r\n";
        asNationalAdmin().contentType("text/csv").body(csv).when().post("/api/v1/statistics")
                .then().statusCode(200).body("created", equalTo(2));
        asNationalAdmin().contentType("text/csv").body(csv).when().post("/api/v1/statistics")
                .then().statusCode(200).body("unchanged", equalTo(2));
        asNationalAdmin().contentType("text/csv").body("unit,value\n").when().post("/api/v1/statistics")
                .then().statusCode(400).body("errors[0].field", equalTo("body"));
    }

    @Test
    void badRowsAreRejectedOneByOneAndTheRestApplies() {
        List<Map<String, Object>> rows = List.of(
                row(tree.communeA(), "LABOUR_FORCE", "2024", 5000),
                row("NOWHERE", "LABOUR_FORCE", "2024", 1),
                row(tree.communeA(), "ATTENDANCE", "2024", 1),
                row(tree.communeA(), "LABOUR_FORCE", "May 2024", 1),
                row(tree.communeA(), "POPULATION", "2024", -4));
        asNationalAdmin().contentType(ContentType.JSON).body(rows).when().post("/api/v1/statistics")
                .then().statusCode(200).body("created", equalTo(1)).body("rejected", equalTo(4))
                .body("rows[1].errors[0].field", equalTo("orgUnit"))
                .body("rows[2].errors[0].field", equalTo("dataElement"))
                .body("rows[3].errors[0].field", equalTo("period"))
                .body("rows[4].errors[0].field", equalTo("value"));
        asNationalAdmin().contentType(ContentType.JSON).body("{\"not\":\"an array\"}").when().post("/api/v1/statistics")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aUnitManagerUploadsOnlyForTheirUnits() {
        as("unit-manager", tree.province()).contentType(ContentType.JSON)
                .body(List.of(row(tree.communeA(), "HOUSEHOLDS", "2024", 3000), row("VN", "HOUSEHOLDS", "2024", 1)))
                .when().post("/api/v1/statistics")
                .then().statusCode(200).body("created", equalTo(1)).body("rejected", equalTo(1))
                .body("rows[1].errors.message", hasItem("not among your granted org units"));
        as("unit-officer", tree.province()).contentType(ContentType.JSON)
                .body(List.of(row(tree.communeA(), "HOUSEHOLDS", "2024", 3000)))
                .when().post("/api/v1/statistics").then().statusCode(403);
    }

    /** Seed 001: 17.5 million SI participants = 38.08 % of the labour force; 91.074 million HI = 94.04 % of people. */
    @Test
    void the2022CoverageFiguresOfSeed001AreReproduced() {
        asNationalAdmin().contentType("text/csv").body("""
                orgUnit,dataElement,period,value
                VN,SOCIAL_INSURANCE_PARTICIPANTS,2022,17500000
                VN,LABOUR_FORCE,2022,45960000
                VN,HEALTH_INSURANCE_PARTICIPANTS,2022,91074000
                VN,POPULATION,2022,96850000
                """).when().post("/api/v1/statistics").then().statusCode(200).body("rejected", equalTo(0));
        JsonPath values = as("viewer").queryParam("orgUnit", "VN").queryParam("period", "2022")
                .queryParam("indicators", "SI_COVERAGE_LABOUR_FORCE,HI_COVERAGE_POPULATION")
                .when().get("/api/v1/indicators/values")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(38.08, values.getDouble("items.find { it.indicatorCode == 'SI_COVERAGE_LABOUR_FORCE' }.value"), 0.005);
        assertEquals(94.04, values.getDouble("items.find { it.indicatorCode == 'HI_COVERAGE_POPULATION' }.value"), 0.005);
    }
}
