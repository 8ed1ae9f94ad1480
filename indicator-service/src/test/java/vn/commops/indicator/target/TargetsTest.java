package vn.commops.indicator.target;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static vn.commops.common.testing.TestTokens.as;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.commops.indicator.Fixtures;

@QuarkusTest
class TargetsTest {

    private Fixtures.Tree tree;

    @BeforeEach
    void units() {
        tree = Fixtures.tree();
    }

    static Map<String, Object> target(String indicator, String unit, String period, Object value, String from) {
        Map<String, Object> body = new HashMap<>();
        body.put("indicatorCode", indicator);
        body.put("orgUnitCode", unit);
        body.put("period", period);
        body.put("value", value);
        body.put("effectiveFrom", from);
        return body;
    }

    private String provinceTarget(Object value) {
        return asNationalAdmin().contentType(ContentType.JSON)
                .body(target("ACTIVITIES_HELD", tree.province(), "202405", value, "2024-05-01"))
                .when().post("/api/v1/targets").then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> shares(Object... codeAndValue) {
        List<Map<String, Object>> children = new ArrayList<>();
        for (int i = 0; i < codeAndValue.length; i += 2) {
            children.add(Map.of("orgUnitCode", codeAndValue[i], "value", codeAndValue[i + 1]));
        }
        return Map.of("children", children);
    }

    @Test
    void childrenMayNotExceedTheParentsTarget() {
        String parent = provinceTarget(100);

        asNationalAdmin().contentType(ContentType.JSON).body(shares(tree.communeA(), 60, tree.communeB(), 50))
                .when().post("/api/v1/targets/" + parent + "/cascade")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:commops:problem:target-exceeds-parent"))
                .body("errors[0].field", equalTo("children[1].value"))
                .body("errors[0].message", containsString("add up to 110 from 2024-05-01, over " + tree.province()
                        + "'s target of 100 by 10"));
        as("viewer").queryParam("orgUnit", tree.communeA()).when().get("/api/v1/targets")
                .then().body("totalItems", equalTo(0));

        asNationalAdmin().contentType(ContentType.JSON).body(shares(tree.communeA(), 60, tree.communeB(), 40))
                .when().post("/api/v1/targets/" + parent + "/cascade")
                .then().statusCode(201)
                .body("orgUnitCode", equalTo(List.of(tree.communeA(), tree.communeB())))
                .body("parentTargetId", equalTo(List.of(parent, parent)))
                .body("effectiveFrom", equalTo(List.of("2024-05-01", "2024-05-01")));

        // B's 40 still stands: A may take 60 at most.
        Map<String, Object> more = new HashMap<>(shares(tree.communeA(), 70));
        more.put("effectiveFrom", "2024-05-10");
        asNationalAdmin().contentType(ContentType.JSON).body(more)
                .when().post("/api/v1/targets/" + parent + "/cascade")
                .then().statusCode(422)
                .body("errors[0].field", equalTo("children[0].value"))
                .body("errors[0].message", containsString("add up to 110 from 2024-05-10"));
    }

    @Test
    void onlyDirectChildrenOfAGrantedUnitReceiveShares() {
        String parent = provinceTarget(100);
        asNationalAdmin().contentType(ContentType.JSON).body(shares("VN", 1))
                .when().post("/api/v1/targets/" + parent + "/cascade")
                .then().statusCode(422).body("errors[0].field", equalTo("children[0].orgUnitCode"));
        as("unit-manager", "SOMEWHERE-ELSE").contentType(ContentType.JSON).body(shares(tree.communeA(), 1))
                .when().post("/api/v1/targets/" + parent + "/cascade").then().statusCode(403);
        as("unit-manager", tree.province()).contentType(ContentType.JSON).body(shares(tree.communeA(), 1))
                .when().post("/api/v1/targets/" + parent + "/cascade").then().statusCode(201);
        as("unit-officer", tree.province()).contentType(ContentType.JSON).body(shares(tree.communeA(), 1))
                .when().post("/api/v1/targets/" + parent + "/cascade").then().statusCode(403);
    }

    @Test
    void targetsAreVersionedAndRetriesAreHarmless() {
        Map<String, Object> first = target("ACTIVITIES_HELD", tree.communeA(), "202405", 100, "2024-05-01");
        String id = asNationalAdmin().contentType(ContentType.JSON).body(first).when().post("/api/v1/targets")
                .then().statusCode(201).body("version", equalTo(1)).extract().path("id");
        asNationalAdmin().contentType(ContentType.JSON).body(first).when().post("/api/v1/targets")
                .then().statusCode(200).body("id", equalTo(id));
        Map<String, Object> conflicting = target("ACTIVITIES_HELD", tree.communeA(), "202405", 120, "2024-05-01");
        asNationalAdmin().contentType(ContentType.JSON).body(conflicting).when().post("/api/v1/targets")
                .then().statusCode(409);
        Map<String, Object> second = target("ACTIVITIES_HELD", tree.communeA(), "202405", 200, "2024-05-20");
        asNationalAdmin().contentType(ContentType.JSON).body(second).when().post("/api/v1/targets")
                .then().statusCode(201).body("version", equalTo(2));

        as("viewer").queryParam("indicators", "ACTIVITIES_HELD").queryParam("orgUnit", tree.communeA())
                .queryParam("period", "202405").queryParam("asOf", "2024-05-10")
                .when().get("/api/v1/evaluations").then().statusCode(200)
                .body("[0].target", equalTo(100.0f)).body("[0].targetVersion", equalTo(1));
        as("viewer").queryParam("indicators", "ACTIVITIES_HELD").queryParam("orgUnit", tree.communeA())
                .queryParam("period", "202405").queryParam("asOf", "2024-05-25")
                .when().get("/api/v1/evaluations").then().statusCode(200)
                .body("[0].target", equalTo(200.0f)).body("[0].targetVersion", equalTo(2));
        as("viewer").queryParam("indicators", "ACTIVITIES_HELD").queryParam("orgUnit", tree.communeA())
                .queryParam("period", "202405")
                .when().get("/api/v1/evaluations").then().statusCode(200)
                .body("[0].asOf", equalTo("2024-05-31")).body("[0].target", equalTo(200.0f));
        as("viewer").when().get("/api/v1/targets/" + id).then().statusCode(200).body("value", equalTo(100));
    }

    @Test
    void badTargetsAreNamed() {
        asNationalAdmin().contentType(ContentType.JSON)
                .body(target("NOPE", tree.communeA(), "202405", 1, null)).when().post("/api/v1/targets")
                .then().statusCode(422).body("errors[0].field", equalTo("indicatorCode"));
        asNationalAdmin().contentType(ContentType.JSON)
                .body(target("ACTIVITIES_HELD", tree.communeA(), "May", 1, null)).when().post("/api/v1/targets")
                .then().statusCode(400).body("errors[0].field", equalTo("period"));
        asNationalAdmin().contentType(ContentType.JSON)
                .body(target("ACTIVITIES_HELD", tree.communeA(), "202405", -1, null)).when().post("/api/v1/targets")
                .then().statusCode(400).body("errors[0].field", notNullValue());
        as("unit-manager", tree.communeB()).contentType(ContentType.JSON)
                .body(target("ACTIVITIES_HELD", tree.communeA(), "202405", 1, null)).when().post("/api/v1/targets")
                .then().statusCode(403).body("errors[0].field", equalTo("orgUnitCode"));
        as("unit-manager", tree.communeA()).contentType(ContentType.JSON)
                .body(target("ACTIVITIES_HELD", tree.communeA(), "202405", 1, null)).when().post("/api/v1/targets")
                .then().statusCode(403).body("type", equalTo("urn:commops:problem:target-setter-not-parent-manager"));
        as("viewer").contentType(ContentType.JSON)
                .body(target("ACTIVITIES_HELD", tree.communeA(), "202405", 1, null)).when().post("/api/v1/targets")
                .then().statusCode(403);
    }
}
