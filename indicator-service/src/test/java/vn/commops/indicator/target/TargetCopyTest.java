package vn.commops.indicator.target;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static vn.commops.common.testing.TestTokens.as;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;
import static vn.commops.indicator.target.TargetsTest.target;

import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.commops.common.orgunit.KnownOrgUnit;
import vn.commops.common.testing.TopicProbe;
import vn.commops.indicator.Fixtures;

@QuarkusTest
class TargetCopyTest {

    private static void set(String unit, String period, Object value, String from) {
        asNationalAdmin().contentType(ContentType.JSON).body(target("ACTIVITIES_HELD", unit, period, value, from))
                .when().post("/api/v1/targets").then().statusCode(201);
    }

    @Test
    void aSubtreesTargetsAreCopiedToTheNextMonthWithMergedUnitsAddedToTheirSuccessor() {
        Fixtures.Tree tree = Fixtures.tree();
        set(tree.province(), "202405", 100, "2024-05-01");
        set(tree.communeA(), "202405", 40, "2024-05-01");
        set(tree.communeB(), "202405", 30, "2024-05-01");
        set(tree.communeB(), "202405", 35, "2024-05-20");
        // B merges into A at the end of May.
        TopicProbe.send("org-units", tree.communeB(), Fixtures.orgUnitEvent("org-unit.merged", tree.communeB(),
                "COMMUNE", tree.pathB(), tree.communeA(), null).replace("2025-06-30", "2024-05-31"));
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                KnownOrgUnit.<KnownOrgUnit>findByIdOptional(tree.communeB()).map(unit -> unit.validTo != null)
                        .orElse(false)));

        asNationalAdmin().contentType(ContentType.JSON)
                .body(Map.of("fromPeriod", "202405", "toPeriod", "202406", "orgUnitCode", tree.province()))
                .when().post("/api/v1/targets/copy")
                .then().statusCode(200)
                .body("copied.orgUnitCode", containsInAnyOrder(tree.province(), tree.communeA()))
                .body("copied.find { it.orgUnitCode == '" + tree.communeA() + "' }.value", equalTo(75))
                .body("copied.find { it.orgUnitCode == '" + tree.communeA() + "' }.effectiveFrom", equalTo("2024-06-01"))
                .body("mapped[0].from", equalTo(tree.communeB()))
                .body("mapped[0].to", equalTo(tree.communeA()));

        asNationalAdmin().contentType(ContentType.JSON)
                .body(Map.of("fromPeriod", "202405", "toPeriod", "202406", "orgUnitCode", tree.province()))
                .when().post("/api/v1/targets/copy")
                .then().statusCode(200)
                .body("copied", empty())
                .body("dropped.reason", hasItem("has a target in 202406 already"));
        asNationalAdmin().contentType(ContentType.JSON)
                .body(Map.of("fromPeriod", "202405", "toPeriod", "2024Q3", "orgUnitCode", tree.province()))
                .when().post("/api/v1/targets/copy")
                .then().statusCode(422).body("errors[0].field", equalTo("toPeriod"));
        as("unit-manager", tree.communeA()).contentType(ContentType.JSON)
                .body(Map.of("fromPeriod", "202405", "toPeriod", "202407", "orgUnitCode", tree.communeA()))
                .when().post("/api/v1/targets/copy")
                .then().statusCode(403);
    }
}
