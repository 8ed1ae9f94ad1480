package vn.commops.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static vn.commops.e2e.Gateway.admin;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The national centre adds a form of communication in plan-service, with no release, and activity-service
 * takes activities of it by the figures it must report, learnt through the communication-forms topic.
 */
class CommunicationFormIT {

    @BeforeAll
    static void startPlatform() throws Exception {
        RestAssured.baseURI = Platform.shared().gatewayUrl();
    }

    @Test
    void aFormAddedAtPlanServiceIsReportedAtActivityServiceByItsFigures() {
        String[] units = Gateway.createHierarchy("LC", "Bảo hiểm xã hội tỉnh Lào Cai", "Xã Hồ Phai");
        String commune = units[2];
        String form = "HOME_VISIT_" + Gateway.uniqueSuffix();
        admin().contentType(ContentType.JSON).body(Map.of("code", form, "channel", "DIRECT",
                        "nameVi", "Thăm hộ gia đình", "nameEn", "Home visit", "requiredFigures", List.of("attendance")))
                .when().post("/api/v1/communication-forms").then().statusCode(201);
        Gateway.as("viewer").when().get("/api/v1/communication-forms/" + form).then().statusCode(200)
                .body("requiredFigures", contains("attendance"));

        // Until both the commune and the form have reached activity-service's replicas.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> {
            String type = admin().contentType(ContentType.JSON).body(activity(commune, form, null))
                    .post("/api/v1/activities").then().extract().path("type");
            return "urn:commops:problem:invalid-activity".equals(type);
        });
        admin().contentType(ContentType.JSON).body(activity(commune, form, null)).when().post("/api/v1/activities")
                .then().statusCode(422).body("errors.field", contains("attendance"));
        admin().contentType(ContentType.JSON).body(activity(commune, form, 6)).when().post("/api/v1/activities")
                .then().statusCode(201).body("form", equalTo(form)).body("channel", equalTo("DIRECT"));
        admin().contentType(ContentType.JSON).body(activity(commune, "SEMINAR", 45)).when().post("/api/v1/activities")
                .then().statusCode(201);
    }

    private static Map<String, Object> activity(String commune, String form, Integer attendance) {
        Map<String, Object> body = new HashMap<>();
        body.put("orgUnitCode", commune);
        body.put("form", form);
        body.put("title", "Thăm hộ gia đình, vận động tham gia BHXH tự nguyện");
        body.put("startedAt", "2024-05-15T08:00:00+07:00");
        if (attendance != null) {
            body.put("attendance", attendance);
        }
        return body;
    }
}
