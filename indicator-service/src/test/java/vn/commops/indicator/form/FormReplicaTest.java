package vn.commops.indicator.form;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static vn.commops.common.testing.TestTokens.asNationalAdmin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import vn.commops.common.testing.Envelopes;
import vn.commops.common.testing.TopicProbe;

/** A formula's [FORM] filter names a form of plan-service's catalogue, seeded or added later through its events. */
@QuarkusTest
class FormReplicaTest {

    @Test
    void theSeededFormsTheCodeLackedMayFilterAFormula() {
        asNationalAdmin().contentType(ContentType.JSON)
                .body(definition(code("SEMINARS"), "ACTIVITY_COUNT[SEMINAR] + ACTIVITY_COUNT[TELEVISION_BROADCAST]"))
                .when().post("/api/v1/indicators").then().statusCode(201);
    }

    @Test
    void aFormAddedInPlanServiceMayFilterAFormulaOnceItsEventArrives() {
        String form = code("HOME_VISIT");
        Map<String, Object> indicator = definition(code("VISITS"), "ACTIVITY_COUNT[" + form + "]");
        asNationalAdmin().contentType(ContentType.JSON).body(indicator).when().post("/api/v1/indicators")
                .then().statusCode(400).body("errors[0].message", equalTo("at position 1: unknown activity form '"
                        + form + "'"));

        ObjectNode data = Envelopes.data();
        data.put("code", form);
        data.put("channel", "DIRECT");
        data.putArray("requiredFigures").add("attendance");
        data.put("retired", false);
        data.put("version", 0);
        TopicProbe.send("communication-forms", form,
                Envelopes.envelope(UUID.randomUUID(), "communication-form.added", "plan-service", form, data));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() ->
                asNationalAdmin().contentType(ContentType.JSON).body(indicator).when().post("/api/v1/indicators")
                        .then().extract().statusCode() == 201);
    }

    private static String code(String stem) {
        return stem + "_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff)).toUpperCase();
    }

    private static Map<String, Object> definition(String code, String numerator) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("name", "Số hoạt động theo hình thức");
        body.put("unit", "hoạt động");
        body.put("numerator", numerator);
        body.put("factor", 1);
        body.put("aggregationType", "SUM");
        body.put("periodType", "MONTH");
        return body;
    }
}
