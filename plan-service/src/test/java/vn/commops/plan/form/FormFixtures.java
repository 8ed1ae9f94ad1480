package vn.commops.plan.form;

import static vn.commops.common.testing.TestTokens.asNationalAdmin;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Forms of communication added through the API, with codes unique to each test. */
public final class FormFixtures {

    private FormFixtures() {
    }

    public static String uniqueCode(String stem) {
        return stem + "_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff)).toUpperCase();
    }

    public static Map<String, Object> form(String code, String channel, String... figures) {
        return Map.of("code", code, "channel", channel, "nameVi", "Thăm hộ gia đình", "nameEn", "Home visit",
                "requiredFigures", List.of(figures));
    }

    public static Map<String, Object> change(String channel, String... figures) {
        return Map.of("channel", channel, "nameVi", "Thăm hộ gia đình", "nameEn", "Home visit",
                "requiredFigures", List.of(figures));
    }

    public static String add(String code, String channel, String... figures) {
        asNationalAdmin().contentType(ContentType.JSON).body(form(code, channel, figures))
                .when().post("/api/v1/communication-forms").then().statusCode(201);
        return code;
    }

    public static void retire(String code) {
        asNationalAdmin().when().post("/api/v1/communication-forms/" + code + "/retire").then().statusCode(200);
    }
}
