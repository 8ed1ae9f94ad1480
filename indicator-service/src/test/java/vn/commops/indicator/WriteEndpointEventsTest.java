package vn.commops.indicator;

import static vn.commops.common.testing.TestTokens.asNationalAdmin;
import static vn.commops.common.testing.WriteEndpointEvents.changesNoState;
import static vn.commops.common.testing.WriteEndpointEvents.emits;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import vn.commops.common.testing.WriteEndpointEvents;
import vn.commops.common.testing.WriteEndpointEvents.Entry;

/** Every write endpoint of indicator-service publishes its state change, or is listed as changing none. */
@QuarkusTest
class WriteEndpointEventsTest {

    @Inject
    DataSource dataSource;

    private Fixtures.Tree tree;

    @TestFactory
    Stream<DynamicTest> everyWriteEndpointPublishesItsChange() {
        tree = Fixtures.tree();
        Map<String, Entry> catalogue = new TreeMap<>();
        catalogue.put("POST /api/v1/targets", emits("target.set", () -> () -> provinceTarget("2023", 100)));
        catalogue.put("POST /api/v1/targets/{id}/cascade", emits("target.set", () -> {
            String id = provinceTarget("2022", 100);
            return () -> asNationalAdmin().contentType(ContentType.JSON).body(Map.of("rule", "EVEN", "levels", 1))
                    .when().post("/api/v1/targets/" + id + "/cascade").then().statusCode(201);
        }));
        catalogue.put("POST /api/v1/targets/copy", emits("target.set", () -> {
            provinceTarget("202305", 100);
            return () -> asNationalAdmin().contentType(ContentType.JSON)
                    .body(Map.of("fromPeriod", "202305", "toPeriod", "202306", "orgUnitCode", tree.province()))
                    .when().post("/api/v1/targets/copy").then().statusCode(200);
        }));
        catalogue.put("POST /api/v1/evaluations/alerts/check", emits("indicator.behind-target", () -> {
            LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
            setTarget(tree.communeB(), today.format(DateTimeFormatter.ofPattern("yyyyMM")), today.lengthOfMonth() * 2,
                    today.withDayOfMonth(1).toString());
            return () -> asNationalAdmin().when().post("/api/v1/evaluations/alerts/check").then().statusCode(200);
        }));
        catalogue.put("POST /api/v1/data-elements", emits("data-element.defined", () -> () ->
                asNationalAdmin().contentType(ContentType.JSON)
                        .body(Map.of("code", Fixtures.unique("RETIREES").replace('-', '_'), "name", "Người hưu trí"))
                        .when().post("/api/v1/data-elements").then().statusCode(201)));
        catalogue.put("POST /api/v1/statistics", emits("statistic.reported", () -> () ->
                asNationalAdmin().contentType(ContentType.JSON)
                        .body(List.of(Map.of("orgUnit", tree.province(), "dataElement", "POPULATION", "period", "2021",
                                "value", 730000)))
                        .when().post("/api/v1/statistics").then().statusCode(200)));
        catalogue.put("POST /api/v1/indicators", emits("indicator.created", () -> () ->
                asNationalAdmin().contentType(ContentType.JSON).body(indicator(Fixtures.unique("TALKS").replace('-', '_')))
                        .when().post("/api/v1/indicators").then().statusCode(201)));
        catalogue.put("PUT /api/v1/indicators/{code}", emits("indicator.updated", () -> {
            String code = Fixtures.unique("TALKS").replace('-', '_');
            Map<String, Object> definition = indicator(code);
            asNationalAdmin().contentType(ContentType.JSON).body(definition)
                    .when().post("/api/v1/indicators").then().statusCode(201);
            definition.put("name", "Số cuộc đối thoại chính sách");
            return () -> asNationalAdmin().contentType(ContentType.JSON).body(definition).header("If-Match", "\"1\"")
                    .when().put("/api/v1/indicators/" + code).then().statusCode(200);
        }));
        catalogue.put("POST /api/v1/indicators/recompute", changesNoState(
                "rebuilds the live totals from the per-activity states already applied; no fact changes"));
        return WriteEndpointEvents.check("vn.commops.indicator", catalogue, dataSource);
    }

    private String provinceTarget(String period, int value) {
        return setTarget(tree.province(), period, value, "2021-01-01");
    }

    private static String setTarget(String unit, String period, int value, String from) {
        Map<String, Object> body = new HashMap<>();
        body.put("indicatorCode", "ACTIVITIES_HELD");
        body.put("orgUnitCode", unit);
        body.put("period", period);
        body.put("value", value);
        body.put("effectiveFrom", from);
        return asNationalAdmin().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/targets").then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> indicator(String code) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("name", "Số cuộc đối thoại");
        body.put("unit", "cuộc");
        body.put("numerator", "ACTIVITY_COUNT[DIALOGUE]");
        body.put("factor", 1);
        body.put("aggregationType", "SUM");
        body.put("periodType", "MONTH");
        return body;
    }
}
